package oscar

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
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

// ExposedServicesHang tells why the manager would hang on every create or update of an exposed
// service, or "" when nothing says it would. The manager v4.1.2 with Kueue enabled (KUEUE_ENABLE,
// which defaults to true in its code) waits for a Kueue Workload to be admitted after writing an
// exposed service's Deployment; in a cluster without the Kueue API that never happens, and each such
// request hangs until it times out (measured: 5 minutes each, services created anyway). The manager
// reports a missing Kueue API on `GET /system/quotas/user[/<user>]` (503 "kueue API is not available"). Asked
// once per client; a manager that cannot be asked is assumed fine (the write will tell).
func (c *Client) ExposedServicesHang(ctx context.Context) string {
	c.exposeCheck.Do(func() {
		cfg, err := c.ClusterConfig(ctx)
		if err != nil || !cfg.Config.KueueEnable {
			return
		}
		// The admin (basic auth) asks for a user's quotas, an OIDC user for its own (the manager answers
		// the admin 401 there). One attempt: this 503 is the manager's own answer, which retries would
		// take for a gateway's.
		quotas := "/system/quotas/user"
		if c.basicAuth {
			quotas += "/" + DefaultOwner
		}
		_, err = c.send(ctx, call{method: http.MethodGet, path: quotas}, nil)
		var apiErr *APIError
		if errors.As(err, &apiErr) && apiErr.Status == http.StatusServiceUnavailable && strings.Contains(apiErr.Message, "kueue API is not available") {
			c.exposeHang = fmt.Sprintf("The OSCAR manager at %s runs with Kueue enabled, but the cluster has no Kueue API (the manager's answer to "+
				"GET %s: %s). The manager then waits without end for Kueue to admit every exposed service it creates or "+
				"updates. Install Kueue in the cluster, or run the manager with KUEUE_ENABLE=false.", c.base, quotas, apiErr.Message)
		}
	})
	return c.exposeHang
}
