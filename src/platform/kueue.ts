import { Construct } from 'constructs';
import { dependable, type ITerraformDependable, type Release } from '../private/cdktf';
import { type PinnedChart, pinnedChart, VERSIONS } from '../versions';
import { componentRelease } from '../private/helm';
import { Namespaces } from './namespaces';
import { ValidationError } from '../errors';
import { DNS_LABEL } from '../private/kubernetes-names';
import { checkInteger, checkQuantity } from './private/validate';

/** The quota of each user's ClusterQueue, which the manager creates with the user's first service. */
export interface KueueQuotaOptions {
  /**
   * CPU, as a Kubernetes quantity.
   * @default '2'
   */
  readonly cpu?: string;
  /**
   * Memory, as a Kubernetes quantity.
   * @default '2Gi'
   */
  readonly memory?: string;
  /**
   * NVIDIA GPUs (`nvidia.com/gpu`); the manager grants them only on a cluster with GPUs.
   * @default 1
   */
  readonly gpu?: number;
  /**
   * Ephemeral storage, as a Kubernetes quantity.
   * @default '1Gi'
   */
  readonly ephemeralStorage?: string;
}

/** Kueue, which queues OSCAR's jobs within per-user quotas (the manager's `KUEUE_*` settings). */
export interface KueueOptions {
  /**
   * Chart and image, to override the pinned ones.
   * @default - the chart and image pinned in the versions catalog (src/versions.ts)
   */
  readonly chart?: Partial<PinnedChart>;
  /**
   * Namespace of Kueue.
   * @default 'kueue-system'
   */
  readonly namespace?: string;
  /**
   * The cluster runs Kueue already (v1beta2 API): nothing is installed, the manager uses it.
   * @default false
   */
  readonly existing?: boolean;
  /**
   * Each user's quota.
   * @default - the `oscar` chart's: 2 CPUs, 2Gi of memory, 1 GPU, 1Gi of ephemeral storage
   */
  readonly defaultQuota?: KueueQuotaOptions;
  /**
   * The ResourceFlavor of the users' ClusterQueues.
   * @default 'oscar-default-flavor'
   */
  readonly flavor?: string;
}

/** Props of {@link Kueue}. */
export interface KueueProps extends KueueOptions {
  /** Wait for its pod. */
  readonly wait: boolean;
}

/** The quota and flavor the manager gives users, with defaults applied. */
export interface KueueManagerSettings {
  readonly cpu: string;
  readonly memory: string;
  readonly gpu: number;
  readonly ephemeralStorage: string;
  readonly flavor: string;
}

/**
 * Kueue from its chart (or one the cluster runs), and the settings the manager reads: with Kueue on,
 * the manager gives each user a ClusterQueue with the default quota and each service a LocalQueue, and
 * its `/system/quotas/user` API changes a user's quota.
 */
export class Kueue extends Construct {
  /** The chart release, when installed here. */
  readonly release?: Release;
  /** What the manager is told (its chart's `kueue.default` values). */
  readonly managerSettings: KueueManagerSettings;

  constructor(scope: Construct, id: string, props: KueueProps) {
    super(scope, id);
    const quota = props.defaultQuota ?? {};
    this.managerSettings = {
      cpu: quota.cpu ?? '2',
      memory: quota.memory ?? '2Gi',
      gpu: quota.gpu ?? 1,
      ephemeralStorage: quota.ephemeralStorage ?? '1Gi',
      flavor: props.flavor ?? 'oscar-default-flavor',
    };
    checkQuantity(this, 'defaultQuota.cpu', this.managerSettings.cpu, '2');
    checkQuantity(this, 'defaultQuota.memory', this.managerSettings.memory, '2Gi');
    checkInteger(this, 'defaultQuota.gpu', this.managerSettings.gpu, 0);
    checkQuantity(this, 'defaultQuota.ephemeralStorage', this.managerSettings.ephemeralStorage, '1Gi');
    if (!DNS_LABEL.test(this.managerSettings.flavor)) {
      throw new ValidationError(this, 'flavor', `'${this.managerSettings.flavor}' is not a valid ResourceFlavor name`, `use ${DNS_LABEL.description}`);
    }
    if (props.existing) return;

    const chart = pinnedChart(VERSIONS.kueue, props.chart);
    const namespace = Namespaces.of(this).ensure(props.namespace ?? 'kueue-system', this);
    this.release = componentRelease(this, 'Resource', {
      name: 'kueue',
      namespace: namespace.metadata.name,
      chart,
      // The chart in the module is a development build: it names staging images until its release.
      values: { controllerManager: { manager: { image: { repository: chart.imageRepository, tag: chart.imageTag, pullPolicy: 'IfNotPresent' } } } },
      wait: props.wait,
    });
  }

  /**
   * Installs the chart after these. Kueue's webhooks intercept Jobs in every namespace but its own and
   * kube-system, and refuse them until its pod serves: charts that create Jobs (the manager's) go first.
   */
  installAfter(...dependables: ITerraformDependable[]): void {
    if (this.release) this.release.dependsOn = [...this.release.dependsOn ?? [], ...dependables.map((d) => dependable(d))];
  }
}
