// A picture of a deployment, read from the constructs the app builds: what each stack holds, and each
// service with its buckets, triggers and exposure. Rendered as Mermaid or DOT (render.ts).
import type { IConstruct } from 'constructs';
import type { OscarServiceSpec } from '../fdl';
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

/**
 * Builds the picture: one group per stack with its components, a node per OSCAR service, and a node
 * per bucket with arrows for triggers (upload → service), outputs (service → bucket) and mounts.
 */
export function buildDiagram(stacks: readonly StackPicture[], services: readonly OscarServiceSpec[], servicesStackId: string): Diagram {
  const groups: DiagramGroup[] = [];
  const edges: DiagramEdge[] = [];
  for (const picture of stacks) {
    const nodes: DiagramNode[] = (picture.extra ?? []).map((label, i) => ({ id: `${safeId(picture.id)}_extra_${i}`, label, shape: 'box' as const }));
    for (const c of picture.stack.node.findAll()) {
      if (!(c instanceof TerraformResource)) continue;
      const label = picture.show?.[c.terraformResourceType]?.(c);
      if (label !== undefined) nodes.push({ id: `${safeId(picture.id)}_${safeId(c.node.path)}`, label, shape: 'box' });
    }
    if (picture.id === servicesStackId) {
      for (const spec of services) nodes.push({ id: `svc_${safeId(spec.name)}`, label: serviceLabel(spec), shape: 'service' });
    }
    groups.push({ id: safeId(picture.id), label: picture.label, nodes });
  }
  for (let i = 1; i < groups.length; i++) edges.push({ from: groups[i - 1].id, to: groups[i].id, label: 'outputs', dashed: true });

  const buckets = new Map<string, DiagramNode>();
  for (const spec of services) {
    for (const use of bucketsOf(spec)) {
      const bucket = buckets.get(use.bucket) ?? { id: `bucket_${safeId(use.bucket)}`, label: use.bucket, shape: 'bucket' as const };
      buckets.set(use.bucket, bucket);
      const service = `svc_${safeId(spec.name)}`;
      if (use.roles.includes(BucketRole.INPUT)) edges.push({ from: bucket.id, to: service, label: 'upload triggers' });
      if (use.roles.includes(BucketRole.OUTPUT)) edges.push({ from: service, to: bucket.id, label: 'writes' });
      if (use.roles.includes(BucketRole.MOUNT)) edges.push({ from: bucket.id, to: service, label: 'mounted', dashed: true });
    }
  }
  return { groups, nodes: [...buckets.values()], edges };
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
