package provider_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/oscar-cdktf/terraform-provider-oscar/internal/acctest"
)

// updatable is a service whose memory, variable, min_scale and outputs the steps change.
func (e *accEnv) updatable(memory, variable string, minScale int, extraOutput, volume bool) string {
	outputs := fmt.Sprintf(`{ storage_provider = "minio", path = "%s/out" }`, e.name("upd"))
	if extraOutput {
		outputs += fmt.Sprintf(`, { storage_provider = "minio", path = "%s/copies" }`, e.name("extra"))
	}
	vol := ""
	if volume {
		vol = `volume = { size = "1Gi", mount_path = "/models" }`
	}
	return e.config("", fmt.Sprintf(`
resource "oscar_service" "upd" {
  name        = %[1]q
  image       = "ghcr.io/grycap/cowsay"
  script      = "#!/bin/sh\necho \"$GREETING\"\n"
  memory      = %[2]q
  environment = { variables = { GREETING = %[3]q } }
  synchronous = { min_scale = %[4]d }
  input       = [{ storage_provider = "minio", path = "%[1]s/in" }]
  output      = [%[5]s]
  %[6]s
}
`, e.name("upd"), memory, variable, minScale, outputs, vol))
}

// In-place update of memory, an environment variable and min_scale;
// replacement where required; an out-of-band change shown and reverted; update then destroy leaves
// no service, bucket or webhook.
func TestAccServiceUpdate(t *testing.T) {
	e := newAccEnv(t)
	name := e.name("upd")
	var token string
	field := func(key string) any {
		svc, ok := e.Service(t, name)
		if !ok {
			t.Fatalf("service %s does not exist", name)
		}
		return svc[key]
	}
	greeting := func() any {
		return acctest.As[map[string]any](t, acctest.As[map[string]any](t, field("environment"))["variables"])["GREETING"]
	}
	minScale := func() any { return acctest.As[map[string]any](t, field("synchronous"))["min_scale"] }

	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: factories,
		CheckDestroy:             func(*terraform.State) error { return e.NoDebris(t, e.prefix) },
		Steps: []resource.TestStep{
			{
				Config: e.updatable("256Mi", "hello", 0, false, false),
				Check: func(*terraform.State) error {
					token = acctest.As[string](t, field("token"))
					return nil
				},
			},
			{
				// In place: memory, a variable, min_scale, and an output in a new bucket (which the
				// manager answers with 500 although it stores the update).
				PreConfig: e.proxy.Reset,
				Config:    e.updatable("512Mi", "bonjour", 1, true, false),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("oscar_service.upd", plancheck.ResourceActionUpdate),
				}},
				Check: func(*terraform.State) error {
					if got := []any{field("memory"), greeting(), minScale()}; fmt.Sprint(got) != fmt.Sprint([]any{"512Mi", "bonjour", 1.0}) {
						return fmt.Errorf("after the update the manager has memory, GREETING, min_scale = %v", got)
					}
					if owner := field("owner"); owner != "cluster_admin" {
						return fmt.Errorf("the update cleared the owner (%q): the service would not be deletable", owner)
					}
					if field("token") != token {
						return fmt.Errorf("the token changed on an in-place update")
					}
					if writes := e.proxy.Writes(); count(writes, http.MethodPut) != 1 || len(writes) != 1 {
						return fmt.Errorf("want one PUT, got %v", writes)
					}
					if buckets := acctest.WithPrefix(e.Buckets(t), e.name("extra")); len(buckets) != 1 {
						return fmt.Errorf("the new output bucket was not created: %v", buckets)
					}
					return nil
				},
			},
			{
				// Changed behind Terraform's back: the plan shows it and apply reverts it.
				PreConfig: func() {
					e.ChangeService(t, name, func(svc map[string]any) {
						svc["memory"] = "1Gi"
						acctest.As[map[string]any](t, svc["environment"])["variables"] = map[string]any{"GREETING": "tampered"}
					})
				},
				Config: e.updatable("512Mi", "bonjour", 1, true, false),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("oscar_service.upd", plancheck.ResourceActionUpdate),
				}},
				Check: func(*terraform.State) error {
					if field("memory") != "512Mi" || greeting() != "bonjour" {
						return fmt.Errorf("apply did not revert the out-of-band change: memory %v, GREETING %v", field("memory"), greeting())
					}
					return nil
				},
			},
			{
				// A volume cannot be added in place: the service is replaced (new token), and its
				// buckets and webhook target exist once.
				Config: e.updatable("512Mi", "bonjour", 1, true, true),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("oscar_service.upd", plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: func(*terraform.State) error {
					if field("token") == token {
						return fmt.Errorf("the token did not change: the service was not replaced")
					}
					if volume := field("volume"); volume == nil {
						return fmt.Errorf("the new service has no volume")
					}
					if targets := acctest.WithPrefix(e.WebhookTargets(t), e.prefix); fmt.Sprint(targets) != fmt.Sprint([]string{name}) {
						return fmt.Errorf("MinIO webhook targets %v, want [%s]", targets, name)
					}
					return nil
				},
			},
		},
	})
}
