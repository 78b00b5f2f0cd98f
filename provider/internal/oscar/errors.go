package oscar

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"
)

// APIError is an answer of the manager with an error status. Message is the body the manager sent
// (plain text in v4.1, often empty for 401 and 404).
type APIError struct {
	Method  string
	Path    string
	Status  int
	Message string
	// Explanation replaces the generic hint when the client knows more (who was refused, and why).
	Explanation string
}

func (e *APIError) Error() string {
	msg := e.Message
	if msg == "" {
		msg = "(empty body)"
	}
	text := fmt.Sprintf("the OSCAR manager answered %d %s to %s %s: %s", e.Status, http.StatusText(e.Status), e.Method, e.Path, msg)
	if e.Explanation != "" {
		text += "\n" + e.Explanation
	} else if hint := e.hint(); hint != "" {
		text += "\n" + hint
	}
	return text
}

// hint says what to do about the statuses whose cause is usually on the caller's side.
func (e *APIError) hint() string {
	switch e.Status {
	case http.StatusUnauthorized:
		return "Check the credentials: username and password (OSCAR_USERNAME, OSCAR_PASSWORD)."
	case http.StatusForbidden:
		return "The authenticated user may not do this (OIDC users can only change services they own)."
	}
	return ""
}

// IsNotFound tells whether err is the manager answering 404.
func IsNotFound(err error) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && apiErr.Status == http.StatusNotFound
}

// transportError is a request that got no HTTP answer (refused, reset, timed out, TLS failure).
type transportError struct {
	// manager names the manager and its endpoint (Client.manager).
	method, path, manager string
	err                   error
	// afterSend is true when the failure happened while reading the answer, so the manager may have
	// acted on the request.
	afterSend bool
	// timeout is the time the request was given.
	timeout time.Duration
}

func (e *transportError) Error() string {
	if isTimeout(e.err) {
		return fmt.Sprintf("no answer from %s to %s %s within %s: the manager may still act on it.\n"+
			"If the manager is only slow, raise request_timeout (OSCAR_REQUEST_TIMEOUT).", e.manager, e.method, e.path, e.timeout)
	}
	return fmt.Sprintf("no answer from %s to %s %s: %v\nCheck that the manager is running and reachable, and that endpoint (OSCAR_ENDPOINT) is right.", e.manager, e.method, e.path, e.err)
}

func (e *transportError) Unwrap() error { return e.err }

// neverSent tells whether the request certainly did not reach the manager (the connection was never
// established), so even a non-idempotent request can be sent again.
func (e *transportError) neverSent() bool {
	if e.afterSend {
		return false
	}
	var opErr *net.OpError
	return errors.As(e.err, &opErr) && opErr.Op == "dial"
}

func isUnauthorized(err error) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && apiErr.Status == http.StatusUnauthorized
}

// explain adds to a 401 or 403 answer to a request sent with an OIDC token who was refused and the
// likely reason; the manager's own answers are bare.
func (c *Client) explain(err error, token string) error {
	var apiErr *APIError
	if token == "" || !errors.As(err, &apiErr) {
		return err
	}
	user := who(token)
	issuer := "its issuer"
	if claims, ok := parseJWT(token); ok && claims.Issuer != "" {
		issuer = claims.Issuer
	}
	switch apiErr.Status {
	case http.StatusUnauthorized:
		if strings.Contains(apiErr.Message, "authorized issuer") {
			apiErr.Explanation = fmt.Sprintf("The manager does not accept tokens of issuer %s: it must be listed in the manager's OIDC_ISSUERS "+
				"(platform.oscar.oidc.issuers in a deployment config).", issuer)
			break
		}
		valid := ""
		if exp, ok := expiresAt(token); ok {
			valid = fmt.Sprintf(", valid until %s", exp.UTC().Format(time.RFC3339))
		}
		apiErr.Explanation = fmt.Sprintf("The manager refused the OIDC access token of user %s from %s (%s%s). The OSCAR manager refuses a "+
			"valid token when the user is in none of its allowed groups (OIDC_GROUPS, read from the issuer's userinfo: group_membership, or "+
			"EGI Check-in entitlements), or when it cannot verify the token with the issuer. Ask the cluster's operators to add the user "+
			"to an allowed group, or use an account that is in one.", user, issuer, c.tokens.describe(), valid)
	case http.StatusForbidden:
		if strings.Contains(apiErr.Message, "this service") {
			apiErr.Explanation = fmt.Sprintf("The service belongs to another OSCAR user: the manager lets only its owner (and, for a "+
				"restricted service, its allowed_users) read, change or delete it, and this provider authenticates as %s. Give the "+
				"service another name, or deploy it with its owner's credentials.", user)
		} else {
			apiErr.Explanation = fmt.Sprintf("User %s may not do this: OIDC users only see and change the services and buckets they "+
				"own or that are shared with them.", user)
		}
	}
	return err
}

func isForbidden(err error) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && apiErr.Status == http.StatusForbidden
}
