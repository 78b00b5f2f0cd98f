import { Construct } from 'constructs';
import { ConfigMapV1, DataKubernetesNodes, Fn, type ITerraformDependable, Lazy, type Release, TerraformLocal, Token } from '../private/cdktf';
import { settingPath, ValidationError } from '../errors';
import { type PinnedChart, pinnedChart, VERSIONS } from '../versions';
import type { GatewayRef } from './cert-manager';
import type { KueueManagerSettings } from './kueue';
import { GeneratedSecret } from './generated-secret';
import type { IMinio } from './minio';
import { Namespaces } from './namespaces';
import { componentRelease } from '../private/helm';
import { checkHost, checkHttpUrl, checkInteger, checkQuantity } from './private/validate';

/** OIDC bearer-token login, besides basic auth. */
export interface OscarOidcOptions {
  /** Accepted token issuers (`iss`, matched exactly), for example `https://aai.egi.eu/auth/realms/egi`. */
  readonly issuers: readonly string[];
  /**
   * Groups (VOs) whose members may use OSCAR. For issuers under `/realms/egi` they are the
   * `eduperson_entitlement` VOs, under `/realms/ai4eosc` the realm roles, elsewhere the `groups` claim.
   */
  readonly groups: readonly string[];
  /**
   * OIDC subject of the cluster's owner.
   * @default - none
   */
  readonly subject?: string;
  /**
   * OIDC subjects treated as administrators (status and logs of every user).
   * @default - none
   */
  readonly admins?: readonly string[];
}

/** Defaults of the volumes users create and mount (`/system/volumes`, the FDL's `volume`). */
export interface OscarVolumeOptions {
  /**
   * Storage each user may claim in all, as a Kubernetes quantity.
   * @default '7Gi'
   */
  readonly availablePerUser?: string;
  /**
   * Volumes each user may have.
   * @default 5
   */
  readonly maxVolumes?: number;
  /**
   * Largest volume, as a Kubernetes quantity.
   * @default '5Gi'
   */
  readonly maxSize?: string;
  /**
   * Smallest volume, as a Kubernetes quantity.
   * @default '200Mi'
   */
  readonly minSize?: string;
}

/** Where the manager reads usage metrics and logs (installing Prometheus or Loki is up to the site). */
export interface OscarMetricsOptions {
  /**
   * Prometheus base URL: CPU and GPU hours per service (`/system/metrics`).
   * @default - no usage metrics
   */
  readonly prometheusUrl?: string;
  /**
   * Loki base URL: invocation and exposed-service logs.
   * @default - no logs from Loki
   */
  readonly lokiUrl?: string;
  /**
   * Namespace of the gateway whose access logs Loki holds for exposed services (the manager's default).
   * @default 'ingress-nginx'
   */
  readonly lokiExposedNamespace?: string;
}

/** The re-scheduler: jobs pending too long are delegated to the clusters of the service's federation. */
export interface OscarReSchedulerOptions {
  /**
   * Seconds between two looks at pending jobs (the chart's default).
   * @default 15
   */
  readonly intervalSeconds?: number;
  /**
   * Seconds a job may wait before it is delegated (the chart's default; a service's
   * `federation.rescheduler_threshold` wins).
   * @default 30
   */
  readonly thresholdSeconds?: number;
}

/** Quotas on each user's MinIO storage: the manager writes them in a ConfigMap of each user's namespace. */
export interface OscarMinioQuotaOptions {
  /**
   * Buckets each user may create.
   * @default 5
   */
  readonly buckets?: number;
  /**
   * Storage each user may use, as a Kubernetes quantity.
   * @default '5Gi'
   */
  readonly storage?: string;
}

/** The manager on a port of every node, as the `oscar` chart publishes it by default. */
export interface OscarNodePortOptions {
  /**
   * The node port, in the cluster's NodePort range (30000-32767 unless the API server's
   * `--service-node-port-range` says otherwise).
   * @default 30301
   */
  readonly port?: number;
  /**
   * The node address clients use: a host name or IP that the machine running Terraform reaches (kind on
   * macOS: `localhost`, with the port in the kind config's `extraPortMappings`).
   * @default - the first node's ExternalIP, else its InternalIP, read from the cluster at plan time
   */
  readonly address?: string;
}

/** Settings of the OSCAR manager (only what the `oscar` chart passes on to the manager). */
export interface OscarManagerOptions {
  /**
   * Chart and image, to override the pinned ones. The chart's populate Job runs
   * `ghcr.io/grycap/oscar-bin-downloader` with the same tag, so a custom tag needs that image too.
   * @default - the chart and image pinned in the versions catalog (src/versions.ts)
   */
  readonly chart?: Partial<PinnedChart>;
  /**
   * Namespace of the manager (the MinIO webhooks call `oscar.<namespace>`).
   * @default 'oscar'
   */
  readonly namespace?: string;
  /**
   * Namespace of services (user namespaces are `<this>-<owner>-<hash>`).
   * @default 'oscar-svc'
   */
  readonly servicesNamespace?: string;
  /**
   * Basic-auth user; its password is generated when first applied and never written to the configuration.
   * @default 'oscar'
   */
  readonly username?: string;
  /**
   * OIDC login.
   * @default - basic auth only
   */
  readonly oidc?: OscarOidcOptions;
  /**
   * Image prefixes services may use (ConfigMap `config.yaml`, key `allowed_image_repositories`, which
   * the manager reads; the chart's `additionalConfig` value writes a ConfigMap it never reads).
   * Changes made through `PUT /system/config` are reverted by the next apply.
   * @default - any image
   */
  readonly allowedImagePrefixes?: readonly string[];
  /**
   * Origins allowed by CORS on exposed services' routes.
   * @default - the chart's list (OSCAR's hosted dashboards and localhost)
   */
  readonly exposedServicesCorsOrigins?: readonly string[];
  /**
   * Seconds the manager's HTTP server allows for a request, and so for a synchronous `/run` call.
   * @default 300
   */
  readonly requestTimeoutSeconds?: number;
  /**
   * Track free cluster resources (needs metrics-server; used to delegate jobs to federated clusters).
   * @default true
   */
  readonly resourceManager?: boolean;
  /**
   * FaaS Supervisor release the populate Job puts on the shared volume.
   * @default '1.6.2'
   */
  readonly supervisorVersion?: string;
  /**
   * Defaults of users' volumes.
   * @default - the manager's (see OscarVolumeOptions)
   */
  readonly volumes?: OscarVolumeOptions;
  /**
   * Prometheus and Loki, for usage metrics and logs.
   * @default - none
   */
  readonly metrics?: OscarMetricsOptions;
  /**
   * Turns the re-scheduler on.
   * @default - off
   */
  readonly reScheduler?: OscarReSchedulerOptions;
  /**
   * Turns MinIO quotas on.
   * @default - off
   */
  readonly minioQuota?: OscarMinioQuotaOptions;
  /**
   * How clients outside the cluster (the services stack, `oscar-cli`) reach a manager that has no host:
   * a NodePort Service, at `http://<node address>:<port>`, which becomes the platform's endpoint.
   * `false`: a ClusterIP Service, reached inside the cluster only. With a host, the gateway's route
   * serves clients and the Service is ClusterIP unless this is given.
   * @default - port 30301 on the first node's address, when the platform has no host
   */
  readonly nodePort?: OscarNodePortOptions | false;
}

/** Props of {@link OscarManager}. */
export interface OscarManagerProps extends OscarManagerOptions {
  /** The MinIO the manager administers. */
  readonly minio: IMinio;
  /** ReadWriteMany storage class of the shared volume and user volumes. */
  readonly storageClassName: string;
  /** Use Knative Serving as the serverless backend (synchronous `/run` calls); plain Jobs otherwise. */
  readonly knative: boolean;
  /**
   * Kueue: the manager queues jobs in per-user ClusterQueues with this quota.
   * @default - off (the manager's own default is on, so it is turned off)
   */
  readonly kueue?: KueueManagerSettings;
  /**
   * KServe: services with a `kserve` block become InferenceServices, routed through the gateway (the
   * manager uses KServe only with Knative and Gateway API routes, so both are required).
   * @default false
   */
  readonly kserve?: boolean;
  /**
   * The Traefik Gateway that routes to the manager and to exposed services.
   * @default - no route: the manager is reached inside the cluster only
   */
  readonly gateway?: GatewayRef;
  /**
   * Public host name of the manager (its route and the host of exposed services).
   * @default - none
   */
  readonly host?: string;
  /**
   * Whether the gateway serves the host over HTTPS.
   * @default false
   */
  readonly https?: boolean;
  /** What must be installed first: MinIO, storage, Knative, Traefik's CRDs, metrics-server. */
  readonly after: ITerraformDependable[];
  /** Wait for the manager's pod and the populate Job. */
  readonly wait: boolean;
}

/** Port of the manager's service (the chart's default, which the MinIO webhooks use). */
const SERVICE_PORT = 8080;
/** The chart's default node port. */
const NODE_PORT = 30301;

/**
 * The OSCAR manager from its chart, with the chart's gaps closed: the image pinned to the chart's
 * release (the chart defaults to `latest`), the namespaces it needs created, a generated basic-auth
 * password, the endpoint and credentials of the MinIO actually installed, Knative as the backend, a
 * Gateway API route under the host name, exposed services routed the same way, OIDC as chart values
 * rather than post-install patches, and the allowed-images ConfigMap under the name the manager reads.
 *
 * The chart puts the basic-auth password and MinIO's root password into the manager's environment and
 * a Secret `minio` in the services namespace (it has no `existingSecret`); they are passed as sensitive
 * values, so they stay out of the configuration and the plan output.
 */
export class OscarManager extends Construct {
  /** The chart release. */
  readonly release: Release;
  /** Basic-auth user. */
  readonly username: string;
  /** Basic-auth password (a sensitive Terraform reference). */
  readonly password: string;
  /** URL of the manager inside the cluster. */
  readonly internalEndpoint: string;
  /**
   * URL clients use: the public host name when there is one, else the node port's URL, else the
   * in-cluster URL.
   */
  readonly endpoint: string;
  /** The node port the manager is published on, if any. */
  readonly nodePort?: number;
  /** Namespace of the manager. */
  readonly namespace: string;
  /** Namespace of services. */
  readonly servicesNamespace: string;

  constructor(scope: Construct, id: string, props: OscarManagerProps) {
    super(scope, id);
    const chart = pinnedChart(VERSIONS.oscar, props.chart);
    this.namespace = props.namespace ?? 'oscar';
    this.servicesNamespace = props.servicesNamespace ?? 'oscar-svc';
    this.username = props.username ?? 'oscar';
    const timeout = props.requestTimeoutSeconds ?? 300;
    this.validate(props, timeout);

    const namespaces = Namespaces.of(this);
    const namespace = namespaces.ensure(this.namespace, this);
    const servicesNamespace = namespaces.ensure(this.servicesNamespace, this, 'servicesNamespace');
    this.password = new GeneratedSecret(this, 'Password').value;
    const route = props.gateway !== undefined && props.host !== undefined;
    const { oidc, volumes, metrics, reScheduler, minioQuota: quota } = props;
    const published = props.nodePort === false ? undefined : props.nodePort ?? (route ? undefined : {});
    this.nodePort = published && (published.port ?? NODE_PORT);

    const after = [...props.after];
    if (props.allowedImagePrefixes !== undefined) {
      const prefixes = props.allowedImagePrefixes;
      after.push(new ConfigMapV1(this, 'AllowedImages', {
        metadata: { name: 'config.yaml', namespace: namespace.metadata.name },
        data: { allowed_image_repositories: prefixes.some((p) => Token.isUnresolved(p)) ? Fn.jsonencode(prefixes) : JSON.stringify(prefixes) },
      }));
    }

    this.release = componentRelease(this, 'Resource', {
      name: 'oscar',
      namespace: namespace.metadata.name,
      chart,
      values: {
        image: { repository: chart.imageRepository, tag: chart.imageTag, pullPolicy: 'IfNotPresent' },
        authUser: this.username,
        // A reference, so the chart is installed after the services namespace exists.
        servicesNamespace: servicesNamespace.metadata.name,
        serverlessBackend: props.knative ? 'knative' : '',
        service: this.nodePort === undefined ? { type: 'ClusterIP', port: SERVICE_PORT } : { type: 'NodePort', port: SERVICE_PORT, nodePort: this.nodePort },
        readTimeout: timeout,
        writeTimeout: timeout,
        minIO: {
          endpoint: props.minio.endpoint, TLSVerify: String(props.minio.tlsVerify), region: props.minio.region, accessKey: props.minio.rootUser,
          ...(quota ? { quota: { enabled: 'true', buckets: String(quota.buckets ?? 5), storage: quota.storage ?? '5Gi' } } : {}),
        },
        volume: {
          storageClassName: props.storageClassName,
          ...(props.supervisorVersion ? { supervisorVersion: props.supervisorVersion } : {}),
          ...(volumes ? { default: {
            available: volumes.availablePerUser ?? '7Gi', max: String(volumes.maxVolumes ?? 5),
            max_disk: volumes.maxSize ?? '5Gi', min_disk: volumes.minSize ?? '200Mi',
          } } : {}),
        },
        // Values the chart turns into the environment variables the manager reads (pkg/types/config.go).
        ...(metrics?.prometheusUrl ? { prometheus: { url: metrics.prometheusUrl } } : {}),
        ...(metrics?.lokiUrl || metrics?.lokiExposedNamespace ? { loki: {
          ...(metrics.lokiUrl ? { url: metrics.lokiUrl } : {}), ...(metrics.lokiExposedNamespace ? { exposedNamespace: metrics.lokiExposedNamespace } : {}),
        } } : {}),
        ...(reScheduler ? { reScheduler: { enable: true, interval: reScheduler.intervalSeconds ?? 15, threshold: reScheduler.thresholdSeconds ?? 30 } } : {}),
        resourceManager: { enable: props.resourceManager ?? true },
        // The manager's own default is true: off unless Kueue is there.
        kueue: props.kueue ? { enable: 'true', default: {
          cpu: props.kueue.cpu, memory: props.kueue.memory, gpu: String(props.kueue.gpu), ephemeralStorage: props.kueue.ephemeralStorage,
          flavor: props.kueue.flavor,
        } } : { enable: 'false' },
        ...(props.kserve ? { kserve: { enable: 'true' } } : {}),
        ...(oidc ? {
          oidc: { enable: true, issuer: oidc.issuers.join(','), groups: oidc.groups.join(','), subject: oidc.subject ?? '' },
          UsersAdmin: (oidc.admins ?? []).join(','),
        } : {}),
        // `ingress.host` is the only value that sets INGRESS_HOST, the host of exposed services' routes.
        ingress: { create: false, host: props.host ?? '' },
        ...(route ? {
          httproute: { create: true, type: 'traefik', host: props.host, gateway: { name: props.gateway!.name, namespace: props.gateway!.namespace } },
          exposedServices: { routeKind: 'httproute' },
        } : {}),
        ...(props.exposedServicesCorsOrigins ? { ingressServices: { corsAllowedOrigins: props.exposedServicesCorsOrigins.join(',') } } : {}),
      },
      sensitiveValues: { authPass: this.password, 'minIO.secretKey': props.minio.rootPassword },
      wait: props.wait,
      dependsOn: after,
    });

    this.internalEndpoint = `http://oscar.${this.namespace}.svc.cluster.local:${SERVICE_PORT}`;
    const nodeEndpoint = published && `http://${published.address ?? this.firstNodeAddress()}:${this.nodePort}`;
    this.endpoint = route ? `${props.https ? 'https' : 'http'}://${props.host}` : nodeEndpoint ?? this.internalEndpoint;
  }

  /** The address of the cluster's first node, read at plan time; a cluster without one fails the plan. */
  private firstNodeAddress(): string {
    const nodes = new DataKubernetesNodes(this, 'Nodes', {});
    const addresses = (of: string, type: string) => `[for a in try(${of}.nodes[0].status[0].addresses, []) : a.address if a.type == "${type}"]`;
    const found = (of: string) => `concat(${addresses(of, 'ExternalIP')}, ${addresses(of, 'InternalIP')})`;
    nodes.lifecycle = {
      postcondition: [{
        condition: `\${length(${found('self')}) > 0}`,
        // Lazily: the setting's name (platform.oscar.nodePort.address in a deployment config) is known once the platform is made.
        errorMessage: Lazy.stringValue({ produce: () => `OscarManager '${this.node.path}': nodePort: no node of the cluster has an ExternalIP or `
          + `InternalIP to reach the manager on. Fix: set ${settingPath(this, 'nodePort.address')} to an address of a node that this machine reaches, `
          + 'or give the platform a host.' }),
      }],
    };
    // A local, so that the services stack's reference to the endpoint crosses stacks as an output.
    return new TerraformLocal(this, 'NodeAddress', `\${${found(`data.kubernetes_nodes.${nodes.friendlyUniqueId}`)}[0]}`).asString;
  }

  private validate(props: OscarManagerProps, timeout: number): void {
    if (!Token.isUnresolved(this.username) && (this.username === '' || this.username.includes(':'))) {
      throw new ValidationError(this, 'username', `'${this.username}' cannot be a basic-auth user`, 'give a non-empty name without ":"');
    }
    checkInteger(this, 'requestTimeoutSeconds', timeout, 1);
    checkHost(this, 'host', props.host);
    if (props.kserve && !(props.knative && props.gateway !== undefined && props.host !== undefined)) {
      throw new ValidationError(this, 'kserve', 'needs Knative and a gateway with a host: the manager v4.1.2 serves KServe models only '
        + 'from its Knative backend and through Gateway API routes', 'give knative, gateway and host, or leave kserve off');
    }
    if (props.nodePort) {
      checkInteger(this, 'nodePort.port', props.nodePort.port, 1, 65535);
      checkHost(this, 'nodePort.address', props.nodePort.address);
    }
    checkQuantity(this, 'volumes.availablePerUser', props.volumes?.availablePerUser, '7Gi');
    checkInteger(this, 'volumes.maxVolumes', props.volumes?.maxVolumes, 1);
    checkQuantity(this, 'volumes.maxSize', props.volumes?.maxSize, '5Gi');
    checkQuantity(this, 'volumes.minSize', props.volumes?.minSize, '200Mi');
    checkHttpUrl(this, 'metrics.prometheusUrl', props.metrics?.prometheusUrl, 'http://prometheus-server.monitoring:80');
    checkHttpUrl(this, 'metrics.lokiUrl', props.metrics?.lokiUrl, 'http://loki.monitoring:3100');
    checkInteger(this, 'reScheduler.intervalSeconds', props.reScheduler?.intervalSeconds, 1);
    checkInteger(this, 'reScheduler.thresholdSeconds', props.reScheduler?.thresholdSeconds, 1);
    checkInteger(this, 'minioQuota.buckets', props.minioQuota?.buckets, 1);
    checkQuantity(this, 'minioQuota.storage', props.minioQuota?.storage, '5Gi');
    if (props.supervisorVersion !== undefined && !Token.isUnresolved(props.supervisorVersion) && !/^\d+\.\d+\.\d+$/.test(props.supervisorVersion)) {
      throw new ValidationError(this, 'supervisorVersion', `'${props.supervisorVersion}' is not a FaaS Supervisor release`,
        "give the release number without 'v', for example '1.6.2'");
    }
    const oidc = props.oidc;
    if (oidc) {
      if (oidc.issuers.length === 0) {
        throw new ValidationError(this, 'oidc.issuers', 'is empty', "give the token issuers to accept, for example 'https://aai.egi.eu/auth/realms/egi'");
      }
      oidc.issuers.forEach((issuer, i) => checkHttpUrl(this, `oidc.issuers[${i}]`, issuer, 'https://aai.egi.eu/auth/realms/egi'));
      if (oidc.groups.length === 0) {
        throw new ValidationError(this, 'oidc.groups', 'is empty, so no OIDC user would be allowed in (the manager authorises by group only)',
          "list the groups or VOs whose members may use OSCAR, for example 'vo.ai4eosc.eu'");
      }
      for (const [field, list] of [['oidc.issuers', oidc.issuers], ['oidc.groups', oidc.groups], ['oidc.admins', oidc.admins ?? []]] as const) {
        const bad = list.find((v) => !Token.isUnresolved(v) && (v.includes(',') || v.trim() === ''));
        if (bad !== undefined) throw new ValidationError(this, field, `'${bad}' is empty or holds a comma (the manager splits the list on commas)`,
            'give one non-empty value per entry');
      }
    }
  }
}
