// The values OSCAR gives a service's fields when an FDL file leaves them out: one home, read by the
// canonical JSON, validation and the field descriptions of the JSON Schema.

/** Defaults the manager applies to a service (`checkValues` in its create handler). */
export const SERVICE_DEFAULTS = {
  memory: '256Mi',
  cpu: '0.2',
  log_level: 'INFO',
  visibility: 'private',
} as const;

/** Defaults OSCAR documents for `expose` but never applies: the canonical JSON sends them. */
export const EXPOSE_DEFAULTS = {
  min_scale: 1,
  max_scale: 10,
  cpu_threshold: 80,
} as const;

/** Defaults the manager's KServe decoder fills in. */
export const KSERVE_DEFAULTS = {
  api_version: 'v1',
  cpu: '0.2',
  memory: '256Mi',
  set_auth: true,
  min_scale: 0,
  max_scale: 1,
} as const;

/** The federation topology of a service that names none (the manager treats not set as `none`). */
export const FEDERATION_DEFAULTS = {
  topology: 'none',
} as const;
