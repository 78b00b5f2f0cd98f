import * as crypto from 'node:crypto';
import * as path from 'node:path';
import { freePort, ManagedProcess } from './process';
import { componentBinary } from './testenv';

/** Options of {@link MinioServer.start}. */
export interface MinioServerOptions {
  /**
   * Shell commands run in the server's private mount namespace before it starts (the sandbox mounts
   * an /etc/hosts there naming the OSCAR manager, which MinIO must reach for its webhook targets).
   * @default - the host's mount namespace
   */
  readonly privateMounts?: readonly string[];
  /** Address to listen on. @default - a free port on 127.0.0.1 */
  readonly address?: { readonly host: string; readonly port: number };
  /** Root user. @default - generated */
  readonly rootUser?: string;
  /** Root password. @default - generated */
  readonly rootPassword?: string;
}

const MAX_RESTARTS = 10;

/**
 * A real MinIO server on 127.0.0.1 with generated root credentials; data under `dir`. Like a pod with
 * restartPolicy Always, it is started again when it dies: the manager restarts MinIO (its admin API's
 * service restart) for every webhook it registers, and this MinIO has crashed on the way back up under
 * load (a nil pointer in its JSON decoder while loading IAM policies concurrently, seen in CI).
 */
export class MinioServer {
  static async start(dir: string, options: MinioServerOptions = {}): Promise<MinioServer> {
    const host = options.address?.host ?? '127.0.0.1';
    const port = options.address?.port ?? await freePort();
    const consolePort = await freePort();
    const accessKey = options.rootUser ?? `sandbox-${crypto.randomBytes(4).toString('hex')}`;
    const secretKey = options.rootPassword ?? crypto.randomBytes(24).toString('base64url');
    const launch = () => ManagedProcess.start('minio', dir, componentBinary('minio'), [
      'server', path.join(dir, 'minio-data'), '--address', `${host}:${port}`, '--console-address', `127.0.0.1:${consolePort}`, '--quiet',
    ], {
      env: { MINIO_ROOT_USER: accessKey, MINIO_ROOT_PASSWORD: secretKey, MINIO_BROWSER: 'off', MINIO_UPDATE: 'off' },
      privateMounts: options.privateMounts,
    });
    const endpoint = `http://${host}:${port}`;
    const server = new MinioServer(endpoint, port, accessKey, secretKey, launch);
    await server.proc.waitUntil('MinIO /minio/health/live', async () => ((await fetch(`${endpoint}/minio/health/live`)).ok ? true : undefined), 60_000);
    return server;
  }

  private proc: ManagedProcess;
  private stopping = false;
  /** How many times MinIO died and was started again. */
  restarts = 0;

  private constructor(
    /** S3 endpoint, `http://127.0.0.1:<port>`. */
    readonly endpoint: string,
    readonly port: number,
    /** Root user. */
    readonly accessKey: string,
    /** Root password. */
    readonly secretKey: string,
    private readonly launch: () => ManagedProcess,
  ) {
    this.proc = this.supervised();
  }

  private supervised(): ManagedProcess {
    const proc = this.launch();
    proc.onExit(() => {
      // (a MinIO that cannot start at all is not retried forever)
      if (this.stopping || this.restarts >= MAX_RESTARTS) return;
      this.restarts++;
      this.proc = this.supervised();
    });
    return proc;
  }

  /** The current MinIO process's id. */
  get pid(): number | undefined {
    return this.proc.pid;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.proc.stop();
  }
}
