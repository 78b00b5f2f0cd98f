package provider

import (
	"math/big"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oscar-cdktf/terraform-provider-oscar/internal/oscar"
)

func TestParseQuantity(t *testing.T) {
	for in, want := range map[string]*big.Rat{
		"2": big.NewRat(2, 1), "500m": big.NewRat(1, 2), "1.5": big.NewRat(3, 2), "8Gi": big.NewRat(8<<30, 1), "2G": big.NewRat(2e9, 1),
		"1e3": big.NewRat(1000, 1), "5E-1": big.NewRat(1, 2), "0": new(big.Rat), "129M": big.NewRat(129e6, 1),
	} {
		got, err := parseQuantity(in)
		if err != nil || got.Cmp(want) != 0 {
			t.Errorf("parseQuantity(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "two", "2 Gi", "2GB", "Gi", "1.2.3"} {
		if _, err := parseQuantity(bad); err == nil {
			t.Errorf("parseQuantity(%q) accepted it", bad)
		}
	}
}

func TestQuantitiesAsTheManagerReportsThem(t *testing.T) {
	cases := []struct{ got, want string }{
		{cpuQuantity(3000), "3"}, {cpuQuantity(1500), "1500m"}, {cpuQuantity(0), "0"},
		{byteQuantity(6 << 30), "6Gi"}, {byteQuantity(1536 << 20), "1536Mi"}, {byteQuantity(1000), "1000"}, {byteQuantity(0), "0"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	if !sameQuantity("3", big.NewRat(3, 1)) || !sameQuantity("3000m", big.NewRat(3, 1)) || sameQuantity("3Gi", big.NewRat(3, 1)) {
		t.Error("sameQuantity compares amounts, not spellings")
	}
}

func TestFlattenUserQuotaKeepsTheSpellingOfTheSameAmount(t *testing.T) {
	q := &oscar.UserQuota{ClusterQueue: "oscar-cq-alice", Resources: map[string]oscar.QuotaValues{
		"cpu": {Max: 4000}, "memory": {Max: 12 << 30}, "ephemeral-storage": {Max: 1 << 30}, "gpu": {Max: 0},
	}}
	prev := &userQuotaModel{UserID: types.StringValue("alice"), CPU: types.StringValue("4000m"), Memory: types.StringValue("12288Mi"),
		EphemeralStorage: types.StringValue("2Gi"), GPU: types.StringNull()}
	m := flattenUserQuota(q, prev)
	got := []string{m.CPU.ValueString(), m.Memory.ValueString(), m.EphemeralStorage.ValueString(), m.GPU.ValueString(), m.ClusterQueue.ValueString()}
	want := []string{"4000m", "12288Mi", "1Gi", "0", "oscar-cq-alice"} // ephemeral storage changed: the manager's amount
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("attribute %d: got %q, want %q", i, got[i], want[i])
		}
	}
}

func TestMissingClusterQueueIsRecognised(t *testing.T) {
	missing := &oscar.APIError{Status: 500, Message: `getting ClusterQueue oscar-cq-bob: clusterqueues.kueue.x-k8s.io "oscar-cq-bob" not found`}
	if !isMissingClusterQueue(missing) || isMissingClusterQueue(&oscar.APIError{Status: 500, Message: "etcd timeout"}) {
		t.Error("only the manager's answer for a user without a ClusterQueue is recognised")
	}
	if msg := explainQuotaError("bob", missing); !strings.Contains(msg, `User "bob" has no ClusterQueue yet`) {
		t.Errorf("explanation: %s", msg)
	}
}
