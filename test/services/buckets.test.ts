import { loadFdlFiles } from '../../src/fdl';
import { BucketRole, bucketsOf, isClusterMinio, sharedBuckets } from '../../src/services/buckets';
import { corpusCopy } from '../support/fdl';

const spec = (fields: object) => ({ name: 'svc', image: 'i', script: 's', ...fields });

describe('buckets of a service', () => {
  test('the first path segment is the bucket; a single segment means the service bucket', () => {
    expect(bucketsOf(spec({
      input: [{ storage_provider: 'minio', path: '/data/in/' }],
      output: [{ storage_provider: 'minio.default', path: 'out' }, { storage_provider: 'minio', path: 'data/out' }],
    }))).toEqual([
      { bucket: 'data', roles: [BucketRole.INPUT, BucketRole.OUTPUT] },
      { bucket: 'svc', roles: [BucketRole.OUTPUT] },
    ]);
  });

  test('only the cluster MinIO counts: other MinIO servers, S3 and WebDAV are not the manager\'s buckets', () => {
    expect(isClusterMinio('minio')).toBe(true);
    expect(isClusterMinio(' minio.default ')).toBe(true);
    expect(isClusterMinio('minio.edge')).toBe(false);
    expect(bucketsOf(spec({
      input: [{ storage_provider: 'webdav.dcache', path: 'a/b' }],
      output: [{ storage_provider: 's3.aws', path: 'c/d' }, { storage_provider: 'minio.edge', path: 'e/f' }],
      mount: { storage_provider: 'minio', path: 'models' },
    }))).toEqual([{ bucket: 'models', roles: [BucketRole.MOUNT] }]);
  });

  test('the mask-detector workflow shares one bucket between its two services', () => {
    const { services } = loadFdlFiles([corpusCopy('mask-detector-workflow/mask-detector-workflow.yaml')]);
    expect(sharedBuckets(services.map((s) => s.spec))).toEqual(new Map([['mask-detector', ['anon-and-split', 'mask-detector']]]));
  });

  test('services with their own buckets share nothing', () => {
    expect(sharedBuckets([
      spec({ name: 'a', input: [{ storage_provider: 'minio', path: 'a/in' }] }),
      spec({ name: 'b', input: [{ storage_provider: 'minio', path: 'in' }] }),
    ]).size).toBe(0);
  });
});
