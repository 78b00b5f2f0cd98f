package provider

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// The manager stores an empty string, list or map exactly as if the attribute were not set, and
// returns it as such. Rejecting empty values keeps "not set" one thing, so a plan never shows
// `"" -> null` noise and an imported service converges.
const emptyHint = "Leave the attribute out instead: the OSCAR manager stores an empty value as not set."

type nonEmptyString struct{}

func (nonEmptyString) Description(context.Context) string               { return "must not be empty" }
func (v nonEmptyString) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }
func (nonEmptyString) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if !req.ConfigValue.IsNull() && !req.ConfigValue.IsUnknown() && req.ConfigValue.ValueString() == "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Empty value", emptyHint)
	}
}

type nonEmptyList struct{}

func (nonEmptyList) Description(context.Context) string               { return "must not be empty" }
func (v nonEmptyList) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }
func (nonEmptyList) ValidateList(_ context.Context, req validator.ListRequest, resp *validator.ListResponse) {
	if !req.ConfigValue.IsNull() && !req.ConfigValue.IsUnknown() && len(req.ConfigValue.Elements()) == 0 {
		resp.Diagnostics.AddAttributeError(req.Path, "Empty list", emptyHint)
	}
}

type nonEmptyMap struct{}

func (nonEmptyMap) Description(context.Context) string               { return "must not be empty" }
func (v nonEmptyMap) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }
func (nonEmptyMap) ValidateMap(_ context.Context, req validator.MapRequest, resp *validator.MapResponse) {
	if !req.ConfigValue.IsNull() && !req.ConfigValue.IsUnknown() && len(req.ConfigValue.Elements()) == 0 {
		resp.Diagnostics.AddAttributeError(req.Path, "Empty map", emptyHint)
	}
}

// reservedKeys rejects map keys that the manager owns.
type reservedKeys struct {
	keys []string
	why  string
}

func (v reservedKeys) Description(context.Context) string {
	return "must not use the keys " + strings.Join(v.keys, ", ")
}
func (v reservedKeys) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }
func (v reservedKeys) ValidateMap(_ context.Context, req validator.MapRequest, resp *validator.MapResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	var found []string
	for key := range req.ConfigValue.Elements() {
		for _, reserved := range v.keys {
			if key == reserved {
				found = append(found, key)
			}
		}
	}
	sort.Strings(found)
	for _, key := range found {
		resp.Diagnostics.AddAttributeError(req.Path.AtMapKey(key), "Reserved key", fmt.Sprintf("%q %s", key, v.why))
	}
}

// managerLabels are the labels the manager sets on every service (v4.1.2 checkValues and create).
// The manager overwrites them, so a configuration setting one would never converge.
var managerLabels = []string{
	"oscar.grycap/user-service", "oscar_service", "applicationId", "queue", "owner_name",
	"vo", "uid", "kueue.x-k8s.io/queue-name",
}
