// The services stack against the real OSCAR manager: synthesized by the app's ServicesStack, applied by
// OpenTofu with the project's OSCAR provider. Deploys, converges (a second plan is empty), heals
// (services deleted behind Terraform's back come back, and only they), updates in place, replaces on
// rename, destroys everything it created, and never shows a secret.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as Minio from 'minio';
import { App } from '../../src/private/cdktf';
import { ServicesStack } from '../../src/stacks/services-stack';
import { ControlPlane } from '../support/control-plane';
import { corpusCopy, tempDir } from '../support/fdl';
import { warningsOf } from '../support/synth';
import { TofuStack } from '../support/tofu';

jest.setTimeout(900_000);

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const SECRET = `s3cr3t-${process.pid}-value`;
// Terraform would read `${…}` and `%{…}` as templates; the manager must store the script verbatim.
const TEMPLATED_SCRIPT = '#!/bin/sh\necho "${HOME} %{not-a-directive} $INPUT_FILE_PATH"\n';

/** Copies the examples and a services-with-a-secret file into a folder the test may edit. */
function workingCopy(): string {
  const dir = tempDir();
  fs.cpSync(EXAMPLES, dir, { recursive: true });
  const secrets = path.dirname(corpusCopy('secrets-usage/secret-usage.yaml'));
  fs.cpSync(secrets, path.join(dir, 'secrets'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'templated'));
  fs.writeFileSync(path.join(dir, 'templated', 'script.sh'), TEMPLATED_SCRIPT);
  fs.writeFileSync(path.join(dir, 'templated', 'templated.yaml'),
    'functions:\n  oscar:\n  - oscar-cluster:\n      name: templated\n      image: ghcr.io/grycap/cowsay\n      script: script.sh\n'
    + '      environment:\n        variables:\n          GREETING: "${USER}"\n');
  return dir;
}

function synth(fdlDir: string, outdir: string) {
  const app = new App({ outdir });
  const stack = new ServicesStack(app, 'services', { fdl: [fdlDir] });
  app.synth();
  return stack;
}

describe('services stack on the real OSCAR manager', () => {
  let plane: ControlPlane;
  let tofu: TofuStack;
  let fdlDir: string;
  let outdir: string;
  let s3: Minio.Client;
  let tfVars: Record<string, string>;
  const tokens: string[] = [];
  const logs: string[] = [];
  const names = ['cowsay', 'grayify', 'cowsay-secret', 'templated'];

  const listed = async () => ((await plane.oscar('GET', '/system/services')).json as any[]).map((s) => s.name).sort();

  beforeAll(async () => {
    plane = await ControlPlane.start();
    const url = new URL(plane.minio.endpoint);
    s3 = new Minio.Client({
      endPoint: url.hostname, port: Number(url.port), useSSL: false, accessKey: plane.minio.accessKey, secretKey: plane.minio.secretKey,
    });
    fdlDir = workingCopy();
    outdir = tempDir();
    synth(fdlDir, outdir);
    tfVars = {
      TF_VAR_oscar_endpoint: plane.manager.endpoint,
      TF_VAR_oscar_username: plane.manager.username,
      TF_VAR_oscar_password: plane.manager.password,
      'TF_VAR_cowsay_secret__COWSAY_SECRET': SECRET,
    };
    tofu = new TofuStack(outdir, 'services', ['oscar'], tfVars);
  });

  afterAll(async () => {
    await plane?.stop();
  });

  test('1. deploy creates every service with its intended fields', async () => {
    logs.push(tofu.apply());
    expect(await listed()).toEqual([...names].sort());
    const grayify = (await plane.oscar('GET', '/system/services/grayify')).json;
    expect(grayify).toMatchObject({ image: 'ghcr.io/grycap/imagemagick', cpu: '1.0', memory: '1Gi', input: [{ path: 'grayify/in' }],
      output: [{ path: 'grayify/out' }]});
    const cowsay = (await plane.oscar('GET', '/system/services/cowsay')).json;
    expect(cowsay).toMatchObject({ log_level: 'CRITICAL', synchronous: { min_scale: 1, max_scale: 5 }, environment: { variables: { INPUT_TYPE: 'json' } } });
    // The secret reached the cluster (the manager keeps it in the service's Secret only).
    const secret = await plane.apiServer.expectOk('GET', '/api/v1/namespaces/oscar-svc/secrets/cowsay-secret');
    expect(Buffer.from(secret.data.COWSAY_SECRET, 'base64').toString()).toBe(SECRET);
    expect(await s3.bucketExists('grayify')).toBe(true);
    expect((await plane.oscar('GET', '/system/services/templated')).json)
      .toMatchObject({ script: TEMPLATED_SCRIPT, environment: { variables: { GREETING: '${USER}' } } });
    for (const name of names) tokens.push((await plane.oscar('GET', `/system/services/${name}`)).json.token);
    expect(tokens.every((t) => /^[0-9a-f]{64}$/.test(t))).toBe(true);
  });

  test('2. a second plan is empty', () => {
    const plan = tofu.plan();
    logs.push(plan.output);
    expect(plan).toMatchObject({ create: [], update: [], replace: [], delete: [] });
  });

  test('3. two services deleted behind Terraform\'s back: exactly two creates, and deploy restores them', async () => {
    expect((await plane.oscar('DELETE', '/system/services/cowsay')).status).toBe(204);
    expect((await plane.oscar('DELETE', '/system/services/grayify')).status).toBe(204);
    const plan = tofu.plan();
    logs.push(plan.output);
    expect(plan.create.sort()).toEqual([expect.stringContaining('oscar_service.'), expect.stringContaining('oscar_service.')]);
    expect(plan.create.join(' ')).toMatch(/cowsay/);
    expect(plan.create.join(' ')).toMatch(/grayify/);
    expect([...plan.update, ...plan.replace, ...plan.delete]).toEqual([]);
    logs.push(tofu.apply());
    expect(await listed()).toEqual([...names].sort());
    expect(tofu.plan()).toMatchObject({ create: [], update: [], replace: [], delete: [] });
  });

  test('4. a rename replaces (with the synth-time warning); a memory change updates in place', async () => {
    const grayifyFile = path.join(fdlDir, 'grayify', 'grayify.yaml');
    fs.writeFileSync(grayifyFile, fs.readFileSync(grayifyFile, 'utf8').replace('name: grayify', 'name: grayscale').replace(/grayify\//g, 'grayscale/'));
    const cowsayFile = path.join(fdlDir, 'cowsay', 'cowsay.yaml');
    fs.writeFileSync(cowsayFile, fs.readFileSync(cowsayFile, 'utf8').replace('memory: 256Mi', 'memory: 512Mi'));
    const stack = synth(fdlDir, outdir);
    expect(warningsOf(stack)).toEqual(expect.arrayContaining([expect.stringMatching(/'grayscale'.*deletes bucket\(s\) grayscale/)]));
    tofu = new TofuStack(outdir, 'services', ['oscar'], tfVars);
    const plan = tofu.plan();
    logs.push(plan.output);
    // The construct id is the service name, so a rename is a new resource and the old one goes.
    expect(plan.create).toEqual([expect.stringContaining('grayscale')]);
    expect(plan.delete).toEqual([expect.stringContaining('grayify')]);
    expect(plan.update).toEqual([expect.stringContaining('cowsay')]);
    logs.push(tofu.apply());
    expect(await listed()).toEqual(['cowsay', 'cowsay-secret', 'grayscale', 'templated']);
    expect((await plane.oscar('GET', '/system/services/cowsay')).json.memory).toBe('512Mi');
    expect(tofu.plan()).toMatchObject({ create: [], update: [], replace: [], delete: [] });
  });

  test('5. destroy removes every service and bucket the stack created', async () => {
    logs.push(tofu.run('destroy', '-auto-approve'));
    expect(await listed()).toEqual([]);
    expect((await s3.listBuckets()).map((b) => b.name)).toEqual([]);
  });

  test('6. no secret value, password or service token in cdktf.out or in plan and apply output', () => {
    const synthesized = fs.readFileSync(path.join(outdir, 'stacks', 'services', 'cdk.tf.json'), 'utf8');
    expect(synthesized).not.toContain(SECRET);
    expect(synthesized).not.toContain(plane.manager.password);
    for (const log of logs) {
      for (const secret of [SECRET, plane.manager.password, ...tokens]) expect(log).not.toContain(secret);
    }
    // Secrets are write-only: plans show that, and never a value.
    expect(logs.join('\n')).toMatch(/secrets\s+= \(write-only attribute\)/);
  });
});
