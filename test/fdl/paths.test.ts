import { bucketOf, managerPath, mountBucketOf, parseProviderRef } from '../../src/fdl';

describe('how the manager reads storage references and paths', () => {
  test('a provider reference: the type lower-cased, spaces ignored, no id meaning default', () => {
    expect(parseProviderRef(' MinIO.store ')).toEqual({ type: 'minio', id: 'store' });
    expect(parseProviderRef('webdav')).toEqual({ type: 'webdav', id: 'default' });
    expect(parseProviderRef('minio.eu.west')).toEqual({ type: 'minio', id: 'eu.west' });
  });

  test('an input or output path: trimmed, a single segment put in the service\'s bucket', () => {
    expect(managerPath('grayify', ' /in/ ')).toBe('grayify/in');
    expect(managerPath('grayify', '/shared/in/')).toBe('shared/in');
    expect(bucketOf('grayify', 'in')).toBe('grayify');
    expect(bucketOf('grayify', 'shared/deep/in')).toBe('shared');
  });

  test('a mount path: its first segment is the bucket, even alone', () => {
    expect(mountBucketOf('/models/')).toBe('models');
    expect(mountBucketOf('models/v2')).toBe('models');
  });
});
