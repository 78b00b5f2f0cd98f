package provider

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oscar-cdktf/terraform-provider-oscar/internal/oscar"
)

const (
	defaultRequestTimeout = 5 * time.Minute
	defaultRetryTimeout   = 2 * time.Minute
)

func (m providerModel) anyUnknown() bool {
	for _, v := range []interface{ IsUnknown() bool }{m.Endpoint, m.Username, m.Password, m.Token, m.Insecure, m.CACertificate, m.RequestTimeout, m.RetryTimeout} {
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
		Endpoint:  setting(m.Endpoint, "OSCAR_ENDPOINT"),
		Username:  setting(m.Username, "OSCAR_USERNAME"),
		Password:  setting(m.Password, "OSCAR_PASSWORD"),
		Token:     setting(m.Token, "OSCAR_TOKEN"),
		UserAgent: userAgent,
	}
	if cfg.Endpoint == "" {
		diags.AddAttributeError(path.Root("endpoint"), "OSCAR endpoint not set",
			"Set endpoint in the provider block or the OSCAR_ENDPOINT environment variable to the manager's base URL, e.g. https://oscar.example.org.")
	}
	switch {
	case cfg.Token != "" && cfg.Username != "":
		diags.AddError("Conflicting OSCAR credentials",
			"Both a token (token or OSCAR_TOKEN) and a username (username or OSCAR_USERNAME) are set. Set only the token for OIDC, or only username and password for basic auth.")
	case cfg.Token == "" && (cfg.Username == "" || cfg.Password == ""):
		diags.AddError("OSCAR credentials not set",
			"Set username and password (or OSCAR_USERNAME and OSCAR_PASSWORD) for basic auth, or token (or OSCAR_TOKEN) for an OIDC bearer token.")
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
	return cfg, diags
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
