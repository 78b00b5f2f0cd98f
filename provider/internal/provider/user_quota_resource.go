package provider

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oscar-cdktf/terraform-provider-oscar/internal/oscar"
)

var (
	_ resource.ResourceWithConfigure      = (*userQuotaResource)(nil)
	_ resource.ResourceWithImportState    = (*userQuotaResource)(nil)
	_ resource.ResourceWithValidateConfig = (*userQuotaResource)(nil)
)

func newUserQuotaResource() resource.Resource { return &userQuotaResource{} }

type userQuotaResource struct {
	client *oscar.Client
}

type userQuotaModel struct {
	UserID           types.String `tfsdk:"user_id"`
	CPU              types.String `tfsdk:"cpu"`
	Memory           types.String `tfsdk:"memory"`
	EphemeralStorage types.String `tfsdk:"ephemeral_storage"`
	GPU              types.String `tfsdk:"gpu"`
	// MinIO's quotas (the same API; they need no Kueue, but this manager's quota API needs Kueue or volumes on).
	MinIOBuckets          types.Int64  `tfsdk:"minio_buckets"`
	MinIOStoragePerBucket types.String `tfsdk:"minio_storage_per_bucket"`
	ClusterQueue          types.String `tfsdk:"cluster_queue"`
}

// quotaField is one quota: its attribute, its name in the manager's report, and how the manager's
// number (millicores, bytes, units) is written as a quantity.
type quotaField struct {
	attribute string
	resource  string
	get       func(*userQuotaModel) *types.String
	write     func(int64) string
	unit      *big.Rat
}

var quotaFields = []quotaField{
	{"cpu", "cpu", func(m *userQuotaModel) *types.String { return &m.CPU }, cpuQuantity, big.NewRat(1, 1000)},
	{"memory", "memory", func(m *userQuotaModel) *types.String { return &m.Memory }, byteQuantity, big.NewRat(1, 1)},
	{"ephemeral_storage", "ephemeral-storage", func(m *userQuotaModel) *types.String { return &m.EphemeralStorage }, byteQuantity, big.NewRat(1, 1)},
	{"gpu", "gpu", func(m *userQuotaModel) *types.String { return &m.GPU }, func(n int64) string { return fmt.Sprint(n) }, big.NewRat(1, 1)},
}

func (r *userQuotaResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_user_quota"
}

func (r *userQuotaResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	quantity := func(description string) schema.StringAttribute {
		return schema.StringAttribute{
			Optional: true, Computed: true,
			MarkdownDescription: description + " A Kubernetes quantity; when not set, the quota is read and left as it is.",
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "An OSCAR user's quota (`/system/quotas/user/{id}`): the nominal quota of the user's Kueue ClusterQueue, which " +
			"limits the resources of the user's running jobs. Needs a manager with Kueue on (the platform's `kueue` setting) and the " +
			"provider signed in as the manager's basic-auth admin. The manager creates a user's ClusterQueue, with its default quota, " +
			"at the user's first service, so the quota can be set from then on.\n\n" +
			"Destroying the resource leaves the quota as it is: the manager has no way to reset it.",
		Attributes: map[string]schema.Attribute{
			"user_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The user's OIDC subject (`sub`), as services record it in `owner`. Changing it manages another user's quota.",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"cpu":               quantity("CPUs, for example `4` or `1500m`."),
			"memory":            quantity("Memory, for example `8Gi`."),
			"ephemeral_storage": quantity("Ephemeral storage, for example `20Gi`."),
			"gpu":               quantity("NVIDIA GPUs (`nvidia.com/gpu`), for example `1`."),
			"minio_buckets": schema.Int64Attribute{
				Optional: true, Computed: true,
				MarkdownDescription: "Buckets the user may own in MinIO; `0`: no limit. When not set, read and left as it is.",
				Validators:          []validator.Int64{int64validator.AtLeast(0)},
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
			"minio_storage_per_bucket": quantity("Storage quota of each of the user's MinIO buckets, for example `10Gi`; `0`: none."),
			"cluster_queue": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The user's Kueue ClusterQueue.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
		},
	}
}

func (r *userQuotaResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = dataFrom(req.ProviderData, &resp.Diagnostics).client
}

func (r *userQuotaResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m userQuotaModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	set := 0
	for _, f := range quotaFields {
		v := f.get(&m)
		if v.IsNull() {
			continue
		}
		set++
		if v.IsUnknown() {
			continue
		}
		if _, err := parseQuantity(v.ValueString()); err != nil {
			resp.Diagnostics.AddAttributeError(path.Root(f.attribute), "Invalid quantity", err.Error()+`; for example "4", "1500m" or "8Gi".`)
		}
	}
	if !m.MinIOBuckets.IsNull() {
		set++
	}
	if v := m.MinIOStoragePerBucket; !v.IsNull() {
		set++
		if !v.IsUnknown() {
			if _, err := parseQuantity(v.ValueString()); err != nil {
				resp.Diagnostics.AddAttributeError(path.Root("minio_storage_per_bucket"), "Invalid quantity", err.Error()+`; for example "10Gi".`)
			}
		}
	}
	if set == 0 {
		resp.Diagnostics.AddError("No quota to set", "Set at least one of cpu, memory, ephemeral_storage, gpu, minio_buckets and minio_storage_per_bucket.")
	}
}

func (r *userQuotaResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.write(ctx, req.Plan, &resp.State, &resp.Diagnostics)
}

func (r *userQuotaResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.write(ctx, req.Plan, &resp.State, &resp.Diagnostics)
}

// write sends the configured quotas, then stores what the manager reports, which must be them.
func (r *userQuotaResource) write(ctx context.Context, plan tfsdk.Plan, state *tfsdk.State, diags *diag.Diagnostics) {
	var planned userQuotaModel
	diags.Append(plan.Get(ctx, &planned)...)
	if diags.HasError() || !requireClient(r.client, diags) {
		return
	}
	user := planned.UserID.ValueString()
	// What is sent, by attribute, as the API takes it; the manager's report must then say the same.
	sent := map[string]string{}
	for _, f := range quotaFields {
		if v := f.get(&planned); !v.IsNull() && !v.IsUnknown() {
			sent[f.attribute] = v.ValueString()
		}
	}
	if v := planned.MinIOBuckets; !v.IsNull() && !v.IsUnknown() {
		sent["minio_buckets"] = fmt.Sprint(v.ValueInt64())
	}
	if v := planned.MinIOStoragePerBucket; !v.IsNull() && !v.IsUnknown() {
		sent["minio_storage_per_bucket"] = v.ValueString()
	}
	update := &oscar.UserQuotaUpdate{CPU: sent["cpu"], Memory: sent["memory"], EphemeralStorage: sent["ephemeral_storage"], GPU: sent["gpu"]}
	if minio := (oscar.MinIOQuotaUpdate{Buckets: sent["minio_buckets"], StoragePerBucket: sent["minio_storage_per_bucket"]}); minio != (oscar.MinIOQuotaUpdate{}) {
		update.MinIO = &minio
	}
	q, err := r.client.UpdateUserQuota(ctx, user, update)
	if err != nil {
		diags.AddError(fmt.Sprintf("Cannot set the quota of user %q", user), explainQuotaError(user, err))
		return
	}
	m := flattenUserQuota(q, &planned)
	reported := map[string]string{"minio_buckets": fmt.Sprint(m.MinIOBuckets.ValueInt64()), "minio_storage_per_bucket": m.MinIOStoragePerBucket.ValueString()}
	for _, f := range quotaFields {
		reported[f.attribute] = f.get(m).ValueString()
	}
	for attribute, want := range sent {
		if reported[attribute] != want {
			diags.AddAttributeError(path.Root(attribute), "The manager did not apply the quota",
				fmt.Sprintf("%s of user %q was set to %s, but the manager reports %s.", attribute, user, want, reported[attribute]))
		}
	}
	diags.Append(state.Set(ctx, m)...)
}

func (r *userQuotaResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var prev userQuotaModel
	resp.Diagnostics.Append(req.State.Get(ctx, &prev)...)
	if resp.Diagnostics.HasError() || !requireClient(r.client, &resp.Diagnostics) {
		return
	}
	user := prev.UserID.ValueString()
	q, err := r.client.GetUserQuota(ctx, user)
	if isMissingClusterQueue(err) {
		// The queue went (the user's services and queue removed): the next plan sets the quota again,
		// which works once the user has a service again.
		resp.State.RemoveResource(ctx)
		return
	}
	if keptUnreachable(r.client, fmt.Sprintf("quota of user %q", user), err, &resp.Diagnostics) {
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Cannot read the quota of user %q", user), explainQuotaError(user, err))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, flattenUserQuota(q, &prev))...)
}

func (r *userQuotaResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var user types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("user_id"), &user)...)
	resp.Diagnostics.AddWarning("The quota stays as it is",
		fmt.Sprintf("oscar_user_quota: the quota of user %q is no longer managed, and stays as it is: the OSCAR manager has no way to "+
			"reset a quota to its default.", user.ValueString()))
}

func (r *userQuotaResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if strings.TrimSpace(req.ID) == "" {
		resp.Diagnostics.AddError("Invalid import id",
			fmt.Sprintf("Import with the user's OIDC subject, e.g. `%s import oscar_user_quota.alice 6e7c…@egi.eu`.", cliName()))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("user_id"), types.StringValue(req.ID))...)
}

// flattenUserQuota writes the manager's numbers as quantities, keeping prev's spelling of each that is
// the same amount ("3000m" stays "3000m" when the manager reports 3000 millicores).
func flattenUserQuota(q *oscar.UserQuota, prev *userQuotaModel) *userQuotaModel {
	m := &userQuotaModel{UserID: prev.UserID, ClusterQueue: types.StringValue(q.ClusterQueue)}
	for _, f := range quotaFields {
		reported := q.Resources[f.resource].Max
		amount := new(big.Rat).Mul(big.NewRat(reported, 1), f.unit)
		if p := f.get(prev); !p.IsNull() && !p.IsUnknown() && sameQuantity(p.ValueString(), amount) {
			*f.get(m) = *p
		} else {
			*f.get(m) = types.StringValue(f.write(reported))
		}
	}
	// The manager reports no MinIO quota when it has none set: no limit, as it enforces.
	minio := q.MinIO
	if minio == nil {
		minio = &oscar.MinIOQuota{}
		minio.StoragePerBucket.Max = "0"
	}
	m.MinIOBuckets = types.Int64Value(minio.Buckets.Max)
	m.MinIOStoragePerBucket = types.StringValue(minio.StoragePerBucket.Max)
	if p := prev.MinIOStoragePerBucket; !p.IsNull() && !p.IsUnknown() {
		if amount, err := parseQuantity(minio.StoragePerBucket.Max); err == nil && sameQuantity(p.ValueString(), amount) {
			m.MinIOStoragePerBucket = p
		}
	}
	return m
}

// isMissingClusterQueue tells whether the manager answered that the user has no ClusterQueue.
func isMissingClusterQueue(err error) bool {
	var apiErr *oscar.APIError
	return errors.As(err, &apiErr) && apiErr.Status == http.StatusInternalServerError &&
		strings.Contains(apiErr.Message, "getting ClusterQueue") && strings.Contains(apiErr.Message, "not found")
}

// explainQuotaError says what the usual causes of a refused quota request mean.
func explainQuotaError(user string, err error) string {
	var apiErr *oscar.APIError
	if !errors.As(err, &apiErr) {
		return err.Error()
	}
	switch {
	case apiErr.Status == http.StatusForbidden:
		return err.Error() + "\nOnly the manager's basic-auth admin may manage another user's quota: configure the provider with username and password."
	case apiErr.Status == http.StatusNotFound:
		return err.Error() + "\nThis manager has no quotas API: it needs Kueue on (KUEUE_ENABLE; the platform's `kueue` setting)."
	case apiErr.Status == http.StatusServiceUnavailable:
		return err.Error() + "\nTurn Kueue on in the manager (the platform's `kueue` setting) and install Kueue's API."
	case isMissingClusterQueue(err):
		return err.Error() + fmt.Sprintf("\nUser %q has no ClusterQueue yet: the manager creates it with the user's first service. "+
			"Deploy a service as that user first (or make this resource depend on one).", user)
	}
	return err.Error()
}
