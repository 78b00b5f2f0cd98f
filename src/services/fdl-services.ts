import { Construct } from 'constructs';
import {
  type FdlLoadOptions, findFdlFiles, formatDiagnostic, type LoadedService, loadFdlFilesOrThrow, type SecretField, secretFieldsOf, type SecretPath, Severity,
} from '../fdl';
import { ValidationError } from '../errors';
import { Annotations, type TerraformProvider } from '../private/cdktf';
import { withoutCreationStacks } from '../private/creation-stacks';
import { Bucket } from '../providers/oscar/bucket';
import { BucketRole, bucketsOf, sharedBuckets } from './buckets';
import { OscarService, type OscarServiceOptions } from './oscar-service';

/** One OSCAR cluster a set of FDL files deploys to, for {@link FdlServicesProps.clusters}. */
export interface FdlCluster {
  /** The `oscar` provider (an alias) that reaches it. */
  readonly provider: TerraformProvider;
  /**
   * Its endpoint, for the invoke URLs.
   * @default - the URLs are paths relative to the endpoint
   */
  readonly endpoint?: string;
}

/** Props of {@link FdlServices}. */
export interface FdlServicesProps extends Pick<OscarServiceOptions, 'preventDestroy' | 'endpoint'>, FdlLoadOptions {
  /** FDL files, or folders searched for `.yaml`/`.yml` files. */
  readonly fdl: readonly string[];
  /**
   * Only take the services an FDL file lists under this cluster id (the key in `functions.oscar`).
   * Not with `clusters`.
   * @default - every service in the files
   */
  readonly clusterId?: string;
  /**
   * The OSCAR clusters the services go to, by FDL cluster id: each service goes to the cluster its id
   * names, through that cluster's provider, and a service whose id has none fails synth at its file and
   * line. The resources of each cluster are under a construct named by its id.
   * @default - one cluster, the stack's default `oscar` provider
   */
  readonly clusters?: Readonly<Record<string, FdlCluster>>;
  /**
   * The value of one of a service's credentials (see {@link OscarServiceOptions.secretValue}):
   * typically a sensitive Terraform variable. `field` is the credential with the value and settings the
   * file gives.
   * @default - the values written in the FDL file
   */
  readonly secretValue?: (service: LoadedService, field: SecretField) => string | undefined;
}

/**
 * Every service of a set of FDL files, as OSCAR services. The files are loaded and validated first:
 * any error fails synth with its file, line, field and fix, so nothing reaches a cluster from a file
 * that does not validate. A bucket used by several services becomes one `oscar_bucket` the services
 * are created after (the manager refuses to create a service whose bucket exists), and so does a bucket
 * that is only mounted (the manager would leave it behind on delete).
 */
export class FdlServices extends Construct {
  /** The services, in file order, by name (with `clusters`: by `<cluster id>/<name>`). */
  public readonly services: ReadonlyMap<string, OscarService>;
  /** The loaded FDL services (after the cluster-id filter). */
  public readonly loaded: readonly LoadedService[];
  /**
   * The `oscar_bucket` of each bucket declared on its own, by name (with `clusters`: by
   * `<cluster id>/<name>`): buckets several services share, and buckets only mounted (which the manager
   * creates but never deletes).
   */
  public readonly declaredBuckets: ReadonlyMap<string, Bucket>;
  private readonly byLoaded = new Map<LoadedService, OscarService>();

  constructor(scope: Construct, id: string, props: FdlServicesProps) {
    super(scope, id);
    const files = findFdlFiles(props.fdl);
    if (files.length === 0) {
      throw new ValidationError(this, 'fdl', `no FDL files found in ${props.fdl.join(', ')}`, 'give FDL files, or folders holding .yaml files');
    }
    if (props.clusters !== undefined && props.clusterId !== undefined) {
      throw new ValidationError(this, 'clusterId', 'cannot be given with clusters (which names every cluster the services go to)', 'remove clusterId');
    }
    const { services, diagnostics } = loadFdlFilesOrThrow(files, props);
    for (const d of diagnostics) if (d.severity === Severity.WARNING) Annotations.of(this).addWarning(formatDiagnostic(d));
    this.loaded = props.clusterId === undefined ? services : services.filter((s) => s.clusterId === props.clusterId);
    if (this.loaded.length === 0) {
      const ids = [...new Set(services.map((s) => s.clusterId))].join(', ');
      throw new ValidationError(this, 'clusterId', `no service is listed under '${props.clusterId}' in ${files.join(', ')}`, `use one of ${ids}`);
    }

    const byName = new Map<string, OscarService>();
    const buckets = new Map<string, Bucket>();
    if (props.clusters === undefined) {
      this.addCluster(this, this.loaded, props, {}, byName, buckets);
    } else {
      const clusters = props.clusters;
      const unknown = this.loaded.find((s) => !Object.hasOwn(clusters, s.clusterId));
      if (unknown) {
        throw new ValidationError(this, 'clusters', `service '${unknown.spec.name}' at ${unknown.file}:${unknown.position.line} is listed under `
          + `cluster id '${unknown.clusterId}', which no cluster has`, `add '${unknown.clusterId}' to the clusters, or list the service under one of `
          + `${Object.keys(clusters).join(', ')}`);
      }
      for (const [clusterId, cluster] of Object.entries(clusters)) {
        const loaded = this.loaded.filter((s) => s.clusterId === clusterId);
        if (loaded.length === 0) continue;
        const services = new Map<string, OscarService>();
        const declared = new Map<string, Bucket>();
        this.addCluster(new Construct(this, clusterId), loaded, props, cluster, services, declared);
        for (const [name, service] of services) byName.set(`${clusterId}/${name}`, service);
        for (const [name, bucket] of declared) buckets.set(`${clusterId}/${name}`, bucket);
      }
    }
    this.services = byName;
    this.declaredBuckets = buckets;
  }

  /** The OSCAR service made of a loaded FDL service. */
  public serviceOf(loaded: LoadedService): OscarService {
    const service = this.byLoaded.get(loaded);
    if (!service) throw new Error(`${this.node.path}: ${loaded.spec.name} (${loaded.file}) is not one of its services`);
    return service;
  }

  /** The buckets and services of one cluster, under `scope`. */
  private addCluster(scope: Construct, loaded: readonly LoadedService[], props: FdlServicesProps, cluster: Partial<FdlCluster>,
    byName: Map<string, OscarService>, buckets: Map<string, Bucket>): void {
    const declare = (bucket: string) => buckets.set(bucket, withoutCreationStacks(() => new Bucket(scope, `Bucket-${bucket}`, {
      name: bucket,
      provider: cluster.provider,
      lifecycle: props.preventDestroy ? { preventDestroy: true } : undefined,
    })));
    // Each service's buckets, worked out once: the checks below visit them several times.
    const uses = loaded.map((service) => ({ service, spec: service.spec, buckets: bucketsOf(service.spec) }));
    for (const [bucket, users] of sharedBuckets(uses.map((u) => u.spec))) {
      declare(bucket);
      const triggered = uses.filter((u) => u.buckets.some((b) => b.bucket === bucket && b.roles.includes(BucketRole.INPUT)));
      if (triggered.length > 0) {
        const names = triggered.map((u) => u.spec.name).join(', ');
        Annotations.of(this).addWarning(`bucket '${bucket}' is shared by ${users.join(', ')}, so it is declared once as an oscar_bucket. `
          + 'The OSCAR manager (v4.1.2) wires upload triggers only into buckets it creates with a service, '
          + `so uploads to the inputs of ${names} in this bucket will not start them (grycap/oscar#653 proposes the fix). `
          + 'Fix: give each triggered service an input bucket of its own, or invoke them with POST /job/<name>.');
      }
    }
    // The manager creates a mount's bucket but never deletes it: declared, so destroy removes it too.
    for (const u of uses) {
      for (const use of u.buckets) {
        if (use.roles.length === 1 && use.roles[0] === BucketRole.MOUNT && !buckets.has(use.bucket)) declare(use.bucket);
      }
    }

    for (const { service, spec, buckets: used } of uses) {
      // Typically references to Terraform variables: tokens made per service, like the binding's.
      const secretValues = withoutCreationStacks(() => new Map(secretFieldsOf(spec).flatMap((field) => {
        const value = props.secretValue?.(service, field);
        return value === undefined ? [] : [[secretKey(field.path), value]];
      })));
      if (byName.has(spec.name)) {
        const first = loaded.find((s) => s.spec.name === spec.name)!;
        throw new ValidationError(this, 'clusterId',
          `service '${spec.name}' is defined for cluster '${first.clusterId}' at ${first.file}:${first.position.line} and for cluster `
          + `'${service.clusterId}' at ${service.file}:${service.position.line}; one OSCAR cluster cannot hold both`,
          'set clusterId to the cluster this stack deploys to, or give each cluster id its own OSCAR (clusters)');
      }
      const dependsOn = used.map((b) => buckets.get(b.bucket)).filter((b): b is Bucket => b !== undefined);
      const resource = new OscarService(scope, spec.name, {
        spec,
        source: `${service.file}:${service.position.line}`,
        secretValue: (path) => secretValues.get(secretKey(path)),
        preventDestroy: props.preventDestroy,
        endpoint: cluster.endpoint ?? props.endpoint,
        provider: cluster.provider,
        dependsOn,
      });
      byName.set(spec.name, resource);
      this.byLoaded.set(service, resource);
    }
  }
}

/** A credential's path as one map key. */
function secretKey(path: SecretPath): string {
  return JSON.stringify(path);
}
