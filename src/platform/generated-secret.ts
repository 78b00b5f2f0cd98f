import { Construct } from 'constructs';
import { Fn, TerraformResource, Token } from '../private/cdktf';

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
  readonly resource: TerraformResource;
  /** The secret (a sensitive Terraform reference). */
  readonly value: string;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    // A plain `terraform_data` resource, not cdktf's DataResource: that class makes every synth run
    // `terraform version` to check for Terraform >= 1.4, which fails where only OpenTofu is installed.
    this.resource = new TerraformResource(this, 'Resource', {
      terraformResourceType: 'terraform_data',
      lifecycle: { ignoreChanges: ['input'] },
    });
    this.resource.addOverride('input', { value: Fn.sensitive(Fn.replace(Fn.uuid(), '-', '')) });
    this.value = Token.asString(this.resource.interpolationForAttribute('output["value"]'));
  }
}
