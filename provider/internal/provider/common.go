package provider

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/oscar-cdktf/terraform-provider-oscar/internal/oscar"
)

// providerData is what the provider gives its resources and data sources.
type providerData struct {
	// client is nil while the provider settings are unknown (computed from resources not created yet).
	client   *oscar.Client
	digester writeOnlyDigester
}

// dataFrom takes what the provider configured: nothing before Configure ran.
func dataFrom(data any, diags *diag.Diagnostics) providerData {
	if data == nil {
		return providerData{}
	}
	d, ok := data.(*providerData)
	if !ok {
		diags.AddError("Unexpected provider data", fmt.Sprintf("Expected *providerData, got %T. This is a bug in the provider.", data))
		return providerData{}
	}
	return *d
}

func requireClient(client *oscar.Client, diags *diag.Diagnostics) bool {
	if client == nil {
		diags.AddError("OSCAR provider not configured",
			"The provider settings (endpoint and credentials) are unknown at this point; they are likely computed from resources "+
				"that do not exist yet. Apply those first, or set them from known values.")
	}
	return client != nil
}

func addWarnings(diags *diag.Diagnostics, subject string, warnings []string) {
	for _, w := range warnings {
		diags.AddWarning(subject, w)
	}
}

// knownOnly is a planned value with its unknown parts (what the manager would have computed) null:
// what can be recorded of a resource whose create went wrong.
func knownOnly(planned tftypes.Value) tftypes.Value {
	v, err := tftypes.Transform(planned, func(_ *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
		if !v.IsKnown() {
			return tftypes.NewValue(v.Type(), nil), nil
		}
		return v, nil
	})
	if err != nil {
		return planned
	}
	return v
}

// cliName is the command the user runs, for hints: OpenTofu or Terraform, whichever started this
// provider (its parent process).
func cliName() string {
	exe, err := os.Readlink(filepath.Join("/proc", strconv.Itoa(os.Getppid()), "exe"))
	if err == nil && strings.Contains(filepath.Base(exe), "tofu") {
		return "tofu"
	}
	return "terraform"
}

// keptUnreachable handles a refresh, in a configuration that reaches several clusters (cluster_id
// set), of a resource whose cluster does not answer: it keeps its prior state, with a warning, so the
// other clusters' changes go ahead; a change planned for it fails at apply, naming the cluster. With
// one cluster (no cluster_id), an unreachable manager stays an error: nothing else could go ahead.
func keptUnreachable(client *oscar.Client, what string, err error, diags *diag.Diagnostics) bool {
	if err == nil || client.Name() == "" || !oscar.IsUnreachable(err) {
		return false
	}
	diags.AddWarning(fmt.Sprintf("OSCAR cluster %q is unreachable: %s was not read", client.Name(), what),
		err.Error()+"\nIts state is kept as it was: the other clusters' changes go ahead, and a change to it fails until the cluster answers again.")
	return true
}
