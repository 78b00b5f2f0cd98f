// The OSCAR provider's release matrix (provider/.goreleaser.yml) names only platforms the Go toolchain
// the project builds with supports: `goreleaser release` would stop at the first one it refuses.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

const PROVIDER = path.join(__dirname, '..', '..', 'provider');

interface Build {
  goos: string[];
  goarch: string[];
  ignore?: { goos: string; goarch: string }[];
}

describe('the provider release matrix', () => {
  test('every target it builds is a platform `go tool dist list` names', () => {
    const { builds } = parse(fs.readFileSync(path.join(PROVIDER, '.goreleaser.yml'), 'utf8')) as { builds: Build[] };
    const supported = new Set(execFileSync('go', ['tool', 'dist', 'list'], { encoding: 'utf8', env: { ...process.env, GOTOOLCHAIN: 'local' } }).split('\n'));
    const targets = builds.flatMap((b) => b.goos.flatMap((os) => b.goarch.map((arch) => ({ os, arch })))
      .filter(({ os, arch }) => !(b.ignore ?? []).some((i) => i.goos === os && i.goarch === arch)).map(({ os, arch }) => `${os}/${arch}`));
    expect(targets.length).toBeGreaterThan(10);
    expect(targets.filter((t) => !supported.has(t))).toEqual([]);
  });

  test('each archive holds the files the registry review asks for, and they exist', () => {
    const { archives } = parse(fs.readFileSync(path.join(PROVIDER, '.goreleaser.yml'), 'utf8')) as { archives: { files: string[] }[] };
    for (const file of archives[0].files) expect(fs.existsSync(path.join(PROVIDER, file))).toBe(true);
    expect(fs.readFileSync(path.join(PROVIDER, 'LICENSE'), 'utf8')).toContain('Apache License');
  });
});
