package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oscar-cdktf/terraform-provider-oscar/internal/oscar"
)

var _ datasource.DataSourceWithConfigure = (*clusterInfoDataSource)(nil)

func newClusterInfoDataSource() datasource.DataSource { return &clusterInfoDataSource{} }

// clusterInfoDataSource reads `/system/info` and `/system/config`. The config answer holds MinIO's
// root keys for the basic-auth admin; they are never decoded (see oscar.ClusterConfig).
type clusterInfoDataSource struct {
	client *oscar.Client
}

type clusterInfoModel struct {
	Version                  types.String `tfsdk:"version"`
	GitCommit                types.String `tfsdk:"git_commit"`
	Architecture             types.String `tfsdk:"architecture"`
	KubernetesVersion        types.String `tfsdk:"kubernetes_version"`
	ServerlessBackend        types.String `tfsdk:"serverless_backend"`
	ServerlessBackendVersion types.String `tfsdk:"serverless_backend_version"`
	Name                     types.String `tfsdk:"name"`
	Namespace                types.String `tfsdk:"namespace"`
	ServicesNamespace        types.String `tfsdk:"services_namespace"`
	GPUAvailable             types.Bool   `tfsdk:"gpu_available"`
	InterLinkAvailable       types.Bool   `tfsdk:"interlink_available"`
	YunikornEnable           types.Bool   `tfsdk:"yunikorn_enable"`
	KueueEnable              types.Bool   `tfsdk:"kueue_enable"`
	VolumeEnable             types.Bool   `tfsdk:"volume_enable"`
	MinIOQuotaEnabled        types.Bool   `tfsdk:"minio_quota_enabled"`
	OIDCGroups               []string     `tfsdk:"oidc_groups"`
	MinIOEndpoint            types.String `tfsdk:"minio_endpoint"`
	MinIORegion              types.String `tfsdk:"minio_region"`
	AllowedImageRepositories []string     `tfsdk:"allowed_image_repositories"`
}

func (d *clusterInfoDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_cluster_info"
}

func (d *clusterInfoDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str := func(description string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: description}
	}
	boolean := func(description string) schema.BoolAttribute {
		return schema.BoolAttribute{Computed: true, MarkdownDescription: description}
	}
	list := func(description string) schema.ListAttribute {
		return schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: description}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "What the OSCAR manager reports about itself and its cluster (`/system/info` and `/system/config`), " +
			"for checks such as \"GPU services need gpu_available\". MinIO credentials, which the manager also returns, are left out.",
		Attributes: map[string]schema.Attribute{
			"version":                    str("Version of the manager (`devel` for a build from source)."),
			"git_commit":                 str("Commit the manager was built from."),
			"architecture":               str("CPU architecture of the manager."),
			"kubernetes_version":         str("Version of the cluster's Kubernetes."),
			"serverless_backend":         str("Serverless backend: `knative`, or empty for plain Kubernetes jobs."),
			"serverless_backend_version": str("Version of the serverless backend, when there is one."),
			"name":                       str("Name of the OSCAR deployment."),
			"namespace":                  str("Namespace of the manager."),
			"services_namespace":         str("Namespace of services created with basic auth."),
			"gpu_available":              boolean("Whether the cluster has nodes with NVIDIA GPUs."),
			"interlink_available":        boolean("Whether an interLink virtual node is available."),
			"yunikorn_enable":            boolean("Whether Apache YuniKorn schedules jobs."),
			"kueue_enable":               boolean("Whether Kueue admits jobs."),
			"volume_enable":              boolean("Whether OSCAR-managed volumes are enabled."),
			"minio_quota_enabled":        boolean("Whether per-user MinIO quotas are enabled."),
			"oidc_groups":                list("OIDC groups (Virtual Organisations) whose members may use the cluster."),
			"minio_endpoint":             str("Endpoint of the cluster's MinIO as the manager reaches it (often cluster-internal)."),
			"minio_region":               str("Region of the cluster's MinIO."),
			"allowed_image_repositories": list("Image prefixes services must use; empty allows any image."),
		},
	}
}

func (d *clusterInfoDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = dataFrom(req.ProviderData, &resp.Diagnostics).client
}

func (d *clusterInfoDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	if !requireClient(d.client, &resp.Diagnostics) {
		return
	}
	info, err := d.client.Info(ctx)
	if err != nil {
		resp.Diagnostics.AddError("Cannot read the OSCAR manager's info", err.Error())
		return
	}
	cfg, err := d.client.ClusterConfig(ctx)
	if err != nil {
		resp.Diagnostics.AddError("Cannot read the OSCAR manager's configuration", err.Error())
		return
	}
	m := clusterInfoModel{
		Version:                  types.StringValue(info.Version),
		GitCommit:                types.StringValue(info.GitCommit),
		Architecture:             types.StringValue(info.Architecture),
		KubernetesVersion:        types.StringValue(info.KubernetesVersion),
		ServerlessBackend:        types.StringValue(cfg.Config.ServerlessBackend),
		ServerlessBackendVersion: types.StringValue(""),
		Name:                     types.StringValue(cfg.Config.Name),
		Namespace:                types.StringValue(cfg.Config.Namespace),
		ServicesNamespace:        types.StringValue(cfg.Config.ServicesNamespace),
		GPUAvailable:             types.BoolValue(cfg.Config.GPUAvailable),
		InterLinkAvailable:       types.BoolValue(cfg.Config.InterLinkAvailable),
		YunikornEnable:           types.BoolValue(cfg.Config.YunikornEnable),
		KueueEnable:              types.BoolValue(cfg.Config.KueueEnable),
		VolumeEnable:             types.BoolValue(cfg.Config.VolumeEnable),
		MinIOQuotaEnabled:        types.BoolValue(cfg.Config.MinIOQuotaEnabled),
		OIDCGroups:               nonEmptyStrings(cfg.Config.OIDCGroups),
		MinIOEndpoint:            types.StringValue(cfg.MinIO.Endpoint),
		MinIORegion:              types.StringValue(cfg.MinIO.Region),
		AllowedImageRepositories: nonEmptyStrings(cfg.AllowedImageRepositories),
	}
	if b := info.ServerlessBackend; b != nil {
		m.ServerlessBackendVersion = types.StringValue(b.Version)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// nonEmptyStrings drops empty entries (the manager reports no OIDC groups as [""]) and returns an
// empty, not null, list for none.
func nonEmptyStrings(in []string) []string {
	out := []string{}
	for _, s := range in {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
