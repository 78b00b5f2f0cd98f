import type { IConstruct } from 'constructs';
import { Token } from '../../private/cdktf';
import { ValidationError } from '../../errors';

const QUANTITY = /^[0-9]+(\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E|m)?$/;
const DURATION = /^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$/;
const HOST = /^(\*\.)?([a-z0-9]([-a-z0-9]*[a-z0-9])?\.)*[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Throws unless value (when a literal) is a Kubernetes resource quantity. */
export function checkQuantity(scope: IConstruct | string, field: string, value: string | undefined, example: string): void {
  if (value === undefined || Token.isUnresolved(value)) return;
  if (!QUANTITY.test(value)) throw new ValidationError(scope, field, `'${value}' is not a Kubernetes quantity`,
      `write a number with an optional unit, for example '${example}'`);
}

/** Throws unless value (when a literal) is a Go duration such as 30s or 1m30s. */
export function checkDuration(scope: IConstruct | string, field: string, value: string | undefined): void {
  if (value === undefined || Token.isUnresolved(value)) return;
  if (!DURATION.test(value)) throw new ValidationError(scope, field, `'${value}' is not a duration`,
      "write a number and a unit, for example '30s', '2m' or '1m30s'");
}

/** Seconds in a Go duration literal. */
export function durationSeconds(value: string): number {
  const factor: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
  let total = 0;
  for (const [, n, , unit] of value.matchAll(/([0-9]+(\.[0-9]+)?)(ns|us|µs|ms|s|m|h)/g)) total += Number(n) * factor[unit];
  return total;
}

/** Throws unless value (when a literal) is a whole number within [min, max]. */
export function checkInteger(scope: IConstruct | string, field: string, value: number | undefined, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (value === undefined || Token.isUnresolved(value)) return;
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `a whole number ≥ ${min}` : `a whole number from ${min} to ${max}`;
    throw new ValidationError(scope, field, `${value} is not ${range}`, `give ${range}`);
  }
}

/** Throws unless value (when a literal) is a DNS host name (no scheme, port or path). */
export function checkHost(scope: IConstruct | string, field: string, value: string | undefined): void {
  if (value === undefined || Token.isUnresolved(value)) return;
  if (value.length > 253 || !HOST.test(value)) {
    throw new ValidationError(scope, field, `'${value}' is not a host name`,
      "give the DNS name only, in lower case, without scheme, port or path, for example 'oscar.example.org'");
  }
}

/** Throws unless value (when a literal) is an http:// or https:// URL. */
export function checkHttpUrl(scope: IConstruct | string, field: string, value: string | undefined, example: string): void {
  if (value === undefined || Token.isUnresolved(value)) return;
  if (!/^https?:\/\/[^/\s]+/.test(value)) throw new ValidationError(scope, field, `'${value}' is not an http:// or https:// URL`, `give a URL such as '${example}'`);
}
