package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// importWith runs a resource's ImportState with id, as `terraform import` does, and returns the
// error summaries and details.
func importWith(t *testing.T, r resource.ResourceWithImportState, id string) string {
	t.Helper()
	ctx := context.Background()
	var schema resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &schema)
	resp := resource.ImportStateResponse{State: tfsdk.State{Schema: schema.Schema, Raw: tftypes.NewValue(schema.Schema.Type().TerraformType(ctx), nil)}}
	r.ImportState(ctx, resource.ImportStateRequest{ID: id}, &resp)
	var errs []string
	for _, d := range resp.Diagnostics.Errors() {
		errs = append(errs, d.Summary()+": "+d.Detail())
	}
	return strings.Join(errs, "\n")
}

// Import ids are names the manager could hold: anything else fails before any request, saying how to
// import.
func TestImportIdsAreValidatedLikeNames(t *testing.T) {
	for _, c := range []struct {
		resource resource.ResourceWithImportState
		good     string
		bad      string
		want     string
	}{
		{&serviceResource{}, "cowsay", "Cowsay_1", `"Cowsay_1" is not an OSCAR service name`},
		{&bucketResource{}, "shared-data", "Shared_Data", `"Shared_Data" is not a bucket name`},
	} {
		if errs := importWith(t, c.resource, c.good); errs != "" {
			t.Errorf("import %q failed: %s", c.good, errs)
		}
		if errs := importWith(t, c.resource, c.bad); !strings.Contains(errs, "Invalid import id: "+c.want) {
			t.Errorf("import %q: got errors %q, want %q", c.bad, errs, c.want)
		}
	}
}
