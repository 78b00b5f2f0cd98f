package provider_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Issue 10, "Done when" 6 (output): secret values and the token never appear in what OpenTofu prints.
// This runs the provider binary as users install it (dev_overrides) and reads OpenTofu's own text.
func TestAccCLIOutputHidesSecrets(t *testing.T) {
	e := newAccEnv(t)
	tofu := os.Getenv("TF_ACC_TERRAFORM_PATH")
	dir := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(dir, "terraform-provider-oscar"), "../..")
	build.Env = append(os.Environ(), "GOTOOLCHAIN=local", "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the provider: %v\n%s", err, out)
	}
	cliConfig := filepath.Join(dir, "tofurc")
	writeFile(t, cliConfig, fmt.Sprintf("provider_installation {\n  dev_overrides {\n    \"oscar-cdktf/oscar\" = %q\n  }\n  direct {}\n}\n", dir))

	const secret, changedSecret = "v3ry-s3cr3t-value", "an0ther-s3cr3t"
	name := e.name("cli")
	write := func(value string) {
		writeFile(t, filepath.Join(dir, "main.tf"), e.config("", fmt.Sprintf(`
resource "oscar_service" "cli" {
  name        = %q
  image       = "ghcr.io/grycap/cowsay"
  script      = "#!/bin/sh\necho hi\n"
  environment = { secrets = { API_KEY = %q } }
}
`, name, value)))
	}
	run := func(args ...string) string {
		cmd := exec.Command(tofu, append(args, "-no-color")...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+cliConfig, "TF_IN_AUTOMATION=1")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("tofu %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	t.Cleanup(func() { run("destroy", "-auto-approve") })

	write(secret)
	printed := run("plan") + run("apply", "-auto-approve")
	svc, ok := e.Service(t, name)
	if !ok {
		t.Fatal("apply did not create the service")
	}
	token := svc["token"].(string)
	write(changedSecret)
	update := run("plan")
	printed += update + run("apply", "-auto-approve") + run("show") + run("state", "show", "oscar_service.cli")

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
