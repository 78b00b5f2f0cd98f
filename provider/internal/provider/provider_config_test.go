package provider

import (
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func unset() providerModel {
	return providerModel{Endpoint: types.StringNull(), Username: types.StringNull(), Password: types.StringNull(), Token: types.StringNull(),
		TokenFile: types.StringNull(), RefreshToken: types.StringNull(), ClientID: types.StringNull(), ClientSecret: types.StringNull(),
		Issuer: types.StringNull(), TokenEndpoint: types.StringNull(), Insecure: types.BoolNull(), CACertificate: types.StringNull(), RequestTimeout: types.StringNull(), RetryTimeout: types.StringNull(),
		DigestKey: types.StringNull()}
}

func clearEnv(t *testing.T) {
	for _, k := range []string{"OSCAR_ENDPOINT", "OSCAR_USERNAME", "OSCAR_PASSWORD", "OSCAR_TOKEN", "OSCAR_TOKEN_FILE",
		"OSCAR_REFRESH_TOKEN", "OSCAR_CLIENT_ID", "OSCAR_CLIENT_SECRET", "OSCAR_ISSUER", "OSCAR_TOKEN_ENDPOINT", "OSCAR_INSECURE", "OSCAR_CA_CERTIFICATE", "OSCAR_REQUEST_TIMEOUT", "OSCAR_RETRY_TIMEOUT",
		"OSCAR_WRITE_ONLY_DIGEST_KEY"} {
		t.Setenv(k, "")
	}
}

func TestSettingsComeFromTheEnvironmentUnlessSet(t *testing.T) {
	clearEnv(t)
	t.Setenv("OSCAR_ENDPOINT", "https://env.example.org")
	t.Setenv("OSCAR_USERNAME", "oscar")
	t.Setenv("OSCAR_PASSWORD", "env-password")
	t.Setenv("OSCAR_INSECURE", "true")
	t.Setenv("OSCAR_RETRY_TIMEOUT", "10s")
	m := unset()
	m.Endpoint = types.StringValue("https://config.example.org")

	cfg, diags := m.clientConfig("ua")

	if diags.HasError() {
		t.Fatal(diags)
	}
	if cfg.Endpoint != "https://config.example.org" || cfg.Password != "env-password" || !cfg.Insecure ||
		cfg.RetryTimeout != 10*time.Second || cfg.RequestTimeout != defaultRequestTimeout {
		t.Errorf("config %+v", cfg)
	}
}

func TestSettingsErrorsSayWhatToSet(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  map[string]string
		want string
	}{
		{"nothing", nil, "Set endpoint in the provider block or the OSCAR_ENDPOINT environment variable"},
		{"both credentials", map[string]string{"OSCAR_ENDPOINT": "https://o", "OSCAR_TOKEN": "t", "OSCAR_USERNAME": "u"}, "Set only the OIDC credential, or only username and password"},
		{"two OIDC credentials", map[string]string{"OSCAR_ENDPOINT": "https://o", "OSCAR_TOKEN": "t", "OSCAR_REFRESH_TOKEN": "r"}, "Set one OIDC credential, not token (OSCAR_TOKEN) and refresh_token"},
		{"client without refresh token", map[string]string{"OSCAR_ENDPOINT": "https://o", "OSCAR_TOKEN": "t", "OSCAR_CLIENT_ID": "c"}, "used only to renew access tokens from refresh_token"},
		{"no password", map[string]string{"OSCAR_ENDPOINT": "https://o", "OSCAR_USERNAME": "u"}, "Set username and password (or OSCAR_USERNAME and OSCAR_PASSWORD)"},
		{"bad duration", map[string]string{"OSCAR_ENDPOINT": "https://o", "OSCAR_TOKEN": "t", "OSCAR_RETRY_TIMEOUT": "soon"}, `retry_timeout (or OSCAR_RETRY_TIMEOUT) is "soon"`},
		{"bad CA", map[string]string{"OSCAR_ENDPOINT": "https://o", "OSCAR_TOKEN": "t", "OSCAR_CA_CERTIFICATE": "/no/such/ca.pem"}, "neither PEM text nor a readable file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			clearEnv(t)
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			_, diags := unset().clientConfig("ua")
			var details []string
			for _, d := range diags.Errors() {
				details = append(details, d.Detail())
			}
			if !strings.Contains(strings.Join(details, "\n"), tc.want) {
				t.Errorf("errors %q do not say %q", details, tc.want)
			}
		})
	}
}

// The digest key comes from the block or OSCAR_WRITE_ONLY_DIGEST_KEY; a short one is refused with
// the way to make one.
func TestDigestKeySetting(t *testing.T) {
	clearEnv(t)
	if d, diags := unset().digester(); diags.HasError() || d.key != nil {
		t.Errorf("no key set: key %q, %v", d.key, diags)
	}
	t.Setenv("OSCAR_WRITE_ONLY_DIGEST_KEY", strings.Repeat("k", MinDigestKeyLength))
	if d, diags := unset().digester(); diags.HasError() || string(d.key) != strings.Repeat("k", MinDigestKeyLength) {
		t.Errorf("key from the environment: %q, %v", d.key, diags)
	}
	m := unset()
	m.DigestKey = types.StringValue("short")
	_, diags := m.digester()
	if !diags.HasError() || !strings.Contains(diags.Errors()[0].Detail(), "has 5 characters; give at least 32 random ones, such as the output of `openssl rand -base64 32`") {
		t.Errorf("a short key: %v", diags)
	}
}
