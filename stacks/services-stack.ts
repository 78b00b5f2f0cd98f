import { Construct } from 'constructs';
import type { ClusterConnection } from '../src/cluster/connection';
import type { FdlLoadOptions } from '../src/fdl';
import {
  Annotations,
  KubernetesProvider,
  TerraformOutput,
  type TerraformResource,
  TerraformStack,
  TerraformVariable,
  Token,
} from '../src/private/cdktf';
import { ValidationError } from '../src/errors';
import { canonicalJson } from '../src/private/terraform-json';
import { OscarProvider } from '../src/providers/oscar/provider';
import { FdlServices } from '../src/services/fdl-services';
import { ImagePullSecret, type ImagePullSecretConfig } from '../src/services/image-pull-secret';
import { accountVariableName, imagePullSecretVariableName, secretVariableName } from '../src/services/secret-variables';
import { MINIMUM_TERRAFORM, OSCAR_PROVIDER } from '../src/versions';

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
  /** The OSCAR API the services go to: the props' endpoint, else a reference to the `oscar_endpoint` variable. */
  public readonly oscarEndpoint: string;

  constructor(scope: Construct, id: string, props: ServicesStackProps) {
    super(scope, id);
    const oscar = this.connection(props.oscar ?? {});
    this.oscarEndpoint = oscar.endpoint;
    if (!Token.isUnresolved(oscar.endpoint) && /\.svc(\.cluster\.local)?(:\d+)?(\/|$)/.test(oscar.endpoint)) {
      Annotations.of(this).addWarning(`ServicesStack '${id}': oscar.endpoint ${oscar.endpoint} answers only inside the cluster, `
        + 'and Terraform runs outside it. Fix: give the platform a host routed by its gateway, or set services.oscar.endpoint to an address '
        + 'you reach (for example http://localhost:8080 with kubectl port-forward -n oscar svc/oscar 8080).');
    }
    // Bindings generated from a local build carry no version, and `cdktf deploy` requires one.
    this.addOverride('terraform.required_providers.oscar', { ...OSCAR_PROVIDER });
    // Write-only attributes and ephemeral variables: an older CLI stops here, naming the version.
    this.addOverride('terraform.required_version', MINIMUM_TERRAFORM);
    new OscarProvider(this, 'oscar', {
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
    const secretsOf = new Map<string, string[]>();
    this.services = new FdlServices(this, 'Services', {
      ...props,
      endpoint: oscar.endpoint,
      secretValue: (service, { path, settings }, source) => {
        const variable = path[0] === 'environment' ? {
          name: secretVariableName(service, path[2]),
          what: `secret ${path[2]} of service ${service} (${source})`,
          description: `Value of secret ${path[2]} of OSCAR service ${service}`,
        } : {
          // An account several services (or files) use has one variable, so its settings must agree.
          name: accountVariableName(path),
          what: `${path.slice(0, -1).join('.')} (service ${service}, ${source})`,
          description: `${path.at(-1)} of ${path.slice(0, -1).join('.')} in the FDL files`,
          account: canonicalJson(settings),
        };
        secretsOf.set(service, [...secretsOf.get(service) ?? [], variable.name]);
        return this.secretVariable(variable);
      },
    });
    for (const [service, names] of secretsOf) requireValues(this.services.services.get(service)!.resource, names);
    this.addImagePullSecrets(props);
    // One output for every service: OpenTofu copies the module's state for each output it evaluates,
    // so an output per service made a plan's cost grow with the square of the number of services.
    new TerraformOutput(this, 'service_urls', {
      value: Object.fromEntries([...this.services.services.values()].map((service) => [service.name,
        { run: service.runUrl, job: service.jobUrl, ...(service.exposedUrl ? { exposed: service.exposedUrl } : {}) }])),
      description: 'Invoke URLs of each OSCAR service, by service name (`run`, `job`, and `exposed` for exposed services)',
    });
  }

  /** Variables handed out, by name: what each gives, and the account settings of a shared one. */
  private readonly secretVariables = new Map<string, { readonly what: string; readonly account?: string; readonly value: string }>();

  /**
   * A sensitive, ephemeral variable (kept out of plan files as well as the state) for a secret value.
   * `what` names it for the error when another secret maps to the same variable; an `account` (the
   * settings of a storage provider or cluster) shares it with every use of equal settings.
   */
  private secretVariable(v: { readonly name: string; readonly what: string; readonly description: string; readonly account?: string }): string {
    const other = this.secretVariables.get(v.name);
    if (other !== undefined && v.account !== undefined && other.account === v.account) return other.value;
    if (other !== undefined) {
      const why = v.account !== undefined && other.account !== undefined ? 'have different settings but' : 'and';
      throw new ValidationError(this, 'fdl', `${v.what} ${why} ${other.what} would both be set by TF_VAR_${v.name} (variable names keep only `
        + 'letters, digits and _, so a shell can set them)',
      v.account !== undefined ? 'give one of the two another id' : 'rename one of the two keys or services');
    }
    // Null by default, so a destroy needs no secret; a create or update without one stops at the
    // resource's precondition (see requireValues), which Terraform does not evaluate for a destroy.
    const variable = new TerraformVariable(this, v.name, { type: 'string', sensitive: true, nullable: true, description: v.description });
    variable.addOverride('ephemeral', true);
    variable.addOverride('default', null); // (cdktf cannot write a null default from the config)
    this.secretVariables.set(v.name, { what: v.what, account: v.account, value: variable.stringValue });
    return variable.stringValue;
  }

  private connection(given: Partial<OscarConnection>): OscarConnection {
    // Unset ("") reaches the provider as null, so it falls back to its OSCAR_* environment variables.
    // (Written as an expression: cdktf's Op.eq renders an empty-string operand as `undefined`.)
    // Credentials are ephemeral: a plan file keeps the value of every other variable.
    const variable = (name: string, description: string, sensitive = false) => {
      const v = new TerraformVariable(this, name, { type: 'string', default: '', sensitive, description });
      if (sensitive) v.addOverride('ephemeral', true);
      return `\${var.${name} == "" ? null : var.${name}}`;
    };
    const basicAuth = given.password !== undefined;
    const bearer = given.token !== undefined || given.refreshToken !== undefined || given.tokenFile !== undefined;
    const oidc = (name: string, description: string, sensitive = false) => (basicAuth ? undefined : variable(name, description, sensitive));
    return {
      endpoint: given.endpoint ?? new TerraformVariable(this, 'oscar_endpoint',
        { type: 'string', description: 'URL of the OSCAR API (TF_VAR_oscar_endpoint)' }).stringValue,
      username: given.username ?? (bearer ? undefined : variable('oscar_username', 'OSCAR basic-auth user (TF_VAR_oscar_username); leave unset with a token')),
      password: given.password ?? (bearer ? undefined : variable('oscar_password', 'OSCAR basic-auth password (TF_VAR_oscar_password)', true)),
      token: given.token ?? oidc('oscar_token', 'OIDC access token for OSCAR (TF_VAR_oscar_token), used as it is', true),
      refreshToken: given.refreshToken ?? oidc('oscar_refresh_token',
        'OIDC refresh token for OSCAR (TF_VAR_oscar_refresh_token): access tokens are minted and renewed from it', true),
      clientId: given.clientId ?? oidc('oscar_client_id', 'OIDC client of the refresh token (TF_VAR_oscar_client_id); default: its azp claim'),
      clientSecret: given.clientSecret ?? oidc('oscar_client_secret', 'Secret of a confidential OIDC client (TF_VAR_oscar_client_secret)', true),
      issuer: given.issuer ?? oidc('oscar_issuer', 'OIDC issuer URL (TF_VAR_oscar_issuer); default: the refresh token\'s iss claim'),
      tokenFile: given.tokenFile ?? oidc('oscar_token_file', 'File holding the current OIDC access token (TF_VAR_oscar_token_file)'),
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
    for (const secret of props.imagePullSecrets) {
      const name = imagePullSecretVariableName(secret.name);
      const password = this.secretVariable({ name, what: `image pull secret ${secret.name}`,
        description: `Password of registry ${secret.server} for image pull secret ${secret.name}` });
      requireValues(new ImagePullSecret(this, `ImagePullSecret-${secret.name}`, { ...secret, password }).resource, [name]);
    }
  }
}

/** Makes a resource's create or update stop, naming the variable, when one of its secret variables is unset. */
function requireValues(resource: TerraformResource, variables: readonly string[]): void {
  resource.addOverride('lifecycle.precondition', variables.map((name) => ({
    condition: `\${var.${name} != null}`,
    error_message: `No value for TF_VAR_${name}: set it (export TF_VAR_${name}=…) and run again.`,
  })));
}
