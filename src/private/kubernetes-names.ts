// Kubernetes' naming rules (k8s.io/apimachinery/pkg/util/validation), the one home for every check of
// an object name, label or annotation: node pools, FDL services, image pull secrets, storage classes and
// namespaces all use these. Each rule has a test and a description to put in a fix.

/** A naming rule: what it accepts, and how to say so in a fix. */
export interface NameRule {
  /** Whether the value follows the rule. */
  test(value: string): boolean;
  /** The rule in words, for the fix of an error message. */
  readonly description: string;
}

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/** An RFC 1123 label: namespaces, volumes, node pools and most object names that become DNS names. */
export const DNS_LABEL: NameRule = {
  test: (value) => value.length <= 63 && LABEL.test(value),
  description: 'at most 63 lower-case letters, digits and "-", starting and ending with a letter or digit',
};

/** An RFC 1123 subdomain: Secrets, storage classes, and the prefix of a label key. */
export const DNS_SUBDOMAIN: NameRule = {
  test: (value) => value.length <= 253 && value.split('.').every((label) => LABEL.test(label)),
  description: 'at most 253 characters: lower-case letters, digits, "-" and ".", each part between dots starting and ending with a letter or digit',
};

/** A label or annotation key (and a taint key): an optional DNS-subdomain prefix and "/", then a name. */
export const LABEL_KEY: NameRule = {
  test: (value) => {
    const slash = value.lastIndexOf('/');
    const name = value.slice(slash + 1);
    const prefixOk = slash < 0 || DNS_SUBDOMAIN.test(value.slice(0, slash));
    return prefixOk && name.length <= 63 && QUALIFIED_NAME_PART.test(name);
  },
  description: 'an optional DNS-subdomain prefix and "/", then at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit',
};

/** A label value (and a taint value): empty, or a name like a label key's. */
export const LABEL_VALUE: NameRule = {
  test: (value) => value === '' || (value.length <= 63 && QUALIFIED_NAME_PART.test(value)),
  description: 'at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit (or empty)',
};

/** Label key prefixes a node may not set on itself (the NodeRestriction admission plugin). */
const NODE_RESTRICTED_DOMAINS = ['kubernetes.io', 'k8s.io'];

/** The restricted domain a node label key is under (`kubernetes.io`, `k8s.io` or a subdomain), if any. */
export function restrictedNodeLabelDomain(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  if (slash < 0) return undefined;
  const prefix = key.slice(0, slash);
  return NODE_RESTRICTED_DOMAINS.find((domain) => prefix === domain || prefix.endsWith(`.${domain}`));
}
