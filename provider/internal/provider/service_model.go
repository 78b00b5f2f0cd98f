package provider

import "github.com/hashicorp/terraform-plugin-framework/types"

// The Terraform form of an OSCAR service. Attribute names are the manager's JSON keys (nodePort is
// spelled node_port, as Terraform names must be snake_case). Scalars use types.* so that null
// (not set) and unknown (computed) can be told apart; nested objects are pointers (nil is null),
// lists are slices and maps are Go maps (nil is null).

type serviceModel struct {
	Name                    types.String            `tfsdk:"name"`
	ClusterID               types.String            `tfsdk:"cluster_id"`
	Image                   types.String            `tfsdk:"image"`
	Script                  types.String            `tfsdk:"script"`
	Memory                  types.String            `tfsdk:"memory"`
	CPU                     types.String            `tfsdk:"cpu"`
	TotalMemory             types.String            `tfsdk:"total_memory"`
	TotalCPU                types.String            `tfsdk:"total_cpu"`
	EphemeralStorageRequest types.String            `tfsdk:"ephemeral_storage_request"`
	EnableGPU               types.Bool              `tfsdk:"enable_gpu"`
	EnableSGX               types.Bool              `tfsdk:"enable_sgx"`
	ImagePrefetch           types.Bool              `tfsdk:"image_prefetch"`
	Synchronous             *synchronousModel       `tfsdk:"synchronous"`
	LogLevel                types.String            `tfsdk:"log_level"`
	Alpine                  types.Bool              `tfsdk:"alpine"`
	FileStageIn             types.Bool              `tfsdk:"file_stage_in"`
	Input                   []storageIOModel        `tfsdk:"input"`
	Output                  []storageIOModel        `tfsdk:"output"`
	Mount                   *storageIOModel         `tfsdk:"mount"`
	ImagePullSecrets        []string                `tfsdk:"image_pull_secrets"`
	Environment             *environmentModel       `tfsdk:"environment"`
	Annotations             map[string]string       `tfsdk:"annotations"`
	Labels                  map[string]string       `tfsdk:"labels"`
	VO                      types.String            `tfsdk:"vo"`
	Visibility              types.String            `tfsdk:"visibility"`
	AllowedUsers            []string                `tfsdk:"allowed_users"`
	IsolationLevel          types.String            `tfsdk:"isolation_level"`
	InterLinkNodeName       types.String            `tfsdk:"interlink_node_name"`
	StorageProviders        *storageProvidersModel  `tfsdk:"storage_providers"`
	Clusters                map[string]clusterModel `tfsdk:"clusters"`
	Federation              *federationModel        `tfsdk:"federation"`
	Expose                  *exposeModel            `tfsdk:"expose"`
	Volume                  *volumeModel            `tfsdk:"volume"`
	Kserve                  *kserveModel            `tfsdk:"kserve"`

	KeepToken       types.Bool   `tfsdk:"keep_token"`
	Token           types.String `tfsdk:"token"`
	WriteOnlyDigest types.String `tfsdk:"write_only_digest"`
	Owner           types.String `tfsdk:"owner"`
	Namespace       types.String `tfsdk:"namespace"`
	MissingReplicas types.List   `tfsdk:"missing_replicas"`
}

type synchronousModel struct {
	MinScale types.Int64 `tfsdk:"min_scale"`
	MaxScale types.Int64 `tfsdk:"max_scale"`
}

// storageIOModel is an input, an output or the mount (the manager's StorageIOConfig).
type storageIOModel struct {
	StorageProvider types.String `tfsdk:"storage_provider"`
	Path            types.String `tfsdk:"path"`
	Suffix          []string     `tfsdk:"suffix"`
	Prefix          []string     `tfsdk:"prefix"`
	Options         types.String `tfsdk:"options"`
}

type environmentModel struct {
	Variables map[string]string `tfsdk:"variables"`
	// Secrets is write-only: set in a configuration, null in plans and states.
	Secrets     map[string]string `tfsdk:"secrets"`
	SecretNames types.Set         `tfsdk:"secret_names"`
}

type storageProvidersModel struct {
	MinIO   map[string]minioProviderModel   `tfsdk:"minio"`
	S3      map[string]s3ProviderModel      `tfsdk:"s3"`
	Onedata map[string]onedataProviderModel `tfsdk:"onedata"`
	WebDAV  map[string]webdavProviderModel  `tfsdk:"webdav"`
	Rucio   map[string]rucioProviderModel   `tfsdk:"rucio"`
}

type minioProviderModel struct {
	Endpoint  types.String `tfsdk:"endpoint"`
	Verify    types.Bool   `tfsdk:"verify"`
	AccessKey types.String `tfsdk:"access_key"`
	SecretKey types.String `tfsdk:"secret_key"`
	Region    types.String `tfsdk:"region"`
}

type s3ProviderModel struct {
	AccessKey types.String `tfsdk:"access_key"`
	SecretKey types.String `tfsdk:"secret_key"`
	Region    types.String `tfsdk:"region"`
}

type onedataProviderModel struct {
	OneproviderHost types.String `tfsdk:"oneprovider_host"`
	Token           types.String `tfsdk:"token"`
	Space           types.String `tfsdk:"space"`
}

type webdavProviderModel struct {
	Hostname types.String `tfsdk:"hostname"`
	Login    types.String `tfsdk:"login"`
	Password types.String `tfsdk:"password"`
}

type rucioProviderModel struct {
	Host          types.String `tfsdk:"host"`
	Account       types.String `tfsdk:"account"`
	RSE           types.String `tfsdk:"rse"`
	RefreshToken  types.String `tfsdk:"refresh_token"`
	AuthHost      types.String `tfsdk:"auth_host"`
	OIDCAudience  types.String `tfsdk:"oidc_audience"`
	TokenEndpoint types.String `tfsdk:"token_endpoint"`
}

type clusterModel struct {
	Endpoint     types.String `tfsdk:"endpoint"`
	AuthUser     types.String `tfsdk:"auth_user"`
	AuthPassword types.String `tfsdk:"auth_password"`
	SSLVerify    types.Bool   `tfsdk:"ssl_verify"`
}

type federationModel struct {
	GroupID              types.String   `tfsdk:"group_id"`
	Topology             types.String   `tfsdk:"topology"`
	Delegation           types.String   `tfsdk:"delegation"`
	ReschedulerThreshold types.Int64    `tfsdk:"rescheduler_threshold"`
	Members              []replicaModel `tfsdk:"members"`
}

type replicaModel struct {
	Type        types.String      `tfsdk:"type"`
	ClusterID   types.String      `tfsdk:"cluster_id"`
	ServiceName types.String      `tfsdk:"service_name"`
	URL         types.String      `tfsdk:"url"`
	SSLVerify   types.Bool        `tfsdk:"ssl_verify"`
	Priority    types.Int64       `tfsdk:"priority"`
	Headers     map[string]string `tfsdk:"headers"`
}

type exposeModel struct {
	APIPort        []int64      `tfsdk:"api_port"`
	NodePort       []int64      `tfsdk:"node_port"`
	MinScale       types.Int64  `tfsdk:"min_scale"`
	MaxScale       types.Int64  `tfsdk:"max_scale"`
	CPUThreshold   types.Int64  `tfsdk:"cpu_threshold"`
	RewriteTarget  types.Bool   `tfsdk:"rewrite_target"`
	DefaultCommand types.Bool   `tfsdk:"default_command"`
	SetAuth        types.Bool   `tfsdk:"set_auth"`
	AuthType       types.String `tfsdk:"auth_type"`
	HealthPath     types.String `tfsdk:"health_path"`
	ProbeMode      types.String `tfsdk:"probe_mode"`
}

type volumeModel struct {
	Name            types.String `tfsdk:"name"`
	Size            types.String `tfsdk:"size"`
	MountPath       types.String `tfsdk:"mount_path"`
	LifecyclePolicy types.String `tfsdk:"lifecycle_policy"`
}

type kserveModel struct {
	Type         types.String             `tfsdk:"type"`
	StorageURI   types.String             `tfsdk:"storage_uri"`
	APIVersion   types.String             `tfsdk:"api_version"`
	CPU          types.String             `tfsdk:"cpu"`
	Memory       types.String             `tfsdk:"memory"`
	SetAuth      types.Bool               `tfsdk:"set_auth"`
	MinScale     types.Int64              `tfsdk:"min_scale"`
	MaxScale     types.Int64              `tfsdk:"max_scale"`
	EnableGPU    types.Bool               `tfsdk:"enable_gpu"`
	Inference    *kserveInferenceModel    `tfsdk:"inference"`
	LLMInference *kserveLLMInferenceModel `tfsdk:"llm_inference"`
	Args         []string                 `tfsdk:"args"`
	Env          map[string]string        `tfsdk:"env"`
}

type kserveInferenceModel struct {
	ModelFormat types.String `tfsdk:"model_format"`
	Runtime     types.String `tfsdk:"runtime"`
}

type kserveLLMInferenceModel struct {
	RuntimeImage types.String `tfsdk:"runtime_image"`
}
