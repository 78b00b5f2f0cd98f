// Where the real components built by testenv/build.sh live: a cache outside the repository, keyed by
// component and version, with the versions read from testenv/versions.env (their one record).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The project root (the folder holding testenv/), found from this file in src/ or dist/src/. */
export const PROJECT_ROOT = findProjectRoot(__dirname);

function findProjectRoot(from: string): string {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'testenv', 'versions.env'))) return dir;
  }
  throw new Error(`testenv/versions.env not found above ${from}: the sandbox runs from a checkout of oscar-cdktf.`);
}

/** Component versions, read from testenv/versions.env. */
export function componentVersions(): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const line of fs.readFileSync(path.join(PROJECT_ROOT, 'testenv', 'versions.env'), 'utf8').split('\n')) {
    const m = /^([A-Z_]+)=(\S+)$/.exec(line.trim());
    if (m) versions[m[1]] = m[2];
  }
  return versions;
}

const VERSION_KEYS = {
  etcd: 'ETCD_VERSION',
  'kube-apiserver': 'KUBERNETES_VERSION',
  'kube-controller-manager': 'KUBERNETES_VERSION',
  minio: 'MINIO_VERSION',
  'oscar-manager': 'OSCAR_VERSION',
  'oscar-cli': 'OSCAR_CLI_VERSION',
  'knative-serving-crds': 'KNATIVE_SERVING_VERSION',
  'kueue-crds': 'KUEUE_CHART_VERSION',
  tofu: 'OPENTOFU_VERSION',
  'tofu-legacy': 'OPENTOFU_LEGACY_VERSION',
  'terraform-provider-aws': 'AWS_PROVIDER_VERSION',
  'terraform-provider-kubernetes': 'KUBERNETES_PROVIDER_VERSION',
  'terraform-provider-helm': 'HELM_PROVIDER_VERSION',
  'nvidia-device-plugin-chart': 'NVIDIA_DEVICE_PLUGIN_VERSION',
  'oscar-chart': 'OSCAR_CHART_VERSION',
  'traefik-chart': 'TRAEFIK_CHART_VERSION',
  'knative-operator-chart': 'KNATIVE_OPERATOR_CHART_VERSION',
  'minio-chart': 'MINIO_VERSION',
  'metrics-server-chart': 'METRICS_SERVER_MODULE_VERSION',
  'cert-manager-chart': 'CERT_MANAGER_VERSION',
  'kueue-chart': 'KUEUE_CHART_VERSION',
  'kserve-crd-chart': 'KSERVE_CHART_VERSION',
  'kserve-chart': 'KSERVE_CHART_VERSION',
  'gateway-api-crds': 'GATEWAY_API_VERSION',
  keycloak: 'KEYCLOAK_VERSION',
} as const;

/** A component testenv/build.sh knows how to build. */
export type Component = keyof typeof VERSION_KEYS;

/** The cache folder (`OSCAR_CDKTF_CACHE`, default `~/.cache/oscar-cdktf`). */
export function cacheDir(): string {
  return process.env.OSCAR_CDKTF_CACHE ?? path.join(os.homedir(), '.cache', 'oscar-cdktf');
}

function componentPath(component: Component): string {
  const version = componentVersions()[VERSION_KEYS[component]];
  return path.join(cacheDir(), component, version ?? 'unknown', component);
}

/**
 * Path of a built component (a binary, or a folder of charts or CRDs); throws with the command that
 * builds it when it is missing.
 */
export function componentBinary(component: Component): string {
  const file = componentPath(component);
  if (!fs.existsSync(file)) {
    throw new Error(`${component} is not built (looked for ${file}). Build it with: bash testenv/build.sh ${component}`);
  }
  return file;
}

/** Whether a component is built, for tests that only run where an optional component exists. */
export function hasComponent(component: Component): boolean {
  return fs.existsSync(componentPath(component));
}
