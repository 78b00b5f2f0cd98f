import type { DeploymentConfig } from '../config/deployment';
import type { TerraformResource } from '../private/cdktf';
import type { DeploymentStacks } from '../stacks/deployment-app';
import { buildDiagram, type Diagram, type StackPicture } from './model';

/** The configuration a resource was given (the rendered attributes, literals where they are literal). */
function attributes(resource: TerraformResource): Record<string, unknown> {
  // synthesizeAttributes is what cdktf itself renders into cdk.tf.json.
  return (resource as unknown as { synthesizeAttributes(): Record<string, unknown> }).synthesizeAttributes();
}

const literal = (value: unknown) => (typeof value === 'string' && !value.includes('${') ? value : undefined);

/** What the cluster stack creates or points at. */
function clusterBoxes(deployment: DeploymentConfig): string[] {
  if (!deployment.cluster) return [];
  const { eks, existing } = deployment.cluster;
  if (eks) {
    return [
      `EKS ${eks.clusterName} (${eks.region})`,
      ...(eks.nodePools ?? []).map((p) => {
        const gpus = p.gpu ? `, ${p.gpu.count} GPU` : '';
        return `node pool ${p.name}: ${p.instanceTypes.join(', ')}, ${p.minSize ?? 0}-${p.maxSize}${gpus}`;
      }),
    ];
  }
  const connection = existing?.connection.config;
  const context = connection?.configContext ? ` (${connection.configContext})` : '';
  const where = connection?.configPath ? `kubeconfig ${connection.configPath}${context}` : connection?.host ?? '';
  return [`existing cluster: ${where}`];
}

/** The picture of the app's three stacks. */
export function deploymentDiagram(deployment: DeploymentConfig, stacks: DeploymentStacks): Diagram {
  const helmRelease = (r: TerraformResource) => {
    const a = attributes(r);
    const name = literal(a.name) ?? r.node.id;
    // A chart packaged by the project itself is an asset folder named by its hash: not worth showing.
    const chart = literal(a.chart)?.split('/').pop();
    const shown = chart && !/^[0-9A-F]{32}$/.test(chart) ? chart : undefined;
    const version = literal(a.version);
    return `${name}${shown ? `\nchart ${shown}${version ? ` ${version}` : ''}` : ''}`;
  };
  const pictures: StackPicture[] = [
    ...(stacks.cluster ? [{ id: 'cluster', label: 'cluster stack', stack: stacks.cluster, extra: clusterBoxes(deployment) }] : []),
    ...(stacks.platform ? [{ id: 'platform', label: 'platform stack', stack: stacks.platform, show: { helm_release: helmRelease } }] : []),
    {
      id: 'services',
      label: stacks.cluster ? 'services stack (OSCAR API)' : `services stack: existing OSCAR ${deployment.oscar?.endpoint ?? ''}`.trim(),
      stack: stacks.services,
    },
  ];
  const loaded = stacks.services.services.loaded;
  const clusters = deployment.clusters && Object.entries(deployment.clusters).map(([id, c]) => ({
    id,
    label: `cluster ${id}${c.platform ? ' (this deployment\'s platform)' : c.endpoint ? `: ${c.endpoint}` : ''}`,
    services: loaded.filter((s) => s.clusterId === id).map((s) => s.spec),
  }));
  return buildDiagram(pictures, loaded.map((s) => s.spec), 'services', clusters);
}
