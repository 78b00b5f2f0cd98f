import * as fs from 'node:fs';
import * as path from 'node:path';
import { Construct } from 'constructs';
import { AssetType, type ITerraformDependable, type Release, TerraformAsset } from '../private/cdktf';
import { ValidationError } from '../errors';
import { componentRelease } from '../private/helm';

/** A Kubernetes object, as it would be written in YAML; strings and numbers may be Terraform tokens. */
export interface KubernetesObject {
  /** API group and version, for example `serving.knative.dev/v1`. */
  readonly apiVersion: string;
  /** Kind, for example `KnativeServing`. */
  readonly kind: string;
  /** Name, namespace (for namespaced kinds) and any other metadata. */
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly [key: string]: unknown };
  readonly [key: string]: unknown;
}

/** Props of {@link CustomResources}. */
export interface CustomResourcesProps {
  /** Helm release name (unique in its namespace). */
  readonly releaseName: string;
  /** Namespace of the release record (objects with their own `metadata.namespace` go there). */
  readonly namespace: string;
  /** The objects to create. */
  readonly objects: readonly KubernetesObject[];
  /** What installs the objects' CRDs (and, for validated kinds, their webhooks): they are created after it. */
  readonly after: ITerraformDependable[];
  /**
   * Wait until the objects are ready.
   * @default false
   */
  readonly wait?: boolean;
}

/**
 * Custom resources whose CRDs are installed earlier in the same apply. `kubernetes_manifest` reads a
 * kind's schema from the API server while planning, so a KnativeServing or ClusterIssuer planned
 * together with the chart that brings its CRD fails the first plan. Here the objects are the values of
 * a Helm release of the project's own `charts/custom-resources` chart (it only renders
 * `.Values.objects`), ordered after the release that installs the CRDs: Helm maps the kinds when it
 * installs, by which time the CRDs exist. Helm also updates and deletes them with the release.
 */
export class CustomResources extends Construct {
  /** The Helm release carrying the objects. */
  readonly release: Release;

  constructor(scope: Construct, id: string, props: CustomResourcesProps) {
    super(scope, id);
    if (props.objects.length === 0) {
      throw new ValidationError(this, 'objects', 'is empty', 'give at least one object, or leave the construct out');
    }
    // The chart folder is copied next to the synthesized stack, so Terraform finds it wherever it runs.
    const chart = new TerraformAsset(this, 'Chart', { path: chartFolder(), type: AssetType.DIRECTORY });
    this.release = componentRelease(this, 'Resource', {
      name: props.releaseName,
      namespace: props.namespace,
      chart: { repository: '', chart: chart.path, version: CHART_VERSION },
      values: { objects: props.objects },
      wait: props.wait ?? false,
      dependsOn: props.after,
    });
  }
}

const CHART_VERSION = '1.0.0';

/** The chart folder, found from this file in the sources (ts-node, jest) and in the build output (dist/). */
function chartFolder(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'charts', 'custom-resources');
    if (fs.existsSync(path.join(candidate, 'Chart.yaml'))) return candidate;
  }
  throw new Error(`charts/custom-resources not found above ${__dirname}; the package is incomplete`);
}
