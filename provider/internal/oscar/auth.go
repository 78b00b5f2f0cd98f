package oscar

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"
)

// OIDC access tokens reach the manager as bearer tokens, from one of three sources:
//   - a static token (Config.Token): used as given; refused before sending once its exp has passed;
//   - a file (Config.TokenFile) that something else keeps current (oidc-agent's oidc-token in a CI step,
//     a projected service-account token): re-read whenever it changes, and once after a 401;
//   - a refresh token (Config.RefreshToken): access tokens are minted from it at the issuer's token
//     endpoint on first use, renewed shortly before they expire and once after a 401, and shared by
//     every client of the process that holds the same refresh token (see refresh.go).

// tokenSource gives the bearer token for the next request.
type tokenSource interface {
	// token returns the access token to send, or an error a person can act on.
	token(ctx context.Context) (string, error)
	// renew is told that the manager answered 401 to rejected; it reports whether another token is now
	// available, so that one more try is worth it.
	renew(ctx context.Context, rejected string) bool
	// describe names the source in error messages ("the token in /run/oscar/token").
	describe() string
}

// CredentialError is a token that cannot be used (expired, unreadable, refused by its issuer). It is
// never retried: waiting does not mend it.
type CredentialError struct{ Message string }

func (e *CredentialError) Error() string { return e.Message }

// jwtClaims are the claims of a JWT read without verifying it (the manager and the issuer verify;
// the provider only reads them to explain errors and plan renewals).
type jwtClaims struct {
	Issuer            string      `json:"iss"`
	Subject           string      `json:"sub"`
	AuthorizedParty   string      `json:"azp"`
	Expiry            json.Number `json:"exp"`
	IssuedAt          json.Number `json:"iat"`
	Name              string      `json:"name"`
	PreferredUsername string      `json:"preferred_username"`
	Type              string      `json:"typ"`
}

// parseJWT returns the claims of a JWT, or false when token is not one (an opaque token).
func parseJWT(token string) (jwtClaims, bool) {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return jwtClaims{}, false
	}
	payload, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[1], "="))
	if err != nil {
		return jwtClaims{}, false
	}
	var claims jwtClaims
	dec := json.NewDecoder(strings.NewReader(string(payload)))
	dec.UseNumber()
	if err := dec.Decode(&claims); err != nil {
		return jwtClaims{}, false
	}
	return claims, true
}

func unixTime(n json.Number) (time.Time, bool) {
	v, err := n.Int64()
	if err != nil || v <= 0 {
		return time.Time{}, false
	}
	return time.Unix(v, 0), true
}

// expiresAt is the token's exp claim, if it is a JWT that has one.
func expiresAt(token string) (time.Time, bool) {
	claims, ok := parseJWT(token)
	if !ok {
		return time.Time{}, false
	}
	return unixTime(claims.Expiry)
}

// who names the user of an access token for error messages: its subject and, when the token says it,
// a readable name.
func who(token string) string {
	claims, ok := parseJWT(token)
	if !ok || claims.Subject == "" {
		return "the token's user"
	}
	name := claims.PreferredUsername
	if name == "" {
		name = claims.Name
	}
	if name != "" {
		return fmt.Sprintf("%s (%s)", claims.Subject, name)
	}
	return claims.Subject
}

func expiredError(token, source, fix string, now time.Time) error {
	exp, ok := expiresAt(token)
	if !ok || now.Before(exp) {
		return nil
	}
	claims, _ := parseJWT(token)
	issuer := ""
	if claims.Issuer != "" {
		issuer = " issued by " + claims.Issuer
	}
	return &CredentialError{Message: fmt.Sprintf("the OIDC access token%s (%s) expired at %s, %s ago. %s",
		issuer, source, exp.UTC().Format(time.RFC3339), now.Sub(exp).Round(time.Second), fix)}
}

// staticToken is an access token given as it is.
type staticToken struct {
	value string
	now   func() time.Time
}

const staticTokenFix = "A static token cannot be renewed, and OIDC access tokens live minutes to an hour: for runs " +
	"without a person (CI, scheduled drift checks) give a refresh token instead (refresh_token or OSCAR_REFRESH_TOKEN, with " +
	"client_id or OSCAR_CLIENT_ID when it is not a JWT naming its client), or token_file (OSCAR_TOKEN_FILE) kept current by oidc-agent."

func (s *staticToken) token(context.Context) (string, error) {
	if err := expiredError(s.value, "token, or OSCAR_TOKEN", staticTokenFix, s.now()); err != nil {
		return "", err
	}
	return s.value, nil
}

func (s *staticToken) renew(context.Context, string) bool { return false }
func (s *staticToken) describe() string                   { return "the static token (token, or OSCAR_TOKEN)" }

// fileToken is an access token read from a file that another program keeps current.
type fileToken struct {
	path string
	now  func() time.Time

	mu      sync.Mutex
	modTime time.Time
	size    int64
	value   string
}

func (f *fileToken) token(context.Context) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.reload(false); err != nil {
		return "", err
	}
	fix := fmt.Sprintf("Whatever writes %s (for example `oidc-token <account> > %s` in a CI step) must write a fresh token "+
		"before it expires, or give a refresh token instead (refresh_token or OSCAR_REFRESH_TOKEN).", f.path, f.path)
	if err := expiredError(f.value, "read from "+f.path, fix, f.now()); err != nil {
		return "", err
	}
	return f.value, nil
}

// reload reads the file when it changed since the last read (or always, when force is set).
func (f *fileToken) reload(force bool) error {
	info, err := os.Stat(f.path)
	if err != nil {
		return &CredentialError{Message: fmt.Sprintf("cannot read the OIDC access token file %s (token_file, or OSCAR_TOKEN_FILE): %v", f.path, err)}
	}
	if !force && f.value != "" && info.ModTime().Equal(f.modTime) && info.Size() == f.size {
		return nil
	}
	data, err := os.ReadFile(f.path)
	if err != nil {
		return &CredentialError{Message: fmt.Sprintf("cannot read the OIDC access token file %s (token_file, or OSCAR_TOKEN_FILE): %v", f.path, err)}
	}
	value := strings.TrimSpace(string(data))
	if value == "" {
		return &CredentialError{Message: fmt.Sprintf("the OIDC access token file %s (token_file, or OSCAR_TOKEN_FILE) is empty", f.path)}
	}
	f.value, f.modTime, f.size = value, info.ModTime(), info.Size()
	return nil
}

func (f *fileToken) renew(_ context.Context, rejected string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.reload(true) == nil && f.value != rejected
}

func (f *fileToken) describe() string { return "the token in " + f.path }

// newTokenSource picks the source cfg names; nil means basic auth.
func newTokenSource(cfg Config, now func() time.Time, issuerHTTP httpDoer) (tokenSource, error) {
	given := 0
	for _, v := range []string{cfg.Token, cfg.TokenFile, cfg.RefreshToken, cfg.OIDCAccount} {
		if v != "" {
			given++
		}
	}
	if given > 1 {
		return nil, errors.New("give one OIDC credential: a token, a token file, a refresh token or an oidc-agent account")
	}
	switch {
	case cfg.Token != "":
		return &staticToken{value: cfg.Token, now: now}, nil
	case cfg.TokenFile != "":
		return &fileToken{path: cfg.TokenFile, now: now}, nil
	case cfg.OIDCAccount != "":
		return newAgentToken(cfg.OIDCAccount, now)
	case cfg.RefreshToken != "":
		return sharedRefreshSource(refreshSettings{
			refreshToken:  cfg.RefreshToken,
			clientID:      cfg.ClientID,
			clientSecret:  cfg.ClientSecret,
			issuer:        strings.TrimRight(cfg.Issuer, "/"),
			tokenEndpoint: cfg.TokenEndpoint,
		}, issuerHTTP, now)
	}
	return nil, nil
}

// tokenGate works around a crash of the manager v4.1.2: its OIDC middleware caches each new token in
// a map without a lock, so requests that arrive together while one of them carries a token it has not
// seen (the first ones of a run, or after a renewal) crash it with "fatal error: concurrent map
// writes" (measured with parallel refreshes). The first request with a new token therefore runs
// alone; once the manager has answered it, requests with that token run in parallel again.
type tokenGate struct {
	order    sync.RWMutex
	mu       sync.Mutex
	accepted map[string]bool
}

func (g *tokenGate) known(token string) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.accepted[token]
}

func (g *tokenGate) accept(token string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.accepted == nil || len(g.accepted) > 16 {
		g.accepted = map[string]bool{}
	}
	g.accepted[token] = true
}
