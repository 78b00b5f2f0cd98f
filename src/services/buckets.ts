// Which buckets of the cluster's MinIO each service uses. The manager creates them when it creates the
// service and deletes them (with their objects) when it deletes it; a bucket used by several services
// is declared once, as an oscar_bucket, so that no service's create finds it already there.
import { bucketOf, mountBucketOf, type OscarServiceSpec, parseProviderRef } from '../fdl';

/** How a service uses a bucket. */
export enum BucketRole {
  /** Uploads trigger the service (the manager wires a MinIO webhook). */
  INPUT = 'input',
  /** The service writes results there. */
  OUTPUT = 'output',
  /** Mounted into the service's pods. */
  MOUNT = 'mount',
}

/** One bucket of the cluster's MinIO and how one service uses it. */
export interface BucketUse {
  /** The bucket's name. */
  readonly bucket: string;
  /** How the service uses it, in order of first use. */
  readonly roles: readonly BucketRole[];
}

/** Whether a storage provider reference names the cluster's own MinIO (`minio`, `minio.default`). */
export function isClusterMinio(storageProvider: string): boolean {
  const { type, id } = parseProviderRef(storageProvider);
  return type === 'minio' && id === 'default';
}

/**
 * The cluster-MinIO buckets a service uses, in order of first use. Paths are read as the manager does:
 * the first segment is the bucket, and a single-segment input or output path `x` means `<service>/x`.
 */
export function bucketsOf(spec: OscarServiceSpec): BucketUse[] {
  const roles = new Map<string, BucketRole[]>();
  const add = (storageProvider: string | undefined, p: string | undefined, role: BucketRole) => {
    if (storageProvider === undefined || p === undefined || !isClusterMinio(storageProvider)) return;
    const bucket = role === BucketRole.MOUNT ? mountBucketOf(p) : bucketOf(spec.name, p);
    const list = roles.get(bucket) ?? [];
    if (!list.includes(role)) list.push(role);
    roles.set(bucket, list);
  };
  for (const io of spec.input ?? []) add(io.storage_provider, io.path, BucketRole.INPUT);
  for (const io of spec.output ?? []) add(io.storage_provider, io.path, BucketRole.OUTPUT);
  if (spec.mount) add(spec.mount.storage_provider, spec.mount.path, BucketRole.MOUNT);
  return [...roles].map(([bucket, r]) => ({ bucket, roles: r }));
}

/** Buckets used by more than one service, each with the names of the services using it (in order). */
export function sharedBuckets(specs: readonly OscarServiceSpec[]): Map<string, string[]> {
  const users = new Map<string, string[]>();
  for (const spec of specs) {
    for (const { bucket } of bucketsOf(spec)) {
      const names = users.get(bucket);
      if (names) names.push(spec.name);
      else users.set(bucket, [spec.name]);
    }
  }
  return new Map([...users].filter(([, names]) => names.length > 1));
}
