// The JSON Schema of deployment configs (schema/deployment.schema.json, `oscar-cdktf schema --config`)
// is the loader's own shape: editors complete and check a config as the loader reads it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { runCli } from '../../src/cli/main';
import { deploymentJsonSchema } from '../../src/config/deployment';

const ROOT = path.join(__dirname, '..', '..');
const CONFIG_DIR = path.join(ROOT, 'config');
const validate = new Ajv({ allErrors: true, strict: false }).compile(deploymentJsonSchema());
const errorsOf = () => (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

describe('deployment config JSON Schema', () => {
  test('the committed schema/deployment.schema.json is the one generated, and `oscar-cdktf schema --config` prints it', () => {
    const committed = JSON.parse(fs.readFileSync(path.join(ROOT, 'schema', 'deployment.schema.json'), 'utf8'));
    expect(committed).toEqual(deploymentJsonSchema());
    const out: string[] = [];
    expect(runCli(['schema', '--config'], { out: (l) => out.push(l), err: () => undefined })).toBe(0);
    expect(JSON.parse(out.join('\n'))).toEqual(committed);
  });

  test.each(fs.readdirSync(CONFIG_DIR).filter((f) => f.endsWith('.yaml')))('config/%s validates', (file) => {
    const ok = validate(parse(fs.readFileSync(path.join(CONFIG_DIR, file), 'utf8')));
    expect(errorsOf()).toEqual([]);
    expect(ok).toBe(true);
  });

  test('a misspelt setting, a wrong type and a value outside a closed set are refused', () => {
    const config = { services: { fdl: ['x'], prevnetDestroy: true, clusters: { edge: { endpoint: 1 } } },
      platform: { gateway: { serviceType: 'Elsewhere' } } };
    expect(validate(config)).toBe(false);
    const errors = errorsOf().join('\n');
    expect(errors).toContain('/services must NOT have additional properties');
    expect(errors).toContain('/services/clusters/edge/endpoint must be string');
    expect(errors).toContain('/platform/gateway/serviceType must be equal to one of the allowed values');
  });
});
