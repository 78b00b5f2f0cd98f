package acctest

import "testing"

// As is v as a T (a field of a decoded JSON answer), failing the test when it is something else.
func As[T any](t testing.TB, v any) T {
	t.Helper()
	x, ok := v.(T)
	if !ok {
		t.Fatalf("got %T (%v), want %T", v, v, x)
	}
	return x
}
