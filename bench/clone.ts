// Copies of real services, made with the Kubernetes API instead of the manager: creating a service
// through the manager costs 6.5 s (it rewrites MinIO's webhook configuration and restarts MinIO), so
// 1000 services would take 1.8 hours. Here one service per shape is created by the manager; each
// Kubernetes object it made (found through API discovery, in every namespace the manager uses) is
// then created again with the service's unit suffix replaced, and its MinIO buckets likewise. The
// manager reads services only from those objects (a ConfigMap per service, the PVC of a volume, ...),
// so a copy reads back as the original renamed; test/bench/clone.test.ts checks that on the real manager.
import * as Minio from 'minio';
import type { ControlPlane } from '../src/sandbox';

/** One namespaced resource type the API server can list and create. */
interface ResourceType {
  /** Collection path prefix, e.g. `/api/v1` or `/apis/apps/v1`. */
  readonly groupVersion: string;
  /** Plural name, e.g. `configmaps`. */
  readonly plural: string;
}

/** A Kubernetes object as JSON. */
interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: Record<string, unknown>;
  spec?: { clusterIP?: string; clusterIPs?: string[]; ports?: { nodePort?: number }[] } & Record<string, unknown>;
  status?: unknown;
  [key: string]: unknown;
}

/** The discovery documents and lists the API server answers with. */
interface GroupList { groups?: { preferredVersion: { groupVersion: string } }[] }
interface ResourceList { resources?: { name: string; namespaced: boolean; verbs: string[] }[] }
interface ObjectList { apiVersion?: string; kind?: string; items?: KubeObject[] }

/** Namespaces whose objects are copied: the manager's (services of the basic-auth admin live in oscar-svc). */
const NAMESPACES = ['oscar-svc'];

/** Metadata the API server sets; a copy gets its own. */
const SERVER_SET = ['uid', 'resourceVersion', 'creationTimestamp', 'managedFields', 'generation', 'selfLink', 'ownerReferences'];

function s3Of(plane: ControlPlane): Minio.Client {
  const url = new URL(plane.minio.endpoint);
  return new Minio.Client({ endPoint: url.hostname, port: Number(url.port), useSSL: false, accessKey: plane.minio.accessKey,
    secretKey: plane.minio.secretKey });
}

/** Every namespaced resource type that can be listed and created (Secrets and events included; leases and the like are skipped). */
async function resourceTypes(plane: ControlPlane): Promise<ResourceType[]> {
  const versions = ['/api/v1'];
  const groups = (await plane.apiServer.request('GET', '/apis')).json as GroupList;
  for (const g of groups.groups ?? []) versions.push(`/apis/${g.preferredVersion.groupVersion}`);
  const types: ResourceType[] = [];
  for (const groupVersion of versions) {
    const list = (await plane.apiServer.request('GET', groupVersion)).json as ResourceList;
    for (const r of list.resources ?? []) {
      if (!r.namespaced || r.name.includes('/') || !r.verbs.includes('list') || !r.verbs.includes('create')) continue;
      if (['events', 'leases', 'endpoints', 'endpointslices', 'serviceaccounts', 'localsubjectaccessreviews'].includes(r.name)) continue;
      types.push({ groupVersion, plural: r.name });
    }
  }
  return types;
}

/** The suffix of a generated unit (`cowsay-0007` → `0007`), as fdl-gen.ts writes it. */
const unitPattern = (suffix: string) => new RegExp(`-${suffix}(?![0-9])`, 'g');

/** `text` with every name of unit `from` renamed for unit `to`. */
export function renameUnit(text: string, from: string, to: string): string {
  return text.replace(unitPattern(from), `-${to}`);
}

/** A JSON value with every name of unit `from` renamed for unit `to`. */
export function renamedForUnit<T>(value: T, from: string, to: string): T {
  return JSON.parse(renameUnit(JSON.stringify(value), from, to)) as T;
}

/** A copy of `object` for another unit: every occurrence of the unit suffix replaced, server-set fields dropped. */
export function copyForUnit(object: KubeObject, fromSuffix: string, toSuffix: string): KubeObject {
  const copy = renamedForUnit(object, fromSuffix, toSuffix);
  for (const key of SERVER_SET) delete copy.metadata[key];
  delete copy.status;
  // Cluster-allocated values would collide; the API server allocates new ones.
  if (copy.kind === 'Service' && copy.apiVersion === 'v1' && copy.spec) {
    delete copy.spec.clusterIP;
    delete copy.spec.clusterIPs;
    for (const port of copy.spec.ports ?? []) delete port.nodePort;
  }
  return copy;
}

/** The Kubernetes objects of one unit: those whose JSON names one of its services. */
export interface UnitObjects {
  readonly suffix: string;
  readonly objects: readonly { readonly path: string; readonly object: KubeObject }[];
  /** The MinIO buckets of the unit, with their tags and objects (the folders the manager makes for paths). */
  readonly buckets: readonly { readonly name: string; readonly tags: Record<string, string>; readonly objects: readonly string[] }[];
}

/** Collects the objects and buckets of the given template units (one per shape, created by the manager). */
export async function templateObjects(plane: ControlPlane, units: readonly { suffix: string; services: readonly string[]; buckets: readonly string[] }[]):
  Promise<UnitObjects[]> {
  const types = await resourceTypes(plane);
  const all: { path: string; object: KubeObject; text: string }[] = [];
  for (const namespace of NAMESPACES) {
    for (const t of types) {
      const path = `${t.groupVersion}/namespaces/${namespace}/${t.plural}`;
      const res = await plane.apiServer.request('GET', path);
      if (res.status !== 200) continue;
      const list = res.json as ObjectList;
      for (const item of list.items ?? []) {
        const object = { apiVersion: list.apiVersion ?? t.groupVersion.replace(/^\/apis?\//, ''), kind: list.kind?.replace(/List$/, ''), ...item };
        all.push({ path, object, text: JSON.stringify(item) });
      }
    }
  }
  const s3 = s3Of(plane);
  const result: UnitObjects[] = [];
  for (const unit of units) {
    const names = unit.services.map((s) => new RegExp(`"${s}"|[/"]${s}[-/."]|\\b${s}\\b`));
    const objects = all.filter((o) => names.some((n) => n.test(o.text))).map(({ path, object }) => ({ path, object }));
    const buckets = [];
    for (const name of unit.buckets) {
      if (!(await s3.bucketExists(name))) continue;
      const tags = (await s3.getBucketTagging(name).catch(() => [])) as { Key: string; Value: string }[];
      const objects: string[] = [];
      for await (const o of s3.listObjectsV2(name, '', true)) if (o.name) objects.push(o.name);
      buckets.push({ name, objects, tags: Object.fromEntries(tags.map((t) => [t.Key, t.Value])) });
    }
    result.push({ suffix: unit.suffix, objects, buckets });
  }
  return result;
}

/** Creates a copy of a template unit as unit `toSuffix`: its Kubernetes objects, then its buckets. */
export async function cloneUnit(plane: ControlPlane, template: UnitObjects, toSuffix: string): Promise<void> {
  for (const { path, object } of template.objects) {
    const copy = copyForUnit(object, template.suffix, toSuffix);
    const res = await plane.apiServer.request('POST', path, copy);
    if (res.status !== 201) {
      throw new Error(`copying ${object.kind} ${String(object.metadata.name)} as unit ${toSuffix}: ${res.status} ${JSON.stringify(res.json)}`);
    }
  }
  const s3 = s3Of(plane);
  for (const bucket of template.buckets) {
    const rename = (text: string) => renameUnit(text, template.suffix, toSuffix);
    const name = rename(bucket.name);
    await s3.makeBucket(name);
    const tags = Object.fromEntries(Object.entries(bucket.tags).map(([k, v]) => [k, rename(v)]));
    if (Object.keys(tags).length) await s3.setBucketTagging(name, tags);
    for (const object of bucket.objects) {
      const data = await s3.getObject(bucket.name, object);
      const chunks: Buffer[] = [];
      for await (const chunk of data) chunks.push(chunk as Buffer);
      await s3.putObject(name, rename(object), Buffer.concat(chunks));
    }
  }
}
