package provider

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/oscar-cdktf/terraform-provider-oscar/internal/oscar"
)

// Plan-time logic of oscar_service: defaults derived from the service name, and the changes the
// manager (v4.1.2) cannot make in place, which therefore replace the service:
//   - volume: any change ("volume updates are not supported after service creation");
//   - expose added or removed: an update needs the Deployment (or the Knative Service) of the
//     other kind to exist already, and fails;
//   - kserve added or removed, or its type, storage_uri, inference.runtime or set_auth changed
//     (utils.CheckKserveUpdate refuses them);
//   - a MinIO input removed or changed: an update keeps the old bucket's upload trigger, so uploads
//     there would still start the service;
//   - every secret removed: an update with no secrets leaves the Kubernetes Secret, whose values jobs
//     keep receiving.
// Replacing a service deletes its buckets and their objects, so each replacement also warns.

func (r *serviceResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return // destroy
	}
	resp.Diagnostics.Append(fillNameDerivedDefaults(ctx, &resp.Plan)...)
	// After an apply no replica is missing: one a refresh did not find makes this plan an update.
	resp.Diagnostics.Append(setPlanned(ctx, &resp.Plan, path.Root("missing_replicas"), types.ListNull(types.StringType))...)
	planWriteOnly(ctx, r.digester, req, resp)
	if resp.Diagnostics.HasError() {
		return
	}
	creating := req.State.Raw.IsNull()
	if !creating && resp.Plan.Raw.Equal(req.State.Raw) {
		return // no change (every resource of a no-op plan): nothing to replace
	}
	r.refuseHangingExpose(ctx, resp)
	if creating || resp.Diagnostics.HasError() {
		return // nothing to replace
	}
	var state serviceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var reasons []string
	replace := func(p path.Path, reason string) {
		resp.RequiresReplace = append(resp.RequiresReplace, p)
		reasons = append(reasons, reason)
	}

	var volume *volumeModel
	if known, d := knownObject(ctx, resp.Plan, path.Root("volume"), &volume); known && !d.HasError() && !reflect.DeepEqual(volume, state.Volume) {
		replace(path.Root("volume"), "the manager cannot change a volume")
	}
	var expose *exposeModel
	if known, d := knownObject(ctx, resp.Plan, path.Root("expose"), &expose); known && !d.HasError() && (expose == nil) != (state.Expose == nil) {
		replace(path.Root("expose"), "the manager cannot turn an exposed service into a plain one or back")
	}
	var kserve *kserveModel
	if known, d := knownObject(ctx, resp.Plan, path.Root("kserve"), &kserve); known && !d.HasError() && kserveNeedsReplace(state.Kserve, kserve) {
		replace(path.Root("kserve"), "the manager cannot add or remove KServe, or change its type, storage_uri, runtime or set_auth")
	}
	var name types.String
	resp.Diagnostics.Append(resp.Plan.GetAttribute(ctx, path.Root("name"), &name)...)
	var inputs []storageIOModel
	if known, d := knownList(ctx, resp.Plan, path.Root("input"), &inputs); known && !d.HasError() {
		if removed := removedMinIOInputs(state.Name.ValueString(), state.Input, name.ValueString(), inputs); len(removed) > 0 {
			replace(path.Root("input"), fmt.Sprintf("the manager would keep the upload trigger of removed input(s) %s", strings.Join(removed, ", ")))
		}
	}
	var env *environmentModel
	if known, d := knownObject(ctx, resp.Plan, path.Root("environment"), &env); known && !d.HasError() &&
		state.Environment != nil && len(state.Environment.SecretNames.Elements()) > 0 && (env == nil || len(env.SecretNames.Elements()) == 0) {
		replace(path.Root("environment").AtName("secret_names"), "the manager keeps the Secret of a service whose secrets are all removed")
	}

	if len(reasons) > 0 {
		resp.Diagnostics.AddWarning(fmt.Sprintf("OSCAR service %q will be replaced", state.Name.ValueString()),
			fmt.Sprintf("It is deleted and created again because %s. Deleting it deletes the MinIO buckets of its inputs and "+
				"outputs with every object in them, except buckets that another service uses or an oscar_bucket declares.",
				strings.Join(reasons, "; ")))
	}
}

// fillNameDerivedDefaults plans the values the manager derives from the service name, so they are
// known in the plan (a "known after apply" volume name would make every plan replace the service).
func fillNameDerivedDefaults(ctx context.Context, plan *tfsdk.Plan) diag.Diagnostics {
	var diags diag.Diagnostics
	var name types.String
	diags.Append(plan.GetAttribute(ctx, path.Root("name"), &name)...)
	if diags.HasError() || name.IsUnknown() {
		return diags
	}

	var volume types.Object
	diags.Append(plan.GetAttribute(ctx, path.Root("volume"), &volume)...)
	if !volume.IsNull() && !volume.IsUnknown() {
		attrs := volume.Attributes()
		size, ok := attrs["size"].(types.String)
		if !ok {
			return diags // not the schema's volume: nothing to derive
		}
		if attrs["name"].IsUnknown() && !size.IsUnknown() {
			// Without a size the name is required (see ValidateConfig), so it is never unknown then.
			diags.Append(plan.SetAttribute(ctx, path.Root("volume").AtName("name"), name)...)
		}
		if attrs["lifecycle_policy"].IsUnknown() && !size.IsUnknown() {
			policy := types.StringNull()
			if !size.IsNull() {
				policy = types.StringValue("delete")
			}
			diags.Append(plan.SetAttribute(ctx, path.Root("volume").AtName("lifecycle_policy"), policy)...)
		}
	}

	var federation types.Object
	diags.Append(plan.GetAttribute(ctx, path.Root("federation"), &federation)...)
	if !federation.IsNull() && !federation.IsUnknown() && federation.Attributes()["group_id"].IsUnknown() {
		diags.Append(plan.SetAttribute(ctx, path.Root("federation").AtName("group_id"), name)...)
	}
	return diags
}

func kserveNeedsReplace(old, planned *kserveModel) bool {
	if (old == nil) != (planned == nil) {
		return true
	}
	if old == nil {
		return false
	}
	runtime := func(k *kserveModel) string {
		if k.Inference == nil {
			return ""
		}
		return k.Inference.Runtime.ValueString()
	}
	return !old.Type.Equal(planned.Type) || !old.StorageURI.Equal(planned.StorageURI) ||
		!old.SetAuth.Equal(planned.SetAuth) || runtime(old) != runtime(planned)
}

// removedMinIOInputs lists the MinIO inputs of the old definition that the new one no longer has.
func removedMinIOInputs(oldName string, old []storageIOModel, newName string, planned []storageIOModel) []string {
	key := func(service string, io storageIOModel) string {
		p := io.StorageProvider.ValueString()
		return p + ":" + oscar.CanonicalPath(service, p, io.Path.ValueString())
	}
	var kept []string
	for _, io := range planned {
		kept = append(kept, key(newName, io))
	}
	var removed []string
	for _, io := range old {
		if kind, _ := oscar.ProviderRef(io.StorageProvider.ValueString()); kind != "minio" {
			continue
		}
		if !slices.Contains(kept, key(oldName, io)) {
			removed = append(removed, fmt.Sprintf("%q", io.Path.ValueString()))
		}
	}
	return removed
}

// attributeGetter is a plan or a configuration.
type attributeGetter interface {
	GetAttribute(ctx context.Context, p path.Path, target interface{}) diag.Diagnostics
}

// knownObject reads an object attribute into target when it holds no unknown value.
func knownObject[T any](ctx context.Context, source attributeGetter, p path.Path, target **T) (bool, diag.Diagnostics) {
	var obj types.Object
	diags := source.GetAttribute(ctx, p, &obj)
	if diags.HasError() || !fullyKnown(ctx, obj) {
		return false, diags
	}
	if obj.IsNull() {
		*target = nil
		return true, diags
	}
	var v T
	diags.Append(obj.As(ctx, &v, basetypes.ObjectAsOptions{})...)
	*target = &v
	return true, diags
}

// knownList reads a list attribute into target when it holds no unknown value.
func knownList[T any](ctx context.Context, source attributeGetter, p path.Path, target *[]T) (bool, diag.Diagnostics) {
	var list types.List
	diags := source.GetAttribute(ctx, p, &list)
	if diags.HasError() || !fullyKnown(ctx, list) {
		return false, diags
	}
	*target = nil
	if !list.IsNull() {
		diags.Append(list.ElementsAs(ctx, target, false)...)
	}
	return true, diags
}

func fullyKnown(ctx context.Context, v attr.Value) bool {
	tv, err := v.ToTerraformValue(ctx)
	return err == nil && tv.IsFullyKnown()
}

// refuseHangingExpose fails the plan of an exposed service's create or update that the manager would
// hang on (see oscar.Client.ExposedServicesHang).
func (r *serviceResource) refuseHangingExpose(ctx context.Context, resp *resource.ModifyPlanResponse) {
	var expose *exposeModel
	if known, d := knownObject(ctx, resp.Plan, path.Root("expose"), &expose); !known || d.HasError() || expose == nil || r.client == nil {
		return
	}
	if reason := r.client.ExposedServicesHang(ctx); reason != "" {
		resp.Diagnostics.AddAttributeError(path.Root("expose"), "The OSCAR manager would hang on this exposed service", reason)
	}
}

// setPlanned sets an attribute of the plan unless it holds that value already, as it does in a plan
// without changes: SetAttribute rebuilds the whole object, and took a fifth of the provider's CPU in a
// no-op plan of 1000 services (perf; see README, "Refresh at scale").
func setPlanned[T attr.Value](ctx context.Context, plan *tfsdk.Plan, p path.Path, v T) diag.Diagnostics {
	var current T
	if diags := plan.GetAttribute(ctx, p, &current); !diags.HasError() && current.Equal(v) {
		return nil
	}
	return plan.SetAttribute(ctx, p, v)
}
