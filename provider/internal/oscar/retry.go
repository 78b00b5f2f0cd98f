package oscar

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// Retries exist for two measured situations:
//   - the manager is down or restarting (connection refused, or a proxy in front of it answering 502-504);
//   - the manager's MinIO is restarting: every service create or delete makes the manager restart MinIO,
//     and a request that reaches MinIO meanwhile fails with 500 and MinIO's own error text. This provider
//     never overlaps its own writes (see writeLock), but other clients of the same manager may.
//
// A request is only sent again when doing so cannot act twice: reads, updates and deletes always; a
// create only when it certainly never reached the manager, or when the manager reported a MinIO
// failure (it rolls the service back before answering).

const (
	firstRetryDelay = 500 * time.Millisecond
	maxRetryDelay   = 8 * time.Second
)

// minioUnavailable are texts that MinIO (or the Go clients the manager uses to call it) put in the
// manager's 500 answers while MinIO is restarting or unreachable.
var minioUnavailable = []string{
	"connection refused",
	"connection reset",
	"i/o timeout",
	"Server not initialized",
	"ServerNotInitialized",
	"Service Unavailable",
	"ServiceUnavailable",
	"error restarting the MinIO server",
}

// withRetries runs attempt until it succeeds, fails permanently, or its retry budget is spent: the
// endpoint's outage budget (see outage.go) when the manager does not answer, retry_timeout from the
// first attempt when it answers that it or its MinIO is unavailable. The write lock a caller holds is
// released while waiting (see pauseWriteLock), so a waiting write does not hold up the others.
func (c *Client) withRetries(ctx context.Context, req call, attempt func() ([]byte, error)) ([]byte, error) {
	start := c.now()
	delay := firstRetryDelay
	for n := 1; ; n++ {
		if err := c.outage.unsent(c.now()); err != nil {
			return nil, err
		}
		body, err := attempt()
		noAnswer := gotNoAnswer(err)
		budgetStart := start
		if noAnswer {
			budgetStart = c.outage.begin(c.now(), err)
		} else if answered(err) {
			c.outage.end()
		}
		if err == nil || !retryable(req.method, err) {
			return body, err
		}
		if c.now().Add(delay).Sub(budgetStart) > c.cfg.RetryTimeout {
			if noAnswer {
				c.outage.spend()
			}
			tflog.Warn(ctx, "OSCAR request: retry budget spent, giving up", map[string]any{
				"manager": c.manager(), "request": req.method + " " + req.path, "attempts": n, "error": err.Error()})
			if n == 1 {
				return nil, err
			}
			return nil, fmt.Errorf("%w\n(gave up after %d attempts in %s; raise retry_timeout or OSCAR_RETRY_TIMEOUT to wait longer)",
				err, n, c.now().Sub(start).Round(time.Second))
		}
		tflog.Debug(ctx, "OSCAR request: retrying", map[string]any{
			"manager": c.manager(), "request": req.method + " " + req.path, "attempt": n, "delay": delay.String(), "error": err.Error()})
		resume := pauseWriteLock(ctx)
		werr := c.wait(ctx, delay)
		if rerr := resume(); werr == nil {
			werr = rerr
		}
		if werr != nil {
			return nil, fmt.Errorf("%w (interrupted while waiting to retry: %v)", err, werr)
		}
		delay = min(2*delay, maxRetryDelay)
	}
}

// answered tells whether the result of an attempt is an answer of the manager (not of a gateway in
// front of it: see gotNoAnswer, checked first).
func answered(err error) bool {
	var apiErr *APIError
	return err == nil || errors.As(err, &apiErr)
}

// retryable tells whether a failed attempt of a request with this method may be sent again.
func retryable(method string, err error) bool {
	idempotent := method != http.MethodPost
	var tErr *transportError
	if errors.As(err, &tErr) {
		if isCertificateError(tErr.err) {
			return false // a wrong certificate does not heal by waiting
		}
		return idempotent || tErr.neverSent()
	}
	var apiErr *APIError
	if !errors.As(err, &apiErr) {
		return false
	}
	switch apiErr.Status {
	case http.StatusServiceUnavailable:
		return true // nothing was forwarded to the manager
	case http.StatusBadGateway, http.StatusGatewayTimeout:
		return idempotent // the manager may have started working on it
	case http.StatusInternalServerError:
		return mentionsMinIOUnavailable(apiErr.Message) || isFirstContactRace(apiErr.Message)
	}
	return false
}

func mentionsMinIOUnavailable(message string) bool {
	for _, marker := range minioUnavailable {
		if strings.Contains(message, marker) {
			return true
		}
	}
	return false
}

func isCertificateError(err error) bool {
	var verifyErr *tls.CertificateVerificationError
	var unknownAuthority x509.UnknownAuthorityError
	var hostname x509.HostnameError
	return errors.As(err, &verifyErr) || errors.As(err, &unknownAuthority) || errors.As(err, &hostname)
}

// isFirstContactRace tells whether a 500 is the manager's OIDC middleware losing a race with itself:
// the first requests of a new OIDC user, sent at once, each try to create that user's Secret (and
// MinIO user), and all but one fail with "already exists" before any handler runs (measured on
// v4.1.2 with parallel refreshes). Sending again finds the user provisioned.
func isFirstContactRace(message string) bool {
	return strings.Contains(message, "already exists") &&
		(strings.Contains(message, "Error creating secret for user") || strings.Contains(message, "Error creating MinIO user"))
}
