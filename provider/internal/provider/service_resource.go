package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oscar-cdktf/terraform-provider-oscar/internal/oscar"
)

var (
	_ resource.ResourceWithConfigure      = (*serviceResource)(nil)
	_ resource.ResourceWithImportState    = (*serviceResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*serviceResource)(nil)
	_ resource.ResourceWithValidateConfig = (*serviceResource)(nil)
)

func newServiceResource() resource.Resource { return &serviceResource{} }

type serviceResource struct {
	client   *oscar.Client
	digester writeOnlyDigester
}

func (r *serviceResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_service"
}

func (r *serviceResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	data := dataFrom(req.ProviderData, &resp.Diagnostics)
	r.client, r.digester = data.client, data.digester
}

// planned reads a create's or update's plan, and the service to send: the plan with the
// configuration's write-only values. ok is false when diags says why not.
func (r *serviceResource) planned(ctx context.Context, plan tfsdk.Plan, config tfsdk.Config, diags *diag.Diagnostics) (planned serviceModel, send *serviceModel, ok bool) {
	diags.Append(plan.Get(ctx, &planned)...)
	if diags.HasError() || !requireClient(r.client, diags) {
		return planned, send, false
	}
	send, d := withConfigWriteOnly(ctx, config, planned)
	diags.Append(d...)
	return planned, send, !diags.HasError()
}

func (r *serviceResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, send, ok := r.planned(ctx, req.Plan, req.Config, &resp.Diagnostics)
	if !ok {
		return
	}
	name := plan.Name.ValueString()
	res, err := r.client.CreateService(ctx, expandService(send))
	addWarnings(&resp.Diagnostics, "OSCAR service "+name, res.Warnings)
	createFailed := err != nil
	if createFailed {
		detail := err.Error()
		switch {
		case res.Unknown:
			detail += fmt.Sprintf("\nWhether %q was stored is unknown, so it is recorded as tainted: the next apply deletes whatever "+
				"was stored and creates it again.", name)
		case res.Created:
			detail += "\nIt is recorded as tainted: the next apply replaces it."
		case strings.Contains(detail, "A service with the provided name already exists"):
			detail += fmt.Sprintf("\nA service of that name exists with another definition. To manage it, import it: %s import "+
				"<address of this oscar_service> %s", cliName(), name)
		}
		resp.Diagnostics.AddError(fmt.Sprintf("Cannot create OSCAR service %q", name), detail)
		if res.Unknown {
			resp.State.Raw = knownOnly(req.Plan.Raw)
			return
		}
		if !res.Created {
			return
		}
		// It exists in part: record it, so Terraform marks it tainted and replaces it next time.
	}
	resp.Diagnostics.Append(setForeignBuckets(ctx, resp.Private, res.ForeignBuckets)...)
	svc, err := r.client.GetService(ctx, name)
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Cannot read OSCAR service %q after creating it", name), err.Error())
		if createFailed {
			resp.State.Raw = knownOnly(req.Plan.Raw) // tainted, as above
		}
		return
	}
	resp.Diagnostics.Append(setWritten(ctx, r.digester, &resp.State, flattenService(svc, &plan, false), send)...)
}

func (r *serviceResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state serviceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireClient(r.client, &resp.Diagnostics) {
		return
	}
	svc, warnings, err := r.client.ReadService(ctx, state.Name.ValueString())
	addWarnings(&resp.Diagnostics, "OSCAR services", warnings)
	if oscar.IsNotFound(err) {
		// Deleted outside Terraform: forget it, so the next plan creates exactly this service.
		resp.State.RemoveResource(ctx)
		return
	}
	if keptUnreachable(r.client, fmt.Sprintf("service %q", state.Name.ValueString()), err, &resp.Diagnostics) {
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Cannot read OSCAR service %q", state.Name.ValueString()), err.Error())
		return
	}
	// After an import the state holds only the name (image is required otherwise).
	imported := state.Image.IsNull()
	read := flattenService(svc, &state, imported)
	read.MissingReplicas = r.missingReplicas(ctx, svc, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, read)...)
}

// missingReplicas asks each federation member's cluster for its replica of svc, and lists those it
// does not hold (null when none is missing). A member that cannot be asked is a warning, not missing.
func (r *serviceResource) missingReplicas(ctx context.Context, svc *oscar.Service, diags *diag.Diagnostics) types.List {
	missing, unknown := r.client.MissingReplicas(ctx, svc, false)
	for _, err := range unknown {
		diags.AddWarning(fmt.Sprintf("A federation replica of OSCAR service %q was not checked", svc.Name), err.Error())
	}
	if len(missing) == 0 {
		return types.ListNull(types.StringType)
	}
	keys := make([]attr.Value, len(missing))
	names := make([]string, len(missing))
	for i, m := range missing {
		names[i] = oscar.ReplicaKey(m)
		keys[i] = types.StringValue(names[i])
	}
	diags.AddWarning(fmt.Sprintf("OSCAR service %q has lost federation replicas", svc.Name),
		fmt.Sprintf("Their clusters do not hold %s. The manager does not recreate them (nor the replica of a member added "+
			"after the service was created); the next apply creates them as the manager would have.", strings.Join(names, ", ")))
	return types.ListValueMust(types.StringType, keys)
}

// syncReplicas makes the federation members' replicas follow an applied change of the coordinator's
// service: it creates the replicas the members' clusters lack (lost, or of members added by this
// change: the manager's update only updates those that exist) and deletes those of members the change
// removed (the manager leaves them). held is the coordinator's service as its manager returns it.
func (r *serviceResource) syncReplicas(ctx context.Context, previous, applied, held *oscar.Service, diags *diag.Diagnostics) {
	name := applied.Name
	missing, unknown := r.client.MissingReplicas(ctx, applied, true)
	for _, err := range unknown {
		diags.AddError(fmt.Sprintf("Cannot check the federation replicas of OSCAR service %q", name), err.Error())
	}
	for _, m := range missing {
		res, err := r.client.CreateReplica(ctx, applied, held, m)
		addWarnings(diags, "OSCAR service "+m.ServiceName, res.Warnings)
		if err != nil {
			diags.AddError(fmt.Sprintf("Cannot create the federation replica %s of OSCAR service %q", oscar.ReplicaKey(m), name), err.Error())
		}
	}
	kept := map[string]bool{}
	for _, m := range applied.OscarMembers() {
		kept[oscar.ReplicaKey(m)] = true
	}
	for _, m := range previous.OscarMembers() {
		if !kept[oscar.ReplicaKey(m)] {
			r.deleteReplica(ctx, previous, m, diags)
		}
	}
}

func (r *serviceResource) deleteReplica(ctx context.Context, svc *oscar.Service, m oscar.Replica, diags *diag.Diagnostics) {
	res, err := r.client.DeleteReplica(ctx, svc, m)
	addWarnings(diags, "OSCAR service "+m.ServiceName, res.Warnings)
	if err != nil {
		diags.AddError(fmt.Sprintf("Cannot delete the federation replica %s of OSCAR service %q", oscar.ReplicaKey(m), svc.Name), err.Error())
	}
}

func (r *serviceResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var state serviceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	plan, send, ok := r.planned(ctx, req.Plan, req.Config, &resp.Diagnostics)
	if !ok {
		return
	}
	name := plan.Name.ValueString()
	desired := expandService(send)
	// A plan whose only change is lost replicas leaves the coordinator's service alone.
	if !onlyReplicasMissing(ctx, req.State, req.Plan) {
		res, err := r.client.UpdateService(ctx, desired, ownedLabels(state.Labels, plan.Labels))
		addWarnings(&resp.Diagnostics, "OSCAR service "+name, res.Warnings)
		if len(res.ForeignBuckets) > 0 {
			foreign, diags := foreignBuckets(ctx, req.Private)
			resp.Diagnostics.Append(diags...)
			resp.Diagnostics.Append(setForeignBuckets(ctx, resp.Private, append(foreign, res.ForeignBuckets...))...)
		}
		if oscar.IsNotFound(err) {
			resp.Diagnostics.AddError(fmt.Sprintf("OSCAR service %q no longer exists", name),
				fmt.Sprintf("It was deleted outside Terraform after the last refresh. Run `%s apply` again (with refresh) to create it.", cliName()))
			return
		}
		if err != nil {
			resp.Diagnostics.AddError(fmt.Sprintf("Cannot update OSCAR service %q", name), err.Error())
			return
		}
	}
	svc, err := r.client.GetService(ctx, name)
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Cannot read OSCAR service %q after updating it", name), err.Error())
		return
	}
	r.syncReplicas(ctx, expandService(&state), desired, svc, &resp.Diagnostics)
	resp.Diagnostics.Append(setWritten(ctx, r.digester, &resp.State, flattenService(svc, &plan, false), send)...)
}

func (r *serviceResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state serviceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireClient(r.client, &resp.Diagnostics) {
		return
	}
	foreign, diags := foreignBuckets(ctx, req.Private)
	resp.Diagnostics.Append(diags...)
	res, err := r.client.DeleteService(ctx, state.Name.ValueString(), foreign)
	addWarnings(&resp.Diagnostics, "OSCAR service "+state.Name.ValueString(), res.Warnings)
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Cannot delete OSCAR service %q", state.Name.ValueString()), err.Error())
		return
	}
	// The manager leaves the federation replicas behind.
	deleted := expandService(&state)
	for _, m := range deleted.OscarMembers() {
		r.deleteReplica(ctx, deleted, m, &resp.Diagnostics)
	}
}

// onlyReplicasMissing tells whether the plan differs from the state in missing_replicas alone.
func onlyReplicasMissing(ctx context.Context, state tfsdk.State, plan tfsdk.Plan) bool {
	healed := tfsdk.State{Schema: state.Schema, Raw: state.Raw.Copy()}
	if diags := healed.SetAttribute(ctx, path.Root("missing_replicas"), types.ListNull(types.StringType)); diags.HasError() {
		return false
	}
	return healed.Raw.Equal(plan.Raw)
}

// ImportState takes the service name as the import id; the read that follows fills the rest.
func (r *serviceResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if !serviceNamePattern.MatchString(req.ID) {
		resp.Diagnostics.AddError("Invalid import id",
			fmt.Sprintf("%q is not an OSCAR service name. Import with the service's name, e.g. `%s import oscar_service.cowsay cowsay`.", req.ID, cliName()))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("name"), types.StringValue(req.ID))...)
}

func (r *serviceResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var volume *volumeModel
	if known, d := knownObject(ctx, req.Config, path.Root("volume"), &volume); known && !d.HasError() && volume != nil {
		if volume.Size.IsNull() && volume.Name.IsNull() {
			resp.Diagnostics.AddAttributeError(path.Root("volume"), "Volume without size or name",
				"Set size to create a new volume, or name to attach an existing OSCAR volume.")
		}
		if volume.Size.IsNull() && !volume.LifecyclePolicy.IsNull() {
			resp.Diagnostics.AddAttributeError(path.Root("volume").AtName("lifecycle_policy"), "Lifecycle policy without size",
				"lifecycle_policy only applies to a volume the service creates (with size); remove it for an existing volume.")
		}
	}
	var expose *exposeModel
	if known, d := knownObject(ctx, req.Config, path.Root("expose"), &expose); known && !d.HasError() && expose != nil {
		if expose.NodePort != nil && len(expose.NodePort) != len(expose.APIPort) {
			resp.Diagnostics.AddAttributeError(path.Root("expose").AtName("node_port"), "node_port does not match api_port",
				fmt.Sprintf("Give one node port per api_port (%d), or leave node_port out for a ClusterIP Service.", len(expose.APIPort)))
		}
	}
}

// ownedLabels are the label keys the configuration manages: those it had and those it sets.
func ownedLabels(previous, planned map[string]string) []string {
	var keys []string
	for k := range previous {
		keys = append(keys, k)
	}
	for k := range planned {
		if _, dup := previous[k]; !dup {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return keys
}

// The buckets a service started using that existed already are kept in the resource's private state
// (they are not in the manager's answers), so deleting the service keeps them.
const foreignBucketsKey = "foreign_buckets"

type privateState interface {
	GetKey(ctx context.Context, key string) ([]byte, diag.Diagnostics)
	SetKey(ctx context.Context, key string, value []byte) diag.Diagnostics
}

func foreignBuckets(ctx context.Context, private privateState) ([]string, diag.Diagnostics) {
	raw, diags := private.GetKey(ctx, foreignBucketsKey)
	var buckets []string
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &buckets); err != nil {
			diags.AddError("Unreadable private state", fmt.Sprintf("The resource's %s are not a JSON list: %v. This is a bug in the provider.", foreignBucketsKey, err))
		}
	}
	return buckets, diags
}

func setForeignBuckets(ctx context.Context, private privateState, buckets []string) diag.Diagnostics {
	if len(buckets) == 0 {
		return nil
	}
	slices.Sort(buckets)
	raw, err := json.Marshal(slices.Compact(buckets))
	if err != nil {
		var diags diag.Diagnostics
		diags.AddError("Cannot record foreign buckets", err.Error())
		return diags
	}
	return private.SetKey(ctx, foreignBucketsKey, raw)
}
