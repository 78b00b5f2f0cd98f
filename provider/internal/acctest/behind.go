package acctest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/minio/madmin-go/v3"
	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

// Direct access to the manager (plain HTTP, not through the proxy nor the provider) and to MinIO.

// Call sends one request straight to the manager and returns the status and body.
func (s *Sandbox) Call(t *testing.T, method, path string, body any) (int, []byte) {
	t.Helper()
	var reader io.Reader
	if body != nil {
		data, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		reader = bytes.NewReader(data)
	}
	req, err := http.NewRequest(method, s.Endpoint+path, reader)
	if err != nil {
		t.Fatal(err)
	}
	req.SetBasicAuth(s.Username, s.Password)
	req.Header.Set("Content-Type", "application/json")
	resp, err := (&http.Client{Timeout: 2 * time.Minute}).Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, data
}

// Service reads a service as the manager returns it; ok is false when it does not exist.
func (s *Sandbox) Service(t *testing.T, name string) (svc map[string]any, ok bool) {
	t.Helper()
	status, body := s.Call(t, http.MethodGet, "/system/services/"+url.PathEscape(name), nil)
	switch status {
	case http.StatusNotFound:
		return nil, false
	case http.StatusOK:
		if err := json.Unmarshal(body, &svc); err != nil {
			t.Fatalf("service %s: %v", name, err)
		}
		return svc, true
	}
	t.Fatalf("GET service %s: %d %s", name, status, body)
	return nil, false
}

// DeleteService deletes a service with a plain DELETE, as someone outside Terraform would.
func (s *Sandbox) DeleteService(t *testing.T, name string) {
	t.Helper()
	if status, body := s.Call(t, http.MethodDelete, "/system/services/"+url.PathEscape(name), nil); status != http.StatusNoContent {
		t.Fatalf("DELETE service %s: %d %s", name, status, body)
	}
}

// ChangeService changes a service with a plain read-modify-write PUT, as someone outside Terraform
// would (sending the owner, so the service stays deletable).
func (s *Sandbox) ChangeService(t *testing.T, name string, change func(svc map[string]any)) {
	t.Helper()
	svc, ok := s.Service(t, name)
	if !ok {
		t.Fatalf("service %s does not exist", name)
	}
	change(svc)
	if status, body := s.Call(t, http.MethodPut, "/system/services", svc); status != http.StatusNoContent {
		t.Fatalf("PUT service %s: %d %s", name, status, body)
	}
}

// JobCount is how many jobs the manager lists for a service.
func (s *Sandbox) JobCount(t *testing.T, name string) int {
	t.Helper()
	status, body := s.Call(t, http.MethodGet, "/system/logs/"+url.PathEscape(name), nil)
	if status != http.StatusOK {
		t.Fatalf("GET jobs of %s: %d %s", name, status, body)
	}
	var logs struct {
		Jobs map[string]any `json:"jobs"`
	}
	if err := json.Unmarshal(body, &logs); err != nil {
		t.Fatalf("jobs of %s: %v", name, err)
	}
	return len(logs.Jobs)
}

func (s *Sandbox) minioHost(t *testing.T) (host string, secure bool) {
	u, err := url.Parse(s.MinIOEndpoint)
	if err != nil {
		t.Fatal(err)
	}
	return u.Host, u.Scheme == "https"
}

// WebhookTargets lists the notify_webhook targets in MinIO's configuration (the service names the
// manager registered), read with MinIO's admin API.
func (s *Sandbox) WebhookTargets(t *testing.T) []string {
	t.Helper()
	host, secure := s.minioHost(t)
	admin, err := madmin.NewWithOptions(host, &madmin.Options{Creds: credentials.NewStaticV4(s.MinIOAccessKey, s.MinIOSecretKey, ""), Secure: secure})
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := admin.GetConfigKV(context.Background(), "notify_webhook")
	if err != nil {
		t.Fatalf("reading MinIO's notify_webhook config: %v", err)
	}
	var targets []string
	for _, line := range strings.Split(string(cfg), "\n") {
		// Lines look like "notify_webhook:<target> endpoint=... ", the bare "notify_webhook ..." is the default.
		if rest, ok := strings.CutPrefix(line, "notify_webhook:"); ok {
			name, _, _ := strings.Cut(rest, " ")
			targets = append(targets, name)
		}
	}
	sort.Strings(targets)
	return targets
}

func (s *Sandbox) s3(t *testing.T) *minio.Client {
	t.Helper()
	host, secure := s.minioHost(t)
	client, err := minio.New(host, &minio.Options{Creds: credentials.NewStaticV4(s.MinIOAccessKey, s.MinIOSecretKey, ""), Secure: secure})
	if err != nil {
		t.Fatal(err)
	}
	return client
}

// Buckets lists MinIO's buckets.
func (s *Sandbox) Buckets(t *testing.T) []string {
	t.Helper()
	list, err := s.s3(t).ListBuckets(context.Background())
	if err != nil {
		t.Fatalf("listing MinIO buckets: %v", err)
	}
	var names []string
	for _, b := range list {
		names = append(names, b.Name)
	}
	sort.Strings(names)
	return names
}

// Upload puts an object into MinIO, as a user feeding a service would.
func (s *Sandbox) Upload(t *testing.T, bucket, key, content string) {
	t.Helper()
	_, err := s.s3(t).PutObject(context.Background(), bucket, key, strings.NewReader(content), int64(len(content)), minio.PutObjectOptions{})
	if err != nil {
		t.Fatalf("uploading %s/%s: %v", bucket, key, err)
	}
}

// WithPrefix keeps the names that start with prefix.
func WithPrefix(names []string, prefix string) []string {
	var out []string
	for _, n := range names {
		if strings.HasPrefix(n, prefix) {
			out = append(out, n)
		}
	}
	return out
}

// Eventually polls cond until it holds or timeout passes.
func Eventually(timeout time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(timeout)
	for {
		if cond() {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(500 * time.Millisecond)
	}
}

// NoDebris is a CheckDestroy: no service, bucket or MinIO webhook target with the prefix is left.
func (s *Sandbox) NoDebris(t *testing.T, prefix string) error {
	var problems []string
	status, body := s.Call(t, http.MethodGet, "/system/services", nil)
	if status != http.StatusOK {
		return fmt.Errorf("listing services: %d %s", status, body)
	}
	var services []struct {
		Name string `json:"name"`
	}
	if err := json.Unmarshal(body, &services); err != nil {
		return err
	}
	for _, svc := range services {
		if strings.HasPrefix(svc.Name, prefix) {
			problems = append(problems, "service "+svc.Name)
		}
	}
	for _, b := range WithPrefix(s.Buckets(t), prefix) {
		problems = append(problems, "bucket "+b)
	}
	for _, w := range WithPrefix(s.WebhookTargets(t), prefix) {
		problems = append(problems, "notify_webhook:"+w)
	}
	if len(problems) > 0 {
		return fmt.Errorf("left behind: %s", strings.Join(problems, ", "))
	}
	return nil
}
