package oscar

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeManager answers like the OSCAR manager v4.1.2 does for the behaviours the client works around
// (measured against the real one, see services.go); it is not a stand-in for acceptance tests.
type fakeManager struct {
	t        *testing.T
	mu       sync.Mutex
	services map[string]map[string]any
	// buckets maps a bucket to its tags.
	buckets map[string]map[string]string
	// log is every request, as "METHOD path".
	log []string
	// answer, when set, answers a request instead of the fake's logic (return false to fall through).
	answer func(w http.ResponseWriter, r *http.Request) bool
}

func newFakeManager(t *testing.T) (*fakeManager, *Client) {
	f := &fakeManager{t: t, services: map[string]map[string]any{}, buckets: map[string]map[string]string{}}
	server := httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(server.Close)
	return f, testClient(t, server.URL)
}

func testClient(t *testing.T, endpoint string) *Client {
	c, err := NewClient(Config{Endpoint: endpoint, Username: "oscar", Password: "pw", RetryTimeout: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	c.wait = func(context.Context, time.Duration) error { return nil }
	return c
}

func (f *fakeManager) requests() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.log...)
}

func (f *fakeManager) serve(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	f.log = append(f.log, r.Method+" "+r.URL.Path)
	f.mu.Unlock()
	if f.answer != nil && f.answer(w, r) {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	body, _ := io.ReadAll(r.Body)
	var svc map[string]any
	_ = json.Unmarshal(body, &svc)
	switch {
	case r.Method == http.MethodGet && r.URL.Path == "/system/services":
		list := []map[string]any{}
		for _, s := range f.services {
			list = append(list, s)
		}
		writeJSON(w, list)
	case r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/system/services/"):
		s, ok := f.services[strings.TrimPrefix(r.URL.Path, "/system/services/")]
		if !ok {
			w.WriteHeader(http.StatusNotFound)
			return
		}
		writeJSON(w, s)
	case r.Method == http.MethodPost && r.URL.Path == "/system/services":
		name, _ := svc["name"].(string) // a body without one is stored under ""
		for _, b := range bucketsIn(svc) {
			if _, exists := f.buckets[b]; exists {
				http.Error(w, `the bucket "`+b+`" already exists`, http.StatusInternalServerError)
				return
			}
		}
		for _, b := range bucketsIn(svc) {
			f.buckets[b] = map[string]string{"owner": "", "from_service": name, "owner_name": "oscar"}
		}
		svc["owner"], svc["token"], svc["bucket_list"] = DefaultOwner, "tok", []string{}
		f.services[name] = svc
		w.WriteHeader(http.StatusCreated)
	case r.Method == http.MethodPut && r.URL.Path == "/system/services":
		name, _ := svc["name"].(string) // a body without one is stored under ""
		old, ok := f.services[name]
		if !ok {
			w.WriteHeader(http.StatusNotFound)
			return
		}
		status := http.StatusNoContent
		for _, b := range bucketsIn(svc) {
			if !contains(bucketsIn(old), b) {
				if _, exists := f.buckets[b]; !exists {
					f.buckets[b] = map[string]string{} // an update creates buckets untagged
				}
				status = http.StatusInternalServerError // policy bookkeeping for the admin fails, the update is stored
			}
		}
		svc["token"] = old["token"]
		if svc["owner"] == nil {
			svc["owner"] = ""
		}
		f.services[name] = svc
		if status == http.StatusInternalServerError {
			http.Error(w, "Error creating the service: error setting MinIO policy for user/group cluster_admin: The specified user does not exist.", status)
			return
		}
		w.WriteHeader(status)
	case r.Method == http.MethodDelete && strings.HasPrefix(r.URL.Path, "/system/services/"):
		name := strings.TrimPrefix(r.URL.Path, "/system/services/")
		s, ok := f.services[name]
		if !ok {
			w.WriteHeader(http.StatusNotFound)
			return
		}
		delete(f.services, name)
		for _, b := range bucketsIn(s) {
			delete(f.buckets, b)
		}
		w.WriteHeader(http.StatusNoContent)
	case r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/system/buckets/"):
		name := strings.TrimPrefix(r.URL.Path, "/system/buckets/")
		tags, ok := f.buckets[name]
		if !ok {
			http.Error(w, "Error listing objects in bucket '"+name+"': NoSuchBucket: The specified bucket does not exist", http.StatusInternalServerError)
			return
		}
		writeJSON(w, map[string]any{"bucket_name": name, "metadata": tags})
	default:
		f.t.Errorf("fake manager: unexpected %s %s", r.Method, r.URL.Path)
		w.WriteHeader(http.StatusNotImplemented)
	}
}

// bucketsIn lists the buckets of a service's inputs and outputs as the fake stores them.
func bucketsIn(svc map[string]any) []string {
	raw, _ := json.Marshal(svc)
	var s Service
	_ = json.Unmarshal(raw, &s)
	return s.ClusterBuckets()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}
