import { Construct } from 'constructs';
import { type ITerraformDependable, type Release, Token } from '../private/cdktf';
import { ValidationError } from '../errors';
import { KNATIVE_SERVING_VERSION, type PinnedChart, pinnedChart, VERSIONS } from '../versions';
import { CustomResources } from './custom-resources';
import { Namespaces } from './namespaces';
import { componentRelease } from '../private/helm';
import { checkDuration, checkInteger, durationSeconds } from './private/validate';

/**
 * Cluster-wide Knative autoscaler settings (ConfigMap `config-autoscaler`), the levers behind OSCAR's
 * cold-start mitigation. Per service, the manager sets `min-scale`/`max-scale` annotations from the FDL's
 * `synchronous.min_scale`/`max_scale`; these settings shape what happens around them.
 * @see https://knative.dev/docs/serving/autoscaling/
 */
export interface KnativeAutoscalerOptions {
  /**
   * Allow revisions to scale to zero pods (`enable-scale-to-zero`).
   * @default true
   */
  readonly enableScaleToZero?: boolean;
  /**
   * How long the last pod is kept after traffic stops while the network is reprogrammed
   * (`scale-to-zero-grace-period`; at least 6s).
   * @default '30s'
   */
  readonly scaleToZeroGracePeriod?: string;
  /**
   * How long the last pod is kept after the autoscaler decides to scale to zero
   * (`scale-to-zero-pod-retention-period`): a longer value keeps a warm pod between sparse requests.
   * @default '0s'
   */
  readonly scaleToZeroPodRetentionPeriod?: string;
  /**
   * Pods a new revision starts with (`initial-scale`); 0 needs `allowZeroInitialScale`.
   * @default 1
   */
  readonly initialScale?: number;
  /**
   * Let revisions start with zero pods (`allow-zero-initial-scale`).
   * @default false
   */
  readonly allowZeroInitialScale?: boolean;
  /**
   * Lower bound on pods of revisions without their own `min-scale` annotation (`min-scale`).
   * @default 0
   */
  readonly minScale?: number;
  /**
   * Upper bound on pods of revisions without their own `max-scale` annotation (`max-scale`; 0 is unlimited).
   * @default 0
   */
  readonly maxScale?: number;
  /**
   * Largest `max-scale` a service may ask for (`max-scale-limit`; 0 is no limit).
   * @default 0
   */
  readonly maxScaleLimit?: number;
  /**
   * Time window over which the concurrency is averaged (`stable-window`, 6s to 1h).
   * @default '60s'
   */
  readonly stableWindow?: string;
}

/** Settings of Knative Serving. */
export interface KnativeServingOptions {
  /**
   * Operator chart and image, to override the pinned ones.
   * @default - the chart and image pinned in the versions catalog (src/versions.ts)
   */
  readonly operatorChart?: Partial<PinnedChart>;
  /**
   * Knative Serving version the operator installs (`major.minor`; the operator picks its bundled patch).
   * @default - KNATIVE_SERVING_VERSION
   */
  readonly servingVersion?: string;
  /**
   * Namespace of the operator.
   * @default 'knative-operator'
   */
  readonly operatorNamespace?: string;
  /**
   * Autoscaler settings.
   * @default - Knative's defaults
   */
  readonly autoscaler?: KnativeAutoscalerOptions;
  /**
   * Wait until the operator is ready before the KnativeServing resource is created.
   * @default true
   */
  readonly wait?: boolean;
}

/** Props of {@link KnativeServing}. */
export interface KnativeServingProps extends KnativeServingOptions {
  /**
   * What the KnativeServing resource is installed after, besides the operator.
   * @default - the operator only
   */
  readonly servingAfter?: ITerraformDependable[];
}

/** Namespace Knative Serving runs in (the operator's convention, which OSCAR's installers follow). */
export const KNATIVE_SERVING_NAMESPACE = 'knative-serving';

/**
 * Knative Serving, OSCAR's synchronous backend (`/run/<service>`), installed by the Knative Operator
 * chart and a `KnativeServing` resource: Kourier as the ingress, with a cluster-internal service (the
 * manager proxies `/run` to services' cluster-local URLs), and the feature flags that let revisions
 * mount OSCAR's shared volume (`kubernetes.podspec-persistent-volume-claim`/`-write`; without them
 * every OSCAR service fails validation).
 */
export class KnativeServing extends Construct {
  /** The operator's release (installs the KnativeServing CRD). */
  readonly operator: Release;
  /** The KnativeServing resource. */
  readonly serving: CustomResources;

  constructor(scope: Construct, id: string, props: KnativeServingProps = {}) {
    super(scope, id);
    const chart = pinnedChart(VERSIONS.knativeOperator, props.operatorChart);
    const servingVersion = props.servingVersion ?? KNATIVE_SERVING_VERSION;
    if (!Token.isUnresolved(servingVersion) && !/^\d+\.\d+(\.\d+)?$/.test(servingVersion)) {
      throw new ValidationError(this, 'servingVersion', `'${servingVersion}' is not a Knative version`,
        "give major.minor (or major.minor.patch) without a 'v', for example '1.23'");
    }
    const autoscaler = this.autoscalerConfig(props.autoscaler ?? {});
    const wait = props.wait ?? true;

    const operatorNamespace = Namespaces.of(this).ensure(props.operatorNamespace ?? 'knative-operator', this, 'operatorNamespace');
    const servingNamespace = Namespaces.of(this).ensure(KNATIVE_SERVING_NAMESPACE, this);
    const image = (name: string) => ({ image: `${chart.imageRepository}/${name}`, tag: chart.imageTag });
    this.operator = componentRelease(this, 'Operator', {
      name: 'knative-operator',
      namespace: operatorNamespace.metadata.name,
      chart,
      values: { knative_operator: { knative_operator: image('operator'), operator_webhook: image('webhook') } },
      wait,
    });
    this.serving = new CustomResources(this, 'Serving', {
      releaseName: 'knative-serving',
      namespace: servingNamespace.metadata.name,
      after: [this.operator, ...(props.servingAfter ?? [])],
      objects: [{
        apiVersion: 'operator.knative.dev/v1beta1',
        kind: 'KnativeServing',
        metadata: { name: 'knative-serving', namespace: KNATIVE_SERVING_NAMESPACE },
        spec: {
          version: servingVersion,
          ingress: { kourier: { enabled: true, 'service-type': 'ClusterIP' } },
          config: {
            network: { 'ingress-class': 'kourier.ingress.networking.knative.dev' },
            features: {
              'kubernetes.podspec-persistent-volume-claim': 'enabled',
              'kubernetes.podspec-persistent-volume-write': 'enabled',
            },
            ...(Object.keys(autoscaler).length > 0 ? { autoscaler } : {}),
          },
        },
      }],
    });
  }

  // The ConfigMap keys for the settings given (Knative's defaults stand for the rest), as strings.
  private autoscalerConfig(options: KnativeAutoscalerOptions): Record<string, string> {
    const { scaleToZeroGracePeriod, scaleToZeroPodRetentionPeriod, stableWindow, initialScale, minScale, maxScale, maxScaleLimit } = options;
    checkDuration(this, 'autoscaler.scaleToZeroGracePeriod', scaleToZeroGracePeriod);
    checkDuration(this, 'autoscaler.scaleToZeroPodRetentionPeriod', scaleToZeroPodRetentionPeriod);
    checkDuration(this, 'autoscaler.stableWindow', stableWindow);
    if (scaleToZeroGracePeriod !== undefined && !Token.isUnresolved(scaleToZeroGracePeriod) && durationSeconds(scaleToZeroGracePeriod) < 6) {
      throw new ValidationError(this, 'autoscaler.scaleToZeroGracePeriod', `${scaleToZeroGracePeriod} is shorter than 6s`,
        "give at least '6s' (Knative refuses shorter grace periods)");
    }
    if (stableWindow !== undefined && !Token.isUnresolved(stableWindow) && (durationSeconds(stableWindow) < 6 || durationSeconds(stableWindow) > 3600)) {
      throw new ValidationError(this, 'autoscaler.stableWindow', `${stableWindow} is outside 6s to 1h`, "give a window from '6s' to '1h'");
    }
    checkInteger(this, 'autoscaler.initialScale', initialScale, 0);
    checkInteger(this, 'autoscaler.minScale', minScale, 0);
    checkInteger(this, 'autoscaler.maxScale', maxScale, 0);
    checkInteger(this, 'autoscaler.maxScaleLimit', maxScaleLimit, 0);
    if (initialScale === 0 && !options.allowZeroInitialScale) {
      throw new ValidationError(this, 'autoscaler.initialScale', 'is 0, but allowZeroInitialScale is not set',
        'set allowZeroInitialScale: true, or give an initialScale of at least 1');
    }
    if (maxScale && minScale !== undefined && minScale > maxScale) {
      throw new ValidationError(this, 'autoscaler.minScale', `${minScale} is above maxScale ${maxScale}`, 'give a minScale no larger than maxScale');
    }
    if (maxScaleLimit && maxScale && maxScale > maxScaleLimit) {
      throw new ValidationError(this, 'autoscaler.maxScale', `${maxScale} is above maxScaleLimit ${maxScaleLimit}`,
        'give a maxScale no larger than maxScaleLimit');
    }
    if (options.enableScaleToZero === false && minScale === 0) {
      throw new ValidationError(this, 'autoscaler.minScale', 'is 0, but enableScaleToZero is false', 'give a minScale of at least 1, or enable scale to zero');
    }
    const entries: [string, unknown][] = [
      ['enable-scale-to-zero', options.enableScaleToZero],
      ['scale-to-zero-grace-period', scaleToZeroGracePeriod],
      ['scale-to-zero-pod-retention-period', scaleToZeroPodRetentionPeriod],
      ['initial-scale', initialScale],
      ['allow-zero-initial-scale', options.allowZeroInitialScale],
      ['min-scale', minScale],
      ['max-scale', maxScale],
      ['max-scale-limit', maxScaleLimit],
      ['stable-window', stableWindow],
    ];
    return Object.fromEntries(entries.filter(([,
      v]) => v !== undefined).map(([k, v]) => [k, typeof v === 'number' && Token.isUnresolved(v) ? Token.asString(v) : String(v)]));
  }
}
