import { Construct } from 'constructs';
import * as fs from 'node:fs';
import { Fn, TerraformLocal, TerraformResource, TerraformStack, TerraformVariable, Token } from '../private/cdktf';
import { terraformBinaryName } from '../terraform-binary';

/** Props of {@link DeploymentGuard}. */
export interface DeploymentGuardProps {
  /** The deployment's name (the config's `name:`, or the one derived from its path). */
  readonly deployment: string;
  /**
   * The config file, named in the message.
   * @default - not named
   */
  readonly configFile?: string;
  /**
   * The OSCAR API the stack deploys services to (may be a Terraform expression): a state written for
   * another OSCAR is refused too, since its services' names would be sent to this one.
   * @default - none: the stack deploys no services
   */
  readonly oscarEndpoint?: string;
  /**
   * The Terraform binary the hint names.
   * @default - TERRAFORM_BINARY_NAME (as the cdktf CLI reads it; OSCAR_TERRAFORM_BINARY when that is
   * the package's `oscar-cdktf-terraform` wrapper), else 'terraform'
   */
  readonly terraformBinary?: string;
}

/** The deployment a state was written for, as its guard recorded it. */
export interface RecordedDeployment {
  readonly deployment?: string;
  readonly oscar?: string;
}

/**
 * Ties a stack's state to one deployment, so that a state written for another deployment (another
 * config, or for the services another OSCAR) is refused instead of planned:
 *
 * - a `terraform_data` resource (`terraform_data.<id>`) whose `input` is the deployment's identity,
 *   kept as first written (`ignore_changes`);
 * - a variable (`<id>_state_check`, never set) whose validation rule compares it with this config's
 *   identity. Terraform evaluates variables in every run, a destroy included (it evaluates no resource
 *   condition when it plans a destroy), and fails the run before it changes anything. Validation rules
 *   that read other objects need Terraform 1.9 or newer; OpenTofu 1.12 is tested.
 *
 * A state with no guard (a new deployment, or one from before the guard) takes this deployment's: the
 * planned `input` is this config's identity, and in a destroy it is unknown, which skips the rule.
 */
export class DeploymentGuard extends Construct {
  /** The `terraform_data` resource holding the identity the state was first written for. */
  readonly resource: TerraformResource;
  /** The variable whose validation rule refuses another deployment's state. */
  readonly check: TerraformVariable;
  /** The resource's address, for hints (`terraform state rm <address>`). */
  readonly address: string;

  constructor(scope: Construct, id: string, props: DeploymentGuardProps) {
    super(scope, id);
    const stack = TerraformStack.of(this).node.id;
    const binary = props.terraformBinary ?? terraformBinaryName();
    // An expression goes through a local: a reference to another stack's output (the platform's
    // endpoint) is made a cross-stack reference there, and would not be in the override below.
    let oscar = props.oscarEndpoint;
    if (oscar !== undefined && Token.isUnresolved(oscar)) {
      const local = new TerraformLocal(this, 'Oscar', Fn.trimsuffix(oscar, '/'));
      local.overrideLogicalId(`${id}_oscar`);
      oscar = local.asString;
    } else {
      oscar = oscar?.replace(/\/+$/, '');
    }

    this.resource = new UnannotatedResource(this, 'Resource', { terraformResourceType: 'terraform_data', lifecycle: { ignoreChanges: ['input'] } });
    this.resource.addOverride('input', { deployment: props.deployment, ...(oscar === undefined ? {} : { oscar }) });
    // Fixed addresses: users type them (the hint below), and they must not move between versions.
    this.resource.overrideLogicalId(id);
    this.address = `terraform_data.${id}`;

    const recorded = (field: string) => `try(${this.address}.input.${field}, "")`;
    const literal = (value: string) => JSON.stringify(value);
    // A token lands in the condition as an expression; a literal as a quoted string.
    const matches = `${recorded('deployment')} == ${literal(props.deployment)}`
      + (oscar === undefined ? '' : ` && ${recorded('oscar')} == ${Token.isUnresolved(oscar) ? oscar : literal(oscar)}`);
    const message = `The ${stack} state was written for deployment "\${${recorded('deployment')}}"`
      + `${oscar === undefined ? '' : ` (OSCAR \${${recorded('oscar')}})`}, not for this config's deployment "${props.deployment}"`
      + `${oscar === undefined ? '' : ` (OSCAR ${Token.isUnresolved(oscar) ? oscar : shown(oscar)})`}`
      + `${props.configFile ? ` (${shown(props.configFile)})` : ''}; nothing was changed. Fix: give each deployment a state of its own: a config `
      + 'without state: keeps it in state/<its name>/ (configs that share a name: share it, so give each its own), one with state: needs a folder '
      + 'or key prefix of its own. If this state is this deployment\'s (its OSCAR moved to a new address, or the sandbox restarted empty), run '
      + `\`${binary} state rm ${this.address}\` in cdktf.out/stacks/${stack} and deploy again.`;
    this.check = new TerraformVariable(this, 'Check', {
      type: 'string',
      default: '',
      description: 'Leave unset: its validation rule refuses a state written for another deployment',
      // A rule must read its own variable; the check is about the guard.
      validation: [{ condition: `\${var.${id}_state_check == "" && ${matches}}`, errorMessage: message }],
    });
    this.check.overrideLogicalId(`${id}_state_check`);
  }

  /**
   * The deployment a local state file was written for, or undefined when there is no such file or it
   * holds no guard of this id.
   */
  static recordedIn(stateFile: string, id: string): RecordedDeployment | undefined {
    let state: { resources?: { mode?: string; type?: string; name?: string; instances?: { attributes?: { input?: { value?: unknown } } }[] }[] };
    try {
      state = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
    } catch {
      return undefined;
    }
    const guard = state.resources?.find((r) => r.mode === 'managed' && r.type === 'terraform_data' && r.name === id);
    const value = guard?.instances?.[0]?.attributes?.input?.value;
    if (value === null || typeof value !== 'object') return undefined;
    const { deployment, oscar } = value as Record<string, unknown>;
    return { ...(typeof deployment === 'string' ? { deployment } : {}), ...(typeof oscar === 'string' ? { oscar } : {}) };
  }
}

/**
 * A resource without cdktf's construct metadata: the CLI appends a resource's construct path to every
 * log line naming its address, which would garble the command in the hint.
 */
class UnannotatedResource extends TerraformResource {
  get constructNodeMetadata(): Record<string, unknown> {
    return {};
  }
}

/**
 * A literal for the message, where Terraform would read `${` and `%{` as template sequences (cdktf
 * unescapes `$${` in a string that holds expressions, so `${` is broken up instead).
 */
function shown(value: string): string {
  return value.replace(/\$\{/g, '$ {').replace(/%\{/g, '%%{');
}
