// The naming rules a service must meet, in one home: validation reads them, and the OSCAR provider's
// Go code gets them through provider/internal/provider/contract_gen.go (scripts/go-contract.ts), so the
// two languages cannot disagree. Written in the syntax both JavaScript and Go (RE2) read.

/** Service names: the manager's 39-character limit, narrowed by the Kubernetes and S3 names made from them. */
export const SERVICE_NAME_PATTERN = /^[a-z][a-z0-9-]{1,37}[a-z0-9]$/;

/** S3's rule for bucket names, which MinIO applies. */
export const BUCKET_NAME_PATTERN = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** Volume names: claims are named after them, so a DNS-1123 label (the manager checks the same). */
export const VOLUME_NAME_PATTERN = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** Mount options: the characters the manager lets through to rclone. */
export const MOUNT_OPTIONS_PATTERN = /^[a-zA-Z0-9\-_.:=,/ ]+$/;
