// One description of every FDL field. The decoder checks types against it and the JSON Schema is
// generated from it, so the two cannot drift apart; `satisfies` ties each table to the model.
import { EXPOSE_DEFAULTS, KSERVE_DEFAULTS, SERVICE_DEFAULTS } from './defaults';
import {
  DELEGATION_POLICIES,
  EXPOSE_AUTH_TYPES,
  EXPOSE_PROBE_MODES,
  FEDERATION_TOPOLOGIES,
  ISOLATION_LEVELS,
  KSERVE_TYPES,
  LOG_LEVELS,
  REPLICA_TYPES,
  VISIBILITIES,
  VOLUME_LIFECYCLE_POLICIES,
} from './model';
import type {
  ClusterRef,
  Environment,
  Expose,
  Federation,
  Kserve,
  KserveInference,
  KserveLlmInference,
  MinioProvider,
  OnedataProvider,
  OscarServiceSpec,
  Replica,
  RucioProvider,
  S3Provider,
  ServiceVolume,
  StorageIOConfig,
  StorageProviders,
  Synchronous,
  WebdavProvider,
} from './model';

export type FieldType =
  /** Any YAML scalar, read as its source text (YAML `1.0` stays "1.0"). */
  | { readonly kind: 'string' }
  /** A Kubernetes quantity, written as a string or a number. */
  | { readonly kind: 'quantity' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'integer' }
  /** A map of strings (environment variables, labels); scalar values are read as text. */
  | { readonly kind: 'stringMap' }
  /** A list; `acceptScalar` also takes a single value, the legacy form of some fields. */
  | { readonly kind: 'list'; readonly items: FieldType; readonly acceptScalar?: boolean }
  | { readonly kind: 'object'; readonly fields: FieldTable; readonly allowUnknown?: boolean }
  /** A map from user-chosen ids to values of one type. */
  | { readonly kind: 'map'; readonly values: FieldType };

export interface FieldSpec {
  readonly type: FieldType;
  /** One sentence for editors and error messages. */
  readonly description: string;
  readonly required?: boolean;
  /** Other spellings accepted in FDL files (the match is case-insensitive anyway). */
  readonly aliases?: readonly string[];
  /** Closed set of values, for the JSON Schema; semantic checks live in validate.ts. */
  readonly enum?: readonly (string | number)[];
  /**
   * A credential (of a string map: each value). `oscar_service` takes it as a write-only attribute,
   * and the services stack gives it from a variable (see secrets.ts).
   */
  readonly secret?: boolean;
}

export type FieldTable = Readonly<Record<string, FieldSpec>>;

type TableOf<T> = { readonly [K in keyof Required<T>]: FieldSpec };

const STRING = { kind: 'string' } as const;
const QUANTITY = { kind: 'quantity' } as const;
const BOOLEAN = { kind: 'boolean' } as const;
const INTEGER = { kind: 'integer' } as const;
const STRING_MAP = { kind: 'stringMap' } as const;
const STRING_LIST = { kind: 'list', items: STRING } as const;

const object = (fields: FieldTable, allowUnknown = false): FieldType => ({ kind: 'object', fields, allowUnknown });
const mapOf = (values: FieldType): FieldType => ({ kind: 'map', values });
const listOf = (items: FieldType, acceptScalar = false): FieldType => ({ kind: 'list', items, acceptScalar });

export const STORAGE_IO_FIELDS = {
  storage_provider: { type: STRING, required: true, description: "Provider reference, '<type>' or '<type>.<id>' (a bare type means id 'default')" },
  path: { type: STRING, required: true, description: "Path in the provider; for MinIO/S3 'bucket/folder', a single segment means '<service>/<segment>'" },
  suffix: { type: STRING_LIST, description: 'Only upload output files whose names end with one of these' },
  prefix: { type: STRING_LIST, description: 'Only upload output files whose names start with one of these' },
  options: { type: STRING, description: "Extra rclone flags for a mount, as one string (e.g. '--vfs-cache-mode full')" },
} as const satisfies TableOf<StorageIOConfig>;

const MINIO_PROVIDER_FIELDS = {
  endpoint: { type: STRING, description: 'URL of the MinIO server, with scheme' },
  verify: { type: BOOLEAN, description: "Verify the server's TLS certificate" },
  access_key: { type: STRING, secret: true, description: 'Access key' },
  secret_key: { type: STRING, secret: true, description: 'Secret key' },
  region: { type: STRING, description: 'Region' },
} as const satisfies TableOf<MinioProvider>;

const S3_PROVIDER_FIELDS = {
  access_key: { type: STRING, secret: true, description: 'AWS access key id' },
  secret_key: { type: STRING, secret: true, description: 'AWS secret access key' },
  region: { type: STRING, description: 'AWS region' },
} as const satisfies TableOf<S3Provider>;

const ONEDATA_PROVIDER_FIELDS = {
  oneprovider_host: { type: STRING, description: 'Oneprovider host' },
  token: { type: STRING, secret: true, description: 'Onedata access token' },
  space: { type: STRING, description: 'Onedata space' },
} as const satisfies TableOf<OnedataProvider>;

const WEBDAV_PROVIDER_FIELDS = {
  hostname: { type: STRING, description: 'Host name without scheme (https is assumed)' },
  login: { type: STRING, description: 'User name' },
  password: { type: STRING, secret: true, description: 'Password' },
} as const satisfies TableOf<WebdavProvider>;

const RUCIO_PROVIDER_FIELDS = {
  host: { type: STRING, description: 'Rucio server host' },
  account: { type: STRING, description: 'Rucio account' },
  rse: { type: STRING, description: 'Rucio storage element' },
  refresh_token: { type: STRING, secret: true, description: 'OIDC refresh token' },
  auth_host: { type: STRING, description: 'Rucio authentication host URL' },
  oidc_audience: { type: STRING, description: 'OIDC audience' },
  token_endpoint: { type: STRING, description: 'OIDC token endpoint URL' },
} as const satisfies TableOf<RucioProvider>;

export const STORAGE_PROVIDERS_FIELDS = {
  minio: { type: mapOf(object(MINIO_PROVIDER_FIELDS)), description: 'MinIO servers by id; minio.default is always the cluster MinIO' },
  s3: { type: mapOf(object(S3_PROVIDER_FIELDS)), description: 'Amazon S3 accounts by id' },
  onedata: { type: mapOf(object(ONEDATA_PROVIDER_FIELDS)), description: 'Onedata spaces by id' },
  webdav: { type: mapOf(object(WEBDAV_PROVIDER_FIELDS)), description: 'WebDAV servers by id' },
  rucio: { type: mapOf(object(RUCIO_PROVIDER_FIELDS)), description: 'Rucio servers by id' },
} as const satisfies TableOf<StorageProviders>;

export const CLUSTER_FIELDS = {
  endpoint: { type: STRING, description: 'URL of the OSCAR cluster' },
  auth_user: { type: STRING, description: 'Basic-auth user' },
  auth_password: { type: STRING, secret: true, description: 'Basic-auth password' },
  ssl_verify: { type: BOOLEAN, description: "Verify the cluster's TLS certificate" },
} as const satisfies TableOf<ClusterRef>;

const ENVIRONMENT_FIELDS = {
  variables: { type: STRING_MAP, aliases: ['Variables'], description: 'Plain environment variables' },
  secrets: { type: STRING_MAP, secret: true, description: 'Secret environment variables, kept in a Kubernetes Secret' },
} as const satisfies TableOf<Environment>;

const SYNCHRONOUS_FIELDS = {
  min_scale: { type: INTEGER, description: 'Knative pods kept warm; 1 or more avoids cold starts' },
  max_scale: { type: INTEGER, description: 'Upper bound of Knative pods; 0 means unbounded' },
} as const satisfies TableOf<Synchronous>;

export const EXPOSE_FIELDS = {
  api_port: { type: listOf(INTEGER, true), required: true, description: 'Container ports; the first one is routed by the Ingress' },
  nodePort: { type: listOf(INTEGER, true), description: 'Node ports, one per api_port (0 lets Kubernetes choose)' },
  min_scale: { type: INTEGER, description: `Replicas kept running (default ${EXPOSE_DEFAULTS.min_scale})` },
  max_scale: { type: INTEGER, description: `Autoscaling maximum (default ${EXPOSE_DEFAULTS.max_scale})` },
  cpu_threshold: { type: INTEGER, description: `Autoscaling target CPU utilisation in percent (default ${EXPOSE_DEFAULTS.cpu_threshold})` },
  rewrite_target: { type: BOOLEAN, description: 'Keep the /system/services/<name>/exposed prefix when forwarding' },
  default_command: { type: BOOLEAN, description: "Run the image's own entrypoint instead of the script" },
  set_auth: { type: BOOLEAN, description: 'Protect the route with the service name and token' },
  auth_type: { type: STRING, enum: EXPOSE_AUTH_TYPES, description: "'basic' or 'forward' (Gateway API with Traefik only)" },
  health_path: { type: STRING, description: "Path probed for liveness and readiness (default '/')" },
  probe_mode: { type: STRING, enum: EXPOSE_PROBE_MODES, description: "'legacy' or 'direct'" },
} as const satisfies TableOf<Expose>;

export const VOLUME_FIELDS = {
  name: { type: STRING, description: 'PVC name, new or existing (default: the service name)' },
  size: { type: QUANTITY, description: 'Size of a new PVC' },
  mount_path: { type: STRING, required: true, description: 'Absolute mount path in the container' },
  lifecycle_policy: { type: STRING, enum: VOLUME_LIFECYCLE_POLICIES, description: "'delete' (default) or 'retain' the PVC with the service" },
} as const satisfies TableOf<ServiceVolume>;

const REPLICA_FIELDS = {
  type: { type: STRING, required: true, enum: REPLICA_TYPES, description: "'oscar' or 'endpoint'" },
  cluster_id: { type: STRING, description: 'Cluster of an oscar replica' },
  service_name: { type: STRING, description: 'Service name of an oscar replica' },
  url: { type: STRING, description: 'URL of an endpoint replica' },
  ssl_verify: { type: BOOLEAN, description: 'Verify TLS certificates' },
  priority: { type: INTEGER, description: '0 is the highest priority' },
  headers: { type: STRING_MAP, description: 'HTTP headers sent to an endpoint replica' },
} as const satisfies TableOf<Replica>;

export const FEDERATION_FIELDS = {
  group_id: { type: STRING, description: 'Federation group id (default: the service name)' },
  topology: { type: STRING, enum: FEDERATION_TOPOLOGIES, description: "'none', 'star' or 'mesh'" },
  delegation: { type: STRING, enum: DELEGATION_POLICIES, description: 'Delegation policy' },
  rescheduler_threshold: { type: INTEGER, description: 'Seconds a job may stay pending before it is delegated' },
  members: { type: listOf(object(REPLICA_FIELDS)), description: 'Replicas of the service on other clusters' },
} as const satisfies TableOf<Federation>;

const KSERVE_INFERENCE_FIELDS = {
  model_format: { type: STRING, required: true, description: 'onnx, sklearn, xgboost, pytorch, tensorflow, triton or huggingface' },
  runtime: { type: STRING, description: 'Serving runtime' },
} as const satisfies TableOf<KserveInference>;

const KSERVE_LLM_FIELDS = {
  runtime_image: { type: STRING, description: 'Runtime image' },
} as const satisfies TableOf<KserveLlmInference>;

export const KSERVE_FIELDS = {
  type: { type: STRING, required: true, enum: KSERVE_TYPES, description: "'inference' or 'llm_inference'" },
  storage_uri: { type: STRING, required: true, description: 'Where the model is stored' },
  api_version: { type: STRING, description: `KServe API version (default '${KSERVE_DEFAULTS.api_version}')` },
  cpu: { type: QUANTITY, description: `CPU of the predictor (default ${KSERVE_DEFAULTS.cpu})` },
  memory: { type: QUANTITY, description: `Memory of the predictor (default ${KSERVE_DEFAULTS.memory})` },
  set_auth: { type: BOOLEAN, description: `Protect the predictor route (default ${KSERVE_DEFAULTS.set_auth})` },
  min_scale: { type: INTEGER, description: `Minimum predictor replicas (default ${KSERVE_DEFAULTS.min_scale})` },
  max_scale: { type: INTEGER, description: `Maximum predictor replicas (default ${KSERVE_DEFAULTS.max_scale})` },
  enable_gpu: { type: BOOLEAN, description: 'Give the predictor a GPU' },
  inference: { type: object(KSERVE_INFERENCE_FIELDS), description: 'Predictor settings for type inference' },
  llm_inference: { type: object(KSERVE_LLM_FIELDS), description: 'Settings for type llm_inference' },
  args: { type: STRING_LIST, description: 'Predictor arguments' },
  env: { type: STRING_MAP, description: 'Predictor environment' },
} as const satisfies TableOf<Kserve>;

/** Service fields as written in an FDL file; `script` is a path there, its content in the API. */
export const SERVICE_FIELDS = {
  name: { type: STRING, required: true, description: "Service name: 3-39 lower-case letters, digits and '-', starting with a letter" },
  cluster_id: { type: STRING, description: 'Cluster id; set from the functions.oscar key' },
  image: { type: STRING, required: true, description: 'Container image' },
  script: { type: STRING, required: true, description: 'Path of the script run at each invocation, relative to the FDL file' },
  memory: { type: QUANTITY, description: `Memory limit (default ${SERVICE_DEFAULTS.memory})` },
  cpu: { type: QUANTITY, description: `CPU limit (default ${SERVICE_DEFAULTS.cpu})` },
  ephemeral_storage_request: { type: QUANTITY, description: 'Ephemeral-storage request' },
  enable_gpu: { type: BOOLEAN, description: 'Request one NVIDIA GPU' },
  enable_sgx: { type: BOOLEAN, description: 'Request an Intel SGX enclave' },
  image_prefetch: { type: BOOLEAN, description: 'Pre-pull the image on every node at creation' },
  total_memory: { type: QUANTITY, description: 'Queue memory limit (YuniKorn only)' },
  total_cpu: { type: QUANTITY, description: 'Queue CPU limit (YuniKorn only)' },
  synchronous: { type: object(SYNCHRONOUS_FIELDS), description: 'Knative scaling of synchronous invocations' },
  log_level: { type: STRING, enum: LOG_LEVELS, description: `Supervisor log level (default ${SERVICE_DEFAULTS.log_level})` },
  alpine: { type: BOOLEAN, description: 'Use the Alpine build of the supervisor' },
  file_stage_in: { type: BOOLEAN, description: 'Skip downloading the input file' },
  input: { type: listOf(object(STORAGE_IO_FIELDS)), description: 'Event sources (minio, webdav or rucio)' },
  output: { type: listOf(object(STORAGE_IO_FIELDS)), description: 'Where results are uploaded' },
  mount: { type: object(STORAGE_IO_FIELDS), description: 'A storage path mounted into the pods' },
  image_pull_secrets: { type: STRING_LIST, description: 'Existing image pull Secrets in the services namespace' },
  environment: { type: object(ENVIRONMENT_FIELDS), description: 'Container environment' },
  annotations: { type: STRING_MAP, description: "Annotations for the service's pods and objects" },
  labels: { type: STRING_MAP, description: "Labels for the service's pods and objects" },
  vo: { type: STRING, description: 'EGI Virtual Organisation' },
  visibility: { type: STRING, enum: VISIBILITIES, description: "'private' (default), 'restricted' or 'public'" },
  allowed_users: { type: STRING_LIST, description: 'EGI subject ids allowed to use a restricted service' },
  isolation_level: { type: STRING, enum: ISOLATION_LEVELS, description: "'SERVICE' (default) or 'USER'" },
  interlink_node_name: { type: STRING, description: 'interLink virtual node to run jobs on' },
  storage_providers: { type: object(STORAGE_PROVIDERS_FIELDS), description: 'Storage providers of this service' },
  clusters: { type: mapOf(object(CLUSTER_FIELDS, true)), description: 'Other OSCAR clusters, for federation' },
  federation: { type: object(FEDERATION_FIELDS), description: 'Federation with replicas on other clusters' },
  expose: { type: object(EXPOSE_FIELDS), description: 'Run as an exposed, autoscaled Deployment' },
  volume: { type: object(VOLUME_FIELDS), description: 'OSCAR-managed persistent volume' },
  kserve: { type: object(KSERVE_FIELDS), description: 'KServe model serving' },
} as const satisfies TableOf<OscarServiceSpec>;

/** Service keys of older FDL versions that the loader converts (see loader.ts). */
export const LEGACY_SERVICE_FIELDS = {
  replicas: { type: listOf(object(REPLICA_FIELDS)), description: 'Deprecated (OSCAR v3): use federation.members' },
} as const satisfies FieldTable;

/** Top level of an FDL file in oscar-cli's format. */
export const FILE_FIELDS = {
  functions: { type: { kind: 'object', fields: {} }, required: true, description: 'Services, under functions.oscar' },
  storage_providers: { type: object(STORAGE_PROVIDERS_FIELDS), description: 'Storage providers shared by every service in the file' },
  clusters: { type: mapOf(object(CLUSTER_FIELDS, true)), description: 'OSCAR clusters referenced by the services' },
} as const satisfies FieldTable;
