package provider_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// oscar_cluster_info reads what the real manager reports about itself and its cluster, and keeps no
// MinIO credential (the manager's /system/config returns them).
func TestAccClusterInfoReportsTheManager(t *testing.T) {
	e := newAccEnv(t)
	at := func(attribute string) tfjsonpath.Path { return tfjsonpath.New(attribute) }
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: factories,
		Steps: []resource.TestStep{{
			Config: e.config("", `data "oscar_cluster_info" "this" {}`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.oscar_cluster_info.this", at("version"), knownvalue.StringExact("v4.1.2")),
				statecheck.ExpectKnownValue("data.oscar_cluster_info.this", at("serverless_backend"), knownvalue.StringExact("knative")),
				statecheck.ExpectKnownValue("data.oscar_cluster_info.this", at("services_namespace"), knownvalue.StringExact("oscar-svc")),
				statecheck.ExpectKnownValue("data.oscar_cluster_info.this", at("minio_endpoint"), knownvalue.StringRegexp(regexp.MustCompile(`^https?://`))),
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckNoResourceAttr("data.oscar_cluster_info.this", "minio_access_key"),
				resource.TestCheckNoResourceAttr("data.oscar_cluster_info.this", "minio_secret_key"),
			),
		}},
	})
}
