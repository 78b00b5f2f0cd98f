// Package provider is the Terraform provider for OSCAR: its settings, the oscar_service and
// oscar_bucket resources and the oscar_cluster_info data source.
package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oscar-cdktf/terraform-provider-oscar/internal/oscar"
)

// New returns a constructor of the provider, as providerserver.Serve wants it.
func New(version string) func() provider.Provider {
	return func() provider.Provider { return &oscarProvider{version: version} }
}

type oscarProvider struct {
	version string
}

// providerModel is the provider block.
type providerModel struct {
	Endpoint       types.String `tfsdk:"endpoint"`
	Username       types.String `tfsdk:"username"`
	Password       types.String `tfsdk:"password"`
	Token          types.String `tfsdk:"token"`
	TokenFile      types.String `tfsdk:"token_file"`
	OIDCAccount    types.String `tfsdk:"oidc_account"`
	RefreshToken   types.String `tfsdk:"refresh_token"`
	ClientID       types.String `tfsdk:"client_id"`
	ClientSecret   types.String `tfsdk:"client_secret"`
	Issuer         types.String `tfsdk:"issuer"`
	TokenEndpoint  types.String `tfsdk:"token_endpoint"`
	Insecure       types.Bool   `tfsdk:"insecure"`
	CACertificate  types.String `tfsdk:"ca_certificate"`
	RequestTimeout types.String `tfsdk:"request_timeout"`
	RetryTimeout   types.String `tfsdk:"retry_timeout"`
	ReadStrategy   types.String `tfsdk:"read_strategy"`
	ClusterID      types.String `tfsdk:"cluster_id"`
	DigestKey      types.String `tfsdk:"write_only_digest_key"`
}

func (p *oscarProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "oscar"
	resp.Version = p.version
}

func (p *oscarProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Manages services and buckets of an [OSCAR](https://github.com/grycap/oscar) cluster through the " +
			"OSCAR manager's REST API (v4.1). Every setting can also come from an environment variable; a value in the provider " +
			"block wins. Writes to one manager run one at a time, whatever `-parallelism` is, because each service create or " +
			"delete restarts the cluster's MinIO.",
		Attributes: map[string]schema.Attribute{
			"endpoint": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Base URL of the OSCAR manager, e.g. `https://oscar.example.org`. Environment: `OSCAR_ENDPOINT`.",
			},
			"username": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "User of HTTP basic auth (the manager's `OSCAR_USERNAME`). Environment: `OSCAR_USERNAME`.",
			},
			"password": schema.StringAttribute{
				Optional:            true,
				Sensitive:           true,
				MarkdownDescription: "Password of HTTP basic auth. Environment: `OSCAR_PASSWORD`.",
			},
			"token": schema.StringAttribute{
				Optional:  true,
				Sensitive: true,
				MarkdownDescription: "OIDC access token (e.g. from an AI4OS or EGI Check-in login), used as it is instead of basic auth. " +
					"Services are then owned by the token's subject. Access tokens live minutes to an hour and a static one cannot be " +
					"renewed: for unattended runs use `refresh_token` or `token_file`. Environment: `OSCAR_TOKEN`.",
			},
			"token_file": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Path of a file holding the current OIDC access token, kept current by another program (oidc-agent's " +
					"`oidc-token` in a CI step, a projected token). It is read again whenever it changes, and once after the manager " +
					"refuses a token. Environment: `OSCAR_TOKEN_FILE`.",
			},
			"oidc_account": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "An account of the oidc-agent running for this process (its socket in `OIDC_SOCK`, as " +
					"`eval \"$(oidc-agent)\"` sets it): the agent hands out its access tokens and renews them, and keeps the refresh " +
					"token to itself (like oscar-cli's `oidc_account_name`). Environment: `OSCAR_OIDC_ACCOUNT`.",
			},
			"refresh_token": schema.StringAttribute{
				Optional:  true,
				Sensitive: true,
				MarkdownDescription: "OIDC refresh token (an offline token suits CI). Access tokens are minted from it at the issuer's " +
					"token endpoint on first use, renewed shortly before they expire and once after a 401, and shared by every resource " +
					"of the run. Environment: `OSCAR_REFRESH_TOKEN`.",
			},
			"client_id": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "OIDC client the refresh token was issued to. Defaults to the refresh token's `azp` claim when it " +
					"is a JWT (Keycloak's are). Environment: `OSCAR_CLIENT_ID`.",
			},
			"client_secret": schema.StringAttribute{
				Optional:            true,
				Sensitive:           true,
				MarkdownDescription: "Secret of a confidential OIDC client; leave unset for a public client. Environment: `OSCAR_CLIENT_SECRET`.",
			},
			"issuer": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "OIDC issuer URL; its token endpoint is read from `<issuer>/.well-known/openid-configuration`. " +
					"Defaults to the refresh token's `iss` claim when it is a JWT. Environment: `OSCAR_ISSUER`.",
			},
			"token_endpoint": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "The issuer's token endpoint, to skip discovery. Environment: `OSCAR_TOKEN_ENDPOINT`.",
			},
			"insecure": schema.BoolAttribute{
				Optional:            true,
				MarkdownDescription: "Skip verification of the manager's TLS certificate. Defaults to `false`. Environment: `OSCAR_INSECURE`.",
			},
			"ca_certificate": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "PEM certificate(s) of authorities to trust besides the system's, for a manager with a private CA. " +
					"Environment: `OSCAR_CA_CERTIFICATE` (the PEM text or the path of a PEM file).",
			},
			"request_timeout": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Longest time one request may take, as a Go duration (`90s`, `5m`). A service create or delete " +
					"takes about 7 s. A create or update of a service with `image_prefetch` waits until every node pulled the image, " +
					"and gets at least `10m`. Defaults to `30s`. Environment: `OSCAR_REQUEST_TIMEOUT`.",
			},
			"retry_timeout": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "How long requests are retried while the manager is unreachable or its MinIO is restarting, " +
					"as a Go duration. A manager that stops answering spends one budget for all requests: once it is spent, the " +
					"remaining requests fail at once. `0s` disables retries. Defaults to `10s`. Environment: `OSCAR_RETRY_TIMEOUT`.",
			},
			"cluster_id": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "A name for this OSCAR in messages, beside its endpoint: the FDL cluster id of its services, " +
					"when a configuration reaches several clusters (one aliased provider each), so a failure says which cluster failed. " +
					"Set, a refresh of a resource whose manager does not answer keeps its state, with a warning, instead of failing, so " +
					"the other clusters' changes go ahead; a change to that resource still fails at apply, naming the cluster.",
			},
			"write_only_digest_key": schema.StringAttribute{
				Optional:  true,
				Sensitive: true,
				MarkdownDescription: "A secret key, at least 32 characters (`openssl rand -base64 32`), for `oscar_service`'s " +
					"`write_only_digest`. Without it the digest is a salted argon2id hash, which each plan computes again for every " +
					"service with write-only values (about 30 ms of CPU each: 5 s for a plan of 1000 services, a sixth of them with " +
					"secrets). With it the digest is a salted HMAC-SHA256: microseconds, and a guess at a secret cannot be checked " +
					"against the state without the key. Keep it where the credentials are (a CI secret), not in the state or the " +
					"configuration; a run without it, or with another, cannot check the keyed digests, and sends those services' " +
					"secrets again, with a warning. Environment: `OSCAR_WRITE_ONLY_DIGEST_KEY`.",
			},
			"read_strategy": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "How a refresh reads services. `list` (the default): one `GET /system/services` per run serves " +
					"every `oscar_service`, and a service missing from it is read alone (the manager v4.1.2 takes about 0.4 s per " +
					"single read, and about 0.6 s to list 1000 services). `each`: one request per service, faster only when the " +
					"cluster holds many services with volumes (the list then costs the manager extra calls per volume) and this " +
					"configuration manages few of them; a slow list says so in a warning. Environment: `OSCAR_READ_STRATEGY`.",
				Validators: []validator.String{stringvalidator.OneOf(readStrategies()...)},
			},
		},
	}
}

func (p *oscarProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var model providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	if resp.Diagnostics.HasError() {
		return
	}
	digester, diags := model.digester()
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	data := &providerData{digester: digester}
	resp.ResourceData = data
	resp.DataSourceData = data
	if model.anyUnknown() {
		// The settings come from resources not created yet (a plan of a fresh cluster): resources
		// then plan without calling the manager, and apply configures the provider again.
		return
	}
	cfg, diags := model.clientConfig("terraform-provider-oscar/" + p.version)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	client, err := oscar.NewClient(cfg)
	if err != nil {
		resp.Diagnostics.AddError("Invalid OSCAR provider settings", err.Error())
		return
	}
	// A refresh's Reads share one list of the services: asked for now, it arrives while Terraform
	// still reads the state and builds its graph (about a second at 1000 services).
	client.PrefetchServiceList()
	data.client = client
}

func (p *oscarProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{newServiceResource, newBucketResource, newUserQuotaResource, newVolumeResource}
}

func (p *oscarProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{newClusterInfoDataSource}
}
