package provider

import (
	"context"
	"fmt"
	"math/big"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Kubernetes quantities, as far as quotas need them: a user writes "2", "500m" or "8Gi", the manager
// reports millicores and bytes, and the two must compare equal when they are the same amount.

var quantityPattern = regexp.MustCompile(`^([+-]?[0-9]+(?:\.[0-9]*)?|[+-]?\.[0-9]+)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei|[eE][+-]?[0-9]+)?$`)

var quantitySuffixes = map[string]*big.Rat{
	"": big.NewRat(1, 1), "m": big.NewRat(1, 1000),
	"k": pow(10, 3), "M": pow(10, 6), "G": pow(10, 9), "T": pow(10, 12), "P": pow(10, 15), "E": pow(10, 18),
	"Ki": pow(2, 10), "Mi": pow(2, 20), "Gi": pow(2, 30), "Ti": pow(2, 40), "Pi": pow(2, 50), "Ei": pow(2, 60),
}

func pow(base, exp int64) *big.Rat {
	return new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(base), big.NewInt(exp), nil))
}

// parseQuantity gives the amount a Kubernetes quantity stands for.
func parseQuantity(s string) (*big.Rat, error) {
	m := quantityPattern.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return nil, fmt.Errorf("%q is not a Kubernetes quantity (a number with an optional suffix such as m, Mi or Gi)", s)
	}
	amount, ok := new(big.Rat).SetString(m[1])
	if !ok {
		return nil, fmt.Errorf("%q is not a Kubernetes quantity", s)
	}
	suffix := m[2]
	if factor, known := quantitySuffixes[suffix]; known {
		return amount.Mul(amount, factor), nil
	}
	exp := new(big.Int)
	exp.SetString(strings.TrimLeft(suffix[1:], "+"), 10)
	if exp.Sign() >= 0 {
		return amount.Mul(amount, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), exp, nil))), nil
	}
	return amount.Quo(amount, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), exp.Neg(exp), nil))), nil
}

// sameQuantity tells whether the quantity s is the amount want.
func sameQuantity(s string, want *big.Rat) bool {
	q, err := parseQuantity(s)
	return err == nil && q.Cmp(want) == 0
}

// sameAmount tells whether two quantities are the same amount ("5Gi" and "5120Mi").
func sameAmount(a, b string) bool {
	amount, err := parseQuantity(b)
	return err == nil && sameQuantity(a, amount)
}

// keptSpelling is reported, or prev when prev is a known spelling of the same amount (the state keeps
// what the user wrote: "3000m" stays "3000m" when the manager reports 3 CPUs).
func keptSpelling(prev types.String, reported string) types.String {
	if !prev.IsNull() && !prev.IsUnknown() && sameAmount(prev.ValueString(), reported) {
		return prev
	}
	return types.StringValue(reported)
}

// cpuQuantity writes millicores as a user would: whole CPUs, or millicores.
func cpuQuantity(millicores int64) string {
	if millicores%1000 == 0 {
		return fmt.Sprint(millicores / 1000)
	}
	return fmt.Sprintf("%dm", millicores)
}

// byteQuantity writes bytes with the largest binary suffix that divides them.
func byteQuantity(bytes int64) string {
	for _, s := range []string{"Ei", "Pi", "Ti", "Gi", "Mi", "Ki"} {
		unit := quantitySuffixes[s].Num().Int64()
		if bytes != 0 && bytes%unit == 0 {
			return fmt.Sprintf("%d%s", bytes/unit, s)
		}
	}
	return fmt.Sprint(bytes)
}

// quantityValidator refuses a value that is not a Kubernetes quantity.
type quantityValidator struct{}

func (quantityValidator) Description(context.Context) string { return "must be a Kubernetes quantity" }

func (v quantityValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (quantityValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := parseQuantity(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid quantity", err.Error()+`; for example "4", "1500m" or "8Gi".`)
	}
}

// sameAmountOrReplace plans no change for another spelling of the stored amount ("5120Mi" for "5Gi"),
// and a replacement for another amount.
type sameAmountOrReplace struct{}

func (sameAmountOrReplace) Description(context.Context) string {
	return "another spelling of the same amount changes nothing; another amount replaces the resource"
}

func (m sameAmountOrReplace) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

func (sameAmountOrReplace) PlanModifyString(_ context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.State.Raw.IsNull() || req.StateValue.IsNull() || req.PlanValue.IsUnknown() || req.StateValue.Equal(req.PlanValue) {
		return
	}
	if sameAmount(req.PlanValue.ValueString(), req.StateValue.ValueString()) {
		resp.PlanValue = req.StateValue
		return
	}
	resp.RequiresReplace = true
}
