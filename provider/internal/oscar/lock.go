package oscar

import (
	"context"
	"fmt"
	"sync"
)

// Every write the manager does touches MinIO: a create or delete writes MinIO's notify_webhook
// config and restarts MinIO (then sleeps 6 s), and an update calls MinIO for each of the service's
// buckets. Measured with OpenTofu's default parallelism of 10, overlapping writes failed with 500
// ("connection refused" from the restarting MinIO) or left notify_webhook entries behind. So this
// client sends one write at a time to a manager, whatever Terraform's parallelism; reads are not
// serialized.
//
// The lock is per endpoint and shared by every Client of the process, so two provider
// configurations (aliases) served by the same plugin process and pointing to one manager also wait
// for each other. Separate Terraform runs against one manager are not coordinated.

type writeLock struct{ slot chan struct{} }

var (
	writeLocksMu sync.Mutex
	writeLocks   = map[string]*writeLock{}
)

func writeLockFor(endpoint string) *writeLock {
	writeLocksMu.Lock()
	defer writeLocksMu.Unlock()
	l, ok := writeLocks[endpoint]
	if !ok {
		l = &writeLock{slot: make(chan struct{}, 1)}
		writeLocks[endpoint] = l
	}
	return l
}

// exclusive runs fn while holding the manager's write lock; waiting for it ends with ctx.
func (c *Client) exclusive(ctx context.Context, what string, fn func() error) error {
	select {
	case c.writes.slot <- struct{}{}:
	case <-ctx.Done():
		return fmt.Errorf("%s: stopped while waiting for the manager's other writes to finish: %w", what, ctx.Err())
	}
	defer func() { <-c.writes.slot }()
	return fn()
}
