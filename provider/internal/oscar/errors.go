package oscar

import (
	"errors"
	"fmt"
	"net"
	"net/http"
)

// APIError is an answer of the manager with an error status. Message is the body the manager sent
// (plain text in v4.1, often empty for 401 and 404).
type APIError struct {
	Method  string
	Path    string
	Status  int
	Message string
}

func (e *APIError) Error() string {
	msg := e.Message
	if msg == "" {
		msg = "(empty body)"
	}
	text := fmt.Sprintf("the OSCAR manager answered %d %s to %s %s: %s", e.Status, http.StatusText(e.Status), e.Method, e.Path, msg)
	if hint := e.hint(); hint != "" {
		text += "\n" + hint
	}
	return text
}

// hint says what to do about the statuses whose cause is usually on the caller's side.
func (e *APIError) hint() string {
	switch e.Status {
	case http.StatusUnauthorized:
		return "Check the credentials: username and password (OSCAR_USERNAME, OSCAR_PASSWORD) or token (OSCAR_TOKEN); an OIDC token may have expired."
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
	method, path, endpoint string
	err                    error
	// afterSend is true when the failure happened while reading the answer, so the manager may have
	// acted on the request.
	afterSend bool
}

func (e *transportError) Error() string {
	return fmt.Sprintf("no answer from the OSCAR manager at %s to %s %s: %v\nCheck that the manager is running and reachable, and that endpoint (OSCAR_ENDPOINT) is right.", e.endpoint, e.method, e.path, e.err)
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

func isForbidden(err error) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && apiErr.Status == http.StatusForbidden
}
