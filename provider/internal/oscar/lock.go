package oscar

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-log/tflog"
	"golang.org/x/sync/semaphore"
)

// A service create or delete makes the manager write MinIO's notify_webhook config and restart
// MinIO (then sleep 6 s); so does an update that adds a bucket to a service. Measured with OpenTofu's
// default parallelism of 10, overlapping restarts made requests fail with 500 ("connection refused"
// from the restarting MinIO) and deletes leave notify_webhook entries and buckets behind. Every other
// write also calls MinIO (an update re-checks each bucket of the service), so it must not run during
// a restart either, but such writes may run together.
//
// So writes that restart MinIO hold the manager's write lock exclusively, one at a time whatever
// Terraform's parallelism; other writes share it. Reads take no lock. The lock is per endpoint and
// shared by every Client of the process, so two provider configurations (aliases) served by one
// plugin process and pointing to one manager also wait for each other; separate Terraform runs
// against one manager are not coordinated. A write waiting to retry gives the lock up meanwhile
// (pauseWriteLock): the manager is unavailable to every write alike, and a queue of writes each
// waiting its turn to wait made a dead manager take minutes per queued write to fail.

type writeLock struct{ sem *semaphore.Weighted }

// exclusiveWeight exceeds any number of concurrent shared holders.
const exclusiveWeight = 1 << 30

var writeLocks = newPerEndpoint(func() *writeLock { return &writeLock{sem: semaphore.NewWeighted(exclusiveWeight)} })

func writeLockFor(endpoint string) *writeLock { return writeLocks.of(endpoint) }

// exclusive runs fn, a write that restarts MinIO, alone; waiting for the lock ends with ctx.
func (c *Client) exclusive(ctx context.Context, what string, fn func(ctx context.Context) error) error {
	return c.locked(ctx, exclusiveWeight, what, fn)
}

// shared runs fn, a write that does not restart MinIO, while no restarting write runs.
func (c *Client) shared(ctx context.Context, what string, fn func(ctx context.Context) error) error {
	return c.locked(ctx, 1, what, fn)
}

// heldLock is the write lock as one write holds it; fn's context carries it.
type heldLock struct {
	lock   *writeLock
	weight int64
	what   string
	held   bool
}

type heldLockKey struct{}

func (h *heldLock) acquire(ctx context.Context) error {
	// The semaphore serves waiters in order, so a restarting write is not starved by a stream of others.
	if h.lock.sem.TryAcquire(h.weight) {
		h.held = true
		return nil
	}
	tflog.Debug(ctx, "OSCAR write: waiting for the manager's other writes", map[string]any{"write": h.what})
	if err := h.lock.sem.Acquire(ctx, h.weight); err != nil {
		return fmt.Errorf("%s: stopped while waiting for the manager's other writes to finish: %w", h.what, err)
	}
	h.held = true
	return nil
}

func (h *heldLock) release() {
	if h.held {
		h.lock.sem.Release(h.weight)
		h.held = false
	}
}

func (c *Client) locked(ctx context.Context, weight int64, what string, fn func(ctx context.Context) error) error {
	h := &heldLock{lock: c.writes, weight: weight, what: what}
	if err := h.acquire(ctx); err != nil {
		return err
	}
	defer h.release()
	return fn(context.WithValue(ctx, heldLockKey{}, h))
}

// pauseWriteLock gives up the write lock held by the write ctx belongs to, if any, and returns the
// function that takes it back.
func pauseWriteLock(ctx context.Context) (resume func() error) {
	h, ok := ctx.Value(heldLockKey{}).(*heldLock)
	if !ok || !h.held {
		return func() error { return nil }
	}
	h.release()
	return func() error { return h.acquire(ctx) }
}
