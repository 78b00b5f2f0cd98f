package provider_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// A manager that is down gives a clear error, and a rerun completes. The
// proxy plays the manager going down (connections refused) and coming back.
func TestAccManagerDown(t *testing.T) {
	e := newAccEnv(t)
	service := func(resourceName, memory string) string {
		return fmt.Sprintf(`
resource "oscar_service" %q {
  name   = %q
  image  = "ghcr.io/grycap/cowsay"
  script = "#!/bin/sh\necho hi\n"
  memory = %q
  input  = [{ storage_provider = "minio", path = "%[2]s/in" }]
}`, resourceName, e.name(resourceName), memory)
	}
	// Short retries keep the test fast; the default retry_timeout is 2m.
	const retries = "  retry_timeout = \"2s\"\n"
	before := e.config(retries, service("first", "256Mi"))
	after := e.config(retries, service("first", "512Mi"), service("second", "256Mi"))
	unreachable := regexp.MustCompile(`(?s)` + phrase(`Cannot read OSCAR service "`+e.name("first")+`"`) + `.*` +
		// A refresh reads through the shared list of services (GET /system/services), or alone.
		phrase("no answer from the OSCAR manager at "+e.proxy.URL+" to GET /system/services") + `(/` + e.name("first") + `)?:.*connection\s+refused.*` +
		phrase("Check that the manager is running and reachable, and that endpoint (OSCAR_ENDPOINT) is right.") + `.*` +
		phrase("gave up after") + `\s+\d+\s+attempts`)

	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: factories,
		CheckDestroy:             func(*terraform.State) error { return e.NoDebris(t, e.prefix) },
		Steps: []resource.TestStep{
			{Config: before},
			{
				PreConfig:   e.proxy.Down,
				Config:      after,
				ExpectError: unreachable,
			},
			{
				PreConfig: e.proxy.Up,
				Config:    after,
				Check: func(*terraform.State) error {
					first, _ := e.Service(t, e.name("first"))
					if _, ok := e.Service(t, e.name("second")); !ok || first["memory"] != "512Mi" {
						return fmt.Errorf("the rerun did not complete: second exists %v, first's memory %v", ok, first["memory"])
					}
					return nil
				},
			},
		},
	})
}

// phrase matches text as OpenTofu prints it in an error, where it may wrap lines at any space.
func phrase(text string) string {
	return strings.ReplaceAll(regexp.QuoteMeta(text), " ", `\s+`)
}
