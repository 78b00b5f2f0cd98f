// The real control plane, proved with plain HTTP and no Terraform: the OSCAR manager v4.1.2 creates a
// service's objects in kube-apiserver and its buckets in MinIO, turns a MinIO upload into a Job,
// updates and deletes it.
import * as Minio from 'minio';
import { ControlPlane } from '../support/control-plane';

const NAME = 'plane-demo';
const SERVICE = {
  name: NAME,
  image: 'ghcr.io/grycap/cowsay',
  script: '#!/bin/sh\necho hello\n',
  memory: '256Mi',
  cpu: '0.2',
  input: [{ storage_provider: 'minio.default', path: `${NAME}/in` }],
  output: [{ storage_provider: 'minio.default', path: `${NAME}/out` }],
};

async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not seen within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('the real OSCAR control plane', () => {
  let plane: ControlPlane;
  let s3: Minio.Client;
  let startMs: number;
  const ns = '/api/v1/namespaces/oscar-svc';

  beforeAll(async () => {
    const t0 = Date.now();
    plane = await ControlPlane.start();
    startMs = Date.now() - t0;
    const url = new URL(plane.minio.endpoint);
    s3 = new Minio.Client({
      endPoint: url.hostname, port: Number(url.port), useSSL: false, accessKey: plane.minio.accessKey, secretKey: plane.minio.secretKey,
    });
  }, 180_000);

  afterAll(async () => {
    await plane?.stop();
  }, 60_000);

  test('starts in seconds and answers as OSCAR v4.1.2 with the Knative backend', async () => {
    expect(startMs).toBeLessThan(60_000);
    const info = await plane.oscar('GET', '/system/info');
    expect(info.status).toBe(200);
    expect(info.json).toMatchObject({ version: 'v4.1.2', kubernetes_version: expect.stringMatching(/^v1\.\d+/), serverless_backend: { name: 'Knative' } });
    const config = await plane.oscar('GET', '/system/config');
    expect(config.json.minio_provider.endpoint).toBe(plane.minio.endpoint);
    expect((await fetch(`${plane.manager.endpoint}/system/info`)).status).toBe(401);
  });

  test('a service with MinIO input and output lives its whole life: create, event to Job, update, delete', async () => {
    // WHEN the service is created
    const created = await plane.oscar('POST', '/system/services', SERVICE);
    expect(created).toMatchObject({ status: 201 });

    // THEN its ConfigMap and Knative Service are in the API server
    const configMap = await plane.apiServer.expectOk('GET', `${ns}/configmaps/${NAME}`);
    expect(configMap.metadata.labels).toMatchObject({ oscar_service: NAME });
    expect(configMap.data['script.sh']).toBe(SERVICE.script);
    expect(configMap.data['function_config.yaml']).toContain('memory: 256Mi');
    const ksvc = await plane.apiServer.expectOk('GET', `/apis/serving.knative.dev/v1/namespaces/oscar-svc/services/${NAME}`);
    expect(ksvc.spec.template.spec.containers[0].resources.limits).toMatchObject({ memory: '256Mi' });
    // ... and its bucket in MinIO, with the input folder wired to the manager's webhook
    expect(await s3.bucketExists(NAME)).toBe(true);
    const notification = await s3.getBucketNotification(NAME);
    expect(JSON.stringify(notification)).toContain(`arn:minio:sqs::${NAME}:webhook`);

    // WHEN a file lands in the input folder, THEN MinIO's event becomes a Kubernetes Job
    await s3.putObject(NAME, 'in/hello.txt', Buffer.from('hello'));
    const job = await eventually('a Job for the upload', async () => {
      const jobs = await plane.apiServer.expectOk('GET', `/apis/batch/v1/namespaces/oscar-svc/jobs?labelSelector=oscar_service%3D${NAME}`);
      return jobs.items[0];
    });
    const env = job.spec.template.spec.containers[0].env as { name: string; value: string }[];
    expect(env.find((e) => e.name === 'EVENT')?.value).toContain('in/hello.txt');

    // WHEN it is updated (the owner is sent back, or the manager clears it: see the manager-lab README)
    const updated = await plane.oscar('PUT', '/system/services', { ...SERVICE, memory: '512Mi', owner: 'cluster_admin' });
    expect(updated.status).toBe(204);
    // THEN the API and the Knative Service show the new memory
    expect((await plane.oscar('GET', `/system/services/${NAME}`)).json).toMatchObject({ memory: '512Mi', owner: 'cluster_admin' });
    const ksvc2 = await plane.apiServer.expectOk('GET', `/apis/serving.knative.dev/v1/namespaces/oscar-svc/services/${NAME}`);
    expect(ksvc2.spec.template.spec.containers[0].resources.limits).toMatchObject({ memory: '512Mi' });

    // WHEN it is deleted, THEN the service, its objects and its bucket are gone
    expect((await plane.oscar('DELETE', `/system/services/${NAME}`)).status).toBe(204);
    expect((await plane.oscar('GET', `/system/services/${NAME}`)).status).toBe(404);
    expect((await plane.apiServer.request('GET', `${ns}/configmaps/${NAME}`)).status).toBe(404);
    expect((await plane.apiServer.request('GET', `/apis/serving.knative.dev/v1/namespaces/oscar-svc/services/${NAME}`)).status).toBe(404);
    expect(await s3.bucketExists(NAME)).toBe(false);
  }, 120_000);
});
