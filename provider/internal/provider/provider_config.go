package provider

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oscar-cdktf/terraform-provider-oscar/internal/oscar"
)

const (
	defaultRequestTimeout = oscar.DefaultRequestTimeout
	// defaultRetryTimeout covers, many times over, the window in which the manager's MinIO refuses
	// requests while restarting (0.33-0.37 s per restart, measured on the sandbox), and bounds how long
	// an apply waits for a manager that stopped answering (one budget per endpoint, see outage.go).
	defaultRetryTimeout = 10 * time.Second
)

func (m providerModel) anyUnknown() bool {
	for _, v := range []interface{ IsUnknown() bool }{m.Endpoint, m.Username, m.Password, m.Token, m.TokenFile,
		m.OIDCAccount, m.RefreshToken, m.ClientID, m.ClientSecret, m.Issuer, m.TokenEndpoint, m.Insecure, m.CACertificate, m.RequestTimeout, m.RetryTimeout, m.ReadStrategy, m.ClusterID, m.DigestKey} {
		if v.IsUnknown() {
			return true
		}
	}
	return false
}

// clientConfig resolves every setting from the provider block, then its environment variable.
func (m providerModel) clientConfig(userAgent string) (oscar.Config, diag.Diagnostics) {
	var diags diag.Diagnostics
	cfg := oscar.Config{
		Endpoint:      setting(m.Endpoint, "OSCAR_ENDPOINT"),
		Username:      setting(m.Username, "OSCAR_USERNAME"),
		Password:      setting(m.Password, "OSCAR_PASSWORD"),
		Token:         setting(m.Token, "OSCAR_TOKEN"),
		TokenFile:     setting(m.TokenFile, "OSCAR_TOKEN_FILE"),
		OIDCAccount:   setting(m.OIDCAccount, "OSCAR_OIDC_ACCOUNT"),
		RefreshToken:  setting(m.RefreshToken, "OSCAR_REFRESH_TOKEN"),
		ClientID:      setting(m.ClientID, "OSCAR_CLIENT_ID"),
		ClientSecret:  setting(m.ClientSecret, "OSCAR_CLIENT_SECRET"),
		Issuer:        setting(m.Issuer, "OSCAR_ISSUER"),
		TokenEndpoint: setting(m.TokenEndpoint, "OSCAR_TOKEN_ENDPOINT"),
		UserAgent:     userAgent,
		Name:          m.ClusterID.ValueString(),
	}
	if cfg.Endpoint == "" {
		diags.AddAttributeError(path.Root("endpoint"), "OSCAR endpoint not set",
			"Set endpoint in the provider block or the OSCAR_ENDPOINT environment variable to the manager's base URL, e.g. https://oscar.example.org.")
	}
	var oidc []string
	for _, c := range []struct{ value, name string }{
		{cfg.Token, "token (OSCAR_TOKEN)"}, {cfg.TokenFile, "token_file (OSCAR_TOKEN_FILE)"}, {cfg.RefreshToken, "refresh_token (OSCAR_REFRESH_TOKEN)"},
		{cfg.OIDCAccount, "oidc_account (OSCAR_OIDC_ACCOUNT)"},
	} {
		if c.value != "" {
			oidc = append(oidc, c.name)
		}
	}
	switch {
	case len(oidc) > 1:
		diags.AddError("Conflicting OSCAR credentials",
			fmt.Sprintf("Set one OIDC credential, not %s.", strings.Join(oidc, " and ")))
	case len(oidc) == 1 && cfg.Username != "":
		diags.AddError("Conflicting OSCAR credentials",
			fmt.Sprintf("Both %s and a username (username or OSCAR_USERNAME) are set. Set only the OIDC credential, or only username and password for basic auth.", oidc[0]))
	case len(oidc) == 0 && (cfg.Username == "" || cfg.Password == ""):
		diags.AddError("OSCAR credentials not set",
			"Set username and password (or OSCAR_USERNAME and OSCAR_PASSWORD) for basic auth; or, for OIDC, refresh_token (OSCAR_REFRESH_TOKEN), "+
				"token_file (OSCAR_TOKEN_FILE), oidc_account (OSCAR_OIDC_ACCOUNT) or token (OSCAR_TOKEN).")
	}
	if cfg.RefreshToken == "" && (cfg.ClientID != "" || cfg.ClientSecret != "" || cfg.Issuer != "" || cfg.TokenEndpoint != "") {
		diags.AddError("OIDC client settings without a refresh token",
			"client_id, client_secret, issuer and token_endpoint (OSCAR_CLIENT_ID, OSCAR_CLIENT_SECRET, OSCAR_ISSUER, OSCAR_TOKEN_ENDPOINT) are used "+
				"only to renew access tokens from refresh_token (OSCAR_REFRESH_TOKEN), which is not set.")
	}

	insecure := m.Insecure.ValueBool()
	if m.Insecure.IsNull() {
		if v := os.Getenv("OSCAR_INSECURE"); v != "" {
			b, err := strconv.ParseBool(v)
			if err != nil {
				diags.AddError("Invalid OSCAR_INSECURE", fmt.Sprintf("OSCAR_INSECURE=%q is not a boolean; use true or false.", v))
			}
			insecure = b
		}
	}
	cfg.Insecure = insecure

	if ca := setting(m.CACertificate, "OSCAR_CA_CERTIFICATE"); ca != "" {
		pem, err := readPEM(ca)
		if err != nil {
			diags.AddAttributeError(path.Root("ca_certificate"), "Unreadable CA certificate", err.Error())
		}
		cfg.CACertificatePEM = pem
	}

	var d diag.Diagnostics
	cfg.RequestTimeout, d = durationSetting(m.RequestTimeout, "request_timeout", "OSCAR_REQUEST_TIMEOUT", defaultRequestTimeout)
	diags.Append(d...)
	cfg.RetryTimeout, d = durationSetting(m.RetryTimeout, "retry_timeout", "OSCAR_RETRY_TIMEOUT", defaultRetryTimeout)
	diags.Append(d...)
	if strategy := setting(m.ReadStrategy, "OSCAR_READ_STRATEGY"); strategy != "" {
		cfg.ReadStrategy = oscar.ReadStrategy(strategy)
		if !slices.Contains(oscar.ReadStrategies, cfg.ReadStrategy) {
			diags.AddAttributeError(path.Root("read_strategy"), "Invalid read strategy",
				fmt.Sprintf("read_strategy (or OSCAR_READ_STRATEGY) is %q; use one of %s.", strategy, strings.Join(readStrategies(), ", ")))
		}
	}
	return cfg, diags
}

func readStrategies() []string {
	names := make([]string, len(oscar.ReadStrategies))
	for i, s := range oscar.ReadStrategies {
		names[i] = string(s)
	}
	return names
}

// digester makes write_only_digest with the key set, if any.
func (m providerModel) digester() (writeOnlyDigester, diag.Diagnostics) {
	var diags diag.Diagnostics
	key := setting(m.DigestKey, "OSCAR_WRITE_ONLY_DIGEST_KEY")
	switch {
	case key == "":
		return writeOnlyDigester{}, diags
	case len(key) < MinDigestKeyLength:
		diags.AddAttributeError(path.Root("write_only_digest_key"), "write_only_digest_key too short",
			fmt.Sprintf("write_only_digest_key (or OSCAR_WRITE_ONLY_DIGEST_KEY) has %d characters; give at least %d random ones, "+
				"such as the output of `openssl rand -base64 32`.", len(key), MinDigestKeyLength))
		return writeOnlyDigester{}, diags
	}
	return writeOnlyDigester{key: []byte(key)}, diags
}

func setting(v types.String, env string) string {
	if !v.IsNull() {
		return v.ValueString()
	}
	return os.Getenv(env)
}

func durationSetting(v types.String, attr, env string, def time.Duration) (time.Duration, diag.Diagnostics) {
	var diags diag.Diagnostics
	text := setting(v, env)
	if text == "" {
		return def, diags
	}
	d, err := time.ParseDuration(text)
	if err != nil || d < 0 {
		diags.AddAttributeError(path.Root(attr), "Invalid duration",
			fmt.Sprintf("%s (or %s) is %q; write a non-negative Go duration such as 90s or 5m.", attr, env, text))
	}
	return d, diags
}

// readPEM takes PEM text, or the path of a file holding it (handy in an environment variable).
func readPEM(value string) ([]byte, error) {
	if strings.Contains(value, "-----BEGIN") {
		return []byte(value), nil
	}
	pem, err := os.ReadFile(value)
	if err != nil {
		return nil, fmt.Errorf("the CA certificate is neither PEM text nor a readable file: %w", err)
	}
	return pem, nil
}
