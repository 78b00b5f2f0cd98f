package provider_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// A service created outside Terraform is imported by name, and the
// first plan after the import shows no changes; neither the import nor that plan sends a write.
func TestAccServiceImport(t *testing.T) {
	e := newAccEnv(t)
	name := e.name("imp")
	config := e.config("", fmt.Sprintf(`
resource "oscar_service" "imp" {
  name      = %[1]q
  image     = "ghcr.io/grycap/cowsay"
  script    = "#!/bin/sh\necho imported\n"
  memory    = "300Mi"
  log_level = "DEBUG"
  input     = [{ storage_provider = "minio", path = "%[1]s/in" }]
  labels    = { stage = "import" }
  environment = { variables = { A = "1" } }
  expose    = { api_port = [8080], min_scale = 1, max_scale = 3 }
}
`, name))
	noWrites := func() error {
		if writes := e.proxy.Writes(); len(writes) > 0 {
			return fmt.Errorf("writes were sent: %v", writes)
		}
		return nil
	}

	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: factories,
		CheckDestroy:             func(*terraform.State) error { return e.NoDebris(t, e.prefix) },
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					// Created the way oscar-cli or the dashboard would, with the manager's defaults left out.
					status, body := e.Call(t, http.MethodPost, "/system/services", map[string]any{
						"name": name, "image": "ghcr.io/grycap/cowsay", "script": "#!/bin/sh\necho imported\n",
						"memory": "300Mi", "log_level": "DEBUG", "labels": map[string]string{"stage": "import"},
						"input":       []map[string]string{{"storage_provider": "minio", "path": name + "/in"}},
						"environment": map[string]any{"variables": map[string]string{"A": "1"}},
						"expose":      map[string]any{"api_port": []int{8080}, "min_scale": 1, "max_scale": 3, "cpu_threshold": 80},
					})
					if status != http.StatusCreated {
						t.Fatalf("creating %s outside Terraform: %d %s", name, status, body)
					}
					e.proxy.Reset()
				},
				Config:             config,
				ResourceName:       "oscar_service.imp",
				ImportState:        true,
				ImportStateId:      name,
				ImportStatePersist: true,
				ImportStateCheck:   func([]*terraform.InstanceState) error { return noWrites() },
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check:            func(*terraform.State) error { return noWrites() },
			},
		},
	})
}
