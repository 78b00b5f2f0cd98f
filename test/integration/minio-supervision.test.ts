// The sandbox's MinIO is started again when it dies, as Kubernetes restarts a crashed pod: the
// manager restarts MinIO for every webhook it registers, and MinIO has crashed on the way back up.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as Minio from 'minio';
import { MinioServer } from '../support/control-plane';

jest.setTimeout(120_000);

test('a MinIO that dies is started again on the same endpoint, with the same credentials and data', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minio-supervision-'));
  const minio = await MinioServer.start(dir);
  try {
    const live = async () => (await fetch(`${minio.endpoint}/minio/health/live`).catch(() => undefined))?.ok === true;
    expect(await live()).toBe(true);
    const url = new URL(minio.endpoint);
    const s3 = new Minio.Client({ endPoint: url.hostname, port: Number(url.port), useSSL: false, accessKey: minio.accessKey, secretKey: minio.secretKey });
    await s3.makeBucket('kept');
    const first = minio.pid!;

    // WHEN it dies (SIGKILL, as a crash would end it)
    process.kill(first, 'SIGKILL');

    // THEN it answers again, from another process
    const deadline = Date.now() + 60_000;
    while (!(minio.pid !== first && await live()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect({ live: await live(), restarts: minio.restarts, samePid: minio.pid === first }).toEqual({ live: true, restarts: 1, samePid: false });
    // the same root credentials open the same data
    expect(await s3.bucketExists('kept')).toBe(true);
  } finally {
    await minio.stop();
  }
  // and stopping it stops it for good
  await new Promise((r) => setTimeout(r, 1000));
  expect(minio.restarts).toBe(1);
});
