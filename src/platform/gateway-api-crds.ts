import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Construct } from 'constructs';
import { Annotations, AssetType, type Release, TerraformAsset } from '../private/cdktf';
import { ValidationError } from '../errors';
import { GATEWAY_API } from '../versions';
import { componentRelease } from '../private/helm';

/** Settings of the Gateway API CRDs. */
export interface GatewayApiCrdsOptions {
  /**
   * The Gateway API release manifest of the standard channel (`standard-install.yaml`, see
   * GATEWAY_API.manifestUrl for the pinned release), read at synth time.
   */
  readonly manifestFile: string;
  /**
   * Namespace of the release record (the CRDs are cluster-scoped).
   * @default 'kube-system'
   */
  readonly namespace?: string;
}

/**
 * The Gateway API CRDs of the standard channel (Gateway, GatewayClass, HTTPRoute, …), which Traefik's
 * chart no longer ships. Upstream publishes them as one manifest, not as a chart, and the one chart
 * that carries them (Envoy Gateway's CRD chart) is larger than the 1 MiB Secret Helm stores a release
 * in. So the manifest given is packaged at synth time into a chart of its own (the manifest is read
 * with `.Files.Get`, never templated), copied next to the synthesized stack: Helm installs, upgrades
 * and removes the CRDs with the platform, and Traefik's release is ordered after them.
 */
export class GatewayApiCrds extends Construct {
  /** The CRD release. */
  readonly release: Release;
  /** The Gateway API release the manifest says it is (`gateway.networking.k8s.io/bundle-version`). */
  readonly bundleVersion: string;

  constructor(scope: Construct, id: string, props: GatewayApiCrdsOptions) {
    super(scope, id);
    let manifest: string;
    try {
      manifest = fs.readFileSync(props.manifestFile, 'utf8');
    } catch {
      throw new ValidationError(this, 'manifestFile', `cannot read '${props.manifestFile}'`, `download ${GATEWAY_API.manifestUrl} and give its path`);
    }
    const version = /gateway\.networking\.k8s\.io\/bundle-version:\s*v?(\d+\.\d+\.\d+)\s*$/m.exec(manifest)?.[1];
    if (!/^kind:\s*CustomResourceDefinition\s*$/m.test(manifest) || !manifest.includes('gateway.networking.k8s.io') || version === undefined) {
      throw new ValidationError(this, 'manifestFile', `'${props.manifestFile}' is not a Gateway API release manifest`,
        `give the standard-install.yaml of a Gateway API release, for example ${GATEWAY_API.manifestUrl}`);
    }
    this.bundleVersion = `v${version}`;
    if (this.bundleVersion !== GATEWAY_API.version) {
      Annotations.of(this).addWarning(`${this.node.path}: manifestFile: Gateway API ${this.bundleVersion} is not the pinned `
        + `${GATEWAY_API.version} (${GATEWAY_API.source}); make sure Traefik supports it`);
    }
    const chart = new TerraformAsset(this, 'Chart', { path: packageChart(manifest, version), type: AssetType.DIRECTORY });
    this.release = componentRelease(this, 'Resource', {
      name: 'gateway-api-crds',
      namespace: props.namespace ?? 'kube-system',
      chart: { repository: '', chart: chart.path, version },
      values: {},
      // CRDs have no pods: nothing to wait for.
      wait: false,
    });
  }
}

// Writes the chart into a folder named after its content, so the same manifest gives the same asset.
function packageChart(manifest: string, version: string): string {
  const hash = crypto.createHash('sha256').update(manifest).digest('hex').slice(0, 16);
  const dir = path.join(os.tmpdir(), 'oscar-cdktf-charts', `gateway-api-crds-${hash}`);
  if (!fs.existsSync(path.join(dir, 'Chart.yaml'))) {
    fs.mkdirSync(path.join(dir, 'templates'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'manifest.yaml'), manifest);
    fs.writeFileSync(path.join(dir, 'templates', 'manifest.yaml'), '{{ .Files.Get "manifest.yaml" }}\n');
    fs.writeFileSync(path.join(dir, 'Chart.yaml'), [
      'apiVersion: v2',
      'name: gateway-api-crds',
      'description: Gateway API CRDs (standard channel), packaged by oscar-cdktf from the release manifest',
      'type: application',
      `version: ${version}`,
      `appVersion: v${version}`,
      '',
    ].join('\n'));
  }
  return dir;
}
