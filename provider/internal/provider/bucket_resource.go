package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oscar-cdktf/terraform-provider-oscar/internal/oscar"
)

var (
	_ resource.ResourceWithConfigure      = (*bucketResource)(nil)
	_ resource.ResourceWithImportState    = (*bucketResource)(nil)
	_ resource.ResourceWithValidateConfig = (*bucketResource)(nil)
)

func newBucketResource() resource.Resource { return &bucketResource{} }

type bucketResource struct {
	client *oscar.Client
}

type bucketModel struct {
	Name         types.String `tfsdk:"name"`
	Visibility   types.String `tfsdk:"visibility"`
	AllowedUsers []string     `tfsdk:"allowed_users"`
	Owner        types.String `tfsdk:"owner"`
}

func (r *bucketResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_bucket"
}

func (r *bucketResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A stand-alone bucket of the cluster's MinIO, managed through the OSCAR manager (`/system/buckets`). " +
			"Declare a bucket here when several services share it: services that use an `oscar_bucket` never delete it, and " +
			"they are created without the manager's failure on an existing bucket.\n\n" +
			"The OSCAR manager (v4.1) attaches upload triggers only to buckets it creates for a service, so an input in an " +
			"`oscar_bucket` does not start its service on upload (the provider warns when that happens).\n\n" +
			"**Destroying the bucket deletes every object in it.**",
		Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Bucket name (S3 rules: 3 to 63 lower-case letters, digits, `.` and `-`). Changing it replaces the bucket.",
				Validators: []validator.String{stringvalidator.RegexMatches(bucketNamePattern,
					"must be 3 to 63 lower-case letters, digits, '.' and '-', starting and ending with a letter or digit")},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"visibility": defaultedString("Who may use the bucket: `private` (its owner), `restricted` (also `allowed_users`) or `public` "+
				"(every user). The manager applies visibility to buckets of OIDC users; buckets of the basic-auth admin carry no policy.",
				defaultVisibility, stringvalidator.OneOf(visibilities...)),
			"allowed_users": optionalStringList("EGI subject ids of the users allowed to use a `restricted` bucket."),
			"owner": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "Owner recorded by the manager.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
		},
	}
}

func (r *bucketResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = dataFrom(req.ProviderData, &resp.Diagnostics).client
}

func (r *bucketResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m bucketModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || m.Visibility.IsUnknown() {
		return
	}
	if m.AllowedUsers != nil && m.Visibility.ValueString() != "restricted" {
		resp.Diagnostics.AddAttributeError(path.Root("allowed_users"), "allowed_users without restricted visibility",
			"The manager only uses allowed_users for visibility = \"restricted\"; set that visibility or remove allowed_users.")
	}
}

func (r *bucketResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.write(ctx, "create", r.client.CreateBucket, req.Plan, &resp.State, &resp.Diagnostics)
}

// write sends the planned bucket with send (a create or an update), then reads it back into state.
func (r *bucketResource) write(ctx context.Context, verb string, send func(context.Context, *oscar.Bucket) error, plan tfsdk.Plan,
	state *tfsdk.State, diags *diag.Diagnostics) {
	var planned bucketModel
	diags.Append(plan.Get(ctx, &planned)...)
	if diags.HasError() || !requireClient(r.client, diags) {
		return
	}
	if err := send(ctx, expandBucket(&planned)); err != nil {
		diags.AddError(fmt.Sprintf("Cannot %s bucket %q", verb, planned.Name.ValueString()), err.Error())
		return
	}
	r.readInto(ctx, &planned, state, diags, false)
}

func (r *bucketResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state bucketModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireClient(r.client, &resp.Diagnostics) {
		return
	}
	r.readInto(ctx, &state, &resp.State, &resp.Diagnostics, true)
}

func (r *bucketResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.write(ctx, "update", r.client.UpdateBucket, req.Plan, &resp.State, &resp.Diagnostics)
}

func (r *bucketResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state bucketModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireClient(r.client, &resp.Diagnostics) {
		return
	}
	if err := r.client.DeleteBucket(ctx, state.Name.ValueString()); err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Cannot delete bucket %q", state.Name.ValueString()), err.Error())
	}
}

func (r *bucketResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if !bucketNamePattern.MatchString(req.ID) {
		resp.Diagnostics.AddError("Invalid import id",
			fmt.Sprintf("%q is not a bucket name (3-63 lower-case letters, digits, - and .). Import with the bucket's name, e.g. `%s import oscar_bucket.shared shared-data`.", req.ID, cliName()))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("name"), types.StringValue(req.ID))...)
}

// readInto reads the bucket and stores it, starting from prev (the plan or the state). A bucket that
// no longer exists is removed from the state, so the next plan creates it again. In a refresh, an
// unreachable cluster of several keeps the state as it was (keptUnreachable).
func (r *bucketResource) readInto(ctx context.Context, prev *bucketModel, state *tfsdk.State, diags *diag.Diagnostics, refresh bool) {
	name := prev.Name.ValueString()
	b, err := r.client.GetBucket(ctx, name)
	if oscar.IsNotFound(err) {
		state.RemoveResource(ctx)
		return
	}
	if refresh && keptUnreachable(r.client, fmt.Sprintf("bucket %q", name), err, diags) {
		return
	}
	if err != nil {
		diags.AddError(fmt.Sprintf("Cannot read bucket %q", name), err.Error())
		return
	}
	diags.Append(state.Set(ctx, flattenBucket(b, prev))...)
}

func expandBucket(m *bucketModel) *oscar.Bucket {
	return &oscar.Bucket{Name: m.Name.ValueString(), Visibility: m.Visibility.ValueString(), AllowedUsers: m.AllowedUsers}
}

// flattenBucket keeps the previous visibility and allowed users when the manager reports none: it
// sets no MinIO policy on buckets of the basic-auth admin, so it has nothing to report for them.
func flattenBucket(b *oscar.Bucket, prev *bucketModel) *bucketModel {
	m := &bucketModel{Name: types.StringValue(b.Name), Owner: types.StringValue(b.Owner)}
	switch {
	case b.Visibility != "":
		m.Visibility = types.StringValue(b.Visibility)
		m.AllowedUsers = nilIfEmpty(b.AllowedUsers)
	case !prev.Visibility.IsNull():
		m.Visibility = prev.Visibility
		m.AllowedUsers = prev.AllowedUsers
	default:
		m.Visibility = types.StringValue(defaultVisibility)
	}
	return m
}
