package oscar

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Refreshes read services from one list. The manager v4.1.2 answers `GET /system/services/<name>`
// with two Kubernetes calls (a cluster-wide ConfigMap list to find the namespace, then a get) under
// its client-go limit of 5 requests/s: 0.4 s per service whatever the parallelism, 403 s for a no-op
// plan of 1000 services. `GET /system/services` is one ConfigMap list, 0.5-0.6 s for 1000 services.
// So the Reads of one provider process share one list per endpoint and credentials:
//   - filled once by the first Read (the others wait for it: single-flight);
//   - kept for listTTL after it arrives, and dropped by every write this process sends to the endpoint
//     (any credentials), so a Read after a write never sees the list from before it, and by every new
//     Client (each configuration of the provider), so it never outlives the command that made it;
//   - a name that is not in the list exactly once is read with the single GET, so a 404 still removes
//     the resource from state and the manager's other answers (403 for another OIDC user's service,
//     500 for a name in two namespaces) keep their meaning.
//
// The manager computes each listed service's volume status with more Kubernetes calls (every
// ConfigMap of the service's namespace is listed and parsed), so a cluster with many volume services
// makes the list slow; ReadEach skips it (see slowListWarning).

// ReadStrategy tells how Reads fetch services.
type ReadStrategy string

const (
	// ReadFromList serves Reads from one shared list of the services (the default).
	ReadFromList ReadStrategy = "list"
	// ReadEach reads each service with its own request.
	ReadEach ReadStrategy = "each"
)

// ReadStrategies are the accepted values, the default first.
var ReadStrategies = []ReadStrategy{ReadFromList, ReadEach}

const (
	// listTTL bounds how long one list serves Reads; a plan's refresh reads within seconds of it.
	listTTL = time.Minute
	// slowList is the list time past which Reads warn that per-service reads may be faster.
	slowList = 20 * time.Second
	// perServiceRead is what one single GET costs the manager v4.1.2 (measured: 0.4-0.44 s).
	perServiceRead = 400 * time.Millisecond
)

// serviceLists holds the lists of every endpoint this process talks to.
var serviceLists = newPerEndpoint(func() *endpointLists { return &endpointLists{byIdentity: map[string]*serviceList{}} })

type endpointLists struct {
	mu sync.Mutex
	// generation counts the writes sent to the endpoint; a list filled across a write is not kept.
	generation uint64
	byIdentity map[string]*serviceList
}

// serviceList is one list as one identity sees it, filled once.
type serviceList struct {
	generation uint64
	ready      chan struct{}
	// Set before ready closes:
	arrived time.Time
	took    time.Duration
	items   map[string][]json.RawMessage
	volumes int
	err     error
	// warned makes the slow-list warning go to one Read only.
	warned sync.Once
}

func listsFor(endpoint string) *endpointLists { return serviceLists.of(endpoint) }

// identity keys a client's view of the services (an OIDC user sees only the services it may read).
func identity(cfg Config) string {
	h := sha256.Sum256([]byte(strings.Join([]string{cfg.Username, cfg.Password, cfg.Token, cfg.TokenFile, cfg.RefreshToken, cfg.OIDCAccount,
		cfg.ClientID, cfg.ClientSecret, cfg.Issuer, cfg.TokenEndpoint}, "\x00")))
	return string(h[:])
}

// dropLists forgets every list of the endpoint; each write calls it before and after it is sent.
func (c *Client) dropLists() {
	l := c.lists
	l.mu.Lock()
	defer l.mu.Unlock()
	l.generation++
	clear(l.byIdentity)
}

// ReadService reads a service for a refresh: from the shared list when it holds the name once,
// otherwise with its own request. Warnings are for the user (at most one per list).
func (c *Client) ReadService(ctx context.Context, name string) (*Service, []string, error) {
	if c.cfg.ReadStrategy == ReadEach {
		svc, err := c.GetService(ctx, name)
		return svc, nil, err
	}
	list, err := c.sharedList(ctx)
	var apiErr *APIError
	switch {
	case err == nil:
	case errors.As(err, &apiErr):
		// The manager could not list (one unreadable service fails its whole list): read alone.
		svc, err := c.GetService(ctx, name)
		return svc, nil, err
	default:
		return nil, nil, err
	}
	var warnings []string
	if w := list.slowListWarning(); w != "" {
		list.warned.Do(func() { warnings = append(warnings, w) })
	}
	if items := list.items[name]; len(items) == 1 {
		var svc Service
		if err := json.Unmarshal(items[0], &svc); err != nil {
			return nil, warnings, fmt.Errorf("the manager's list holds service %q in a form not expected: %w", name, err)
		}
		return &svc, warnings, nil
	}
	svc, err := c.GetService(ctx, name)
	return svc, warnings, err
}

// PrefetchServiceList starts filling the shared list in the background, for the Reads of a refresh
// to come (with ReadFromList; a no-op with ReadEach). A write before it arrives drops it as usual.
func (c *Client) PrefetchServiceList() {
	if c.cfg.ReadStrategy != ReadFromList {
		return
	}
	go func() { _, _ = c.sharedList(context.Background()) }()
}

// sharedList returns this client's current list, filling it (once, whoever asks first) when there
// is none or it has expired.
func (c *Client) sharedList(ctx context.Context) (*serviceList, error) {
	l := c.lists
	l.mu.Lock()
	list, ok := l.byIdentity[c.identity]
	if ok {
		select {
		case <-list.ready:
			if c.now().Sub(list.arrived) > listTTL {
				ok = false
			}
		default: // being filled
		}
	}
	if !ok {
		list = &serviceList{generation: l.generation, ready: make(chan struct{})}
		l.byIdentity[c.identity] = list
		go c.fill(list)
	}
	l.mu.Unlock()
	select {
	case <-list.ready:
		return list, list.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// fill lists the services into list. It runs on its own context, so one Read that is cancelled does
// not fail the others waiting for the same list.
func (c *Client) fill(list *serviceList) {
	start := c.now()
	var raw []json.RawMessage
	list.err = c.do(context.Background(), call{method: http.MethodGet, path: servicesPath}, &raw)
	list.took = c.now().Sub(start)
	list.arrived = c.now()
	if list.err == nil {
		list.items = make(map[string][]json.RawMessage, len(raw))
		for _, item := range raw {
			var head struct {
				Name   string          `json:"name"`
				Volume json.RawMessage `json:"volume"`
			}
			if err := json.Unmarshal(item, &head); err != nil {
				list.err = fmt.Errorf("the manager's list of services is not the JSON expected: %w", err)
				break
			}
			list.items[head.Name] = append(list.items[head.Name], item)
			if len(head.Volume) > 0 && string(head.Volume) != "null" {
				list.volumes++
			}
		}
	}
	l := c.lists
	l.mu.Lock()
	if l.generation != list.generation && l.byIdentity[c.identity] == list {
		delete(l.byIdentity, c.identity) // a write went out meanwhile: serve the waiters, keep it for no one else
	}
	l.mu.Unlock()
	close(list.ready)
}

// slowListWarning explains a list slow enough that reading services one by one may be faster.
func (l *serviceList) slowListWarning() string {
	if l.took < slowList {
		return ""
	}
	return fmt.Sprintf("Listing the %d services of the OSCAR manager took %s (%d of them have volumes; the manager v4.1.2 lists "+
		"and parses every ConfigMap of a volume service's namespace for each one). Reading services one by one costs the manager "+
		"about %s each: when this configuration manages fewer than %d services, set read_strategy = \"each\" "+
		"(or OSCAR_READ_STRATEGY=each) to refresh faster.",
		len(l.items), l.took.Round(100*time.Millisecond), l.volumes, perServiceRead, int(l.took/perServiceRead))
}
