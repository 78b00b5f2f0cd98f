import type { Construct } from 'constructs';
import { type Deployment, DeploymentConfigError } from '../src/config/deployment';
import { NodePoolError } from '../src/cluster/node-pool';
import { ValidationError } from '../src/private/errors';
import { ClusterStack } from './cluster-stack';
import { PlatformStack } from './platform-stack';
import { ServicesStack } from './services-stack';

/** The three stacks of a deployment, in apply order: cluster → platform → services. */
export function addDeploymentStacks(app: Construct, deployment: Deployment) {
  try {
    const cluster = new ClusterStack(app, 'cluster', deployment.cluster);
    const platform = new PlatformStack(app, 'platform', { cluster: cluster.cluster });
    const services = new ServicesStack(app, 'services', { fdl: deployment.fdl, clusterId: deployment.clusterId });
    services.addDependency(platform);
    return { cluster, platform, services };
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    // Point at the config entry the construct complained about.
    const target = deployment.cluster.eks ? 'cluster.eks' : 'cluster.existing';
    const pool = e instanceof NodePoolError ? e.poolName : undefined;
    const poolIndex = deployment.cluster.eks?.nodePools?.findIndex((p) => p.name === pool) ?? -1;
    const line = deployment.lineOf(poolIndex >= 0 ? `${target}.nodePools[${poolIndex}]` : target);
    throw new DeploymentConfigError(`${deployment.file}:${line ?? 1}: ${e.message}`);
  }
}
