import { Construct } from 'constructs';
import type { ITerraformDependable, Release } from '../private/cdktf';
import { type HelmChartSource, type PinnedChart, pinnedChart, VERSIONS } from '../versions';
import { componentRelease } from '../private/helm';
import type { CertManagerOptions, GatewayRef } from './cert-manager';
import { Namespaces } from './namespaces';

/**
 * Namespace of KServe: its InferenceService CRD takes its CA from `kserve/serving-cert`
 * (`cert-manager.io/inject-ca-from`, fixed in the chart), so the controller lives there.
 */
export const KSERVE_NAMESPACE = 'kserve';

/** KServe, which serves the models of FDL services with a `kserve` block (the manager's `KSERVE_ENABLE`). */
export interface KserveOptions {
  /**
   * Controller chart and image, to override the pinned ones.
   * @default - the chart and image pinned in the versions catalog (src/versions.ts)
   */
  readonly chart?: Partial<PinnedChart>;
  /**
   * CRD chart, to override the pinned one.
   * @default - the chart pinned in the versions catalog (src/versions.ts)
   */
  readonly crdChart?: Partial<HelmChartSource>;
  /**
   * The cluster runs KServe already (v1beta1 API, Standard mode, Gateway API routing): nothing is
   * installed, the manager uses it.
   * @default false
   */
  readonly existing?: boolean;
  /**
   * cert-manager, which signs the certificate of KServe's webhooks, when the platform's TLS does not
   * install it already: its chart and namespace, or `install: false` when the cluster runs it.
   * @default - installed with CertManagerOptions' defaults
   */
  readonly certManager?: Omit<CertManagerOptions, 'issuer'>;
}

/** Props of {@link Kserve}. */
export interface KserveProps extends Omit<KserveOptions, 'certManager'> {
  /** The Gateway the manager's routes to models attach to (KServe's `kserveGateway`). */
  readonly gateway: GatewayRef;
  /** What installs the cert-manager KServe's chart makes a Certificate and an Issuer for. */
  readonly after: ITerraformDependable[];
  /** Wait for its pod. */
  readonly wait: boolean;
}

/**
 * KServe from its charts (CRDs, then the controller), in the mode the manager v4.1.2 routes to: Standard
 * (plain Deployments; a model's `<name>-predictor` Service on port 80, which the manager's HTTPRoute
 * targets) with Gateway API routing through the platform's Gateway, and no Istio.
 */
export class Kserve extends Construct {
  /** The controller's release, when installed here. */
  readonly release?: Release;
  /** The CRDs' release, when installed here. */
  readonly crdRelease?: Release;

  constructor(scope: Construct, id: string, props: KserveProps) {
    super(scope, id);
    if (props.existing) return;
    const chart = pinnedChart(VERSIONS.kserve, props.chart);
    const crdChart = pinnedChart(VERSIONS.kserveCrd, props.crdChart);
    // cert-manager does not validate the chart's fixed Certificate and Issuer, so they do not wait for its
    // webhook to serve (with waitForPods false, nothing waits for it).
    const namespace = Namespaces.of(this).ensure(KSERVE_NAMESPACE, this, 'namespace', { 'cert-manager.io/disable-validation': 'true' });
    // CRDs need no pod: waiting for them means waiting until they are established, which the controller's chart needs.
    this.crdRelease = componentRelease(this, 'Crds', { name: 'kserve-crd', namespace: namespace.metadata.name, chart: crdChart, values: {}, wait: true });
    this.release = componentRelease(this, 'Resource', {
      name: 'kserve',
      namespace: namespace.metadata.name,
      chart,
      values: {
        kserve: {
          controller: {
            deploymentMode: 'Standard',
            image: chart.imageRepository,
            tag: chart.imageTag,
            gateway: {
              disableIstioVirtualHost: true,
              ingressGateway: { enableGatewayApi: true, kserveGateway: `${props.gateway.namespace}/${props.gateway.name}`, createGateway: false },
            },
          },
        },
      },
      wait: props.wait,
      dependsOn: [this.crdRelease, ...props.after],
    });
  }
}
