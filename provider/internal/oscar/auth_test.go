package oscar

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// unsignedJWT builds a token with the given claims; the provider never verifies signatures (the
// manager and the issuer do), it only reads claims.
func unsignedJWT(t *testing.T, claims map[string]any) string {
	t.Helper()
	payload, err := json.Marshal(claims)
	if err != nil {
		t.Fatal(err)
	}
	enc := base64.RawURLEncoding
	return enc.EncodeToString([]byte(`{"alg":"RS256"}`)) + "." + enc.EncodeToString(payload) + ".c2ln"
}

func TestAStaticTokenThatExpiredIsRefusedBeforeSendingWithTheFix(t *testing.T) {
	now := time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)
	expired := unsignedJWT(t, map[string]any{"iss": "https://idp.example.org/realms/x", "sub": "u1", "exp": now.Add(-90 * time.Second).Unix()})
	src := &staticToken{value: expired, now: func() time.Time { return now }}

	_, err := src.token(context.Background())

	if err == nil {
		t.Fatal("an expired token was accepted")
	}
	for _, want := range []string{"issued by https://idp.example.org/realms/x", "expired at 2026-12-03T09:58:30Z, 1m30s ago", "refresh_token or OSCAR_REFRESH_TOKEN"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	if strings.Contains(err.Error(), expired) {
		t.Error("the error shows the token")
	}
	valid := unsignedJWT(t, map[string]any{"exp": now.Add(time.Minute).Unix()})
	if got, err := (&staticToken{value: valid, now: func() time.Time { return now }}).token(context.Background()); err != nil || got != valid {
		t.Errorf("a valid token gave %q, %v", got, err)
	}
	if got, err := (&staticToken{value: "opaque-token", now: time.Now}).token(context.Background()); err != nil || got != "opaque-token" {
		t.Errorf("an opaque token gave %q, %v", got, err)
	}
}

func TestATokenFileIsReadAgainWhenItChangesAndAfterARefusal(t *testing.T) {
	path := filepath.Join(t.TempDir(), "token")
	write := func(value string, mtime time.Time) {
		if err := os.WriteFile(path, []byte(value+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(path, mtime, mtime); err != nil {
			t.Fatal(err)
		}
	}
	t0 := time.Now().Add(-time.Hour)
	write("first", t0)
	src := &fileToken{path: path, now: time.Now}
	if got, _ := src.token(context.Background()); got != "first" {
		t.Fatalf("read %q", got)
	}
	write("second", t0.Add(time.Second))
	if got, _ := src.token(context.Background()); got != "second" {
		t.Errorf("a changed file was not read again: %q", got)
	}
	if src.renew(context.Background(), "second") {
		t.Error("renew reported a new token although the file holds the refused one")
	}
	write("third", t0.Add(time.Second)) // same mtime: only a forced read sees it
	if !src.renew(context.Background(), "second") {
		t.Error("renew did not read the file again")
	}
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if _, err := src.token(context.Background()); err == nil || !strings.Contains(err.Error(), "cannot read the OIDC access token file "+path) {
		t.Errorf("a missing file gave %v", err)
	}
}

func TestAccessTokensAreRenewedAThirdOfTheirLifeBeforeExpiryAtMostAMinute(t *testing.T) {
	issued := time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ life, usedFor time.Duration }{
		{30 * time.Second, 20 * time.Second},
		{5 * time.Minute, 4 * time.Minute},
		{time.Hour, 59 * time.Minute},
	} {
		if got := renewalTime(issued, issued.Add(tc.life)).Sub(issued); got != tc.usedFor {
			t.Errorf("a token living %s is used for %s, want %s", tc.life, got, tc.usedFor)
		}
	}
}

func TestARefreshTokenNamesItsIssuerAndClientOrTheSettingsAreAskedFor(t *testing.T) {
	rt := unsignedJWT(t, map[string]any{"iss": "https://idp.example.org/realms/r/", "azp": "cli", "typ": "Offline"})
	src, err := sharedRefreshSource(refreshSettings{refreshToken: rt}, nil, time.Now)
	if err != nil {
		t.Fatal(err)
	}
	if src.settings.issuer != "https://idp.example.org/realms/r" || src.settings.clientID != "cli" {
		t.Errorf("settings %+v", src.settings)
	}
	again, _ := sharedRefreshSource(refreshSettings{refreshToken: rt}, nil, time.Now)
	if again != src {
		t.Error("two clients with the same refresh token do not share one source")
	}
	if _, err := sharedRefreshSource(refreshSettings{refreshToken: "opaque"}, nil, time.Now); err == nil || !strings.Contains(err.Error(), "set issuer (OSCAR_ISSUER)") {
		t.Errorf("an opaque token without issuer gave %v", err)
	}
	if _, err := sharedRefreshSource(refreshSettings{refreshToken: "opaque", issuer: "https://i"}, nil, time.Now); err == nil || !strings.Contains(err.Error(), "set client_id (OSCAR_CLIENT_ID)") {
		t.Errorf("an opaque token without client gave %v", err)
	}
}
