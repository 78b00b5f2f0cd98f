package provider

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oscar-cdktf/terraform-provider-oscar/internal/oscar"
)

// testdata/manager-get-cowsay.json is the real manager's (v4.1.2) answer to GET /system/services/cowsay
// for the service plannedCowsay describes, POSTed from its expanded form.
func managerAnswer(t *testing.T) *oscar.Service {
	t.Helper()
	raw, err := os.ReadFile("testdata/manager-get-cowsay.json")
	if err != nil {
		t.Fatal(err)
	}
	var svc oscar.Service
	if err := json.Unmarshal(raw, &svc); err != nil {
		t.Fatal(err)
	}
	return &svc
}

func plannedCowsay() *serviceModel {
	return &serviceModel{
		Name: types.StringValue("cowsay"), ClusterID: types.StringNull(), Image: types.StringValue("ghcr.io/grycap/cowsay"),
		Script: types.StringValue("#!/bin/sh\r\necho hi\r\n"), Memory: types.StringValue("256Mi"), CPU: types.StringValue("0.2"),
		TotalMemory: types.StringNull(), TotalCPU: types.StringNull(), EphemeralStorageRequest: types.StringNull(),
		EnableGPU: types.BoolValue(false), EnableSGX: types.BoolValue(false), ImagePrefetch: types.BoolValue(false),
		Synchronous: &synchronousModel{MinScale: types.Int64Value(0), MaxScale: types.Int64Value(0)},
		LogLevel:    types.StringValue("INFO"), Alpine: types.BoolValue(false), FileStageIn: types.BoolValue(false),
		Input: []storageIOModel{{StorageProvider: types.StringValue("minio"), Path: types.StringValue("in"), Options: types.StringNull()}},
		Output: []storageIOModel{{StorageProvider: types.StringValue("minio.default"), Path: types.StringValue("cowsay/out"),
			Suffix: []string{".png"}, Options: types.StringNull()}},
		Environment: &environmentModel{Variables: map[string]string{"A": "1"}, SecretNames: secretNames(map[string]string{"API_KEY": ""})},
		Labels:      map[string]string{"team": "vision"},
		VO:          types.StringNull(), Visibility: types.StringValue("private"), IsolationLevel: types.StringNull(), InterLinkNodeName: types.StringNull(),
		Expose: &exposeModel{APIPort: []int64{8080}, NodePort: []int64{0}, MinScale: types.Int64Value(1), MaxScale: types.Int64Value(10),
			CPUThreshold: types.Int64Value(80), RewriteTarget: types.BoolValue(false), DefaultCommand: types.BoolValue(false),
			SetAuth: types.BoolValue(false), AuthType: types.StringNull(), HealthPath: types.StringNull(), ProbeMode: types.StringNull()},
		KeepToken: types.BoolValue(false), Token: types.StringNull(), WriteOnlyDigest: types.StringUnknown(),
		Owner: types.StringUnknown(), Namespace: types.StringUnknown(), MissingReplicas: types.ListNull(types.StringType),
	}
}

// What the manager adds or rewrites (token, owner, namespace, its labels, minio.default, blanked
// secrets, CRLF, "in" for "cowsay/in", the node port it allocated, zero values) reads back as the plan.
func TestFlattenReadsBackThePlan(t *testing.T) {
	plan := plannedCowsay()

	got := flattenService(managerAnswer(t), plan, false)

	if !got.Token.IsNull() || got.Owner.ValueString() != "cluster_admin" || got.Namespace.ValueString() != "oscar-svc" {
		t.Errorf("computed attributes: token %q (want null: keep_token is off), owner %q, namespace %q", got.Token, got.Owner, got.Namespace)
	}
	want := *plan
	want.Owner, want.Namespace = got.Owner, got.Namespace
	if !reflect.DeepEqual(*got, want) {
		t.Errorf("read back\n%+v\nwant\n%+v", *got, want)
	}
}

// After an import only the name is known: the manager's own labels are still left out, and what it
// hides or rewrites is shown as it stores it.
func TestFlattenAfterImport(t *testing.T) {
	got := flattenService(managerAnswer(t), &serviceModel{Name: types.StringValue("cowsay")}, true)

	if !reflect.DeepEqual(got.Labels, map[string]string{"team": "vision"}) {
		t.Errorf("labels %v", got.Labels)
	}
	if got.Input[0].Path.ValueString() != "cowsay/in" || got.Script.ValueString() != "#!/bin/sh\necho hi\n" {
		t.Errorf("path %s, script %q", got.Input[0].Path, got.Script.ValueString())
	}
	if got.Environment.Secrets != nil || !got.Environment.SecretNames.Equal(secretNames(map[string]string{"API_KEY": ""})) || got.Expose.NodePort[0] == 0 {
		t.Errorf("secrets %v (want none: write-only), secret names %v, node ports %v", got.Environment.Secrets, got.Environment.SecretNames, got.Expose.NodePort)
	}
	if got.StorageProviders != nil || got.Mount != nil || got.Annotations != nil {
		t.Errorf("zero values must read as null: %+v %+v %+v", got.StorageProviders, got.Mount, got.Annotations)
	}
}

// A change made outside Terraform to a field the configuration sets is shown.
func TestFlattenShowsForeignChanges(t *testing.T) {
	svc := managerAnswer(t)
	svc.Memory = "1Gi"
	svc.Labels["team"] = "other"
	svc.Environment.Secrets["ADDED"] = ""
	delete(svc.Environment.Secrets, "API_KEY")

	got := flattenService(svc, plannedCowsay(), false)

	if got.Memory.ValueString() != "1Gi" || got.Labels["team"] != "other" || !got.Environment.SecretNames.Equal(secretNames(map[string]string{"ADDED": ""})) {
		t.Errorf("memory %s, labels %v, secret names %v", got.Memory, got.Labels, got.Environment.SecretNames)
	}
}

// The token is kept in the state only when keep_token asks for it.
func TestFlattenKeepsTheTokenOnlyWhenAsked(t *testing.T) {
	plan := plannedCowsay()
	plan.KeepToken = types.BoolValue(true)

	got := flattenService(managerAnswer(t), plan, false)

	if got.Token.ValueString() != managerAnswer(t).Token || got.Token.ValueString() == "" {
		t.Errorf("token %q, want the manager's", got.Token)
	}
}

// Labels a newer manager adds are not the configuration's and never show.
func TestFlattenIgnoresNewManagerLabels(t *testing.T) {
	svc := managerAnswer(t)
	svc.Labels["oscar.grycap/new-feature"] = "on"

	if got := flattenService(svc, plannedCowsay(), false); !reflect.DeepEqual(got.Labels, map[string]string{"team": "vision"}) {
		t.Errorf("labels %v", got.Labels)
	}
}

// The digest of the write-only values matches the same values only, and holds none of them: with
// argon2id (no key) and with HMAC-SHA256 (a key).
func TestWriteOnlyDigest(t *testing.T) {
	key := []byte("0123456789abcdef0123456789abcdef")
	for _, digester := range []writeOnlyDigester{{}, {key: key}} {
		values := map[string]string{"environment.secrets.API_KEY": "s3cr3t", "clusters.b.auth_password": "a-cluster-password"}
		digest, err := digester.digest(values)
		if err != nil {
			t.Fatal(err)
		}
		wantScheme := map[bool]string{false: "$argon2id$", true: "$hmac-sha256$k="}[digester.key != nil]
		if !strings.HasPrefix(digest, wantScheme) {
			t.Errorf("digest %q, want the scheme %s", digest, wantScheme)
		}
		if same, reason := digester.unchanged(digest, values); !same || reason != "" {
			t.Errorf("the digest %q does not match its values (%s)", digest, reason)
		}
		for _, changed := range []map[string]string{
			{"environment.secrets.API_KEY": "s3cr3t2", "clusters.b.auth_password": "a-cluster-password"},
			{"environment.secrets.API_KEY": "s3cr3t"},
			{"environment.secrets.OTHER": "s3cr3t", "clusters.b.auth_password": "a-cluster-password"},
		} {
			if same, _ := digester.unchanged(digest, changed); same {
				t.Errorf("the digest matches other values %v", changed)
			}
		}
		again, _ := digester.digest(values)
		if again == digest {
			t.Error("two digests of the same values are equal: the salt is not random")
		}
		if strings.Contains(digest, "s3cr3t") || strings.Contains(digest, "a-cluster-password") || strings.Contains(digest, string(key)) {
			t.Errorf("the digest holds a value or the key: %s", digest)
		}
		if empty, _ := digester.digest(nil); empty != "" {
			t.Error("no values must digest to nothing")
		}
		if same, _ := digester.unchanged("", nil); !same {
			t.Error("nothing must match no values")
		}
		if same, _ := digester.unchanged("", values); same {
			t.Error("nothing must not match values")
		}
	}
}

// A keyed digest is checked only with its key: a run with none or another one says why and sends
// the values again; a key does not stop argon2id digests already in a state from being checked.
func TestWriteOnlyDigestKeys(t *testing.T) {
	values := map[string]string{"environment.secrets.API_KEY": "s3cr3t"}
	keyed := writeOnlyDigester{key: []byte("0123456789abcdef0123456789abcdef")}
	other := writeOnlyDigester{key: []byte("fedcba9876543210fedcba9876543210")}
	digest, _ := keyed.digest(values)
	if same, reason := (writeOnlyDigester{}).unchanged(digest, values); same || !strings.Contains(reason, "this run has none") {
		t.Errorf("without the key: same %v, reason %q", same, reason)
	}
	if same, reason := other.unchanged(digest, values); same || !strings.Contains(reason, "another write_only_digest_key (k="+keyed.keyID()) {
		t.Errorf("with another key: same %v, reason %q", same, reason)
	}
	old, _ := (writeOnlyDigester{}).digest(values)
	if same, reason := keyed.unchanged(old, values); !same || reason != "" {
		t.Errorf("an argon2id digest is not checked with a key set: same %v, reason %q", same, reason)
	}
	if keyed.keyID() == other.keyID() {
		t.Error("two keys have one id")
	}
}
