import * as fs from 'node:fs';
import * as path from 'node:path';
import { componentBinary, hasComponent } from '../../src/sandbox/testenv';
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
 * Writes an OpenTofu CLI config that uses the providers built by testenv/build.sh (`dev_overrides`,
 * which ignores the bindings' version pins and needs no registry); returns its path for TF_CLI_CONFIG_FILE.
 */
export function writeProviderOverrides(dir: string, providers: readonly ('aws' | 'kubernetes' | 'helm')[]): string {
  const file = path.join(dir, 'tofurc');
  const lines = providers.map((p) => `    "hashicorp/${p}" = "${path.dirname(testBinary(`terraform-provider-${p}`))}"`);
  fs.writeFileSync(file, ['provider_installation {', '  dev_overrides {', ...lines, '  }', '  direct {}', '}', ''].join('\n'));
  return file;
}
