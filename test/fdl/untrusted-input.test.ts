// FDL files from untrusted places (pull requests run by CI): scripts may not reach outside the FDL
// file's folder unless allowed, and folders with symlink cycles are walked once.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findFdlFiles, loadFdlFiles, Severity } from '../../src/fdl';
import { runCli } from '../../src/cli/main';
import { tempDir, writeFdl } from '../support/fdl';

const fdlWithScript = (script: string) =>
  `functions:\n  oscar:\n  - c:\n      name: demo\n      image: img\n      script: ${script}\n`;

function errorsOf(file: string, allowScriptsOutsideFolder = false) {
  return loadFdlFiles([file], { allowScriptsOutsideFolder }).diagnostics.filter((d) => d.severity === Severity.ERROR);
}

describe('script paths that leave the FDL file\'s folder', () => {
  const secretDir = tempDir();
  const secret = path.join(secretDir, 'secret.txt');
  fs.writeFileSync(secret, 'TOP SECRET\n');

  test.each([
    ['a relative path upwards', () => path.relative(tempDir(), secret)],
    ['an absolute path', () => secret],
  ])('%s is refused with the file, line, field and fix', (_what, scriptPath) => {
    // WHEN
    const fdl = writeFdl(fdlWithScript(scriptPath()), {});
    const [error] = errorsOf(fdl);
    // THEN
    expect(error).toMatchObject({ file: fdl, line: 6, path: 'functions.oscar[0].c.script' });
    expect(error.message).toContain("outside the FDL file's folder");
    expect(error.fix).toContain('allowScriptsOutsideFolder');
    expect(loadFdlFiles([fdl]).services[0]?.spec.script).not.toContain('TOP SECRET');
  });

  test('a symlink inside the folder that leads out is refused', () => {
    const fdl = writeFdl(fdlWithScript('script.sh'), {});
    fs.symlinkSync(secret, path.join(path.dirname(fdl), 'script.sh'));
    const [error] = errorsOf(fdl);
    expect(error.message).toContain(`a symlink leads to ${fs.realpathSync(secret)}`);
  });

  test('the explicit opt-in reads it', () => {
    const fdl = writeFdl(fdlWithScript(secret), {});
    expect(errorsOf(fdl, true)).toEqual([]);
    expect(loadFdlFiles([fdl], { allowScriptsOutsideFolder: true }).services[0].spec.script).toBe('TOP SECRET\n');
  });

  test('scripts in a sub-folder and symlinks within the folder are fine', () => {
    const fdl = writeFdl(fdlWithScript('scripts/run.sh'), { 'scripts/run.sh': 'echo ok\n' });
    fs.symlinkSync(path.join(path.dirname(fdl), 'scripts', 'run.sh'), path.join(path.dirname(fdl), 'link.sh'));
    expect(errorsOf(fdl)).toEqual([]);
    const linked = path.join(path.dirname(fdl), 'linked.yaml');
    fs.writeFileSync(linked, fdlWithScript('link.sh').replace('demo', 'demo2'));
    expect(errorsOf(linked)).toEqual([]);
  });

  test('validate refuses it by default and reads it with --allow-scripts-outside-folder', () => {
    const fdl = writeFdl(fdlWithScript(secret), {});
    const io = { out: () => undefined, err: () => undefined };
    expect(runCli(['validate', fdl], io)).toBe(1);
    expect(runCli(['validate', '--allow-scripts-outside-folder', fdl], io)).toBe(0);
  });
});

describe('folders of FDL files', () => {
  test('a symlink cycle is walked once: each file is found once', () => {
    // GIVEN a folder holding a link to itself and to its parent
    const root = tempDir();
    fs.mkdirSync(path.join(root, 'a'));
    fs.writeFileSync(path.join(root, 'a', 'one.yaml'), fdlWithScript('s.sh'));
    fs.symlinkSync(root, path.join(root, 'a', 'loop'));
    fs.symlinkSync(path.join(root, 'a'), path.join(root, 'again'));
    fs.symlinkSync(path.join(root, 'a', 'one.yaml'), path.join(root, 'alias.yaml'));
    // WHEN
    const files = findFdlFiles([root]);
    // THEN
    expect(files).toEqual([path.join(root, 'a', 'one.yaml')]);
  });

  test('the same file given twice is loaded once', () => {
    const fdl = writeFdl(fdlWithScript('script.sh'));
    expect(findFdlFiles([fdl, fdl, path.dirname(fdl)])).toEqual([fdl]);
  });
});
