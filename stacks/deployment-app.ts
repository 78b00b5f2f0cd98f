import type { Construct } from 'constructs';
import * as path from 'node:path';
import { type DeploymentConfig, type StateConfig } from '../src/config/deployment';
import { LocalBackend, S3Backend, type TerraformStack } from '../src/private/cdktf';
import { NodePoolError } from '../src/cluster/node-pool';
import { ValidationError } from '../src/errors';
import { ClusterStack } from './cluster-stack';
import { PlatformStack } from './platform-stack';
import { ServicesStack } from './services-stack';

/** The stacks of a deployment. */
export interface DeploymentStacks {
  /**
   * The cluster stack.
   * @default - none: a services-only deployment to an existing OSCAR
   */
  readonly cluster?: ClusterStack;
  /**
   * The platform stack.
   * @default - none: a services-only deployment to an existing OSCAR
   */
  readonly platform?: PlatformStack;
  /** The services stack. */
  readonly services: ServicesStack;
}

/**
 * The stacks of a deployment, in apply order: cluster → platform → services. The services stack
 * reaches OSCAR through the platform stack's outputs when the platform installs it, else through the
 * config's `services.oscar` (an existing OSCAR, with no cluster or platform stack), else through
 * variables.
 */
export function addDeploymentStacks(app: Construct, deployment: DeploymentConfig): DeploymentStacks {
  try {
    const servicesProps = {
      fdl: deployment.fdl,
      clusterId: deployment.clusterId,
      preventDestroy: deployment.preventDestroy,
      imagePullSecrets: deployment.imagePullSecrets,
    };
    if (!deployment.cluster) {
      const only = new ServicesStack(app, 'services', { ...servicesProps, oscar: deployment.oscar });
      addStateBackend(only, deployment.state);
      return { services: only };
    }
    const cluster = new ClusterStack(app, 'cluster', deployment.cluster);
    const platform = new PlatformStack(app, 'platform', { cluster: cluster.cluster, platform: deployment.platform });
    // The config's services.oscar.endpoint wins over the platform's: a platform with no host answers only
    // inside the cluster, so such a deployment reaches it another way (for example a port-forward).
    const services = new ServicesStack(app, 'services', {
      ...servicesProps,
      oscar: platform.oscar ? { ...platform.oscar, ...deployment.oscar } : deployment.oscar,
      cluster: cluster.cluster.connection,
    });
    services.addDependency(platform);
    for (const stack of [cluster, platform, services]) addStateBackend(stack, deployment.state);
    return { cluster, platform, services };
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    const setting = settingOf(e, deployment);
    throw setting === undefined
      ? deployment.errorAt('', `${e.where}: ${e.field}: ${e.problem}`, e.fix)
      : deployment.errorAt(setting, e.problem, e.fix);
  }
}

/**
 * Where each construct's props come from in the config file, most specific first: a construct's
 * field `f` is the setting `<setting>.f`, unless `fields` names another (props a construct receives
 * from elsewhere in the file).
 */
const CONFIG_SECTIONS: readonly { readonly construct: string; readonly setting: string; readonly fields?: Readonly<Record<string, string>> }[] = [
  { construct: 'cluster/Eks', setting: 'cluster.eks' },
  { construct: 'cluster/Existing', setting: 'cluster.existing' },
  { construct: 'platform/Oscar/Traefik/GatewayApiCrds', setting: 'platform.gateway.gatewayApiCrds' },
  { construct: 'platform/Oscar/Traefik/CertManager', setting: 'platform.tls.certManager' },
  { construct: 'platform/Oscar/Traefik', setting: 'platform.gateway', fields: { host: 'platform.host', tls: 'platform.tls' } },
  { construct: 'platform/Oscar/Minio', setting: 'platform.minio' },
  { construct: 'platform/Oscar/Storage', setting: 'platform.storage' },
  { construct: 'platform/Oscar/Knative', setting: 'platform.knative' },
  { construct: 'platform/Oscar/MetricsServer', setting: 'platform.metricsServer' },
  { construct: 'platform/Oscar/Oscar', setting: 'platform.oscar' },
  { construct: 'platform/Oscar', setting: 'platform' },
  { construct: 'services', setting: 'services' },
];

/** The config setting a construct's error is about, or undefined when it comes from no setting. */
function settingOf(e: ValidationError, deployment: DeploymentConfig): string | undefined {
  const where = e instanceof NodePoolError ? e.owner : e.where;
  const section = CONFIG_SECTIONS.find((s) => where === s.construct || where.startsWith(`${s.construct}/`));
  if (!section) return undefined;
  if (e instanceof NodePoolError) {
    const index = deployment.cluster?.eks?.nodePools?.findIndex((p) => p.name === e.poolName) ?? -1;
    return index < 0 ? `${section.setting}.nodePools` : `${section.setting}.nodePools[${index}].${e.field}`;
  }
  const secret = /^services\/ImagePullSecret-(.+)$/.exec(where);
  if (secret) {
    const index = deployment.imagePullSecrets?.findIndex((s) => s.name === secret[1]) ?? -1;
    return index < 0 ? 'services.imagePullSecrets' : `services.imagePullSecrets[${index}].${e.field}`;
  }
  return section.fields?.[e.field] ?? `${section.setting}.${e.field}`;
}

/** Gives a stack the configured state backend (its key named after the stack); cdktf's default otherwise. */
function addStateBackend(stack: TerraformStack, state: StateConfig | undefined): void {
  const name = stack.node.id;
  if (state?.local) new LocalBackend(stack, { path: path.join(state.local.dir, `${name}.tfstate`) });
  if (state?.s3) {
    new S3Backend(stack, {
      bucket: state.s3.bucket, region: state.s3.region, key: `${state.s3.keyPrefix ?? ''}${name}.tfstate`, encrypt: true,
      ...(state.s3.dynamodbTable ? { dynamodbTable: state.s3.dynamodbTable } : {}),
    });
  }
}
