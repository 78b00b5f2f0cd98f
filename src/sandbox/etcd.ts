import * as path from 'node:path';
import { freePort, ManagedProcess } from './process';
import { componentBinary } from './testenv';

/** A real etcd listening on 127.0.0.1, its data under `dir`. */
export class Etcd {
  static async start(dir: string): Promise<Etcd> {
    const [clientPort, peerPort] = [await freePort(), await freePort()];
    const url = `http://127.0.0.1:${clientPort}`;
    const peer = `http://127.0.0.1:${peerPort}`;
    const proc = ManagedProcess.start('etcd', dir, componentBinary('etcd'), [
      '--data-dir', path.join(dir, 'etcd'), '--listen-client-urls', url, '--advertise-client-urls', url,
      '--listen-peer-urls', peer, '--initial-advertise-peer-urls', peer, '--initial-cluster', `default=${peer}`,
      '--log-level', 'warn',
    ]);
    await proc.waitUntil('etcd health', async () => ((await fetch(`${url}/health`)).ok ? true : undefined), 30_000);
    return new Etcd(url, proc);
  }

  private constructor(readonly url: string, private readonly proc: ManagedProcess) {}

  async stop(): Promise<void> {
    await this.proc.stop();
  }
}
