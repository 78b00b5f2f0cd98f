package provider

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
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
	// Managed volumes' quotas (the manager's VOLUME_ENABLE).
	VolumeCount   types.Int64  `tfsdk:"volume_count"`
	VolumeStorage types.String `tfsdk:"volume_storage"`
	VolumeMaxSize types.String `tfsdk:"volume_max_size"`
	VolumeMinSize types.String `tfsdk:"volume_min_size"`
	ClusterQueue  types.String `tfsdk:"cluster_queue"`
}

// quotaField is one quota attribute: a quantity or a count of the model, the amount the manager
// reports for it (as a quantity; false when that part of the quota API is off), and where an update
// sets it.
type quotaField struct {
	attribute string
	quantity  func(*userQuotaModel) *types.String
	count     func(*userQuotaModel) *types.Int64
	reported  func(*oscar.UserQuota) (string, bool)
	send      func(*oscar.UserQuotaUpdate, string)
}

// kueueQuota reads one resource of the user's ClusterQueue, which the manager reports in units
// (millicores, bytes, GPUs) that write writes as a quantity.
func kueueQuota(resource string, write func(int64) string) func(*oscar.UserQuota) (string, bool) {
	return func(q *oscar.UserQuota) (string, bool) {
		if q.Resources == nil {
			return "", false
		}
		return write(q.Resources[resource].Max), true
	}
}

// minioQuota reads MinIO's part; the manager reports none when none is set: no limit, as it enforces.
func minioQuota(q *oscar.UserQuota) *oscar.MinIOQuota {
	if q.MinIO != nil {
		return q.MinIO
	}
	none := &oscar.MinIOQuota{}
	none.StoragePerBucket.Max = "0"
	return none
}

func minioUpdate(u *oscar.UserQuotaUpdate) *oscar.MinIOQuotaUpdate {
	if u.MinIO == nil {
		u.MinIO = &oscar.MinIOQuotaUpdate{}
	}
	return u.MinIO
}

func volumeUpdate(u *oscar.UserQuotaUpdate) *oscar.VolumeQuotaUpdate {
	if u.Volumes == nil {
		u.Volumes = &oscar.VolumeQuotaUpdate{}
	}
	return u.Volumes
}

// volumeQuota reads one part of the volume quota, when the manager has volumes on.
func volumeQuota(get func(*oscar.VolumeQuota) string) func(*oscar.UserQuota) (string, bool) {
	return func(q *oscar.UserQuota) (string, bool) {
		if q.Volumes == nil {
			return "", false
		}
		return get(q.Volumes), true
	}
}

var quotaFields = []quotaField{
	{attribute: "cpu", quantity: func(m *userQuotaModel) *types.String { return &m.CPU },
		reported: kueueQuota("cpu", cpuQuantity), send: func(u *oscar.UserQuotaUpdate, v string) { u.CPU = v }},
	{attribute: "memory", quantity: func(m *userQuotaModel) *types.String { return &m.Memory },
		reported: kueueQuota("memory", byteQuantity), send: func(u *oscar.UserQuotaUpdate, v string) { u.Memory = v }},
	{attribute: "ephemeral_storage", quantity: func(m *userQuotaModel) *types.String { return &m.EphemeralStorage },
		reported: kueueQuota("ephemeral-storage", byteQuantity), send: func(u *oscar.UserQuotaUpdate, v string) { u.EphemeralStorage = v }},
	{attribute: "gpu", quantity: func(m *userQuotaModel) *types.String { return &m.GPU },
		reported: kueueQuota("gpu", func(n int64) string { return fmt.Sprint(n) }), send: func(u *oscar.UserQuotaUpdate, v string) { u.GPU = v }},
	{attribute: "minio_buckets", count: func(m *userQuotaModel) *types.Int64 { return &m.MinIOBuckets },
		reported: func(q *oscar.UserQuota) (string, bool) { return fmt.Sprint(minioQuota(q).Buckets.Max), true },
		send:     func(u *oscar.UserQuotaUpdate, v string) { minioUpdate(u).Buckets = v }},
	{attribute: "minio_storage_per_bucket", quantity: func(m *userQuotaModel) *types.String { return &m.MinIOStoragePerBucket },
		reported: func(q *oscar.UserQuota) (string, bool) { return minioQuota(q).StoragePerBucket.Max, true },
		send:     func(u *oscar.UserQuotaUpdate, v string) { minioUpdate(u).StoragePerBucket = v }},
	{attribute: "volume_count", count: func(m *userQuotaModel) *types.Int64 { return &m.VolumeCount },
		reported: volumeQuota(func(v *oscar.VolumeQuota) string { return v.Volumes.Max }),
		send:     func(u *oscar.UserQuotaUpdate, v string) { volumeUpdate(u).Volumes = v }},
	{attribute: "volume_storage", quantity: func(m *userQuotaModel) *types.String { return &m.VolumeStorage },
		reported: volumeQuota(func(v *oscar.VolumeQuota) string { return v.Disk.Max }),
		send:     func(u *oscar.UserQuotaUpdate, v string) { volumeUpdate(u).Disk = v }},
	{attribute: "volume_max_size", quantity: func(m *userQuotaModel) *types.String { return &m.VolumeMaxSize },
		reported: volumeQuota(func(v *oscar.VolumeQuota) string { return v.MaxDiskPerVolume }),
		send:     func(u *oscar.UserQuotaUpdate, v string) { volumeUpdate(u).MaxDiskPerVolume = v }},
	{attribute: "volume_min_size", quantity: func(m *userQuotaModel) *types.String { return &m.VolumeMinSize },
		reported: volumeQuota(func(v *oscar.VolumeQuota) string { return v.MinDiskPerVolume }),
		send:     func(u *oscar.UserQuotaUpdate, v string) { volumeUpdate(u).MinDiskPerVolume = v }},
}

// configured gives the field's value as the API takes it, when it is set and known.
func (f quotaField) configured(m *userQuotaModel) (string, bool) {
	if f.count != nil {
		v := f.count(m)
		return fmt.Sprint(v.ValueInt64()), !v.IsNull() && !v.IsUnknown()
	}
	v := f.quantity(m)
	return v.ValueString(), !v.IsNull() && !v.IsUnknown()
}

// isSet tells whether the configuration sets the field (known or not).
func (f quotaField) isSet(m *userQuotaModel) bool {
	if f.count != nil {
		return !f.count(m).IsNull()
	}
	return !f.quantity(m).IsNull()
}

// store writes what the manager reports into m: null when it reports none, prev's spelling of a
// quantity that is the same amount ("3000m" stays "3000m" when the manager reports 3 CPUs).
func (f quotaField) store(m, prev *userQuotaModel, q *oscar.UserQuota) {
	reported, ok := f.reported(q)
	if f.count != nil {
		n, err := strconv.ParseInt(reported, 10, 64)
		if *f.count(m) = types.Int64Value(n); !ok || err != nil {
			*f.count(m) = types.Int64Null()
		}
		return
	}
	*f.quantity(m) = keptSpelling(*f.quantity(prev), reported)
	if !ok {
		*f.quantity(m) = types.StringNull()
	}
}

func (r *userQuotaResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_user_quota"
}

func (r *userQuotaResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	quantity := func(description string) schema.StringAttribute {
		return schema.StringAttribute{
			Optional: true, Computed: true,
			MarkdownDescription: description + " A Kubernetes quantity; when not set, the quota is read and left as it is.",
			Validators:          []validator.String{quantityValidator{}},
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		}
	}
	count := func(description string) schema.Int64Attribute {
		return schema.Int64Attribute{
			Optional: true, Computed: true,
			MarkdownDescription: description + " When not set, read and left as it is.",
			Validators:          []validator.Int64{int64validator.AtLeast(0)},
			PlanModifiers:       []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
		}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "An OSCAR user's quota (`/system/quotas/user/{id}`): the nominal quota of the user's Kueue ClusterQueue, which " +
			"limits the resources of the user's running jobs; MinIO's per-user quotas; and the quotas of the user's managed volumes. " +
			"Needs a manager with Kueue on (the platform's `kueue` setting) for the Kueue quotas, and the provider signed in as the manager's basic-auth admin. The manager creates a user's ClusterQueue, with its default quota, " +
			"at the user's first service, so the quota can be set from then on.\n\n" +
			"Destroying the resource leaves the quota as it is: the manager has no way to reset it.",
		Attributes: map[string]schema.Attribute{
			"user_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The user's OIDC subject (`sub`), as services record it in `owner`. Changing it manages another user's quota.",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"cpu":                      quantity("CPUs, for example `4` or `1500m`."),
			"memory":                   quantity("Memory, for example `8Gi`."),
			"ephemeral_storage":        quantity("Ephemeral storage, for example `20Gi`."),
			"gpu":                      quantity("NVIDIA GPUs (`nvidia.com/gpu`), for example `1`."),
			"minio_buckets":            count("Buckets the user may own in MinIO; `0`: no limit."),
			"minio_storage_per_bucket": quantity("Storage quota of each of the user's MinIO buckets, for example `10Gi`; `0`: none."),
			"volume_count":             count("OSCAR-managed volumes the user may have (needs the manager's volumes on, as by default)."),
			"volume_storage":           quantity("Storage all the user's managed volumes may claim, for example `20Gi`."),
			"volume_max_size":          quantity("Largest managed volume, for example `5Gi`."),
			"volume_min_size":          quantity("Smallest managed volume, for example `200Mi`."),
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
		if f.isSet(&m) {
			set++
		}
	}
	if set == 0 {
		names := make([]string, len(quotaFields))
		for i, f := range quotaFields {
			names[i] = f.attribute
		}
		resp.Diagnostics.AddError("No quota to set", "Set at least one of "+strings.Join(names, ", ")+".")
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
	update := &oscar.UserQuotaUpdate{}
	sent := map[string]string{}
	for _, f := range quotaFields {
		if v, known := f.configured(&planned); known {
			f.send(update, v)
			sent[f.attribute] = v
		}
	}
	q, err := r.client.UpdateUserQuota(ctx, user, update)
	if err != nil {
		diags.AddError(fmt.Sprintf("Cannot set the quota of user %q", user), explainQuotaError(user, err))
		return
	}
	m := flattenUserQuota(q, &planned)
	for _, f := range quotaFields {
		want, wasSent := sent[f.attribute]
		if reported, known := f.configured(m); wasSent && (!known || reported != want) {
			if !known {
				reported = "none"
			}
			diags.AddAttributeError(path.Root(f.attribute), "The manager did not apply the quota",
				fmt.Sprintf("%s of user %q was set to %s, but the manager reports %s.", f.attribute, user, want, reported))
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

// flattenUserQuota is the manager's report as the resource's state, keeping prev's spelling of
// each quantity that is the same amount.
func flattenUserQuota(q *oscar.UserQuota, prev *userQuotaModel) *userQuotaModel {
	m := &userQuotaModel{UserID: prev.UserID, ClusterQueue: types.StringValue(q.ClusterQueue)}
	if q.ClusterQueue == "" {
		m.ClusterQueue = types.StringNull()
	}
	for _, f := range quotaFields {
		f.store(m, prev, q)
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
	case apiErr.Status == http.StatusInternalServerError && strings.Contains(apiErr.Message, "volume quotas require"):
		return err.Error() + "\nThis manager has managed volumes off (VOLUME_ENABLE): leave the volume_* quotas unset, or turn volumes on."
	case apiErr.Status == http.StatusServiceUnavailable:
		return err.Error() + "\nTurn Kueue on in the manager (the platform's `kueue` setting) and install Kueue's API."
	case isMissingClusterQueue(err):
		return err.Error() + fmt.Sprintf("\nUser %q has no ClusterQueue yet: the manager creates it with the user's first service. "+
			"Deploy a service as that user first (or make this resource depend on one).", user)
	}
	return err.Error()
}
