import { runCli } from '../src/cli/main';
import { writeFdl } from './support/fdl';

function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const GOOD = 'functions:\n  oscar:\n  - c1:\n      name: demo\n      image: img\n      script: script.sh\n';

describe('oscar-cdktf validate', () => {
  test('exits 0 and summarises valid files', () => {
    const r = run('validate', writeFdl(GOOD));
    expect(r.code).toBe(0);
    expect(r.out).toBe('1 file(s), 1 service(s): 0 error(s), 0 warning(s)');
  });

  test('prints errors as file:line:col and exits 1', () => {
    const file = writeFdl(GOOD.replace('name: demo', 'name: Bad_Name'));
    const r = run('validate', file);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`^${file}:4:13: error: functions\\.oscar\\[0\\]\\.c1\\.name: 'Bad_Name' is not a valid service name`));
  });

  test('warnings pass unless --strict', () => {
    const file = writeFdl(`${GOOD}      memroy: 1Gi\n`);
    expect(run('validate', file).code).toBe(0);
    expect(run('validate', '--strict', file).code).toBe(1);
  });

  test('searches folders for FDL files', () => {
    const file = writeFdl(GOOD);
    expect(run('validate', require('node:path').dirname(file)).out).toContain('1 file(s), 1 service(s)');
  });

  test('usage errors exit 2', () => {
    expect(run('validate').code).toBe(2);
    expect(run('deploy').code).toBe(2);
  });

  test('schema prints the JSON Schema', () => {
    expect(JSON.parse(run('schema').out).title).toContain('OSCAR FDL');
  });
});
