package oscar

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
)

// Stand-alone buckets of the cluster's MinIO (`/system/buckets`). The manager creates them with no
// upload trigger; services that use them do not own them (see services.go).

const bucketsPath = "/system/buckets"

// Bucket is a bucket as `/system/buckets` takes and returns it.
type Bucket struct {
	Name         string   `json:"bucket_name"`
	Visibility   string   `json:"visibility,omitempty"`
	AllowedUsers []string `json:"allowed_users,omitempty"`
	// Owner and Metadata (the bucket's tags) are set by the manager.
	Owner    string            `json:"owner,omitempty"`
	Metadata map[string]string `json:"metadata,omitempty"`
}

// StandAlone tells whether the bucket was made with `/system/buckets`, not for a service. The manager
// tags those with owner and owner_name; it tags the buckets a service's create makes with
// from_service too, and the buckets a service's update makes not at all.
func (b *Bucket) StandAlone() bool {
	_, forService := b.Metadata["from_service"]
	return len(b.Metadata) > 0 && !forService
}

// GetBucket reads a bucket; the error satisfies IsNotFound when it does not exist.
func (c *Client) GetBucket(ctx context.Context, name string) (*Bucket, error) {
	var b Bucket
	err := c.do(ctx, call{method: http.MethodGet, path: bucketPath(name)}, &b)
	// v4.1.2 answers a missing bucket with 500 and MinIO's NoSuchBucket error.
	var apiErr *APIError
	if errors.As(err, &apiErr) && apiErr.Status == http.StatusInternalServerError && strings.Contains(apiErr.Message, "NoSuchBucket") {
		return nil, &APIError{Method: apiErr.Method, Path: apiErr.Path, Status: http.StatusNotFound, Message: apiErr.Message}
	}
	if err != nil {
		return nil, err
	}
	return &b, nil
}

// Bucket writes do not restart MinIO (stand-alone buckets have no upload trigger).

// CreateBucket creates a stand-alone bucket.
func (c *Client) CreateBucket(ctx context.Context, b *Bucket) error {
	return c.shared(ctx, "creating bucket "+b.Name, func(ctx context.Context) error {
		return c.do(ctx, call{method: http.MethodPost, path: bucketsPath, body: b}, nil)
	})
}

// UpdateBucket changes a bucket's visibility and allowed users.
func (c *Client) UpdateBucket(ctx context.Context, b *Bucket) error {
	return c.shared(ctx, "updating bucket "+b.Name, func(ctx context.Context) error {
		return c.do(ctx, call{method: http.MethodPut, path: bucketsPath, body: b}, nil)
	})
}

// DeleteBucket deletes a bucket and every object in it. A bucket that is already gone is no error.
func (c *Client) DeleteBucket(ctx context.Context, name string) error {
	return c.shared(ctx, "deleting bucket "+name, func(ctx context.Context) error {
		err := c.do(ctx, call{method: http.MethodDelete, path: bucketPath(name)}, nil)
		if IsNotFound(err) {
			return nil
		}
		return err
	})
}

func bucketPath(name string) string { return bucketsPath + "/" + url.PathEscape(name) }
