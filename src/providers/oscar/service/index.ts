// https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface ServiceConfig extends cdktf.TerraformMetaArguments {
  /**
  * EGI subject ids of the users allowed to use a `restricted` service.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#allowed_users Service#allowed_users}
  */
  readonly allowedUsers?: string[];
  /**
  * Use the Alpine build of the supervisor (for Alpine-based images). Defaults to `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#alpine Service#alpine}
  */
  readonly alpine?: boolean | cdktf.IResolvable;
  /**
  * Kubernetes annotations of the service's jobs and pods.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#annotations Service#annotations}
  */
  readonly annotations?: { [key: string]: string };
  /**
  * Identifier of the cluster the service belongs to (the key under `functions.oscar` in an FDL file); used by delegation.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#cluster_id Service#cluster_id}
  */
  readonly clusterId?: string;
  /**
  * Other OSCAR clusters by id, for federation and delegation.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#clusters Service#clusters}
  */
  readonly clusters?: { [key: string]: ServiceClusters } | cdktf.IResolvable;
  /**
  * CPU limit of each container, as a Kubernetes quantity. Defaults to `0.2`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#cpu Service#cpu}
  */
  readonly cpu?: string;
  /**
  * Request one NVIDIA GPU (`nvidia.com/gpu: 1`) per container. Defaults to `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#enable_gpu Service#enable_gpu}
  */
  readonly enableGpu?: boolean | cdktf.IResolvable;
  /**
  * Request an Intel SGX enclave. Defaults to `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#enable_sgx Service#enable_sgx}
  */
  readonly enableSgx?: boolean | cdktf.IResolvable;
  /**
  * Environment of the service's containers.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#environment Service#environment}
  */
  readonly environment?: ServiceEnvironment;
  /**
  * Ephemeral-storage request of each container (used by Kueue quotas).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#ephemeral_storage_request Service#ephemeral_storage_request}
  */
  readonly ephemeralStorageRequest?: string;
  /**
  * Runs the service as an always-on, autoscaled Deployment reachable under `/system/services/<name>/exposed/`. Adding or removing it replaces the service (the manager cannot switch in place).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#expose Service#expose}
  */
  readonly expose?: ServiceExpose;
  /**
  * Delegation of jobs to replicas of the service on other clusters. Members need `environment.secrets.refresh_token`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#federation Service#federation}
  */
  readonly federation?: ServiceFederation;
  /**
  * Do not download the input file before running the script. Defaults to `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#file_stage_in Service#file_stage_in}
  */
  readonly fileStageIn?: boolean | cdktf.IResolvable;
  /**
  * Container image.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#image Service#image}
  */
  readonly image: string;
  /**
  * Pre-pull the image on every node when the service is created; the create then waits for it. Defaults to `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#image_prefetch Service#image_prefetch}
  */
  readonly imagePrefetch?: boolean | cdktf.IResolvable;
  /**
  * Names of existing image-pull Secrets in the services namespace.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#image_pull_secrets Service#image_pull_secrets}
  */
  readonly imagePullSecrets?: string[];
  /**
  * Event sources: an upload to a MinIO input folder (or a dCache/Rucio event) starts a job. The manager creates MinIO input buckets with the service. Removing or changing an existing MinIO input replaces the service, because the manager keeps the old bucket's upload trigger otherwise; adding one is done in place.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#input Service#input}
  */
  readonly input?: ServiceInput[] | cdktf.IResolvable;
  /**
  * interLink virtual node to run jobs on.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#interlink_node_name Service#interlink_node_name}
  */
  readonly interlinkNodeName?: string;
  /**
  * `SERVICE` (one input bucket) or `USER` (a private input bucket per allowed user). The manager treats not set as `SERVICE`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#isolation_level Service#isolation_level}
  */
  readonly isolationLevel?: string;
  /**
  * Keep the service's `token` in the state. Off, the token is not stored: read it when it is needed, from the manager (`GET /system/services/<name>`, `oscar-cli service get`). Defaults to `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#keep_token Service#keep_token}
  */
  readonly keepToken?: boolean | cdktf.IResolvable;
  /**
  * Serves a model with KServe next to the service (needs KServe on the cluster). Adding or removing it, or changing `type`, `storage_uri`, `inference.runtime` or `set_auth`, replaces the service: the manager refuses those updates.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#kserve Service#kserve}
  */
  readonly kserve?: ServiceKserve;
  /**
  * Kubernetes labels of the service's jobs and pods. The manager adds labels of its own, which are not shown.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#labels Service#labels}
  */
  readonly labels?: { [key: string]: string };
  /**
  * Log level of the in-container supervisor; use `CRITICAL` for synchronous services so logs do not end up in responses. Defaults to `INFO`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#log_level Service#log_level}
  */
  readonly logLevel?: string;
  /**
  * Memory limit of each container, as a Kubernetes quantity. Defaults to `256Mi`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#memory Service#memory}
  */
  readonly memory?: string;
  /**
  * A storage path mounted into the service's pods with rclone (jobs and exposed services).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#mount Service#mount}
  */
  readonly mount?: ServiceMount;
  /**
  * Service name: 3 to 39 lower-case letters, digits and `-`, starting with a letter. It names the service's Kubernetes objects and its default bucket; changing it replaces the service.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#name Service#name}
  */
  readonly name: string;
  /**
  * Where the script's output files are uploaded. The manager creates MinIO output buckets with the service.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#output Service#output}
  */
  readonly output?: ServiceOutput[] | cdktf.IResolvable;
  /**
  * Content of the script run at each invocation (not a file name: use `file("script.sh")`). The manager stores line endings as LF; a script written with CRLF is equivalent.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#script Service#script}
  */
  readonly script: string;
  /**
  * Storage servers the service's paths refer to, by type and a user-chosen id. `minio.default` is always the cluster's own MinIO (the manager sets it) and cannot be declared here. Credentials are stored by the manager in the service's ConfigMap, in clear text.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#storage_providers Service#storage_providers}
  */
  readonly storageProviders?: ServiceStorageProviders;
  /**
  * Knative scaling of synchronous invocations (`/run`). Defaults to scale from zero, unbounded.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#synchronous Service#synchronous}
  */
  readonly synchronous?: ServiceSynchronous;
  /**
  * CPU limit of all the service's jobs together (Apache YuniKorn only).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#total_cpu Service#total_cpu}
  */
  readonly totalCpu?: string;
  /**
  * Memory limit of all the service's jobs together (Apache YuniKorn only).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#total_memory Service#total_memory}
  */
  readonly totalMemory?: string;
  /**
  * Who may see and invoke the service: `private`, `restricted` (the `allowed_users`) or `public`. Defaults to `private`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#visibility Service#visibility}
  */
  readonly visibility?: string;
  /**
  * Virtual Organisation (OIDC group) of the service, on OIDC clusters. Left unset, the manager assigns the first of its `OIDC_GROUPS` the creating user is in, and that value is kept (not shown as drift).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#vo Service#vo}
  */
  readonly vo?: string;
  /**
  * A persistent RWX volume managed by OSCAR. The manager refuses to change it after creation, so any change replaces the service.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#volume Service#volume}
  */
  readonly volume?: ServiceVolume;
}
export interface ServiceClusters {
  /**
  * Basic-auth password. Write-only: never stored in the plan or the state.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#auth_password Service#auth_password}
  */
  readonly authPassword?: string;
  /**
  * Basic-auth user.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#auth_user Service#auth_user}
  */
  readonly authUser?: string;
  /**
  * URL of the cluster.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#endpoint Service#endpoint}
  */
  readonly endpoint?: string;
  /**
  * Verify the cluster's TLS certificate. Defaults to `true`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#ssl_verify Service#ssl_verify}
  */
  readonly sslVerify?: boolean | cdktf.IResolvable;
}

export function serviceClustersToTerraform(struct?: ServiceClusters | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    auth_password: cdktf.stringToTerraform(struct!.authPassword),
    auth_user: cdktf.stringToTerraform(struct!.authUser),
    endpoint: cdktf.stringToTerraform(struct!.endpoint),
    ssl_verify: cdktf.booleanToTerraform(struct!.sslVerify),
  }
}


export function serviceClustersToHclTerraform(struct?: ServiceClusters | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    auth_password: {
      value: cdktf.stringToHclTerraform(struct!.authPassword),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    auth_user: {
      value: cdktf.stringToHclTerraform(struct!.authUser),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    endpoint: {
      value: cdktf.stringToHclTerraform(struct!.endpoint),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    ssl_verify: {
      value: cdktf.booleanToHclTerraform(struct!.sslVerify),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceClustersOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectKey the key of this item in the map
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectKey: string) {
    super(terraformResource, terraformAttribute, false, complexObjectKey);
  }

  public get internalValue(): ServiceClusters | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._authPassword !== undefined) {
      hasAnyValues = true;
      internalValueResult.authPassword = this._authPassword;
    }
    if (this._authUser !== undefined) {
      hasAnyValues = true;
      internalValueResult.authUser = this._authUser;
    }
    if (this._endpoint !== undefined) {
      hasAnyValues = true;
      internalValueResult.endpoint = this._endpoint;
    }
    if (this._sslVerify !== undefined) {
      hasAnyValues = true;
      internalValueResult.sslVerify = this._sslVerify;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceClusters | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._authPassword = undefined;
      this._authUser = undefined;
      this._endpoint = undefined;
      this._sslVerify = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._authPassword = value.authPassword;
      this._authUser = value.authUser;
      this._endpoint = value.endpoint;
      this._sslVerify = value.sslVerify;
    }
  }

  // auth_password - computed: false, optional: true, required: false
  private _authPassword?: string; 
  public get authPassword() {
    return this.getStringAttribute('auth_password');
  }
  public set authPassword(value: string) {
    this._authPassword = value;
  }
  public resetAuthPassword() {
    this._authPassword = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get authPasswordInput() {
    return this._authPassword;
  }

  // auth_user - computed: false, optional: true, required: false
  private _authUser?: string; 
  public get authUser() {
    return this.getStringAttribute('auth_user');
  }
  public set authUser(value: string) {
    this._authUser = value;
  }
  public resetAuthUser() {
    this._authUser = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get authUserInput() {
    return this._authUser;
  }

  // endpoint - computed: false, optional: true, required: false
  private _endpoint?: string; 
  public get endpoint() {
    return this.getStringAttribute('endpoint');
  }
  public set endpoint(value: string) {
    this._endpoint = value;
  }
  public resetEndpoint() {
    this._endpoint = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get endpointInput() {
    return this._endpoint;
  }

  // ssl_verify - computed: true, optional: true, required: false
  private _sslVerify?: boolean | cdktf.IResolvable; 
  public get sslVerify() {
    return this.getBooleanAttribute('ssl_verify');
  }
  public set sslVerify(value: boolean | cdktf.IResolvable) {
    this._sslVerify = value;
  }
  public resetSslVerify() {
    this._sslVerify = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sslVerifyInput() {
    return this._sslVerify;
  }
}

export class ServiceClustersMap extends cdktf.ComplexMap {
  public internalValue? : { [key: string]: ServiceClusters } | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string) {
    super(terraformResource, terraformAttribute)
  }

  /**
  * @param key the key of the item to return
  */
  public get(key: string): ServiceClustersOutputReference {
    return new ServiceClustersOutputReference(this.terraformResource, this.terraformAttribute, key);
  }
}
export interface ServiceEnvironment {
  /**
  * Secret environment variables, kept by the manager in a Kubernetes Secret. Write-only: sent to the manager, never stored in the plan or the state (Terraform or OpenTofu 1.11 or later). A changed value updates the service in place (see `write_only_digest`); a value changed outside Terraform is not detected, as the manager never returns the values (a removed or added key is). Removing every secret replaces the service, as the manager keeps the Secret otherwise.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#secrets Service#secrets}
  */
  readonly secrets?: { [key: string]: string };
  /**
  * Plain environment variables.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#variables Service#variables}
  */
  readonly variables?: { [key: string]: string };
}

export function serviceEnvironmentToTerraform(struct?: ServiceEnvironment | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    secrets: cdktf.hashMapper(cdktf.stringToTerraform)(struct!.secrets),
    variables: cdktf.hashMapper(cdktf.stringToTerraform)(struct!.variables),
  }
}


export function serviceEnvironmentToHclTerraform(struct?: ServiceEnvironment | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    secrets: {
      value: cdktf.hashMapperHcl(cdktf.stringToHclTerraform)(struct!.secrets),
      isBlock: false,
      type: "map",
      storageClassType: "stringMap",
    },
    variables: {
      value: cdktf.hashMapperHcl(cdktf.stringToHclTerraform)(struct!.variables),
      isBlock: false,
      type: "map",
      storageClassType: "stringMap",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceEnvironmentOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): ServiceEnvironment | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._secrets !== undefined) {
      hasAnyValues = true;
      internalValueResult.secrets = this._secrets;
    }
    if (this._variables !== undefined) {
      hasAnyValues = true;
      internalValueResult.variables = this._variables;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceEnvironment | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._secrets = undefined;
      this._variables = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._secrets = value.secrets;
      this._variables = value.variables;
    }
  }

  // secret_names - computed: true, optional: false, required: false
  public get secretNames() {
    return cdktf.Fn.tolist(this.getListAttribute('secret_names'));
  }

  // secrets - computed: false, optional: true, required: false
  private _secrets?: { [key: string]: string }; 
  public get secrets() {
    return this.getStringMapAttribute('secrets');
  }
  public set secrets(value: { [key: string]: string }) {
    this._secrets = value;
  }
  public resetSecrets() {
    this._secrets = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get secretsInput() {
    return this._secrets;
  }

  // variables - computed: false, optional: true, required: false
  private _variables?: { [key: string]: string }; 
  public get variables() {
    return this.getStringMapAttribute('variables');
  }
  public set variables(value: { [key: string]: string }) {
    this._variables = value;
  }
  public resetVariables() {
    this._variables = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get variablesInput() {
    return this._variables;
  }
}
export interface ServiceExpose {
  /**
  * Container ports; the first one is routed.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#api_port Service#api_port}
  */
  readonly apiPort: number[];
  /**
  * `basic`, or `forward` (Gateway API with Traefik only). The manager treats not set as `basic`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#auth_type Service#auth_type}
  */
  readonly authType?: string;
  /**
  * Autoscaler target CPU utilisation, in percent. Defaults to `80`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#cpu_threshold Service#cpu_threshold}
  */
  readonly cpuThreshold?: number;
  /**
  * Run the image's own entrypoint instead of the script. Defaults to `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#default_command Service#default_command}
  */
  readonly defaultCommand?: boolean | cdktf.IResolvable;
  /**
  * Path probed for liveness and readiness; not set probes `/`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#health_path Service#health_path}
  */
  readonly healthPath?: string;
  /**
  * Autoscaler maximum. Defaults to `10`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#max_scale Service#max_scale}
  */
  readonly maxScale?: number;
  /**
  * Replicas kept running (autoscaler minimum). Defaults to `1`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#min_scale Service#min_scale}
  */
  readonly minScale?: number;
  /**
  * Node ports, one per `api_port` (JSON key `nodePort`); 0 lets Kubernetes choose, and the chosen port is not shown as a change. Makes the Kubernetes Service a NodePort.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#node_port Service#node_port}
  */
  readonly nodePort?: number[];
  /**
  * `legacy` prefixes the probe path when `rewrite_target` is set; `direct` probes it as written.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#probe_mode Service#probe_mode}
  */
  readonly probeMode?: string;
  /**
  * Keep the `/system/services/<name>/exposed` prefix when forwarding requests. Defaults to `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#rewrite_target Service#rewrite_target}
  */
  readonly rewriteTarget?: boolean | cdktf.IResolvable;
  /**
  * Protect the route with basic auth: user the service name, password the service token. Defaults to `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#set_auth Service#set_auth}
  */
  readonly setAuth?: boolean | cdktf.IResolvable;
}

export function serviceExposeToTerraform(struct?: ServiceExpose | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    api_port: cdktf.listMapper(cdktf.numberToTerraform, false)(struct!.apiPort),
    auth_type: cdktf.stringToTerraform(struct!.authType),
    cpu_threshold: cdktf.numberToTerraform(struct!.cpuThreshold),
    default_command: cdktf.booleanToTerraform(struct!.defaultCommand),
    health_path: cdktf.stringToTerraform(struct!.healthPath),
    max_scale: cdktf.numberToTerraform(struct!.maxScale),
    min_scale: cdktf.numberToTerraform(struct!.minScale),
    node_port: cdktf.listMapper(cdktf.numberToTerraform, false)(struct!.nodePort),
    probe_mode: cdktf.stringToTerraform(struct!.probeMode),
    rewrite_target: cdktf.booleanToTerraform(struct!.rewriteTarget),
    set_auth: cdktf.booleanToTerraform(struct!.setAuth),
  }
}


export function serviceExposeToHclTerraform(struct?: ServiceExpose | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    api_port: {
      value: cdktf.listMapperHcl(cdktf.numberToHclTerraform, false)(struct!.apiPort),
      isBlock: false,
      type: "list",
      storageClassType: "numberList",
    },
    auth_type: {
      value: cdktf.stringToHclTerraform(struct!.authType),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    cpu_threshold: {
      value: cdktf.numberToHclTerraform(struct!.cpuThreshold),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    default_command: {
      value: cdktf.booleanToHclTerraform(struct!.defaultCommand),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    health_path: {
      value: cdktf.stringToHclTerraform(struct!.healthPath),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    max_scale: {
      value: cdktf.numberToHclTerraform(struct!.maxScale),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    min_scale: {
      value: cdktf.numberToHclTerraform(struct!.minScale),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    node_port: {
      value: cdktf.listMapperHcl(cdktf.numberToHclTerraform, false)(struct!.nodePort),
      isBlock: false,
      type: "list",
      storageClassType: "numberList",
    },
    probe_mode: {
      value: cdktf.stringToHclTerraform(struct!.probeMode),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    rewrite_target: {
      value: cdktf.booleanToHclTerraform(struct!.rewriteTarget),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    set_auth: {
      value: cdktf.booleanToHclTerraform(struct!.setAuth),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceExposeOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): ServiceExpose | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._apiPort !== undefined) {
      hasAnyValues = true;
      internalValueResult.apiPort = this._apiPort;
    }
    if (this._authType !== undefined) {
      hasAnyValues = true;
      internalValueResult.authType = this._authType;
    }
    if (this._cpuThreshold !== undefined) {
      hasAnyValues = true;
      internalValueResult.cpuThreshold = this._cpuThreshold;
    }
    if (this._defaultCommand !== undefined) {
      hasAnyValues = true;
      internalValueResult.defaultCommand = this._defaultCommand;
    }
    if (this._healthPath !== undefined) {
      hasAnyValues = true;
      internalValueResult.healthPath = this._healthPath;
    }
    if (this._maxScale !== undefined) {
      hasAnyValues = true;
      internalValueResult.maxScale = this._maxScale;
    }
    if (this._minScale !== undefined) {
      hasAnyValues = true;
      internalValueResult.minScale = this._minScale;
    }
    if (this._nodePort !== undefined) {
      hasAnyValues = true;
      internalValueResult.nodePort = this._nodePort;
    }
    if (this._probeMode !== undefined) {
      hasAnyValues = true;
      internalValueResult.probeMode = this._probeMode;
    }
    if (this._rewriteTarget !== undefined) {
      hasAnyValues = true;
      internalValueResult.rewriteTarget = this._rewriteTarget;
    }
    if (this._setAuth !== undefined) {
      hasAnyValues = true;
      internalValueResult.setAuth = this._setAuth;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceExpose | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._apiPort = undefined;
      this._authType = undefined;
      this._cpuThreshold = undefined;
      this._defaultCommand = undefined;
      this._healthPath = undefined;
      this._maxScale = undefined;
      this._minScale = undefined;
      this._nodePort = undefined;
      this._probeMode = undefined;
      this._rewriteTarget = undefined;
      this._setAuth = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._apiPort = value.apiPort;
      this._authType = value.authType;
      this._cpuThreshold = value.cpuThreshold;
      this._defaultCommand = value.defaultCommand;
      this._healthPath = value.healthPath;
      this._maxScale = value.maxScale;
      this._minScale = value.minScale;
      this._nodePort = value.nodePort;
      this._probeMode = value.probeMode;
      this._rewriteTarget = value.rewriteTarget;
      this._setAuth = value.setAuth;
    }
  }

  // api_port - computed: false, optional: false, required: true
  private _apiPort?: number[]; 
  public get apiPort() {
    return this.getNumberListAttribute('api_port');
  }
  public set apiPort(value: number[]) {
    this._apiPort = value;
  }
  // Temporarily expose input value. Use with caution.
  public get apiPortInput() {
    return this._apiPort;
  }

  // auth_type - computed: false, optional: true, required: false
  private _authType?: string; 
  public get authType() {
    return this.getStringAttribute('auth_type');
  }
  public set authType(value: string) {
    this._authType = value;
  }
  public resetAuthType() {
    this._authType = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get authTypeInput() {
    return this._authType;
  }

  // cpu_threshold - computed: true, optional: true, required: false
  private _cpuThreshold?: number; 
  public get cpuThreshold() {
    return this.getNumberAttribute('cpu_threshold');
  }
  public set cpuThreshold(value: number) {
    this._cpuThreshold = value;
  }
  public resetCpuThreshold() {
    this._cpuThreshold = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get cpuThresholdInput() {
    return this._cpuThreshold;
  }

  // default_command - computed: true, optional: true, required: false
  private _defaultCommand?: boolean | cdktf.IResolvable; 
  public get defaultCommand() {
    return this.getBooleanAttribute('default_command');
  }
  public set defaultCommand(value: boolean | cdktf.IResolvable) {
    this._defaultCommand = value;
  }
  public resetDefaultCommand() {
    this._defaultCommand = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get defaultCommandInput() {
    return this._defaultCommand;
  }

  // health_path - computed: false, optional: true, required: false
  private _healthPath?: string; 
  public get healthPath() {
    return this.getStringAttribute('health_path');
  }
  public set healthPath(value: string) {
    this._healthPath = value;
  }
  public resetHealthPath() {
    this._healthPath = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get healthPathInput() {
    return this._healthPath;
  }

  // max_scale - computed: true, optional: true, required: false
  private _maxScale?: number; 
  public get maxScale() {
    return this.getNumberAttribute('max_scale');
  }
  public set maxScale(value: number) {
    this._maxScale = value;
  }
  public resetMaxScale() {
    this._maxScale = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get maxScaleInput() {
    return this._maxScale;
  }

  // min_scale - computed: true, optional: true, required: false
  private _minScale?: number; 
  public get minScale() {
    return this.getNumberAttribute('min_scale');
  }
  public set minScale(value: number) {
    this._minScale = value;
  }
  public resetMinScale() {
    this._minScale = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get minScaleInput() {
    return this._minScale;
  }

  // node_port - computed: false, optional: true, required: false
  private _nodePort?: number[]; 
  public get nodePort() {
    return this.getNumberListAttribute('node_port');
  }
  public set nodePort(value: number[]) {
    this._nodePort = value;
  }
  public resetNodePort() {
    this._nodePort = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get nodePortInput() {
    return this._nodePort;
  }

  // probe_mode - computed: false, optional: true, required: false
  private _probeMode?: string; 
  public get probeMode() {
    return this.getStringAttribute('probe_mode');
  }
  public set probeMode(value: string) {
    this._probeMode = value;
  }
  public resetProbeMode() {
    this._probeMode = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get probeModeInput() {
    return this._probeMode;
  }

  // rewrite_target - computed: true, optional: true, required: false
  private _rewriteTarget?: boolean | cdktf.IResolvable; 
  public get rewriteTarget() {
    return this.getBooleanAttribute('rewrite_target');
  }
  public set rewriteTarget(value: boolean | cdktf.IResolvable) {
    this._rewriteTarget = value;
  }
  public resetRewriteTarget() {
    this._rewriteTarget = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get rewriteTargetInput() {
    return this._rewriteTarget;
  }

  // set_auth - computed: true, optional: true, required: false
  private _setAuth?: boolean | cdktf.IResolvable; 
  public get setAuth() {
    return this.getBooleanAttribute('set_auth');
  }
  public set setAuth(value: boolean | cdktf.IResolvable) {
    this._setAuth = value;
  }
  public resetSetAuth() {
    this._setAuth = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get setAuthInput() {
    return this._setAuth;
  }
}
export interface ServiceFederationMembers {
  /**
  * Cluster of an `oscar` replica (a key of `clusters`).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#cluster_id Service#cluster_id}
  */
  readonly clusterId?: string;
  /**
  * HTTP headers sent to an `endpoint` replica.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#headers Service#headers}
  */
  readonly headers?: { [key: string]: string };
  /**
  * Delegation priority; 0 is the highest. Defaults to `0`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#priority Service#priority}
  */
  readonly priority?: number;
  /**
  * Service name of an `oscar` replica.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#service_name Service#service_name}
  */
  readonly serviceName?: string;
  /**
  * Verify TLS certificates. Defaults to `true`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#ssl_verify Service#ssl_verify}
  */
  readonly sslVerify?: boolean | cdktf.IResolvable;
  /**
  * `oscar` (a service on another OSCAR cluster) or `endpoint` (a plain URL).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#type Service#type}
  */
  readonly type: string;
  /**
  * URL of an `endpoint` replica.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#url Service#url}
  */
  readonly url?: string;
}

export function serviceFederationMembersToTerraform(struct?: ServiceFederationMembers | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    cluster_id: cdktf.stringToTerraform(struct!.clusterId),
    headers: cdktf.hashMapper(cdktf.stringToTerraform)(struct!.headers),
    priority: cdktf.numberToTerraform(struct!.priority),
    service_name: cdktf.stringToTerraform(struct!.serviceName),
    ssl_verify: cdktf.booleanToTerraform(struct!.sslVerify),
    type: cdktf.stringToTerraform(struct!.type),
    url: cdktf.stringToTerraform(struct!.url),
  }
}


export function serviceFederationMembersToHclTerraform(struct?: ServiceFederationMembers | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    cluster_id: {
      value: cdktf.stringToHclTerraform(struct!.clusterId),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    headers: {
      value: cdktf.hashMapperHcl(cdktf.stringToHclTerraform)(struct!.headers),
      isBlock: false,
      type: "map",
      storageClassType: "stringMap",
    },
    priority: {
      value: cdktf.numberToHclTerraform(struct!.priority),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    service_name: {
      value: cdktf.stringToHclTerraform(struct!.serviceName),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    ssl_verify: {
      value: cdktf.booleanToHclTerraform(struct!.sslVerify),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    type: {
      value: cdktf.stringToHclTerraform(struct!.type),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    url: {
      value: cdktf.stringToHclTerraform(struct!.url),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceFederationMembersOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): ServiceFederationMembers | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._clusterId !== undefined) {
      hasAnyValues = true;
      internalValueResult.clusterId = this._clusterId;
    }
    if (this._headers !== undefined) {
      hasAnyValues = true;
      internalValueResult.headers = this._headers;
    }
    if (this._priority !== undefined) {
      hasAnyValues = true;
      internalValueResult.priority = this._priority;
    }
    if (this._serviceName !== undefined) {
      hasAnyValues = true;
      internalValueResult.serviceName = this._serviceName;
    }
    if (this._sslVerify !== undefined) {
      hasAnyValues = true;
      internalValueResult.sslVerify = this._sslVerify;
    }
    if (this._type !== undefined) {
      hasAnyValues = true;
      internalValueResult.type = this._type;
    }
    if (this._url !== undefined) {
      hasAnyValues = true;
      internalValueResult.url = this._url;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceFederationMembers | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._clusterId = undefined;
      this._headers = undefined;
      this._priority = undefined;
      this._serviceName = undefined;
      this._sslVerify = undefined;
      this._type = undefined;
      this._url = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._clusterId = value.clusterId;
      this._headers = value.headers;
      this._priority = value.priority;
      this._serviceName = value.serviceName;
      this._sslVerify = value.sslVerify;
      this._type = value.type;
      this._url = value.url;
    }
  }

  // cluster_id - computed: false, optional: true, required: false
  private _clusterId?: string; 
  public get clusterId() {
    return this.getStringAttribute('cluster_id');
  }
  public set clusterId(value: string) {
    this._clusterId = value;
  }
  public resetClusterId() {
    this._clusterId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get clusterIdInput() {
    return this._clusterId;
  }

  // headers - computed: false, optional: true, required: false
  private _headers?: { [key: string]: string }; 
  public get headers() {
    return this.getStringMapAttribute('headers');
  }
  public set headers(value: { [key: string]: string }) {
    this._headers = value;
  }
  public resetHeaders() {
    this._headers = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get headersInput() {
    return this._headers;
  }

  // priority - computed: true, optional: true, required: false
  private _priority?: number; 
  public get priority() {
    return this.getNumberAttribute('priority');
  }
  public set priority(value: number) {
    this._priority = value;
  }
  public resetPriority() {
    this._priority = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get priorityInput() {
    return this._priority;
  }

  // service_name - computed: false, optional: true, required: false
  private _serviceName?: string; 
  public get serviceName() {
    return this.getStringAttribute('service_name');
  }
  public set serviceName(value: string) {
    this._serviceName = value;
  }
  public resetServiceName() {
    this._serviceName = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get serviceNameInput() {
    return this._serviceName;
  }

  // ssl_verify - computed: true, optional: true, required: false
  private _sslVerify?: boolean | cdktf.IResolvable; 
  public get sslVerify() {
    return this.getBooleanAttribute('ssl_verify');
  }
  public set sslVerify(value: boolean | cdktf.IResolvable) {
    this._sslVerify = value;
  }
  public resetSslVerify() {
    this._sslVerify = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sslVerifyInput() {
    return this._sslVerify;
  }

  // type - computed: false, optional: false, required: true
  private _type?: string; 
  public get type() {
    return this.getStringAttribute('type');
  }
  public set type(value: string) {
    this._type = value;
  }
  // Temporarily expose input value. Use with caution.
  public get typeInput() {
    return this._type;
  }

  // url - computed: false, optional: true, required: false
  private _url?: string; 
  public get url() {
    return this.getStringAttribute('url');
  }
  public set url(value: string) {
    this._url = value;
  }
  public resetUrl() {
    this._url = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get urlInput() {
    return this._url;
  }
}

export class ServiceFederationMembersList extends cdktf.ComplexList {
  public internalValue? : ServiceFederationMembers[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): ServiceFederationMembersOutputReference {
    return new ServiceFederationMembersOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface ServiceFederation {
  /**
  * Delegation policy: `static`, `random`, `load-based` or `topsis`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#delegation Service#delegation}
  */
  readonly delegation?: string;
  /**
  * Federation group id. Defaults to the service name.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#group_id Service#group_id}
  */
  readonly groupId?: string;
  /**
  * Replicas of the service.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#members Service#members}
  */
  readonly members?: ServiceFederationMembers[] | cdktf.IResolvable;
  /**
  * Seconds a job may stay pending before it is delegated.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#rescheduler_threshold Service#rescheduler_threshold}
  */
  readonly reschedulerThreshold?: number;
  /**
  * `none`, `star` or `mesh`. Defaults to `none`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#topology Service#topology}
  */
  readonly topology?: string;
}

export function serviceFederationToTerraform(struct?: ServiceFederation | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    delegation: cdktf.stringToTerraform(struct!.delegation),
    group_id: cdktf.stringToTerraform(struct!.groupId),
    members: cdktf.listMapper(serviceFederationMembersToTerraform, false)(struct!.members),
    rescheduler_threshold: cdktf.numberToTerraform(struct!.reschedulerThreshold),
    topology: cdktf.stringToTerraform(struct!.topology),
  }
}


export function serviceFederationToHclTerraform(struct?: ServiceFederation | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    delegation: {
      value: cdktf.stringToHclTerraform(struct!.delegation),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    group_id: {
      value: cdktf.stringToHclTerraform(struct!.groupId),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    members: {
      value: cdktf.listMapperHcl(serviceFederationMembersToHclTerraform, false)(struct!.members),
      isBlock: true,
      type: "list",
      storageClassType: "ServiceFederationMembersList",
    },
    rescheduler_threshold: {
      value: cdktf.numberToHclTerraform(struct!.reschedulerThreshold),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    topology: {
      value: cdktf.stringToHclTerraform(struct!.topology),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceFederationOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): ServiceFederation | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._delegation !== undefined) {
      hasAnyValues = true;
      internalValueResult.delegation = this._delegation;
    }
    if (this._groupId !== undefined) {
      hasAnyValues = true;
      internalValueResult.groupId = this._groupId;
    }
    if (this._members?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.members = this._members?.internalValue;
    }
    if (this._reschedulerThreshold !== undefined) {
      hasAnyValues = true;
      internalValueResult.reschedulerThreshold = this._reschedulerThreshold;
    }
    if (this._topology !== undefined) {
      hasAnyValues = true;
      internalValueResult.topology = this._topology;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceFederation | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._delegation = undefined;
      this._groupId = undefined;
      this._members.internalValue = undefined;
      this._reschedulerThreshold = undefined;
      this._topology = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._delegation = value.delegation;
      this._groupId = value.groupId;
      this._members.internalValue = value.members;
      this._reschedulerThreshold = value.reschedulerThreshold;
      this._topology = value.topology;
    }
  }

  // delegation - computed: false, optional: true, required: false
  private _delegation?: string; 
  public get delegation() {
    return this.getStringAttribute('delegation');
  }
  public set delegation(value: string) {
    this._delegation = value;
  }
  public resetDelegation() {
    this._delegation = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get delegationInput() {
    return this._delegation;
  }

  // group_id - computed: true, optional: true, required: false
  private _groupId?: string; 
  public get groupId() {
    return this.getStringAttribute('group_id');
  }
  public set groupId(value: string) {
    this._groupId = value;
  }
  public resetGroupId() {
    this._groupId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get groupIdInput() {
    return this._groupId;
  }

  // members - computed: false, optional: true, required: false
  private _members = new ServiceFederationMembersList(this, "members", false);
  public get members() {
    return this._members;
  }
  public putMembers(value: ServiceFederationMembers[] | cdktf.IResolvable) {
    this._members.internalValue = value;
  }
  public resetMembers() {
    this._members.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get membersInput() {
    return this._members.internalValue;
  }

  // rescheduler_threshold - computed: false, optional: true, required: false
  private _reschedulerThreshold?: number; 
  public get reschedulerThreshold() {
    return this.getNumberAttribute('rescheduler_threshold');
  }
  public set reschedulerThreshold(value: number) {
    this._reschedulerThreshold = value;
  }
  public resetReschedulerThreshold() {
    this._reschedulerThreshold = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get reschedulerThresholdInput() {
    return this._reschedulerThreshold;
  }

  // topology - computed: true, optional: true, required: false
  private _topology?: string; 
  public get topology() {
    return this.getStringAttribute('topology');
  }
  public set topology(value: string) {
    this._topology = value;
  }
  public resetTopology() {
    this._topology = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get topologyInput() {
    return this._topology;
  }
}
export interface ServiceInput {
  /**
  * Extra rclone flags of a mount.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#options Service#options}
  */
  readonly options?: string;
  /**
  * Path in the provider. For MinIO and S3 the first segment is the bucket and the rest a folder; write both (`bucket/folder`): the manager turns a single segment `x` of an input or output into `<service name>/x`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#path Service#path}
  */
  readonly path: string;
  /**
  * Only upload output files whose names start with one of these.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#prefix Service#prefix}
  */
  readonly prefix?: string[];
  /**
  * Storage provider of the events: `minio` (or `minio.<id>` naming the cluster's own MinIO), `webdav.<id>` or `rucio.<id>`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#storage_provider Service#storage_provider}
  */
  readonly storageProvider: string;
  /**
  * Only upload output files whose names end with one of these.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#suffix Service#suffix}
  */
  readonly suffix?: string[];
}

export function serviceInputToTerraform(struct?: ServiceInput | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    options: cdktf.stringToTerraform(struct!.options),
    path: cdktf.stringToTerraform(struct!.path),
    prefix: cdktf.listMapper(cdktf.stringToTerraform, false)(struct!.prefix),
    storage_provider: cdktf.stringToTerraform(struct!.storageProvider),
    suffix: cdktf.listMapper(cdktf.stringToTerraform, false)(struct!.suffix),
  }
}


export function serviceInputToHclTerraform(struct?: ServiceInput | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    options: {
      value: cdktf.stringToHclTerraform(struct!.options),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    path: {
      value: cdktf.stringToHclTerraform(struct!.path),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    prefix: {
      value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(struct!.prefix),
      isBlock: false,
      type: "list",
      storageClassType: "stringList",
    },
    storage_provider: {
      value: cdktf.stringToHclTerraform(struct!.storageProvider),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    suffix: {
      value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(struct!.suffix),
      isBlock: false,
      type: "list",
      storageClassType: "stringList",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceInputOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): ServiceInput | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._options !== undefined) {
      hasAnyValues = true;
      internalValueResult.options = this._options;
    }
    if (this._path !== undefined) {
      hasAnyValues = true;
      internalValueResult.path = this._path;
    }
    if (this._prefix !== undefined) {
      hasAnyValues = true;
      internalValueResult.prefix = this._prefix;
    }
    if (this._storageProvider !== undefined) {
      hasAnyValues = true;
      internalValueResult.storageProvider = this._storageProvider;
    }
    if (this._suffix !== undefined) {
      hasAnyValues = true;
      internalValueResult.suffix = this._suffix;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceInput | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._options = undefined;
      this._path = undefined;
      this._prefix = undefined;
      this._storageProvider = undefined;
      this._suffix = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._options = value.options;
      this._path = value.path;
      this._prefix = value.prefix;
      this._storageProvider = value.storageProvider;
      this._suffix = value.suffix;
    }
  }

  // options - computed: false, optional: true, required: false
  private _options?: string; 
  public get options() {
    return this.getStringAttribute('options');
  }
  public set options(value: string) {
    this._options = value;
  }
  public resetOptions() {
    this._options = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get optionsInput() {
    return this._options;
  }

  // path - computed: false, optional: false, required: true
  private _path?: string; 
  public get path() {
    return this.getStringAttribute('path');
  }
  public set path(value: string) {
    this._path = value;
  }
  // Temporarily expose input value. Use with caution.
  public get pathInput() {
    return this._path;
  }

  // prefix - computed: false, optional: true, required: false
  private _prefix?: string[]; 
  public get prefix() {
    return this.getListAttribute('prefix');
  }
  public set prefix(value: string[]) {
    this._prefix = value;
  }
  public resetPrefix() {
    this._prefix = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get prefixInput() {
    return this._prefix;
  }

  // storage_provider - computed: false, optional: false, required: true
  private _storageProvider?: string; 
  public get storageProvider() {
    return this.getStringAttribute('storage_provider');
  }
  public set storageProvider(value: string) {
    this._storageProvider = value;
  }
  // Temporarily expose input value. Use with caution.
  public get storageProviderInput() {
    return this._storageProvider;
  }

  // suffix - computed: false, optional: true, required: false
  private _suffix?: string[]; 
  public get suffix() {
    return this.getListAttribute('suffix');
  }
  public set suffix(value: string[]) {
    this._suffix = value;
  }
  public resetSuffix() {
    this._suffix = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get suffixInput() {
    return this._suffix;
  }
}

export class ServiceInputList extends cdktf.ComplexList {
  public internalValue? : ServiceInput[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): ServiceInputOutputReference {
    return new ServiceInputOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface ServiceKserveInference {
  /**
  * `onnx`, `sklearn`, `xgboost`, `pytorch`, `tensorflow`, `triton` or `huggingface`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#model_format Service#model_format}
  */
  readonly modelFormat: string;
  /**
  * Serving runtime.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#runtime Service#runtime}
  */
  readonly runtime?: string;
}

export function serviceKserveInferenceToTerraform(struct?: ServiceKserveInference | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    model_format: cdktf.stringToTerraform(struct!.modelFormat),
    runtime: cdktf.stringToTerraform(struct!.runtime),
  }
}


export function serviceKserveInferenceToHclTerraform(struct?: ServiceKserveInference | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    model_format: {
      value: cdktf.stringToHclTerraform(struct!.modelFormat),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    runtime: {
      value: cdktf.stringToHclTerraform(struct!.runtime),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceKserveInferenceOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): ServiceKserveInference | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._modelFormat !== undefined) {
      hasAnyValues = true;
      internalValueResult.modelFormat = this._modelFormat;
    }
    if (this._runtime !== undefined) {
      hasAnyValues = true;
      internalValueResult.runtime = this._runtime;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceKserveInference | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._modelFormat = undefined;
      this._runtime = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._modelFormat = value.modelFormat;
      this._runtime = value.runtime;
    }
  }

  // model_format - computed: false, optional: false, required: true
  private _modelFormat?: string; 
  public get modelFormat() {
    return this.getStringAttribute('model_format');
  }
  public set modelFormat(value: string) {
    this._modelFormat = value;
  }
  // Temporarily expose input value. Use with caution.
  public get modelFormatInput() {
    return this._modelFormat;
  }

  // runtime - computed: false, optional: true, required: false
  private _runtime?: string; 
  public get runtime() {
    return this.getStringAttribute('runtime');
  }
  public set runtime(value: string) {
    this._runtime = value;
  }
  public resetRuntime() {
    this._runtime = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get runtimeInput() {
    return this._runtime;
  }
}
export interface ServiceKserveLlmInference {
  /**
  * Runtime image.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#runtime_image Service#runtime_image}
  */
  readonly runtimeImage?: string;
}

export function serviceKserveLlmInferenceToTerraform(struct?: ServiceKserveLlmInference | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    runtime_image: cdktf.stringToTerraform(struct!.runtimeImage),
  }
}


export function serviceKserveLlmInferenceToHclTerraform(struct?: ServiceKserveLlmInference | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    runtime_image: {
      value: cdktf.stringToHclTerraform(struct!.runtimeImage),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceKserveLlmInferenceOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): ServiceKserveLlmInference | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._runtimeImage !== undefined) {
      hasAnyValues = true;
      internalValueResult.runtimeImage = this._runtimeImage;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceKserveLlmInference | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._runtimeImage = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._runtimeImage = value.runtimeImage;
    }
  }

  // runtime_image - computed: false, optional: true, required: false
  private _runtimeImage?: string; 
  public get runtimeImage() {
    return this.getStringAttribute('runtime_image');
  }
  public set runtimeImage(value: string) {
    this._runtimeImage = value;
  }
  public resetRuntimeImage() {
    this._runtimeImage = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get runtimeImageInput() {
    return this._runtimeImage;
  }
}
export interface ServiceKserve {
  /**
  * KServe protocol version. Defaults to `v1`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#api_version Service#api_version}
  */
  readonly apiVersion?: string;
  /**
  * Predictor arguments.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#args Service#args}
  */
  readonly args?: string[];
  /**
  * CPU of the predictor. Defaults to `0.2`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#cpu Service#cpu}
  */
  readonly cpu?: string;
  /**
  * Give the predictor a GPU. Defaults to `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#enable_gpu Service#enable_gpu}
  */
  readonly enableGpu?: boolean | cdktf.IResolvable;
  /**
  * Predictor environment.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#env Service#env}
  */
  readonly env?: { [key: string]: string };
  /**
  * Predictor settings, required for type `inference`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#inference Service#inference}
  */
  readonly inference?: ServiceKserveInference;
  /**
  * Settings of type `llm_inference`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#llm_inference Service#llm_inference}
  */
  readonly llmInference?: ServiceKserveLlmInference;
  /**
  * Maximum predictor replicas. Defaults to `1`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#max_scale Service#max_scale}
  */
  readonly maxScale?: number;
  /**
  * Memory of the predictor. Defaults to `256Mi`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#memory Service#memory}
  */
  readonly memory?: string;
  /**
  * Minimum predictor replicas. Defaults to `0`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#min_scale Service#min_scale}
  */
  readonly minScale?: number;
  /**
  * Protect the predictor route. Defaults to `true`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#set_auth Service#set_auth}
  */
  readonly setAuth?: boolean | cdktf.IResolvable;
  /**
  * Where the model is, e.g. `gs://...` or `hf://...`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#storage_uri Service#storage_uri}
  */
  readonly storageUri: string;
  /**
  * `inference` (an InferenceService) or `llm_inference` (an LLMInferenceService).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#type Service#type}
  */
  readonly type: string;
}

export function serviceKserveToTerraform(struct?: ServiceKserve | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    api_version: cdktf.stringToTerraform(struct!.apiVersion),
    args: cdktf.listMapper(cdktf.stringToTerraform, false)(struct!.args),
    cpu: cdktf.stringToTerraform(struct!.cpu),
    enable_gpu: cdktf.booleanToTerraform(struct!.enableGpu),
    env: cdktf.hashMapper(cdktf.stringToTerraform)(struct!.env),
    inference: serviceKserveInferenceToTerraform(struct!.inference),
    llm_inference: serviceKserveLlmInferenceToTerraform(struct!.llmInference),
    max_scale: cdktf.numberToTerraform(struct!.maxScale),
    memory: cdktf.stringToTerraform(struct!.memory),
    min_scale: cdktf.numberToTerraform(struct!.minScale),
    set_auth: cdktf.booleanToTerraform(struct!.setAuth),
    storage_uri: cdktf.stringToTerraform(struct!.storageUri),
    type: cdktf.stringToTerraform(struct!.type),
  }
}


export function serviceKserveToHclTerraform(struct?: ServiceKserve | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    api_version: {
      value: cdktf.stringToHclTerraform(struct!.apiVersion),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    args: {
      value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(struct!.args),
      isBlock: false,
      type: "list",
      storageClassType: "stringList",
    },
    cpu: {
      value: cdktf.stringToHclTerraform(struct!.cpu),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    enable_gpu: {
      value: cdktf.booleanToHclTerraform(struct!.enableGpu),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    env: {
      value: cdktf.hashMapperHcl(cdktf.stringToHclTerraform)(struct!.env),
      isBlock: false,
      type: "map",
      storageClassType: "stringMap",
    },
    inference: {
      value: serviceKserveInferenceToHclTerraform(struct!.inference),
      isBlock: true,
      type: "struct",
      storageClassType: "ServiceKserveInference",
    },
    llm_inference: {
      value: serviceKserveLlmInferenceToHclTerraform(struct!.llmInference),
      isBlock: true,
      type: "struct",
      storageClassType: "ServiceKserveLlmInference",
    },
    max_scale: {
      value: cdktf.numberToHclTerraform(struct!.maxScale),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    memory: {
      value: cdktf.stringToHclTerraform(struct!.memory),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    min_scale: {
      value: cdktf.numberToHclTerraform(struct!.minScale),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    set_auth: {
      value: cdktf.booleanToHclTerraform(struct!.setAuth),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    storage_uri: {
      value: cdktf.stringToHclTerraform(struct!.storageUri),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    type: {
      value: cdktf.stringToHclTerraform(struct!.type),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceKserveOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): ServiceKserve | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._apiVersion !== undefined) {
      hasAnyValues = true;
      internalValueResult.apiVersion = this._apiVersion;
    }
    if (this._args !== undefined) {
      hasAnyValues = true;
      internalValueResult.args = this._args;
    }
    if (this._cpu !== undefined) {
      hasAnyValues = true;
      internalValueResult.cpu = this._cpu;
    }
    if (this._enableGpu !== undefined) {
      hasAnyValues = true;
      internalValueResult.enableGpu = this._enableGpu;
    }
    if (this._env !== undefined) {
      hasAnyValues = true;
      internalValueResult.env = this._env;
    }
    if (this._inference?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.inference = this._inference?.internalValue;
    }
    if (this._llmInference?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.llmInference = this._llmInference?.internalValue;
    }
    if (this._maxScale !== undefined) {
      hasAnyValues = true;
      internalValueResult.maxScale = this._maxScale;
    }
    if (this._memory !== undefined) {
      hasAnyValues = true;
      internalValueResult.memory = this._memory;
    }
    if (this._minScale !== undefined) {
      hasAnyValues = true;
      internalValueResult.minScale = this._minScale;
    }
    if (this._setAuth !== undefined) {
      hasAnyValues = true;
      internalValueResult.setAuth = this._setAuth;
    }
    if (this._storageUri !== undefined) {
      hasAnyValues = true;
      internalValueResult.storageUri = this._storageUri;
    }
    if (this._type !== undefined) {
      hasAnyValues = true;
      internalValueResult.type = this._type;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceKserve | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._apiVersion = undefined;
      this._args = undefined;
      this._cpu = undefined;
      this._enableGpu = undefined;
      this._env = undefined;
      this._inference.internalValue = undefined;
      this._llmInference.internalValue = undefined;
      this._maxScale = undefined;
      this._memory = undefined;
      this._minScale = undefined;
      this._setAuth = undefined;
      this._storageUri = undefined;
      this._type = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._apiVersion = value.apiVersion;
      this._args = value.args;
      this._cpu = value.cpu;
      this._enableGpu = value.enableGpu;
      this._env = value.env;
      this._inference.internalValue = value.inference;
      this._llmInference.internalValue = value.llmInference;
      this._maxScale = value.maxScale;
      this._memory = value.memory;
      this._minScale = value.minScale;
      this._setAuth = value.setAuth;
      this._storageUri = value.storageUri;
      this._type = value.type;
    }
  }

  // api_version - computed: true, optional: true, required: false
  private _apiVersion?: string; 
  public get apiVersion() {
    return this.getStringAttribute('api_version');
  }
  public set apiVersion(value: string) {
    this._apiVersion = value;
  }
  public resetApiVersion() {
    this._apiVersion = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get apiVersionInput() {
    return this._apiVersion;
  }

  // args - computed: false, optional: true, required: false
  private _args?: string[]; 
  public get args() {
    return this.getListAttribute('args');
  }
  public set args(value: string[]) {
    this._args = value;
  }
  public resetArgs() {
    this._args = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get argsInput() {
    return this._args;
  }

  // cpu - computed: true, optional: true, required: false
  private _cpu?: string; 
  public get cpu() {
    return this.getStringAttribute('cpu');
  }
  public set cpu(value: string) {
    this._cpu = value;
  }
  public resetCpu() {
    this._cpu = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get cpuInput() {
    return this._cpu;
  }

  // enable_gpu - computed: true, optional: true, required: false
  private _enableGpu?: boolean | cdktf.IResolvable; 
  public get enableGpu() {
    return this.getBooleanAttribute('enable_gpu');
  }
  public set enableGpu(value: boolean | cdktf.IResolvable) {
    this._enableGpu = value;
  }
  public resetEnableGpu() {
    this._enableGpu = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get enableGpuInput() {
    return this._enableGpu;
  }

  // env - computed: false, optional: true, required: false
  private _env?: { [key: string]: string }; 
  public get env() {
    return this.getStringMapAttribute('env');
  }
  public set env(value: { [key: string]: string }) {
    this._env = value;
  }
  public resetEnv() {
    this._env = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get envInput() {
    return this._env;
  }

  // inference - computed: false, optional: true, required: false
  private _inference = new ServiceKserveInferenceOutputReference(this, "inference");
  public get inference() {
    return this._inference;
  }
  public putInference(value: ServiceKserveInference) {
    this._inference.internalValue = value;
  }
  public resetInference() {
    this._inference.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get inferenceInput() {
    return this._inference.internalValue;
  }

  // llm_inference - computed: false, optional: true, required: false
  private _llmInference = new ServiceKserveLlmInferenceOutputReference(this, "llm_inference");
  public get llmInference() {
    return this._llmInference;
  }
  public putLlmInference(value: ServiceKserveLlmInference) {
    this._llmInference.internalValue = value;
  }
  public resetLlmInference() {
    this._llmInference.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get llmInferenceInput() {
    return this._llmInference.internalValue;
  }

  // max_scale - computed: true, optional: true, required: false
  private _maxScale?: number; 
  public get maxScale() {
    return this.getNumberAttribute('max_scale');
  }
  public set maxScale(value: number) {
    this._maxScale = value;
  }
  public resetMaxScale() {
    this._maxScale = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get maxScaleInput() {
    return this._maxScale;
  }

  // memory - computed: true, optional: true, required: false
  private _memory?: string; 
  public get memory() {
    return this.getStringAttribute('memory');
  }
  public set memory(value: string) {
    this._memory = value;
  }
  public resetMemory() {
    this._memory = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get memoryInput() {
    return this._memory;
  }

  // min_scale - computed: true, optional: true, required: false
  private _minScale?: number; 
  public get minScale() {
    return this.getNumberAttribute('min_scale');
  }
  public set minScale(value: number) {
    this._minScale = value;
  }
  public resetMinScale() {
    this._minScale = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get minScaleInput() {
    return this._minScale;
  }

  // set_auth - computed: true, optional: true, required: false
  private _setAuth?: boolean | cdktf.IResolvable; 
  public get setAuth() {
    return this.getBooleanAttribute('set_auth');
  }
  public set setAuth(value: boolean | cdktf.IResolvable) {
    this._setAuth = value;
  }
  public resetSetAuth() {
    this._setAuth = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get setAuthInput() {
    return this._setAuth;
  }

  // storage_uri - computed: false, optional: false, required: true
  private _storageUri?: string; 
  public get storageUri() {
    return this.getStringAttribute('storage_uri');
  }
  public set storageUri(value: string) {
    this._storageUri = value;
  }
  // Temporarily expose input value. Use with caution.
  public get storageUriInput() {
    return this._storageUri;
  }

  // type - computed: false, optional: false, required: true
  private _type?: string; 
  public get type() {
    return this.getStringAttribute('type');
  }
  public set type(value: string) {
    this._type = value;
  }
  // Temporarily expose input value. Use with caution.
  public get typeInput() {
    return this._type;
  }
}
export interface ServiceMount {
  /**
  * Extra rclone flags of a mount.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#options Service#options}
  */
  readonly options?: string;
  /**
  * Path to mount: `bucket` or `bucket/folder` for MinIO and S3.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#path Service#path}
  */
  readonly path: string;
  /**
  * Only upload output files whose names start with one of these.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#prefix Service#prefix}
  */
  readonly prefix?: string[];
  /**
  * Storage provider: `minio`, `minio.<id>`, `s3.<id>` or `webdav.<id>`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#storage_provider Service#storage_provider}
  */
  readonly storageProvider: string;
  /**
  * Only upload output files whose names end with one of these.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#suffix Service#suffix}
  */
  readonly suffix?: string[];
}

export function serviceMountToTerraform(struct?: ServiceMount | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    options: cdktf.stringToTerraform(struct!.options),
    path: cdktf.stringToTerraform(struct!.path),
    prefix: cdktf.listMapper(cdktf.stringToTerraform, false)(struct!.prefix),
    storage_provider: cdktf.stringToTerraform(struct!.storageProvider),
    suffix: cdktf.listMapper(cdktf.stringToTerraform, false)(struct!.suffix),
  }
}


export function serviceMountToHclTerraform(struct?: ServiceMount | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    options: {
      value: cdktf.stringToHclTerraform(struct!.options),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    path: {
      value: cdktf.stringToHclTerraform(struct!.path),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    prefix: {
      value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(struct!.prefix),
      isBlock: false,
      type: "list",
      storageClassType: "stringList",
    },
    storage_provider: {
      value: cdktf.stringToHclTerraform(struct!.storageProvider),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    suffix: {
      value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(struct!.suffix),
      isBlock: false,
      type: "list",
      storageClassType: "stringList",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceMountOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): ServiceMount | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._options !== undefined) {
      hasAnyValues = true;
      internalValueResult.options = this._options;
    }
    if (this._path !== undefined) {
      hasAnyValues = true;
      internalValueResult.path = this._path;
    }
    if (this._prefix !== undefined) {
      hasAnyValues = true;
      internalValueResult.prefix = this._prefix;
    }
    if (this._storageProvider !== undefined) {
      hasAnyValues = true;
      internalValueResult.storageProvider = this._storageProvider;
    }
    if (this._suffix !== undefined) {
      hasAnyValues = true;
      internalValueResult.suffix = this._suffix;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceMount | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._options = undefined;
      this._path = undefined;
      this._prefix = undefined;
      this._storageProvider = undefined;
      this._suffix = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._options = value.options;
      this._path = value.path;
      this._prefix = value.prefix;
      this._storageProvider = value.storageProvider;
      this._suffix = value.suffix;
    }
  }

  // options - computed: false, optional: true, required: false
  private _options?: string; 
  public get options() {
    return this.getStringAttribute('options');
  }
  public set options(value: string) {
    this._options = value;
  }
  public resetOptions() {
    this._options = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get optionsInput() {
    return this._options;
  }

  // path - computed: false, optional: false, required: true
  private _path?: string; 
  public get path() {
    return this.getStringAttribute('path');
  }
  public set path(value: string) {
    this._path = value;
  }
  // Temporarily expose input value. Use with caution.
  public get pathInput() {
    return this._path;
  }

  // prefix - computed: false, optional: true, required: false
  private _prefix?: string[]; 
  public get prefix() {
    return this.getListAttribute('prefix');
  }
  public set prefix(value: string[]) {
    this._prefix = value;
  }
  public resetPrefix() {
    this._prefix = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get prefixInput() {
    return this._prefix;
  }

  // storage_provider - computed: false, optional: false, required: true
  private _storageProvider?: string; 
  public get storageProvider() {
    return this.getStringAttribute('storage_provider');
  }
  public set storageProvider(value: string) {
    this._storageProvider = value;
  }
  // Temporarily expose input value. Use with caution.
  public get storageProviderInput() {
    return this._storageProvider;
  }

  // suffix - computed: false, optional: true, required: false
  private _suffix?: string[]; 
  public get suffix() {
    return this.getListAttribute('suffix');
  }
  public set suffix(value: string[]) {
    this._suffix = value;
  }
  public resetSuffix() {
    this._suffix = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get suffixInput() {
    return this._suffix;
  }
}
export interface ServiceOutput {
  /**
  * Extra rclone flags of a mount.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#options Service#options}
  */
  readonly options?: string;
  /**
  * Path in the provider. For MinIO and S3 the first segment is the bucket and the rest a folder; write both (`bucket/folder`): the manager turns a single segment `x` of an input or output into `<service name>/x`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#path Service#path}
  */
  readonly path: string;
  /**
  * Only upload output files whose names start with one of these.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#prefix Service#prefix}
  */
  readonly prefix?: string[];
  /**
  * Storage provider: `minio` (the cluster's MinIO, same as `minio.default`), or `<type>.<id>` of an entry in `storage_providers`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#storage_provider Service#storage_provider}
  */
  readonly storageProvider: string;
  /**
  * Only upload output files whose names end with one of these.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#suffix Service#suffix}
  */
  readonly suffix?: string[];
}

export function serviceOutputToTerraform(struct?: ServiceOutput | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    options: cdktf.stringToTerraform(struct!.options),
    path: cdktf.stringToTerraform(struct!.path),
    prefix: cdktf.listMapper(cdktf.stringToTerraform, false)(struct!.prefix),
    storage_provider: cdktf.stringToTerraform(struct!.storageProvider),
    suffix: cdktf.listMapper(cdktf.stringToTerraform, false)(struct!.suffix),
  }
}


export function serviceOutputToHclTerraform(struct?: ServiceOutput | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    options: {
      value: cdktf.stringToHclTerraform(struct!.options),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    path: {
      value: cdktf.stringToHclTerraform(struct!.path),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    prefix: {
      value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(struct!.prefix),
      isBlock: false,
      type: "list",
      storageClassType: "stringList",
    },
    storage_provider: {
      value: cdktf.stringToHclTerraform(struct!.storageProvider),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    suffix: {
      value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(struct!.suffix),
      isBlock: false,
      type: "list",
      storageClassType: "stringList",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceOutputOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): ServiceOutput | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._options !== undefined) {
      hasAnyValues = true;
      internalValueResult.options = this._options;
    }
    if (this._path !== undefined) {
      hasAnyValues = true;
      internalValueResult.path = this._path;
    }
    if (this._prefix !== undefined) {
      hasAnyValues = true;
      internalValueResult.prefix = this._prefix;
    }
    if (this._storageProvider !== undefined) {
      hasAnyValues = true;
      internalValueResult.storageProvider = this._storageProvider;
    }
    if (this._suffix !== undefined) {
      hasAnyValues = true;
      internalValueResult.suffix = this._suffix;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceOutput | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._options = undefined;
      this._path = undefined;
      this._prefix = undefined;
      this._storageProvider = undefined;
      this._suffix = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._options = value.options;
      this._path = value.path;
      this._prefix = value.prefix;
      this._storageProvider = value.storageProvider;
      this._suffix = value.suffix;
    }
  }

  // options - computed: false, optional: true, required: false
  private _options?: string; 
  public get options() {
    return this.getStringAttribute('options');
  }
  public set options(value: string) {
    this._options = value;
  }
  public resetOptions() {
    this._options = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get optionsInput() {
    return this._options;
  }

  // path - computed: false, optional: false, required: true
  private _path?: string; 
  public get path() {
    return this.getStringAttribute('path');
  }
  public set path(value: string) {
    this._path = value;
  }
  // Temporarily expose input value. Use with caution.
  public get pathInput() {
    return this._path;
  }

  // prefix - computed: false, optional: true, required: false
  private _prefix?: string[]; 
  public get prefix() {
    return this.getListAttribute('prefix');
  }
  public set prefix(value: string[]) {
    this._prefix = value;
  }
  public resetPrefix() {
    this._prefix = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get prefixInput() {
    return this._prefix;
  }

  // storage_provider - computed: false, optional: false, required: true
  private _storageProvider?: string; 
  public get storageProvider() {
    return this.getStringAttribute('storage_provider');
  }
  public set storageProvider(value: string) {
    this._storageProvider = value;
  }
  // Temporarily expose input value. Use with caution.
  public get storageProviderInput() {
    return this._storageProvider;
  }

  // suffix - computed: false, optional: true, required: false
  private _suffix?: string[]; 
  public get suffix() {
    return this.getListAttribute('suffix');
  }
  public set suffix(value: string[]) {
    this._suffix = value;
  }
  public resetSuffix() {
    this._suffix = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get suffixInput() {
    return this._suffix;
  }
}

export class ServiceOutputList extends cdktf.ComplexList {
  public internalValue? : ServiceOutput[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): ServiceOutputOutputReference {
    return new ServiceOutputOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface ServiceStorageProvidersMinio {
  /**
  * Access key. Write-only: never stored in the plan or the state.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#access_key Service#access_key}
  */
  readonly accessKey?: string;
  /**
  * URL of the server, with scheme.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#endpoint Service#endpoint}
  */
  readonly endpoint?: string;
  /**
  * Region.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#region Service#region}
  */
  readonly region?: string;
  /**
  * Secret key. Write-only: never stored in the plan or the state.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#secret_key Service#secret_key}
  */
  readonly secretKey?: string;
  /**
  * Verify the server's TLS certificate. Defaults to `true`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#verify Service#verify}
  */
  readonly verify?: boolean | cdktf.IResolvable;
}

export function serviceStorageProvidersMinioToTerraform(struct?: ServiceStorageProvidersMinio | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    access_key: cdktf.stringToTerraform(struct!.accessKey),
    endpoint: cdktf.stringToTerraform(struct!.endpoint),
    region: cdktf.stringToTerraform(struct!.region),
    secret_key: cdktf.stringToTerraform(struct!.secretKey),
    verify: cdktf.booleanToTerraform(struct!.verify),
  }
}


export function serviceStorageProvidersMinioToHclTerraform(struct?: ServiceStorageProvidersMinio | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    access_key: {
      value: cdktf.stringToHclTerraform(struct!.accessKey),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    endpoint: {
      value: cdktf.stringToHclTerraform(struct!.endpoint),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    region: {
      value: cdktf.stringToHclTerraform(struct!.region),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    secret_key: {
      value: cdktf.stringToHclTerraform(struct!.secretKey),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    verify: {
      value: cdktf.booleanToHclTerraform(struct!.verify),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceStorageProvidersMinioOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectKey the key of this item in the map
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectKey: string) {
    super(terraformResource, terraformAttribute, false, complexObjectKey);
  }

  public get internalValue(): ServiceStorageProvidersMinio | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._accessKey !== undefined) {
      hasAnyValues = true;
      internalValueResult.accessKey = this._accessKey;
    }
    if (this._endpoint !== undefined) {
      hasAnyValues = true;
      internalValueResult.endpoint = this._endpoint;
    }
    if (this._region !== undefined) {
      hasAnyValues = true;
      internalValueResult.region = this._region;
    }
    if (this._secretKey !== undefined) {
      hasAnyValues = true;
      internalValueResult.secretKey = this._secretKey;
    }
    if (this._verify !== undefined) {
      hasAnyValues = true;
      internalValueResult.verify = this._verify;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceStorageProvidersMinio | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._accessKey = undefined;
      this._endpoint = undefined;
      this._region = undefined;
      this._secretKey = undefined;
      this._verify = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._accessKey = value.accessKey;
      this._endpoint = value.endpoint;
      this._region = value.region;
      this._secretKey = value.secretKey;
      this._verify = value.verify;
    }
  }

  // access_key - computed: false, optional: true, required: false
  private _accessKey?: string; 
  public get accessKey() {
    return this.getStringAttribute('access_key');
  }
  public set accessKey(value: string) {
    this._accessKey = value;
  }
  public resetAccessKey() {
    this._accessKey = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get accessKeyInput() {
    return this._accessKey;
  }

  // endpoint - computed: false, optional: true, required: false
  private _endpoint?: string; 
  public get endpoint() {
    return this.getStringAttribute('endpoint');
  }
  public set endpoint(value: string) {
    this._endpoint = value;
  }
  public resetEndpoint() {
    this._endpoint = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get endpointInput() {
    return this._endpoint;
  }

  // region - computed: false, optional: true, required: false
  private _region?: string; 
  public get region() {
    return this.getStringAttribute('region');
  }
  public set region(value: string) {
    this._region = value;
  }
  public resetRegion() {
    this._region = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get regionInput() {
    return this._region;
  }

  // secret_key - computed: false, optional: true, required: false
  private _secretKey?: string; 
  public get secretKey() {
    return this.getStringAttribute('secret_key');
  }
  public set secretKey(value: string) {
    this._secretKey = value;
  }
  public resetSecretKey() {
    this._secretKey = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get secretKeyInput() {
    return this._secretKey;
  }

  // verify - computed: true, optional: true, required: false
  private _verify?: boolean | cdktf.IResolvable; 
  public get verify() {
    return this.getBooleanAttribute('verify');
  }
  public set verify(value: boolean | cdktf.IResolvable) {
    this._verify = value;
  }
  public resetVerify() {
    this._verify = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get verifyInput() {
    return this._verify;
  }
}

export class ServiceStorageProvidersMinioMap extends cdktf.ComplexMap {
  public internalValue? : { [key: string]: ServiceStorageProvidersMinio } | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string) {
    super(terraformResource, terraformAttribute)
  }

  /**
  * @param key the key of the item to return
  */
  public get(key: string): ServiceStorageProvidersMinioOutputReference {
    return new ServiceStorageProvidersMinioOutputReference(this.terraformResource, this.terraformAttribute, key);
  }
}
export interface ServiceStorageProvidersOnedata {
  /**
  * Oneprovider host.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#oneprovider_host Service#oneprovider_host}
  */
  readonly oneproviderHost?: string;
  /**
  * Onedata space.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#space Service#space}
  */
  readonly space?: string;
  /**
  * Onedata access token. Write-only: never stored in the plan or the state.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#token Service#token}
  */
  readonly token?: string;
}

export function serviceStorageProvidersOnedataToTerraform(struct?: ServiceStorageProvidersOnedata | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    oneprovider_host: cdktf.stringToTerraform(struct!.oneproviderHost),
    space: cdktf.stringToTerraform(struct!.space),
    token: cdktf.stringToTerraform(struct!.token),
  }
}


export function serviceStorageProvidersOnedataToHclTerraform(struct?: ServiceStorageProvidersOnedata | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    oneprovider_host: {
      value: cdktf.stringToHclTerraform(struct!.oneproviderHost),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    space: {
      value: cdktf.stringToHclTerraform(struct!.space),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    token: {
      value: cdktf.stringToHclTerraform(struct!.token),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceStorageProvidersOnedataOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectKey the key of this item in the map
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectKey: string) {
    super(terraformResource, terraformAttribute, false, complexObjectKey);
  }

  public get internalValue(): ServiceStorageProvidersOnedata | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._oneproviderHost !== undefined) {
      hasAnyValues = true;
      internalValueResult.oneproviderHost = this._oneproviderHost;
    }
    if (this._space !== undefined) {
      hasAnyValues = true;
      internalValueResult.space = this._space;
    }
    if (this._token !== undefined) {
      hasAnyValues = true;
      internalValueResult.token = this._token;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceStorageProvidersOnedata | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._oneproviderHost = undefined;
      this._space = undefined;
      this._token = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._oneproviderHost = value.oneproviderHost;
      this._space = value.space;
      this._token = value.token;
    }
  }

  // oneprovider_host - computed: false, optional: true, required: false
  private _oneproviderHost?: string; 
  public get oneproviderHost() {
    return this.getStringAttribute('oneprovider_host');
  }
  public set oneproviderHost(value: string) {
    this._oneproviderHost = value;
  }
  public resetOneproviderHost() {
    this._oneproviderHost = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get oneproviderHostInput() {
    return this._oneproviderHost;
  }

  // space - computed: false, optional: true, required: false
  private _space?: string; 
  public get space() {
    return this.getStringAttribute('space');
  }
  public set space(value: string) {
    this._space = value;
  }
  public resetSpace() {
    this._space = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get spaceInput() {
    return this._space;
  }

  // token - computed: false, optional: true, required: false
  private _token?: string; 
  public get token() {
    return this.getStringAttribute('token');
  }
  public set token(value: string) {
    this._token = value;
  }
  public resetToken() {
    this._token = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get tokenInput() {
    return this._token;
  }
}

export class ServiceStorageProvidersOnedataMap extends cdktf.ComplexMap {
  public internalValue? : { [key: string]: ServiceStorageProvidersOnedata } | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string) {
    super(terraformResource, terraformAttribute)
  }

  /**
  * @param key the key of the item to return
  */
  public get(key: string): ServiceStorageProvidersOnedataOutputReference {
    return new ServiceStorageProvidersOnedataOutputReference(this.terraformResource, this.terraformAttribute, key);
  }
}
export interface ServiceStorageProvidersRucio {
  /**
  * Rucio account.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#account Service#account}
  */
  readonly account?: string;
  /**
  * Rucio authentication host URL.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#auth_host Service#auth_host}
  */
  readonly authHost?: string;
  /**
  * Rucio server host.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#host Service#host}
  */
  readonly host?: string;
  /**
  * OIDC audience.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#oidc_audience Service#oidc_audience}
  */
  readonly oidcAudience?: string;
  /**
  * OIDC refresh token. Write-only: never stored in the plan or the state.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#refresh_token Service#refresh_token}
  */
  readonly refreshToken?: string;
  /**
  * Rucio storage element.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#rse Service#rse}
  */
  readonly rse?: string;
  /**
  * OIDC token endpoint URL.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#token_endpoint Service#token_endpoint}
  */
  readonly tokenEndpoint?: string;
}

export function serviceStorageProvidersRucioToTerraform(struct?: ServiceStorageProvidersRucio | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    account: cdktf.stringToTerraform(struct!.account),
    auth_host: cdktf.stringToTerraform(struct!.authHost),
    host: cdktf.stringToTerraform(struct!.host),
    oidc_audience: cdktf.stringToTerraform(struct!.oidcAudience),
    refresh_token: cdktf.stringToTerraform(struct!.refreshToken),
    rse: cdktf.stringToTerraform(struct!.rse),
    token_endpoint: cdktf.stringToTerraform(struct!.tokenEndpoint),
  }
}


export function serviceStorageProvidersRucioToHclTerraform(struct?: ServiceStorageProvidersRucio | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    account: {
      value: cdktf.stringToHclTerraform(struct!.account),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    auth_host: {
      value: cdktf.stringToHclTerraform(struct!.authHost),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    host: {
      value: cdktf.stringToHclTerraform(struct!.host),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    oidc_audience: {
      value: cdktf.stringToHclTerraform(struct!.oidcAudience),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    refresh_token: {
      value: cdktf.stringToHclTerraform(struct!.refreshToken),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    rse: {
      value: cdktf.stringToHclTerraform(struct!.rse),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    token_endpoint: {
      value: cdktf.stringToHclTerraform(struct!.tokenEndpoint),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceStorageProvidersRucioOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectKey the key of this item in the map
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectKey: string) {
    super(terraformResource, terraformAttribute, false, complexObjectKey);
  }

  public get internalValue(): ServiceStorageProvidersRucio | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._account !== undefined) {
      hasAnyValues = true;
      internalValueResult.account = this._account;
    }
    if (this._authHost !== undefined) {
      hasAnyValues = true;
      internalValueResult.authHost = this._authHost;
    }
    if (this._host !== undefined) {
      hasAnyValues = true;
      internalValueResult.host = this._host;
    }
    if (this._oidcAudience !== undefined) {
      hasAnyValues = true;
      internalValueResult.oidcAudience = this._oidcAudience;
    }
    if (this._refreshToken !== undefined) {
      hasAnyValues = true;
      internalValueResult.refreshToken = this._refreshToken;
    }
    if (this._rse !== undefined) {
      hasAnyValues = true;
      internalValueResult.rse = this._rse;
    }
    if (this._tokenEndpoint !== undefined) {
      hasAnyValues = true;
      internalValueResult.tokenEndpoint = this._tokenEndpoint;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceStorageProvidersRucio | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._account = undefined;
      this._authHost = undefined;
      this._host = undefined;
      this._oidcAudience = undefined;
      this._refreshToken = undefined;
      this._rse = undefined;
      this._tokenEndpoint = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._account = value.account;
      this._authHost = value.authHost;
      this._host = value.host;
      this._oidcAudience = value.oidcAudience;
      this._refreshToken = value.refreshToken;
      this._rse = value.rse;
      this._tokenEndpoint = value.tokenEndpoint;
    }
  }

  // account - computed: false, optional: true, required: false
  private _account?: string; 
  public get account() {
    return this.getStringAttribute('account');
  }
  public set account(value: string) {
    this._account = value;
  }
  public resetAccount() {
    this._account = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get accountInput() {
    return this._account;
  }

  // auth_host - computed: false, optional: true, required: false
  private _authHost?: string; 
  public get authHost() {
    return this.getStringAttribute('auth_host');
  }
  public set authHost(value: string) {
    this._authHost = value;
  }
  public resetAuthHost() {
    this._authHost = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get authHostInput() {
    return this._authHost;
  }

  // host - computed: false, optional: true, required: false
  private _host?: string; 
  public get host() {
    return this.getStringAttribute('host');
  }
  public set host(value: string) {
    this._host = value;
  }
  public resetHost() {
    this._host = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get hostInput() {
    return this._host;
  }

  // oidc_audience - computed: false, optional: true, required: false
  private _oidcAudience?: string; 
  public get oidcAudience() {
    return this.getStringAttribute('oidc_audience');
  }
  public set oidcAudience(value: string) {
    this._oidcAudience = value;
  }
  public resetOidcAudience() {
    this._oidcAudience = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get oidcAudienceInput() {
    return this._oidcAudience;
  }

  // refresh_token - computed: false, optional: true, required: false
  private _refreshToken?: string; 
  public get refreshToken() {
    return this.getStringAttribute('refresh_token');
  }
  public set refreshToken(value: string) {
    this._refreshToken = value;
  }
  public resetRefreshToken() {
    this._refreshToken = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get refreshTokenInput() {
    return this._refreshToken;
  }

  // rse - computed: false, optional: true, required: false
  private _rse?: string; 
  public get rse() {
    return this.getStringAttribute('rse');
  }
  public set rse(value: string) {
    this._rse = value;
  }
  public resetRse() {
    this._rse = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get rseInput() {
    return this._rse;
  }

  // token_endpoint - computed: false, optional: true, required: false
  private _tokenEndpoint?: string; 
  public get tokenEndpoint() {
    return this.getStringAttribute('token_endpoint');
  }
  public set tokenEndpoint(value: string) {
    this._tokenEndpoint = value;
  }
  public resetTokenEndpoint() {
    this._tokenEndpoint = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get tokenEndpointInput() {
    return this._tokenEndpoint;
  }
}

export class ServiceStorageProvidersRucioMap extends cdktf.ComplexMap {
  public internalValue? : { [key: string]: ServiceStorageProvidersRucio } | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string) {
    super(terraformResource, terraformAttribute)
  }

  /**
  * @param key the key of the item to return
  */
  public get(key: string): ServiceStorageProvidersRucioOutputReference {
    return new ServiceStorageProvidersRucioOutputReference(this.terraformResource, this.terraformAttribute, key);
  }
}
export interface ServiceStorageProvidersS3 {
  /**
  * AWS access key id. Write-only: never stored in the plan or the state.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#access_key Service#access_key}
  */
  readonly accessKey?: string;
  /**
  * AWS region.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#region Service#region}
  */
  readonly region?: string;
  /**
  * AWS secret access key. Write-only: never stored in the plan or the state.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#secret_key Service#secret_key}
  */
  readonly secretKey?: string;
}

export function serviceStorageProvidersS3ToTerraform(struct?: ServiceStorageProvidersS3 | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    access_key: cdktf.stringToTerraform(struct!.accessKey),
    region: cdktf.stringToTerraform(struct!.region),
    secret_key: cdktf.stringToTerraform(struct!.secretKey),
  }
}


export function serviceStorageProvidersS3ToHclTerraform(struct?: ServiceStorageProvidersS3 | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    access_key: {
      value: cdktf.stringToHclTerraform(struct!.accessKey),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    region: {
      value: cdktf.stringToHclTerraform(struct!.region),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    secret_key: {
      value: cdktf.stringToHclTerraform(struct!.secretKey),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceStorageProvidersS3OutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectKey the key of this item in the map
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectKey: string) {
    super(terraformResource, terraformAttribute, false, complexObjectKey);
  }

  public get internalValue(): ServiceStorageProvidersS3 | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._accessKey !== undefined) {
      hasAnyValues = true;
      internalValueResult.accessKey = this._accessKey;
    }
    if (this._region !== undefined) {
      hasAnyValues = true;
      internalValueResult.region = this._region;
    }
    if (this._secretKey !== undefined) {
      hasAnyValues = true;
      internalValueResult.secretKey = this._secretKey;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceStorageProvidersS3 | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._accessKey = undefined;
      this._region = undefined;
      this._secretKey = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._accessKey = value.accessKey;
      this._region = value.region;
      this._secretKey = value.secretKey;
    }
  }

  // access_key - computed: false, optional: true, required: false
  private _accessKey?: string; 
  public get accessKey() {
    return this.getStringAttribute('access_key');
  }
  public set accessKey(value: string) {
    this._accessKey = value;
  }
  public resetAccessKey() {
    this._accessKey = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get accessKeyInput() {
    return this._accessKey;
  }

  // region - computed: false, optional: true, required: false
  private _region?: string; 
  public get region() {
    return this.getStringAttribute('region');
  }
  public set region(value: string) {
    this._region = value;
  }
  public resetRegion() {
    this._region = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get regionInput() {
    return this._region;
  }

  // secret_key - computed: false, optional: true, required: false
  private _secretKey?: string; 
  public get secretKey() {
    return this.getStringAttribute('secret_key');
  }
  public set secretKey(value: string) {
    this._secretKey = value;
  }
  public resetSecretKey() {
    this._secretKey = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get secretKeyInput() {
    return this._secretKey;
  }
}

export class ServiceStorageProvidersS3Map extends cdktf.ComplexMap {
  public internalValue? : { [key: string]: ServiceStorageProvidersS3 } | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string) {
    super(terraformResource, terraformAttribute)
  }

  /**
  * @param key the key of the item to return
  */
  public get(key: string): ServiceStorageProvidersS3OutputReference {
    return new ServiceStorageProvidersS3OutputReference(this.terraformResource, this.terraformAttribute, key);
  }
}
export interface ServiceStorageProvidersWebdav {
  /**
  * Host name without scheme (https is assumed).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#hostname Service#hostname}
  */
  readonly hostname?: string;
  /**
  * User name.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#login Service#login}
  */
  readonly login?: string;
  /**
  * Password. Write-only: never stored in the plan or the state.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#password Service#password}
  */
  readonly password?: string;
}

export function serviceStorageProvidersWebdavToTerraform(struct?: ServiceStorageProvidersWebdav | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    hostname: cdktf.stringToTerraform(struct!.hostname),
    login: cdktf.stringToTerraform(struct!.login),
    password: cdktf.stringToTerraform(struct!.password),
  }
}


export function serviceStorageProvidersWebdavToHclTerraform(struct?: ServiceStorageProvidersWebdav | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    hostname: {
      value: cdktf.stringToHclTerraform(struct!.hostname),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    login: {
      value: cdktf.stringToHclTerraform(struct!.login),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    password: {
      value: cdktf.stringToHclTerraform(struct!.password),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceStorageProvidersWebdavOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectKey the key of this item in the map
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectKey: string) {
    super(terraformResource, terraformAttribute, false, complexObjectKey);
  }

  public get internalValue(): ServiceStorageProvidersWebdav | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._hostname !== undefined) {
      hasAnyValues = true;
      internalValueResult.hostname = this._hostname;
    }
    if (this._login !== undefined) {
      hasAnyValues = true;
      internalValueResult.login = this._login;
    }
    if (this._password !== undefined) {
      hasAnyValues = true;
      internalValueResult.password = this._password;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceStorageProvidersWebdav | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._hostname = undefined;
      this._login = undefined;
      this._password = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._hostname = value.hostname;
      this._login = value.login;
      this._password = value.password;
    }
  }

  // hostname - computed: false, optional: true, required: false
  private _hostname?: string; 
  public get hostname() {
    return this.getStringAttribute('hostname');
  }
  public set hostname(value: string) {
    this._hostname = value;
  }
  public resetHostname() {
    this._hostname = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get hostnameInput() {
    return this._hostname;
  }

  // login - computed: false, optional: true, required: false
  private _login?: string; 
  public get login() {
    return this.getStringAttribute('login');
  }
  public set login(value: string) {
    this._login = value;
  }
  public resetLogin() {
    this._login = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get loginInput() {
    return this._login;
  }

  // password - computed: false, optional: true, required: false
  private _password?: string; 
  public get password() {
    return this.getStringAttribute('password');
  }
  public set password(value: string) {
    this._password = value;
  }
  public resetPassword() {
    this._password = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get passwordInput() {
    return this._password;
  }
}

export class ServiceStorageProvidersWebdavMap extends cdktf.ComplexMap {
  public internalValue? : { [key: string]: ServiceStorageProvidersWebdav } | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string) {
    super(terraformResource, terraformAttribute)
  }

  /**
  * @param key the key of the item to return
  */
  public get(key: string): ServiceStorageProvidersWebdavOutputReference {
    return new ServiceStorageProvidersWebdavOutputReference(this.terraformResource, this.terraformAttribute, key);
  }
}
export interface ServiceStorageProviders {
  /**
  * MinIO servers by id.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#minio Service#minio}
  */
  readonly minio?: { [key: string]: ServiceStorageProvidersMinio } | cdktf.IResolvable;
  /**
  * Onedata spaces by id.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#onedata Service#onedata}
  */
  readonly onedata?: { [key: string]: ServiceStorageProvidersOnedata } | cdktf.IResolvable;
  /**
  * Rucio servers by id.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#rucio Service#rucio}
  */
  readonly rucio?: { [key: string]: ServiceStorageProvidersRucio } | cdktf.IResolvable;
  /**
  * Amazon S3 accounts by id.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#s3 Service#s3}
  */
  readonly s3?: { [key: string]: ServiceStorageProvidersS3 } | cdktf.IResolvable;
  /**
  * WebDAV (dCache) servers by id.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#webdav Service#webdav}
  */
  readonly webdav?: { [key: string]: ServiceStorageProvidersWebdav } | cdktf.IResolvable;
}

export function serviceStorageProvidersToTerraform(struct?: ServiceStorageProviders | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    minio: cdktf.hashMapper(serviceStorageProvidersMinioToTerraform)(struct!.minio),
    onedata: cdktf.hashMapper(serviceStorageProvidersOnedataToTerraform)(struct!.onedata),
    rucio: cdktf.hashMapper(serviceStorageProvidersRucioToTerraform)(struct!.rucio),
    s3: cdktf.hashMapper(serviceStorageProvidersS3ToTerraform)(struct!.s3),
    webdav: cdktf.hashMapper(serviceStorageProvidersWebdavToTerraform)(struct!.webdav),
  }
}


export function serviceStorageProvidersToHclTerraform(struct?: ServiceStorageProviders | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    minio: {
      value: cdktf.hashMapperHcl(serviceStorageProvidersMinioToHclTerraform)(struct!.minio),
      isBlock: true,
      type: "map",
      storageClassType: "ServiceStorageProvidersMinioMap",
    },
    onedata: {
      value: cdktf.hashMapperHcl(serviceStorageProvidersOnedataToHclTerraform)(struct!.onedata),
      isBlock: true,
      type: "map",
      storageClassType: "ServiceStorageProvidersOnedataMap",
    },
    rucio: {
      value: cdktf.hashMapperHcl(serviceStorageProvidersRucioToHclTerraform)(struct!.rucio),
      isBlock: true,
      type: "map",
      storageClassType: "ServiceStorageProvidersRucioMap",
    },
    s3: {
      value: cdktf.hashMapperHcl(serviceStorageProvidersS3ToHclTerraform)(struct!.s3),
      isBlock: true,
      type: "map",
      storageClassType: "ServiceStorageProvidersS3Map",
    },
    webdav: {
      value: cdktf.hashMapperHcl(serviceStorageProvidersWebdavToHclTerraform)(struct!.webdav),
      isBlock: true,
      type: "map",
      storageClassType: "ServiceStorageProvidersWebdavMap",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceStorageProvidersOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): ServiceStorageProviders | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._minio?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.minio = this._minio?.internalValue;
    }
    if (this._onedata?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.onedata = this._onedata?.internalValue;
    }
    if (this._rucio?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.rucio = this._rucio?.internalValue;
    }
    if (this._s3?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.s3 = this._s3?.internalValue;
    }
    if (this._webdav?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.webdav = this._webdav?.internalValue;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceStorageProviders | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._minio.internalValue = undefined;
      this._onedata.internalValue = undefined;
      this._rucio.internalValue = undefined;
      this._s3.internalValue = undefined;
      this._webdav.internalValue = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._minio.internalValue = value.minio;
      this._onedata.internalValue = value.onedata;
      this._rucio.internalValue = value.rucio;
      this._s3.internalValue = value.s3;
      this._webdav.internalValue = value.webdav;
    }
  }

  // minio - computed: false, optional: true, required: false
  private _minio = new ServiceStorageProvidersMinioMap(this, "minio");
  public get minio() {
    return this._minio;
  }
  public putMinio(value: { [key: string]: ServiceStorageProvidersMinio } | cdktf.IResolvable) {
    this._minio.internalValue = value;
  }
  public resetMinio() {
    this._minio.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get minioInput() {
    return this._minio.internalValue;
  }

  // onedata - computed: false, optional: true, required: false
  private _onedata = new ServiceStorageProvidersOnedataMap(this, "onedata");
  public get onedata() {
    return this._onedata;
  }
  public putOnedata(value: { [key: string]: ServiceStorageProvidersOnedata } | cdktf.IResolvable) {
    this._onedata.internalValue = value;
  }
  public resetOnedata() {
    this._onedata.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get onedataInput() {
    return this._onedata.internalValue;
  }

  // rucio - computed: false, optional: true, required: false
  private _rucio = new ServiceStorageProvidersRucioMap(this, "rucio");
  public get rucio() {
    return this._rucio;
  }
  public putRucio(value: { [key: string]: ServiceStorageProvidersRucio } | cdktf.IResolvable) {
    this._rucio.internalValue = value;
  }
  public resetRucio() {
    this._rucio.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get rucioInput() {
    return this._rucio.internalValue;
  }

  // s3 - computed: false, optional: true, required: false
  private _s3 = new ServiceStorageProvidersS3Map(this, "s3");
  public get s3() {
    return this._s3;
  }
  public putS3(value: { [key: string]: ServiceStorageProvidersS3 } | cdktf.IResolvable) {
    this._s3.internalValue = value;
  }
  public resetS3() {
    this._s3.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get s3Input() {
    return this._s3.internalValue;
  }

  // webdav - computed: false, optional: true, required: false
  private _webdav = new ServiceStorageProvidersWebdavMap(this, "webdav");
  public get webdav() {
    return this._webdav;
  }
  public putWebdav(value: { [key: string]: ServiceStorageProvidersWebdav } | cdktf.IResolvable) {
    this._webdav.internalValue = value;
  }
  public resetWebdav() {
    this._webdav.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get webdavInput() {
    return this._webdav.internalValue;
  }
}
export interface ServiceSynchronous {
  /**
  * Upper bound of pods; 0 means unbounded. Defaults to `0`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#max_scale Service#max_scale}
  */
  readonly maxScale?: number;
  /**
  * Pods kept warm; 1 or more avoids cold starts. Defaults to `0`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#min_scale Service#min_scale}
  */
  readonly minScale?: number;
}

export function serviceSynchronousToTerraform(struct?: ServiceSynchronous | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    max_scale: cdktf.numberToTerraform(struct!.maxScale),
    min_scale: cdktf.numberToTerraform(struct!.minScale),
  }
}


export function serviceSynchronousToHclTerraform(struct?: ServiceSynchronous | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    max_scale: {
      value: cdktf.numberToHclTerraform(struct!.maxScale),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    min_scale: {
      value: cdktf.numberToHclTerraform(struct!.minScale),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceSynchronousOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): ServiceSynchronous | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._maxScale !== undefined) {
      hasAnyValues = true;
      internalValueResult.maxScale = this._maxScale;
    }
    if (this._minScale !== undefined) {
      hasAnyValues = true;
      internalValueResult.minScale = this._minScale;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceSynchronous | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._maxScale = undefined;
      this._minScale = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._maxScale = value.maxScale;
      this._minScale = value.minScale;
    }
  }

  // max_scale - computed: true, optional: true, required: false
  private _maxScale?: number; 
  public get maxScale() {
    return this.getNumberAttribute('max_scale');
  }
  public set maxScale(value: number) {
    this._maxScale = value;
  }
  public resetMaxScale() {
    this._maxScale = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get maxScaleInput() {
    return this._maxScale;
  }

  // min_scale - computed: true, optional: true, required: false
  private _minScale?: number; 
  public get minScale() {
    return this.getNumberAttribute('min_scale');
  }
  public set minScale(value: number) {
    this._minScale = value;
  }
  public resetMinScale() {
    this._minScale = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get minScaleInput() {
    return this._minScale;
  }
}
export interface ServiceVolume {
  /**
  * `delete` removes a new volume with the service, `retain` keeps it. Only with `size`; defaults to `delete` then.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#lifecycle_policy Service#lifecycle_policy}
  */
  readonly lifecyclePolicy?: string;
  /**
  * Absolute path in the container, not under `/oscar/config` or `/oscar/bin`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#mount_path Service#mount_path}
  */
  readonly mountPath: string;
  /**
  * Name of the volume, new or existing. Defaults to the service name when `size` is set; required otherwise.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#name Service#name}
  */
  readonly name?: string;
  /**
  * Size of a new volume (Kubernetes quantity). Without it, `name` must be an existing OSCAR volume.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#size Service#size}
  */
  readonly size?: string;
}

export function serviceVolumeToTerraform(struct?: ServiceVolume | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    lifecycle_policy: cdktf.stringToTerraform(struct!.lifecyclePolicy),
    mount_path: cdktf.stringToTerraform(struct!.mountPath),
    name: cdktf.stringToTerraform(struct!.name),
    size: cdktf.stringToTerraform(struct!.size),
  }
}


export function serviceVolumeToHclTerraform(struct?: ServiceVolume | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    lifecycle_policy: {
      value: cdktf.stringToHclTerraform(struct!.lifecyclePolicy),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    mount_path: {
      value: cdktf.stringToHclTerraform(struct!.mountPath),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    name: {
      value: cdktf.stringToHclTerraform(struct!.name),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    size: {
      value: cdktf.stringToHclTerraform(struct!.size),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceVolumeOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): ServiceVolume | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._lifecyclePolicy !== undefined) {
      hasAnyValues = true;
      internalValueResult.lifecyclePolicy = this._lifecyclePolicy;
    }
    if (this._mountPath !== undefined) {
      hasAnyValues = true;
      internalValueResult.mountPath = this._mountPath;
    }
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    if (this._size !== undefined) {
      hasAnyValues = true;
      internalValueResult.size = this._size;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceVolume | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._lifecyclePolicy = undefined;
      this._mountPath = undefined;
      this._name = undefined;
      this._size = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._lifecyclePolicy = value.lifecyclePolicy;
      this._mountPath = value.mountPath;
      this._name = value.name;
      this._size = value.size;
    }
  }

  // lifecycle_policy - computed: true, optional: true, required: false
  private _lifecyclePolicy?: string; 
  public get lifecyclePolicy() {
    return this.getStringAttribute('lifecycle_policy');
  }
  public set lifecyclePolicy(value: string) {
    this._lifecyclePolicy = value;
  }
  public resetLifecyclePolicy() {
    this._lifecyclePolicy = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get lifecyclePolicyInput() {
    return this._lifecyclePolicy;
  }

  // mount_path - computed: false, optional: false, required: true
  private _mountPath?: string; 
  public get mountPath() {
    return this.getStringAttribute('mount_path');
  }
  public set mountPath(value: string) {
    this._mountPath = value;
  }
  // Temporarily expose input value. Use with caution.
  public get mountPathInput() {
    return this._mountPath;
  }

  // name - computed: true, optional: true, required: false
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  public resetName() {
    this._name = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // size - computed: false, optional: true, required: false
  private _size?: string; 
  public get size() {
    return this.getStringAttribute('size');
  }
  public set size(value: string) {
    this._size = value;
  }
  public resetSize() {
    this._size = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sizeInput() {
    return this._size;
  }
}

/**
* Represents a {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service oscar_service}
*/
export class Service extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "oscar_service";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a Service resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the Service to import
  * @param importFromId The id of the existing Service that should be imported. Refer to the {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the Service to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "oscar_service", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/service oscar_service} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options ServiceConfig
  */
  public constructor(scope: Construct, id: string, config: ServiceConfig) {
    super(scope, id, {
      terraformResourceType: 'oscar_service',
      terraformGeneratorMetadata: {
        providerName: 'oscar'
      },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach
    });
    this._allowedUsers = config.allowedUsers;
    this._alpine = config.alpine;
    this._annotations = config.annotations;
    this._clusterId = config.clusterId;
    this._clusters.internalValue = config.clusters;
    this._cpu = config.cpu;
    this._enableGpu = config.enableGpu;
    this._enableSgx = config.enableSgx;
    this._environment.internalValue = config.environment;
    this._ephemeralStorageRequest = config.ephemeralStorageRequest;
    this._expose.internalValue = config.expose;
    this._federation.internalValue = config.federation;
    this._fileStageIn = config.fileStageIn;
    this._image = config.image;
    this._imagePrefetch = config.imagePrefetch;
    this._imagePullSecrets = config.imagePullSecrets;
    this._input.internalValue = config.input;
    this._interlinkNodeName = config.interlinkNodeName;
    this._isolationLevel = config.isolationLevel;
    this._keepToken = config.keepToken;
    this._kserve.internalValue = config.kserve;
    this._labels = config.labels;
    this._logLevel = config.logLevel;
    this._memory = config.memory;
    this._mount.internalValue = config.mount;
    this._name = config.name;
    this._output.internalValue = config.output;
    this._script = config.script;
    this._storageProviders.internalValue = config.storageProviders;
    this._synchronous.internalValue = config.synchronous;
    this._totalCpu = config.totalCpu;
    this._totalMemory = config.totalMemory;
    this._visibility = config.visibility;
    this._vo = config.vo;
    this._volume.internalValue = config.volume;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // allowed_users - computed: false, optional: true, required: false
  private _allowedUsers?: string[]; 
  public get allowedUsers() {
    return this.getListAttribute('allowed_users');
  }
  public set allowedUsers(value: string[]) {
    this._allowedUsers = value;
  }
  public resetAllowedUsers() {
    this._allowedUsers = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get allowedUsersInput() {
    return this._allowedUsers;
  }

  // alpine - computed: true, optional: true, required: false
  private _alpine?: boolean | cdktf.IResolvable; 
  public get alpine() {
    return this.getBooleanAttribute('alpine');
  }
  public set alpine(value: boolean | cdktf.IResolvable) {
    this._alpine = value;
  }
  public resetAlpine() {
    this._alpine = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get alpineInput() {
    return this._alpine;
  }

  // annotations - computed: false, optional: true, required: false
  private _annotations?: { [key: string]: string }; 
  public get annotations() {
    return this.getStringMapAttribute('annotations');
  }
  public set annotations(value: { [key: string]: string }) {
    this._annotations = value;
  }
  public resetAnnotations() {
    this._annotations = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get annotationsInput() {
    return this._annotations;
  }

  // cluster_id - computed: false, optional: true, required: false
  private _clusterId?: string; 
  public get clusterId() {
    return this.getStringAttribute('cluster_id');
  }
  public set clusterId(value: string) {
    this._clusterId = value;
  }
  public resetClusterId() {
    this._clusterId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get clusterIdInput() {
    return this._clusterId;
  }

  // clusters - computed: false, optional: true, required: false
  private _clusters = new ServiceClustersMap(this, "clusters");
  public get clusters() {
    return this._clusters;
  }
  public putClusters(value: { [key: string]: ServiceClusters } | cdktf.IResolvable) {
    this._clusters.internalValue = value;
  }
  public resetClusters() {
    this._clusters.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get clustersInput() {
    return this._clusters.internalValue;
  }

  // cpu - computed: true, optional: true, required: false
  private _cpu?: string; 
  public get cpu() {
    return this.getStringAttribute('cpu');
  }
  public set cpu(value: string) {
    this._cpu = value;
  }
  public resetCpu() {
    this._cpu = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get cpuInput() {
    return this._cpu;
  }

  // enable_gpu - computed: true, optional: true, required: false
  private _enableGpu?: boolean | cdktf.IResolvable; 
  public get enableGpu() {
    return this.getBooleanAttribute('enable_gpu');
  }
  public set enableGpu(value: boolean | cdktf.IResolvable) {
    this._enableGpu = value;
  }
  public resetEnableGpu() {
    this._enableGpu = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get enableGpuInput() {
    return this._enableGpu;
  }

  // enable_sgx - computed: true, optional: true, required: false
  private _enableSgx?: boolean | cdktf.IResolvable; 
  public get enableSgx() {
    return this.getBooleanAttribute('enable_sgx');
  }
  public set enableSgx(value: boolean | cdktf.IResolvable) {
    this._enableSgx = value;
  }
  public resetEnableSgx() {
    this._enableSgx = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get enableSgxInput() {
    return this._enableSgx;
  }

  // environment - computed: false, optional: true, required: false
  private _environment = new ServiceEnvironmentOutputReference(this, "environment");
  public get environment() {
    return this._environment;
  }
  public putEnvironment(value: ServiceEnvironment) {
    this._environment.internalValue = value;
  }
  public resetEnvironment() {
    this._environment.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get environmentInput() {
    return this._environment.internalValue;
  }

  // ephemeral_storage_request - computed: false, optional: true, required: false
  private _ephemeralStorageRequest?: string; 
  public get ephemeralStorageRequest() {
    return this.getStringAttribute('ephemeral_storage_request');
  }
  public set ephemeralStorageRequest(value: string) {
    this._ephemeralStorageRequest = value;
  }
  public resetEphemeralStorageRequest() {
    this._ephemeralStorageRequest = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get ephemeralStorageRequestInput() {
    return this._ephemeralStorageRequest;
  }

  // expose - computed: false, optional: true, required: false
  private _expose = new ServiceExposeOutputReference(this, "expose");
  public get expose() {
    return this._expose;
  }
  public putExpose(value: ServiceExpose) {
    this._expose.internalValue = value;
  }
  public resetExpose() {
    this._expose.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get exposeInput() {
    return this._expose.internalValue;
  }

  // federation - computed: false, optional: true, required: false
  private _federation = new ServiceFederationOutputReference(this, "federation");
  public get federation() {
    return this._federation;
  }
  public putFederation(value: ServiceFederation) {
    this._federation.internalValue = value;
  }
  public resetFederation() {
    this._federation.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get federationInput() {
    return this._federation.internalValue;
  }

  // file_stage_in - computed: true, optional: true, required: false
  private _fileStageIn?: boolean | cdktf.IResolvable; 
  public get fileStageIn() {
    return this.getBooleanAttribute('file_stage_in');
  }
  public set fileStageIn(value: boolean | cdktf.IResolvable) {
    this._fileStageIn = value;
  }
  public resetFileStageIn() {
    this._fileStageIn = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get fileStageInInput() {
    return this._fileStageIn;
  }

  // image - computed: false, optional: false, required: true
  private _image?: string; 
  public get image() {
    return this.getStringAttribute('image');
  }
  public set image(value: string) {
    this._image = value;
  }
  // Temporarily expose input value. Use with caution.
  public get imageInput() {
    return this._image;
  }

  // image_prefetch - computed: true, optional: true, required: false
  private _imagePrefetch?: boolean | cdktf.IResolvable; 
  public get imagePrefetch() {
    return this.getBooleanAttribute('image_prefetch');
  }
  public set imagePrefetch(value: boolean | cdktf.IResolvable) {
    this._imagePrefetch = value;
  }
  public resetImagePrefetch() {
    this._imagePrefetch = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get imagePrefetchInput() {
    return this._imagePrefetch;
  }

  // image_pull_secrets - computed: false, optional: true, required: false
  private _imagePullSecrets?: string[]; 
  public get imagePullSecrets() {
    return this.getListAttribute('image_pull_secrets');
  }
  public set imagePullSecrets(value: string[]) {
    this._imagePullSecrets = value;
  }
  public resetImagePullSecrets() {
    this._imagePullSecrets = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get imagePullSecretsInput() {
    return this._imagePullSecrets;
  }

  // input - computed: false, optional: true, required: false
  private _input = new ServiceInputList(this, "input", false);
  public get input() {
    return this._input;
  }
  public putInput(value: ServiceInput[] | cdktf.IResolvable) {
    this._input.internalValue = value;
  }
  public resetInput() {
    this._input.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get inputInput() {
    return this._input.internalValue;
  }

  // interlink_node_name - computed: false, optional: true, required: false
  private _interlinkNodeName?: string; 
  public get interlinkNodeName() {
    return this.getStringAttribute('interlink_node_name');
  }
  public set interlinkNodeName(value: string) {
    this._interlinkNodeName = value;
  }
  public resetInterlinkNodeName() {
    this._interlinkNodeName = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get interlinkNodeNameInput() {
    return this._interlinkNodeName;
  }

  // isolation_level - computed: false, optional: true, required: false
  private _isolationLevel?: string; 
  public get isolationLevel() {
    return this.getStringAttribute('isolation_level');
  }
  public set isolationLevel(value: string) {
    this._isolationLevel = value;
  }
  public resetIsolationLevel() {
    this._isolationLevel = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get isolationLevelInput() {
    return this._isolationLevel;
  }

  // keep_token - computed: true, optional: true, required: false
  private _keepToken?: boolean | cdktf.IResolvable; 
  public get keepToken() {
    return this.getBooleanAttribute('keep_token');
  }
  public set keepToken(value: boolean | cdktf.IResolvable) {
    this._keepToken = value;
  }
  public resetKeepToken() {
    this._keepToken = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get keepTokenInput() {
    return this._keepToken;
  }

  // kserve - computed: false, optional: true, required: false
  private _kserve = new ServiceKserveOutputReference(this, "kserve");
  public get kserve() {
    return this._kserve;
  }
  public putKserve(value: ServiceKserve) {
    this._kserve.internalValue = value;
  }
  public resetKserve() {
    this._kserve.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get kserveInput() {
    return this._kserve.internalValue;
  }

  // labels - computed: false, optional: true, required: false
  private _labels?: { [key: string]: string }; 
  public get labels() {
    return this.getStringMapAttribute('labels');
  }
  public set labels(value: { [key: string]: string }) {
    this._labels = value;
  }
  public resetLabels() {
    this._labels = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get labelsInput() {
    return this._labels;
  }

  // log_level - computed: true, optional: true, required: false
  private _logLevel?: string; 
  public get logLevel() {
    return this.getStringAttribute('log_level');
  }
  public set logLevel(value: string) {
    this._logLevel = value;
  }
  public resetLogLevel() {
    this._logLevel = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get logLevelInput() {
    return this._logLevel;
  }

  // memory - computed: true, optional: true, required: false
  private _memory?: string; 
  public get memory() {
    return this.getStringAttribute('memory');
  }
  public set memory(value: string) {
    this._memory = value;
  }
  public resetMemory() {
    this._memory = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get memoryInput() {
    return this._memory;
  }

  // missing_replicas - computed: true, optional: false, required: false
  public get missingReplicas() {
    return this.getListAttribute('missing_replicas');
  }

  // mount - computed: false, optional: true, required: false
  private _mount = new ServiceMountOutputReference(this, "mount");
  public get mount() {
    return this._mount;
  }
  public putMount(value: ServiceMount) {
    this._mount.internalValue = value;
  }
  public resetMount() {
    this._mount.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get mountInput() {
    return this._mount.internalValue;
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // namespace - computed: true, optional: false, required: false
  public get namespace() {
    return this.getStringAttribute('namespace');
  }

  // output - computed: false, optional: true, required: false
  private _output = new ServiceOutputList(this, "output", false);
  public get output() {
    return this._output;
  }
  public putOutput(value: ServiceOutput[] | cdktf.IResolvable) {
    this._output.internalValue = value;
  }
  public resetOutput() {
    this._output.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get outputInput() {
    return this._output.internalValue;
  }

  // owner - computed: true, optional: false, required: false
  public get owner() {
    return this.getStringAttribute('owner');
  }

  // script - computed: false, optional: false, required: true
  private _script?: string; 
  public get script() {
    return this.getStringAttribute('script');
  }
  public set script(value: string) {
    this._script = value;
  }
  // Temporarily expose input value. Use with caution.
  public get scriptInput() {
    return this._script;
  }

  // storage_providers - computed: false, optional: true, required: false
  private _storageProviders = new ServiceStorageProvidersOutputReference(this, "storage_providers");
  public get storageProviders() {
    return this._storageProviders;
  }
  public putStorageProviders(value: ServiceStorageProviders) {
    this._storageProviders.internalValue = value;
  }
  public resetStorageProviders() {
    this._storageProviders.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get storageProvidersInput() {
    return this._storageProviders.internalValue;
  }

  // synchronous - computed: true, optional: true, required: false
  private _synchronous = new ServiceSynchronousOutputReference(this, "synchronous");
  public get synchronous() {
    return this._synchronous;
  }
  public putSynchronous(value: ServiceSynchronous) {
    this._synchronous.internalValue = value;
  }
  public resetSynchronous() {
    this._synchronous.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get synchronousInput() {
    return this._synchronous.internalValue;
  }

  // token - computed: true, optional: false, required: false
  public get token() {
    return this.getStringAttribute('token');
  }

  // total_cpu - computed: false, optional: true, required: false
  private _totalCpu?: string; 
  public get totalCpu() {
    return this.getStringAttribute('total_cpu');
  }
  public set totalCpu(value: string) {
    this._totalCpu = value;
  }
  public resetTotalCpu() {
    this._totalCpu = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get totalCpuInput() {
    return this._totalCpu;
  }

  // total_memory - computed: false, optional: true, required: false
  private _totalMemory?: string; 
  public get totalMemory() {
    return this.getStringAttribute('total_memory');
  }
  public set totalMemory(value: string) {
    this._totalMemory = value;
  }
  public resetTotalMemory() {
    this._totalMemory = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get totalMemoryInput() {
    return this._totalMemory;
  }

  // visibility - computed: true, optional: true, required: false
  private _visibility?: string; 
  public get visibility() {
    return this.getStringAttribute('visibility');
  }
  public set visibility(value: string) {
    this._visibility = value;
  }
  public resetVisibility() {
    this._visibility = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get visibilityInput() {
    return this._visibility;
  }

  // vo - computed: true, optional: true, required: false
  private _vo?: string; 
  public get vo() {
    return this.getStringAttribute('vo');
  }
  public set vo(value: string) {
    this._vo = value;
  }
  public resetVo() {
    this._vo = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get voInput() {
    return this._vo;
  }

  // volume - computed: false, optional: true, required: false
  private _volume = new ServiceVolumeOutputReference(this, "volume");
  public get volume() {
    return this._volume;
  }
  public putVolume(value: ServiceVolume) {
    this._volume.internalValue = value;
  }
  public resetVolume() {
    this._volume.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get volumeInput() {
    return this._volume.internalValue;
  }

  // write_only_digest - computed: true, optional: false, required: false
  public get writeOnlyDigest() {
    return this.getStringAttribute('write_only_digest');
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      allowed_users: cdktf.listMapper(cdktf.stringToTerraform, false)(this._allowedUsers),
      alpine: cdktf.booleanToTerraform(this._alpine),
      annotations: cdktf.hashMapper(cdktf.stringToTerraform)(this._annotations),
      cluster_id: cdktf.stringToTerraform(this._clusterId),
      clusters: cdktf.hashMapper(serviceClustersToTerraform)(this._clusters.internalValue),
      cpu: cdktf.stringToTerraform(this._cpu),
      enable_gpu: cdktf.booleanToTerraform(this._enableGpu),
      enable_sgx: cdktf.booleanToTerraform(this._enableSgx),
      environment: serviceEnvironmentToTerraform(this._environment.internalValue),
      ephemeral_storage_request: cdktf.stringToTerraform(this._ephemeralStorageRequest),
      expose: serviceExposeToTerraform(this._expose.internalValue),
      federation: serviceFederationToTerraform(this._federation.internalValue),
      file_stage_in: cdktf.booleanToTerraform(this._fileStageIn),
      image: cdktf.stringToTerraform(this._image),
      image_prefetch: cdktf.booleanToTerraform(this._imagePrefetch),
      image_pull_secrets: cdktf.listMapper(cdktf.stringToTerraform, false)(this._imagePullSecrets),
      input: cdktf.listMapper(serviceInputToTerraform, false)(this._input.internalValue),
      interlink_node_name: cdktf.stringToTerraform(this._interlinkNodeName),
      isolation_level: cdktf.stringToTerraform(this._isolationLevel),
      keep_token: cdktf.booleanToTerraform(this._keepToken),
      kserve: serviceKserveToTerraform(this._kserve.internalValue),
      labels: cdktf.hashMapper(cdktf.stringToTerraform)(this._labels),
      log_level: cdktf.stringToTerraform(this._logLevel),
      memory: cdktf.stringToTerraform(this._memory),
      mount: serviceMountToTerraform(this._mount.internalValue),
      name: cdktf.stringToTerraform(this._name),
      output: cdktf.listMapper(serviceOutputToTerraform, false)(this._output.internalValue),
      script: cdktf.stringToTerraform(this._script),
      storage_providers: serviceStorageProvidersToTerraform(this._storageProviders.internalValue),
      synchronous: serviceSynchronousToTerraform(this._synchronous.internalValue),
      total_cpu: cdktf.stringToTerraform(this._totalCpu),
      total_memory: cdktf.stringToTerraform(this._totalMemory),
      visibility: cdktf.stringToTerraform(this._visibility),
      vo: cdktf.stringToTerraform(this._vo),
      volume: serviceVolumeToTerraform(this._volume.internalValue),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      allowed_users: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._allowedUsers),
        isBlock: false,
        type: "list",
        storageClassType: "stringList",
      },
      alpine: {
        value: cdktf.booleanToHclTerraform(this._alpine),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      annotations: {
        value: cdktf.hashMapperHcl(cdktf.stringToHclTerraform)(this._annotations),
        isBlock: false,
        type: "map",
        storageClassType: "stringMap",
      },
      cluster_id: {
        value: cdktf.stringToHclTerraform(this._clusterId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      clusters: {
        value: cdktf.hashMapperHcl(serviceClustersToHclTerraform)(this._clusters.internalValue),
        isBlock: true,
        type: "map",
        storageClassType: "ServiceClustersMap",
      },
      cpu: {
        value: cdktf.stringToHclTerraform(this._cpu),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      enable_gpu: {
        value: cdktf.booleanToHclTerraform(this._enableGpu),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      enable_sgx: {
        value: cdktf.booleanToHclTerraform(this._enableSgx),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      environment: {
        value: serviceEnvironmentToHclTerraform(this._environment.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "ServiceEnvironment",
      },
      ephemeral_storage_request: {
        value: cdktf.stringToHclTerraform(this._ephemeralStorageRequest),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      expose: {
        value: serviceExposeToHclTerraform(this._expose.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "ServiceExpose",
      },
      federation: {
        value: serviceFederationToHclTerraform(this._federation.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "ServiceFederation",
      },
      file_stage_in: {
        value: cdktf.booleanToHclTerraform(this._fileStageIn),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      image: {
        value: cdktf.stringToHclTerraform(this._image),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      image_prefetch: {
        value: cdktf.booleanToHclTerraform(this._imagePrefetch),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      image_pull_secrets: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._imagePullSecrets),
        isBlock: false,
        type: "list",
        storageClassType: "stringList",
      },
      input: {
        value: cdktf.listMapperHcl(serviceInputToHclTerraform, false)(this._input.internalValue),
        isBlock: true,
        type: "list",
        storageClassType: "ServiceInputList",
      },
      interlink_node_name: {
        value: cdktf.stringToHclTerraform(this._interlinkNodeName),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      isolation_level: {
        value: cdktf.stringToHclTerraform(this._isolationLevel),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      keep_token: {
        value: cdktf.booleanToHclTerraform(this._keepToken),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      kserve: {
        value: serviceKserveToHclTerraform(this._kserve.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "ServiceKserve",
      },
      labels: {
        value: cdktf.hashMapperHcl(cdktf.stringToHclTerraform)(this._labels),
        isBlock: false,
        type: "map",
        storageClassType: "stringMap",
      },
      log_level: {
        value: cdktf.stringToHclTerraform(this._logLevel),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      memory: {
        value: cdktf.stringToHclTerraform(this._memory),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      mount: {
        value: serviceMountToHclTerraform(this._mount.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "ServiceMount",
      },
      name: {
        value: cdktf.stringToHclTerraform(this._name),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      output: {
        value: cdktf.listMapperHcl(serviceOutputToHclTerraform, false)(this._output.internalValue),
        isBlock: true,
        type: "list",
        storageClassType: "ServiceOutputList",
      },
      script: {
        value: cdktf.stringToHclTerraform(this._script),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      storage_providers: {
        value: serviceStorageProvidersToHclTerraform(this._storageProviders.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "ServiceStorageProviders",
      },
      synchronous: {
        value: serviceSynchronousToHclTerraform(this._synchronous.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "ServiceSynchronous",
      },
      total_cpu: {
        value: cdktf.stringToHclTerraform(this._totalCpu),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      total_memory: {
        value: cdktf.stringToHclTerraform(this._totalMemory),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      visibility: {
        value: cdktf.stringToHclTerraform(this._visibility),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      vo: {
        value: cdktf.stringToHclTerraform(this._vo),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      volume: {
        value: serviceVolumeToHclTerraform(this._volume.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "ServiceVolume",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
