package oscar

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"
)

func svc(name string, in, out []string) *Service {
	s := &Service{Name: name, Image: "img", Script: "echo"}
	for _, p := range in {
		s.Input = append(s.Input, StorageIO{StorageProvider: "minio", Path: p})
	}
	for _, p := range out {
		s.Output = append(s.Output, StorageIO{StorageProvider: "minio", Path: p})
	}
	return s
}

func TestCreateServiceIntoFreeBucketsPostsOnce(t *testing.T) {
	f, c := newFakeManager(t)

	res, err := c.CreateService(context.Background(), svc("a", []string{"a/in"}, []string{"a/out"}))

	if err != nil || !res.Created || len(res.ForeignBuckets) != 0 || len(res.Warnings) != 0 {
		t.Fatalf("got %+v, %v", res, err)
	}
	if got := f.requests(); !slices.Equal(got, []string{"GET /system/buckets/a", "POST /system/services"}) {
		t.Errorf("requests %v", got)
	}
}

// The manager answers 500 and leaves a webhook behind when a created service's bucket exists, so the
// service is created without it and then updated; the input there gets no trigger, which is said.
func TestCreateServiceIntoExistingBucketCreatesThenUpdates(t *testing.T) {
	f, c := newFakeManager(t)
	f.buckets["shared"] = map[string]string{"owner": "oscar", "owner_name": "oscar"}

	res, err := c.CreateService(context.Background(), svc("b", []string{"shared/mid"}, []string{"b/out"}))

	if err != nil {
		t.Fatal(err)
	}
	if got := f.requests(); !slices.Equal(got, []string{
		"GET /system/buckets/shared", "GET /system/buckets/b", "POST /system/services", "GET /system/services/b",
		"PUT /system/services", "GET /system/services/b",
	}) {
		t.Errorf("requests %v", got)
	}
	if !slices.Equal(res.ForeignBuckets, []string{"shared"}) {
		t.Errorf("foreign buckets %v", res.ForeignBuckets)
	}
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], `uploads to "shared/mid" will not start "b"`) {
		t.Errorf("warnings %q", res.Warnings)
	}
	stored := f.services["b"]
	if inputs, _ := stored["input"].([]any); len(inputs) != 1 || stored["owner"] != DefaultOwner {
		t.Errorf("stored %v", stored)
	}
}

// A 500 after which the definition did change is the manager's policy bookkeeping for the basic-auth
// admin: the update was stored. A 500 after which nothing changed stands.
func TestUpdateTellsStoredFromRolledBack(t *testing.T) {
	f, c := newFakeManager(t)
	if _, err := c.CreateService(context.Background(), svc("a", []string{"a/in"}, nil)); err != nil {
		t.Fatal(err)
	}

	res, err := c.UpdateService(context.Background(), svc("a", []string{"a/in"}, []string{"extra/out"}), nil)
	if err != nil || len(res.Warnings) != 0 {
		t.Fatalf("stored update: %+v, %v", res, err)
	}

	f.answer = func(w http.ResponseWriter, r *http.Request) bool {
		if r.Method != http.MethodPut {
			return false
		}
		http.Error(w, "Error updating the service: configmaps \"a\" is forbidden", http.StatusInternalServerError)
		return true
	}
	_, err = c.UpdateService(context.Background(), svc("a", []string{"a/in"}, nil), nil)
	if err == nil || !strings.Contains(err.Error(), `answered 500 Internal Server Error to PUT /system/services: Error updating the service: configmaps "a" is forbidden`) {
		t.Fatalf("rolled-back update: %v", err)
	}
}

func TestUpdateSendsOwnerAndKeepsForeignFields(t *testing.T) {
	f, c := newFakeManager(t)
	f.services["a"] = map[string]any{"name": "a", "image": "img", "script": "echo", "owner": "", "token": "tok",
		"gpu_type": "h100", "bucket_list": []string{"a-123"}, "labels": map[string]any{"queue": "q", "team": "x", "old": "y"}}

	if _, err := c.UpdateService(context.Background(), &Service{Name: "a", Image: "img2", Script: "echo", Labels: map[string]string{"team": "z"}}, []string{"team", "old"}); err != nil {
		t.Fatal(err)
	}

	stored := f.services["a"]
	if stored["owner"] != DefaultOwner || stored["gpu_type"] != "h100" || stored["image"] != "img2" || stored["bucket_list"] != nil {
		t.Errorf("stored %v", stored)
	}
	if labels, _ := stored["labels"].(map[string]any); len(labels) != 2 || labels["queue"] != "q" || labels["team"] != "z" {
		t.Errorf("labels %v", labels)
	}
}

// Deleting a service must not delete buckets it found (foreign), stand-alone buckets, buckets another
// service uses, nor stop at a missing one; its own buckets go.
func TestDeleteServiceKeepsBucketsItMustNotDelete(t *testing.T) {
	f, c := newFakeManager(t)
	f.services["a"] = map[string]any{"name": "a", "image": "img", "script": "echo", "owner": DefaultOwner, "token": "tok",
		"input":  []any{map[string]any{"storage_provider": "minio", "path": "own/in"}, map[string]any{"storage_provider": "minio", "path": "found/in"}},
		"output": []any{map[string]any{"storage_provider": "minio", "path": "standalone/out"}, map[string]any{"storage_provider": "minio", "path": "shared/out"}, map[string]any{"storage_provider": "minio", "path": "gone/out"}},
	}
	f.services["b"] = map[string]any{"name": "b", "image": "img", "script": "echo", "input": []any{map[string]any{"storage_provider": "minio", "path": "shared/in"}}}
	f.buckets["own"] = map[string]string{"from_service": "a"}
	f.buckets["found"] = map[string]string{"from_service": "x"}
	f.buckets["standalone"] = map[string]string{"owner": "oscar", "owner_name": "oscar"}
	f.buckets["shared"] = map[string]string{"from_service": "a"}

	if _, err := c.DeleteService(context.Background(), "a", []string{"found"}); err != nil {
		t.Fatal(err)
	}

	var left []string
	for b := range f.buckets {
		left = append(left, b)
	}
	slices.Sort(left)
	if !slices.Equal(left, []string{"found", "shared", "standalone"}) {
		t.Errorf("buckets left %v", left)
	}
	if _, ok := f.services["a"]; ok {
		t.Error("service a still exists")
	}
}

func TestDeleteServiceRestoresAClearedOwner(t *testing.T) {
	f, c := newFakeManager(t)
	f.services["a"] = map[string]any{"name": "a", "image": "img", "script": "echo", "owner": ""}
	var putOwner any
	f.answer = func(w http.ResponseWriter, r *http.Request) bool {
		if r.Method == http.MethodDelete {
			putOwner = f.services["a"]["owner"]
		}
		return false
	}

	if _, err := c.DeleteService(context.Background(), "a", nil); err != nil {
		t.Fatal(err)
	}
	if putOwner != DefaultOwner {
		t.Errorf("owner before the delete: %v", putOwner)
	}
}

func TestDeleteServiceAlreadyGone(t *testing.T) {
	f, c := newFakeManager(t)
	if _, err := c.DeleteService(context.Background(), "gone", nil); err != nil {
		t.Fatal(err)
	}
	if got := f.requests(); !slices.Equal(got, []string{"GET /system/services/gone"}) {
		t.Errorf("requests %v", got)
	}
}
