import { Construct } from 'constructs';
import {
  type FdlLoadOptions, findFdlFiles, formatDiagnostic, type LoadedService, loadFdlFilesOrThrow, type SecretField, secretFieldsOf, type SecretPath, Severity,
} from '../fdl';
import { ValidationError } from '../errors';
import { Annotations } from '../private/cdktf';
import { withoutCreationStacks } from '../private/creation-stacks';
import { Bucket } from '../providers/oscar/bucket';
import { BucketRole, bucketsOf, sharedBuckets } from './buckets';
import { OscarService, type OscarServiceOptions } from './oscar-service';

/** Props of {@link FdlServices}. */
export interface FdlServicesProps extends Pick<OscarServiceOptions, 'preventDestroy' | 'endpoint'>, FdlLoadOptions {
  /** FDL files, or folders searched for `.yaml`/`.yml` files. */
  readonly fdl: readonly string[];
  /**
   * Only take the services an FDL file lists under this cluster id (the key in `functions.oscar`).
   * @default - every service in the files
   */
  readonly clusterId?: string;
  /**
   * The value of one of a service's credentials (see {@link OscarServiceOptions.secretValue}):
   * typically a sensitive Terraform variable. `field` is the credential with the value and settings the
   * file gives; `source` is where the service is defined (`file:line`), for errors.
   * @default - the values written in the FDL file
   */
  readonly secretValue?: (service: string, field: SecretField, source: string) => string | undefined;
}

/**
 * Every service of a set of FDL files, as OSCAR services. The files are loaded and validated first:
 * any error fails synth with its file, line, field and fix, so nothing reaches a cluster from a file
 * that does not validate. A bucket used by several services becomes one `oscar_bucket` the services
 * are created after (the manager refuses to create a service whose bucket exists), and so does a bucket
 * that is only mounted (the manager would leave it behind on delete).
 */
export class FdlServices extends Construct {
  /** The services, in file order, by name. */
  public readonly services: ReadonlyMap<string, OscarService>;
  /** The loaded FDL services (after the cluster-id filter). */
  public readonly loaded: readonly LoadedService[];
  /**
   * The `oscar_bucket` of each bucket declared on its own, by name: buckets several services share,
   * and buckets only mounted (which the manager creates but never deletes).
   */
  public readonly declaredBuckets: ReadonlyMap<string, Bucket>;

  constructor(scope: Construct, id: string, props: FdlServicesProps) {
    super(scope, id);
    const files = findFdlFiles(props.fdl);
    if (files.length === 0) {
      throw new ValidationError(this, 'fdl', `no FDL files found in ${props.fdl.join(', ')}`, 'give FDL files, or folders holding .yaml files');
    }
    const { services, diagnostics } = loadFdlFilesOrThrow(files, props);
    for (const d of diagnostics) if (d.severity === Severity.WARNING) Annotations.of(this).addWarning(formatDiagnostic(d));
    this.loaded = props.clusterId === undefined ? services : services.filter((s) => s.clusterId === props.clusterId);
    if (this.loaded.length === 0) {
      const ids = [...new Set(services.map((s) => s.clusterId))].join(', ');
      throw new ValidationError(this, 'clusterId', `no service is listed under '${props.clusterId}' in ${files.join(', ')}`, `use one of ${ids}`);
    }

    const buckets = new Map<string, Bucket>();
    const declare = (bucket: string) => buckets.set(bucket, withoutCreationStacks(() => new Bucket(this, `Bucket-${bucket}`, {
      name: bucket,
      lifecycle: props.preventDestroy ? { preventDestroy: true } : undefined,
    })));
    // Each service's buckets, worked out once: the checks below visit them several times.
    const uses = this.loaded.map((service) => ({ service, spec: service.spec, buckets: bucketsOf(service.spec) }));
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
    this.declaredBuckets = buckets;

    const byName = new Map<string, OscarService>();
    for (const { service, spec, buckets: used } of uses) {
      // Typically references to Terraform variables: tokens made per service, like the binding's.
      const secretValues = withoutCreationStacks(() => new Map(secretFieldsOf(spec).flatMap((field) => {
        const value = props.secretValue?.(spec.name, field, `${service.file}:${service.position.line}`);
        return value === undefined ? [] : [[secretKey(field.path), value]];
      })));
      if (byName.has(spec.name)) {
        const first = this.loaded.find((s) => s.spec.name === spec.name)!;
        throw new ValidationError(this, 'clusterId',
          `service '${spec.name}' is defined for cluster '${first.clusterId}' at ${first.file}:${first.position.line} and for cluster `
          + `'${service.clusterId}' at ${service.file}:${service.position.line}; one OSCAR cluster cannot hold both`,
          'set clusterId to the cluster this stack deploys to');
      }
      const dependsOn = used.map((b) => buckets.get(b.bucket)).filter((b): b is Bucket => b !== undefined);
      byName.set(spec.name, new OscarService(this, spec.name, {
        spec,
        source: `${service.file}:${service.position.line}`,
        secretValue: (path) => secretValues.get(secretKey(path)),
        preventDestroy: props.preventDestroy,
        endpoint: props.endpoint,
        dependsOn,
      }));
    }
    this.services = byName;
  }
}

/** A credential's path as one map key. */
function secretKey(path: SecretPath): string {
  return JSON.stringify(path);
}
