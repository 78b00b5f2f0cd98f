// How the manager reads storage references and paths: one home for the rules that validation, the
// canonical JSON and the bucket bookkeeping (src/services/buckets.ts) all apply.

/**
 * Splits `minio.default` into type and id; a bare type means id `default`. As the manager (and the
 * provider's `ProviderRef`) reads it: spaces around it are ignored, and the type is lower-cased.
 */
export function parseProviderRef(ref: string): { type: string; id: string } {
  const trimmed = ref.trim();
  const dot = trimmed.indexOf('.');
  return dot < 0 ? { type: trimmed.toLowerCase(), id: 'default' } : { type: trimmed.slice(0, dot).toLowerCase(), id: trimmed.slice(dot + 1) };
}

/** Trims spaces and slashes around a path, as the manager does before using it. */
export function trimPath(p: string): string {
  return p.replace(/^[\s/]+|[\s/]+$/g, '');
}

/** The path the manager stores for a MinIO/S3 input or output: trimmed, a single segment `x` made `<service>/x`. */
export function managerPath(serviceName: string, path: string): string {
  const p = trimPath(path);
  return p.includes('/') ? p : `${serviceName}/${p}`;
}

/** The bucket a MinIO/S3 input or output path names, after the manager's rewrite of single-segment paths. */
export function bucketOf(serviceName: string, path: string): string {
  const p = managerPath(serviceName, path);
  return p.slice(0, p.indexOf('/'));
}

/** The bucket a mount path names: its first segment (a mount's single segment is a bucket). */
export function mountBucketOf(path: string): string {
  return trimPath(path).split('/')[0];
}
