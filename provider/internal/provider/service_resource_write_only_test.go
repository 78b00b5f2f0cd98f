package provider_test

import (
	"archive/zip"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/oscar-cdktf/terraform-provider-oscar/internal/acctest"
)

// Secret values, storage credentials and cluster passwords are write-only, under the CLI
// the suite runs (provider/test.sh runs it under OpenTofu, then Terraform), which runs the provider
// binary as users install it. Neither the state files,
// `show -json`, the plan files nor any output hold a value or the service token; a rotated value
// updates the service in place and reaches the manager's Secret (read from the kube-apiserver); adding
// and removing a key update in place; an imported service plans one update, then nothing.
func TestAccSecretsAreWriteOnly(t *testing.T) {
	e := newAccEnv(t)
	binary := os.Getenv("TF_ACC_TERRAFORM_PATH")
	testWriteOnly(t, e, newCLI(t, binary, buildProvider(t)), e.name("wo-"+filepath.Base(binary)))
}

func testWriteOnly(t *testing.T, e *accEnv, cli *cliRunner, name string) {
	const s3Secret, clusterPassword = "s3-s3cr3t-AKIAEXAMPLE", "cluster-p4ssw0rd"
	secrets := []string{"first-s3cr3t-value", "rotated-s3cr3t-value", "added-s3cr3t-value", s3Secret, clusterPassword}
	// As a CI job gives them: ephemeral variables (never in a plan file), set from the environment.
	variables := `
variable "api_key" {
  type      = string
  sensitive = true
  ephemeral = true
}
variable "added" {
  type      = string
  sensitive = true
  ephemeral = true
  default   = null
}
variable "s3_secret" {
  type      = string
  sensitive = true
  ephemeral = true
}
variable "cluster_password" {
  type      = string
  sensitive = true
  ephemeral = true
}
`
	write := func(c *cliRunner, withAdded bool) {
		env := "API_KEY = var.api_key"
		if withAdded {
			env += ", ADDED = var.added"
		}
		writeFile(t, filepath.Join(c.dir, "main.tf"), e.config("", variables, fmt.Sprintf(`
resource "oscar_service" "wo" {
  name        = %q
  image       = "ghcr.io/grycap/cowsay"
  script      = "#!/bin/sh\necho hi\n"
  environment = { secrets = { %s } }
  storage_providers = { s3 = { backup = { access_key = "AKIAEXAMPLE", secret_key = var.s3_secret, region = "eu-west-1" } } }
  clusters = { other = { endpoint = "https://other.example.org", auth_user = "oscar", auth_password = var.cluster_password } }
}
`, name, env)))
		c.setenv("TF_VAR_s3_secret", s3Secret)
		c.setenv("TF_VAR_cluster_password", clusterPassword)
	}
	secretData := func() map[string]string {
		data, ok := e.SecretData(t, "oscar-svc", name)
		if !ok {
			t.Fatalf("the manager made no Secret %s", name)
		}
		return data
	}
	expectChange := func(what string) {
		t.Helper()
		cli.expectOneUpdateThenNothing(what)
		cli.scan(secrets, "tfplan")
	}
	t.Cleanup(func() { cli.run("destroy", "-auto-approve") })

	write(cli, false)
	cli.setenv("TF_VAR_api_key", secrets[0])
	cli.run("plan", "-out=tfplan")
	cli.scan(secrets, "tfplan")
	cli.run("apply", "tfplan")
	svc, ok := e.Service(t, name)
	if !ok {
		t.Fatal("apply did not create the service")
	}
	secrets = append(secrets, acctest.As[string](t, svc["token"]))
	if got := secretData()["API_KEY"]; got != secrets[0] {
		t.Errorf("the manager's Secret holds %q, want the configured value", got)
	}
	state := cli.run("show", "-json")
	if !regexp.MustCompile(`"write_only_digest":"\$argon2id\$v=19\$m=19456,t=2,p=1\$[^"$]+\$[^"$]+"`).MatchString(state) ||
		!strings.Contains(state, `"secret_names":["API_KEY"]`) || !strings.Contains(state, `"token":null`) {
		t.Errorf("the state does not hold the digest, the secret names and no token:\n%s", state)
	}
	cli.scan(secrets)

	cli.setenv("TF_VAR_api_key", secrets[1])
	expectChange("a rotated secret")
	if got := secretData()["API_KEY"]; got != secrets[1] {
		t.Errorf("after the rotation the manager's Secret holds %q, want the new value", got)
	}
	write(cli, true)
	cli.setenv("TF_VAR_added", secrets[2])
	expectChange("an added secret")
	if data := secretData(); data["ADDED"] != secrets[2] || data["API_KEY"] != secrets[1] {
		t.Errorf("after adding a key the manager's Secret holds keys %v", slices.Sorted(mapKeys(data)))
	}
	write(cli, false)
	expectChange("a removed secret")
	if _, added := secretData()["ADDED"]; added {
		t.Error("the removed key is still in the manager's Secret")
	}

	imported := newCLI(t, cli.binary, cli.providerDir)
	write(imported, false)
	imported.setenv("TF_VAR_api_key", secrets[1])
	imported.run("import", "oscar_service.wo", name)
	imported.expectOneUpdateThenNothing("an imported service with secrets (its secrets are sent once)")
	imported.run("state", "rm", "oscar_service.wo") // the first folder destroys it
	imported.scan(secrets)
	cli.scan(secrets)
}

// With write_only_digest_key the digest is a keyed HMAC, which a plan checks without an argon2id hash;
// neither the key nor a secret is in the state or the output. A run without the key, or with another,
// cannot check it: it warns and sends the secret again (one update, whose new digest is that run's
// kind), and a run with a key still checks the argon2id digests already in a state.
func TestAccWriteOnlyDigestKey(t *testing.T) {
	e := newAccEnv(t)
	cli := newCLI(t, os.Getenv("TF_ACC_TERRAFORM_PATH"), buildProvider(t))
	const secret, key, otherKey = "digest-s3cr3t-value", "first-digest-key-0123456789abcdef", "other-digest-key-0123456789abcdef"
	name := e.name("wo-key")
	writeFile(t, filepath.Join(cli.dir, "main.tf"), e.config("", `
variable "api_key" {
  type      = string
  sensitive = true
  ephemeral = true
}
`, fmt.Sprintf(`
resource "oscar_service" "wo" {
  name        = %q
  image       = "ghcr.io/grycap/cowsay"
  script      = "#!/bin/sh\necho hi\n"
  environment = { secrets = { API_KEY = var.api_key } }
}
`, name)))
	cli.setenv("TF_VAR_api_key", secret)
	t.Cleanup(func() { cli.run("destroy", "-auto-approve") })
	digest := func() string {
		t.Helper()
		m := regexp.MustCompile(`"write_only_digest":"([^"]*)"`).FindStringSubmatch(cli.run("show", "-json"))
		if m == nil {
			t.Fatal("the state holds no write_only_digest")
		}
		return m[1]
	}
	keyed := regexp.MustCompile(`^\$hmac-sha256\$k=[0-9a-f]{12}\$[^$]+\$[^$]+$`)

	cli.setenv("OSCAR_WRITE_ONLY_DIGEST_KEY", key)
	cli.run("apply", "-auto-approve")
	first := digest()
	if !keyed.MatchString(first) {
		t.Fatalf("with a key the digest is %q, want a keyed HMAC", first)
	}
	if plan := cli.run("plan"); !strings.Contains(plan, "No changes.") {
		t.Fatalf("the plan after the apply is not empty:\n%s", plan)
	}
	cli.setenv("TF_VAR_api_key", "rotated-"+secret)
	cli.expectOneUpdateThenNothing("a rotated secret under a key")

	cli.setenv("OSCAR_WRITE_ONLY_DIGEST_KEY", otherKey)
	// The CLI wraps warnings: compare the words.
	words := func(text string) string { return strings.Join(strings.Fields(text), " ") }
	if plan := words(cli.run("plan")); !strings.Contains(plan, "another write_only_digest_key") || !strings.Contains(plan, "1 to change") {
		t.Errorf("a run with another key: want a warning and one update:\n%s", plan)
	}
	cli.setenv("OSCAR_WRITE_ONLY_DIGEST_KEY", "")
	if plan := words(cli.run("plan")); !strings.Contains(plan, "this run has none") || !strings.Contains(plan, "1 to change") {
		t.Errorf("a run without the key: want a warning and one update:\n%s", plan)
	}
	cli.expectOneUpdateThenNothing("the secret sent again without a key")
	if d := digest(); !strings.HasPrefix(d, "$argon2id$") {
		t.Errorf("after an apply without a key the digest is %q, want argon2id", d)
	}
	cli.setenv("OSCAR_WRITE_ONLY_DIGEST_KEY", key)
	if plan := cli.run("plan"); !strings.Contains(plan, "No changes.") {
		t.Errorf("a run with a key does not check the argon2id digest in the state:\n%s", plan)
	}
	cli.scan([]string{secret, "rotated-" + secret, key, otherKey})
}

func mapKeys(m map[string]string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// cli runs OpenTofu or Terraform in a folder of its own with the provider binary under dev_overrides,
// and keeps everything it printed.
type cliRunner struct {
	t                        *testing.T
	binary, dir, providerDir string
	env                      []string
	printed                  strings.Builder
}

func newCLI(t *testing.T, binary, providerDir string) *cliRunner {
	dir := t.TempDir()
	config := filepath.Join(dir, "cli.tfrc")
	writeFile(t, config, fmt.Sprintf("provider_installation {\n  dev_overrides {\n    \"oscar-cdktf/oscar\" = %q\n  }\n  direct {}\n}\n", providerDir))
	return &cliRunner{t: t, binary: binary, dir: dir, providerDir: providerDir,
		env: append(os.Environ(), "TF_CLI_CONFIG_FILE="+config, "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1")}
}

// setenv sets an environment variable of the next runs (a TF_VAR_ value, for example).
func (c *cliRunner) setenv(key, value string) {
	c.env = append(slices.DeleteFunc(c.env, func(kv string) bool { return strings.HasPrefix(kv, key+"=") }), key+"="+value)
}

func (c *cliRunner) run(args ...string) string {
	c.t.Helper()
	if args[0] != "state" {
		args = append([]string{args[0], "-no-color"}, args[1:]...)
	}
	cmd := exec.Command(c.binary, args...)
	cmd.Dir = c.dir
	cmd.Env = c.env
	out, err := cmd.CombinedOutput()
	c.printed.Write(out)
	if err != nil {
		c.t.Fatalf("%s %s: %v\n%s", filepath.Base(c.binary), strings.Join(args, " "), err, out)
	}
	return string(out)
}

// scan fails the test when a value appears in the folder's state files, the given plan files (each
// entry of the archive, decompressed, and `show -json` of it), `show -json` of the state, or
// anything printed so far.
func (c *cliRunner) scan(values []string, plans ...string) {
	c.t.Helper()
	texts := map[string]string{"the output": c.printed.String()}
	for _, f := range []string{"terraform.tfstate", "terraform.tfstate.backup"} {
		if raw, err := os.ReadFile(filepath.Join(c.dir, f)); err == nil {
			texts[f] = string(raw)
		}
	}
	for _, plan := range plans {
		archive, err := zip.OpenReader(filepath.Join(c.dir, plan))
		if err != nil {
			c.t.Fatalf("opening plan file %s: %v", plan, err)
		}
		for _, f := range archive.File {
			r, _ := f.Open()
			raw, _ := io.ReadAll(r)
			r.Close()
			texts[plan+"/"+f.Name] = string(raw)
		}
		archive.Close()
		texts["show -json "+plan] = c.run("show", "-json", plan)
	}
	if _, err := os.Stat(filepath.Join(c.dir, "terraform.tfstate")); err == nil {
		texts["show -json"] = c.run("show", "-json")
	}
	for where, text := range texts {
		for _, v := range values {
			if strings.Contains(text, v) {
				c.t.Errorf("%s holds a secret value (%d characters)", where, len(v))
			}
		}
	}
}

// buildProvider builds the provider binary as users install it; returns its folder.
func buildProvider(t *testing.T) string {
	dir := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(dir, "terraform-provider-oscar"), "../..")
	build.Env = append(os.Environ(), "GOTOOLCHAIN=local", "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the provider: %v\n%s", err, out)
	}
	return dir
}

// beforeWriteOnly is the last commit whose provider stored secrets in the state (schema version 0).
const beforeWriteOnly = "0b1d43c8ba4f27f820b56fa31b6ab5ce3587ff5e"

// A state written by the provider before secrets became write-only. The
// new provider upgrades it (the values are dropped when the state is next written), plans one
// update in place that sends the secrets again, and after that apply the state holds no value and
// the plan is empty.
func TestAccStateUpgradeDropsSecrets(t *testing.T) {
	e := newAccEnv(t)
	old := buildProviderAt(t, beforeWriteOnly)
	current := buildProvider(t)
	const secret = "upgrade-s3cr3t-value"
	name := e.name("upgrade")
	tofu := newCLI(t, os.Getenv("TF_ACC_TERRAFORM_PATH"), old)
	writeFile(t, filepath.Join(tofu.dir, "main.tf"), e.config("", fmt.Sprintf(`
resource "oscar_service" "up" {
  name        = %q
  image       = "ghcr.io/grycap/cowsay"
  script      = "#!/bin/sh\necho hi\n"
  environment = { secrets = { API_KEY = %q } }
}
`, name, secret)))
	t.Cleanup(func() { tofu.run("destroy", "-auto-approve") })
	tofu.run("apply", "-auto-approve")
	if raw, _ := os.ReadFile(filepath.Join(tofu.dir, "terraform.tfstate")); !strings.Contains(string(raw), secret) {
		t.Fatal("the old provider's state does not hold the secret: this test no longer starts from an old state")
	}

	tofu.useProvider(current)
	tofu.expectOneUpdateThenNothing("the first plan after the upgrade (the secrets are sent again)")
	if raw, _ := os.ReadFile(filepath.Join(tofu.dir, "terraform.tfstate")); strings.Contains(string(raw), secret) {
		t.Error("the state still holds the secret after the upgrade's apply")
	}
	if data, _ := e.SecretData(t, "oscar-svc", name); data["API_KEY"] != secret {
		t.Errorf("the manager's Secret holds %q after the upgrade", data["API_KEY"])
	}
}

// expectOneUpdateThenNothing plans (into tfplan), expects exactly one update in place, applies that
// plan and expects the next plan to be empty.
func (c *cliRunner) expectOneUpdateThenNothing(what string) {
	c.t.Helper()
	if plan := c.run("plan", "-out=tfplan"); !strings.Contains(plan, "0 to add, 1 to change, 0 to destroy") || !strings.Contains(plan, "update in-place") {
		c.t.Fatalf("%s: want one update in place:\n%s", what, plan)
	}
	c.run("apply", "tfplan")
	if plan := c.run("plan"); !strings.Contains(plan, "No changes.") {
		c.t.Fatalf("%s: the plan after the apply is not empty:\n%s", what, plan)
	}
}

// useProvider points the next runs at another provider binary folder.
func (c *cliRunner) useProvider(dir string) {
	config := filepath.Join(c.dir, "cli.tfrc")
	writeFile(c.t, config, fmt.Sprintf("provider_installation {\n  dev_overrides {\n    \"oscar-cdktf/oscar\" = %q\n  }\n  direct {}\n}\n", dir))
	c.providerDir = dir
}

// buildProviderAt builds the provider of an earlier commit of this repository.
func buildProviderAt(t *testing.T, commit string) string {
	if err := exec.Command("git", "-C", "../../..", "cat-file", "-e", commit+"^{commit}").Run(); err != nil {
		t.Skipf("commit %s is not in this clone (a shallow clone?): the earlier provider cannot be built", commit)
	}
	src := t.TempDir()
	archive := exec.Command("sh", "-c", fmt.Sprintf("git -C ../../.. archive %s provider | tar -x -C %q", commit, src))
	if out, err := archive.CombinedOutput(); err != nil {
		t.Fatalf("extracting the provider of %s: %v\n%s", commit, err, out)
	}
	dir := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(dir, "terraform-provider-oscar"), ".")
	build.Dir = filepath.Join(src, "provider")
	build.Env = append(os.Environ(), "GOTOOLCHAIN=local", "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the provider of %s: %v\n%s", commit, err, out)
	}
	return dir
}
