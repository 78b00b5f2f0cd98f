package provider

import (
	"encoding/json"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oscar-cdktf/terraform-provider-oscar/internal/oscar"
)

// The manager's report becomes the state: each part of the quota API that is off (Kueue, volumes) is
// null, MinIO's absent quota is no limit, and a configured spelling of the same amount is kept.
func TestFlattenUserQuota(t *testing.T) {
	var withVolumesOnly, withEverything oscar.UserQuota
	if err := json.Unmarshal([]byte(`{"user_id":"alice","volumes":{"disk":{"max":"10Gi","used":"0"},"volumes":{"max":"4","used":"0"},
		"max_disk_per_volume":"3Gi","min_disk_per_volume":"100Mi"}}`), &withVolumesOnly); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(`{"user_id":"alice","cluster_queue":"cq-alice","resources":{"cpu":{"max":1500},"memory":{"max":8589934592},
		"gpu":{"max":1}},"minio":{"buckets":{"max":3},"storage_per_bucket":{"max":"10Gi"}}}`), &withEverything); err != nil {
		t.Fatal(err)
	}
	prev := &userQuotaModel{UserID: types.StringValue("alice"), Memory: types.StringValue("8192Mi"), VolumeStorage: types.StringValue("10240Mi")}

	m := flattenUserQuota(&withVolumesOnly, prev)
	if !m.CPU.IsNull() || !m.ClusterQueue.IsNull() {
		t.Errorf("without Kueue, cpu %v and cluster_queue %v must be null", m.CPU, m.ClusterQueue)
	}
	if m.VolumeStorage.ValueString() != "10240Mi" || m.VolumeCount.ValueInt64() != 4 || m.VolumeMaxSize.ValueString() != "3Gi" {
		t.Errorf("volumes: storage %v, count %v, max size %v", m.VolumeStorage, m.VolumeCount, m.VolumeMaxSize)
	}
	if m.MinIOBuckets.ValueInt64() != 0 || m.MinIOStoragePerBucket.ValueString() != "0" {
		t.Errorf("no MinIO quota must read as no limit: %v, %v", m.MinIOBuckets, m.MinIOStoragePerBucket)
	}

	m = flattenUserQuota(&withEverything, prev)
	if m.CPU.ValueString() != "1500m" || m.Memory.ValueString() != "8192Mi" || m.GPU.ValueString() != "1" || m.ClusterQueue.ValueString() != "cq-alice" {
		t.Errorf("Kueue: cpu %v, memory %v, gpu %v, queue %v", m.CPU, m.Memory, m.GPU, m.ClusterQueue)
	}
	if !m.VolumeCount.IsNull() || !m.VolumeStorage.IsNull() {
		t.Errorf("with volumes off, the volume quotas must be null: %v, %v", m.VolumeCount, m.VolumeStorage)
	}
	if m.MinIOBuckets.ValueInt64() != 3 || m.MinIOStoragePerBucket.ValueString() != "10Gi" {
		t.Errorf("MinIO: %v, %v", m.MinIOBuckets, m.MinIOStoragePerBucket)
	}
}

// Each configured quota goes into its place in the update, and nothing else does.
func TestQuotaFieldsSend(t *testing.T) {
	m := &userQuotaModel{CPU: types.StringValue("2"), MinIOBuckets: types.Int64Value(0), VolumeCount: types.Int64Value(4),
		VolumeMinSize: types.StringValue("100Mi"), Memory: types.StringUnknown()}
	update := &oscar.UserQuotaUpdate{}
	for _, f := range quotaFields {
		if v, known := f.configured(m); known {
			f.send(update, v)
		}
	}
	got, _ := json.Marshal(update)
	if want := `{"cpu":"2","minio":{"buckets":"0"},"volumes":{"volumes":"4","min_disk_per_volume":"100Mi"}}`; string(got) != want {
		t.Errorf("update %s, want %s", got, want)
	}
}
