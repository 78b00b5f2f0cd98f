import { Construct } from 'constructs';
import { type ApiService, type OscarServiceSpec, type SecretPath, toApiJson } from '../fdl';
import { Annotations, type ITerraformDependable, type TerraformProvider } from '../private/cdktf';
import { withoutCreationStacks } from '../private/creation-stacks';
import { Service } from '../providers/oscar/service';
import { bucketsOf } from './buckets';
import { serviceBindingConfig } from './private/binding-config';

/** Options of an OSCAR service, for {@link OscarService} and {@link FdlServices}. */
export interface OscarServiceOptions {
  /**
   * Keep Terraform from destroying the service (`lifecycle.prevent_destroy`): deleting or replacing a
   * service makes the manager delete its input and output buckets with every object in them.
   * @default false
   */
  readonly preventDestroy?: boolean;
  /**
   * The value of each credential the definition holds (an `environment.secrets` entry, a storage
   * provider's keys or token, a `clusters` password; see `secretFieldsOf`), by where it sits: typically
   * a sensitive Terraform variable. `undefined` keeps the value written in the definition.
   * @default - the values written in the definition (validation warns about literal secrets)
   */
  readonly secretValue?: (path: SecretPath, literal: string) => string | undefined;
  /**
   * Resources the service is created after (for example the `oscar_bucket` of a bucket it shares).
   * @default - none
   */
  readonly dependsOn?: readonly ITerraformDependable[];
  /**
   * The OSCAR endpoint, for the invoke URLs.
   * @default - the URLs are paths relative to the endpoint
   */
  readonly endpoint?: string;
  /**
   * The `oscar` provider (an alias) of the OSCAR cluster the service goes to, when a stack reaches several.
   * @default - the stack's default `oscar` provider
   */
  readonly provider?: TerraformProvider;
}

/** Props of {@link OscarService}. */
export interface OscarServiceProps extends OscarServiceOptions {
  /**
   * The service: every field an FDL file can set, with `script` holding the script's content. A loaded
   * FDL service's `spec` fits as it is.
   */
  readonly spec: OscarServiceSpec;
  /**
   * Where the service was defined, for messages (`file:line`).
   * @default - the construct path
   */
  readonly source?: string;
}

/**
 * One OSCAR service, created, updated and deleted through the OSCAR API by the project's provider
 * (`oscar_service`). The definition sent is the canonical one (defaults explicit, paths as the manager
 * stores them), so a second plan is empty and a service removed behind Terraform's back is planned
 * back. The stack must configure the `oscar` provider.
 */
export class OscarService extends Construct {
  /** The service name. */
  public readonly name: string;
  /** The definition as the OSCAR API receives it. */
  public readonly definition: ApiService;
  /** URL (or path) of synchronous invocations, `POST /run/<name>`. */
  public readonly runUrl: string;
  /** URL (or path) of asynchronous invocations, `POST /job/<name>`. */
  public readonly jobUrl: string;
  /** URL (or path) of the exposed service, when `expose` is set. */
  public readonly exposedUrl?: string;
  /** The underlying `oscar_service` resource. */
  public readonly resource: Service;

  constructor(scope: Construct, id: string, props: OscarServiceProps) {
    super(scope, id);
    const { spec } = props;
    this.name = spec.name;
    this.definition = toApiJson(spec, { secretValue: (path, literal) => props.secretValue?.(path, literal) ?? literal });
    this.resource = withoutCreationStacks(() => new SetAttributesService(this, 'Resource', {
      ...serviceBindingConfig(this.definition),
      dependsOn: props.dependsOn ? [...props.dependsOn] : undefined,
      provider: props.provider,
      lifecycle: props.preventDestroy ? { preventDestroy: true } : undefined,
    }));
    const base = (props.endpoint ?? '').replace(/\/+$/, '');
    this.runUrl = `${base}/run/${spec.name}`;
    this.jobUrl = `${base}/job/${spec.name}`;
    if (spec.expose) this.exposedUrl = `${base}/system/services/${spec.name}/exposed/`;

    const buckets = bucketsOf(spec).map((b) => b.bucket);
    if (buckets.length > 0 && !props.preventDestroy) {
      withoutCreationStacks(() => Annotations.of(this).addWarning(
        `OSCAR service '${spec.name}' (${props.source ?? this.node.path}): destroying or replacing it (a rename replaces it) ` +
        `deletes bucket(s) ${buckets.join(', ')} and every object in them. Fix: set preventDestroy to keep Terraform from destroying it.`));
    }
  }

  /** The service's token (sensitive; the manager generates it). */
  public get token(): string {
    return this.resource.token;
  }
}

/**
 * The generated binding, synthesizing only the attributes that are set. The binding writes every
 * attribute of the schema, most of them undefined (32 of 56 keys for a typical service), and cdktf
 * walks them all, twice per synth, before it drops them.
 */
class SetAttributesService extends Service {
  protected synthesizeAttributes(): Record<string, unknown> {
    return withoutUndefined(super.synthesizeAttributes()) as Record<string, unknown>;
  }
}

/** `value` without undefined entries in its plain objects and arrays (tokens are left as they are). */
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => item !== undefined).map(withoutUndefined);
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) result[key] = withoutUndefined(item);
  return result;
}
