package provider_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/oscar-cdktf/terraform-provider-oscar/internal/acctest"
)

// Eight services applied with OpenTofu's default parallelism (10), which
// terraform-plugin-testing keeps. Every create restarts MinIO; unserialized, overlapping creates
// failed or left notify_webhook entries. Each input's webhook must work (an upload becomes a job),
// and destroy must leave no webhook target.
func TestAccParallelEight(t *testing.T) {
	e := newAccEnv(t)
	var names []string
	var blocks []string
	for i := 1; i <= 8; i++ {
		name := e.name(fmt.Sprintf("p%d", i))
		names = append(names, name)
		blocks = append(blocks, fmt.Sprintf(`
resource "oscar_service" "p%d" {
  name   = %[2]q
  image  = "ghcr.io/grycap/cowsay"
  script = "#!/bin/sh\ncat \"$INPUT_FILE_PATH\"\n"
  input  = [{ storage_provider = "minio", path = "%[2]s/in" }]
  output = [{ storage_provider = "minio", path = "%[2]s/out" }]
}`, i, name))
	}

	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: factories,
		CheckDestroy:             func(*terraform.State) error { return e.NoDebris(t, e.prefix) },
		Steps: []resource.TestStep{{
			Config: e.config("", blocks...),
			Check: func(*terraform.State) error {
				if targets := acctest.WithPrefix(e.WebhookTargets(t), e.prefix); !sameSet(targets, names) {
					return fmt.Errorf("MinIO webhook targets %v, want exactly %v", targets, names)
				}
				for _, name := range names {
					e.Upload(t, name, "in/picture.txt", "hello "+name)
				}
				var silent []string
				for _, name := range names {
					if !acctest.Eventually(30*time.Second, func() bool { return e.JobCount(t, name) > 0 }) {
						silent = append(silent, name)
					}
				}
				if len(silent) > 0 {
					return fmt.Errorf("an upload to the input of %s started no job", strings.Join(silent, ", "))
				}
				return nil
			},
		}},
	})
}
