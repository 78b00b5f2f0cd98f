package provider_test

import (
	"fmt"
	"net/http"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// oscar_volume on the real manager: created, unchanged by another spelling of its size, made again
// after it is deleted behind Terraform's back, replaced for another size, imported by name, and gone
// after destroy.
func TestAccVolumeConvergesHealsImports(t *testing.T) {
	e := newAccEnv(t)
	name := e.name("vol")
	config := func(size string) string {
		return e.config("", fmt.Sprintf(`
resource "oscar_volume" "v" {
  name = %q
  size = %q
}
`, name, size))
	}
	exists := func(want bool) func(*terraform.State) error {
		return func(*terraform.State) error {
			status, body := e.Call(t, http.MethodGet, "/system/volumes/"+name, nil)
			if got := status == http.StatusOK; got != want {
				return fmt.Errorf("GET /system/volumes/%s answered %d (%s); want the volume to exist: %v", name, status, body, want)
			}
			return nil
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: factories,
		CheckDestroy:             exists(false),
		Steps: []resource.TestStep{
			{
				Config: config("1Gi"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("oscar_volume.v", tfjsonpath.New("pvc_name"), knownvalue.StringExact(name)),
					statecheck.ExpectKnownValue("oscar_volume.v", tfjsonpath.New("namespace"), knownvalue.NotNull()),
				},
				Check: exists(true),
			},
			{
				Config:           config("1024Mi"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				PreConfig: func() {
					if status, body := e.Call(t, http.MethodDelete, "/system/volumes/"+name, nil); status != http.StatusNoContent {
						t.Fatalf("deleting the volume behind Terraform's back: %d %s", status, body)
					}
				},
				Config: config("1Gi"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("oscar_volume.v", plancheck.ResourceActionCreate),
				}},
				Check: exists(true),
			},
			{
				Config: config("2Gi"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("oscar_volume.v", plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("oscar_volume.v", tfjsonpath.New("size"), knownvalue.StringExact("2Gi")),
				},
			},
			{
				ResourceName:                         "oscar_volume.v",
				ImportState:                          true,
				ImportStateId:                        name,
				ImportStateVerify:                    true,
				ImportStateVerifyIdentifierAttribute: "name",
			},
		},
	})
}

// A volume that already exists is refused with the way out (import it), and nothing is stored.
func TestAccVolumeNameTaken(t *testing.T) {
	e := newAccEnv(t)
	name := e.name("taken")
	if status, body := e.Call(t, http.MethodPost, "/system/volumes", map[string]string{"name": name, "size": "1Gi"}); status != http.StatusCreated {
		t.Fatalf("creating the volume first: %d %s", status, body)
	}
	t.Cleanup(func() { e.Call(t, http.MethodDelete, "/system/volumes/"+name, nil) })
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: factories,
		Steps: []resource.TestStep{{
			Config:      e.config("", fmt.Sprintf("resource \"oscar_volume\" \"v\" {\n  name = %q\n  size = \"1Gi\"\n}\n", name)),
			ExpectError: regexp.MustCompile(`already\s+exists\s+in\s+this\s+namespace\s+\(or\s+is\s+still\s+being\s+deleted\):\s+import\s+it`),
		}},
	})
}
