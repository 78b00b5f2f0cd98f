// Package oscar is a client for the REST API of the OSCAR manager (v4.1): the calls the Terraform
// provider makes, with the retries and the one-at-a-time writes that the manager's handling of MinIO
// requires. It knows nothing about Terraform.
package oscar

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Config is what a Client needs to reach one manager.
type Config struct {
	// Endpoint is the manager's base URL, e.g. https://oscar.example.org.
	Endpoint string
	// Username and Password authenticate with HTTP basic auth (the manager's admin user).
	Username string
	Password string
	// Token is an OIDC access token used as it is; TokenFile names a file holding the current one;
	// RefreshToken mints access tokens at the issuer (see auth.go). At most one is set; any of them
	// replaces basic auth.
	Token        string
	TokenFile    string
	RefreshToken string
	// OIDCAccount names an account of the oidc-agent at OIDC_SOCK, which hands out its access tokens.
	OIDCAccount string
	// ClientID and ClientSecret identify the OIDC client RefreshToken was issued to (ClientID defaults
	// to the refresh token's azp claim; ClientSecret only for a confidential client).
	ClientID     string
	ClientSecret string
	// Issuer is the OIDC issuer whose discovery document names the token endpoint (default: the
	// refresh token's iss claim); TokenEndpoint skips discovery.
	Issuer        string
	TokenEndpoint string
	// Insecure skips verification of the manager's TLS certificate.
	Insecure bool
	// CACertificatePEM adds certificate authorities to the system pool.
	CACertificatePEM []byte
	// RequestTimeout bounds one HTTP request. A create or delete takes about 6.5 s (the manager
	// restarts MinIO and sleeps 6 s). A write with image_prefetch, which waits for every node to pull
	// the image, gets at least SlowRequestTimeout.
	RequestTimeout time.Duration
	// RetryTimeout bounds how long a request is retried while the manager or its MinIO is unavailable.
	RetryTimeout time.Duration
	// UserAgent is sent with every request.
	UserAgent string
	// Name names the manager in messages, beside its endpoint: the cluster id of a configuration
	// that reaches several, so an error says which cluster failed. Empty: the endpoint alone.
	Name string
	// ReadStrategy tells how refreshes read services (see list_cache.go); empty means ReadFromList.
	ReadStrategy ReadStrategy
}

// DefaultOwner is the owner the manager gives to services created with basic auth.
const DefaultOwner = "cluster_admin"

// Client calls one OSCAR manager. It is safe for concurrent use; writes are serialized (see writeLock).
type Client struct {
	base      *url.URL
	http      *http.Client
	cfg       Config
	writes    *writeLock
	outage    *outage
	basicAuth bool
	// tokens gives the bearer token of each request (nil with basic auth); gate orders the requests
	// that carry a token the manager has not seen yet (see tokenGate).
	tokens tokenSource
	gate   tokenGate
	// lists are the shared service lists of the endpoint; identity keys this client's among them.
	lists    *endpointLists
	identity string
	// exposeCheck asks the manager once whether exposed services would hang (see ExposedServicesHang).
	exposeCheck sync.Once
	exposeHang  string
	// wait pauses between retries and now reads the clock; tests replace both to run without sleeping.
	wait func(ctx context.Context, d time.Duration) error
	now  func() time.Time
}

// NewClient checks cfg and returns a client for it.
func NewClient(cfg Config) (*Client, error) {
	base, err := url.Parse(strings.TrimRight(cfg.Endpoint, "/"))
	if err != nil || base.Scheme == "" || base.Host == "" {
		return nil, fmt.Errorf("endpoint %q is not an absolute URL such as https://oscar.example.org", cfg.Endpoint)
	}
	if base.Scheme != "http" && base.Scheme != "https" {
		return nil, fmt.Errorf("endpoint %q must use http or https", cfg.Endpoint)
	}
	bearer := cfg.Token != "" || cfg.TokenFile != "" || cfg.RefreshToken != "" || cfg.OIDCAccount != ""
	if !bearer && (cfg.Username == "" || cfg.Password == "") {
		return nil, errors.New("no credentials: set a username and password (basic auth), or an OIDC token, token file, refresh token or oidc-agent account")
	}
	transport := defaultTransport()
	tlsConfig := &tls.Config{MinVersion: tls.VersionTLS12}
	if cfg.Insecure {
		tlsConfig.InsecureSkipVerify = true // #nosec G402 -- only when the user asks for it
	}
	if len(cfg.CACertificatePEM) > 0 {
		pool, err := x509.SystemCertPool()
		if err != nil {
			pool = x509.NewCertPool()
		}
		if !pool.AppendCertsFromPEM(cfg.CACertificatePEM) {
			return nil, errors.New("the CA certificate is not valid PEM: expected one or more -----BEGIN CERTIFICATE----- blocks")
		}
		tlsConfig.RootCAs = pool
	}
	transport.TLSClientConfig = tlsConfig
	if cfg.RequestTimeout <= 0 {
		cfg.RequestTimeout = DefaultRequestTimeout
	}
	if cfg.RetryTimeout < 0 {
		cfg.RetryTimeout = 0
	}
	switch cfg.ReadStrategy {
	case "":
		cfg.ReadStrategy = ReadFromList
	case ReadFromList, ReadEach:
	default:
		return nil, fmt.Errorf("read strategy %q is not one of %q", cfg.ReadStrategy, ReadStrategies)
	}
	// The issuer is asked with the same TLS settings, and a timeout that keeps a hung issuer from
	// holding every operation.
	tokens, err := newTokenSource(cfg, time.Now, &http.Client{Transport: transport, Timeout: issuerTimeout})
	if err != nil {
		return nil, err
	}
	c := &Client{
		base:      base,
		http:      &http.Client{Transport: transport},
		cfg:       cfg,
		writes:    writeLockFor(base.String()),
		outage:    outageFor(base.String()),
		basicAuth: !bearer,
		tokens:    tokens,
		lists:     listsFor(base.String()),
		identity:  identity(cfg),
		wait:      sleepContext,
		now:       time.Now,
	}
	// A client is made when Terraform configures the provider, at the start of each command's walk: a
	// list or an outage never outlives its command, even in a process that serves several (an
	// in-process provider).
	c.dropLists()
	c.outage.end()
	return c, nil
}

const issuerTimeout = 20 * time.Second

// defaultTransport is a copy of net/http's default transport: proxies from the environment, its
// connection pool and timeouts.
func defaultTransport() *http.Transport {
	if t, ok := http.DefaultTransport.(*http.Transport); ok {
		return t.Clone()
	}
	return &http.Transport{Proxy: http.ProxyFromEnvironment}
}

const (
	// DefaultRequestTimeout is about five times the slowest request measured on the manager v4.1.2 (a
	// create or delete: 6.3-6.5 s), so a manager that hangs is noticed in half a minute.
	DefaultRequestTimeout = 30 * time.Second
	// SlowRequestTimeout bounds writes of services with image_prefetch: the manager answers once
	// every node has pulled the image.
	SlowRequestTimeout = 10 * time.Minute
)

// timeout bounds one attempt of req.
func (c *Client) timeout(req call) time.Duration {
	if req.slow {
		return max(c.cfg.RequestTimeout, SlowRequestTimeout)
	}
	return c.cfg.RequestTimeout
}

// Endpoint is the manager's base URL as configured.
func (c *Client) Endpoint() string { return c.base.String() }

// Name is the manager's name in messages (Config.Name): the cluster id, or empty.
func (c *Client) Name() string { return c.cfg.Name }

// manager names the manager in messages: "the OSCAR manager [of cluster "<name>"] at <endpoint>".
func (c *Client) manager() string {
	if c.cfg.Name == "" {
		return "the OSCAR manager at " + c.base.String()
	}
	return fmt.Sprintf("the OSCAR manager of cluster %q at %s", c.cfg.Name, c.base.String())
}

// UsesBasicAuth tells whether requests authenticate as the manager's basic-auth admin.
func (c *Client) UsesBasicAuth() bool { return c.basicAuth }

// call is one API request: method, path (with any query) and an optional JSON body.
type call struct {
	method string
	path   string
	body   any
	// slow marks a request the manager takes minutes to answer (see SlowRequestTimeout).
	slow bool
}

// do sends a request, retrying transient failures (see retry.go), and decodes a JSON answer into out
// when out is not nil. Errors are *APIError for answers with an error status.
func (c *Client) do(ctx context.Context, req call, out any) error {
	if req.method != http.MethodGet {
		c.dropLists()
		defer c.dropLists()
	}
	var payload []byte
	if req.body != nil {
		var err error
		if payload, err = json.Marshal(req.body); err != nil {
			return fmt.Errorf("encoding the request to %s %s: %w", req.method, req.path, err)
		}
	}
	body, err := c.withRetries(ctx, req, func() ([]byte, error) { return c.send(ctx, req, payload) })
	if err != nil {
		return err
	}
	if out == nil || len(bytes.TrimSpace(body)) == 0 {
		return nil
	}
	if err := json.Unmarshal(body, out); err != nil {
		return fmt.Errorf("the manager's answer to %s %s is not the JSON expected: %w", req.method, req.path, err)
	}
	return nil
}

// send makes one attempt; with an OIDC token that the manager refuses (401), it asks the token's
// source for another one and, when there is one, sends once more.
func (c *Client) send(ctx context.Context, req call, payload []byte) ([]byte, error) {
	if c.tokens == nil {
		return c.sendAs(ctx, req, payload, "")
	}
	token, err := c.tokens.token(ctx)
	if err != nil {
		return nil, err
	}
	body, err := c.gatedSend(ctx, req, payload, token)
	if !isUnauthorized(err) || !c.tokens.renew(ctx, token) {
		return body, c.explain(err, token)
	}
	if token, err = c.tokens.token(ctx); err != nil {
		return nil, err
	}
	body, err = c.gatedSend(ctx, req, payload, token)
	return body, c.explain(err, token)
}

func (c *Client) gatedSend(ctx context.Context, req call, payload []byte, token string) ([]byte, error) {
	if c.gate.known(token) {
		c.gate.order.RLock()
		defer c.gate.order.RUnlock()
		return c.sendAs(ctx, req, payload, token)
	}
	c.gate.order.Lock()
	defer c.gate.order.Unlock()
	body, err := c.sendAs(ctx, req, payload, token)
	var tErr *transportError
	if !errors.As(err, &tErr) {
		c.gate.accept(token) // the manager has cached it (or refused it for good)
	}
	return body, err
}

// sendAs makes one attempt with the given bearer token (basic auth when it is empty). Transport
// failures are returned as *transportError so retries can tell whether the request may have reached
// the manager.
func (c *Client) sendAs(ctx context.Context, req call, payload []byte, token string) ([]byte, error) {
	var reader io.Reader
	if payload != nil {
		reader = bytes.NewReader(payload)
	}
	timeout := c.timeout(req)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	httpReq, err := http.NewRequestWithContext(ctx, req.method, c.base.String()+req.path, reader)
	if err != nil {
		return nil, fmt.Errorf("building %s %s: %w", req.method, req.path, err)
	}
	if payload != nil {
		httpReq.Header.Set("Content-Type", "application/json")
	}
	httpReq.Header.Set("Accept", "application/json")
	if c.cfg.UserAgent != "" {
		httpReq.Header.Set("User-Agent", c.cfg.UserAgent)
	}
	if token == "" {
		httpReq.SetBasicAuth(c.cfg.Username, c.cfg.Password)
	} else {
		httpReq.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := c.http.Do(httpReq)
	if err != nil {
		return nil, &transportError{method: req.method, path: req.path, manager: c.manager(), err: err, timeout: timeout}
	}
	defer resp.Body.Close()
	// Error texts are short; a cap keeps a misbehaving proxy from filling memory.
	body, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return nil, &transportError{method: req.method, path: req.path, manager: c.manager(), err: err, afterSend: true, timeout: timeout}
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, &APIError{Method: req.method, Path: req.path, Status: resp.StatusCode, Message: strings.TrimSpace(string(body))}
	}
	return body, nil
}

func sleepContext(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
