import { Construct } from 'constructs';
import { type ITerraformDependable, type Release, SecretV1, TerraformVariable, Token } from '../private/cdktf';
import { ValidationError } from '../errors';
import { type PinnedChart, pinnedChart, VERSIONS } from '../versions';
import { GeneratedSecret } from './generated-secret';
import { Namespaces } from './namespaces';
import { componentRelease } from '../private/helm';
import { checkHost, checkHttpUrl, checkQuantity } from './private/validate';
import type { GatewayRef } from './cert-manager';
import { CustomResources, type KubernetesObject } from './custom-resources';

/** A MinIO server the OSCAR manager can administer (it needs root credentials: it configures webhooks and users). */
export interface IMinio {
  /** S3 API URL as the manager reaches it, for example `http://minio.minio.svc.cluster.local:9000`. */
  readonly endpoint: string;
  /** Root (admin) user. */
  readonly rootUser: string;
  /** Root password (a sensitive Terraform reference). */
  readonly rootPassword: string;
  /** Region in MinIO's webhook ARNs. */
  readonly region: string;
  /** Whether the manager verifies MinIO's TLS certificate. */
  readonly tlsVerify: boolean;
  /**
   * What must be applied before the server can be used.
   * @default - nothing (an existing server)
   */
  readonly dependable?: Release;
  /**
   * The S3 API's URL for clients outside the cluster.
   * @default - none: reached inside the cluster only
   */
  readonly publicEndpoint?: string;
  /**
   * The web console's URL.
   * @default - none
   */
  readonly consoleUrl?: string;
}

/** Host names under which the platform's gateway routes to MinIO (as the IM/TOSCA template publishes it). */
export interface MinioPublicHosts {
  /**
   * Host name of the S3 API, for clients outside the cluster (oscar-cli, the dashboard's bucket browser).
   * @default - no route to the API
   */
  readonly api?: string;
  /**
   * Host name of the web console; giving it serves the console.
   * @default - no route to the console
   */
  readonly console?: string;
}

/** Settings of the MinIO server this project installs. */
export interface MinioOptions {
  /**
   * Chart and image, to override the pinned ones (a mirror, a local chart folder, another image).
   * @default - the chart and image pinned in the versions catalog (src/versions.ts)
   */
  readonly chart?: Partial<PinnedChart>;
  /**
   * Namespace of the server.
   * @default 'minio'
   */
  readonly namespace?: string;
  /**
   * Root user name; its password is generated when first applied and never written to the configuration.
   * @default 'minio'
   */
  readonly rootUser?: string;
  /**
   * Size of the data volume.
   * @default '10Gi'
   */
  readonly storageSize?: string;
  /**
   * Storage class of the data volume (ReadWriteOnce is enough).
   * @default - the cluster's default storage class
   */
  readonly storageClassName?: string;
  /**
   * Memory request of the server (the chart's default is 16Gi).
   * @default '512Mi'
   */
  readonly memoryRequest?: string;
  /**
   * Serve MinIO's web console (port 9001 of service `minio-console`).
   * @default - true when publicHosts.console is given, else false
   */
  readonly console?: boolean;
  /**
   * Routes from the platform's gateway to the S3 API and the console, under these host names (DNS must
   * point them at the gateway's address, as for the platform's host). With the platform's TLS, each
   * host gets an HTTPS listener and a certificate as the platform's host does.
   * @default - MinIO is reached inside the cluster only
   */
  readonly publicHosts?: MinioPublicHosts;
  /**
   * Region MinIO reports (used in the webhook ARNs the manager creates).
   * @default 'us-east-1'
   */
  readonly region?: string;
  /**
   * Wait until the server is ready before dependent releases are installed.
   * @default true
   */
  readonly wait?: boolean;
}

/** Props of {@link Minio}. */
export interface MinioProps extends MinioOptions {
  /**
   * The Gateway the public routes attach to.
   * @default - none: publicHosts cannot be given
   */
  readonly gateway?: GatewayRef;
  /**
   * Whether the gateway serves the public hosts over HTTPS (the URLs MinIO is told use it).
   * @default false
   */
  readonly https?: boolean;
  /**
   * What installs the Gateway API CRDs and the Gateway, before the routes.
   * @default - nothing
   */
  readonly routesAfter?: ITerraformDependable[];
}

/** A MinIO server that already runs, reachable from the cluster. */
export interface ExistingMinioOptions {
  /** S3 API URL as the manager reaches it (from inside the cluster). */
  readonly endpoint: string;
  /** Root (admin) user. */
  readonly rootUser: string;
  /**
   * Root password.
   * @default - a sensitive variable `minio_root_password` (set `TF_VAR_minio_root_password`)
   */
  readonly rootPassword?: string;
  /**
   * Region MinIO reports.
   * @default 'us-east-1'
   */
  readonly region?: string;
  /**
   * Verify the server's TLS certificate.
   * @default true
   */
  readonly tlsVerify?: boolean;
}

/** Port of MinIO's S3 API in the chart's service. */
const API_PORT = 9000;
/** Port of MinIO's console in the chart's `<fullname>-console` service. */
const CONSOLE_PORT = 9001;

/**
 * MinIO for OSCAR, from its official chart: one standalone server with one volume (the chart defaults
 * to 16 replicas of 500Gi and 16Gi of memory), the image pinned, root credentials generated and kept
 * in a Secret the chart reads (`existingSecret`), so they are in neither the chart values nor the
 * configuration. The chart's default `console` user (password `console123`) and its post-install Job
 * are dropped: the manager creates the users and groups it needs.
 */
export class Minio extends Construct implements IMinio {
  /** A MinIO server that already runs: nothing is installed. */
  static fromExisting(scope: Construct, id: string, options: ExistingMinioOptions): IMinio {
    const construct = new Construct(scope, id);
    checkHttpUrl(construct, 'endpoint', options.endpoint, 'http://minio.minio.svc.cluster.local:9000');
    if (!Token.isUnresolved(options.rootUser) && options.rootUser.length < 3) {
      throw new ValidationError(construct, 'rootUser', `'${options.rootUser}' is shorter than 3 characters`,
        'give the MinIO root user (MinIO requires at least 3 characters)');
    }
    let rootPassword = options.rootPassword;
    if (rootPassword === undefined) {
      const variable = new TerraformVariable(construct, 'minio_root_password', {
        type: 'string',
        sensitive: true,
        description: `Root password of the existing MinIO at ${options.endpoint}`,
      });
      // A name users can set as TF_VAR_minio_root_password (one existing MinIO per stack).
      variable.overrideLogicalId('minio_root_password');
      rootPassword = variable.stringValue;
    }
    return {
      endpoint: options.endpoint,
      rootUser: options.rootUser,
      rootPassword,
      region: options.region ?? 'us-east-1',
      tlsVerify: options.tlsVerify ?? true,
    };
  }

  readonly endpoint: string;
  readonly rootUser: string;
  readonly rootPassword: string;
  readonly region: string;
  /** Whether the manager verifies MinIO's TLS certificate (the installed server speaks plain HTTP inside the cluster). */
  readonly tlsVerify = true;
  /** The chart release. */
  readonly release: Release;
  /** The Secret holding the root credentials (keys `rootUser`, `rootPassword`). */
  readonly credentials: SecretV1;
  readonly dependable: Release;
  /** The public URL of the S3 API, when publicHosts.api is given. */
  readonly publicEndpoint?: string;
  /** The public URL of the console, when publicHosts.console is given. */
  readonly consoleUrl?: string;
  /** The HTTPRoutes of the public hosts, when any is given. */
  readonly routes?: CustomResources;

  constructor(scope: Construct, id: string, props: MinioProps = {}) {
    super(scope, id);
    const chart = pinnedChart(VERSIONS.minio, props.chart);
    const namespaceName = props.namespace ?? 'minio';
    this.rootUser = props.rootUser ?? 'minio';
    this.region = props.region ?? 'us-east-1';
    const storageSize = props.storageSize ?? '10Gi';
    const memoryRequest = props.memoryRequest ?? '512Mi';
    if (!Token.isUnresolved(this.rootUser) && this.rootUser.length < 3) {
      throw new ValidationError(this, 'rootUser', `'${this.rootUser}' is shorter than 3 characters`,
        'give a user name of at least 3 characters (MinIO refuses shorter ones)');
    }
    checkQuantity(this, 'storageSize', storageSize, '10Gi');
    checkQuantity(this, 'memoryRequest', memoryRequest, '512Mi');
    const hosts = props.publicHosts ?? {};
    checkHost(this, 'publicHosts.api', hosts.api);
    checkHost(this, 'publicHosts.console', hosts.console);
    if ((hosts.api ?? hosts.console) !== undefined && props.gateway === undefined) {
      throw new ValidationError(this, 'publicHosts', 'is given, but no gateway routes to MinIO',
        'give the platform a gateway (Traefik, or an existing one), or leave publicHosts out');
    }
    if (hosts.console !== undefined && props.console === false) {
      throw new ValidationError(this, 'console', 'is false, but publicHosts.console routes to the console', 'leave console out, or publicHosts.console');
    }
    const scheme = props.https ? 'https' : 'http';
    this.publicEndpoint = hosts.api && `${scheme}://${hosts.api}`;
    this.consoleUrl = hosts.console && `${scheme}://${hosts.console}`;
    const console = props.console ?? hosts.console !== undefined;

    const namespace = Namespaces.of(this).ensure(namespaceName, this);
    const password = new GeneratedSecret(this, 'RootPassword');
    this.rootPassword = password.value;
    this.credentials = new SecretV1(this, 'Credentials', {
      metadata: { name: 'minio-root-credentials', namespace: namespace.metadata.name },
      data: { rootUser: this.rootUser, rootPassword: this.rootPassword },
    });
    // The release name is the chart's fullname, so the service is `minio` in the namespace.
    const releaseName = 'minio';
    this.release = componentRelease(this, 'Resource', {
      name: releaseName,
      namespace: namespace.metadata.name,
      chart,
      values: {
        fullnameOverride: releaseName,
        image: { repository: chart.imageRepository, tag: chart.imageTag },
        mode: 'standalone',
        replicas: 1,
        existingSecret: this.credentials.metadata.name,
        persistence: { enabled: true, size: storageSize, ...(props.storageClassName ? { storageClass: props.storageClassName } : {}) },
        resources: { requests: { memory: memoryRequest } },
        environment: {
          MINIO_SITE_REGION: this.region,
          ...(console ? {} : { MINIO_BROWSER: 'off' }),
          // The console's links and login redirects use its public URL.
          ...(this.consoleUrl ? { MINIO_BROWSER_REDIRECT_URL: this.consoleUrl } : {}),
        },
        users: [],
        buckets: [],
        policies: [],
        svcaccts: [],
        customCommands: [],
      },
      wait: props.wait ?? true,
    });
    this.dependable = this.release;

    const gateway = props.gateway;
    const route = (name: string, host: string, service: string, port: number): KubernetesObject => ({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name, namespace: namespaceName },
      spec: { parentRefs: [{ name: gateway!.name, namespace: gateway!.namespace }], hostnames: [host], rules: [{ backendRefs: [{ name: service, port }] }] },
    });
    const routes = [
      ...(hosts.api ? [route(`${releaseName}-api`, hosts.api, releaseName, API_PORT)] : []),
      ...(hosts.console ? [route(`${releaseName}-console`, hosts.console, `${releaseName}-console`, CONSOLE_PORT)] : []),
    ];
    if (routes.length > 0) {
      this.routes = new CustomResources(this, 'Routes', {
        releaseName: `${releaseName}-routes`, namespace: namespace.metadata.name, objects: routes, after: [this.release, ...props.routesAfter ?? []],
      });
    }
    this.endpoint = `http://${releaseName}.${namespaceName}.svc.cluster.local:${API_PORT}`;
  }
}

