// Package acctest is what the acceptance tests need around the real control plane started by
// `oscar-cdktf sandbox start` (etcd, kube-apiserver, MinIO and the OSCAR manager v4.1.2): its
// settings, OpenTofu as the Terraform CLI, a counting proxy in front of the manager, and plain HTTP,
// MinIO-admin and S3 access to act and look behind Terraform's back. Only tests import it.
package acctest

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// Sandbox holds the settings `oscar-cdktf sandbox start` exports.
type Sandbox struct {
	Endpoint, Username, Password                  string
	MinIOEndpoint, MinIOAccessKey, MinIOSecretKey string
	// Dir holds the sandbox's logs (the manager's is logs/oscar-manager.log).
	Dir string
	// Kubeconfig is the admin's kubeconfig of the sandbox's kube-apiserver.
	Kubeconfig string
}

// Load returns the running sandbox, skipping the test unless TF_ACC is set. It also points
// terraform-plugin-testing at OpenTofu (see useOpenTofu).
func Load(t *testing.T) *Sandbox {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: set TF_ACC=1 and start the sandbox (provider/test.sh does both)")
	}
	s := &Sandbox{
		Endpoint:       os.Getenv("OSCAR_ENDPOINT"),
		Username:       os.Getenv("OSCAR_USERNAME"),
		Password:       os.Getenv("OSCAR_PASSWORD"),
		MinIOEndpoint:  os.Getenv("MINIO_ENDPOINT"),
		MinIOAccessKey: os.Getenv("MINIO_ACCESS_KEY"),
		MinIOSecretKey: os.Getenv("MINIO_SECRET_KEY"),
		Dir:            os.Getenv("OSCAR_SANDBOX_DIR"),
		Kubeconfig:     os.Getenv("KUBECONFIG"),
	}
	if s.Endpoint == "" || s.Username == "" || s.Password == "" || s.MinIOEndpoint == "" {
		t.Fatal(`the sandbox settings are not in the environment: run provider/test.sh, or from the repository root: ` +
			`npm run build && eval "$(node bin/oscar-cdktf.js sandbox start)"`)
	}
	useCLI(t)
	return s
}

// useCLI makes terraform-plugin-testing drive the CLI TF_ACC_TERRAFORM_PATH names (provider/test.sh
// runs the suite under OpenTofu, then under Terraform), by default the OpenTofu the project's testenv
// builds, with provider addresses under that CLI's registry host, where `source = "oscar-cdktf/oscar"`
// resolves, so the in-process provider is the one used.
func useCLI(t *testing.T) {
	t.Helper()
	if os.Getenv("TF_ACC_TERRAFORM_PATH") == "" {
		tofu := testenvTofu()
		if _, err := os.Stat(tofu); err != nil {
			t.Fatalf("OpenTofu is not built (looked for %s): run `bash testenv/build.sh tofu` from the repository root, or set TF_ACC_TERRAFORM_PATH", tofu)
		}
		t.Setenv("TF_ACC_TERRAFORM_PATH", tofu)
	}
	// A CLI configuration that names a missing file makes OpenTofu print a warning before its version,
	// which terraform-exec then fails to parse; the tests need no CLI configuration.
	if cfg := os.Getenv("TF_CLI_CONFIG_FILE"); cfg != "" {
		if _, err := os.Stat(cfg); err != nil {
			t.Setenv("TF_CLI_CONFIG_FILE", os.DevNull)
		}
	}
	if os.Getenv("TF_ACC_PROVIDER_HOST") == "" {
		host := "registry.opentofu.org"
		if IsTerraform() {
			host = "registry.terraform.io"
		}
		t.Setenv("TF_ACC_PROVIDER_HOST", host)
	}
	if os.Getenv("TF_ACC_PROVIDER_NAMESPACE") == "" {
		t.Setenv("TF_ACC_PROVIDER_NAMESPACE", "oscar-cdktf")
	}
}

// IsTerraform tells whether the suite runs under HashiCorp Terraform rather than OpenTofu.
func IsTerraform() bool {
	return filepath.Base(os.Getenv("TF_ACC_TERRAFORM_PATH")) == "terraform"
}

// testenvTofu is where testenv/build.sh puts OpenTofu, at the version testenv/versions.env pins.
func testenvTofu() string {
	cache := os.Getenv("OSCAR_CDKTF_CACHE")
	if cache == "" {
		home, _ := os.UserHomeDir()
		cache = filepath.Join(home, ".cache", "oscar-cdktf")
	}
	return filepath.Join(cache, "tofu", pinnedVersion("OPENTOFU_VERSION"), "tofu")
}

// repository is the root of the project's repository.
func repository() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..")
}

// RequireManagerControl skips the test unless oscar-cdktf's sandbox command is at hand to kill and
// restart the manager: a copy of the provider on its own tests against any running OSCAR, which it
// cannot kill.
func (s *Sandbox) RequireManagerControl(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(repository(), "bin", "oscar-cdktf.js")); err != nil || s.Dir == "" {
		t.Skip("needs oscar-cdktf's sandbox (bin/oscar-cdktf.js and OSCAR_SANDBOX_DIR) to kill and restart the manager")
	}
}

// KillManager kills the sandbox's OSCAR manager at once (SIGKILL), as a crash would.
func (s *Sandbox) KillManager() error { return s.sandboxCommand("kill-manager") }

// RestartManager starts the sandbox's manager again, on the same endpoint with the same credentials.
func (s *Sandbox) RestartManager() error { return s.sandboxCommand("restart-manager") }

func (s *Sandbox) sandboxCommand(action string) error {
	cmd := exec.Command("node", filepath.Join(repository(), "bin", "oscar-cdktf.js"), "sandbox", action)
	cmd.Env = append(os.Environ(), "OSCAR_SANDBOX_DIR="+s.Dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("oscar-cdktf sandbox %s: %w\n%s", action, err, out)
	}
	return nil
}

// pinnedVersion reads a version from the repository's testenv/versions.env.
func pinnedVersion(key string) string {
	data, err := os.ReadFile(filepath.Join(repository(), "testenv", "versions.env"))
	if err != nil {
		return ""
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), key+"="); ok {
			return v
		}
	}
	return ""
}

// Names returns a prefix that makes the service and bucket names of one test run unique, so runs
// against one sandbox never collide: a letter and 5 hex digits (names must start with a letter).
func Names(t *testing.T) string {
	t.Helper()
	b := make([]byte, 3)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return "t" + hex.EncodeToString(b)[:5]
}
