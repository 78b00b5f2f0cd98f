import type { Construct } from 'constructs';
import * as path from 'node:path';
import { type Deployment, DeploymentConfigError, type StateConfig } from '../src/config/deployment';
import { LocalBackend, S3Backend, type TerraformStack } from '../src/private/cdktf';
import { NodePoolError } from '../src/cluster/node-pool';
import { ValidationError } from '../src/private/errors';
import { ClusterStack } from './cluster-stack';
import { PlatformStack } from './platform-stack';
import { ServicesStack } from './services-stack';

/** The stacks of a deployment. */
export interface DeploymentStacks {
  /** Absent for a services-only deployment to an existing OSCAR. */
  readonly cluster?: ClusterStack;
  readonly platform?: PlatformStack;
  readonly services: ServicesStack;
}

/**
 * The stacks of a deployment, in apply order: cluster → platform → services. The services stack
 * reaches OSCAR through the platform stack's outputs when the platform installs it, else through the
 * config's `services.oscar` (an existing OSCAR, with no cluster or platform stack), else through
 * variables.
 */
export function addDeploymentStacks(app: Construct, deployment: Deployment): DeploymentStacks {
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
    // Point at the config entry the construct complained about.
    const target = deployment.cluster?.eks ? 'cluster.eks' : deployment.cluster ? 'cluster.existing' : 'services';
    const pool = e instanceof NodePoolError ? e.poolName : undefined;
    const poolIndex = deployment.cluster?.eks?.nodePools?.findIndex((p) => p.name === pool) ?? -1;
    const platformEntry = platformConfigPath(e.message);
    const line = platformEntry ? deployment.lineOf(platformEntry) ?? deployment.lineOf('platform') : deployment.lineOf(poolIndex >= 0 ? `${target}.nodePools[${poolIndex}]` : target);
    throw new DeploymentConfigError(`${deployment.file}:${line ?? 1}: ${e.message}`);
  }
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

// The platform config section a platform construct's error comes from (its message starts with the construct path).
function platformConfigPath(message: string): string | undefined {
  const component = /^platform\/Oscar(?:\/([A-Za-z]+))?/.exec(message);
  if (!component) return undefined;
  const sections: Record<string, string> = { Minio: 'platform.minio', Storage: 'platform.storage', Knative: 'platform.knative', Traefik: 'platform.gateway', MetricsServer: 'platform.metricsServer', Oscar: 'platform.oscar' };
  return sections[component[1] ?? ''] ?? 'platform';
}
