// Command terraform-provider-oscar serves the OSCAR provider to Terraform and OpenTofu.
package main

import (
	"context"
	"flag"
	"log"
	"os"
	"runtime/debug"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/oscar-cdktf/terraform-provider-oscar/internal/provider"
)

// version is set by the release build (goreleaser: -ldflags "-X main.version=...").
var version = "dev"

func main() {
	debug := flag.Bool("debug", false, "run with support for debuggers like delve")
	flag.Parse()
	quietSDKUnlessLogging()
	collectGarbageLessOften()
	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address: "registry.terraform.io/oscar-cdktf/oscar",
		Debug:   *debug,
	})
	if err != nil {
		log.Fatal(err)
	}
}

// quietSDKUnlessLogging turns the plugin SDK's logging off when no one will read it. Without a level
// in the environment, terraform-plugin-log logs at TRACE and leaves the filtering to Terraform, which
// drops the lines unless TF_LOG or TF_LOG_PROVIDER is set; formatting them as JSON first took a sixth
// of the provider's CPU in a plan of 1000 services (measured with perf; see README, "Refresh at scale").
// Any TF_LOG* variable a user sets keeps its meaning.
func quietSDKUnlessLogging() {
	for _, name := range []string{"TF_LOG", "TF_LOG_PROVIDER", "TF_LOG_SDK", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_SDK_PROTO"} {
		if os.Getenv(name) != "" {
			return
		}
	}
	_ = os.Setenv("TF_LOG_SDK", "off")
}

// collectGarbageLessOften lets the heap grow to five times what is live between collections (Go's
// default: twice), unless GOGC says otherwise. The plugin framework allocates heavily per attribute
// and its live heap is small (tens of MiB at 1000 services): garbage collection took a sixth of the
// provider's CPU in a plan of 1000 services, and about a fifth of that with this setting.
func collectGarbageLessOften() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
}
