package oscar

import (
	"context"
	"net/http"
)

// Info is the answer of `GET /system/info`.
type Info struct {
	Version           string `json:"version"`
	GitCommit         string `json:"git_commit"`
	Architecture      string `json:"architecture"`
	KubernetesVersion string `json:"kubernetes_version"`
	// ServerlessBackend is missing when the manager runs without Knative.
	ServerlessBackend *struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	} `json:"serverless_backend"`
}

// ClusterConfig is the part of `GET /system/config` that is safe to keep. The manager also sends
// MinIO's root access and secret keys to the basic-auth admin; this type has no fields for them, so
// they are dropped while decoding and never reach Terraform's state.
type ClusterConfig struct {
	Config struct {
		Name               string   `json:"name"`
		Namespace          string   `json:"namespace"`
		ServicesNamespace  string   `json:"services_namespace"`
		GPUAvailable       bool     `json:"gpu_available"`
		InterLinkAvailable bool     `json:"interLink_available"`
		ServerlessBackend  string   `json:"serverless_backend"`
		YunikornEnable     bool     `json:"yunikorn_enable"`
		KueueEnable        bool     `json:"kueue_enable"`
		VolumeEnable       bool     `json:"volume_enable"`
		OIDCGroups         []string `json:"oidc_groups"`
		MinIOQuotaEnabled  bool     `json:"minio_quota_enabled"`
	} `json:"config"`
	MinIO struct {
		Endpoint string `json:"endpoint"`
		Verify   bool   `json:"verify"`
		Region   string `json:"region"`
	} `json:"minio_provider"`
	AllowedImageRepositories []string `json:"allowed_image_repositories"`
}

// Info reads the manager's version and backend.
func (c *Client) Info(ctx context.Context) (*Info, error) {
	var info Info
	if err := c.do(ctx, call{method: http.MethodGet, path: "/system/info"}, &info); err != nil {
		return nil, err
	}
	return &info, nil
}

// ClusterConfig reads the manager's configuration, without MinIO credentials.
func (c *Client) ClusterConfig(ctx context.Context) (*ClusterConfig, error) {
	var cfg ClusterConfig
	if err := c.do(ctx, call{method: http.MethodGet, path: "/system/config"}, &cfg); err != nil {
		return nil, err
	}
	return &cfg, nil
}
