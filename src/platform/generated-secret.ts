import { Construct } from 'constructs';
import { DataResource, Fn, Token } from '../private/cdktf';

/**
 * A secret generated once, when first applied, and kept in the Terraform state from then on: the
 * way `random_password` is used, with Terraform's built-in `terraform_data` resource instead of the
 * hashicorp/random provider. The value is `uuid()` without its dashes (32 hex characters, 122 bits
 * from a cryptographic source), marked sensitive; `ignore_changes` keeps the first value, so later
 * plans are empty. The synthesized configuration holds only the expression, never the secret.
 *
 * To rotate it: `tofu apply -replace=<address>` (or `terraform apply -replace=…`).
 */
export class GeneratedSecret extends Construct {
  /** The `terraform_data` resource holding the secret. */
  readonly resource: DataResource;
  /** The secret (a sensitive Terraform reference). */
  readonly value: string;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.resource = new DataResource(this, 'Resource', {
      input: { value: Fn.sensitive(Fn.replace(Fn.uuid(), '-', '')) },
      lifecycle: { ignoreChanges: ['input'] },
    });
    this.value = Token.asString(this.resource.output.lookup('value'));
  }
}
