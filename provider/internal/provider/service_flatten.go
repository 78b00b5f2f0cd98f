package provider

import (
	"maps"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oscar-cdktf/terraform-provider-oscar/internal/oscar"
)

// flattenService turns a service as the manager returns it into the Terraform form, given the
// previous Terraform form (the state, or the plan right after a write). The previous form is used
// only to keep what the manager hides or rewrites without changing the meaning:
//   - keep_token and the digest of the write-only values, which only Terraform knows;
//   - the spelling of scripts and storage paths the manager normalises (CRLF, "in" for "<name>/in");
//   - node ports the configuration left to Kubernetes (0);
//   - which labels are the configuration's: the manager adds its own, and a newer manager may add more.
//
// Zero values (empty strings, lists and maps) become null, as the schema does not accept them.
// A field the manager adds that this provider does not know is ignored.
//
// imported tells that prev holds nothing but the name (right after `terraform import`).
func flattenService(svc *oscar.Service, prev *serviceModel, imported bool) *serviceModel {
	m := &serviceModel{
		Name:                    types.StringValue(svc.Name),
		ClusterID:               stringOrNull(svc.ClusterID),
		Image:                   types.StringValue(svc.Image),
		Script:                  types.StringValue(sameUnless(prev.Script.ValueString(), svc.Script, normalizeLineEndings)),
		Memory:                  defaulted(svc.Memory, defaultMemory),
		CPU:                     defaulted(svc.CPU, defaultCPU),
		TotalMemory:             stringOrNull(svc.TotalMemory),
		TotalCPU:                stringOrNull(svc.TotalCPU),
		EphemeralStorageRequest: stringOrNull(svc.EphemeralStorageRequest),
		EnableGPU:               types.BoolValue(svc.EnableGPU),
		EnableSGX:               types.BoolValue(svc.EnableSGX),
		ImagePrefetch:           types.BoolValue(svc.ImagePrefetch),
		Synchronous:             &synchronousModel{MinScale: types.Int64Value(0), MaxScale: types.Int64Value(0)},
		LogLevel:                defaulted(svc.LogLevel, defaultLogLevel),
		Alpine:                  types.BoolValue(svc.Alpine),
		FileStageIn:             types.BoolValue(svc.FileStageIn),
		Input:                   flattenStorageIOs(svc.Name, svc.Input, prev.Input),
		Output:                  flattenStorageIOs(svc.Name, svc.Output, prev.Output),
		ImagePullSecrets:        nilIfEmpty(svc.ImagePullSecrets),
		Environment:             flattenEnvironment(svc.Environment),
		Annotations:             nilIfEmptyMap(svc.Annotations),
		Labels:                  flattenLabels(svc.Labels, prev.Labels, imported),
		VO:                      stringOrNull(svc.VO),
		Visibility:              defaulted(svc.Visibility, defaultVisibility),
		AllowedUsers:            flattenAllowedUsers(svc, prev.AllowedUsers),
		IsolationLevel:          stringOrNull(svc.IsolationLevel),
		InterLinkNodeName:       stringOrNull(svc.InterLinkNodeName),
		StorageProviders:        flattenStorageProviders(svc.StorageProviders),
		Clusters:                flattenClusters(svc.Clusters),
		Federation:              flattenFederation(svc.Federation),
		Expose:                  flattenExpose(svc.Expose, prev.Expose),
		Volume:                  flattenVolume(svc.Volume),
		Kserve:                  flattenKserve(svc.Kserve),
		KeepToken:               types.BoolValue(prev.KeepToken.ValueBool()),
		Token:                   types.StringNull(),
		WriteOnlyDigest:         prev.WriteOnlyDigest,
		Owner:                   types.StringValue(svc.Owner),
		Namespace:               types.StringValue(svc.Namespace),
		MissingReplicas:         types.ListNull(types.StringType),
	}
	if s := svc.Synchronous; s != nil {
		m.Synchronous = &synchronousModel{MinScale: types.Int64Value(s.MinScale), MaxScale: types.Int64Value(s.MaxScale)}
	}
	if mt := svc.Mount; mt != nil && (mt.StorageProvider != "" || mt.Path != "") {
		var prevPath string
		if prev.Mount != nil {
			prevPath = prev.Mount.Path.ValueString()
		}
		mount := flattenStorageIO(*mt, sameUnless(prevPath, mt.Path, trimPath))
		m.Mount = &mount
	}
	if m.KeepToken.ValueBool() {
		m.Token = types.StringValue(svc.Token)
	}
	withoutWriteOnly(m) // the credentials the manager returns
	return m
}

// sameUnless returns the previous spelling when normalize maps it to what the manager stored.
func sameUnless(prev, stored string, normalize func(string) string) string {
	if prev != "" && normalize(prev) == stored {
		return prev
	}
	return stored
}

// normalizeLineEndings is what the manager does to scripts (CRLF, then lone CR, to LF).
func normalizeLineEndings(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

func trimPath(p string) string { return strings.Trim(p, " /") }

func flattenStorageIOs(service string, ios []oscar.StorageIO, prev []storageIOModel) []storageIOModel {
	var out []storageIOModel
	for i, io := range ios {
		p := io.Path
		if i < len(prev) && prev[i].StorageProvider.ValueString() == io.StorageProvider {
			p = sameUnless(prev[i].Path.ValueString(), io.Path, func(s string) string {
				return oscar.CanonicalPath(service, io.StorageProvider, s)
			})
		}
		out = append(out, flattenStorageIO(io, p))
	}
	return out
}

func flattenStorageIO(io oscar.StorageIO, path string) storageIOModel {
	return storageIOModel{
		StorageProvider: types.StringValue(io.StorageProvider),
		Path:            types.StringValue(path),
		Suffix:          nilIfEmpty(io.Suffix),
		Prefix:          nilIfEmpty(io.Prefix),
		Options:         stringOrNull(io.Options),
	}
}

// flattenEnvironment keeps the names of the secrets: their values are write-only, and the manager
// returns every secret with an empty value anyway. A key added or removed outside Terraform shows.
func flattenEnvironment(env *oscar.Environment) *environmentModel {
	if env == nil || (len(env.Variables) == 0 && len(env.Secrets) == 0) {
		return nil
	}
	return &environmentModel{Variables: nilIfEmptyMap(env.Variables), SecretNames: secretNames(env.Secrets)}
}

// flattenLabels returns the configuration's labels: the manager's own are left out, and after the
// first read only keys the configuration had are considered, so labels a newer manager adds never
// show as changes.
func flattenLabels(labels, prev map[string]string, imported bool) map[string]string {
	out := map[string]string{}
	for k, v := range labels {
		if slices.Contains(managerLabels, k) {
			continue
		}
		if _, had := prev[k]; !had && !imported {
			continue
		}
		out[k] = v
	}
	return nilIfEmptyMap(out)
}

// flattenAllowedUsers leaves out the owner, which the manager appends for USER isolation.
func flattenAllowedUsers(svc *oscar.Service, prev []string) []string {
	var out []string
	for _, u := range svc.AllowedUsers {
		if u == svc.Owner && strings.EqualFold(svc.IsolationLevel, "USER") && !slices.Contains(prev, u) {
			continue
		}
		out = append(out, u)
	}
	return out
}

// flattenStorageProviders leaves out minio.default, the cluster's MinIO that the manager sets.
func flattenStorageProviders(p *oscar.StorageProviders) *storageProvidersModel {
	if p == nil {
		return nil
	}
	own := maps.Clone(p.MinIO)
	delete(own, "default") // the manager's own MinIO, which it adds to every service
	out := &storageProvidersModel{
		MinIO: convertMap(own, func(v oscar.MinIOProvider) minioProviderModel {
			return minioProviderModel{Endpoint: stringOrNull(v.Endpoint), Verify: types.BoolValue(v.Verify),
				AccessKey: stringOrNull(v.AccessKey), SecretKey: stringOrNull(v.SecretKey), Region: stringOrNull(v.Region)}
		}),
		S3: convertMap(p.S3, func(v oscar.S3Provider) s3ProviderModel {
			return s3ProviderModel{AccessKey: stringOrNull(v.AccessKey), SecretKey: stringOrNull(v.SecretKey), Region: stringOrNull(v.Region)}
		}),
		Onedata: convertMap(p.Onedata, func(v oscar.OnedataProvider) onedataProviderModel {
			return onedataProviderModel{OneproviderHost: stringOrNull(v.OneproviderHost), Token: stringOrNull(v.Token), Space: stringOrNull(v.Space)}
		}),
		WebDAV: convertMap(p.WebDAV, func(v oscar.WebDAVProvider) webdavProviderModel {
			return webdavProviderModel{Hostname: stringOrNull(v.Hostname), Login: stringOrNull(v.Login), Password: stringOrNull(v.Password)}
		}),
		Rucio: convertMap(p.Rucio, func(v oscar.RucioProvider) rucioProviderModel {
			return rucioProviderModel{Host: stringOrNull(v.Host), Account: stringOrNull(v.Account), RSE: stringOrNull(v.RSE),
				RefreshToken: stringOrNull(v.RefreshToken), AuthHost: stringOrNull(v.AuthHost), OIDCAudience: stringOrNull(v.OIDCAudience),
				TokenEndpoint: stringOrNull(v.TokenEndpoint)}
		}),
	}
	if out.MinIO == nil && out.S3 == nil && out.Onedata == nil && out.WebDAV == nil && out.Rucio == nil {
		return nil
	}
	return out
}

func flattenClusters(clusters map[string]oscar.Cluster) map[string]clusterModel {
	if len(clusters) == 0 {
		return nil
	}
	out := map[string]clusterModel{}
	for id, c := range clusters {
		out[id] = clusterModel{Endpoint: stringOrNull(c.Endpoint), AuthUser: stringOrNull(c.AuthUser),
			AuthPassword: stringOrNull(c.AuthPassword), SSLVerify: types.BoolValue(c.SSLVerify)}
	}
	return out
}

func flattenFederation(f *oscar.Federation) *federationModel {
	if f == nil {
		return nil
	}
	out := &federationModel{
		GroupID:              stringOrNull(f.GroupID),
		Topology:             defaulted(f.Topology, defaultFederationTopology),
		Delegation:           stringOrNull(f.Delegation),
		ReschedulerThreshold: int64OrNull(f.ReschedulerThreshold),
	}
	for _, r := range f.Members {
		out.Members = append(out.Members, replicaModel{Type: types.StringValue(r.Type), ClusterID: stringOrNull(r.ClusterID),
			ServiceName: stringOrNull(r.ServiceName), URL: stringOrNull(r.URL), SSLVerify: types.BoolValue(r.SSLVerify),
			Priority: types.Int64Value(r.Priority), Headers: nilIfEmptyMap(r.Headers)})
	}
	return out
}

// flattenExpose returns nil for a service that is not exposed: the manager returns an expose object
// of zero values for every service.
func flattenExpose(e *oscar.Expose, prev *exposeModel) *exposeModel {
	if !e.Exposed() {
		return nil
	}
	nodePorts := nilIfEmpty(e.NodePort)
	if prev != nil && len(prev.NodePort) == len(nodePorts) {
		// A 0 asks Kubernetes to choose the port, and the manager stores the port it got.
		for i := range nodePorts {
			if prev.NodePort[i] == 0 {
				nodePorts[i] = 0
			}
		}
	}
	return &exposeModel{
		APIPort: e.APIPort, NodePort: nodePorts,
		MinScale: types.Int64Value(e.MinScale), MaxScale: types.Int64Value(e.MaxScale), CPUThreshold: types.Int64Value(e.CPUThreshold),
		RewriteTarget: types.BoolValue(e.RewriteTarget), DefaultCommand: types.BoolValue(e.DefaultCommand), SetAuth: types.BoolValue(e.SetAuth),
		AuthType: stringOrNull(e.AuthType), HealthPath: stringOrNull(e.HealthPath), ProbeMode: stringOrNull(e.ProbeMode),
	}
}

func flattenVolume(v *oscar.Volume) *volumeModel {
	if v == nil {
		return nil
	}
	return &volumeModel{Name: stringOrNull(v.Name), Size: stringOrNull(v.Size), MountPath: types.StringValue(v.MountPath),
		LifecyclePolicy: stringOrNull(v.LifecyclePolicy)}
}

func flattenKserve(k *oscar.Kserve) *kserveModel {
	if k == nil {
		return nil
	}
	out := &kserveModel{
		Type: types.StringValue(k.Type), StorageURI: types.StringValue(k.StorageURI), APIVersion: defaulted(k.APIVersion, defaultKserveAPIVersion),
		CPU: defaulted(k.CPU, defaultKserveCPU), Memory: defaulted(k.Memory, defaultKserveMemory), SetAuth: types.BoolValue(k.SetAuth),
		MinScale: types.Int64Value(k.MinScale), MaxScale: types.Int64Value(k.MaxScale), EnableGPU: types.BoolValue(k.EnableGPU),
		Args: nilIfEmpty(k.Args), Env: nilIfEmptyMap(k.Env),
	}
	if i := k.Inference; i != nil {
		out.Inference = &kserveInferenceModel{ModelFormat: types.StringValue(i.ModelFormat), Runtime: stringOrNull(i.Runtime)}
	}
	if l := k.LLMInference; l != nil {
		out.LLMInference = &kserveLLMInferenceModel{RuntimeImage: stringOrNull(l.RuntimeImage)}
	}
	return out
}

func stringOrNull(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

func int64OrNull(n int64) types.Int64 {
	if n == 0 {
		return types.Int64Null()
	}
	return types.Int64Value(n)
}

// defaulted is a value the manager treats as def when empty.
func defaulted(s, def string) types.String {
	if s == "" {
		return types.StringValue(def)
	}
	return types.StringValue(s)
}

func nilIfEmpty[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return slices.Clone(s)
}

func nilIfEmptyMap(m map[string]string) map[string]string {
	if len(m) == 0 {
		return nil
	}
	return m
}
