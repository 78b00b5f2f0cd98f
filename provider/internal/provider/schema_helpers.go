package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Small constructors for the attribute kinds the schemas repeat. "Optional" attributes are null when
// not set and map to the manager's zero value; "defaulted" ones show the value the manager applies
// (or documents) so that the plan says what will run.

func optionalString(description string, validators ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{
		Optional:            true,
		MarkdownDescription: description,
		Validators:          append([]validator.String{nonEmptyString{}}, validators...),
	}
}

// writeOnlyString is a secret: sent to the manager, never stored (see write_only.go).
func writeOnlyString(description string) schema.StringAttribute {
	a := optionalString(description + " Write-only: never stored in the plan or the state.")
	a.Sensitive = true
	a.WriteOnly = true
	return a
}

func requiredString(description string, validators ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{
		Required:            true,
		MarkdownDescription: description,
		Validators:          append([]validator.String{nonEmptyString{}}, validators...),
	}
}

func defaultedString(description, def string, validators ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{
		Optional:            true,
		Computed:            true,
		Default:             stringdefault.StaticString(def),
		MarkdownDescription: description + " Defaults to `" + def + "`.",
		Validators:          append([]validator.String{nonEmptyString{}}, validators...),
	}
}

func defaultedBool(description string, def bool) schema.BoolAttribute {
	text := "false"
	if def {
		text = "true"
	}
	return schema.BoolAttribute{
		Optional:            true,
		Computed:            true,
		Default:             booldefault.StaticBool(def),
		MarkdownDescription: description + " Defaults to `" + text + "`.",
	}
}

func defaultedInt64(description string, def int64, validators ...validator.Int64) schema.Int64Attribute {
	return schema.Int64Attribute{
		Optional:            true,
		Computed:            true,
		Default:             int64default.StaticInt64(def),
		MarkdownDescription: description + " Defaults to `" + itoa(def) + "`.",
		Validators:          validators,
	}
}

func optionalStringList(description string) schema.ListAttribute {
	return schema.ListAttribute{
		ElementType:         types.StringType,
		Optional:            true,
		MarkdownDescription: description,
		Validators:          []validator.List{nonEmptyList{}},
	}
}

func optionalStringMap(description string, validators ...validator.Map) schema.MapAttribute {
	return schema.MapAttribute{
		ElementType:         types.StringType,
		Optional:            true,
		MarkdownDescription: description,
		Validators:          append([]validator.Map{nonEmptyMap{}}, validators...),
	}
}

func itoa(n int64) string {
	return types.Int64Value(n).String()
}

// convertMap converts each value of in; nil (the schema's null) when in has none.
func convertMap[A, B any](in map[string]A, convert func(A) B) map[string]B {
	if len(in) == 0 {
		return nil
	}
	out := make(map[string]B, len(in))
	for k, v := range in {
		out[k] = convert(v)
	}
	return out
}
