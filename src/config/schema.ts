// What a deployment config file may hold: the shape the loader checks files against (and the JSON
// Schema editors use), and the file's type once checked.
import type { EksClusterProps } from '../cluster/eks-cluster';
import type { NewVpcOptions } from '../cluster/eks-network';
import type { ExistingClusterGpuOptions } from '../cluster/existing-cluster';
import { GpuTolerationInjection } from '../cluster/gpu';
import { CapacityType, GpuVendor, type NodePoolOptions, type NodeTaint, TaintEffect } from '../cluster/node-pool';
import type { CertManagerOptions, GatewayRef } from '../platform/cert-manager';
import type { KnativeAutoscalerOptions, KnativeServingOptions } from '../platform/knative-serving';
import type { MetricsServerOptions } from '../platform/metrics-server';
import type { KserveOptions } from '../platform/kserve';
import type { KueueOptions, KueueQuotaOptions } from '../platform/kueue';
import type { ExistingMinioOptions, MinioOptions, MinioPublicHosts } from '../platform/minio';
import type {
  OscarManagerOptions, OscarMetricsOptions, OscarMinioQuotaOptions, OscarNodePortOptions, OscarReSchedulerOptions, OscarVolumeOptions,
} from '../platform/oscar-manager';
import type { OscarPlatformOptions } from '../platform/oscar-platform';
import type { EfsStorageOptions, NfsProvisionerOptions } from '../platform/rwx-storage';
import { GatewayServiceType, type GatewayTlsOptions, type TraefikOptions } from '../platform/traefik';
import type { ImagePullSecretConfig } from '../services/image-pull-secret';
import { type PinnedChart, VERSIONS } from '../versions';
import type { ServicesClusterSection, ServicesOscarSection, StateConfig } from './deployment';
import { oneOf, type Shape } from './shape';

/**
 * A section of the file that is (or feeds) construct options of type T: every setting it names is an
 * option of T, so renaming or removing an option without its setting fails to compile.
 */
type SectionOf<T> = { readonly fields: { readonly [K in keyof Required<T>]?: Shape }; readonly required?: readonly (keyof T & string)[] };
/** The certManager section: CertManagerOptions, with the issuer as the file spells it. */
type CertManagerSection = NonNullable<NonNullable<PlatformSection['tls']>['certManager']>;

const OSCAR_FIELDS = { endpoint: 'string', username: 'string', clientId: 'string', issuer: 'string', tokenFile: 'string' } as const;
const TAINT: Shape = { fields: { key: 'string', value: 'string', effect: oneOf(TaintEffect) }, required: ['key', 'effect'] } satisfies SectionOf<NodeTaint>;
const NODE_POOL: Shape = {
  fields: {
    name: 'string', instanceTypes: 'strings', minSize: 'number', maxSize: 'number', desiredSize: 'number',
    capacityType: oneOf(CapacityType), diskSizeGib: 'number', labels: 'labels', taints: { list: TAINT },
    gpu: { fields: { vendor: oneOf(GpuVendor), count: 'number' }, required: ['count'] },
  },
  required: ['name', 'instanceTypes', 'maxSize'],
} satisfies SectionOf<NodePoolOptions>;
const CHART: Shape = {
  fields: { repository: 'string', chart: 'string', version: 'string', imageRepository: 'string', imageTag: 'string' },
} satisfies SectionOf<PinnedChart>;
const PLATFORM: Shape = {
  fields: {
    host: 'string',
    tls: {
      fields: {
        secretName: 'string',
        certManager: {
          fields: {
            install: 'boolean', namespace: 'string',
            issuer: { fields: { letsEncrypt: { fields: { email: 'string', staging: 'boolean' }, required: ['email'] }, selfSigned: 'boolean',
              existing: 'string'} },
          },
          required: ['issuer'],
        } satisfies SectionOf<CertManagerSection>,
      },
    } satisfies SectionOf<NonNullable<PlatformSection['tls']>>,
    storage: {
      fields: {
        storageClass: 'string',
        efs: { fields: { fileSystemId: 'string', storageClassName: 'string' }, required: ['fileSystemId'] } satisfies SectionOf<EfsStorageOptions>,
        nfsProvisioner: {
          fields: { storageClassName: 'string', size: 'string', backingStorageClassName: 'string', namespace: 'string' },
        } satisfies SectionOf<NfsProvisionerOptions>,
      },
    } satisfies SectionOf<NonNullable<PlatformSection['storage']>>,
    minio: {
      fields: {
        existing: {
          fields: { endpoint: 'string', rootUser: 'string', region: 'string', tlsVerify: 'boolean' }, required: ['endpoint', 'rootUser'],
        } satisfies SectionOf<ExistingMinioOptions>,
        namespace: 'string', rootUser: 'string', storageSize: 'string', storageClassName: 'string', memoryRequest: 'string', console: 'boolean',
        region: 'string', publicHosts: { fields: { api: 'string', console: 'string' } } satisfies SectionOf<MinioPublicHosts>,
      },
    } satisfies SectionOf<NonNullable<PlatformSection['minio']>>,
    knative: {
      orFalse: {
        fields: {
          existing: 'boolean', servingVersion: 'string', operatorNamespace: 'string',
          autoscaler: {
            fields: {
              enableScaleToZero: 'boolean', scaleToZeroGracePeriod: 'string', scaleToZeroPodRetentionPeriod: 'string', initialScale: 'number',
              allowZeroInitialScale: 'boolean', minScale: 'number', maxScale: 'number', maxScaleLimit: 'number', stableWindow: 'string',
            },
          } satisfies SectionOf<KnativeAutoscalerOptions>,
        },
      } satisfies SectionOf<Exclude<PlatformSection['knative'], false | undefined>>,
    },
    gateway: {
      orFalse: {
        fields: {
          existing: { fields: { name: 'string', namespace: 'string' }, required: ['name', 'namespace'] } satisfies SectionOf<GatewayRef>,
          namespace: 'string', serviceType: oneOf(GatewayServiceType), nodePorts: { fields: { http: 'number', https: 'number' } },
          gatewayApiCrds: { orFalse: { fields: { manifestFile: 'string', namespace: 'string' }, required: ['manifestFile'] } },
        },
      } satisfies SectionOf<TraefikOptions & { readonly existing: GatewayRef }>,
    },
    metricsServer: { orFalse: { fields: { namespace: 'string', kubeletInsecureTls: 'boolean' } } satisfies SectionOf<MetricsServerOptions> },
    kueue: {
      fields: {
        namespace: 'string', existing: 'boolean', flavor: 'string',
        defaultQuota: { fields: { cpu: 'string', memory: 'string', gpu: 'number', ephemeralStorage: 'string' } } satisfies SectionOf<KueueQuotaOptions>,
      },
    } satisfies SectionOf<Omit<KueueOptions, 'chart'>>,
    kserve: {
      fields: {
        existing: 'boolean',
        certManager: { fields: { install: 'boolean', namespace: 'string' } },
      },
    } satisfies SectionOf<Omit<KserveOptions, 'chart' | 'crdChart'>>,
    oscar: {
      fields: {
        namespace: 'string', servicesNamespace: 'string', username: 'string',
        oidc: { fields: { issuers: 'strings', groups: 'strings', subject: 'string', admins: 'strings' }, required: ['issuers', 'groups'] },
        allowedImagePrefixes: 'strings', exposedServicesCorsOrigins: 'strings', requestTimeoutSeconds: 'number', resourceManager: 'boolean',
        supervisorVersion: 'string',
        volumes: { fields: { availablePerUser: 'string', maxVolumes: 'number', maxSize: 'string', minSize: 'string' } } satisfies SectionOf<OscarVolumeOptions>,
        metrics: { fields: { prometheusUrl: 'string', lokiUrl: 'string', lokiExposedNamespace: 'string' } } satisfies SectionOf<OscarMetricsOptions>,
        reScheduler: { fields: { intervalSeconds: 'number', thresholdSeconds: 'number' } } satisfies SectionOf<OscarReSchedulerOptions>,
        minioQuota: { fields: { buckets: 'number', storage: 'string' } } satisfies SectionOf<OscarMinioQuotaOptions>,
        nodePort: { orFalse: { fields: { port: 'number', address: 'string' } } satisfies SectionOf<OscarNodePortOptions> },
      },
    } satisfies SectionOf<OscarManagerOptions>,
    versions: { fields: Object.fromEntries(Object.keys(VERSIONS).map((k) => [k, CHART])) },
    waitForPods: 'boolean',
  },
} satisfies SectionOf<PlatformSection>;

export const SCHEMA: Shape = {
  fields: {
    name: 'string',
    cluster: {
      fields: {
        existing: {
          fields: {
            kubeconfig: 'string', context: 'string', host: 'string', clusterCaCertificate: 'string',
            gpu: { fields: { nodeSelector: 'labels', tolerationInjection: oneOf(GpuTolerationInjection) } } satisfies SectionOf<ExistingClusterGpuOptions>,
          },
        } satisfies SectionOf<NonNullable<ClusterSection['existing']>>,
        eks: {
          fields: {
            clusterName: 'string', region: 'string', kubernetesVersion: 'string',
            vpc: { fields: { cidr: 'string', availabilityZones: 'number', privateSubnetIds: 'strings' } },
            nodePools: { list: NODE_POOL }, publicAccessCidrs: 'strings', storageDrivers: 'boolean',
          },
          required: ['clusterName', 'region'],
        } satisfies SectionOf<NonNullable<ClusterSection['eks']>>,
      },
    },
    platform: { orFalse: PLATFORM },
    state: {
      fields: {
        local: { fields: { dir: 'string' }, required: ['dir'] },
        s3: { fields: { bucket: 'string', region: 'string', keyPrefix: 'string', dynamodbTable: 'string' }, required: ['bucket', 'region'] },
      },
    } satisfies SectionOf<StateConfig>,
    services: {
      fields: {
        fdl: 'strings', clusterId: 'string', preventDestroy: 'boolean',
        oscar: { fields: OSCAR_FIELDS } satisfies SectionOf<ServicesOscarSection>,
        clusters: { map: { fields: { ...OSCAR_FIELDS, platform: 'boolean' } } satisfies SectionOf<ServicesClusterSection> },
        imagePullSecrets: { list: { fields: { name: 'string', server: 'string', username: 'string', revision: 'number' },
          required: ['name', 'server', 'username'] } satisfies SectionOf<ImagePullSecretConfig> },
      },
      required: ['fdl'],
    } satisfies SectionOf<ConfigFile['services']>,
  },
  required: ['services'],
} satisfies SectionOf<ConfigFile>;

// The file as SCHEMA lets it through: closed sets hold enum values, and every required setting is there.
export interface ConfigFile {
  readonly name?: string;
  readonly cluster?: ClusterSection;
  readonly platform?: PlatformSection | false;
  readonly state?: StateConfig;
  readonly services: {
    readonly fdl: readonly string[];
    readonly clusterId?: string;
    readonly preventDestroy?: boolean;
    readonly oscar?: ServicesOscarSection;
    readonly clusters?: Readonly<Record<string, ServicesClusterSection>>;
    readonly imagePullSecrets?: readonly ImagePullSecretConfig[];
  };
}


export interface ClusterSection {
  readonly existing?: {
    readonly kubeconfig?: string;
    readonly context?: string;
    readonly host?: string;
    readonly clusterCaCertificate?: string;
    readonly gpu?: ExistingClusterGpuOptions;
  };
  readonly eks?: Omit<EksClusterProps, 'network'> & { readonly vpc?: NewVpcOptions & { readonly privateSubnetIds?: readonly string[] } };
}

export type PlatformSection = Omit<OscarPlatformOptions, 'storage' | 'tls' | 'minio' | 'knative' | 'gateway' | 'versions'> & {
  readonly minio?: MinioOptions & { readonly existing?: ExistingMinioOptions };
  readonly gateway?: TraefikOptions | { readonly existing: GatewayRef } | false;
  readonly storage?: { readonly storageClass?: string; readonly efs?: EfsStorageOptions; readonly nfsProvisioner?: NfsProvisionerOptions };
  readonly tls?: Omit<GatewayTlsOptions, 'certManager'> & {
    readonly certManager?: Omit<CertManagerOptions, 'issuer'> & {
      readonly issuer: {
        readonly letsEncrypt?: { readonly email: string; readonly staging?: boolean };
        readonly selfSigned?: boolean;
        readonly existing?: string;
      };
    };
  };
  readonly knative?: KnativeServingOptions & { readonly existing?: boolean } | false;
  readonly versions?: Readonly<Record<string, Partial<PinnedChart>>>;
};

