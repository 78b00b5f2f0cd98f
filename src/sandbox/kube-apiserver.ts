import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Etcd } from './etcd';
import { freePort, ManagedProcess } from './process';
import { componentBinary } from './testenv';

/** Options of {@link KubeApiServer.start}. */
export interface KubeApiServerOptions {
  /** Admission plugins enabled on top of the defaults. @default - the defaults */
  readonly admissionPlugins?: readonly string[];
  /** Key prefix in etcd, so several servers can share one etcd. @default '/registry' */
  readonly etcdPrefix?: string;
  /**
   * kube-controller-manager controllers to run (for example `daemonset`, which keeps DaemonSet status
   * current so `helm install --wait` can finish).
   * @default - no controller-manager
   */
  readonly controllers?: readonly string[];
  /** Folder for its certificates, kubeconfig and log. @default - a new temporary folder, removed by stop() */
  readonly dir?: string;
}

/**
 * A JSON document an API answered: Kubernetes objects and OSCAR answers of many shapes, which callers read
 * field by field. Typed loosely on purpose, in this one place.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type Json = any;

/** An answer of the API server: the status and the body (parsed when it is JSON). */
export interface ApiResponse {
  /** HTTP status. */
  readonly status: number;
  /** The body, parsed when it is JSON, else its text. */
  readonly json: Json;
}

/**
 * A real kube-apiserver on etcd with static bearer tokens (group system:masters); no scheduler or
 * nodes, so pods never run. Its files (certificates, kubeconfig, log) are under `dir`.
 */
export class KubeApiServer {
  static async start(etcd: Etcd, options: KubeApiServerOptions = {}): Promise<KubeApiServer> {
    const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'oscar-apiserver-'));
    fs.mkdirSync(dir, { recursive: true });
    const adminToken = crypto.randomBytes(24).toString('hex');
    const managerToken = crypto.randomBytes(24).toString('hex');
    fs.writeFileSync(path.join(dir, 'tokens.csv'), `${adminToken},admin,admin,system:masters\n${managerToken},oscar-manager,oscar-manager,system:masters\n`,
      { mode: 0o600 });
    const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    fs.writeFileSync(path.join(dir, 'sa.key'), privateKey.export({ type: 'pkcs1', format: 'pem' }), { mode: 0o600 });
    fs.writeFileSync(path.join(dir, 'sa.pub'), publicKey.export({ type: 'spki', format: 'pem' }));
    const port = await freePort();
    const proc = ManagedProcess.start('kube-apiserver', dir, componentBinary('kube-apiserver'), [
      '--etcd-servers', etcd.url, '--etcd-prefix', options.etcdPrefix ?? '/registry',
      '--bind-address', '127.0.0.1', '--advertise-address', '127.0.0.1', '--secure-port', String(port),
      '--cert-dir', path.join(dir, 'certs'), '--token-auth-file', path.join(dir, 'tokens.csv'), '--authorization-mode', 'RBAC',
      '--service-account-issuer', 'https://kubernetes.default.svc', '--service-account-key-file', path.join(dir, 'sa.pub'),
      '--service-account-signing-key-file', path.join(dir, 'sa.key'), '--service-cluster-ip-range', '10.96.0.0/16',
      // As kubeadm, k3s and EKS run it: device plugins need privileged containers.
      '--allow-privileged=true',
      ...(options.admissionPlugins?.length ? ['--enable-admission-plugins', options.admissionPlugins.join(',')] : []),
    ]);
    const server = new KubeApiServer(port, adminToken, managerToken, dir, options.dir === undefined, proc);
    await proc.waitUntil('kube-apiserver /readyz', async () => ((await server.request('GET', '/readyz')).status === 200 ? true : undefined), 90_000);
    if (options.controllers?.length) await server.startControllers(options.controllers);
    return server;
  }

  readonly url: string;
  private controllerManager?: ManagedProcess;

  private constructor(
    readonly port: number,
    private readonly adminToken: string,
    /** A token for the OSCAR manager (group system:masters). */
    readonly managerToken: string,
    readonly dir: string,
    private readonly ownsDir: boolean,
    private readonly proc: ManagedProcess,
  ) {
    this.url = `https://127.0.0.1:${port}`;
  }

  private async startControllers(controllers: readonly string[]): Promise<void> {
    this.controllerManager = ManagedProcess.start('kube-controller-manager', this.dir, componentBinary('kube-controller-manager'), [
      '--kubeconfig', this.writeKubeconfig(), '--controllers', controllers.join(','),
      '--leader-elect=false', '--bind-address', '127.0.0.1', '--secure-port', '0',
    ]);
  }

  /** File of the serving certificate's CA (kube-apiserver writes a self-signed one on start). */
  get caFile(): string {
    return path.join(this.dir, 'certs', 'apiserver.crt');
  }

  /** PEM of the serving certificate's CA. */
  get caPem(): string {
    return fs.readFileSync(this.caFile, 'utf8');
  }

  /** Writes a kubeconfig for the admin user (for kubectl, helm, the kubernetes provider) and returns its path. */
  writeKubeconfig(): string {
    const file = path.join(this.dir, 'kubeconfig');
    fs.writeFileSync(file, JSON.stringify({
      apiVersion: 'v1', kind: 'Config', 'current-context': 'oscar-sandbox',
      clusters: [{ name: 'oscar-sandbox', cluster: { server: this.url, 'certificate-authority': this.caFile } }],
      users: [{ name: 'admin', user: { token: this.adminToken } }],
      contexts: [{ name: 'oscar-sandbox', context: { cluster: 'oscar-sandbox', user: 'admin' } }],
    }), { mode: 0o600 });
    return file;
  }

  /** One API request as the admin user; the body is sent as JSON unless a content type is given. */
  async request(method: string, urlPath: string, body?: unknown, contentType = 'application/json'): Promise<ApiResponse> {
    return new Promise((resolve, reject) => {
      const req = https.request(`${this.url}${urlPath}`, {
        method,
        ca: fs.existsSync(this.caFile) ? this.caPem : undefined,
        rejectUnauthorized: fs.existsSync(this.caFile),
        headers: { Authorization: `Bearer ${this.adminToken}`, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': contentType }) },
      }, (res) => {
        let text = '';
        res.on('data', (d) => { text += d; });
        res.on('end', () => {
          let json: Json = text;
          try { json = JSON.parse(text); } catch { /* plain text, e.g. /readyz */ }
          resolve({ status: res.statusCode ?? 0, json });
        });
      });
      req.on('error', reject);
      if (body !== undefined) req.write(typeof body === 'string' ? body : JSON.stringify(body));
      req.end();
    });
  }

  /** Like {@link request}, but throws unless the status is 2xx. */
  async expectOk(method: string, urlPath: string, body?: unknown): Promise<Json> {
    const res = await this.request(method, urlPath, body);
    if (res.status < 200 || res.status >= 300) {
      throw new Error(`kube-apiserver: ${method} ${urlPath} answered ${res.status}: ${JSON.stringify(res.json).slice(0, 500)}`);
    }
    return res.json;
  }

  /**
   * Registers this machine as a node, as a kubelet would, with one InternalIP. No kubelet runs: a
   * process of the sandbox that stands in for a pod listens on the node ports it serves.
   */
  async registerNode(name: string, address: string): Promise<void> {
    await this.expectOk('POST', '/api/v1/nodes', { apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name } } });
    // The status is a subresource: a create leaves it empty.
    const node = await this.expectOk('GET', `/api/v1/nodes/${name}`) as { status?: Record<string, unknown> };
    await this.expectOk('PUT', `/api/v1/nodes/${name}/status`, { ...node, status: { ...node.status, addresses: [{ type: 'InternalIP', address }] } });
  }

  async stop(): Promise<void> {
    if (this.controllerManager) await this.controllerManager.stop();
    await this.proc.stop();
    if (this.ownsDir) fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
