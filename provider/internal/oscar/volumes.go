package oscar

import (
	"context"
	"net/http"
	"net/url"
)

// Managed volumes (`/system/volumes`): ReadWriteMany claims in the caller's namespace (the services
// namespace for the basic-auth admin, the user's own for an OIDC user) that services mount by name.
// The API has no update: a volume's size is fixed when it is made.

const volumesPath = "/system/volumes"

// ManagedVolume is a managed volume as the manager reports it.
type ManagedVolume struct {
	Name         string `json:"name"`
	Namespace    string `json:"namespace,omitempty"`
	PVCName      string `json:"pvc_name,omitempty"`
	Size         string `json:"size,omitempty"`
	OwnerUser    string `json:"owner_user,omitempty"`
	CreationMode string `json:"creation_mode,omitempty"`
	Status       struct {
		Phase string `json:"phase,omitempty"`
	} `json:"status"`
}

// Deleting tells whether the volume's claim is going (Kubernetes keeps it while a pod still uses it).
func (v *ManagedVolume) Deleting() bool { return v.Status.Phase == "deleting" }

// GetVolume reads a volume; the error satisfies IsNotFound when it does not exist.
func (c *Client) GetVolume(ctx context.Context, name string) (*ManagedVolume, error) {
	var v ManagedVolume
	if err := c.do(ctx, call{method: http.MethodGet, path: volumePath(name)}, &v); err != nil {
		return nil, err
	}
	return &v, nil
}

// CreateVolume makes a volume of the given size (a Kubernetes quantity) and returns it.
func (c *Client) CreateVolume(ctx context.Context, name, size string) (*ManagedVolume, error) {
	var v ManagedVolume
	body := map[string]string{"name": name, "size": size}
	if err := c.do(ctx, call{method: http.MethodPost, path: volumesPath, body: body}, &v); err != nil {
		return nil, err
	}
	return &v, nil
}

// DeleteVolume deletes a volume no service mounts (the manager refuses one in use with 400). A
// volume that is already gone is no error.
func (c *Client) DeleteVolume(ctx context.Context, name string) error {
	err := c.do(ctx, call{method: http.MethodDelete, path: volumePath(name)}, nil)
	if IsNotFound(err) {
		return nil
	}
	return err
}

func volumePath(name string) string { return volumesPath + "/" + url.PathEscape(name) }
