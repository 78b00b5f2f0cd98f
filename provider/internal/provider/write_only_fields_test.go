package provider

import (
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// eachWriteOnly (typed models) and the state upgrader (raw JSON) must know the same credentials: the
// ones the FDL model marks secret, which contract_gen.go lists.
func TestEachWriteOnlyVisitsTheContractsCredentials(t *testing.T) {
	m := serviceModel{
		StorageProviders: &storageProvidersModel{
			MinIO: map[string]minioProviderModel{"p": {}}, S3: map[string]s3ProviderModel{"p": {}}, Onedata: map[string]onedataProviderModel{"p": {}},
			WebDAV: map[string]webdavProviderModel{"p": {}}, Rucio: map[string]rucioProviderModel{"p": {}},
		},
		Clusters: map[string]clusterModel{"c": {}},
	}
	var visited []string
	eachWriteOnly(&m, func(address string, _ *types.String) { visited = append(visited, address) })

	var want []string
	for kind, fields := range storageCredentialFields {
		for _, f := range fields {
			want = append(want, strings.Join([]string{"storage_providers", kind, "p", f}, "."))
		}
	}
	for _, f := range clusterCredentialFields {
		want = append(want, "clusters.c."+f)
	}
	slices.Sort(visited)
	slices.Sort(want)
	if !slices.Equal(visited, want) {
		t.Errorf("eachWriteOnly visits %v, the contract's credentials are %v", visited, want)
	}
}
