package provider_test

import (
	"fmt"
	"net/http"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/oscar-cdktf/terraform-provider-oscar/internal/acctest"
)

// A realistic set of services: a synchronous service, an
// asynchronous one with MinIO input and output, an exposed one, one with secrets, one with a volume,
// and the two-service mask-detector workflow sharing a bucket declared once as an oscar_bucket.
func (e *accEnv) serviceSet() string {
	return fmt.Sprintf(`
resource "oscar_service" "sync" {
  name        = %[2]q
  image       = "ghcr.io/grycap/cowsay"
  script      = "#!/bin/sh\ncat \"$INPUT_FILE_PATH\" | /usr/games/cowsay\n"
  log_level   = "CRITICAL"
  synchronous = { min_scale = 1, max_scale = 3 }
}

resource "oscar_service" "async" {
  name        = %[3]q
  image       = "ghcr.io/grycap/imagemagick"
  script      = "#!/bin/sh\nconvert \"$INPUT_FILE_PATH\" -negate \"$TMP_OUTPUT_DIR/out.png\"\n"
  memory      = "512Mi"
  cpu         = "0.5"
  input       = [{ storage_provider = "minio", path = "%[3]s/in" }]
  output      = [{ storage_provider = "minio.default", path = "%[3]s/out", suffix = [".png"] }]
  labels      = { team = "vision" }
  annotations = { "example.org/owner" = "vision" }
}

resource "oscar_service" "exposed" {
  name   = %[4]q
  image  = "nginx"
  script = "#!/bin/sh\nnginx -g 'daemon off;'\n"
  expose = { api_port = [80], node_port = [0], min_scale = 1, max_scale = 2, set_auth = true }
}

resource "oscar_service" "secrets" {
  name   = %[5]q
  image  = "ghcr.io/grycap/cowsay"
  script = "#!/bin/sh\necho \"$MODE\"\n"
  environment = {
    variables = { MODE = "prod" }
    secrets   = { API_KEY = "s3cr3t-api-key" }
  }
}

resource "oscar_service" "volume" {
  name   = %[6]q
  image  = "ghcr.io/grycap/cowsay"
  script = "#!/bin/sh\nls /data\n"
  volume = { size = "1Gi", mount_path = "/data" }
}

resource "oscar_bucket" "mask" {
  name = %[7]q
}

resource "oscar_service" "anon" {
  name   = %[8]q
  image  = "grycap/blurry-faces"
  script = "#!/bin/sh\npython3 blur.py \"$INPUT_FILE_PATH\"\n"
  memory = "2Gi"
  cpu    = "1.0"
  input  = [{ storage_provider = "minio", path = "${oscar_bucket.mask.name}/input" }]
  output = [{ storage_provider = "minio", path = "${oscar_bucket.mask.name}/intermediate" }]
}

resource "oscar_service" "detector" {
  name   = %[9]q
  image  = "grycap/mask-detector-yolo:full"
  script = "#!/bin/sh\npython3 detect.py \"$INPUT_FILE_PATH\"\n"
  memory = "1Gi"
  cpu    = "1.0"
  input  = [{ storage_provider = "minio", path = "${oscar_bucket.mask.name}/intermediate" }]
  output = [{ storage_provider = "minio", path = "${oscar_bucket.mask.name}/result" }]
}
`, e.prefix, e.name("sync"), e.name("async"), e.name("exposed"), e.name("secrets"), e.name("volume"),
		e.name("mask"), e.name("anon"), e.name("detector"))
}

var setResources = []string{"sync", "async", "exposed", "secrets", "volume", "anon", "detector"}

func TestAccServiceSet(t *testing.T) {
	e := newAccEnv(t)
	config := e.config("", e.serviceSet())
	var services []string
	for _, r := range setResources {
		services = append(services, e.name(r))
	}
	deleted := []string{e.name("async"), e.name("secrets")}

	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: factories,
		CheckDestroy:             func(*terraform.State) error { return e.NoDebris(t, e.prefix) },
		Steps: []resource.TestStep{
			{
				// 1. The set is created: every service exists, with exactly one webhook target each.
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectKnownValue("oscar_service.secrets", tfjsonpath.New("environment").AtMapKey("secret_names"),
						knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("API_KEY")})),
					plancheck.ExpectKnownValue("oscar_service.sync", tfjsonpath.New("token"), knownvalue.Null()),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("oscar_service.sync", tfjsonpath.New("owner"), knownvalue.StringExact("cluster_admin")),
					// Secrets are write-only and the token is not kept (keep_token is off).
					statecheck.ExpectKnownValue("oscar_service.secrets", tfjsonpath.New("environment").AtMapKey("secrets"), knownvalue.Null()),
					statecheck.ExpectKnownValue("oscar_service.sync", tfjsonpath.New("token"), knownvalue.Null()),
					statecheck.ExpectKnownValue("oscar_service.exposed", tfjsonpath.New("expose").AtMapKey("node_port"),
						knownvalue.ListExact([]knownvalue.Check{knownvalue.Int64Exact(0)})),
				},
				Check: func(*terraform.State) error {
					for _, name := range services {
						if _, ok := e.Service(t, name); !ok {
							return fmt.Errorf("service %s does not exist", name)
						}
					}
					if targets := e.WebhookTargets(t); !sameSet(acctest.WithPrefix(targets, e.prefix), services) {
						return fmt.Errorf("MinIO webhook targets %v, want exactly %v", acctest.WithPrefix(targets, e.prefix), services)
					}
					exposed, _ := e.Service(t, e.name("exposed"))
					if ports := acctest.As[[]any](t, acctest.As[map[string]any](t, exposed["expose"])["nodePort"]); acctest.As[float64](t, ports[0]) == 0 {
						return fmt.Errorf("the manager kept node port 0; the test no longer covers an allocated port")
					}
					return nil
				},
			},
			{
				// 2. A second plan is empty and sends no write.
				PreConfig:        e.proxy.Reset,
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check: func(*terraform.State) error {
					if writes := e.proxy.Writes(); len(writes) > 0 {
						return fmt.Errorf("an empty plan sent writes: %v", writes)
					}
					return nil
				},
			},
			{
				// 3. Two services deleted with plain HTTP: the plan creates exactly those two, and the
				// others get no write request (only the refresh's reads).
				PreConfig: func() {
					for _, name := range deleted {
						e.DeleteService(t, name)
					}
					e.proxy.Reset()
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: append([]plancheck.PlanCheck{
					plancheck.ExpectResourceAction("oscar_service.async", plancheck.ResourceActionCreate),
					plancheck.ExpectResourceAction("oscar_service.secrets", plancheck.ResourceActionCreate),
					plancheck.ExpectResourceAction("oscar_bucket.mask", plancheck.ResourceActionNoop),
				}, noops("oscar_service.", "sync", "exposed", "volume", "anon", "detector")...)},
				Check: func(*terraform.State) error {
					about, others := e.writesAbout(deleted...)
					if len(others) > 0 {
						return fmt.Errorf("services that were not deleted got writes: %v", others)
					}
					if n := count(about, http.MethodPost); n != 2 || len(about) != 2 {
						return fmt.Errorf("want exactly 2 POSTs to restore the deleted services, got %v", about)
					}
					for _, name := range deleted {
						if _, ok := e.Service(t, name); !ok {
							return fmt.Errorf("service %s was not restored", name)
						}
					}
					return nil
				},
			},
		},
	})
}

func noops(prefix string, names ...string) []plancheck.PlanCheck {
	var checks []plancheck.PlanCheck
	for _, n := range names {
		checks = append(checks, plancheck.ExpectResourceAction(prefix+n, plancheck.ResourceActionNoop))
	}
	return checks
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}
