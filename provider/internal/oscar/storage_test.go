package oscar

import (
	"slices"
	"testing"
)

func TestCanonicalPathIsWhatTheManagerStores(t *testing.T) {
	for _, tc := range []struct{ provider, path, want string }{
		{"minio", "in", "svc/in"},
		{"minio.default", " /bucket/in/ ", "bucket/in"},
		{"s3.aws", "out", "svc/out"},
		{"webdav.dcache", "/data/in", "data/in"},
		{"MinIO", "in", "svc/in"},
	} {
		if got := CanonicalPath("svc", tc.provider, tc.path); got != tc.want {
			t.Errorf("CanonicalPath(%q, %q) = %q, want %q", tc.provider, tc.path, got, tc.want)
		}
	}
}

func TestClusterBucketsAreThoseTheManagerCreatesAndDeletes(t *testing.T) {
	s := &Service{Name: "svc",
		Input:  []StorageIO{{StorageProvider: "minio", Path: "in"}, {StorageProvider: "webdav.d", Path: "dav/in"}, {StorageProvider: "minio.own", Path: "shared/in"}},
		Output: []StorageIO{{StorageProvider: "minio.default", Path: "shared/out"}, {StorageProvider: "minio.other", Path: "far/out"}, {StorageProvider: "s3.aws", Path: "s3/out"}},
		Mount:  &StorageIO{StorageProvider: "minio", Path: "models"},
	}
	if got := s.ClusterBuckets(); !slices.Equal(got, []string{"svc", "shared"}) {
		t.Errorf("ClusterBuckets() = %v", got)
	}
	if !s.UsesBucket("models") || s.UsesBucket("far") {
		t.Error("UsesBucket: the mount bucket counts, another MinIO's does not")
	}
	without := s.WithoutBuckets(map[string]bool{"shared": true})
	if len(without.Input) != 2 || len(without.Output) != 2 || len(s.Input) != 3 {
		t.Errorf("WithoutBuckets left inputs %v, outputs %v (and must not change the original)", without.Input, without.Output)
	}
}
