package oscar

import (
	"context"
	"net/http"
	"net/url"
)

// Users' quotas (`/system/quotas/user/{id}`): with Kueue on, the nominal quota of the user's
// ClusterQueue, which the manager creates with the user's first service. Only the basic-auth admin
// may read or change another user's quota.

const quotasPath = "/system/quotas/user"

// QuotaValues is a quota and its use: CPU in millicores, memory and ephemeral storage in bytes, GPUs.
type QuotaValues struct {
	Max  int64 `json:"max"`
	Used int64 `json:"used"`
}

// UserQuota is a user's quota as the manager reports it.
type UserQuota struct {
	UserID       string                 `json:"user_id"`
	ClusterQueue string                 `json:"cluster_queue,omitempty"`
	Resources    map[string]QuotaValues `json:"resources,omitempty"`
}

// UserQuotaUpdate is what a quota update sets: Kubernetes quantities; an empty one is left as it is.
type UserQuotaUpdate struct {
	CPU              string `json:"cpu,omitempty"`
	Memory           string `json:"memory,omitempty"`
	EphemeralStorage string `json:"ephemeral_storage,omitempty"`
	GPU              string `json:"gpu,omitempty"`
}

// GetUserQuota reads a user's quota.
func (c *Client) GetUserQuota(ctx context.Context, user string) (*UserQuota, error) {
	var q UserQuota
	if err := c.do(ctx, call{method: http.MethodGet, path: quotaPath(user)}, &q); err != nil {
		return nil, err
	}
	return &q, nil
}

// UpdateUserQuota changes a user's quota and returns it as the manager then reports it.
func (c *Client) UpdateUserQuota(ctx context.Context, user string, update *UserQuotaUpdate) (*UserQuota, error) {
	var q UserQuota
	if err := c.do(ctx, call{method: http.MethodPut, path: quotaPath(user), body: update}, &q); err != nil {
		return nil, err
	}
	return &q, nil
}

func quotaPath(user string) string { return quotasPath + "/" + url.PathEscape(user) }
