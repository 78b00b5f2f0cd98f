// The Terraform variables that give secret values. Their names are shell identifiers: users set
// them as TF_VAR_<name> in a shell, and `npx cdktf deploy` runs Terraform through `sh -c` (dash on
// Debian), which drops variables whose names are not identifiers (a service name's `-`, measured: the
// deploy then stopped at a prompt for the variable).

import type { SecretPath } from '../fdl';

/** Every character a shell variable name cannot hold becomes `_`; a leading digit gets `_` before it. */
function shellSafe(text: string): string {
  const safe = text.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[0-9]/.test(safe) ? `_${safe}` : safe;
}

/** The variable of a secret environment value: `<service>__<KEY>` made shell-safe (`cowsay-secret`'s `KEY`: `cowsay_secret__KEY`). */
export function secretVariableName(service: string, key: string): string {
  return `${shellSafe(service)}__${shellSafe(key)}`;
}

/**
 * The variable of a storage provider's or a federated cluster's credential, shared by every service
 * that names the same account: `storage__<type>__<id>__<field>` or `cluster__<id>__<field>`, made
 * shell-safe (`storage_providers.minio.store.secret_key`: `storage__minio__store__secret_key`).
 */
export function accountVariableName(path: SecretPath): string {
  const [group, ...rest] = path;
  return [group === 'clusters' ? 'cluster' : 'storage', ...rest].map(shellSafe).join('__');
}

/** The variable of a setting of one of several OSCAR clusters: `oscar__<cluster id>__<setting>`, made shell-safe. */
export function oscarVariableName(clusterId: string, setting: string): string {
  return ['oscar', clusterId, setting].map(shellSafe).join('__');
}

/** The variable of an image pull secret's password: `image_pull_secret_<name>` made shell-safe. */
export function imagePullSecretVariableName(secret: string): string {
  return `image_pull_secret_${shellSafe(secret)}`;
}
