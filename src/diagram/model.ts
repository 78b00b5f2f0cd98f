// A picture of a deployment, read from the constructs the app builds: what each stack holds, and each
// service with its buckets, triggers and exposure. Rendered as Mermaid or DOT (render.ts).
import type { IConstruct } from 'constructs';
import { bucketOf, type OscarServiceSpec, parseProviderRef } from '../fdl';
import { TerraformResource } from '../private/cdktf';
import { BucketRole, bucketsOf } from '../services/buckets';

/** One box of the picture. */
export interface DiagramNode {
  readonly id: string;
  readonly label: string;
  readonly shape: 'box' | 'bucket' | 'service';
}

/** One arrow. */
export interface DiagramEdge {
  readonly from: string;
  readonly to: string;
  readonly label?: string;
  /** Dashed: an ordering or dependency rather than a data flow. */
  readonly dashed?: boolean;
}

/** A group of nodes: a stack. */
export interface DiagramGroup {
  readonly id: string;
  readonly label: string;
  readonly nodes: readonly DiagramNode[];
}

/** The whole picture. */
export interface Diagram {
  readonly groups: readonly DiagramGroup[];
  /** Nodes outside every stack (the buckets, which the manager owns). */
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
}

/** What a stack is, in the picture. */
export interface StackPicture {
  readonly id: string;
  readonly label: string;
  /** The stack's construct, whose Terraform resources become its boxes. */
  readonly stack: IConstruct;
  /**
   * Labels of resources to show, by Terraform resource type.
   * @default - helm releases (by release name) and namespaces are not shown; only explicit entries
   */
  readonly show?: Readonly<Record<string, (resource: TerraformResource) => string | undefined>>;
  /** Boxes to add by hand (for example the cluster target). @default - none */
  readonly extra?: readonly string[];
}

const safeId = (text: string) => text.replace(/[^A-Za-z0-9_]/g, '_');

/** The services of one OSCAR cluster of a stack that reaches several, for {@link buildDiagram}. */
export interface ClusterPicture {
  /** The FDL cluster id. */
  readonly id: string;
  readonly label: string;
  readonly services: readonly OscarServiceSpec[];
}

/**
 * Builds the picture: one group per stack with its components, a node per OSCAR service, and a node
 * per bucket with arrows for triggers (upload → service), outputs (service → bucket) and mounts. With
 * `clusters`, each cluster is a group of its own holding its services and its MinIO's buckets; an output
 * to `minio.<another cluster id>` (OSCAR's examples name a cluster's MinIO by its cluster id) is an arrow
 * into that cluster's bucket.
 */
export function buildDiagram(stacks: readonly StackPicture[], services: readonly OscarServiceSpec[], servicesStackId: string,
  clusters?: readonly ClusterPicture[]): Diagram {
  const groups: DiagramGroup[] = [];
  const edges: DiagramEdge[] = [];
  const chain: string[] = [];
  for (const picture of stacks) {
    const nodes: DiagramNode[] = (picture.extra ?? []).map((label, i) => ({ id: `${safeId(picture.id)}_extra_${i}`, label, shape: 'box' as const }));
    for (const c of picture.stack.node.findAll()) {
      if (!(c instanceof TerraformResource)) continue;
      const label = picture.show?.[c.terraformResourceType]?.(c);
      if (label !== undefined) nodes.push({ id: `${safeId(picture.id)}_${safeId(c.node.path)}`, label, shape: 'box' });
    }
    if (picture.id === servicesStackId && clusters === undefined) {
      for (const spec of services) nodes.push({ id: `svc_${safeId(spec.name)}`, label: serviceLabel(spec), shape: 'service' });
    }
    groups.push({ id: safeId(picture.id), label: picture.label, nodes });
    chain.push(safeId(picture.id));
  }
  for (let i = 1; i < chain.length; i++) edges.push({ from: chain[i - 1], to: chain[i], label: 'outputs', dashed: true });
  if (clusters === undefined) {
    const buckets = new Map<string, DiagramNode>();
    for (const spec of services) addBucketEdges(spec, `svc_${safeId(spec.name)}`, (bucket) => {
      const node = buckets.get(bucket) ?? { id: `bucket_${safeId(bucket)}`, label: bucket, shape: 'bucket' as const };
      buckets.set(bucket, node);
      return node.id;
    }, edges);
    return { groups, nodes: [...buckets.values()], edges };
  }

  // One group per cluster, after the services stack's; buckets belong to the MinIO of their cluster.
  const bucketNodes = new Map<string, Map<string, DiagramNode>>(clusters.map((c) => [c.id, new Map()]));
  const bucketIn = (cluster: string, bucket: string) => {
    const nodes = bucketNodes.get(cluster)!;
    const node = nodes.get(bucket) ?? { id: `bucket_${safeId(cluster)}_${safeId(bucket)}`, label: bucket, shape: 'bucket' as const };
    nodes.set(bucket, node);
    return node.id;
  };
  for (const cluster of clusters) {
    for (const spec of cluster.services) {
      const service = `svc_${safeId(cluster.id)}_${safeId(spec.name)}`;
      addBucketEdges(spec, service, (bucket) => bucketIn(cluster.id, bucket), edges);
      for (const io of spec.output ?? []) {
        const { type, id } = parseProviderRef(io.storage_provider);
        if (type === 'minio' && id !== cluster.id && bucketNodes.has(id)) {
          edges.push({ from: service, to: bucketIn(id, bucketOf(spec.name, io.path)), label: `writes (minio.${id})` });
        }
      }
    }
  }
  for (const cluster of clusters) {
    const services = cluster.services.map((spec) => ({
      id: `svc_${safeId(cluster.id)}_${safeId(spec.name)}`, label: serviceLabel(spec), shape: 'service' as const,
    }));
    const nodes = [...services, ...bucketNodes.get(cluster.id)!.values()];
    groups.push({ id: `cluster_${safeId(cluster.id)}`, label: cluster.label, nodes });
    edges.push({ from: safeId(servicesStackId), to: `cluster_${safeId(cluster.id)}`, label: 'deploys', dashed: true });
  }
  return { groups, nodes: [], edges };
}

/** The arrows between a service and its cluster-MinIO buckets; `bucketNode` gives each bucket's node id. */
function addBucketEdges(spec: OscarServiceSpec, service: string, bucketNode: (bucket: string) => string, edges: DiagramEdge[]): void {
  for (const use of bucketsOf(spec)) {
    const bucket = bucketNode(use.bucket);
    if (use.roles.includes(BucketRole.INPUT)) edges.push({ from: bucket, to: service, label: 'upload triggers' });
    if (use.roles.includes(BucketRole.OUTPUT)) edges.push({ from: service, to: bucket, label: 'writes' });
    if (use.roles.includes(BucketRole.MOUNT)) edges.push({ from: bucket, to: service, label: 'mounted', dashed: true });
  }
}

/** Name, then how the service is invoked. */
export function serviceLabel(spec: OscarServiceSpec): string {
  const lines = [spec.name];
  if (spec.expose) lines.push(`exposed :${spec.expose.api_port.join(',')} (${spec.expose.min_scale ?? 1}-${spec.expose.max_scale ?? 10} replicas)`);
  else {
    const min = spec.synchronous?.min_scale ?? 0;
    lines.push(`/run sync${min > 0 ? `, ${min} warm` : ''}`);
    if ((spec.input ?? []).length > 0) lines.push('/job async');
  }
  if (spec.enable_gpu) lines.push('GPU');
  return lines.join('\n');
}
