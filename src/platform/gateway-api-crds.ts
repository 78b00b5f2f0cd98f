import { Construct } from 'constructs';
import type { Release } from '@cdktf/provider-helm/lib/release';
import { type PinnedChart, pinnedChart, VERSIONS } from '../versions';
import { componentRelease } from './private/helm';

/** Settings of the Gateway API CRDs. */
export interface GatewayApiCrdsOptions {
  /**
   * Chart, to override the pinned one.
   * @default - VERSIONS.gatewayApiCrds
   */
  readonly chart?: Partial<PinnedChart>;
  /**
   * Namespace of the release record (the CRDs are cluster-scoped).
   * @default 'kube-system'
   */
  readonly namespace?: string;
}

/**
 * The Gateway API CRDs of the standard channel (Gateway, GatewayClass, HTTPRoute, …), which Traefik's
 * chart no longer ships. They come from Envoy Gateway's CRD chart with its own CRDs turned off, so
 * Helm installs, upgrades and removes them with the platform.
 */
export class GatewayApiCrds extends Construct {
  /** The CRD release. */
  readonly release: Release;

  constructor(scope: Construct, id: string, props: GatewayApiCrdsOptions = {}) {
    super(scope, id);
    this.release = componentRelease(this, 'Resource', {
      name: 'gateway-api-crds',
      namespace: props.namespace ?? 'kube-system',
      chart: pinnedChart(VERSIONS.gatewayApiCrds, props.chart),
      values: { crds: { gatewayAPI: { enabled: true, channel: 'standard' }, envoyGateway: { enabled: false } } },
      // CRDs have no pods: nothing to wait for.
      wait: false,
    });
  }
}
