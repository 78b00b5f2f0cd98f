package provider_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/oscar-cdktf/terraform-provider-oscar/internal/acctest"
	"github.com/oscar-cdktf/terraform-provider-oscar/internal/provider"
)

// Acceptance tests run the provider in this process and OpenTofu as the CLI, against the real
// manager of the sandbox, reached through a counting proxy.

var factories = map[string]func() (tfprotov6.ProviderServer, error){
	"oscar": providerserver.NewProtocol6WithError(provider.New("test")()),
}

// accEnv is one acceptance test's world: the sandbox, a proxy in front of its manager and a prefix
// for every name the test creates.
type accEnv struct {
	*acctest.Sandbox
	proxy  *acctest.Proxy
	prefix string
}

func newAccEnv(t *testing.T) *accEnv {
	t.Helper()
	sandbox := acctest.Load(t)
	return &accEnv{Sandbox: sandbox, proxy: acctest.StartProxy(t, sandbox.Endpoint), prefix: acctest.Names(t)}
}

// name is a name unique to this test run.
func (e *accEnv) name(suffix string) string { return e.prefix + "-" + suffix }

// config is a Terraform configuration: the provider pointed at the proxy (credentials come from
// OSCAR_USERNAME and OSCAR_PASSWORD), then the given blocks.
func (e *accEnv) config(providerExtra string, blocks ...string) string {
	return fmt.Sprintf(`terraform {
  required_providers {
    oscar = { source = "oscar-cdktf/oscar" }
  }
}

provider "oscar" {
  endpoint = %q
%s}
`, e.proxy.URL, providerExtra) + strings.Join(blocks, "\n")
}

// writesAbout returns the recorded writes about the given services, and the other writes.
func (e *accEnv) writesAbout(services ...string) (about, others []acctest.Request) {
	for _, r := range e.proxy.Writes() {
		if slices.Contains(services, r.Service) {
			about = append(about, r)
		} else {
			others = append(others, r)
		}
	}
	return about, others
}

func count(requests []acctest.Request, method string) int {
	n := 0
	for _, r := range requests {
		if r.Method == method {
			n++
		}
	}
	return n
}
