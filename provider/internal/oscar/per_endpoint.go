package oscar

import "sync"

// perEndpoint holds one value per manager endpoint for the whole provider process: every client of
// one endpoint (one per provider configuration, aliases included) shares its write lock, its outage
// budget and its service lists, because they all reach the same manager and the same MinIO.
type perEndpoint[T any] struct {
	mu       sync.Mutex
	values   map[string]*T
	newValue func() *T
}

func newPerEndpoint[T any](newValue func() *T) *perEndpoint[T] {
	return &perEndpoint[T]{values: map[string]*T{}, newValue: newValue}
}

// of returns the endpoint's value, made on first use.
func (p *perEndpoint[T]) of(endpoint string) *T {
	p.mu.Lock()
	defer p.mu.Unlock()
	v, ok := p.values[endpoint]
	if !ok {
		v = p.newValue()
		p.values[endpoint] = v
	}
	return v
}
