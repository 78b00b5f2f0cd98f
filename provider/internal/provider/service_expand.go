package provider

import (
	"github.com/oscar-cdktf/terraform-provider-oscar/internal/oscar"
)

// expandService turns a planned service into the manager's JSON form. Null values become the
// manager's zero values (omitted keys); the plan is fully known when this runs (create, update).
func expandService(m *serviceModel) *oscar.Service {
	svc := &oscar.Service{
		Name:                    m.Name.ValueString(),
		ClusterID:               m.ClusterID.ValueString(),
		Image:                   m.Image.ValueString(),
		Script:                  m.Script.ValueString(),
		Memory:                  m.Memory.ValueString(),
		CPU:                     m.CPU.ValueString(),
		TotalMemory:             m.TotalMemory.ValueString(),
		TotalCPU:                m.TotalCPU.ValueString(),
		EphemeralStorageRequest: m.EphemeralStorageRequest.ValueString(),
		EnableGPU:               m.EnableGPU.ValueBool(),
		EnableSGX:               m.EnableSGX.ValueBool(),
		ImagePrefetch:           m.ImagePrefetch.ValueBool(),
		LogLevel:                m.LogLevel.ValueString(),
		Alpine:                  m.Alpine.ValueBool(),
		FileStageIn:             m.FileStageIn.ValueBool(),
		Input:                   expandStorageIOs(m.Input),
		Output:                  expandStorageIOs(m.Output),
		ImagePullSecrets:        m.ImagePullSecrets,
		Annotations:             m.Annotations,
		Labels:                  m.Labels,
		VO:                      m.VO.ValueString(),
		Visibility:              m.Visibility.ValueString(),
		AllowedUsers:            m.AllowedUsers,
		IsolationLevel:          m.IsolationLevel.ValueString(),
		InterLinkNodeName:       m.InterLinkNodeName.ValueString(),
		StorageProviders:        expandStorageProviders(m.StorageProviders),
		Clusters:                expandClusters(m.Clusters),
		Federation:              expandFederation(m.Federation),
		Expose:                  expandExpose(m.Expose),
		Volume:                  expandVolume(m.Volume),
		Kserve:                  expandKserve(m.Kserve),
	}
	if s := m.Synchronous; s != nil {
		svc.Synchronous = &oscar.Synchronous{MinScale: s.MinScale.ValueInt64(), MaxScale: s.MaxScale.ValueInt64()}
	}
	if mt := m.Mount; mt != nil {
		mount := expandStorageIO(*mt)
		svc.Mount = &mount
	}
	if e := m.Environment; e != nil {
		svc.Environment = &oscar.Environment{Variables: e.Variables, Secrets: e.Secrets}
	}
	return svc
}

func expandStorageIOs(ios []storageIOModel) []oscar.StorageIO {
	var out []oscar.StorageIO
	for _, io := range ios {
		out = append(out, expandStorageIO(io))
	}
	return out
}

func expandStorageIO(io storageIOModel) oscar.StorageIO {
	return oscar.StorageIO{
		StorageProvider: io.StorageProvider.ValueString(),
		Path:            io.Path.ValueString(),
		Suffix:          io.Suffix,
		Prefix:          io.Prefix,
		Options:         io.Options.ValueString(),
	}
}

func expandStorageProviders(p *storageProvidersModel) *oscar.StorageProviders {
	if p == nil {
		return nil
	}
	return &oscar.StorageProviders{
		MinIO: convertMap(p.MinIO, func(v minioProviderModel) oscar.MinIOProvider {
			return oscar.MinIOProvider{Endpoint: v.Endpoint.ValueString(), Verify: v.Verify.ValueBool(),
				AccessKey: v.AccessKey.ValueString(), SecretKey: v.SecretKey.ValueString(), Region: v.Region.ValueString()}
		}),
		S3: convertMap(p.S3, func(v s3ProviderModel) oscar.S3Provider {
			return oscar.S3Provider{AccessKey: v.AccessKey.ValueString(), SecretKey: v.SecretKey.ValueString(), Region: v.Region.ValueString()}
		}),
		Onedata: convertMap(p.Onedata, func(v onedataProviderModel) oscar.OnedataProvider {
			return oscar.OnedataProvider{OneproviderHost: v.OneproviderHost.ValueString(), Token: v.Token.ValueString(), Space: v.Space.ValueString()}
		}),
		WebDAV: convertMap(p.WebDAV, func(v webdavProviderModel) oscar.WebDAVProvider {
			return oscar.WebDAVProvider{Hostname: v.Hostname.ValueString(), Login: v.Login.ValueString(), Password: v.Password.ValueString()}
		}),
		Rucio: convertMap(p.Rucio, func(v rucioProviderModel) oscar.RucioProvider {
			return oscar.RucioProvider{Host: v.Host.ValueString(), Account: v.Account.ValueString(), RSE: v.RSE.ValueString(),
				RefreshToken: v.RefreshToken.ValueString(), AuthHost: v.AuthHost.ValueString(), OIDCAudience: v.OIDCAudience.ValueString(),
				TokenEndpoint: v.TokenEndpoint.ValueString()}
		}),
	}
}

func expandClusters(clusters map[string]clusterModel) map[string]oscar.Cluster {
	if clusters == nil {
		return nil
	}
	out := map[string]oscar.Cluster{}
	for id, c := range clusters {
		out[id] = oscar.Cluster{Endpoint: c.Endpoint.ValueString(), AuthUser: c.AuthUser.ValueString(),
			AuthPassword: c.AuthPassword.ValueString(), SSLVerify: c.SSLVerify.ValueBool()}
	}
	return out
}

func expandFederation(f *federationModel) *oscar.Federation {
	if f == nil {
		return nil
	}
	out := &oscar.Federation{
		GroupID:              f.GroupID.ValueString(),
		Topology:             f.Topology.ValueString(),
		Delegation:           f.Delegation.ValueString(),
		ReschedulerThreshold: f.ReschedulerThreshold.ValueInt64(),
	}
	for _, r := range f.Members {
		out.Members = append(out.Members, oscar.Replica{Type: r.Type.ValueString(), ClusterID: r.ClusterID.ValueString(),
			ServiceName: r.ServiceName.ValueString(), URL: r.URL.ValueString(), SSLVerify: r.SSLVerify.ValueBool(),
			Priority: r.Priority.ValueInt64(), Headers: r.Headers})
	}
	return out
}

func expandExpose(e *exposeModel) *oscar.Expose {
	if e == nil {
		return nil
	}
	return &oscar.Expose{
		APIPort: e.APIPort, NodePort: e.NodePort,
		MinScale: e.MinScale.ValueInt64(), MaxScale: e.MaxScale.ValueInt64(), CPUThreshold: e.CPUThreshold.ValueInt64(),
		RewriteTarget: e.RewriteTarget.ValueBool(), DefaultCommand: e.DefaultCommand.ValueBool(), SetAuth: e.SetAuth.ValueBool(),
		AuthType: e.AuthType.ValueString(), HealthPath: e.HealthPath.ValueString(), ProbeMode: e.ProbeMode.ValueString(),
	}
}

func expandVolume(v *volumeModel) *oscar.Volume {
	if v == nil {
		return nil
	}
	return &oscar.Volume{Name: v.Name.ValueString(), Size: v.Size.ValueString(), MountPath: v.MountPath.ValueString(),
		LifecyclePolicy: v.LifecyclePolicy.ValueString()}
}

func expandKserve(k *kserveModel) *oscar.Kserve {
	if k == nil {
		return nil
	}
	out := &oscar.Kserve{
		Type: k.Type.ValueString(), StorageURI: k.StorageURI.ValueString(), APIVersion: k.APIVersion.ValueString(),
		CPU: k.CPU.ValueString(), Memory: k.Memory.ValueString(), SetAuth: k.SetAuth.ValueBool(),
		MinScale: k.MinScale.ValueInt64(), MaxScale: k.MaxScale.ValueInt64(), EnableGPU: k.EnableGPU.ValueBool(),
		Args: k.Args, Env: k.Env,
	}
	if i := k.Inference; i != nil {
		out.Inference = &oscar.KserveInference{ModelFormat: i.ModelFormat.ValueString(), Runtime: i.Runtime.ValueString()}
	}
	if l := k.LLMInference; l != nil {
		out.LLMInference = &oscar.KserveLLMInference{RuntimeImage: l.RuntimeImage.ValueString()}
	}
	return out
}
