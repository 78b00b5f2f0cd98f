package provider_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/oscar-cdktf/terraform-provider-oscar/internal/acctest"
)

// Secret values and the token never appear in what OpenTofu prints.
// This runs the provider binary as users install it (dev_overrides) and reads OpenTofu's own text.
func TestAccCLIOutputHidesSecrets(t *testing.T) {
	e := newAccEnv(t)
	tofu := newCLI(t, os.Getenv("TF_ACC_TERRAFORM_PATH"), buildProvider(t))
	const secret, changedSecret = "v3ry-s3cr3t-value", "an0ther-s3cr3t"
	name := e.name("cli")
	write := func(value string) {
		writeFile(t, filepath.Join(tofu.dir, "main.tf"), e.config("", fmt.Sprintf(`
resource "oscar_service" "cli" {
  name        = %q
  image       = "ghcr.io/grycap/cowsay"
  script      = "#!/bin/sh\necho hi\n"
  environment = { secrets = { API_KEY = %q } }
}
`, name, value)))
	}
	t.Cleanup(func() { tofu.run("destroy", "-auto-approve") })

	write(secret)
	printed := tofu.run("plan") + tofu.run("apply", "-auto-approve")
	svc, ok := e.Service(t, name)
	if !ok {
		t.Fatal("apply did not create the service")
	}
	token := acctest.As[string](t, svc["token"])
	write(changedSecret)
	update := tofu.run("plan")
	printed += update + tofu.run("apply", "-auto-approve") + tofu.run("show") + tofu.run("state", "show", "oscar_service.cli")

	for what, value := range map[string]string{"the secret": secret, "the changed secret": changedSecret, "the token": token} {
		if strings.Contains(printed, value) {
			t.Errorf("OpenTofu printed %s", what)
		}
	}
	if !regexp.MustCompile(`~ write_only_digest\s+= \(sensitive value\)|~ write_only_digest\s+= "\$argon2id`).MatchString(update) {
		t.Errorf("the plan of a changed secret does not show the digest changing:\n%s", update)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}
