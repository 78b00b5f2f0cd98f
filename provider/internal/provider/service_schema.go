package provider

import (
	"context"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The oscar_service schema mirrors the manager's service JSON (v4.1.2 pkg/types/service.go) and the
// project's FDL model (src/fdl/model.ts), field by field.

// Defaults, closed sets and naming rules come from the FDL model through contract_gen.go.

var synchronousAttrTypes = map[string]attr.Type{"min_scale": types.Int64Type, "max_scale": types.Int64Type}

func (r *serviceResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		// Version 1: secrets, credentials and passwords are write-only (see write_only.go and state_upgrade.go).
		Version: 1,
		MarkdownDescription: "An OSCAR service, created, read, updated and deleted through the OSCAR manager's REST API " +
			"(`/system/services`). Fields the manager fills in or rewrites never show as changes; a change made outside " +
			"Terraform to a field the configuration sets does, and `apply` reverts it.\n\n" +
			"**Deleting a service deletes the MinIO buckets of its inputs and outputs, with every object in them** " +
			"(except buckets another service uses or that an `oscar_bucket` declares). Replacing a service does the same. " +
			"Use `lifecycle { prevent_destroy = true }` on services whose data matters.",
		Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "Service name: 3 to 39 lower-case letters, digits and `-`, starting with a letter. It names " +
					"the service's Kubernetes objects and its default bucket; changing it replaces the service.",
				Validators: []validator.String{stringvalidator.RegexMatches(serviceNamePattern,
					"must be 3 to 39 lower-case letters, digits and '-', start with a letter and end with a letter or digit")},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"cluster_id":                optionalString("Identifier of the cluster the service belongs to (the key under `functions.oscar` in an FDL file); used by delegation."),
			"image":                     requiredString("Container image."),
			"script":                    requiredString("Content of the script run at each invocation (not a file name: use `file(\"script.sh\")`). The manager stores line endings as LF; a script written with CRLF is equivalent."),
			"memory":                    defaultedString("Memory limit of each container, as a Kubernetes quantity.", defaultMemory),
			"cpu":                       defaultedString("CPU limit of each container, as a Kubernetes quantity.", defaultCPU),
			"total_memory":              optionalString("Memory limit of all the service's jobs together (Apache YuniKorn only)."),
			"total_cpu":                 optionalString("CPU limit of all the service's jobs together (Apache YuniKorn only)."),
			"ephemeral_storage_request": optionalString("Ephemeral-storage request of each container (used by Kueue quotas)."),
			"enable_gpu":                defaultedBool("Request one NVIDIA GPU (`nvidia.com/gpu: 1`) per container.", false),
			"enable_sgx":                defaultedBool("Request an Intel SGX enclave.", false),
			"image_prefetch":            defaultedBool("Pre-pull the image on every node when the service is created; the create then waits for it.", false),
			"synchronous": schema.SingleNestedAttribute{
				Optional: true,
				Computed: true,
				Default: objectdefault.StaticValue(types.ObjectValueMust(synchronousAttrTypes,
					map[string]attr.Value{"min_scale": types.Int64Value(0), "max_scale": types.Int64Value(0)})),
				MarkdownDescription: "Knative scaling of synchronous invocations (`/run`). Defaults to scale from zero, unbounded.",
				Attributes: map[string]schema.Attribute{
					"min_scale": defaultedInt64("Pods kept warm; 1 or more avoids cold starts.", 0, int64validator.AtLeast(0)),
					"max_scale": defaultedInt64("Upper bound of pods; 0 means unbounded.", 0, int64validator.AtLeast(0)),
				},
			},
			"log_level":          defaultedString("Log level of the in-container supervisor; use `CRITICAL` for synchronous services so logs do not end up in responses.", defaultLogLevel, stringvalidator.OneOf(logLevels...)),
			"alpine":             defaultedBool("Use the Alpine build of the supervisor (for Alpine-based images).", false),
			"file_stage_in":      defaultedBool("Do not download the input file before running the script.", false),
			"input":              storageIOList(true),
			"output":             storageIOList(false),
			"mount":              mountAttribute(),
			"image_pull_secrets": optionalStringList("Names of existing image-pull Secrets in the services namespace."),
			"environment": schema.SingleNestedAttribute{
				Optional:            true,
				MarkdownDescription: "Environment of the service's containers.",
				Attributes: map[string]schema.Attribute{
					"variables": optionalStringMap("Plain environment variables."),
					"secrets": schema.MapAttribute{
						ElementType: types.StringType,
						Optional:    true,
						Sensitive:   true,
						WriteOnly:   true,
						MarkdownDescription: "Secret environment variables, kept by the manager in a Kubernetes Secret. Write-only: sent to " +
							"the manager, never stored in the plan or the state (Terraform or OpenTofu 1.11 or later). A changed value " +
							"updates the service in place (see `write_only_digest`); a value changed outside Terraform is not detected, " +
							"as the manager never returns the values (a removed or added key is). Removing every secret replaces the " +
							"service, as the manager keeps the Secret otherwise.",
						Validators: []validator.Map{nonEmptyMap{}},
					},
					"secret_names": schema.SetAttribute{
						ElementType:         types.StringType,
						Computed:            true,
						MarkdownDescription: "Names of the secret environment variables (their values are write-only).",
					},
				},
			},
			"annotations": optionalStringMap("Kubernetes annotations of the service's jobs and pods."),
			"labels": optionalStringMap("Kubernetes labels of the service's jobs and pods. The manager adds labels of its own, which are not shown.",
				reservedKeys{keys: managerLabels, why: "is a label the OSCAR manager sets itself; choose another key."}),
			"vo": schema.StringAttribute{
				Optional:   true,
				Computed:   true,
				Validators: []validator.String{nonEmptyString{}},
				MarkdownDescription: "Virtual Organisation (OIDC group) of the service, on OIDC clusters. Left unset, the manager assigns the " +
					"first of its `OIDC_GROUPS` the creating user is in, and that value is kept (not shown as drift).",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"visibility":          defaultedString("Who may see and invoke the service: `private`, `restricted` (the `allowed_users`) or `public`.", defaultVisibility, stringvalidator.OneOf(visibilities...)),
			"allowed_users":       optionalStringList("EGI subject ids of the users allowed to use a `restricted` service."),
			"isolation_level":     optionalString("`SERVICE` (one input bucket) or `USER` (a private input bucket per allowed user). The manager treats not set as `SERVICE`.", stringvalidator.OneOf(isolationLevels...)),
			"interlink_node_name": optionalString("interLink virtual node to run jobs on."),
			"storage_providers":   storageProvidersAttribute(),
			"clusters": schema.MapNestedAttribute{
				Optional:            true,
				MarkdownDescription: "Other OSCAR clusters by id, for federation and delegation.",
				Validators:          []validator.Map{nonEmptyMap{}},
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"endpoint":      optionalString("URL of the cluster."),
					"auth_user":     optionalString("Basic-auth user."),
					"auth_password": writeOnlyString("Basic-auth password."),
					"ssl_verify":    defaultedBool("Verify the cluster's TLS certificate.", true),
				}},
			},
			"federation": federationAttribute(),
			"expose":     exposeAttribute(),
			"volume":     volumeAttribute(),
			"kserve":     kserveAttribute(),
			"keep_token": defaultedBool("Keep the service's `token` in the state. Off, the token is not stored: read it when it is "+
				"needed, from the manager (`GET /system/services/<name>`, `oscar-cli service get`).", false),
			"token": schema.StringAttribute{
				Computed:  true,
				Sensitive: true,
				MarkdownDescription: "Token of the service, generated by the manager: the bearer token of `/job` and `/run` " +
					"invocations and the password of an exposed service with `set_auth`. Null unless `keep_token` is set.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"write_only_digest": schema.StringAttribute{
				Computed: true,
				MarkdownDescription: "Salted digest of the write-only values: secret environment values, storage credentials and " +
					"cluster passwords. A changed value changes the digest, which updates the service in place. It holds none of the " +
					"values: an argon2id hash (PHC string), which costs a guesser as much per guess as a password hash does, or, with " +
					"the provider's `write_only_digest_key`, an HMAC-SHA256 (`$hmac-sha256$k=<key id>$…`), which cannot be checked " +
					"without the key.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"owner": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "Owner set by the manager: `cluster_admin` for basic auth, the OIDC subject otherwise.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"namespace": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "Kubernetes namespace of the service's objects.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"missing_replicas": schema.ListAttribute{
				Computed:    true,
				ElementType: types.StringType,
				MarkdownDescription: "Federation members (`<cluster_id>/<service_name>`) whose replica the last refresh did not " +
					"find on their cluster. The manager neither recreates a lost replica nor creates the replica of a member " +
					"added later, so a plan shows them here and `apply` creates them, as the manager would have. Null when none is missing.",
			},
		},
	}
}

// storageIOAttributes are those of an input, an output and the mount: one type in the manager
// (StorageIOConfig) and in the FDL.
func storageIOAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"storage_provider": requiredString("Storage provider: `minio` (the cluster's MinIO, same as `minio.default`), or `<type>.<id>` of an entry in `storage_providers`."),
		"path": requiredString("Path in the provider. For MinIO and S3 the first segment is the bucket and the rest a folder; " +
			"write both (`bucket/folder`): the manager turns a single segment `x` of an input or output into `<service name>/x`."),
		"suffix": optionalStringList("Only upload output files whose names end with one of these."),
		"prefix": optionalStringList("Only upload output files whose names start with one of these."),
		"options": optionalString("Extra rclone flags of a mount.",
			stringvalidator.RegexMatches(mountOptionsPattern, "may only contain letters, digits and - _ . : = , / and spaces (the manager's rule)")),
	}
}

func storageIOList(input bool) schema.ListNestedAttribute {
	a := schema.ListNestedAttribute{
		Optional:     true,
		Validators:   []validator.List{nonEmptyList{}},
		NestedObject: schema.NestedAttributeObject{Attributes: storageIOAttributes()},
	}
	if input {
		a.MarkdownDescription = "Event sources: an upload to a MinIO input folder (or a dCache/Rucio event) starts a job. " +
			"The manager creates MinIO input buckets with the service. Removing or changing an existing MinIO input replaces " +
			"the service, because the manager keeps the old bucket's upload trigger otherwise; adding one is done in place."
		a.NestedObject.Attributes["storage_provider"] = requiredString(
			"Storage provider of the events: `minio` (or `minio.<id>` naming the cluster's own MinIO), `webdav.<id>` or `rucio.<id>`.",
			stringvalidator.RegexMatches(regexp.MustCompile(inputProviderKinds), "must be a minio, webdav or rucio provider; the manager accepts no other input"))
	} else {
		a.MarkdownDescription = "Where the script's output files are uploaded. The manager creates MinIO output buckets with the service."
	}
	return a
}

func mountAttribute() schema.SingleNestedAttribute {
	attributes := storageIOAttributes()
	attributes["storage_provider"] = requiredString("Storage provider: `minio`, `minio.<id>`, `s3.<id>` or `webdav.<id>`.")
	attributes["path"] = requiredString("Path to mount: `bucket` or `bucket/folder` for MinIO and S3.")
	return schema.SingleNestedAttribute{
		Optional:            true,
		MarkdownDescription: "A storage path mounted into the service's pods with rclone (jobs and exposed services).",
		Attributes:          attributes,
	}
}

func storageProvidersAttribute() schema.SingleNestedAttribute {
	byID := func(description string, attributes map[string]schema.Attribute, keyValidators ...validator.Map) schema.MapNestedAttribute {
		return schema.MapNestedAttribute{
			Optional:            true,
			MarkdownDescription: description,
			Validators:          append([]validator.Map{nonEmptyMap{}}, keyValidators...),
			NestedObject:        schema.NestedAttributeObject{Attributes: attributes},
		}
	}
	return schema.SingleNestedAttribute{
		Optional: true,
		MarkdownDescription: "Storage servers the service's paths refer to, by type and a user-chosen id. `minio.default` is always " +
			"the cluster's own MinIO (the manager sets it) and cannot be declared here. Credentials are stored by the manager in " +
			"the service's ConfigMap, in clear text.",
		Attributes: map[string]schema.Attribute{
			"minio": byID("MinIO servers by id.", map[string]schema.Attribute{
				"endpoint":   optionalString("URL of the server, with scheme."),
				"verify":     defaultedBool("Verify the server's TLS certificate.", true),
				"access_key": writeOnlyString("Access key."),
				"secret_key": writeOnlyString("Secret key."),
				"region":     optionalString("Region."),
			}, reservedKeys{keys: []string{"default"}, why: "is the cluster's own MinIO, which the manager configures; give this server another id."}),
			"s3": byID("Amazon S3 accounts by id.", map[string]schema.Attribute{
				"access_key": writeOnlyString("AWS access key id."),
				"secret_key": writeOnlyString("AWS secret access key."),
				"region":     optionalString("AWS region."),
			}),
			"onedata": byID("Onedata spaces by id.", map[string]schema.Attribute{
				"oneprovider_host": optionalString("Oneprovider host."),
				"token":            writeOnlyString("Onedata access token."),
				"space":            optionalString("Onedata space."),
			}),
			"webdav": byID("WebDAV (dCache) servers by id.", map[string]schema.Attribute{
				"hostname": optionalString("Host name without scheme (https is assumed)."),
				"login":    optionalString("User name."),
				"password": writeOnlyString("Password."),
			}),
			"rucio": byID("Rucio servers by id.", map[string]schema.Attribute{
				"host":           optionalString("Rucio server host."),
				"account":        optionalString("Rucio account."),
				"rse":            optionalString("Rucio storage element."),
				"refresh_token":  writeOnlyString("OIDC refresh token."),
				"auth_host":      optionalString("Rucio authentication host URL."),
				"oidc_audience":  optionalString("OIDC audience."),
				"token_endpoint": optionalString("OIDC token endpoint URL."),
			}),
		},
	}
}

func federationAttribute() schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		Optional:            true,
		MarkdownDescription: "Delegation of jobs to replicas of the service on other clusters. Members need `environment.secrets.refresh_token`.",
		Attributes: map[string]schema.Attribute{
			"group_id": schema.StringAttribute{
				Optional:            true,
				Computed:            true,
				MarkdownDescription: "Federation group id. Defaults to the service name.",
				Validators:          []validator.String{nonEmptyString{}},
			},
			"topology":              defaultedString("`none`, `star` or `mesh`.", defaultFederationTopology, stringvalidator.OneOf(federationTopologies...)),
			"delegation":            optionalString("Delegation policy: `static`, `random`, `load-based` or `topsis`.", stringvalidator.OneOf(delegationPolicies...)),
			"rescheduler_threshold": schema.Int64Attribute{Optional: true, MarkdownDescription: "Seconds a job may stay pending before it is delegated.", Validators: []validator.Int64{int64validator.AtLeast(1)}},
			"members": schema.ListNestedAttribute{
				Optional:            true,
				MarkdownDescription: "Replicas of the service.",
				Validators:          []validator.List{nonEmptyList{}},
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"type":         requiredString("`oscar` (a service on another OSCAR cluster) or `endpoint` (a plain URL).", stringvalidator.OneOf(replicaTypes...)),
					"cluster_id":   optionalString("Cluster of an `oscar` replica (a key of `clusters`)."),
					"service_name": optionalString("Service name of an `oscar` replica."),
					"url":          optionalString("URL of an `endpoint` replica."),
					"ssl_verify":   defaultedBool("Verify TLS certificates.", true),
					"priority":     defaultedInt64("Delegation priority; 0 is the highest.", 0, int64validator.AtLeast(0)),
					"headers":      optionalStringMap("HTTP headers sent to an `endpoint` replica."),
				}},
			},
		},
	}
}

func exposeAttribute() schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		Optional: true,
		MarkdownDescription: "Runs the service as an always-on, autoscaled Deployment reachable under " +
			"`/system/services/<name>/exposed/`. Adding or removing it replaces the service (the manager cannot switch in place).",
		Attributes: map[string]schema.Attribute{
			"api_port": schema.ListAttribute{
				ElementType:         types.Int64Type,
				Required:            true,
				MarkdownDescription: "Container ports; the first one is routed.",
				Validators:          []validator.List{listvalidator.SizeAtLeast(1), listvalidator.ValueInt64sAre(int64validator.Between(1, 65535))},
			},
			"node_port": schema.ListAttribute{
				ElementType: types.Int64Type,
				Optional:    true,
				MarkdownDescription: "Node ports, one per `api_port` (JSON key `nodePort`); 0 lets Kubernetes choose, and the chosen port " +
					"is not shown as a change. Makes the Kubernetes Service a NodePort.",
				Validators: []validator.List{nonEmptyList{}, listvalidator.ValueInt64sAre(int64validator.Between(0, 65535))},
			},
			"min_scale":       defaultedInt64("Replicas kept running (autoscaler minimum).", defaultExposeMinScale, int64validator.AtLeast(0)),
			"max_scale":       defaultedInt64("Autoscaler maximum.", defaultExposeMaxScale, int64validator.AtLeast(1)),
			"cpu_threshold":   defaultedInt64("Autoscaler target CPU utilisation, in percent.", defaultExposeCPUThreshold, int64validator.Between(1, 100)),
			"rewrite_target":  defaultedBool("Keep the `/system/services/<name>/exposed` prefix when forwarding requests.", false),
			"default_command": defaultedBool("Run the image's own entrypoint instead of the script.", false),
			"set_auth":        defaultedBool("Protect the route with basic auth: user the service name, password the service token.", false),
			"auth_type":       optionalString("`basic`, or `forward` (Gateway API with Traefik only). The manager treats not set as `basic`.", stringvalidator.OneOf(exposeAuthTypes...)),
			"health_path":     optionalString("Path probed for liveness and readiness; not set probes `/`."),
			"probe_mode":      optionalString("`legacy` prefixes the probe path when `rewrite_target` is set; `direct` probes it as written.", stringvalidator.OneOf(exposeProbeModes...)),
		},
	}
}

func volumeAttribute() schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		Optional: true,
		MarkdownDescription: "A persistent RWX volume managed by OSCAR. The manager refuses to change it after creation, so any " +
			"change replaces the service.",
		Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{
				Optional:            true,
				Computed:            true,
				MarkdownDescription: "Name of the volume, new or existing. Defaults to the service name when `size` is set; required otherwise.",
				Validators:          []validator.String{nonEmptyString{}},
			},
			"size":       optionalString("Size of a new volume (Kubernetes quantity). Without it, `name` must be an existing OSCAR volume."),
			"mount_path": requiredString("Absolute path in the container, not under `/oscar/config` or `/oscar/bin`."),
			"lifecycle_policy": schema.StringAttribute{
				Optional:            true,
				Computed:            true,
				MarkdownDescription: "`delete` removes a new volume with the service, `retain` keeps it. Only with `size`; defaults to `delete` then.",
				Validators:          []validator.String{nonEmptyString{}, stringvalidator.OneOf(volumeLifecyclePolicies...)},
			},
		},
	}
}

func kserveAttribute() schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		Optional: true,
		MarkdownDescription: "Serves a model with KServe next to the service (needs KServe on the cluster). Adding or removing it, " +
			"or changing `type`, `storage_uri`, `inference.runtime` or `set_auth`, replaces the service: the manager refuses those updates.",
		Attributes: map[string]schema.Attribute{
			"type":        requiredString("`inference` (an InferenceService) or `llm_inference` (an LLMInferenceService).", stringvalidator.OneOf(kserveTypes...)),
			"storage_uri": requiredString("Where the model is, e.g. `gs://...` or `hf://...`."),
			"api_version": defaultedString("KServe protocol version.", defaultKserveAPIVersion),
			"cpu":         defaultedString("CPU of the predictor.", defaultKserveCPU),
			"memory":      defaultedString("Memory of the predictor.", defaultKserveMemory),
			"set_auth":    defaultedBool("Protect the predictor route.", defaultKserveSetAuth),
			"min_scale":   defaultedInt64("Minimum predictor replicas.", defaultKserveMinScale, int64validator.AtLeast(0)),
			"max_scale":   defaultedInt64("Maximum predictor replicas.", defaultKserveMaxScale, int64validator.AtLeast(1)),
			"enable_gpu":  defaultedBool("Give the predictor a GPU.", false),
			"inference": schema.SingleNestedAttribute{
				Optional:            true,
				MarkdownDescription: "Predictor settings, required for type `inference`.",
				Attributes: map[string]schema.Attribute{
					"model_format": requiredString("`onnx`, `sklearn`, `xgboost`, `pytorch`, `tensorflow`, `triton` or `huggingface`.",
						stringvalidator.OneOf(kserveModelFormats...)),
					"runtime": optionalString("Serving runtime."),
				},
			},
			"llm_inference": schema.SingleNestedAttribute{
				Optional:            true,
				MarkdownDescription: "Settings of type `llm_inference`.",
				Attributes: map[string]schema.Attribute{
					"runtime_image": optionalString("Runtime image."),
				},
			},
			"args": optionalStringList("Predictor arguments."),
			"env":  optionalStringMap("Predictor environment."),
		},
	}
}
