import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cacheDir, componentBinary, hasComponent, PROJECT_ROOT } from '../../src/sandbox/testenv';
export { componentVersions } from '../../src/sandbox/testenv';

/** Path of a component built by testenv/build.sh; throws with the command to build it if it is missing. */
export const testBinary = componentBinary;
/** Whether a component is built, for tests that only run where an optional component exists. */
export const hasTestBinary = hasComponent;

/** Folder of the NVIDIA device-plugin Helm chart copied by testenv/build.sh. */
export function devicePluginChartDir(): string {
  return testBinary('nvidia-device-plugin-chart');
}

/**
 * Builds the project's OSCAR provider (provider/, with the Go build cache: seconds when nothing
 * changed) into the testenv cache; returns the folder holding `terraform-provider-oscar`.
 */
export function oscarProviderDir(): string {
  const out = path.join(cacheDir(), 'terraform-provider-oscar', 'dev');
  execFileSync('go', ['build', '-trimpath', '-o', path.join(out, 'terraform-provider-oscar'), '.'], {
    cwd: path.join(PROJECT_ROOT, 'provider'),
    env: { ...process.env, GOTOOLCHAIN: 'local', CGO_ENABLED: '0' },
    stdio: 'pipe',
  });
  return out;
}

/**
 * Writes an OpenTofu CLI config that uses the providers built by testenv/build.sh, and the project's
 * own OSCAR provider (`dev_overrides`, which ignores the bindings' version pins and needs no
 * registry); returns its path for TF_CLI_CONFIG_FILE.
 */
export function writeProviderOverrides(dir: string, providers: readonly ('aws' | 'kubernetes' | 'helm' | 'oscar')[]): string {
  const file = path.join(dir, 'tofurc');
  const lines = providers.map((p) => p === 'oscar'
    ? `    "oscar-cdktf/oscar" = "${oscarProviderDir()}"`
    : `    "hashicorp/${p}" = "${path.dirname(testBinary(`terraform-provider-${p}`))}"`);
  fs.writeFileSync(file, ['provider_installation {', '  dev_overrides {', ...lines, '  }', '  direct {}', '}', ''].join('\n'));
  return file;
}

/** Helm charts testenv/build.sh copies into the cache (folders named after the component). */
export type TestChart = 'oscar-chart' | 'traefik-chart' | 'knative-operator-chart' | 'minio-chart' | 'metrics-server-chart' | 'cert-manager-chart'
  | 'kueue-chart' | 'kserve-crd-chart' | 'kserve-chart';

/** Folder of a Helm chart copied by testenv/build.sh; throws with the command to build it if it is missing. */
export function chartDir(chart: TestChart): string {
  return componentBinary(chart);
}

/** The Gateway API release manifest (standard-install.yaml) built by testenv/build.sh. */
export function gatewayApiManifest(): string {
  return componentBinary('gateway-api-crds');
}
