// The deployment config: one YAML file saying which cluster to use or create and which FDL files to
// deploy. Shapes are checked here, with file and line; meaning is checked by the constructs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMap, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { ClusterConnection } from '../cluster/connection';
import type { EksClusterProps } from '../cluster/eks-cluster';
import { EksNetwork } from '../cluster/eks-network';
import type { ExistingClusterProps } from '../cluster/existing-cluster';
import type { GpuTolerationInjection } from '../cluster/gpu';
import type { NodePoolOptions } from '../cluster/node-pool';
import { CertificateIssuer } from '../platform/cert-manager';
import type { OscarPlatformOptions } from '../platform/oscar-platform';
import { RwxStorage } from '../platform/rwx-storage';
import type { GatewayServiceType } from '../platform/traefik';
import { VERSIONS } from '../versions';
import type { ImagePullSecretConfig } from '../services/image-pull-secret';

/** Where the stacks keep their state: one file or object per stack (`<stack>.tfstate`). */
export interface StateConfig {
  /** A folder (resolved against the config file's folder). */
  readonly local?: { readonly dir: string };
  /** An S3 bucket (encrypted; `keyPrefix` before each stack's key; optional DynamoDB lock table). */
  readonly s3?: { readonly bucket: string; readonly region: string; readonly keyPrefix?: string; readonly dynamodbTable?: string };
}

/** What main.ts builds the stacks from. */
export interface Deployment {
  readonly file: string;
  /** The cluster target; absent for a services-only deployment to an existing OSCAR (`services.oscar`). */
  readonly cluster?: { readonly eks?: EksClusterProps; readonly existing?: ExistingClusterProps };
  /** FDL files and folders, resolved against the config file's folder. */
  readonly fdl: readonly string[];
  readonly clusterId?: string;
  /** An existing OSCAR to deploy the services to (its credentials come from sensitive variables). */
  readonly oscar?: { readonly endpoint?: string; readonly username?: string };
  /** Keep Terraform from destroying services and shared buckets. */
  readonly preventDestroy?: boolean;
  /** Registry credentials to create as image pull secrets (passwords from sensitive variables). */
  readonly imagePullSecrets?: readonly ImagePullSecretConfig[];
  /** Where each stack keeps its Terraform state. @default - cdktf's local file per stack */
  readonly state?: StateConfig;
  /** The OSCAR platform's settings (paths resolved against the config file's folder); false leaves it out. */
  readonly platform?: OscarPlatformOptions | false;
  /** Source line of a config path such as `cluster.eks.nodePools[1]`, for error messages. */
  lineOf(configPath: string): number | undefined;
}

export class DeploymentConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeploymentConfigError';
  }
}

type Shape =
  | 'string' | 'number' | 'boolean' | 'strings' | 'labels'
  | { readonly fields: Readonly<Record<string, Shape>>; readonly required?: readonly string[] }
  | { readonly list: Shape }
  | { readonly oneOf: readonly string[] }
  | { readonly orFalse: Shape };

const TAINT: Shape = { fields: { key: 'string', value: 'string', effect: { oneOf: ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] } }, required: ['key', 'effect'] };
const NODE_POOL: Shape = {
  fields: {
    name: 'string', instanceTypes: 'strings', minSize: 'number', maxSize: 'number', desiredSize: 'number',
    capacityType: { oneOf: ['ON_DEMAND', 'SPOT'] }, diskSizeGib: 'number', labels: 'labels', taints: { list: TAINT },
    gpu: { fields: { vendor: { oneOf: ['nvidia'] }, count: 'number' }, required: ['count'] },
  },
  required: ['name', 'instanceTypes', 'maxSize'],
};
const CHART: Shape = { fields: { repository: 'string', chart: 'string', version: 'string', imageRepository: 'string', imageTag: 'string' } };
const PLATFORM: Shape = {
  fields: {
    host: 'string',
    tls: {
      fields: {
        secretName: 'string',
        certManager: {
          fields: {
            install: 'boolean', namespace: 'string',
            issuer: { fields: { letsEncrypt: { fields: { email: 'string', staging: 'boolean' }, required: ['email'] }, selfSigned: 'boolean', existing: 'string' } },
          },
          required: ['issuer'],
        },
      },
    },
    storage: {
      fields: {
        storageClass: 'string',
        efs: { fields: { fileSystemId: 'string', storageClassName: 'string' }, required: ['fileSystemId'] },
        nfsProvisioner: { fields: { storageClassName: 'string', size: 'string', backingStorageClassName: 'string', namespace: 'string' } },
      },
    },
    minio: {
      fields: {
        existing: { fields: { endpoint: 'string', rootUser: 'string', region: 'string', tlsVerify: 'boolean' }, required: ['endpoint', 'rootUser'] },
        namespace: 'string', rootUser: 'string', storageSize: 'string', storageClassName: 'string', memoryRequest: 'string', console: 'boolean', region: 'string',
      },
    },
    knative: {
      orFalse: {
        fields: {
          existing: 'boolean', servingVersion: 'string', operatorNamespace: 'string',
          autoscaler: {
            fields: {
              enableScaleToZero: 'boolean', scaleToZeroGracePeriod: 'string', scaleToZeroPodRetentionPeriod: 'string', initialScale: 'number',
              allowZeroInitialScale: 'boolean', minScale: 'number', maxScale: 'number', maxScaleLimit: 'number', stableWindow: 'string',
            },
          },
        },
      },
    },
    gateway: {
      orFalse: {
        fields: {
          existing: { fields: { name: 'string', namespace: 'string' }, required: ['name', 'namespace'] },
          namespace: 'string', serviceType: { oneOf: ['LoadBalancer', 'NodePort', 'ClusterIP'] }, nodePorts: { fields: { http: 'number', https: 'number' } },
          gatewayApiCrds: { orFalse: { fields: { manifestFile: 'string', namespace: 'string' }, required: ['manifestFile'] } },
        },
      },
    },
    metricsServer: { orFalse: { fields: { namespace: 'string', kubeletInsecureTls: 'boolean' } } },
    oscar: {
      fields: {
        namespace: 'string', servicesNamespace: 'string', username: 'string',
        oidc: { fields: { issuers: 'strings', groups: 'strings', subject: 'string', admins: 'strings' }, required: ['issuers', 'groups'] },
        allowedImagePrefixes: 'strings', exposedServicesCorsOrigins: 'strings', requestTimeoutSeconds: 'number', resourceManager: 'boolean', supervisorVersion: 'string',
      },
    },
    versions: { fields: Object.fromEntries(Object.keys(VERSIONS).map((k) => [k, CHART])) },
    waitForPods: 'boolean',
  },
};

const SCHEMA: Shape = {
  fields: {
    cluster: {
      fields: {
        existing: {
          fields: {
            kubeconfig: 'string', context: 'string', host: 'string', clusterCaCertificate: 'string',
            gpu: { fields: { nodeSelector: 'labels', tolerationInjection: { oneOf: ['admission-plugin', 'mutating-admission-policy', 'untainted-gpu-nodes'] } } },
          },
        },
        eks: {
          fields: {
            clusterName: 'string', region: 'string', kubernetesVersion: 'string',
            vpc: { fields: { cidr: 'string', availabilityZones: 'number', privateSubnetIds: 'strings' } },
            nodePools: { list: NODE_POOL }, publicAccessCidrs: 'strings', storageDrivers: 'boolean',
          },
          required: ['clusterName', 'region'],
        },
      },
    },
    platform: { orFalse: PLATFORM },
    state: {
      fields: {
        local: { fields: { dir: 'string' }, required: ['dir'] },
        s3: { fields: { bucket: 'string', region: 'string', keyPrefix: 'string', dynamodbTable: 'string' }, required: ['bucket', 'region'] },
      },
    },
    services: {
      fields: {
        fdl: 'strings', clusterId: 'string', preventDestroy: 'boolean',
        oscar: { fields: { endpoint: 'string', username: 'string' } },
        imagePullSecrets: { list: { fields: { name: 'string', server: 'string', username: 'string' }, required: ['name', 'server', 'username'] } },
      },
      required: ['fdl'],
    },
  },
  required: ['services'],
};

/** Reads and checks a deployment config file. */
export function loadDeployment(file: string): Deployment {
  const text = fs.readFileSync(file, 'utf8');
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const where = (node: Node | null | undefined) => {
    const pos = node?.range ? lines.linePos(node.range[0]) : { line: 1, col: 1 };
    return `${file}:${pos.line}:${pos.col}`;
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    throw new DeploymentConfigError(`${file}:${e.linePos?.[0].line ?? 1}:${e.linePos?.[0].col ?? 1}: not valid YAML: ${e.message.split('\n')[0]}. Fix: correct the YAML syntax.`);
  }
  const positions = new Map<string, number>();
  const fail = (node: Node | null | undefined, at: string, problem: string, fix: string): never => {
    throw new DeploymentConfigError(`${where(node)}: ${at}: ${problem}. Fix: ${fix}.`);
  };

  const check = (node: Node | null | undefined, shape: Shape, at: string): void => {
    if (node?.range) positions.set(at, lines.linePos(node.range[0]).line);
    const value = node?.toJSON();
    if (typeof shape === 'string') {
      const ok = {
        string: typeof value === 'string',
        number: typeof value === 'number',
        boolean: typeof value === 'boolean',
        strings: Array.isArray(value) && value.every((v) => typeof v === 'string'),
        labels: value !== null && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string'),
      }[shape];
      const wanted = { string: 'a string', number: 'a number', boolean: 'true or false', strings: 'a list of strings', labels: 'a map of strings (quote values such as "true")' }[shape];
      if (!ok) fail(node, at, `is ${JSON.stringify(value)}, not ${wanted}`, `write ${wanted}`);
    } else if ('orFalse' in shape) {
      if (value !== false) check(node, shape.orFalse, at);
    } else if ('oneOf' in shape) {
      if (!shape.oneOf.includes(value)) fail(node, at, `is ${JSON.stringify(value)}`, `use one of ${shape.oneOf.join(', ')}`);
    } else if ('list' in shape) {
      if (!isSeq(node)) return fail(node, at, 'is not a list', 'write a YAML list ("- …" entries)');
      node.items.forEach((item, i) => check(item as Node, shape.list, `${at}[${i}]`));
    } else {
      if (!isMap(node)) return fail(node, at || 'the file', 'is not a mapping', 'write "key: value" entries');
      for (const pair of node.items) {
        const key = String((pair.key as Node | null)?.toJSON());
        const child = at ? `${at}.${key}` : key;
        if (!(key in shape.fields)) fail(pair.key as Node, child, 'is not a known setting', `use one of ${Object.keys(shape.fields).join(', ')}`);
        check(pair.value as Node, shape.fields[key], child);
      }
      for (const key of shape.required ?? []) {
        if (!node.has(key)) fail(node, at ? `${at}.${key}` : key, 'is missing', `add ${key}`);
      }
    }
  };
  check(doc.contents as Node, SCHEMA, '');

  const config = doc.toJSON() as any;
  const base = path.dirname(path.resolve(file));
  const servicesOnly = config.cluster === undefined;
  if (servicesOnly && config.services.oscar === undefined) {
    fail(doc.contents as Node, 'cluster', 'is missing', 'give a cluster target (existing or eks), or services.oscar.endpoint to deploy only the services to an existing OSCAR');
  }
  if (servicesOnly && config.platform !== undefined && config.platform !== false) {
    fail(doc.getIn(['platform'], true) as Node, 'platform', 'needs a cluster to install on', 'add a cluster target, or remove platform for a services-only deployment');
  }
  const targets = Object.keys(config.cluster ?? {});
  if (!servicesOnly && targets.length !== 1) fail(doc.getIn(['cluster'], true) as Node, 'cluster', targets.length ? `has ${targets.join(' and ')}` : 'names no target', 'give exactly one of existing, eks');

  let cluster: Deployment['cluster'];
  if (servicesOnly) {
    cluster = undefined;
  } else if (config.cluster.existing) {
    const e = config.cluster.existing;
    const node = doc.getIn(['cluster', 'existing'], true) as Node;
    if ((e.kubeconfig === undefined) === (e.host === undefined)) fail(node, 'cluster.existing', 'needs either kubeconfig or host (with clusterCaCertificate)', 'give kubeconfig (and optionally context), or host and clusterCaCertificate with the token in KUBE_TOKEN');
    const connection = e.kubeconfig !== undefined
      ? ClusterConnection.fromKubeconfig(e.kubeconfig, e.context)
      : ClusterConnection.fromServer({ host: e.host, clusterCaCertificate: e.clusterCaCertificate ?? '' });
    cluster = { existing: { connection, gpu: e.gpu && { nodeSelector: e.gpu.nodeSelector, tolerationInjection: e.gpu.tolerationInjection as GpuTolerationInjection } } };
  } else {
    const { vpc, nodePools, ...eks } = config.cluster.eks;
    const network = vpc === undefined ? undefined : vpc.privateSubnetIds ? EksNetwork.existingVpc({ privateSubnetIds: vpc.privateSubnetIds }) : EksNetwork.newVpc(vpc);
    cluster = { eks: { ...eks, network, nodePools: nodePools as NodePoolOptions[] | undefined } };
  }
  const exactlyOne = (keys: string[], choices: string[]) => {
    const value = keys.reduce((v: any, k) => v?.[k], config);
    if (value === undefined || value === false) return;
    const given = choices.filter((c) => value[c] !== undefined);
    if (given.length !== 1) fail(doc.getIn(keys, true) as Node, keys.join('.'), given.length ? `has ${given.join(' and ')}` : 'names none of its choices', `give exactly one of ${choices.join(', ')}`);
  };
  exactlyOne(['platform', 'storage'], ['storageClass', 'efs', 'nfsProvisioner']);
  exactlyOne(['state'], ['local', 's3']);
  exactlyOne(['platform', 'tls', 'certManager', 'issuer'], ['letsEncrypt', 'selfSigned', 'existing']);
  const platform = config.platform === undefined || config.platform === false ? config.platform : platformOptions(config.platform, base);
  return {
    file,
    cluster,
    platform,
    fdl: (config.services.fdl as string[]).map((f) => path.resolve(base, f)),
    clusterId: config.services.clusterId,
    oscar: config.services.oscar,
    preventDestroy: config.services.preventDestroy,
    imagePullSecrets: config.services.imagePullSecrets,
    state: config.state?.local ? { local: { dir: path.resolve(base, config.state.local.dir) } } : config.state,
    lineOf: (p) => positions.get(p),
  };
}

// The platform section as construct options: value classes for storage and issuers, and local paths
// (chart folders, the Gateway API manifest) resolved against the config file's folder. The shape is
// checked already; the constructs check the meaning.
function platformOptions(p: any, base: string): OscarPlatformOptions {
  const local = (file: string) => path.resolve(base, file);
  const storage = p.storage === undefined ? undefined
    : p.storage.storageClass !== undefined ? RwxStorage.existingClass(p.storage.storageClass)
      : p.storage.efs !== undefined ? RwxStorage.efs(p.storage.efs)
        : RwxStorage.nfsProvisioner(p.storage.nfsProvisioner ?? {});
  const certManager = p.tls?.certManager;
  const issuer = certManager?.issuer;
  const tls = p.tls === undefined ? undefined : {
    secretName: p.tls.secretName,
    certManager: certManager && {
      ...certManager,
      issuer: issuer.letsEncrypt ? CertificateIssuer.letsEncrypt(issuer.letsEncrypt)
        : issuer.existing !== undefined ? CertificateIssuer.existing(issuer.existing) : CertificateIssuer.selfSigned(),
    },
  };
  const gateway = p.gateway === undefined || p.gateway === false || p.gateway.existing ? p.gateway : {
    ...p.gateway,
    serviceType: p.gateway.serviceType as GatewayServiceType | undefined,
    gatewayApiCrds: p.gateway.gatewayApiCrds && { ...p.gateway.gatewayApiCrds, manifestFile: local(p.gateway.gatewayApiCrds.manifestFile) },
  };
  const knative = p.knative?.existing ? { existing: true as const } : p.knative;
  const versions = p.versions && Object.fromEntries(Object.entries(p.versions as Record<string, { repository?: string; chart?: string }>).map(([k, v]) => [
    k, v.repository === '' && v.chart !== undefined ? { ...v, chart: local(v.chart) } : v,
  ]));
  return { ...p, storage, tls, gateway, knative, versions };
}
