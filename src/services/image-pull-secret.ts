import { Construct } from 'constructs';
import { Fn, SecretV1, Token } from '../private/cdktf';
import { ValidationError } from '../errors';
import { DNS_SUBDOMAIN } from '../private/kubernetes-names';

/** A registry credential OSCAR services name in `image_pull_secrets`. */
export interface ImagePullSecretOptions {
  /** Name of the Secret, as the services' `image_pull_secrets` list it. */
  readonly name: string;
  /** Registry host, for example `ghcr.io` or `registry.example.org:5000`. */
  readonly server: string;
  /** Registry user. */
  readonly username: string;
  /** Registry password or token: a sensitive value (a Terraform variable), never a literal in code. */
  readonly password: string;
  /**
   * Revision of the password: the Secret's data is write-only (never stored in the state), so the
   * kubernetes provider sends a new password only when this number grows. Bump it when the password changes.
   * @default 1
   */
  readonly revision?: number;
}

/** A registry credential without its password, as a deployment config names it (the password comes from a sensitive, ephemeral variable). */
export type ImagePullSecretConfig = Omit<ImagePullSecretOptions, 'password'>;

/** Props of {@link ImagePullSecret}. */
export interface ImagePullSecretProps extends ImagePullSecretOptions {
  /**
   * Namespace of the services.
   * @default 'oscar-svc'
   */
  readonly namespace?: string;
}

/**
 * A `kubernetes.io/dockerconfigjson` Secret in the services namespace, which OSCAR puts in the pods of
 * the services that name it. The stack must configure the `kubernetes` provider.
 */
export class ImagePullSecret extends Construct {
  /** The Secret. */
  public readonly resource: SecretV1;

  constructor(scope: Construct, id: string, props: ImagePullSecretProps) {
    super(scope, id);
    if (!Token.isUnresolved(props.name) && !DNS_SUBDOMAIN.test(props.name)) {
      throw new ValidationError(this, 'name', `'${props.name}' is not a valid Secret name`, `use ${DNS_SUBDOMAIN.description}`);
    }
    if (Token.isUnresolved(props.server)) {
      throw new ValidationError(this, 'server', 'is a Terraform token', 'give the registry host as a literal (it is a key of the Docker config)');
    }
    if (/^[a-z]+:\/\//.test(props.server)) {
      throw new ValidationError(this, 'server', `'${props.server}' has a scheme`, `give the registry host only, for example '${props.server.replace(/^[a-z]+:\/\//, '').replace(/\/.*$/, '')}'`);
    }
    const revision = props.revision ?? 1;
    if (!Number.isInteger(revision) || revision < 1) {
      throw new ValidationError(this, 'revision', `${revision} is not a whole number of at least 1`, 'start at 1 and add 1 each time the password changes');
    }
    if (!Token.isUnresolved(props.password)) {
      throw new ValidationError(this, 'password', 'is a literal string, which would be written to cdk.tf.json',
        'pass a sensitive TerraformVariable (its value comes from TF_VAR_… at deploy time)');
    }
    // format(), not a "${…}" template inside the call: cdktf warns about those on every synth.
    const auth = Fn.base64encode(Fn.format('%s:%s', [props.username, props.password]));
    // Built by Terraform (jsonencode), so the password never appears in the synthesized JSON; written
    // write-only (data_wo), so it never appears in a plan or the state either.
    const dockerConfig = Fn.jsonencode({ auths: { [props.server]: { username: props.username, password: props.password, auth } } });
    this.resource = new SecretV1(this, 'Resource', {
      metadata: { name: props.name, namespace: props.namespace ?? 'oscar-svc' },
      type: 'kubernetes.io/dockerconfigjson',
      dataWo: { '.dockerconfigjson': dockerConfig },
      dataWoRevision: revision,
    });
  }
}
