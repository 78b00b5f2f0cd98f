import { Construct } from 'constructs';
import { type Release, SecretV1, TerraformVariable, Token } from '../private/cdktf';
import { ValidationError } from '../errors';
import { type PinnedChart, pinnedChart, VERSIONS } from '../versions';
import { GeneratedSecret } from './generated-secret';
import { Namespaces } from './namespaces';
import { componentRelease } from '../private/helm';
import { checkHttpUrl, checkQuantity } from './private/validate';

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
   * @default false
   */
  readonly console?: boolean;
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

  constructor(scope: Construct, id: string, props: MinioOptions = {}) {
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
          ...(props.console ? {} : { MINIO_BROWSER: 'off' }),
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
    this.endpoint = `http://${releaseName}.${namespaceName}.svc.cluster.local:${API_PORT}`;
  }
}
