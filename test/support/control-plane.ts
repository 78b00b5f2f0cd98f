import { type ChildProcess, spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { testBinary } from './testenv';

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor<T>(what: string, attempt: () => Promise<T | undefined>, timeoutMs: number, log: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const result = await attempt();
      if (result !== undefined) return result;
    } catch (e) {
      lastError = e;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} not ready after ${timeoutMs} ms (${String(lastError ?? 'no answer')}).\n${log()}`);
}

/** A real etcd, run from the testenv cache; stopped by stop(). */
export class Etcd {
  static async start(dir: string): Promise<Etcd> {
    const [clientPort, peerPort] = [await freePort(), await freePort()];
    const url = `http://127.0.0.1:${clientPort}`;
    const proc = spawn(testBinary('etcd'), [
      '--data-dir', path.join(dir, 'etcd'), '--listen-client-urls', url, '--advertise-client-urls', url,
      '--listen-peer-urls', `http://127.0.0.1:${peerPort}`, '--initial-advertise-peer-urls', `http://127.0.0.1:${peerPort}`,
      '--initial-cluster', `default=http://127.0.0.1:${peerPort}`, '--log-level', 'warn',
    ], { stdio: ['ignore', 'ignore', 'pipe'] });
    const etcd = new Etcd(url, proc);
    await waitFor('etcd', async () => ((await fetch(`${url}/health`)).ok ? true : undefined), 30_000, () => etcd.log);
    return etcd;
  }
  private log = '';
  private constructor(readonly url: string, private readonly proc: ChildProcess) {
    proc.stderr?.on('data', (d) => { this.log = (this.log + d).slice(-4000); });
  }
  async stop(): Promise<void> {
    await stop(this.proc);
  }
}

/** A real kube-apiserver on etcd, with an admin bearer token; no controllers, scheduler or nodes. */
export class KubeApiServer {
  /**
   * @param admissionPlugins admission plugins to enable on top of the defaults
   * @param etcdPrefix key prefix, so several servers can share one etcd
   */
  static async start(etcd: Etcd, options: { admissionPlugins?: string[]; etcdPrefix?: string; controllers?: readonly string[] } = {}): Promise<KubeApiServer> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oscar-apiserver-'));
    const token = crypto.randomBytes(24).toString('hex');
    fs.writeFileSync(path.join(dir, 'tokens.csv'), `${token},admin,admin,system:masters\n`);
    const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    fs.writeFileSync(path.join(dir, 'sa.key'), privateKey.export({ type: 'pkcs1', format: 'pem' }));
    fs.writeFileSync(path.join(dir, 'sa.pub'), publicKey.export({ type: 'spki', format: 'pem' }));
    const port = await freePort();
    const proc = spawn(testBinary('kube-apiserver'), [
      '--etcd-servers', etcd.url, '--etcd-prefix', options.etcdPrefix ?? '/registry',
      '--bind-address', '127.0.0.1', '--advertise-address', '127.0.0.1', '--secure-port', String(port),
      '--cert-dir', path.join(dir, 'certs'), '--token-auth-file', path.join(dir, 'tokens.csv'), '--authorization-mode', 'RBAC',
      '--service-account-issuer', 'https://kubernetes.default.svc', '--service-account-key-file', path.join(dir, 'sa.pub'),
      '--service-account-signing-key-file', path.join(dir, 'sa.key'), '--service-cluster-ip-range', '10.96.0.0/16',
      // As kubeadm, k3s and EKS run it: device plugins need privileged containers.
      '--allow-privileged=true',
      ...(options.admissionPlugins?.length ? ['--enable-admission-plugins', options.admissionPlugins.join(',')] : []),
    ], { stdio: ['ignore', 'ignore', 'pipe'] });
    const server = new KubeApiServer(`https://127.0.0.1:${port}`, token, dir, proc);
    await waitFor('kube-apiserver', async () => {
      const res = await server.request('GET', '/readyz');
      return res.status === 200 ? true : undefined;
    }, 90_000, () => server.log);
    if (options.controllers?.length) server.startControllers(options.controllers);
    return server;
  }

  private log = '';
  private controllerManager?: ChildProcess;
  private constructor(readonly url: string, private readonly token: string, readonly dir: string, private readonly proc: ChildProcess) {
    proc.stderr?.on('data', (d) => { this.log = (this.log + d).slice(-4000); });
  }

  /**
   * Runs a real kube-controller-manager with only the given controllers (for example `daemonset`,
   * which keeps DaemonSet status current, so `helm install --wait` can finish).
   */
  private startControllers(controllers: readonly string[]): void {
    this.controllerManager = spawn(testBinary('kube-controller-manager'), [
      '--kubeconfig', this.writeKubeconfig(), '--controllers', controllers.join(','),
      '--leader-elect=false', '--bind-address', '127.0.0.1', '--secure-port', '0',
    ], { stdio: ['ignore', 'ignore', 'pipe'] });
    this.controllerManager.stderr?.on('data', (d) => { this.log = (this.log + d).slice(-4000); });
  }

  /** PEM of the self-signed serving certificate's CA (kube-apiserver writes it on start). */
  get caPem(): string {
    return fs.readFileSync(path.join(this.dir, 'certs', 'apiserver.crt'), 'utf8');
  }

  /** A kubeconfig for the admin user, for tools such as helm. */
  writeKubeconfig(): string {
    const file = path.join(this.dir, 'kubeconfig');
    fs.writeFileSync(file, JSON.stringify({
      apiVersion: 'v1', kind: 'Config', 'current-context': 'test',
      clusters: [{ name: 'test', cluster: { server: this.url, 'certificate-authority': path.join(this.dir, 'certs', 'apiserver.crt') } }],
      users: [{ name: 'admin', user: { token: this.token } }],
      contexts: [{ name: 'test', context: { cluster: 'test', user: 'admin' } }],
    }));
    return file;
  }

  /** One API request; the body is sent as JSON unless a content type is given. */
  async request(method: string, urlPath: string, body?: unknown, contentType = 'application/json'): Promise<{ status: number; json: any }> {
    return new Promise((resolve, reject) => {
      const req = https.request(`${this.url}${urlPath}`, {
        method,
        ca: this.caPem,
        headers: { Authorization: `Bearer ${this.token}`, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': contentType }) },
      }, (res) => {
        let text = '';
        res.on('data', (d) => { text += d; });
        res.on('end', () => {
          let json: any = text;
          try { json = JSON.parse(text); } catch { /* plain text, e.g. /readyz */ }
          resolve({ status: res.statusCode ?? 0, json });
        });
      });
      req.on('error', reject);
      if (body !== undefined) req.write(typeof body === 'string' ? body : JSON.stringify(body));
      req.end();
    });
  }

  async stop(): Promise<void> {
    if (this.controllerManager) await stop(this.controllerManager);
    await stop(this.proc);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

async function stop(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    proc.once('exit', () => resolve());
    proc.kill('SIGTERM');
    setTimeout(() => proc.kill('SIGKILL'), 5000).unref();
  });
}
