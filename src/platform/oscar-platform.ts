import { Construct } from 'constructs';
import type { ITerraformDependable } from '../private/cdktf';
import { fromOption, ValidationError } from '../errors';
import type { PinnedChart, VersionOverrides } from '../versions';
import { CertManager, type GatewayRef } from './cert-manager';
import { GatewayChoice, KnativeChoice, MinioChoice } from './component-choices';
import { KnativeServing } from './knative-serving';
import { Kserve, type KserveOptions } from './kserve';
import { Kueue, type KueueOptions } from './kueue';
import { MetricsServer, type MetricsServerOptions } from './metrics-server';
import { type IMinio, Minio } from './minio';
import { OscarManager, type OscarManagerOptions } from './oscar-manager';
import { RwxStorage } from './rwx-storage';
import { Traefik, type GatewayTlsOptions } from './traefik';

/** Everything an OSCAR platform is made of; each component can be turned off or pointed at an existing one. */
export interface OscarPlatformOptions {
  /**
   * Public host name of OSCAR (DNS must point it at the gateway's address). Exposed services are
   * served under it too.
   * @default - no public name: OSCAR is reached inside the cluster (or port-forwarded)
   */
  readonly host?: string;
  /**
   * HTTPS for the host name.
   * @default - HTTP only
   */
  readonly tls?: GatewayTlsOptions;
  /**
   * MinIO: `MinioChoice.install(...)` or `MinioChoice.existing(...)`.
   * @default MinioChoice.install()
   */
  readonly minio?: MinioChoice;
  /**
   * ReadWriteMany storage for OSCAR's shared volume and user volumes.
   * @default RwxStorage.nfsProvisioner()
   */
  readonly storage?: RwxStorage;
  /**
   * Knative Serving (synchronous invocations): `KnativeChoice.install(...)`, `KnativeChoice.existing()`
   * or `KnativeChoice.none()` (plain Jobs only, no `/run` endpoint).
   * @default KnativeChoice.install()
   */
  readonly knative?: KnativeChoice;
  /**
   * The Gateway: `GatewayChoice.traefik(...)`, `GatewayChoice.existing(...)` or `GatewayChoice.none()`.
   * @default GatewayChoice.none()
   */
  readonly gateway?: GatewayChoice;
  /**
   * metrics-server: its settings, or false when the cluster has one.
   * @default - installed with MetricsServerOptions' defaults
   */
  readonly metricsServer?: MetricsServerOptions | false;
  /**
   * Kueue: installed (or `existing: true`) and used by the manager to queue jobs within per-user quotas.
   * @default - off, as in the `oscar` chart
   */
  readonly kueue?: KueueOptions;
  /**
   * KServe: installed (or `existing: true`) and used by the manager for services with a `kserve` block.
   * Needs Knative, a gateway and a host (the manager routes models only through Gateway API routes).
   * @default - off, as in the `oscar` chart
   */
  readonly kserve?: KserveOptions;
  /**
   * The OSCAR manager.
   * @default - OscarManagerOptions' defaults
   */
  readonly oscar?: OscarManagerOptions;
  /**
   * Chart and image overrides per component, applied under each component's own `chart` option.
   * @default - the pins of the versions catalog (src/versions.ts)
   */
  readonly versions?: VersionOverrides;
  /**
   * Wait for each component's pods before installing the next (false only where pods cannot run,
   * such as a control plane without nodes).
   * @default true
   */
  readonly waitForPods?: boolean;
}

/**
 * A complete OSCAR platform on a cluster, in dependency order: RWX storage and MinIO, Knative Serving
 * (operator, then its KnativeServing resource), the Gateway API CRDs, Traefik and optionally
 * cert-manager, metrics-server, optionally KServe, and the OSCAR manager wired to all of them (then
 * Kueue, when on).
 */
export class OscarPlatform extends Construct {
  /** The OSCAR manager. */
  readonly oscar: OscarManager;
  /** The MinIO the manager uses. */
  readonly minio: IMinio;
  /** Knative Serving, when installed here. */
  readonly knative?: KnativeServing;
  /** Traefik, when installed here. */
  readonly traefik?: Traefik;
  /** Kueue, when on. */
  readonly kueue?: Kueue;
  /** KServe, when on. */
  readonly kserve?: Kserve;
  /** cert-manager installed for KServe alone (the platform's TLS installs its own otherwise). */
  readonly kserveCertManager?: CertManager;
  /** metrics-server, when installed here. */
  readonly metricsServer?: MetricsServer;
  /** The ReadWriteMany storage class OSCAR uses. */
  readonly storageClassName: string;

  constructor(scope: Construct, id: string, props: OscarPlatformOptions = {}) {
    super(scope, id);
    const wait = props.waitForPods ?? true;
    const versions = props.versions ?? {};
    const chart = <K extends keyof VersionOverrides>(key: K, own?: Partial<PinnedChart>) => (versions[key] || own ? { ...versions[key], ...own } : undefined);
    const gatewayChoice = props.gateway ?? GatewayChoice.none();
    if (!gatewayChoice.routes && props.host !== undefined) {
      throw new ValidationError(this, 'host', 'is given, but no gateway routes it',
        'give gateway: GatewayChoice.traefik(...) (with gatewayApiCrds) or GatewayChoice.existing(<gateway>); or leave host out');
    }
    if (props.tls && props.host === undefined) {
      throw new ValidationError(this, 'tls', 'is given without a host name', 'give host, the name the certificate is for');
    }
    if (props.tls && gatewayChoice.existingGateway) {
      throw new ValidationError(this, 'tls', 'is given for an existing gateway', 'configure TLS on that gateway, and leave tls out');
    }
    const after: ITerraformDependable[] = [];

    const storage = fromOption('storage',
      () => (props.storage ?? RwxStorage.nfsProvisioner({ chart: chart('nfsServerProvisioner') })).bind(new Construct(this, 'Storage'), { wait }));
    this.storageClassName = storage.storageClassName;
    if (storage.dependable) after.push(storage.dependable);

    const minio = props.minio ?? MinioChoice.install();
    const minioHosts = minio.installOptions?.publicHosts;
    let gateway: GatewayRef | undefined = gatewayChoice.existingGateway;
    const gatewayOptions = gatewayChoice.traefikOptions;
    if (gatewayOptions) {
      const tls = props.tls?.certManager ? { ...props.tls,
        certManager: { ...props.tls.certManager, chart: chart('certManager', props.tls.certManager.chart) }} : props.tls;
      this.traefik = fromOption('gateway',
        () => new Traefik(this, 'Traefik', { ...gatewayOptions, chart: chart('traefik', gatewayOptions.chart), host: props.host, tls, wait,
          extraHosts: [minioHosts?.api, minioHosts?.console].filter((h): h is string => h !== undefined) }),
        ['host', 'tls', 'wait', 'extraHosts']);
      gateway = this.traefik.gateway;
    }
    const gatewayAfter = this.traefik ? [this.traefik.release] : [];

    if (minio.existingOptions) {
      const existing = minio.existingOptions;
      this.minio = fromOption('minio', () => Minio.fromExisting(this, 'Minio', existing));
    } else {
      const options = minio.installOptions ?? {};
      const installed = fromOption('minio', () => new Minio(this, 'Minio', {
        wait, ...options, chart: chart('minio', options.chart), gateway, https: props.tls !== undefined, routesAfter: [...after, ...gatewayAfter],
      }), ['wait', 'gateway', 'https', 'routesAfter']);
      this.minio = installed;
      after.push(installed.release);
    }
    after.push(...gatewayAfter);

    if (props.metricsServer !== false) {
      const options = props.metricsServer ?? {};
      this.metricsServer = fromOption('metricsServer',
        () => new MetricsServer(this, 'MetricsServer', { ...options, chart: chart('metricsServer', options.chart), wait }), ['wait']);
      after.push(this.metricsServer.release);
    }

    // The KnativeServing resource needs its CRD served by the API server, and Helm does not wait for a
    // CRD a chart ships among its templates. Waiting for the operator's pods gives the API server that
    // time; without that wait, the resource is installed after the other components' releases instead.
    const knative = props.knative ?? KnativeChoice.install();
    const knativeOptions = knative.installOptions;
    if (knativeOptions) {
      this.knative = fromOption('knative', () => new KnativeServing(this, 'Knative', {
        wait, ...knativeOptions, operatorChart: chart('knativeOperator', knativeOptions.operatorChart), servingAfter: wait ? [] : [...after],
      }), ['wait', 'servingAfter']);
      after.push(this.knative.serving.release);
    }

    // Kueue's settings are checked before the manager is made with them; its chart goes in after the
    // manager's (see Kueue.installAfter).
    const kueueOptions = props.kueue;
    if (kueueOptions) {
      this.kueue = fromOption('kueue', () => new Kueue(this, 'Kueue', { ...kueueOptions, chart: chart('kueue', kueueOptions.chart), wait }), ['wait']);
    }

    const kserveOptions = props.kserve;
    if (kserveOptions) {
      if (!gateway || props.host === undefined || !knative.enabled) {
        throw new ValidationError(this, 'kserve', 'needs Knative, a gateway and a host: the manager v4.1.2 serves KServe models only from its '
          + 'Knative backend and through Gateway API routes', 'give gateway (with host) and keep knative, or leave kserve out');
      }
      // KServe's chart makes a Certificate for its webhooks: the platform's TLS cert-manager, or one of its own.
      const certManagerOptions = kserveOptions.certManager ?? {};
      if (!this.traefik?.certManager && !kserveOptions.existing) {
        this.kserveCertManager = fromOption('kserve.certManager', () => new CertManager(this, 'KserveCertManager', {
          ...certManagerOptions, chart: chart('certManager', certManagerOptions.chart), after: [], wait }), ['after', 'wait']);
      }
      const certManagerRelease = (this.traefik?.certManager ?? this.kserveCertManager)?.release;
      const kserveGateway = gateway;
      this.kserve = fromOption('kserve', () => new Kserve(this, 'Kserve', { ...kserveOptions, chart: chart('kserve', kserveOptions.chart),
        crdChart: chart('kserveCrd', kserveOptions.crdChart), gateway: kserveGateway, after: certManagerRelease ? [certManagerRelease] : [], wait }),
      ['gateway', 'after', 'wait']);
    }

    const oscar = props.oscar ?? {};
    this.oscar = fromOption('oscar', () => new OscarManager(this, 'Oscar', {
      ...oscar,
      chart: chart('oscar', oscar.chart),
      minio: this.minio,
      storageClassName: storage.storageClassName,
      knative: knative.enabled,
      kueue: this.kueue?.managerSettings,
      kserve: this.kserve !== undefined,
      gateway,
      host: props.host,
      https: props.tls !== undefined,
      after,
      wait,
    }), ['minio', 'storageClassName', 'knative', 'kueue', 'kserve', 'gateway', 'host', 'https', 'after', 'wait']);
    this.kueue?.installAfter(this.oscar.release);
  }
}
