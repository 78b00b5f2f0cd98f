// Typed model of an OSCAR v4.1 service definition (the manager's `types.Service`).
// Keys are the manager's JSON keys, so a value of these types is already the wire form.

/** Log levels of the in-container supervisor (Python logging levels). */
export const LOG_LEVELS = ['NOTSET', 'DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL'] as const;
/** A supervisor log level. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Who may see and invoke a service. The manager compares these case-sensitively. */
export const VISIBILITIES = ['private', 'restricted', 'public'] as const;
/** A service visibility. */
export type Visibility = (typeof VISIBILITIES)[number];

/** `USER` gives every allowed user a private input bucket of their own. */
export const ISOLATION_LEVELS = ['SERVICE', 'USER'] as const;
/** A service isolation level. */
export type IsolationLevel = (typeof ISOLATION_LEVELS)[number];

/** Storage provider types the manager knows. */
export const STORAGE_PROVIDER_TYPES = ['minio', 's3', 'onedata', 'webdav', 'rucio'] as const;
/** A storage provider type. */
export type StorageProviderType = (typeof STORAGE_PROVIDER_TYPES)[number];

/** How an exposed service's route is protected (`forward`: Gateway API with Traefik only). */
export const EXPOSE_AUTH_TYPES = ['basic', 'forward'] as const;

/** How an exposed service's probes reach it: `legacy` prefixes the path when `rewrite_target`, `direct` does not. */
export const EXPOSE_PROBE_MODES = ['legacy', 'direct'] as const;

/** What happens to a volume the service created when the service is deleted. */
export const VOLUME_LIFECYCLE_POLICIES = ['delete', 'retain'] as const;

/** Kinds of federation member: another OSCAR service, or a plain endpoint. */
export const REPLICA_TYPES = ['oscar', 'endpoint'] as const;

/** Federation topologies. */
export const FEDERATION_TOPOLOGIES = ['none', 'star', 'mesh'] as const;

/** Policies for delegating jobs to federation members. */
export const DELEGATION_POLICIES = ['static', 'random', 'load-based', 'topsis'] as const;

/** Kinds of KServe-backed service. */
export const KSERVE_TYPES = ['inference', 'llm_inference'] as const;

/** Model formats KServe's predictors serve. */
export const KSERVE_MODEL_FORMATS = ['onnx', 'sklearn', 'xgboost', 'pytorch', 'tensorflow', 'triton', 'huggingface'] as const;

/** Provider types the manager accepts as event sources (`input`). */
export const INPUT_PROVIDER_TYPES: readonly StorageProviderType[] = ['minio', 'webdav', 'rucio'];

/** Provider types that can be mounted into a service's pods with rclone. */
export const MOUNT_PROVIDER_TYPES: readonly StorageProviderType[] = ['minio', 's3', 'webdav'];

/** One storage location read from or written to. */
export interface StorageIOConfig {
  /** Provider reference, `<type>` or `<type>.<id>`; a bare type means the id `default`. */
  readonly storage_provider: string;
  /** Path in the provider; for MinIO and S3 the first segment is the bucket, the rest a folder. */
  readonly path: string;
  /**
   * Only upload output files whose names end with one of these.
   * @default - no filter
   */
  readonly suffix?: readonly string[];
  /**
   * Only upload output files whose names start with one of these.
   * @default - no filter
   */
  readonly prefix?: readonly string[];
  /**
   * Extra rclone flags for a mount (mount only), as one string (the manager's type), e.g.
   * `--vfs-cache-mode full`.
   * @default - none
   */
  readonly options?: string;
}

/** A MinIO server other than the cluster's own. */
export interface MinioProvider {
  /** URL of the MinIO server, with scheme. @default - none (required by the manager) */
  readonly endpoint?: string;
  /** Verify the server's TLS certificate. @default true */
  readonly verify?: boolean;
  /** Access key. @default - none */
  readonly access_key?: string;
  /** Secret key (a sensitive value). @default - none */
  readonly secret_key?: string;
  /** Region. @default - MinIO's default (us-east-1) */
  readonly region?: string;
}

/** Amazon S3 credentials. */
export interface S3Provider {
  /** AWS access key id. @default - none */
  readonly access_key?: string;
  /** AWS secret access key (a sensitive value). @default - none */
  readonly secret_key?: string;
  /** AWS region of the buckets. @default - none */
  readonly region?: string;
}

/** An Onedata space. */
export interface OnedataProvider {
  /** Host of the Oneprovider. @default - none */
  readonly oneprovider_host?: string;
  /** Access token (a sensitive value). @default - none */
  readonly token?: string;
  /** Onedata space. @default - none */
  readonly space?: string;
}

/** A WebDAV server (dCache). */
export interface WebdavProvider {
  /** Host name without scheme; https is assumed. @default - none (required by the manager) */
  readonly hostname?: string;
  /** User name. @default - none */
  readonly login?: string;
  /** Password (a sensitive value). @default - none */
  readonly password?: string;
}

/** A Rucio data-management server. */
export interface RucioProvider {
  /** URL of the Rucio server. @default - none */
  readonly host?: string;
  /** Rucio account. @default - none */
  readonly account?: string;
  /** Rucio Storage Element to write to. @default - none */
  readonly rse?: string;
  /** OIDC refresh token (a sensitive value). @default - none */
  readonly refresh_token?: string;
  /** URL of the Rucio authentication server. @default - the Rucio server */
  readonly auth_host?: string;
  /** OIDC audience of the tokens. @default - none */
  readonly oidc_audience?: string;
  /** OIDC token endpoint that refreshes the token. @default - none */
  readonly token_endpoint?: string;
}

/** Storage providers by type, each a map from a user-chosen id to its settings. */
export interface StorageProviders {
  /** MinIO servers, by id (`minio.default` is always the cluster's own). @default - only the cluster's own */
  readonly minio?: Readonly<Record<string, MinioProvider>>;
  /** Amazon S3 accounts, by id. @default - none */
  readonly s3?: Readonly<Record<string, S3Provider>>;
  /** Onedata spaces, by id. @default - none */
  readonly onedata?: Readonly<Record<string, OnedataProvider>>;
  /** WebDAV servers, by id. @default - none */
  readonly webdav?: Readonly<Record<string, WebdavProvider>>;
  /** Rucio servers, by id. @default - none */
  readonly rucio?: Readonly<Record<string, RucioProvider>>;
}

/** Another OSCAR cluster, for federation and delegation. */
export interface ClusterRef {
  /** URL of the cluster's OSCAR API. @default - none */
  readonly endpoint?: string;
  /** Basic-auth user. @default - none */
  readonly auth_user?: string;
  /** Basic-auth password (a sensitive value). @default - none */
  readonly auth_password?: string;
  /** @default true */
  readonly ssl_verify?: boolean;
}

/** Environment of the service's container. */
export interface Environment {
  /** Plain environment variables. @default - none */
  readonly variables?: Readonly<Record<string, string>>;
  /**
   * Secret environment variables, stored by the manager in a Kubernetes Secret named after the service.
   * @default - none
   */
  readonly secrets?: Readonly<Record<string, string>>;
}

/** Knative autoscaling bounds of a synchronous service. */
export interface Synchronous {
  /** Pods kept warm; 1 or more avoids cold starts. @default 0 */
  readonly min_scale?: number;
  /** Upper bound of pods; 0 means unbounded. @default 0 */
  readonly max_scale?: number;
}

/** Runs the service as a long-lived, autoscaled Deployment reachable under `/system/services/<name>/exposed/`. */
export interface Expose {
  /** Container ports; the first one is routed by the Ingress. */
  readonly api_port: readonly number[];
  /**
   * Node ports, one per `api_port` (0 lets Kubernetes choose); makes the Service a NodePort.
   * @default - a ClusterIP Service
   */
  readonly nodePort?: readonly number[];
  /** Replicas kept running (HPA minimum). @default 1 */
  readonly min_scale?: number;
  /** HPA maximum. @default 10 */
  readonly max_scale?: number;
  /** HPA target CPU utilisation, in percent. @default 80 */
  readonly cpu_threshold?: number;
  /** Keep the `/system/services/<name>/exposed` prefix when forwarding. @default false */
  readonly rewrite_target?: boolean;
  /** Run the image's own entrypoint instead of the service script. @default false */
  readonly default_command?: boolean;
  /** Protect the route; the user is the service name, the password its token. @default false */
  readonly set_auth?: boolean;
  /** `basic`, or `forward` (Gateway API with Traefik only). @default "basic" */
  readonly auth_type?: string;
  /** Path probed for liveness and readiness. @default "/" */
  readonly health_path?: string;
  /** `legacy` prefixes the probe path when `rewrite_target`; `direct` probes it as is. @default "legacy" */
  readonly probe_mode?: string;
}

/** A persistent RWX volume managed by OSCAR. Immutable once created. */
export interface ServiceVolume {
  /** Name of the PVC, new or existing. @default - the service name */
  readonly name?: string;
  /** Size of a new PVC; without it, `name` must be an existing OSCAR volume. @default - use an existing volume */
  readonly size?: string;
  /** Absolute path in the container. */
  readonly mount_path: string;
  /** `delete` removes the PVC with the service, `retain` keeps it. @default "delete" */
  readonly lifecycle_policy?: string;
}

/** One member of a federation: another OSCAR service or a plain endpoint. */
export interface Replica {
  /** `oscar` or `endpoint`. */
  readonly type: string;
  /** The cluster of an `oscar` replica (a key of `clusters`). @default - none (an `endpoint` replica) */
  readonly cluster_id?: string;
  /** The service of an `oscar` replica. @default - none (an `endpoint` replica) */
  readonly service_name?: string;
  /** URL of an `endpoint` replica. @default - none (an `oscar` replica) */
  readonly url?: string;
  /** @default true */
  readonly ssl_verify?: boolean;
  /** 0 is the highest priority. @default 0 */
  readonly priority?: number;
  /** HTTP headers sent to an `endpoint` replica. @default - none */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Delegation of jobs to other clusters. */
export interface Federation {
  /** @default - the service name */
  readonly group_id?: string;
  /** `none`, `star` or `mesh`. @default "none" */
  readonly topology?: string;
  /** `static`, `random`, `load-based` or `topsis`. @default - decided by the manager */
  readonly delegation?: string;
  /** Seconds a job may stay pending before it is delegated. @default - the manager's RESCHEDULER_THRESHOLD */
  readonly rescheduler_threshold?: number;
  /** The replicas jobs may be delegated to. @default - none */
  readonly members?: readonly Replica[];
}

/** KServe predictor settings of a KServe-backed service. */
export interface KserveInference {
  /** One of onnx, sklearn, xgboost, pytorch, tensorflow, triton, huggingface. */
  readonly model_format: string;
  /** KServe serving runtime. @default - the one KServe picks for the model format */
  readonly runtime?: string;
}

/** Settings of an LLM served with KServe. */
export interface KserveLlmInference {
  /** Image of the LLM serving runtime. @default - KServe's default */
  readonly runtime_image?: string;
}

/** Serves a model with KServe next to the OSCAR service (needs KServe on the cluster). */
export interface Kserve {
  /** `inference` or `llm_inference`. */
  readonly type: string;
  /** Where the model is, e.g. `gs://…` or `hf://…`. */
  readonly storage_uri: string;
  /** @default "v1" */
  readonly api_version?: string;
  /** @default "0.2" */
  readonly cpu?: string;
  /** @default "256Mi" */
  readonly memory?: string;
  /** @default true */
  readonly set_auth?: boolean;
  /** @default 0 */
  readonly min_scale?: number;
  /** @default 1 */
  readonly max_scale?: number;
  /** @default false */
  readonly enable_gpu?: boolean;
  /** Predictor settings of an `inference` service. @default - none */
  readonly inference?: KserveInference;
  /** Settings of an `llm_inference` service. @default - none */
  readonly llm_inference?: KserveLlmInference;
  /** Arguments of the model server. @default - none */
  readonly args?: readonly string[];
  /** Environment of the model server. @default - none */
  readonly env?: Readonly<Record<string, string>>;
}

/** An OSCAR service as the manager's REST API takes it (`POST /system/services`). */
export interface OscarServiceSpec {
  /** Service name: 3 to 39 lower-case letters, digits and '-', starting with a letter. */
  readonly name: string;
  /** Identifier of the cluster the FDL assigns the service to (the key in `functions.oscar`). @default - none */
  readonly cluster_id?: string;
  /** Container image. */
  readonly image: string;
  /** Script content run for each invocation (the loader inlines the file an FDL names). */
  readonly script: string;
  /** Memory limit (Kubernetes quantity). @default "256Mi" */
  readonly memory?: string;
  /** CPU limit (Kubernetes quantity). @default "0.2" */
  readonly cpu?: string;
  /** Ephemeral-storage request. @default - none */
  readonly ephemeral_storage_request?: string;
  /** Request one NVIDIA GPU (`nvidia.com/gpu: 1`). @default false */
  readonly enable_gpu?: boolean;
  /** Request an Intel SGX enclave. @default false */
  readonly enable_sgx?: boolean;
  /** Pre-pull the image on every node when the service is created. @default false */
  readonly image_prefetch?: boolean;
  /** Queue-wide memory limit (YuniKorn only). @default - none */
  readonly total_memory?: string;
  /** Queue-wide CPU limit (YuniKorn only). @default - none */
  readonly total_cpu?: string;
  /** Knative scaling of synchronous invocations. @default - scale from zero, unbounded */
  readonly synchronous?: Synchronous;
  /** Supervisor log level; use CRITICAL for synchronous services. @default "INFO" */
  readonly log_level?: LogLevel;
  /** Use the Alpine build of the supervisor. @default false */
  readonly alpine?: boolean;
  /** Skip downloading the input file. @default false */
  readonly file_stage_in?: boolean;
  /** Event sources. @default - none */
  readonly input?: readonly StorageIOConfig[];
  /** Where results are uploaded. @default - none */
  readonly output?: readonly StorageIOConfig[];
  /** A storage path mounted into the pods. @default - none */
  readonly mount?: StorageIOConfig;
  /** Names of existing image pull Secrets in the services namespace. @default - none */
  readonly image_pull_secrets?: readonly string[];
  /** Container environment. @default - none */
  readonly environment?: Environment;
  /** Annotations for the service's pods and objects. @default - none */
  readonly annotations?: Readonly<Record<string, string>>;
  /** Labels for the service's pods and objects (the manager adds its own). @default - none */
  readonly labels?: Readonly<Record<string, string>>;
  /** EGI Virtual Organisation the service belongs to. @default - none */
  readonly vo?: string;
  /** @default "private" */
  readonly visibility?: Visibility;
  /** EGI subject ids allowed to use a restricted service. @default - none */
  readonly allowed_users?: readonly string[];
  /** @default "SERVICE" */
  readonly isolation_level?: IsolationLevel;
  /** Virtual-kubelet (interLink) node to run jobs on. @default - none */
  readonly interlink_node_name?: string;
  /** Storage providers the service's paths refer to; `minio.default` is always the cluster's own. @default - only minio.default */
  readonly storage_providers?: StorageProviders;
  /** Other OSCAR clusters, for federation. @default - none */
  readonly clusters?: Readonly<Record<string, ClusterRef>>;
  /** Federation of this service with replicas on other clusters. @default - none */
  readonly federation?: Federation;
  /** Run as an exposed, always-on Deployment. @default - not exposed */
  readonly expose?: Expose;
  /** OSCAR-managed persistent volume. @default - none */
  readonly volume?: ServiceVolume;
  /** KServe model serving. @default - none */
  readonly kserve?: Kserve;
}
