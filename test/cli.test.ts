import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../src/cli/main';
import { sandboxStartOptions } from '../src/cli/sandbox';
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
    expect(run('validate', path.dirname(file)).out).toContain('1 file(s), 1 service(s)');
  });

  test('usage errors exit 2', () => {
    expect(run('validate').code).toBe(2);
    expect(run('deploy').code).toBe(2);
  });

  test('schema prints the JSON Schema', () => {
    expect(JSON.parse(run('schema').out).title).toContain('OSCAR FDL');
  });
});

describe('oscar-cdktf validate for CI', () => {
  const CONFIG_DIR = path.join(__dirname, '..', 'config');

  test('--json prints one document with the counts and every finding', () => {
    const file = writeFdl(GOOD.replace('name: demo', 'name: Bad_Name'));
    const r = run('validate', '--json', file);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({ files: 1, services: 1, errors: 1, ok: false });
    expect(report.findings[0]).toMatchObject({ file, line: 4, column: 13, severity: 'error', path: 'functions.oscar[0].c1.name' });
  });

  test('--config checks the deployment config and its FDL files, and builds the stacks', () => {
    expect(run('validate', '--config', path.join(CONFIG_DIR, 'deployment.yaml'))).toMatchObject({ code: 0 });
    expect(run('validate', '--config', path.join(CONFIG_DIR, 'eks-gpu.yaml')).out).toMatch(/eks-gpu\.yaml: ok; 2 file\(s\), 2 service\(s\)/);
  });

  test('--config reports a construct rule broken in the config at its line, as JSON too', () => {
    const dir = path.dirname(writeFdl(GOOD));
    const config = path.join(dir, 'deployment.yaml');
    fs.writeFileSync(config, 'cluster:\n  eks:\n    clusterName: c\n    region: eu-west-1\n    nodePools:\n'
      + '    - {name: gpu, instanceTypes: [m6i.large], maxSize: 2, gpu: {count: 1}}\nservices:\n  fdl: [.]\n');
    const r = run('validate', '--json', '--config', config);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report.ok).toBe(false);
    expect(report.findings[0]).toMatchObject({
      file: config, line: 6, column: 34, severity: 'error', path: 'cluster.eks.nodePools[0].instanceTypes',
      message: 'is a GPU pool but m6i.large has no NVIDIA GPU', fix: expect.stringContaining('use NVIDIA GPU instance types'),
    });
  });

  test('--config checks the services.clusters mapping: a service under an id with no cluster is found at the mapping\'s line', () => {
    const dir = path.dirname(writeFdl(GOOD));
    const config = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'config-')), 'deployment.yaml');
    fs.writeFileSync(config, `services:\n  fdl: ["${dir}"]\n  clusters:\n    elsewhere: {endpoint: "https://oscar.example.org"}\n`);
    const r = run('validate', '--json', '--config', config);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).findings[0]).toMatchObject({
      file: config, line: 4, path: 'services.clusters', fix: expect.stringContaining('list the service under one of elsewhere'),
      message: expect.stringMatching(/service 'demo' at .*service\.yaml:\d+ is listed under cluster id 'c1', which no cluster has/),
    });
  });

  test('--config with FDL paths on the command line: a problem with those paths is not put on the config\'s services.fdl line', () => {
    const config = path.join(CONFIG_DIR, 'deployment.yaml');
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'no-fdl-'));
    const r = run('validate', '--json', '--config', config, empty);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).findings[0]).toMatchObject({
      file: config, line: 1, column: 1, path: 'services.fdl', message: `no FDL files found in ${empty} (given by the command line)`,
    });
  });
});

describe('oscar-cdktf sandbox start options', () => {
  test('--oidc asks for an OpenID provider, with the access-token lifetime when given', () => {
    expect(sandboxStartOptions([])).toEqual({});
    expect(sandboxStartOptions(['--oidc'])).toEqual({ oidc: { accessTokenLifespanSeconds: undefined } });
    expect(sandboxStartOptions(['--oidc', '--token-lifetime', '30'])).toEqual({ oidc: { accessTokenLifespanSeconds: 30 } });
  });

  test('mistakes are usage errors that say what is wrong, before anything starts', () => {
    expect(sandboxStartOptions(['--token-lifetime', '30'])).toBe('--token-lifetime needs --oidc');
    expect(sandboxStartOptions(['--oidc', '--token-lifetime', 'soon'])).toMatch(/wants whole seconds, at least 10 \(got 'soon'\)/);
    expect(sandboxStartOptions(['--odic'])).toBe("unknown option '--odic'");
    const err: string[] = [];
    expect(runCli(['sandbox', 'start', '--odic'], { out: () => undefined, err: (l) => err.push(l) })).toBe(2);
    expect(err.join('\n')).toContain("sandbox: unknown option '--odic'");
  });
});

describe('oscar-cdktf drift without its Terraform', () => {
  const stackDir = () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'drift-'));
    fs.mkdirSync(path.join(outdir, 'stacks', 'services'), { recursive: true });
    fs.writeFileSync(path.join(outdir, 'stacks', 'services', 'cdk.tf.json'), '{}');
    return outdir;
  };
  const saved = { ...process.env };
  afterEach(() => {
    process.env.TERRAFORM_BINARY_NAME = saved.TERRAFORM_BINARY_NAME;
    process.env.OSCAR_TERRAFORM_BINARY = saved.OSCAR_TERRAFORM_BINARY;
    for (const name of ['TERRAFORM_BINARY_NAME', 'OSCAR_TERRAFORM_BINARY'] as const) if (saved[name] === undefined) delete process.env[name];
  });

  test('through the package\'s wrapper: names the binary the wrapper runs, not the wrapper, and how to set it', () => {
    process.env.TERRAFORM_BINARY_NAME = path.join(__dirname, '..', 'bin', 'oscar-cdktf-terraform');
    process.env.OSCAR_TERRAFORM_BINARY = '/nonexistent/tofu';
    const r = run('drift', '--outdir', stackDir());
    expect(r.code).toBe(1); // an error, not drift (2)
    expect(r.err).toMatch(/^drift: cannot run \/nonexistent\/tofu: .*not found\. Fix: install Terraform or OpenTofu, or set TERRAFORM_BINARY_NAME .*OSCAR_TERRAFORM_BINARY/s);
    expect(r.err).not.toContain('oscar-cdktf-terraform');
  });

  test('a binary that does not exist is named as given', () => {
    process.env.TERRAFORM_BINARY_NAME = '/nonexistent/terraform';
    expect(run('drift', '--outdir', stackDir()).err).toMatch(/^drift: cannot run \/nonexistent\/terraform: spawnSync \/nonexistent\/terraform ENOENT\./);
  });
});
