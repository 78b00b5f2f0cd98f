import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const VERSIONS_FILE = path.join(__dirname, '..', '..', 'testenv', 'versions.env');

/** Component versions, read from testenv/versions.env (the one place they are recorded). */
export function componentVersions(): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const line of fs.readFileSync(VERSIONS_FILE, 'utf8').split('\n')) {
    const m = /^([A-Z_]+)=(\S+)$/.exec(line.trim());
    if (m) versions[m[1]] = m[2];
  }
  return versions;
}

const VERSION_KEYS: Record<string, string> = {
  etcd: 'ETCD_VERSION',
  'kube-apiserver': 'KUBERNETES_VERSION',
  'kube-controller-manager': 'KUBERNETES_VERSION',
  minio: 'MINIO_VERSION',
  tofu: 'OPENTOFU_VERSION',
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
  'gateway-api-crds': 'GATEWAY_API_VERSION',
};

/** Helm charts testenv/build.sh copies into the cache (folders named after the component). */
export type TestChart = 'oscar-chart' | 'traefik-chart' | 'knative-operator-chart' | 'minio-chart' | 'metrics-server-chart' | 'cert-manager-chart';

/** Folder of a Helm chart copied by testenv/build.sh; throws with the command to build it if it is missing. */
export function chartDir(chart: TestChart): string {
  return testBinary(chart);
}

/** The Gateway API release manifest (standard-install.yaml) built by testenv/build.sh. */
export function gatewayApiManifest(): string {
  return testBinary('gateway-api-crds');
}

/** Path of a component built by testenv/build.sh (a binary, or the chart folder); throws with the command to build it if it is missing. */
export function testBinary(component: keyof typeof VERSION_KEYS & string): string {
  const version = componentVersions()[VERSION_KEYS[component]];
  const binary = path.join(cacheDir(), component, version, component);
  if (!fs.existsSync(binary)) {
    throw new Error(`${component} ${version} is not built (looked for ${binary}). Build it with: bash testenv/build.sh ${component}`);
  }
  return binary;
}

function cacheDir(): string {
  return process.env.OSCAR_CDKTF_CACHE ?? path.join(os.homedir(), '.cache', 'oscar-cdktf');
}

/** Whether a component is built, for tests that only run where an optional component exists. */
export function hasTestBinary(component: string): boolean {
  const version = componentVersions()[VERSION_KEYS[component]];
  return version !== undefined && fs.existsSync(path.join(cacheDir(), component, version, component));
}

/** Folder of the NVIDIA device-plugin Helm chart copied by testenv/build.sh. */
export function devicePluginChartDir(): string {
  return testBinary('nvidia-device-plugin-chart');
}

/**
 * Writes an OpenTofu CLI config that uses the providers built by testenv/build.sh (`dev_overrides`,
 * which ignores the bindings' version pins and needs no registry); returns its path for TF_CLI_CONFIG_FILE.
 */
export function writeProviderOverrides(dir: string, providers: readonly ('aws' | 'kubernetes' | 'helm')[]): string {
  const file = path.join(dir, 'tofurc');
  const lines = providers.map((p) => `    "hashicorp/${p}" = "${path.dirname(testBinary(`terraform-provider-${p}`))}"`);
  fs.writeFileSync(file, ['provider_installation {', '  dev_overrides {', ...lines, '  }', '  direct {}', '}', ''].join('\n'));
  return file;
}
