import { Construct } from 'constructs';
import type { ClusterConnection } from '../cluster/connection';
import type { FdlLoadOptions, LoadedService } from '../fdl';
import {
  Annotations,
  KubernetesProvider,
  TerraformOutput,
  type TerraformResource,
  TerraformStack,
  TerraformVariable,
  Token,
} from '../private/cdktf';
import { fromOption, ValidationError } from '../errors';
import { canonicalJson } from '../private/terraform-json';
import { OscarProvider } from '../providers/oscar/provider';
import { type FdlCluster, FdlServices } from '../services/fdl-services';
import type { OscarService } from '../services/oscar-service';
import { ImagePullSecret, type ImagePullSecretConfig } from '../services/image-pull-secret';
import { accountVariableName, imagePullSecretVariableName, oscarVariableName, secretVariableName } from '../services/secret-variables';
import { MINIMUM_TERRAFORM, OSCAR_PROVIDER } from '../versions';

/** How the services stack reaches the OSCAR manager. Values may be Terraform tokens. */
export interface OscarConnection {
  /** URL of the OSCAR API, for example `https://oscar.example.org`. */
  readonly endpoint: string;
  /**
   * Basic-auth user.
   * @default - none (use `token`)
   */
  readonly username?: string;
  /**
   * Basic-auth password (sensitive).
   * @default - none (use `token`)
   */
  readonly password?: string;
  /**
   * OIDC access token (sensitive), used as it is: it expires within the hour, so for unattended runs
   * use `refreshToken` or `tokenFile`.
   * @default - none
   */
  readonly token?: string;
  /**
   * OIDC refresh token (sensitive), as AI4OS clusters need for CI: the provider mints and renews
   * access tokens from it.
   * @default - none
   */
  readonly refreshToken?: string;
  /**
   * OIDC client the refresh token was issued to.
   * @default - the refresh token's `azp` claim (Keycloak's refresh tokens are JWTs)
   */
  readonly clientId?: string;
  /**
   * Secret of a confidential OIDC client (sensitive).
   * @default - none (a public client)
   */
  readonly clientSecret?: string;
  /**
   * OIDC issuer URL, whose discovery document names the token endpoint.
   * @default - the refresh token's `iss` claim
   */
  readonly issuer?: string;
  /**
   * File holding the current OIDC access token, kept current by another program (oidc-agent).
   * @default - none
   */
  readonly tokenFile?: string;
}

/** Props of {@link ServicesStack}. */
export interface ServicesStackProps extends FdlLoadOptions {
  /** FDL files, or folders searched for `.yaml`/`.yml` files. */
  readonly fdl: readonly string[];
  /**
   * Only take the services an FDL file lists under this cluster id.
   * @default - every service in the files
   */
  readonly clusterId?: string;
  /**
   * The OSCAR manager to deploy to (the platform stack's outputs, or an existing cluster's). Each
   * setting left out comes from a Terraform variable: `oscar_endpoint`, `oscar_username`, the
   * sensitive `oscar_password`, and for OIDC the sensitive `oscar_token`, `oscar_refresh_token` and
   * `oscar_client_secret`, and `oscar_client_id`, `oscar_issuer`, `oscar_token_file` (set them with
   * `TF_VAR_oscar_refresh_token=…`); a given password leaves the OIDC settings out, and a given OIDC
   * credential the basic-auth ones.
   * @default - every setting from its variable
   */
  readonly oscar?: Partial<OscarConnection>;
  /**
   * Several OSCAR clusters, by FDL cluster id (the keys of `functions.oscar`): each service goes to the
   * cluster its id names, through an `oscar` provider aliased by the id, in one plan. Each setting
   * left out comes from a variable named after the id: `oscar__<id>__endpoint`, `oscar__<id>__username`,
   * the sensitive `oscar__<id>__password`, and so on (the id made a shell name, `-` becoming `_`).
   * Not with `oscar` or `clusterId`; ids are letters, digits, `_` and `-`, starting with a letter.
   * @default - one cluster (`oscar`)
   */
  readonly clusters?: Readonly<Record<string, Partial<OscarConnection>>>;
  /**
   * Keep Terraform from destroying any service or shared bucket (`prevent_destroy`): deleting a
   * service deletes its buckets and their objects.
   * @default false
   */
  readonly preventDestroy?: boolean;
  /**
   * Image pull secrets to create in the services namespace; each password comes from the sensitive
   * variable `image_pull_secret_<name>` (`TF_VAR_image_pull_secret_<name>`). Needs `cluster`.
   * @default - none
   */
  readonly imagePullSecrets?: readonly ImagePullSecretConfig[];
  /**
   * The Kubernetes cluster running OSCAR, for the image pull secrets.
   * @default - none (no Kubernetes provider is configured)
   */
  readonly cluster?: ClusterConnection;
}

/**
 * The services layer: every service of the FDL files as an `oscar_service` of the project's OSCAR
 * provider. FDL files are loaded and validated at synth time (an error fails `cdktf synth` with its
 * file, line and fix). Credentials and secret environment values never reach `cdk.tf.json`, plan
 * files or the state: they come from sensitive, ephemeral variables (a secret's is `<service>__<KEY>`
 * made a shell name, e.g. `TF_VAR_cowsay_secret__COWSAY_SECRET`) and go to write-only attributes, which
 * need Terraform or OpenTofu 1.11 or later.
 */
export class ServicesStack extends TerraformStack {
  /** The services this stack manages. */
  public readonly services: FdlServices;
  /**
   * The OSCAR API the services go to: the props' endpoint, else a reference to the `oscar_endpoint`
   * variable; undefined with `clusters` (see `oscarEndpoints`).
   */
  public readonly oscarEndpoint?: string;
  /** The OSCAR API of each cluster, by cluster id (with `clusters`; else empty). */
  public readonly oscarEndpoints: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: ServicesStackProps) {
    super(scope, id);
    // Bindings generated from a local build carry no version, and `cdktf deploy` requires one.
    this.addOverride('terraform.required_providers.oscar', { ...OSCAR_PROVIDER });
    // Write-only attributes and ephemeral variables: an older CLI stops here, naming the version.
    this.addOverride('terraform.required_version', MINIMUM_TERRAFORM);
    let clusters: Record<string, FdlCluster> | undefined;
    if (props.clusters === undefined) {
      const oscar = this.oscarProvider(props.oscar ?? {});
      this.oscarEndpoint = oscar.endpoint;
      this.oscarEndpoints = {};
    } else {
      if (props.oscar !== undefined || props.clusterId !== undefined) {
        throw new ValidationError(this, 'clusters', `cannot be given with ${props.oscar !== undefined ? 'oscar' : 'clusterId'}`,
          'name every OSCAR under clusters, by the cluster id its services are listed under');
      }
      if (Object.keys(props.clusters).length === 0) throw new ValidationError(this, 'clusters', 'names no cluster', 'give at least one, by cluster id');
      clusters = {};
      for (const [clusterId, given] of Object.entries(props.clusters)) {
        if (!CLUSTER_ID.test(clusterId)) {
          throw new ValidationError(this, `clusters.${clusterId}`, `'${clusterId}' cannot name a provider alias`,
            'use letters, digits, _ and -, starting with a letter (as in the FDL files\' functions.oscar keys)');
        }
        clusters[clusterId] = this.oscarProvider(given, clusterId);
      }
      this.oscarEndpoints = Object.fromEntries(Object.entries(clusters).map(([clusterId, c]) => [clusterId, c.endpoint!]));
    }
    const secretsOf = new Map<LoadedService, string[]>();
    this.services = new FdlServices(this, 'Services', {
      ...props,
      endpoint: this.oscarEndpoint,
      clusters,
      secretValue: (service, { path, settings }) => {
        const [name, source] = [service.spec.name, `${service.file}:${service.position.line}`];
        const variable = path[0] === 'environment' ? {
          name: secretVariableName(name, path[2]),
          what: `secret ${path[2]} of service ${name} (${source})`,
          description: `Value of secret ${path[2]} of OSCAR service ${name}`,
          // The same service on several clusters takes the same value.
          shared: { by: canonicalJson([name, path[2]]) },
        } : {
          // An account several services (or files) use has one variable, so its settings must agree.
          name: accountVariableName(path),
          what: `${path.slice(0, -1).join('.')} (service ${name}, ${source})`,
          description: `${path.at(-1)} of ${path.slice(0, -1).join('.')} in the FDL files`,
          shared: { by: canonicalJson(settings), settings: true },
        };
        secretsOf.set(service, [...secretsOf.get(service) ?? [], variable.name]);
        return this.secretVariable(variable);
      },
    });
    for (const [service, names] of secretsOf) requireValues(this.services.serviceOf(service).resource, names);
    this.addImagePullSecrets(props);
    // One output for every service: OpenTofu copies the module's state for each output it evaluates,
    // so an output per service made a plan's cost grow with the square of the number of services.
    const urls = (service: OscarService) => ({ run: service.runUrl, job: service.jobUrl, ...(service.exposedUrl ? { exposed: service.exposedUrl } : {}) });
    new TerraformOutput(this, 'service_urls', {
      value: clusters === undefined
        ? Object.fromEntries([...this.services.services.values()].map((service) => [service.name, urls(service)]))
        : Object.fromEntries(Object.keys(clusters).map((clusterId) => [clusterId, Object.fromEntries(this.services.loaded
          .filter((s) => s.clusterId === clusterId).map((s) => [s.spec.name, urls(this.services.serviceOf(s))]))])),
      description: clusters === undefined ? 'Invoke URLs of each OSCAR service, by service name (`run`, `job`, and `exposed` for exposed services)'
        : 'Invoke URLs of each OSCAR service, by cluster id and service name (`run`, `job`, and `exposed` for exposed services)',
    });
  }

  /**
   * The `oscar` provider of one OSCAR (aliased by its cluster id when there are several), with every
   * setting not given read from a variable.
   */
  private oscarProvider(given: Partial<OscarConnection>, clusterId?: string): FdlCluster {
    const oscar = this.connection(given, clusterId);
    const where = clusterId === undefined ? 'oscar.endpoint' : `clusters.${clusterId}.endpoint`;
    if (!Token.isUnresolved(oscar.endpoint) && /\.svc(\.cluster\.local)?(:\d+)?(\/|$)/.test(oscar.endpoint)) {
      Annotations.of(this).addWarning(`ServicesStack '${this.node.id}': ${where} ${oscar.endpoint} answers only inside the cluster, `
        + `and Terraform runs outside it. Fix: give the platform a host routed by its gateway, or set services.${where} to an address `
        + 'you reach (for example http://localhost:8080 with kubectl port-forward -n oscar svc/oscar 8080).');
    }
    const provider = new OscarProvider(this, clusterId === undefined ? 'oscar' : `oscar-${clusterId}`, {
      alias: clusterId,
      clusterId,
      endpoint: oscar.endpoint,
      username: oscar.username,
      password: oscar.password,
      token: oscar.token,
      refreshToken: oscar.refreshToken,
      clientId: oscar.clientId,
      clientSecret: oscar.clientSecret,
      issuer: oscar.issuer,
      tokenFile: oscar.tokenFile,
    });
    return { provider, endpoint: oscar.endpoint };
  }

  /** Variables handed out, by name: what each gives, and what shares a shared one. */
  private readonly secretVariables = new Map<string, { readonly what: string; readonly sharedBy?: string; readonly value: string }>();

  /**
   * A sensitive, ephemeral variable (kept out of plan files as well as the state) for a secret value.
   * `what` names it for the error when another secret maps to the same variable; a `shared` one is
   * handed out again for every use with the same `by` (an account's settings, a service's key).
   */
  private secretVariable(v: { readonly name: string; readonly what: string; readonly description: string;
    readonly shared?: { readonly by: string; readonly settings?: boolean } }): string {
    const other = this.secretVariables.get(v.name);
    if (other !== undefined && v.shared !== undefined && other.sharedBy === v.shared.by) return other.value;
    if (other !== undefined) {
      const why = v.shared?.settings && other.sharedBy !== undefined ? 'have different settings but' : 'and';
      throw new ValidationError(this, 'fdl', `${v.what} ${why} ${other.what} would both be set by TF_VAR_${v.name} (variable names keep only `
        + 'letters, digits and _, so a shell can set them)',
      v.shared?.settings ? 'give one of the two another id' : 'rename one of the two keys or services');
    }
    // Null by default, so a destroy needs no secret; a create or update without one stops at the
    // resource's precondition (see requireValues), which Terraform does not evaluate for a destroy.
    const variable = new TerraformVariable(this, v.name, { type: 'string', sensitive: true, nullable: true, description: v.description });
    variable.addOverride('ephemeral', true);
    variable.addOverride('default', null); // (cdktf cannot write a null default from the config)
    this.secretVariables.set(v.name, { what: v.what, sharedBy: v.shared?.by, value: variable.stringValue });
    return variable.stringValue;
  }

  private connection(given: Partial<OscarConnection>, clusterId?: string): OscarConnection {
    // One OSCAR: oscar_<setting>; several: oscar__<cluster id>__<setting>, a shell name.
    const named = (setting: string) => (clusterId === undefined ? `oscar_${setting}` : oscarVariableName(clusterId, setting));
    const of = clusterId === undefined ? '' : ` of cluster ${clusterId}`;
    // Unset ("") reaches the provider as null, so it falls back to its OSCAR_* environment variables.
    // (Written as an expression: cdktf's Op.eq renders an empty-string operand as `undefined`.)
    // Credentials are ephemeral: a plan file keeps the value of every other variable.
    const variable = (setting: string, description: string, sensitive = false) => {
      const name = named(setting);
      const v = new TerraformVariable(this, name, { type: 'string', default: '', sensitive, description: `${description}${of} (TF_VAR_${name})` });
      if (sensitive) v.addOverride('ephemeral', true);
      return `\${var.${name} == "" ? null : var.${name}}`;
    };
    const basicAuth = given.password !== undefined;
    const bearer = given.token !== undefined || given.refreshToken !== undefined || given.tokenFile !== undefined;
    const oidc = (setting: string, description: string, sensitive = false) => (basicAuth ? undefined : variable(setting, description, sensitive));
    return {
      endpoint: given.endpoint ?? new TerraformVariable(this, named('endpoint'),
        { type: 'string', description: `URL of the OSCAR API${of} (TF_VAR_${named('endpoint')})` }).stringValue,
      username: given.username ?? (bearer ? undefined : variable('username', 'OSCAR basic-auth user; leave unset with a token')),
      password: given.password ?? (bearer ? undefined : variable('password', 'OSCAR basic-auth password', true)),
      token: given.token ?? oidc('token', 'OIDC access token for OSCAR, used as it is', true),
      refreshToken: given.refreshToken ?? oidc('refresh_token', 'OIDC refresh token for OSCAR: access tokens are minted and renewed from it', true),
      clientId: given.clientId ?? oidc('client_id', 'OIDC client of the refresh token; default: its azp claim'),
      clientSecret: given.clientSecret ?? oidc('client_secret', 'Secret of a confidential OIDC client', true),
      issuer: given.issuer ?? oidc('issuer', 'OIDC issuer URL; default: the refresh token\'s iss claim'),
      tokenFile: given.tokenFile ?? oidc('token_file', 'File holding the current OIDC access token'),
    };
  }

  private addImagePullSecrets(props: ServicesStackProps): void {
    if (!props.imagePullSecrets?.length) return;
    if (!props.cluster) {
      throw new ValidationError(this, 'cluster', 'is required to create imagePullSecrets',
        'pass the cluster connection (the platform stack\'s cluster) or create the secrets another way');
    }
    const { exec, ...server } = props.cluster.kubernetesProviderSettings();
    new KubernetesProvider(this, 'kubernetes', { ...server, exec: exec && [exec] });
    props.imagePullSecrets.forEach((secret, i) => {
      const name = imagePullSecretVariableName(secret.name);
      const password = this.secretVariable({ name, what: `image pull secret ${secret.name}`,
        description: `Password of registry ${secret.server} for image pull secret ${secret.name}` });
      const pullSecret = fromOption(`imagePullSecrets[${i}]`,
        () => new ImagePullSecret(this, `ImagePullSecret-${secret.name}`, { ...secret, password }), ['password']);
      requireValues(pullSecret.resource, [name]);
    });
  }
}

/** Ids of the clusters a stack reaches: names of provider aliases (HCL identifiers). */
const CLUSTER_ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** Makes a resource's create or update stop, naming the variable, when one of its secret variables is unset. */
function requireValues(resource: TerraformResource, variables: readonly string[]): void {
  resource.addOverride('lifecycle.precondition', variables.map((name) => ({
    condition: `\${var.${name} != null}`,
    error_message: `No value for TF_VAR_${name}: set it (export TF_VAR_${name}=…) and run again.`,
  })));
}
