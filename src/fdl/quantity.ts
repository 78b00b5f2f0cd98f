// Kubernetes resource quantities (k8s.io/apimachinery/pkg/api/resource), enough to validate and compare.

const BINARY_SUFFIXES: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL_SUFFIXES: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

const QUANTITY = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?\d+))?$/;

/**
 * Parses a Kubernetes quantity such as `256Mi`, `0.5`, `500m` or `1e3` into its numeric value.
 * Returns undefined when the text is not a quantity Kubernetes accepts.
 */
export function parseQuantity(text: string): number | undefined {
  const m = QUANTITY.exec(text.trim());
  if (!m || text.trim() !== text) return undefined;
  const [, sign, digits, suffix, exponent] = m;
  let value = Number(digits);
  if (suffix !== undefined) value *= BINARY_SUFFIXES[suffix] ?? DECIMAL_SUFFIXES[suffix];
  if (exponent !== undefined) value *= 10 ** Number(exponent);
  return sign === '-' ? -value : value;
}
