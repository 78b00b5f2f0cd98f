package acctest

import (
	"bytes"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"testing"
)

// Proxy sits between the provider and the manager: it records every request and can play a manager
// that is down (connections refused). MinIO's upload webhooks reach the manager directly.
type Proxy struct {
	URL string

	t        *testing.T
	addr     string
	handler  http.Handler
	mu       sync.Mutex
	requests []Request
	server   *http.Server
}

// Request is one request the proxy forwarded.
type Request struct {
	Method, Path string
	// Service is the service the request is about: the name in the path, or in a JSON body.
	Service string
}

// IsWrite tells whether the request may change something.
func (r Request) IsWrite() bool { return r.Method != http.MethodGet && r.Method != http.MethodHead }

func (r Request) String() string { return r.Method + " " + r.Path + " (" + r.Service + ")" }

// StartProxy starts a proxy to the manager at target; it stops with the test.
func StartProxy(t *testing.T, target string) *Proxy {
	t.Helper()
	u, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	p := &Proxy{t: t}
	forward := httputil.NewSingleHostReverseProxy(u)
	p.handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		p.record(Request{Method: r.Method, Path: r.URL.Path, Service: serviceOf(r.URL.Path, body)})
		forward.ServeHTTP(w, r)
	})
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p.addr = listener.Addr().String()
	p.URL = "http://" + p.addr
	p.serve(listener)
	t.Cleanup(p.Down)
	return p
}

func (p *Proxy) serve(listener net.Listener) {
	// The goroutine gets its own reference: a test that stops at once (a skip) runs Down, which
	// clears p.server, before the goroutine may have started.
	server := &http.Server{Handler: p.handler}
	p.server = server
	go func() { _ = server.Serve(listener) }()
}

// Down stops listening, so requests fail with "connection refused" as with a stopped manager.
func (p *Proxy) Down() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.server != nil {
		_ = p.server.Close()
		p.server = nil
	}
}

// Up listens again on the same address.
func (p *Proxy) Up() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.server != nil {
		return
	}
	listener, err := net.Listen("tcp", p.addr)
	if err != nil {
		p.t.Fatalf("proxy: listening again on %s: %v", p.addr, err)
	}
	p.serve(listener)
}

func (p *Proxy) record(r Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.requests = append(p.requests, r)
}

// Reset forgets the requests recorded so far.
func (p *Proxy) Reset() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.requests = nil
}

// Requests returns the requests recorded since the last Reset.
func (p *Proxy) Requests() []Request {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]Request(nil), p.requests...)
}

// Writes returns the recorded requests that may change something.
func (p *Proxy) Writes() []Request {
	var writes []Request
	for _, r := range p.Requests() {
		if r.IsWrite() {
			writes = append(writes, r)
		}
	}
	return writes
}

// serviceOf finds the service a request is about.
func serviceOf(path string, body []byte) string {
	if name, ok := strings.CutPrefix(path, "/system/services/"); ok {
		name, _, _ = strings.Cut(name, "/")
		return name
	}
	var named struct {
		Name string `json:"name"`
	}
	if path == "/system/services" && json.Unmarshal(body, &named) == nil {
		return named.Name
	}
	return ""
}
