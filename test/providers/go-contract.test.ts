// The service contract's defaults, closed sets and naming rules have one home, the FDL model (src/fdl);
// the OSCAR provider reads them from provider/internal/provider/contract_gen.go, rendered from it. A
// default, enum value or pattern changed on one side only fails here.
import * as fs from 'node:fs';
import { GO_CONTRACT_FILE, goContract } from '../../scripts/go-contract';
import { SERVICE_DEFAULTS } from '../../src/fdl/defaults';

describe('the service contract in Go', () => {
  test('the committed contract_gen.go is what the FDL model renders', () => {
    const committed = fs.readFileSync(GO_CONTRACT_FILE, 'utf8');
    if (committed !== goContract()) {
      throw new Error(`${GO_CONTRACT_FILE} differs from the FDL model (src/fdl): run npm run contract:go and commit the result`);
    }
  });

  test('it holds the defaults, the closed sets and the naming rules', () => {
    const go = goContract();
    expect(go).toMatch(new RegExp(`defaultMemory\\s+= "${SERVICE_DEFAULTS.memory}"`));
    expect(go).toMatch(/logLevels\s+= \[\]string\{"NOTSET", "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"\}/);
    expect(go).toContain('serviceNamePattern  = regexp.MustCompile(`^[a-z][a-z0-9-]{1,37}[a-z0-9]$`)');
  });

  test('the provider defines none of them by hand', () => {
    // Literals of the defaults outside the generated file would be a second home.
    const dir = `${GO_CONTRACT_FILE.slice(0, GO_CONTRACT_FILE.lastIndexOf('/'))}`;
    const handWritten = fs.readdirSync(dir).filter((f) => f.endsWith('.go') && !f.endsWith('_test.go') && f !== 'contract_gen.go');
    const offenders = handWritten.flatMap((f) => {
      const text = fs.readFileSync(`${dir}/${f}`, 'utf8');
      return [/"256Mi"/, /"INFO"/, /OneOf\("/, /regexp\.MustCompile\(`\^\[a-z/].filter((re) => re.test(text)).map((re) => `${f}: ${re.source}`);
    });
    expect(offenders).toEqual([]);
  });
});
