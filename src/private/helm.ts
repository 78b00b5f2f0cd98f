import type { Construct } from 'constructs';
import { Fn, type ITerraformDependable, Release, Token } from './cdktf';
import { jsonWithTokens } from './terraform-json';
import { type HelmChartSource, releaseSource } from '../versions';

/** What every platform component's Helm release takes. */
export interface ComponentReleaseProps {
  readonly name: string;
  readonly namespace: string;
  readonly chart: HelmChartSource;
  /** Chart values; strings and numbers may be Terraform tokens. */
  readonly values: Record<string, unknown>;
  /** Values set from secrets, by dotted chart path (kept out of the plan output and of the release's metadata). */
  readonly sensitiveValues?: Readonly<Record<string, string>>;
  /** Wait until the release's pods are ready (and its Jobs done) before dependent releases start. */
  readonly wait: boolean;
  readonly dependsOn?: ITerraformDependable[];
}

/** Helm's default of 5 minutes is short for the first image pulls of a fresh cluster. */
const RELEASE_TIMEOUT_SECONDS = 600;

/** A Helm release of a pinned chart with typed values; the id "Resource" is the component's primary child. */
export function componentRelease(scope: Construct, id: string, props: ComponentReleaseProps): Release {
  const sensitive = Object.entries(props.sensitiveValues ?? {});
  return new Release(scope, id, {
    name: props.name,
    namespace: props.namespace,
    ...releaseSource(props.chart),
    values: [jsonWithTokens(props.values)],
    setSensitive: sensitive.length === 0 ? undefined : sensitive.map(([name, value]) => ({ name, value: helmSetString(value), type: 'string' })),
    wait: props.wait,
    waitForJobs: props.wait,
    timeout: RELEASE_TIMEOUT_SECONDS,
    dependsOn: props.dependsOn?.length ? props.dependsOn : undefined,
  });
}

/**
 * A value as Helm's `--set` parser reads it back unchanged: it splits on commas and treats backslashes
 * as escapes, so both are escaped (a password with a comma would otherwise be cut).
 */
export function helmSetString(value: string): string {
  if (!Token.isUnresolved(value)) return value.replace(/\\/g, '\\\\').replace(/,/g, '\\,');
  // cdktf writes function arguments into the expression as they are, so these are HCL string literals:
  // "\\" is one backslash, "\\\\" two, "\\," a backslash and a comma.
  return Fn.replace(Fn.replace(value, String.raw`\\`, String.raw`\\\\`), ',', String.raw`\\,`);
}
