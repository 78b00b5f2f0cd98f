package oscar

// The JSON form of an OSCAR v4.1 service, as `POST /system/services` takes it and
// `GET /system/services/{name}` returns it. Keys are the manager's. Fields are omitted when empty,
// which the manager reads as its zero value, except where the manager's decoder fills a default
// for a missing key (KServe) or the documented default differs from Go's zero value (expose scales,
// ssl_verify): those are always sent.

// Service is one service definition.
type Service struct {
	Name                    string             `json:"name"`
	ClusterID               string             `json:"cluster_id,omitempty"`
	Image                   string             `json:"image"`
	Script                  string             `json:"script"`
	Memory                  string             `json:"memory,omitempty"`
	CPU                     string             `json:"cpu,omitempty"`
	TotalMemory             string             `json:"total_memory,omitempty"`
	TotalCPU                string             `json:"total_cpu,omitempty"`
	EphemeralStorageRequest string             `json:"ephemeral_storage_request,omitempty"`
	EnableGPU               bool               `json:"enable_gpu,omitempty"`
	EnableSGX               bool               `json:"enable_sgx,omitempty"`
	ImagePrefetch           bool               `json:"image_prefetch,omitempty"`
	Synchronous             *Synchronous       `json:"synchronous,omitempty"`
	LogLevel                string             `json:"log_level,omitempty"`
	Alpine                  bool               `json:"alpine,omitempty"`
	FileStageIn             bool               `json:"file_stage_in,omitempty"`
	Input                   []StorageIO        `json:"input,omitempty"`
	Output                  []StorageIO        `json:"output,omitempty"`
	Mount                   *StorageIO         `json:"mount,omitempty"`
	ImagePullSecrets        []string           `json:"image_pull_secrets,omitempty"`
	Environment             *Environment       `json:"environment,omitempty"`
	Annotations             map[string]string  `json:"annotations,omitempty"`
	Labels                  map[string]string  `json:"labels,omitempty"`
	VO                      string             `json:"vo,omitempty"`
	Visibility              string             `json:"visibility,omitempty"`
	AllowedUsers            []string           `json:"allowed_users,omitempty"`
	IsolationLevel          string             `json:"isolation_level,omitempty"`
	InterLinkNodeName       string             `json:"interlink_node_name,omitempty"`
	StorageProviders        *StorageProviders  `json:"storage_providers,omitempty"`
	Clusters                map[string]Cluster `json:"clusters,omitempty"`
	Federation              *Federation        `json:"federation,omitempty"`
	Expose                  *Expose            `json:"expose,omitempty"`
	Volume                  *Volume            `json:"volume,omitempty"`
	Kserve                  *Kserve            `json:"kserve,omitempty"`

	// Set by the manager: a token generated at creation and kept across updates, the owner
	// (cluster_admin for basic auth, the OIDC subject otherwise) and the Kubernetes namespace.
	Token     string `json:"token,omitempty"`
	Owner     string `json:"owner,omitempty"`
	Namespace string `json:"namespace,omitempty"`
}

// Synchronous holds the Knative scale bounds of synchronous invocations.
type Synchronous struct {
	MinScale int64 `json:"min_scale"`
	MaxScale int64 `json:"max_scale"`
}

// StorageIO is one storage location: an input, an output or the mount.
type StorageIO struct {
	StorageProvider string   `json:"storage_provider"`
	Path            string   `json:"path"`
	Suffix          []string `json:"suffix,omitempty"`
	Prefix          []string `json:"prefix,omitempty"`
	Options         string   `json:"options,omitempty"`
}

// Environment is the container environment. The manager keeps secret values in a Kubernetes
// Secret and returns each secret's key with an empty value.
type Environment struct {
	Variables map[string]string `json:"variables,omitempty"`
	Secrets   map[string]string `json:"secrets,omitempty"`
}

// StorageProviders are the storage servers the service's paths refer to, by type and id.
type StorageProviders struct {
	MinIO   map[string]MinIOProvider   `json:"minio,omitempty"`
	S3      map[string]S3Provider      `json:"s3,omitempty"`
	Onedata map[string]OnedataProvider `json:"onedata,omitempty"`
	WebDAV  map[string]WebDAVProvider  `json:"webdav,omitempty"`
	Rucio   map[string]RucioProvider   `json:"rucio,omitempty"`
}

type MinIOProvider struct {
	Endpoint  string `json:"endpoint,omitempty"`
	Verify    bool   `json:"verify"`
	AccessKey string `json:"access_key,omitempty"`
	SecretKey string `json:"secret_key,omitempty"`
	Region    string `json:"region,omitempty"`
}

type S3Provider struct {
	AccessKey string `json:"access_key,omitempty"`
	SecretKey string `json:"secret_key,omitempty"`
	Region    string `json:"region,omitempty"`
}

type OnedataProvider struct {
	OneproviderHost string `json:"oneprovider_host,omitempty"`
	Token           string `json:"token,omitempty"`
	Space           string `json:"space,omitempty"`
}

type WebDAVProvider struct {
	Hostname string `json:"hostname,omitempty"`
	Login    string `json:"login,omitempty"`
	Password string `json:"password,omitempty"`
}

type RucioProvider struct {
	Host          string `json:"host,omitempty"`
	Account       string `json:"account,omitempty"`
	RSE           string `json:"rse,omitempty"`
	RefreshToken  string `json:"refresh_token,omitempty"`
	AuthHost      string `json:"auth_host,omitempty"`
	OIDCAudience  string `json:"oidc_audience,omitempty"`
	TokenEndpoint string `json:"token_endpoint,omitempty"`
}

// Cluster is another OSCAR cluster, for federation.
type Cluster struct {
	Endpoint     string `json:"endpoint,omitempty"`
	AuthUser     string `json:"auth_user,omitempty"`
	AuthPassword string `json:"auth_password,omitempty"`
	SSLVerify    bool   `json:"ssl_verify"`
}

// Federation delegates jobs to replicas on other clusters.
type Federation struct {
	GroupID              string    `json:"group_id,omitempty"`
	Topology             string    `json:"topology,omitempty"`
	Delegation           string    `json:"delegation,omitempty"`
	ReschedulerThreshold int64     `json:"rescheduler_threshold,omitempty"`
	Members              []Replica `json:"members,omitempty"`
}

type Replica struct {
	Type        string            `json:"type"`
	ClusterID   string            `json:"cluster_id,omitempty"`
	ServiceName string            `json:"service_name,omitempty"`
	URL         string            `json:"url,omitempty"`
	SSLVerify   bool              `json:"ssl_verify"`
	Priority    int64             `json:"priority"`
	Headers     map[string]string `json:"headers,omitempty"`
}

// Expose runs the service as an always-on Deployment. The manager applies none of the documented
// defaults of min_scale, max_scale and cpu_threshold, so they are always sent.
type Expose struct {
	APIPort        []int64 `json:"api_port,omitempty"`
	NodePort       []int64 `json:"nodePort,omitempty"`
	MinScale       int64   `json:"min_scale"`
	MaxScale       int64   `json:"max_scale"`
	CPUThreshold   int64   `json:"cpu_threshold"`
	RewriteTarget  bool    `json:"rewrite_target"`
	DefaultCommand bool    `json:"default_command"`
	SetAuth        bool    `json:"set_auth"`
	AuthType       string  `json:"auth_type,omitempty"`
	HealthPath     string  `json:"health_path,omitempty"`
	ProbeMode      string  `json:"probe_mode,omitempty"`
}

// Exposed tells whether the manager treats the service as exposed (its first port is not 0).
func (e *Expose) Exposed() bool { return e != nil && len(e.APIPort) > 0 && e.APIPort[0] != 0 }

// Volume is an OSCAR-managed persistent volume; the manager refuses to change it after creation.
type Volume struct {
	Name            string `json:"name,omitempty"`
	Size            string `json:"size,omitempty"`
	MountPath       string `json:"mount_path"`
	LifecyclePolicy string `json:"lifecycle_policy,omitempty"`
}

// Kserve serves a model with KServe. The manager's decoder fills defaults for missing keys
// (set_auth true, max_scale 1, ...), so every field is sent to make false and 0 stick.
type Kserve struct {
	Type         string              `json:"type"`
	StorageURI   string              `json:"storage_uri"`
	APIVersion   string              `json:"api_version"`
	CPU          string              `json:"cpu"`
	Memory       string              `json:"memory"`
	SetAuth      bool                `json:"set_auth"`
	MinScale     int64               `json:"min_scale"`
	MaxScale     int64               `json:"max_scale"`
	EnableGPU    bool                `json:"enable_gpu"`
	Inference    *KserveInference    `json:"inference,omitempty"`
	LLMInference *KserveLLMInference `json:"llm_inference,omitempty"`
	Args         []string            `json:"args,omitempty"`
	Env          map[string]string   `json:"env,omitempty"`
}

type KserveInference struct {
	ModelFormat string `json:"model_format"`
	Runtime     string `json:"runtime,omitempty"`
}

type KserveLLMInference struct {
	RuntimeImage string `json:"runtime_image,omitempty"`
}
