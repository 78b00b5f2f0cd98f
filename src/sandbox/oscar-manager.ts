import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { KubeApiServer } from './kube-apiserver';
import type { MinioServer } from './minio';
import { freePort, ManagedProcess } from './process';
import { componentBinary } from './testenv';

/** Options of {@link OscarManagerServer.start}. */
export interface OscarManagerServerOptions {
  /** Basic-auth user of the manager's API. @default 'oscar' */
  readonly username?: string;
  /** The manager's serverless backend. @default 'knative' (what OSCAR installs by default) */
  readonly serverlessBackend?: 'knative' | 'kube';
  /**
   * Environment of the manager on top of the sandbox's (its whole configuration is environment
   * variables; see `pkg/types/config.go` of OSCAR): for example the environment of the OSCAR chart's
   * Deployment. OSCAR_USERNAME, OSCAR_PASSWORD and OSCAR_SERVICE_PORT given here are used as they are.
   * @default - none
   */
  readonly env?: Record<string, string>;
  /**
   * The service-account token the manager authenticates with, as its pod would mount it.
   * @default - the API server's static manager token (group system:masters)
   */
  readonly serviceAccountToken?: string;
  /** Shell commands for its private mount namespace, in addition to the service-account files. @default - none */
  readonly privateMounts?: readonly string[];
}

/**
 * The real OSCAR manager run as a plain process. It believes it runs in a pod: in a private mount
 * namespace a tmpfs over /run holds the service-account files `rest.InClusterConfig()` reads, and
 * KUBERNETES_SERVICE_HOST/PORT point at the API server. It listens on all interfaces on a free port
 * (OSCAR_SERVICE_PORT); MinIO reaches it at `http://oscar.oscar:<port>` for its webhooks.
 */
export class OscarManagerServer {
  /** Name and namespace the manager derives its webhook host from (`<name>.<namespace>`). */
  static readonly NAME = 'oscar';
  static readonly NAMESPACE = 'oscar';
  static readonly SERVICES_NAMESPACE = 'oscar-svc';

  static async start(dir: string, apiServer: KubeApiServer, minio: MinioServer, options: OscarManagerServerOptions = {}): Promise<OscarManagerServer> {
    const port = options.env?.OSCAR_SERVICE_PORT ? Number(options.env.OSCAR_SERVICE_PORT) : await freePort();
    const username = options.env?.OSCAR_USERNAME ?? options.username ?? 'oscar';
    const password = options.env?.OSCAR_PASSWORD ?? crypto.randomBytes(18).toString('base64url');
    const secretsDir = path.join(dir, 'serviceaccount');
    fs.mkdirSync(secretsDir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(path.join(secretsDir, 'token'), options.serviceAccountToken ?? apiServer.managerToken, { mode: 0o600 });
    fs.copyFileSync(apiServer.caFile, path.join(secretsDir, 'ca.crt'));
    fs.writeFileSync(path.join(secretsDir, 'namespace'), OscarManagerServer.NAMESPACE);
    const mounted = '/run/secrets/kubernetes.io/serviceaccount';
    const proc = ManagedProcess.start('oscar-manager', dir, componentBinary('oscar-manager'), [], {
      env: {
        KUBERNETES_SERVICE_HOST: '127.0.0.1',
        KUBERNETES_SERVICE_PORT: String(apiServer.port),
        OSCAR_NAME: OscarManagerServer.NAME,
        OSCAR_NAMESPACE: OscarManagerServer.NAMESPACE,
        OSCAR_SERVICES_NAMESPACE: OscarManagerServer.SERVICES_NAMESPACE,
        OSCAR_SERVICE_PORT: String(port),
        OSCAR_USERNAME: username,
        OSCAR_PASSWORD: password,
        MINIO_ENDPOINT: minio.endpoint,
        MINIO_ACCESS_KEY: minio.accessKey,
        MINIO_SECRET_KEY: minio.secretKey,
        // The manager's default ('') is the plain kube backend.
        SERVERLESS_BACKEND: (options.serverlessBackend ?? 'knative') === 'knative' ? 'knative' : '',
        GIN_MODE: 'release',
        // As the oscar chart sets it (its code default is true): with no Kueue CRDs, an exposed
        // service's create would wait forever for a Kueue Workload.
        KUEUE_ENABLE: 'false',
        ...options.env,
      },
      privateMounts: [
        'mount -t tmpfs -o mode=755 oscar-sandbox-run /run',
        `mkdir -p ${mounted}`,
        `cp ${secretsDir}/token ${secretsDir}/ca.crt ${secretsDir}/namespace ${mounted}/`,
        ...(options.privateMounts ?? []),
      ],
    });
    const endpoint = `http://127.0.0.1:${port}`;
    await proc.waitUntil('OSCAR manager /health', async () => ((await fetch(`${endpoint}/health`)).ok ? true : undefined), 60_000);
    const again = (): Promise<OscarManagerServer> => OscarManagerServer.start(dir, apiServer, minio,
      { ...options, env: { ...options.env, OSCAR_SERVICE_PORT: String(port), OSCAR_USERNAME: username, OSCAR_PASSWORD: password } });
    return new OscarManagerServer(endpoint, port, username, password, proc, again);
  }

  private constructor(
    /** The REST API, `http://127.0.0.1:<port>`. */
    readonly endpoint: string,
    readonly port: number,
    /** Basic-auth user. */
    readonly username: string,
    /** Basic-auth password (generated). */
    readonly password: string,
    private readonly proc: ManagedProcess,
    private readonly again: () => Promise<OscarManagerServer>,
  ) {}

  /** The manager's log file (one line per request, in gin's format). */
  get logFile(): string {
    return this.proc.logFile;
  }

  async stop(): Promise<void> {
    await this.proc.stop();
  }

  /** Kills it at once (SIGKILL): a crash, as far as its clients and the cluster can tell. */
  async kill(): Promise<void> {
    await this.proc.kill();
  }

  /** Starts it again after it stopped, with the same port, credentials and settings (its log continues). */
  async restart(): Promise<OscarManagerServer> {
    await this.proc.kill();
    return this.again();
  }
}
