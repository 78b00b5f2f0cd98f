package provider_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/oscar-cdktf/terraform-provider-oscar/internal/acctest"
	"github.com/oscar-cdktf/terraform-provider-oscar/internal/oscar"
)

// Services of an OIDC user (the sandbox's Keycloak, a refresh token only) with MinIO inputs and
// outputs: owned by the user, updated in place, and destroyed without leaving a service, a bucket or a
// MinIO notify_webhook target behind (the manager registers one per service with an input).
func TestAccOIDCDestroyLeavesNoWebhook(t *testing.T) {
	e := newAccEnv(t)
	refreshToken := os.Getenv("OSCAR_OIDC_REFRESH_TOKEN")
	if refreshToken == "" {
		t.Skip("the sandbox runs without OIDC: start it with `oscar-cdktf sandbox start --oidc` (provider/test.sh does)")
	}
	names := []string{e.name("oidc-a"), e.name("oidc-b")}
	blocks := func(memory string) []string {
		var blocks []string
		for i, name := range names {
			blocks = append(blocks, fmt.Sprintf(`
resource "oscar_service" "s%d" {
  name   = %[2]q
  image  = "ghcr.io/grycap/cowsay"
  memory = %[3]q
  script = "#!/bin/sh\ncat \"$INPUT_FILE_PATH\"\n"
  input  = [{ storage_provider = "minio", path = "%[2]s/in" }]
  output = [{ storage_provider = "minio", path = "%[2]s/out" }]
}`, i, name, memory))
		}
		return blocks
	}
	// Basic auth comes from the environment for the other tests; this provider block replaces it.
	auth := fmt.Sprintf("  username = \"\"\n  password = \"\"\n  refresh_token = %q\n", refreshToken)

	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: factories,
		CheckDestroy:             func(*terraform.State) error { return e.NoDebris(t, e.prefix) },
		Steps: []resource.TestStep{{
			Config: e.config(auth, blocks("256Mi")...),
			Check: func(*terraform.State) error {
				for _, name := range names {
					svc, ok := e.Service(t, name)
					if !ok {
						return fmt.Errorf("service %s was not created", name)
					}
					if owner, _ := svc["owner"].(string); owner == "" || owner == oscar.DefaultOwner {
						return fmt.Errorf("service %s is owned by %q, want the OIDC user's subject", name, owner)
					}
				}
				if targets := acctest.WithPrefix(e.WebhookTargets(t), e.prefix); !sameSet(targets, names) {
					return fmt.Errorf("MinIO webhook targets %v, want exactly %v", targets, names)
				}
				return nil
			},
		}, {
			// An update in place first: measured, the manager then takes the owner's access to the
			// service's buckets away on delete, unless the provider deletes them first.
			Config: e.config(auth, blocks("384Mi")...),
		}},
	})
}

// The provider authenticates through a real oidc-agent (Debian's oidc-agent-cli): the account is made
// from the sandbox user's refresh token with oidc-gen, and the provider gets only its name and the
// agent's socket (OIDC_SOCK), never a token.
func TestAccOIDCAgentAccount(t *testing.T) {
	e := newAccEnv(t)
	refreshToken, issuer, clientID := os.Getenv("OSCAR_OIDC_REFRESH_TOKEN"), os.Getenv("OSCAR_OIDC_ISSUER"), os.Getenv("OSCAR_OIDC_CLIENT_ID")
	if refreshToken == "" {
		t.Skip("the sandbox runs without OIDC: start it with `oscar-cdktf sandbox start --oidc` (provider/test.sh does)")
	}
	for _, tool := range []string{"oidc-agent", "oidc-gen"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is not installed: apt-get install oidc-agent-cli (testenv/build.sh does)", tool)
		}
	}
	dir := t.TempDir()
	socket := filepath.Join(dir, "agent.sock")
	ctx, stop := context.WithCancel(context.Background())
	agent := exec.CommandContext(ctx, "oidc-agent", "--console", "--socket-path="+socket)
	if err := agent.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stop(); _ = agent.Wait() })
	if !acctest.Eventually(10*time.Second, func() bool { _, err := os.Stat(socket); return err == nil }) {
		t.Fatal("oidc-agent did not open its socket within 10 s")
	}
	account := e.prefix + "-agent"
	gen := exec.Command("oidc-gen", account, "--issuer="+issuer, "--client-id="+clientID, "--client-secret=", "--rt="+refreshToken,
		"--redirect-uri=http://localhost:4242", "--scope=openid", "--no-save", "--confirm-default", "--pw-env")
	gen.Env = append(os.Environ(), "OIDC_SOCK="+socket, "OIDC_CONFIG_DIR="+filepath.Join(dir, "config"), "OIDC_ENCRYPTION_PW=acceptance-test")
	if out, err := gen.CombinedOutput(); err != nil {
		t.Fatalf("oidc-gen: %v\n%s", err, out)
	}
	t.Setenv("OIDC_SOCK", socket)

	name := e.name("agent")
	config := func(account string) string {
		return e.config(fmt.Sprintf("  username = \"\"\n  password = \"\"\n  oidc_account = %q\n", account), fmt.Sprintf(`
resource "oscar_service" "agent" {
  name   = %q
  image  = "ghcr.io/grycap/cowsay"
  script = "#!/bin/sh\necho hi\n"
}`, name))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: factories,
		CheckDestroy:             func(*terraform.State) error { return e.NoDebris(t, e.prefix) },
		Steps: []resource.TestStep{{
			Config: config(account),
			Check: func(*terraform.State) error {
				svc, ok := e.Service(t, name)
				if !ok {
					return fmt.Errorf("service %s was not created", name)
				}
				if owner, _ := svc["owner"].(string); owner == "" || owner == oscar.DefaultOwner {
					return fmt.Errorf("service %s is owned by %q, want the agent account's subject", name, owner)
				}
				return nil
			},
		}, {
			// An account the agent does not hold fails the plan, naming it.
			Config:      config("nobody"),
			ExpectError: regexp.MustCompile(`(?s)oidc-agent\s+gave\s+no\s+access\s+token\s+for\s+account\s+"nobody"`),
		}, {
			Config: config(account), // the account again, for the destroy that ends the test
		}},
	})
}
