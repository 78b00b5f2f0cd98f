package provider

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"golang.org/x/crypto/argon2"
)

// Secrets are write-only: Terraform sends them to the provider with the configuration of a plan or
// an apply, and neither the plan nor the state holds them (Terraform 1.11 and OpenTofu 1.11 keep
// write-only attributes out of both). They are the secret environment values, the storage
// providers' credentials and the federation clusters' passwords. Their names stay in the state
// (environment.secret_names, the providers' ids), and so does one digest of all their values
// (write_only_digest), so that changing any value plans an update in place without a version to
// bump: see writeOnlyDigester.

// eachWriteOnly calls f with the address and a pointer to every write-only string of m (storage
// credentials and cluster passwords; secret environment values are a map, see secretValues).
func eachWriteOnly(m *serviceModel, f func(address string, v *types.String)) {
	at := func(kind, id, field string) string { return "storage_providers." + kind + "." + id + "." + field }
	if p := m.StorageProviders; p != nil {
		for id, v := range p.MinIO {
			f(at("minio", id, "access_key"), &v.AccessKey)
			f(at("minio", id, "secret_key"), &v.SecretKey)
			p.MinIO[id] = v
		}
		for id, v := range p.S3 {
			f(at("s3", id, "access_key"), &v.AccessKey)
			f(at("s3", id, "secret_key"), &v.SecretKey)
			p.S3[id] = v
		}
		for id, v := range p.Onedata {
			f(at("onedata", id, "token"), &v.Token)
			p.Onedata[id] = v
		}
		for id, v := range p.WebDAV {
			f(at("webdav", id, "password"), &v.Password)
			p.WebDAV[id] = v
		}
		for id, v := range p.Rucio {
			f(at("rucio", id, "refresh_token"), &v.RefreshToken)
			p.Rucio[id] = v
		}
	}
	for id, c := range m.Clusters {
		f("clusters."+id+".auth_password", &c.AuthPassword)
		m.Clusters[id] = c
	}
}

func secretValues(m *serviceModel) map[string]string {
	if m.Environment == nil {
		return nil
	}
	return m.Environment.Secrets
}

// writeOnlyValues are the write-only values set in a configuration, by address.
func writeOnlyValues(config *serviceModel) map[string]string {
	values := map[string]string{}
	for k, v := range secretValues(config) {
		values["environment.secrets."+k] = v
	}
	eachWriteOnly(config, func(address string, v *types.String) {
		if !v.IsNull() && !v.IsUnknown() {
			values[address] = v.ValueString()
		}
	})
	return values
}

// withWriteOnly puts the configuration's write-only values into a plan (where they are null) for
// the request to the manager.
func withWriteOnly(plan, config *serviceModel) {
	values := writeOnlyValues(config)
	if secrets := secretValues(config); len(secrets) > 0 && plan.Environment != nil {
		plan.Environment.Secrets = maps.Clone(secrets)
	}
	eachWriteOnly(plan, func(address string, v *types.String) {
		if value, ok := values[address]; ok {
			*v = types.StringValue(value)
		}
	})
}

// withoutWriteOnly nulls the write-only values of a model, as the state must hold them.
func withoutWriteOnly(m *serviceModel) {
	if m.Environment != nil {
		m.Environment.Secrets = nil
	}
	eachWriteOnly(m, func(_ string, v *types.String) { *v = types.StringNull() })
}

// secretNames is the sorted set of secret names for the state (null when there is none).
func secretNames(secrets map[string]string) types.Set {
	if len(secrets) == 0 {
		return types.SetNull(types.StringType)
	}
	names := slices.Sorted(maps.Keys(secrets))
	elems := make([]attr.Value, len(names))
	for i, n := range names {
		elems[i] = types.StringValue(n)
	}
	set, _ := types.SetValue(types.StringType, elems)
	return set
}

// Argon2id parameters: OWASP's minimum recommendation for password storage (19 MiB, 2 passes, 1
// lane), about 30-40 ms per digest here.
const (
	argonTime    = 2
	argonMemory  = 19 * 1024
	argonThreads = 1
	argonKeyLen  = 32
	saltLen      = 16
	// MinDigestKeyLength is the shortest write_only_digest_key accepted: 32 characters, as many
	// bytes as the HMAC-SHA256 key it becomes, enough that a key cannot be guessed.
	MinDigestKeyLength = 32
)

// writeOnlyDigester makes and checks write_only_digest. Without a key it hashes with argon2id, so
// a guess at a secret costs a password hash (31 ms of CPU here, paid again by every plan for each
// service with secrets). With a key (write_only_digest_key), kept outside the state, it makes an
// HMAC-SHA256: microseconds per plan, and no guess can be checked without the key.
type writeOnlyDigester struct {
	key []byte
}

const hmacScheme = "hmac-sha256"

// keyID names the key in a digest without revealing it, so a run with another key, or none, can
// say why it cannot check the digest.
func (d writeOnlyDigester) keyID() string {
	mac := hmac.New(sha256.New, d.key)
	mac.Write([]byte("oscar write_only_digest key id"))
	return hex.EncodeToString(mac.Sum(nil)[:6])
}

// digest hashes values with a new random salt; "" for no values.
func (d writeOnlyDigester) digest(values map[string]string) (string, error) {
	if len(values) == 0 {
		return "", nil
	}
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("generating a salt: %w", err)
	}
	if d.key != nil {
		return d.keyed(salt, values), nil
	}
	return phc(salt, argonTime, argonMemory, argonThreads, values), nil
}

// unchanged tells whether digest (from the state) is the digest of values. When it cannot check
// (a keyed digest and not its key), it says why in reason, and the values count as changed: they
// are sent again, which is safe.
func (d writeOnlyDigester) unchanged(digest string, values map[string]string) (same bool, reason string) {
	if digest == "" || len(values) == 0 {
		return digest == "" && len(values) == 0, ""
	}
	fields := strings.Split(digest, "$")
	if len(fields) < 2 {
		return false, ""
	}
	var want string
	switch fields[1] {
	case "argon2id":
		// "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
		var t, m uint32
		var p uint8
		if len(fields) != 6 || fields[2] != "v=19" {
			return false, ""
		}
		if _, err := fmt.Sscanf(fields[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil {
			return false, ""
		}
		salt, err := base64.RawStdEncoding.DecodeString(fields[4])
		if err != nil {
			return false, ""
		}
		want = phc(salt, t, m, p, values)
	case hmacScheme:
		// "", "hmac-sha256", "k=<key id>", salt, mac
		if len(fields) != 5 {
			return false, ""
		}
		switch {
		case d.key == nil:
			return false, "it was made with a write_only_digest_key, and this run has none (set OSCAR_WRITE_ONLY_DIGEST_KEY as before)"
		case fields[2] != "k="+d.keyID():
			return false, fmt.Sprintf("it was made with another write_only_digest_key (%s; this run's is k=%s)", fields[2], d.keyID())
		}
		salt, err := base64.RawStdEncoding.DecodeString(fields[3])
		if err != nil {
			return false, ""
		}
		want = d.keyed(salt, values)
	default:
		return false, ""
	}
	return subtle.ConstantTimeCompare([]byte(want), []byte(digest)) == 1, ""
}

func (d writeOnlyDigester) keyed(salt []byte, values map[string]string) string {
	mac := hmac.New(sha256.New, d.key)
	mac.Write(salt)
	mac.Write(canonicalValues(values))
	return fmt.Sprintf("$%s$k=%s$%s$%s", hmacScheme, d.keyID(),
		base64.RawStdEncoding.EncodeToString(salt), base64.RawStdEncoding.EncodeToString(mac.Sum(nil)))
}

func phc(salt []byte, t, m uint32, p uint8, values map[string]string) string {
	key := argon2.IDKey(canonicalValues(values), salt, t, m, p, argonKeyLen)
	return fmt.Sprintf("$argon2id$v=19$m=%d,t=%d,p=%d$%s$%s", m, t, p,
		base64.RawStdEncoding.EncodeToString(salt), base64.RawStdEncoding.EncodeToString(key))
}

// canonicalValues encodes values the same way every time (encoding/json sorts map keys).
func canonicalValues(values map[string]string) []byte {
	canonical, _ := json.Marshal(values)
	return canonical
}

// planWriteOnly plans what the state keeps of the write-only values: the secret names, and the
// digest, which becomes unknown (an update in place) when a value changed. It runs on every plan,
// before the no-change shortcut: a changed value leaves the rest of the plan equal to the state.
func planWriteOnly(ctx context.Context, digester writeOnlyDigester, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	var config serviceModel
	for p, target := range map[string]any{"storage_providers": &config.StorageProviders, "clusters": &config.Clusters} {
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(p), target)...)
	}
	var environment types.Object
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("environment"), &environment)...)
	if !environment.IsNull() && !environment.IsUnknown() {
		// A secret may be null here (an unset variable, in the plan a destroy makes first): it is left
		// out, and the configuration's precondition, or the apply, names it.
		var secrets types.Map
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("environment").AtName("secrets"), &secrets)...)
		config.Environment = &environmentModel{}
		for k, v := range secrets.Elements() {
			if s, ok := v.(types.String); ok && !s.IsNull() && !s.IsUnknown() {
				if config.Environment.Secrets == nil {
					config.Environment.Secrets = map[string]string{}
				}
				config.Environment.Secrets[k] = s.ValueString()
			}
		}
	}
	var keepToken types.Bool
	resp.Diagnostics.Append(resp.Plan.GetAttribute(ctx, path.Root("keep_token"), &keepToken)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !keepToken.IsUnknown() && !keepToken.ValueBool() {
		resp.Diagnostics.Append(setPlanned(ctx, &resp.Plan, path.Root("token"), types.StringNull())...)
	}
	if config.Environment != nil {
		resp.Diagnostics.Append(setPlanned(ctx, &resp.Plan, path.Root("environment").AtName("secret_names"), secretNames(config.Environment.Secrets))...)
	}
	values := writeOnlyValues(&config)
	digest := types.StringNull()
	if !req.State.Raw.IsNull() {
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("write_only_digest"), &digest)...)
	}
	if len(values) == 0 {
		digest = types.StringNull()
	} else if same, reason := digester.unchanged(digest.ValueString(), values); !same {
		digest = types.StringUnknown()
		if reason != "" {
			resp.Diagnostics.AddWarning("Write-only values sent again",
				"The state's write_only_digest cannot be checked: "+reason+". The secrets are sent again, and the new digest is made "+
					"with this run's key. See the provider's write_only_digest_key.")
		}
	}
	resp.Diagnostics.Append(setPlanned(ctx, &resp.Plan, path.Root("write_only_digest"), digest)...)
}

// withConfigWriteOnly is the plan with the configuration's write-only values: what a create or an
// update sends.
func withConfigWriteOnly(ctx context.Context, config tfsdk.Config, plan serviceModel) (*serviceModel, diag.Diagnostics) {
	var configured serviceModel
	diags := config.Get(ctx, &configured)
	if plan.Environment != nil {
		env := *plan.Environment
		plan.Environment = &env
	}
	plan.StorageProviders = cloneStorageProviders(plan.StorageProviders)
	plan.Clusters = maps.Clone(plan.Clusters)
	withWriteOnly(&plan, &configured)
	return &plan, diags
}

// setWritten records a service just written: m read back from the manager, with the digest of the
// write-only values sent (kept when the plan knew it unchanged, new otherwise).
func setWritten(ctx context.Context, digester writeOnlyDigester, state *tfsdk.State, m, sent *serviceModel) diag.Diagnostics {
	if m.WriteOnlyDigest.IsUnknown() || m.WriteOnlyDigest.IsNull() {
		digest, err := digester.digest(writeOnlyValues(sent))
		if err != nil {
			var diags diag.Diagnostics
			diags.AddError("Cannot digest the write-only values", err.Error())
			return diags
		}
		m.WriteOnlyDigest = types.StringValue(digest)
		if digest == "" {
			m.WriteOnlyDigest = types.StringNull()
		}
	}
	return state.Set(ctx, m)
}

func cloneStorageProviders(p *storageProvidersModel) *storageProvidersModel {
	if p == nil {
		return nil
	}
	return &storageProvidersModel{MinIO: maps.Clone(p.MinIO), S3: maps.Clone(p.S3), Onedata: maps.Clone(p.Onedata),
		WebDAV: maps.Clone(p.WebDAV), Rucio: maps.Clone(p.Rucio)}
}
