package provider

import (
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func io(provider, path string) storageIOModel {
	return storageIOModel{StorageProvider: types.StringValue(provider), Path: types.StringValue(path)}
}

// Only a MinIO input that goes away forces a replacement (the manager would keep its trigger); an
// added input, a respelled one and a dCache input do not.
func TestRemovedMinIOInputs(t *testing.T) {
	old := []storageIOModel{io("minio", "in"), io("webdav.dcache", "dav/in")}
	for _, tc := range []struct {
		name    string
		planned []storageIOModel
		want    []string
	}{
		{"unchanged", old, nil},
		{"respelled as the manager stores it", []storageIOModel{io("minio", "svc/in"), io("webdav.dcache", "dav/in")}, nil},
		{"input added", append(slices.Clone(old), io("minio", "svc/more")), nil},
		{"dCache input removed", []storageIOModel{io("minio", "in")}, nil},
		{"MinIO input moved", []storageIOModel{io("minio", "svc/other"), io("webdav.dcache", "dav/in")}, []string{`"in"`}},
		{"every input removed", nil, []string{`"in"`}},
	} {
		if got := removedMinIOInputs("svc", old, "svc", tc.planned); !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestKserveChangesTheManagerRefuses(t *testing.T) {
	base := func() *kserveModel {
		return &kserveModel{Type: types.StringValue("inference"), StorageURI: types.StringValue("gs://m"), SetAuth: types.BoolValue(true),
			MinScale: types.Int64Value(0), Inference: &kserveInferenceModel{ModelFormat: types.StringValue("sklearn"), Runtime: types.StringNull()}}
	}
	scaled := base()
	scaled.MinScale = types.Int64Value(2)
	moved := base()
	moved.StorageURI = types.StringValue("gs://other")
	runtime := base()
	runtime.Inference.Runtime = types.StringValue("kserve-mlserver")
	for _, tc := range []struct {
		name     string
		old, new *kserveModel
		want     bool
	}{
		{"none", nil, nil, false},
		{"added", nil, base(), true},
		{"removed", base(), nil, true},
		{"scaled", base(), scaled, false},
		{"model moved", base(), moved, true},
		{"runtime changed", base(), runtime, true},
	} {
		if got := kserveNeedsReplace(tc.old, tc.new); got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
}
