import { Construct } from 'constructs';
import type { ClusterConnection } from '../src/cluster/connection';
import type { FdlLoadOptions } from '../src/fdl';
import {
  Annotations,
  KubernetesProvider,
  TerraformOutput,
  TerraformStack,
  TerraformVariable,
  Token,
} from '../src/private/cdktf';
import { ValidationError } from '../src/errors';
import { OscarProvider } from '../src/providers/oscar/provider';
import { FdlServices } from '../src/services/fdl-services';
import { ImagePullSecret, type ImagePullSecretConfig } from '../src/services/image-pull-secret';
import { OSCAR_PROVIDER } from '../src/versions';

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
   * OIDC bearer token (sensitive), as AI4OS clusters use.
   * @default - none (use `username` and `password`)
   */
  readonly token?: string;
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
   * setting left out comes from a Terraform variable: `oscar_endpoint`, `oscar_username`, and the
   * sensitive `oscar_password` and `oscar_token` (set them with `TF_VAR_oscar_password=…`); a given
   * password or token leaves the other kind of credential out.
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
 * file, line and fix). Credentials and secret environment values never reach `cdk.tf.json`: they come
 * from sensitive variables (a secret's is `<service>__<KEY>`, e.g. `TF_VAR_cowsay-secret__COWSAY_SECRET`).
 */
export class ServicesStack extends TerraformStack {
  /** The services this stack manages. */
  public readonly services: FdlServices;

  constructor(scope: Construct, id: string, props: ServicesStackProps) {
    super(scope, id);
    const oscar = this.connection(props.oscar ?? {});
    if (!Token.isUnresolved(oscar.endpoint) && /\.svc(\.cluster\.local)?(:\d+)?(\/|$)/.test(oscar.endpoint)) {
      Annotations.of(this).addWarning(`ServicesStack '${id}': oscar.endpoint ${oscar.endpoint} answers only inside the cluster, `
        + 'and Terraform runs outside it. Fix: give the platform a host routed by its gateway, or set services.oscar.endpoint to an address '
        + 'you reach (for example http://localhost:8080 with kubectl port-forward -n oscar svc/oscar 8080).');
    }
    // Bindings generated from a local build carry no version, and `cdktf deploy` requires one.
    this.addOverride('terraform.required_providers.oscar', { ...OSCAR_PROVIDER });
    new OscarProvider(this, 'oscar', {
      endpoint: oscar.endpoint,
      username: oscar.username,
      password: oscar.password,
      token: oscar.token,
    });
    this.services = new FdlServices(this, 'Services', {
      ...props,
      endpoint: oscar.endpoint,
      secretValue: (service, key) => new TerraformVariable(this, `${service}__${key.replace(/[^A-Za-z0-9_-]/g, '_')}`, {
        type: 'string',
        sensitive: true,
        description: `Value of secret ${key} of OSCAR service ${service}`,
      }).stringValue,
    });
    this.addImagePullSecrets(props);
    for (const service of this.services.services.values()) {
      new TerraformOutput(this, `${service.name}_urls`, {
        value: { run: service.runUrl, job: service.jobUrl, ...(service.exposedUrl ? { exposed: service.exposedUrl } : {}) },
        description: `Invoke URLs of OSCAR service ${service.name}`,
      });
    }
  }

  private connection(given: Partial<OscarConnection>): OscarConnection {
    // Unset ("") reaches the provider as null, so it falls back to its OSCAR_* environment variables.
    // (Written as an expression: cdktf's Op.eq renders an empty-string operand as `undefined`.)
    const variable = (name: string, description: string, sensitive = false) => {
      new TerraformVariable(this, name, { type: 'string', default: '', sensitive, description });
      return `\${var.${name} == "" ? null : var.${name}}`;
    };
    const basicAuth = given.password !== undefined;
    const bearer = given.token !== undefined;
    return {
      endpoint: given.endpoint ?? new TerraformVariable(this, 'oscar_endpoint',
        { type: 'string', description: 'URL of the OSCAR API (TF_VAR_oscar_endpoint)' }).stringValue,
      username: given.username ?? (bearer ? undefined : variable('oscar_username', 'OSCAR basic-auth user (TF_VAR_oscar_username); leave unset with a token')),
      password: given.password ?? (bearer ? undefined : variable('oscar_password', 'OSCAR basic-auth password (TF_VAR_oscar_password)', true)),
      token: given.token ?? (basicAuth ? undefined : variable('oscar_token', 'OIDC bearer token for OSCAR (TF_VAR_oscar_token), instead of user and password',
        true)),
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
      const password = new TerraformVariable(this, `image_pull_secret_${secret.name.replace(/[^A-Za-z0-9_-]/g, '_')}`, {
        type: 'string',
        sensitive: true,
        description: `Password of registry ${secret.server} for image pull secret ${secret.name}`,
      });
      new ImagePullSecret(this, `ImagePullSecret-${secret.name}`, { ...secret, password: password.stringValue });
    }
  }
}
