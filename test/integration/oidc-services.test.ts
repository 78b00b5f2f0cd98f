// The services stack deployed as an OIDC user, the way a nightly CI job on an AI4OS-style cluster runs
// it: the real manager with OIDC on, a real OpenID provider (Keycloak) whose access tokens live 30 s,
// and nothing but a refresh token. Deploys, converges, heals, updates and destroys; another user of the
// allowed group cannot touch the services; a user outside the group, an expired static token, a revoked
// refresh token and an unreachable issuer each fail at once with their cause; no token leaks.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as Minio from 'minio';
import { App } from '../../src/private/cdktf';
import { ServicesStack } from '../../src/stacks/services-stack';
import { ControlPlane, freePort, type KeycloakServer } from '../support/control-plane';
import { tempDir } from '../support/fdl';
import { freshCheckout, Pipeline, pipelineConfig, ROOT } from '../support/pipeline';
import { refreshByStrategy } from '../support/read-strategy';
import { TofuStack } from '../support/tofu';

jest.setTimeout(900_000);

const TOKEN_LIFETIME_S = 30;
const COUNT = 10;
const NAMES = Array.from({ length: COUNT }, (_, i) => `oidc-svc-${i}`);

function fdl(memory: (name: string) => string = () => '256Mi'): string {
  return 'functions:\n  oscar:\n' + NAMES.map((name, i) => [
    '  - oscar-cluster:',
    `      name: ${name}`,
    '      image: ghcr.io/grycap/cowsay',
    `      memory: ${memory(name)}`,
    '      cpu: \'0.5\'',
    '      script: script.sh',
    ...(i % 2 === 0 ? [
      '      input:',
      '      - {storage_provider: minio.default, path: ' + name + '/in}',
      '      output:',
      '      - {storage_provider: minio.default, path: ' + name + '/out}',
    ] : []),
  ].join('\n')).join('\n') + '\n';
}

/** Synthesizes the services stack of fdlDir into outdir (credentials all from variables). */
function synth(fdlDir: string, outdir = tempDir()): string {
  const app = new App({ outdir });
  new ServicesStack(app, 'services', { fdl: [fdlDir] });
  app.synth();
  return outdir;
}

/** A copy of a deployed stack (configuration and state) run with other credentials. */
function asOther(stack: TofuStack, env: Record<string, string>): TofuStack {
  const outdir = tempDir();
  fs.cpSync(path.dirname(path.dirname(stack.dir)), outdir, { recursive: true });
  return new TofuStack(outdir, 'services', ['oscar'], env);
}

describe('services deployed as an OIDC user with only a refresh token', () => {
  let plane: ControlPlane;
  let oidc: KeycloakServer;
  let fdlDir: string;
  let tofu: TofuStack;
  let outdir: string;
  let ciEnv: Record<string, string>;
  let s3: Minio.Client;
  let aliceRefresh: string;
  let aliceSubject: string;
  let expiredAccessToken: string;
  const secrets: string[] = [];
  const outputs: string[] = [];

  const admin = async (method: string, p: string) => plane.oscar(method, p);
  const listed = async () => ((await admin('GET', '/system/services')).json as { name: string }[]).map((s) => s.name).sort();

  beforeAll(async () => {
    plane = await ControlPlane.start({ oidc: { accessTokenLifespanSeconds: TOKEN_LIFETIME_S } });
    oidc = plane.oidc!;
    const url = new URL(plane.minio.endpoint);
    s3 = new Minio.Client({
      endPoint: url.hostname, port: Number(url.port), useSSL: false, accessKey: plane.minio.accessKey, secretKey: plane.minio.secretKey,
    });
    aliceRefresh = await oidc.refreshToken(oidc.users.alice);
    aliceSubject = await oidc.subject(oidc.users.alice);
    expiredAccessToken = await oidc.accessToken(oidc.users.alice); // expires while the deploy runs
    secrets.push(aliceRefresh, expiredAccessToken);
    fdlDir = tempDir();
    fs.writeFileSync(path.join(fdlDir, 'script.sh'), '#!/bin/sh\necho hello\n');
    fs.writeFileSync(path.join(fdlDir, 'services.yaml'), fdl());
    // What the CI job has: the endpoint and the refresh token. Issuer and client come from the token.
    ciEnv = { TF_VAR_oscar_endpoint: plane.manager.endpoint, TF_VAR_oscar_refresh_token: aliceRefresh };
    outdir = synth(fdlDir);
    tofu = new TofuStack(outdir, 'services', ['oscar'], ciEnv);
  });

  afterAll(async () => {
    await plane?.stop();
  });

  test('1. deploys through several access tokens with a bounded number of refreshes; a second plan is empty', async () => {
    const before = await oidc.refreshCount();
    const started = Date.now();
    outputs.push(tofu.apply());
    const seconds = (Date.now() - started) / 1000;
    expect(await listed()).toEqual([...NAMES].sort());
    // The apply outlived several tokens, and renewed them per run, not per request (a plan and an
    // apply provider process each start with one; then one per 20 s of a 30 s token's life).
    expect(seconds).toBeGreaterThan(2 * TOKEN_LIFETIME_S);
    const refreshes = (await oidc.refreshCount()) - before;
    expect(refreshes).toBeGreaterThanOrEqual(Math.floor(seconds / TOKEN_LIFETIME_S));
    expect(refreshes).toBeLessThanOrEqual(2 + Math.ceil(seconds / 20) + 2);
    const plan = tofu.plan();
    outputs.push(plan.output);
    expect(plan).toMatchObject({ create: [], update: [], replace: [], delete: [] });
  });

  test('2. the services are owned by the OIDC subject, in the user\'s buckets', async () => {
    for (const name of NAMES) {
      const svc = (await admin('GET', `/system/services/${name}`)).json;
      expect(svc.owner).toBe(aliceSubject);
      expect(svc.visibility).toBe('private');
    }
    expect(await s3.bucketExists('oidc-svc-0')).toBe(true);
  });

  test('a refresh served by the user\'s list gives the state of one read per service, with no single read', () => {
    const { each, list, listRefreshReads } = refreshByStrategy(tofu, plane.manager.logFile);
    expect(list.values).toEqual(each.values);
    expect(listRefreshReads).toEqual({ lists: 1, singles: 0 });
  });

  test('3. two services deleted behind Terraform\'s back come back as exactly two creates', async () => {
    for (const name of ['oidc-svc-1', 'oidc-svc-2']) expect((await admin('DELETE', `/system/services/${name}`)).status).toBe(204);
    const plan = tofu.plan();
    outputs.push(plan.output);
    expect(plan.create.sort()).toEqual([expect.stringContaining('oidc-svc-1'), expect.stringContaining('oidc-svc-2')]);
    expect([...plan.update, ...plan.replace, ...plan.delete]).toEqual([]);
    outputs.push(tofu.apply());
    expect(await listed()).toEqual([...NAMES].sort());
    expect(tofu.plan()).toMatchObject({ create: [], update: [], replace: [], delete: [] });
  });

  test('4. an update in place keeps the owner (so the service stays deletable)', async () => {
    fs.writeFileSync(path.join(fdlDir, 'services.yaml'), fdl((name) => (name === 'oidc-svc-0' ? '512Mi' : '256Mi')));
    tofu = new TofuStack(synth(fdlDir, outdir), 'services', ['oscar'], ciEnv);
    const plan = tofu.plan();
    expect(plan.update).toEqual([expect.stringContaining('oidc-svc-0')]);
    outputs.push(tofu.apply());
    const svc = (await admin('GET', '/system/services/oidc-svc-0')).json;
    expect(svc).toMatchObject({ memory: '512Mi', owner: aliceSubject });
    expect(tofu.plan()).toMatchObject({ create: [], update: [], replace: [], delete: [] });
  });

  test('5. another user of the allowed group can neither read, change nor destroy them, and is told whose they are', async () => {
    const bobRefresh = await oidc.refreshToken(oidc.users.bob);
    secrets.push(bobRefresh);
    const bob = asOther(tofu, { TF_VAR_oscar_endpoint: plane.manager.endpoint, TF_VAR_oscar_refresh_token: bobRefresh });
    const bobSubject = await oidc.subject(oidc.users.bob);
    for (const attempt of [() => bob.run('plan'), () => bob.run('destroy', '-auto-approve', '-refresh=false')]) {
      const error = failure(attempt);
      outputs.push(error);
      expect(error).toContain('belongs to another OSCAR user');
      expect(error).toContain(`this provider authenticates as ${bobSubject} (bob)`);
    }
    expect(await listed()).toEqual([...NAMES].sort());
    expect((await admin('GET', '/system/services/oidc-svc-0')).json.memory).toBe('512Mi');
  });

  test('6. the CI example\'s nightly heal job restores a deleted service with only the refresh token', async () => {
    freshCheckout();
    const work = tempDir();
    const config = pipelineConfig(work, plane.manager.endpoint);
    // The repository secret, and nothing else: no issuer, client, user or password.
    const pipeline = new Pipeline(work, { OSCAR_DEPLOYMENT: config, TF_VAR_oscar_refresh_token: aliceRefresh });
    const steps = pipeline.steps('heal');
    expect(steps.map((s) => s.name)).toEqual(['Install the OSCAR provider', 'Synthesize', 'Report drift (exit 2, drift, is expected here; 1 is an error)',
      'Heal (creates exactly what was removed, reverts what was changed)', 'Check that the cluster is in sync again']);
    const nightly = () => {
      for (const step of steps) {
        const res = pipeline.run(step);
        outputs.push(res.stdout + res.stderr);
        expect({ step: step.name, status: res.status, stderr: res.status === 0 ? '' : res.stderr }).toEqual({ step: step.name, status: 0, stderr: '' });
      }
      return JSON.parse(fs.readFileSync(path.join(ROOT, 'drift.json'), 'utf8'));
    };
    expect(nightly().changes.map((c: { action: string; name: string }) => `${c.action} ${c.name}`).sort()).toEqual(['create cowsay', 'create grayify']);
    expect((await admin('GET', '/system/services/cowsay')).json.owner).toBe(aliceSubject);
    // The cluster drops a service; the next night's run reports exactly it and puts it back.
    expect((await admin('DELETE', '/system/services/cowsay')).status).toBe(204);
    expect(nightly()).toMatchObject({ status: 'drift', changes: [{ action: 'create', name: 'cowsay' }] });
    expect((await admin('GET', '/system/services/cowsay')).json.owner).toBe(aliceSubject);
    const state = fs.readFileSync(path.join(work, 'state', 'services.tfstate'), 'utf8');
    expect(state.includes(aliceRefresh)).toBe(false);
    outputs.push(state);
    for (const name of ['cowsay', 'grayify']) expect((await admin('DELETE', `/system/services/${name}`)).status).toBe(204);
    fs.rmSync(path.join(ROOT, 'drift.json'), { force: true });
  });

  test('7. each wrong credential fails the plan within seconds, naming its cause', async () => {
    const closedPort = await freePort();
    // Keycloak keeps one offline session per user and client, and revoking a token ends it: bob's, so
    // that alice's token stays valid for the rest of the suite.
    const revoked = await oidc.refreshToken(oidc.users.bob);
    await oidc.revoke(revoked);
    const outsider = await oidc.refreshToken(oidc.users.mallory);
    secrets.push(revoked, outsider);
    const endpoint = { TF_VAR_oscar_endpoint: plane.manager.endpoint };
    const cases: [string, Record<string, string>, RegExp][] = [
      ['a user outside OIDC_GROUPS', { TF_VAR_oscar_refresh_token: outsider },
        /refused the OIDC access token of user [0-9a-f-]+ \(mallory\)[\s\S]*in none of its allowed groups \(OIDC_GROUPS/],
      ['an expired static token', { TF_VAR_oscar_token: expiredAccessToken },
        new RegExp(`access token issued by ${escape(oidc.issuer)} \\(token, or OSCAR_TOKEN\\) expired at [0-9T:-]+Z`
          + '[\\s\\S]*refresh_token or OSCAR_REFRESH_TOKEN')],
      ['a revoked refresh token', { TF_VAR_oscar_refresh_token: revoked },
        new RegExp(`the OIDC issuer ${escape(oidc.issuer)} refused the refresh token of client "oscar-cdktf" \\(invalid_grant`)],
      ['an unreachable issuer', { TF_VAR_oscar_refresh_token: aliceRefresh, TF_VAR_oscar_issuer: `http://127.0.0.1:${closedPort}/realms/oscar` },
        new RegExp(`cannot reach the OIDC issuer http://127.0.0.1:${closedPort}/realms/oscar \\(client "oscar-cdktf"\\)[\\s\\S]*connection refused`)],
    ];
    for (const [what, env, message] of cases) {
      const other = asOther(tofu, { ...endpoint, ...env });
      const started = Date.now();
      const error = failure(() => other.run('plan'));
      outputs.push(error);
      expect({ what, error }).toEqual({ what, error: expect.stringMatching(message) });
      // Not a retry loop: the default retry_timeout is 2 minutes.
      expect({ what, withinSeconds: Date.now() - started < 30_000 }).toEqual({ what, withinSeconds: true });
    }
  });

  test('8. destroy leaves no service and no bucket', async () => {
    outputs.push(tofu.run('destroy', '-auto-approve'));
    expect(await listed()).toEqual([]);
    expect((await s3.listBuckets()).map((b) => b.name).filter((b) => b.startsWith('oidc-svc-'))).toEqual([]);
  });

  test('9. no OIDC token appears in any output, the synthesized configuration, a plan file or the state', () => {
    const files = [...walk(path.dirname(path.dirname(tofu.dir)))].filter((f) => !f.includes(`${path.sep}.terraform${path.sep}`));
    expect(files.some((f) => f.endsWith('terraform.tfstate'))).toBe(true);
    const texts = [...outputs, ...files.map((f) => fs.readFileSync(f, 'latin1')), tofu.state() && JSON.stringify(tofu.state())];
    for (const text of texts) {
      for (const secret of secrets) expect(text.includes(secret)).toBe(false);
      // Access tokens the provider minted are JWTs ("eyJ…" is the start of any JWT header).
      expect(text).not.toMatch(/eyJhbGciOi/);
    }
  });
});

/** The error output of a command that must fail, with OpenTofu's line wrapping undone. */
function failure(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    return (e as Error).message.replace(/\s+/g, ' ');
  }
  throw new Error('expected the command to fail');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function* walk(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(file);
    else if (entry.isFile()) yield file;
  }
}
