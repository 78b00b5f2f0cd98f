import { Construct, type IConstruct } from 'constructs';
import { NamespaceV1, TerraformStack, Token } from '../private/cdktf';
import { ValidationError } from '../errors';
import { DNS_LABEL } from '../private/kubernetes-names';

/**
 * The namespaces of a stack's platform components, each created once however many components share
 * it. The OSCAR chart creates none (`oscar-svc` must exist before it installs), and Helm's
 * `create_namespace` would leave namespaces behind on destroy, so every namespace is a Terraform
 * resource: created before the releases in it and deleted after them.
 */
export class Namespaces extends Construct {
  /** The stack's namespace registry (created on first use, under the id "Namespaces"). */
  static of(scope: IConstruct): Namespaces {
    const stack = TerraformStack.of(scope);
    return (stack.node.tryFindChild('Namespaces') as Namespaces | undefined) ?? new Namespaces(stack, 'Namespaces');
  }

  /** Labels asked for, per namespace. */
  private readonly labels = new Map<string, Record<string, string>>();

  private constructor(scope: Construct, id: string) {
    super(scope, id);
  }

  /**
   * The namespace of that name, created if no component asked for it before. Its `metadata.name`
   * attribute is what releases should reference, so Terraform orders them after it.
   * @param requester the construct asking, named in errors
   * @param field the requester's prop that gave the name, named in errors
   * @param labels labels the requester needs on it, added to those of earlier requesters
   */
  ensure(name: string, requester: IConstruct, field = 'namespace', labels: Record<string, string> = {}): NamespaceV1 {
    if (!Token.isUnresolved(name) && !DNS_LABEL.test(name)) {
      throw new ValidationError(requester, field, `'${name}' is not a valid namespace name`, `use ${DNS_LABEL.description}`);
    }
    const all = { ...this.labels.get(name) ?? { 'app.kubernetes.io/managed-by': 'oscar-cdktf' }, ...labels };
    this.labels.set(name, all);
    const existing = this.node.tryFindChild(name) as NamespaceV1 | undefined;
    if (!existing) return new NamespaceV1(this, name, { metadata: { name, labels: all } });
    existing.putMetadata({ name, labels: all });
    return existing;
  }
}
