package oscar

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync"
	"time"
)

// An outage is the manager not answering at all: connections refused, a name that does not resolve,
// a connection closed without an answer, a gateway that cannot reach it. Measured with the manager killed mid-apply, every queued
// request retrying on its own for retry_timeout made a 10-service apply take 26 minutes to fail. So
// retry_timeout is one budget per endpoint and process, started by the first request that got no
// answer: the requests of that outage retry until it is spent, and once it is, every request to the
// endpoint fails at once with the same error, without being sent. Any answer of the manager ends the
// outage. Like the shared lists, the state is dropped when the provider is configured again (each
// command), so a later command sends its requests.

type outage struct {
	mu sync.Mutex
	// since is when the first request of the outage failed (zero: the manager answers); cause is its error.
	since time.Time
	cause error
	// spent is true once the budget ran out.
	spent bool
}

var outages = newPerEndpoint(func() *outage { return &outage{} })

func outageFor(endpoint string) *outage { return outages.of(endpoint) }

// begin records a request that got no answer at now and returns when the outage started.
func (o *outage) begin(now time.Time, cause error) time.Time {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.since.IsZero() {
		o.since, o.cause = now, cause
	}
	return o.since
}

// end records an answer of the manager, or a new provider configuration.
func (o *outage) end() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.since, o.cause, o.spent = time.Time{}, nil, false
}

// spend marks the budget as used up.
func (o *outage) spend() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.spent = !o.since.IsZero()
}

// unsent returns the error a request gets without being sent once the budget is spent, else nil.
func (o *outage) unsent(now time.Time) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if !o.spent {
		return nil
	}
	return &unreachableError{cause: o.cause, since: o.since, now: now}
}

// unreachableError is the answer to every request of an outage whose budget is spent.
type unreachableError struct {
	cause      error
	since, now time.Time
}

func (e *unreachableError) Error() string {
	return fmt.Sprintf("%v\n(not sent: the manager has not answered any request for %s; raise retry_timeout or OSCAR_RETRY_TIMEOUT to wait longer)",
		e.cause, e.now.Sub(e.since).Round(time.Second))
}

func (e *unreachableError) Unwrap() error { return e.cause }

// IsUnreachable tells whether err is a request the manager did not answer at all: refused, reset, timed
// out, unsent because the manager has been silent too long, or a gateway's 502/503 in front of it.
func IsUnreachable(err error) bool {
	var tErr *transportError
	var uErr *unreachableError
	return errors.As(err, &uErr) || errors.As(err, &tErr) || gotNoAnswer(err)
}

// gotNoAnswer tells whether err is a request the manager never answered, for a reason that waiting
// may cure: no HTTP answer at all (but a wrong certificate, or the request's own timeout: a manager
// that hangs on one request answers others), or a gateway in front of the manager answering that it
// could not reach it (502, 503; an ingress without a ready manager answers so).
func gotNoAnswer(err error) bool {
	var tErr *transportError
	if errors.As(err, &tErr) {
		return !isCertificateError(tErr.err) && !isTimeout(tErr.err)
	}
	var apiErr *APIError
	return errors.As(err, &apiErr) && (apiErr.Status == http.StatusBadGateway || apiErr.Status == http.StatusServiceUnavailable)
}

// isTimeout tells whether a request timed out once connected: the manager hangs on it, and may still
// act on it.
func isTimeout(err error) bool {
	var opErr *net.OpError
	if errors.As(err, &opErr) && opErr.Op == "dial" {
		return false
	}
	var timeout interface{ Timeout() bool }
	return errors.As(err, &timeout) && timeout.Timeout()
}
