package provider

import (
	"context"
	"encoding/json"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

var _ resource.ResourceWithUpgradeState = (*serviceResource)(nil)

// UpgradeState moves states written before secrets became write-only (schema version 0) to version
// 1: every secret value, credential and password is dropped, the secret names are kept, and the
// token is dropped (keep_token is off). With no digest in the state, the next plan updates each
// service that has write-only values in place, sending them again: one apply after the upgrade.
func (r *serviceResource) UpgradeState(context.Context) map[int64]resource.StateUpgrader {
	return map[int64]resource.StateUpgrader{0: {StateUpgrader: upgradeFromV0}}
}

func upgradeFromV0(_ context.Context, req resource.UpgradeStateRequest, resp *resource.UpgradeStateResponse) {
	var state map[string]any
	if req.RawState == nil || json.Unmarshal(req.RawState.JSON, &state) != nil {
		resp.Diagnostics.AddError("Cannot upgrade the state of an oscar_service", "The state written by an earlier version of the provider is not the JSON expected.")
		return
	}
	if env, ok := state["environment"].(map[string]any); ok {
		var names []any
		if secrets, ok := env["secrets"].(map[string]any); ok && len(secrets) > 0 {
			keys := make([]string, 0, len(secrets))
			for k := range secrets {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			for _, k := range keys {
				names = append(names, k)
			}
		}
		env["secrets"] = nil
		env["secret_names"] = names
	}
	forget := func(object any, fields ...string) {
		if o, ok := object.(map[string]any); ok {
			for _, f := range fields {
				if _, set := o[f]; set {
					o[f] = nil
				}
			}
		}
	}
	if providers, ok := state["storage_providers"].(map[string]any); ok {
		for kind, fields := range storageCredentialFields {
			if byID, ok := providers[kind].(map[string]any); ok {
				for _, p := range byID {
					forget(p, fields...)
				}
			}
		}
	}
	if clusters, ok := state["clusters"].(map[string]any); ok {
		for _, c := range clusters {
			forget(c, clusterCredentialFields...)
		}
	}
	state["token"] = nil
	state["keep_token"] = false
	state["write_only_digest"] = nil
	out, err := json.Marshal(state)
	if err != nil {
		resp.Diagnostics.AddError("Cannot upgrade the state of an oscar_service", err.Error())
		return
	}
	resp.DynamicValue = &tfprotov6.DynamicValue{JSON: out}
}
