package provider

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

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
	_ resource.ResourceWithConfigure   = (*volumeResource)(nil)
	_ resource.ResourceWithImportState = (*volumeResource)(nil)
)

func newVolumeResource() resource.Resource { return &volumeResource{} }

type volumeResource struct {
	client *oscar.Client
}

type managedVolumeModel struct {
	Name      types.String `tfsdk:"name"`
	Size      types.String `tfsdk:"size"`
	Namespace types.String `tfsdk:"namespace"`
	PVCName   types.String `tfsdk:"pvc_name"`
	Owner     types.String `tfsdk:"owner"`
}

func (r *volumeResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_volume"
}

func (r *volumeResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	computed := func(description string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: description,
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "An OSCAR-managed volume (`/system/volumes`): a ReadWriteMany claim that services mount by name " +
			"(the FDL's `volume.name`), made in the services namespace for the basic-auth admin and in the user's namespace " +
			"for an OIDC user. Needs the manager's volumes on (as by default). The API has no update, so a new size replaces " +
			"the volume.\n\n**Destroying or replacing the volume deletes its data.** The manager refuses to delete a volume a " +
			"service still mounts.",
		Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Volume name (a DNS-1123 label: up to 63 lower-case letters, digits and `-`). Changing it replaces the volume.",
				Validators: []validator.String{stringvalidator.RegexMatches(volumeNamePattern,
					"must be up to 63 lower-case letters, digits and '-', starting and ending with a letter or digit")},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"size": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "Size, a Kubernetes quantity such as `5Gi`, within the user's volume quota (`oscar_user_quota`). " +
					"Changing the amount replaces the volume; another spelling of the same amount does not.",
				Validators:    []validator.String{quantityValidator{}},
				PlanModifiers: []planmodifier.String{sameAmountOrReplace{}},
			},
			"namespace": computed("Namespace of the volume's claim."),
			"pvc_name":  computed("Name of the volume's PersistentVolumeClaim."),
			"owner":     computed("Owner recorded by the manager (the OIDC subject, or `cluster_admin`)."),
		},
	}
}

func (r *volumeResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = dataFrom(req.ProviderData, &resp.Diagnostics).client
}

func (r *volumeResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var planned managedVolumeModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &planned)...)
	if resp.Diagnostics.HasError() || !requireClient(r.client, &resp.Diagnostics) {
		return
	}
	name := planned.Name.ValueString()
	v, err := r.client.CreateVolume(ctx, name, planned.Size.ValueString())
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Cannot create volume %q", name), explainVolumeError(name, err))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, flattenManagedVolume(v, &planned))...)
}

func (r *volumeResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var prev managedVolumeModel
	resp.Diagnostics.Append(req.State.Get(ctx, &prev)...)
	if resp.Diagnostics.HasError() || !requireClient(r.client, &resp.Diagnostics) {
		return
	}
	r.readInto(ctx, &prev, &resp.State, &resp.Diagnostics)
}

// readInto reads the volume into state. A volume that no longer exists is removed from the state, so
// the next plan makes it again (empty); an unreachable cluster of several keeps the state.
func (r *volumeResource) readInto(ctx context.Context, prev *managedVolumeModel, state *tfsdk.State, diags *diag.Diagnostics) {
	name := prev.Name.ValueString()
	v, err := r.client.GetVolume(ctx, name)
	if oscar.IsNotFound(err) || (err == nil && v.Deleting()) {
		// Gone, or going: the next plan makes it again.
		state.RemoveResource(ctx)
		return
	}
	if keptUnreachable(r.client, fmt.Sprintf("volume %q", name), err, diags) {
		return
	}
	if err != nil {
		diags.AddError(fmt.Sprintf("Cannot read volume %q", name), explainVolumeError(name, err))
		return
	}
	if v.CreationMode == "" {
		diags.AddError(fmt.Sprintf("%q is not a managed volume", name),
			fmt.Sprintf("The claim %q was not made by OSCAR's volume API (it has no managed-volume labels), so oscar_volume cannot manage it. "+
				"Pick another name, or leave that claim to whatever made it.", name))
		return
	}
	diags.Append(state.Set(ctx, flattenManagedVolume(v, prev))...)
}

func (r *volumeResource) Update(_ context.Context, _ resource.UpdateRequest, resp *resource.UpdateResponse) {
	// Every configurable attribute replaces the volume; an update only ever restates the same amount.
	resp.Diagnostics.AddError("Volumes cannot be updated", "The OSCAR volume API has no update; this is a provider bug.")
}

func (r *volumeResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var name types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("name"), &name)...)
	if resp.Diagnostics.HasError() || !requireClient(r.client, &resp.Diagnostics) {
		return
	}
	if err := r.client.DeleteVolume(ctx, name.ValueString()); err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Cannot delete volume %q", name.ValueString()), explainVolumeError(name.ValueString(), err))
		return
	}
	// The claim goes once no pod uses it; a replacement of the same name can only be made then.
	for start := time.Now(); ; {
		v, err := r.client.GetVolume(ctx, name.ValueString())
		if oscar.IsNotFound(err) {
			return
		}
		if err == nil && !v.Deleting() {
			return // made again meanwhile, by someone else
		}
		if time.Since(start) > volumeDeleteTimeout || ctx.Err() != nil {
			resp.Diagnostics.AddError(fmt.Sprintf("Volume %q is still being deleted", name.ValueString()),
				fmt.Sprintf("Its claim is still there after %s: Kubernetes keeps a claim while a pod uses it. "+
					"Stop what uses it (a job or an exposed service mounting it), then apply again.", volumeDeleteTimeout))
			return
		}
		time.Sleep(volumeDeletePoll)
	}
}

// How long a delete waits for the claim to go, and how often it looks.
const (
	volumeDeleteTimeout = 2 * time.Minute
	volumeDeletePoll    = 500 * time.Millisecond
)

func (r *volumeResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if !volumeNamePattern.MatchString(req.ID) {
		resp.Diagnostics.AddError("Invalid import id",
			fmt.Sprintf("%q is not a volume name (a DNS-1123 label). Import with the volume's name, e.g. `%s import oscar_volume.models models`.", req.ID, cliName()))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("name"), types.StringValue(req.ID))...)
}

// flattenManagedVolume keeps prev's spelling of the size when the manager reports the same amount.
func flattenManagedVolume(v *oscar.ManagedVolume, prev *managedVolumeModel) *managedVolumeModel {
	return &managedVolumeModel{Name: types.StringValue(v.Name), Size: keptSpelling(prev.Size, v.Size), Namespace: types.StringValue(v.Namespace),
		PVCName: types.StringValue(v.PVCName), Owner: types.StringValue(v.OwnerUser)}
}

// explainVolumeError says what the manager's usual refusals mean.
func explainVolumeError(name string, err error) string {
	var apiErr *oscar.APIError
	if !errors.As(err, &apiErr) {
		return err.Error()
	}
	switch apiErr.Status {
	case http.StatusConflict:
		return err.Error() + fmt.Sprintf("\nA volume named %q already exists in this namespace (or is still being deleted): import it "+
			"(`%s import oscar_volume.<name> %s`), pick another name, or apply again once it is gone.", name, cliName(), name)
	case http.StatusNotFound:
		return err.Error() + "\nThis manager has no volume API: it needs OSCAR v4.1 or later."
	case http.StatusBadRequest:
		return err.Error() + "\nThe manager refused the volume: a size outside the user's volume quota (see oscar_user_quota's volume_* attributes), " +
			"or, on delete, a volume that services still mount (remove it from their FDL first)."
	}
	return err.Error()
}
