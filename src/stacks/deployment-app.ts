import type { Construct } from 'constructs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type DeploymentConfig, type StateConfig, stateOf } from '../config/deployment';
import { Annotations, LocalBackend, S3Backend, type TerraformStack } from '../private/cdktf';
import { fromOption, ValidationError } from '../errors';
import { ClusterStack } from './cluster-stack';
import { DeploymentGuard } from './deployment-guard';
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

/** The construct id of each stack's DeploymentGuard, and so its address: `terraform_data.deployment`. */
export const GUARD_ID = 'deployment';

/**
 * The stacks of a deployment, in apply order: cluster → platform → services. The services stack
 * reaches OSCAR through the platform stack's outputs when the platform installs it, else through the
 * config's `services.oscar` (an existing OSCAR, with no cluster or platform stack), else through
 * variables. Each stack keeps its state where the config says, by default in the deployment's own
 * folder (`state/<name>/`), and refuses a state written for another deployment (DeploymentGuard).
 */
export function addDeploymentStacks(app: Construct, deployment: DeploymentConfig): DeploymentStacks {
  try {
    const servicesProps = {
      fdl: deployment.fdl,
      clusterId: deployment.clusterId,
      preventDestroy: deployment.preventDestroy,
      imagePullSecrets: deployment.imagePullSecrets,
    };
    // Each cluster's settings, the platform's outputs under those the config leaves out.
    const clusters = (platform?: PlatformStack) => deployment.clusters && Object.fromEntries(Object.entries(deployment.clusters)
      .map(([id, { platform: installed, ...given }]) => [id, installed && platform?.oscar ? { ...platform.oscar, ...given } : given]));
    if (!deployment.cluster) {
      const only = fromOption('services', () => new ServicesStack(app, 'services', { ...servicesProps, oscar: deployment.oscar, clusters: clusters() }));
      ownState(only, deployment);
      return { services: only };
    }
    const target = deployment.cluster;
    const cluster = fromOption('cluster', () => new ClusterStack(app, 'cluster', target));
    const platform = new PlatformStack(app, 'platform', { cluster: cluster.cluster, platform: deployment.platform });
    // The config's services.oscar.endpoint wins over the platform's: a platform with no host answers only
    // inside the cluster, so such a deployment reaches it another way (for example a port-forward).
    const services = fromOption('services', () => new ServicesStack(app, 'services', {
      ...servicesProps,
      oscar: deployment.clusters ? undefined : platform.oscar ? { ...platform.oscar, ...deployment.oscar } : deployment.oscar,
      clusters: clusters(platform),
      cluster: cluster.cluster.connection,
    }), ['cluster']);
    services.addDependency(platform);
    for (const stack of [cluster, platform, services]) ownState(stack, deployment);
    return { cluster, platform, services };
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    const setting = settingOf(e);
    throw setting === undefined
      ? deployment.errorAt('', `${e.where}: ${e.field}: ${e.problem}`, e.fix)
      : deployment.errorAt(setting, e.problem, e.fix);
  }
}

/**
 * The config setting a construct's error is about: the options the constructs passed it down through
 * (fromOption), then its field; undefined when it came from no option of the config.
 */
function settingOf(e: ValidationError): string | undefined {
  if (e.optionPath.length === 0) return undefined;
  return [...e.optionPath, e.field].join('.');
}

/**
 * Gives a stack the deployment's state backend and its guard; a local state file already written for
 * another deployment fails synth here, before any command plans with it.
 */
function ownState(stack: TerraformStack, deployment: DeploymentConfig): void {
  const state = stateOf(deployment);
  addStateBackend(stack, state);
  const services = stack instanceof ServicesStack ? stack : undefined;
  new DeploymentGuard(stack, GUARD_ID, {
    deployment: deployment.name,
    configFile: path.relative(deployment.projectRoot, path.resolve(deployment.file)),
    oscarEndpoint: services?.oscarEndpoint,
  });
  if (!state.local) return;
  const file = path.join(state.local.dir, `${stack.node.id}.tfstate`);
  const recorded = DeploymentGuard.recordedIn(file, GUARD_ID)?.deployment;
  if (recorded !== undefined && recorded !== deployment.name) {
    const shown = path.relative(deployment.projectRoot, file);
    throw deployment.state
      ? deployment.errorAt('state.local.dir', `${shown} holds the ${stack.node.id} state of deployment "${recorded}", and this config is deployment `
        + `"${deployment.name}": planning with it would destroy the other deployment's resources`,
      `point state.local.dir at a folder of this deployment's own, or remove state: to keep it in state/${deployment.name}/; if that state is `
        + `this deployment's under an earlier name, set name: ${recorded}`)
      : deployment.errorAt('name', `the default state folder of deployment "${deployment.name}" holds a ${stack.node.id} state of deployment `
        + `"${recorded}" (${shown})`, `give this config another name:, or if that state is this deployment's under an earlier name, set name: ${recorded}`);
  }
  // cdktf kept every config's state in one file per stack in the project folder, before states were per deployment.
  const legacy = path.join(deployment.projectRoot, `terraform.${stack.node.id}.tfstate`);
  if (!deployment.state && fs.existsSync(legacy) && !fs.existsSync(file)) {
    Annotations.of(stack).addWarning(`${legacy} is a ${stack.node.id} state from before each deployment had its own state folder; `
      + `deployment "${deployment.name}" keeps its state in ${file}. If that old state is this deployment's (the config last deployed from `
      + `this checkout), move it there before deploying: mkdir -p ${path.dirname(file)} && mv ${legacy} ${file}`);
  }
}

/** Gives a stack a state backend (its key named after the stack). */
function addStateBackend(stack: TerraformStack, state: StateConfig): void {
  const name = stack.node.id;
  if (state.local) new LocalBackend(stack, { path: path.join(state.local.dir, `${name}.tfstate`) });
  if (state.s3) {
    new S3Backend(stack, {
      bucket: state.s3.bucket, region: state.s3.region, key: `${state.s3.keyPrefix ?? ''}${name}.tfstate`, encrypt: true,
      ...(state.s3.dynamodbTable ? { dynamodbTable: state.s3.dynamodbTable } : {}),
    });
  }
}
