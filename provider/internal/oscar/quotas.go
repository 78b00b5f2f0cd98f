package oscar

import (
	"context"
	"net/http"
	"net/url"
)

// Users' quotas (`/system/quotas/user/{id}`): with Kueue on, the nominal quota of the user's
// ClusterQueue, which the manager creates with the user's first service; MinIO's per-user quotas;
// with volumes on, the ResourceQuota and LimitRange of the user's namespace. Only the basic-auth admin
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
	MinIO        *MinIOQuota            `json:"minio,omitempty"`
	Volumes      *VolumeQuota           `json:"volumes,omitempty"`
}

// VolumeQuota is a user's quota of OSCAR-managed volumes (with the manager's VOLUME_ENABLE on): the
// storage and number of volumes (what the user's other claims take is already left out) and the
// bounds of one volume's size, as Kubernetes quantities.
type VolumeQuota struct {
	Disk struct {
		Max string `json:"max"`
	} `json:"disk"`
	Volumes struct {
		Max string `json:"max"`
	} `json:"volumes"`
	MaxDiskPerVolume string `json:"max_disk_per_volume"`
	MinDiskPerVolume string `json:"min_disk_per_volume"`
}

// VolumeQuotaUpdate is what a volume quota update sets; empty fields are left as they are.
type VolumeQuotaUpdate struct {
	Disk             string `json:"disk,omitempty"`
	Volumes          string `json:"volumes,omitempty"`
	MaxDiskPerVolume string `json:"max_disk_per_volume,omitempty"`
	MinDiskPerVolume string `json:"min_disk_per_volume,omitempty"`
}

// MinIOQuota is a user's MinIO quota: buckets the user may own (0: no limit) and the quota of each
// (a quantity as it was set; "0": none).
type MinIOQuota struct {
	Buckets struct {
		Max int64 `json:"max"`
	} `json:"buckets"`
	StoragePerBucket struct {
		Max string `json:"max"`
	} `json:"storage_per_bucket"`
}

// MinIOQuotaUpdate is what a MinIO quota update sets; empty fields are left as they are.
type MinIOQuotaUpdate struct {
	Buckets          string `json:"buckets,omitempty"`
	StoragePerBucket string `json:"storage_per_bucket,omitempty"`
}

// UserQuotaUpdate is what a quota update sets: Kubernetes quantities; an empty one is left as it is.
type UserQuotaUpdate struct {
	CPU              string             `json:"cpu,omitempty"`
	Memory           string             `json:"memory,omitempty"`
	EphemeralStorage string             `json:"ephemeral_storage,omitempty"`
	GPU              string             `json:"gpu,omitempty"`
	MinIO            *MinIOQuotaUpdate  `json:"minio,omitempty"`
	Volumes          *VolumeQuotaUpdate `json:"volumes,omitempty"`
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
