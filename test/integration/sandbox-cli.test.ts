// `oscar-cdktf sandbox start|env|stop` as a user runs them: the built command, a background plane,
// shell exports that reach it, and nothing left running after stop.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir } from '../support/fdl';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'oscar-cdktf.js');

function parseExports(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const m of text.matchAll(/^export ([A-Z_]+)='([^']*)'$/gm)) env[m[1]] = m[2];
  return env;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('oscar-cdktf sandbox', () => {
  const dir = path.join(tempDir(), 'sandbox');
  const run = (...args: string[]) => spawnSync(process.execPath, [BIN, 'sandbox', ...args],
    { env: { ...process.env, OSCAR_SANDBOX_DIR: dir }, encoding: 'utf8', timeout: 240_000 });

  beforeAll(() => {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  }, 180_000);

  afterAll(() => {
    run('stop');
  }, 60_000);

  test('start prints exports that reach the manager; a second start reports the running plane; stop ends every process', async () => {
    // WHEN
    const started = run('start');
    // THEN
    expect(started.status).toBe(0);
    expect(started.stderr).toContain('OSCAR manager ready');
    expect(started.stdout).toContain('no pod ever runs');
    const env = parseExports(started.stdout);
    expect(Object.keys(env)).toEqual(expect.arrayContaining(['OSCAR_ENDPOINT', 'OSCAR_USERNAME', 'OSCAR_PASSWORD', 'MINIO_ENDPOINT', 'KUBECONFIG']));
    const auth = Buffer.from(`${env.OSCAR_USERNAME}:${env.OSCAR_PASSWORD}`).toString('base64');
    const info = await fetch(`${env.OSCAR_ENDPOINT}/system/info`, { headers: { Authorization: `Basic ${auth}` } });
    expect(info.status).toBe(200);

    const again = run('start');
    expect(again.status).toBe(0);
    expect(again.stderr).toContain('already running');
    expect(parseExports(again.stdout)).toEqual(env);
    expect(parseExports(run('env').stdout)).toEqual(env);

    const daemon = Number(fs.readFileSync(path.join(dir, 'daemon.pid'), 'utf8'));
    // WHEN
    const stopped = run('stop');
    // THEN
    expect(stopped.status).toBe(0);
    expect(alive(daemon)).toBe(false);
    await expect(fetch(`${env.OSCAR_ENDPOINT}/health`)).rejects.toThrow();
    expect(fs.existsSync(path.join(dir, 'logs', 'oscar-manager.log'))).toBe(true);
    expect(run('env').status).toBe(1);
  }, 240_000);

  test('start --oidc prints what a CI job needs: the issuer, the client and refresh tokens in and outside the allowed group', async () => {
    const started = run('start', '--oidc', '--token-lifetime', '30');
    expect(started.status).toBe(0);
    expect(started.stderr).toContain('OpenID provider (Keycloak) ready');
    expect(started.stdout).toContain('export TF_VAR_oscar_refresh_token="$OSCAR_OIDC_REFRESH_TOKEN"');
    const env = parseExports(started.stdout);
    const discovery = await (await fetch(`${env.OSCAR_OIDC_ISSUER}/.well-known/openid-configuration`)).json() as { token_endpoint: string };
    // Each refresh token mints an access token of the client it names; the manager lets in only the first user.
    const status: number[] = [];
    for (const refresh of [env.OSCAR_OIDC_REFRESH_TOKEN, env.OSCAR_OIDC_REFRESH_TOKEN_OUTSIDE_GROUPS]) {
      const minted = await (await fetch(discovery.token_endpoint, {
        method: 'POST', body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refresh, client_id: env.OSCAR_OIDC_CLIENT_ID }),
      })).json() as { access_token: string; expires_in: number };
      // The lifetime is exp - iat; expires_in counts from the answer, so it reads 29 when the issuer is slow.
      const claims = JSON.parse(Buffer.from(minted.access_token.split('.')[1], 'base64url').toString()) as { exp: number; iat: number };
      expect(claims.exp - claims.iat).toBe(30);
      status.push((await fetch(`${env.OSCAR_ENDPOINT}/system/services`, { headers: { Authorization: `Bearer ${minted.access_token}` } })).status);
    }
    expect(status).toEqual([200, 401]);
    expect(run('stop').status).toBe(0);
  }, 300_000);
});
