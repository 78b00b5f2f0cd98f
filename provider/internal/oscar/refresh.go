package oscar

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// httpDoer sends a request (an *http.Client).
type httpDoer interface {
	Do(*http.Request) (*http.Response, error)
}

type refreshSettings struct {
	refreshToken, clientID, clientSecret, issuer, tokenEndpoint string
}

// refreshSources holds one source per distinct refresh-token setting, so that every resource of a
// provider process (and every provider configuration holding the same token) shares one access token
// and one renewal.
var refreshSources sync.Map // key: sha256 of the settings → *refreshSource

func sharedRefreshSource(s refreshSettings, doer httpDoer, now func() time.Time) (*refreshSource, error) {
	claims, isJWT := parseJWT(s.refreshToken)
	if s.issuer == "" && s.tokenEndpoint == "" {
		if !isJWT || claims.Issuer == "" {
			return nil, errors.New("the refresh token is not a JWT naming its issuer: set issuer (OSCAR_ISSUER) to the OIDC issuer's URL, " +
				"or token_endpoint (OSCAR_TOKEN_ENDPOINT)")
		}
		s.issuer = strings.TrimRight(claims.Issuer, "/")
	}
	if s.clientID == "" {
		if !isJWT || claims.AuthorizedParty == "" {
			return nil, errors.New("the refresh token is not a JWT naming its client (azp): set client_id (OSCAR_CLIENT_ID) to the OIDC client " +
				"the refresh token was issued to")
		}
		s.clientID = claims.AuthorizedParty
	}
	h := sha256.Sum256([]byte(strings.Join([]string{s.refreshToken, s.clientID, s.clientSecret, s.issuer, s.tokenEndpoint}, "\x00")))
	key := hex.EncodeToString(h[:])
	src, _ := refreshSources.LoadOrStore(key, &refreshSource{settings: s, http: doer, now: now})
	shared, ok := src.(*refreshSource)
	if !ok {
		return nil, fmt.Errorf("internal error: the refresh-token cache holds a %T", src)
	}
	return shared, nil
}

// refreshSource mints access tokens with the OAuth 2.0 refresh-token grant. One mutex makes renewals
// single-flight: callers that arrive while a renewal runs wait for it and use its token.
type refreshSource struct {
	settings refreshSettings
	http     httpDoer
	now      func() time.Time

	mu       sync.Mutex
	endpoint string // the token endpoint, once discovered
	access   string
	expiry   time.Time // zero when the issuer gave no lifetime
	renewAt  time.Time
	failure  error     // the last renewal's error, served until failUntil
	failedAt time.Time // when it failed
}

// A refused refresh token stays refused; a network failure is served to other callers for a moment
// so that a burst of operations does not hammer an issuer that is down.
const transientFailureWindow = 5 * time.Second

func (r *refreshSource) token(ctx context.Context) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.access != "" && r.now().Before(r.renewAt) {
		return r.access, nil
	}
	if err := r.renewLocked(ctx); err != nil {
		return "", err
	}
	return r.access, nil
}

func (r *refreshSource) renew(ctx context.Context, rejected string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.access != rejected && r.access != "" && r.now().Before(r.renewAt) {
		return true // another caller renewed it meanwhile
	}
	return r.renewLocked(ctx) == nil && r.access != rejected
}

func (r *refreshSource) describe() string {
	return fmt.Sprintf("the access token minted from the refresh token of client %q at %s", r.settings.clientID, r.issuerName())
}

func (r *refreshSource) issuerName() string {
	if r.settings.issuer != "" {
		return r.settings.issuer
	}
	return r.settings.tokenEndpoint
}

func (r *refreshSource) renewLocked(ctx context.Context) error {
	if r.failure != nil {
		var permanent *CredentialError
		if errors.As(r.failure, &permanent) || r.now().Sub(r.failedAt) < transientFailureWindow {
			return r.failure
		}
	}
	err := r.refresh(ctx)
	if err != nil {
		r.failure, r.failedAt = err, r.now()
		return err
	}
	r.failure = nil
	return nil
}

// tokenResponse is the token endpoint's answer (RFC 6749 5.1 and 5.2).
type tokenResponse struct {
	AccessToken      string      `json:"access_token"`
	ExpiresIn        json.Number `json:"expires_in"`
	RefreshToken     string      `json:"refresh_token"`
	Error            string      `json:"error"`
	ErrorDescription string      `json:"error_description"`
}

func (r *refreshSource) refresh(ctx context.Context) error {
	endpoint, err := r.tokenEndpoint(ctx)
	if err != nil {
		return err
	}
	form := url.Values{"grant_type": {"refresh_token"}, "refresh_token": {r.settings.refreshToken}}
	if r.settings.clientSecret == "" {
		form.Set("client_id", r.settings.clientID)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, strings.NewReader(form.Encode()))
	if err != nil {
		return fmt.Errorf("building the token request to %s: %w", endpoint, err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	if r.settings.clientSecret != "" {
		// client_secret_basic, which RFC 6749 2.3.1 requires every server to support.
		req.SetBasicAuth(url.QueryEscape(r.settings.clientID), url.QueryEscape(r.settings.clientSecret))
	}
	sent := r.now()
	status, body, err := r.send(req)
	if err != nil {
		return err
	}
	var answer tokenResponse
	dec := json.NewDecoder(strings.NewReader(string(body)))
	dec.UseNumber()
	decodeErr := dec.Decode(&answer)
	if status != http.StatusOK || answer.AccessToken == "" {
		return r.refusal(status, answer, decodeErr, body)
	}
	r.access = answer.AccessToken
	if answer.RefreshToken != "" {
		r.settings.refreshToken = answer.RefreshToken // issuers that rotate refresh tokens expect the new one next time
	}
	r.expiry = time.Time{}
	if seconds, err := answer.ExpiresIn.Int64(); err == nil && seconds > 0 {
		r.expiry = sent.Add(time.Duration(seconds) * time.Second)
	} else if exp, ok := expiresAt(answer.AccessToken); ok {
		r.expiry = exp
	}
	r.renewAt = renewalTime(sent, r.expiry)
	return nil
}

// renewalTime is when a token issued at issued and expiring at expiry is renewed: a third of its life
// before it expires, at most a minute (a 30 s token is used for 20 s, a 1 h token for 59 min). A token
// without a known lifetime is kept until the manager refuses it.
func renewalTime(issued, expiry time.Time) time.Time {
	if expiry.IsZero() {
		return issued.Add(100 * 365 * 24 * time.Hour)
	}
	margin := min(expiry.Sub(issued)/3, time.Minute)
	return expiry.Add(-margin)
}

func (r *refreshSource) refusal(status int, answer tokenResponse, decodeErr error, body []byte) error {
	what := fmt.Sprintf("the OIDC issuer %s refused the refresh token of client %q", r.issuerName(), r.settings.clientID)
	if decodeErr != nil || answer.Error == "" {
		return fmt.Errorf("%s: it answered %d %s: %.300s", what, status, http.StatusText(status), strings.TrimSpace(string(body)))
	}
	reason := answer.Error
	if answer.ErrorDescription != "" {
		reason += ": " + answer.ErrorDescription
	}
	switch answer.Error {
	case "invalid_grant":
		return &CredentialError{Message: fmt.Sprintf("%s (%s). The refresh token was revoked, has expired, or was issued to another "+
			"client. Get a new one (for example with oidc-agent, or from the issuer's account page with the offline_access scope) and "+
			"set refresh_token (OSCAR_REFRESH_TOKEN).", what, reason)}
	case "invalid_client", "unauthorized_client":
		return &CredentialError{Message: fmt.Sprintf("%s (%s). Check client_id (OSCAR_CLIENT_ID) and, for a confidential client, "+
			"client_secret (OSCAR_CLIENT_SECRET).", what, reason)}
	}
	if status >= 500 {
		return fmt.Errorf("%s: %s (the issuer failed; try again later)", what, reason)
	}
	return &CredentialError{Message: fmt.Sprintf("%s (%s).", what, reason)}
}

// tokenEndpoint is the configured endpoint, or the one the issuer's discovery document names.
func (r *refreshSource) tokenEndpoint(ctx context.Context) (string, error) {
	if r.endpoint != "" {
		return r.endpoint, nil
	}
	if r.settings.tokenEndpoint != "" {
		r.endpoint = r.settings.tokenEndpoint
		return r.endpoint, nil
	}
	discovery := r.settings.issuer + "/.well-known/openid-configuration"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, discovery, nil)
	if err != nil {
		return "", &CredentialError{Message: fmt.Sprintf("the OIDC issuer %q is not a URL: %v. Set issuer (OSCAR_ISSUER) to a URL such as "+
			"https://aai.egi.eu/auth/realms/egi", r.settings.issuer, err)}
	}
	req.Header.Set("Accept", "application/json")
	status, body, err := r.send(req)
	if err != nil {
		return "", err
	}
	var doc struct {
		TokenEndpoint string `json:"token_endpoint"`
	}
	if status != http.StatusOK || json.Unmarshal(body, &doc) != nil || doc.TokenEndpoint == "" {
		return "", &CredentialError{Message: fmt.Sprintf("the OIDC issuer %s has no usable discovery document at %s (answered %d %s): "+
			"check issuer (OSCAR_ISSUER), or set token_endpoint (OSCAR_TOKEN_ENDPOINT) directly", r.settings.issuer, discovery, status, http.StatusText(status))}
	}
	r.endpoint = doc.TokenEndpoint
	return r.endpoint, nil
}

// send makes one request to the issuer. Failures to reach it name the issuer and the client.
func (r *refreshSource) send(req *http.Request) (int, []byte, error) {
	resp, err := r.http.Do(req)
	if err != nil {
		msg := fmt.Sprintf("cannot reach the OIDC issuer %s (client %q) at %s to renew the OSCAR access token: %v",
			r.issuerName(), r.settings.clientID, req.URL.Redacted(), err)
		var dnsErr *net.DNSError
		var opErr *net.OpError
		if errors.As(err, &dnsErr) || (errors.As(err, &opErr) && opErr.Op == "dial") {
			msg += ". Check issuer (OSCAR_ISSUER) or token_endpoint (OSCAR_TOKEN_ENDPOINT), and that this machine reaches it."
		}
		return 0, nil, errors.New(msg)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return 0, nil, fmt.Errorf("reading the answer of the OIDC issuer %s: %w", r.issuerName(), err)
	}
	return resp.StatusCode, body, nil
}
