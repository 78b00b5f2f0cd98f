package oscar

import (
	"bytes"
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

// answers serves the given statuses and bodies in turn, then 200 with "{}".
func answers(t *testing.T, replies ...struct {
	status int
	body   string
}) (*Client, *int) {
	calls := 0
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
		if calls <= len(replies) {
			http.Error(w, replies[calls-1].body, replies[calls-1].status)
			return
		}
		_, _ = w.Write([]byte("{}"))
	}))
	t.Cleanup(server.Close)
	return testClient(t, server.URL), &calls
}

type reply = struct {
	status int
	body   string
}

func TestReadsAreRetriedWhileTheManagerIsUnavailable(t *testing.T) {
	c, calls := answers(t, reply{503, ""}, reply{502, "bad gateway"}, reply{500, "dial tcp 10.0.0.1:9000: connect: connection refused"})
	if _, err := c.Info(context.Background()); err != nil || *calls != 4 {
		t.Fatalf("err %v after %d calls", err, *calls)
	}
}

func TestCreateIsNotRetriedWhenItMayHaveActed(t *testing.T) {
	c, calls := answers(t, reply{502, "bad gateway"})
	err := c.postService(context.Background(), &Service{Name: "a"})
	if err == nil || *calls != 1 {
		t.Fatalf("err %v after %d calls", err, *calls)
	}
}

func TestCreateIsRetriedWhenMinIORestarted(t *testing.T) {
	c, calls := answers(t, reply{500, "error registering the service's webhook: Server not initialized, please try again."})
	if err := c.postService(context.Background(), &Service{Name: "a"}); err != nil || *calls != 2 {
		t.Fatalf("err %v after %d calls", err, *calls)
	}
}

func TestManagerErrorsAreNotRetried(t *testing.T) {
	c, calls := answers(t, reply{400, "The service specification is not valid: Key: 'Service.Image' Error:Field validation for 'Image' failed on the 'required' tag"})
	err := c.postService(context.Background(), &Service{Name: "a"})
	want := "the OSCAR manager answered 400 Bad Request to POST /system/services: The service specification is not valid: Key: 'Service.Image'"
	if err == nil || !strings.Contains(err.Error(), want) || *calls != 1 {
		t.Fatalf("err %v after %d calls", err, *calls)
	}
}

func TestUnauthorizedSaysWhatToCheck(t *testing.T) {
	c, _ := answers(t, reply{401, ""})
	_, err := c.Info(context.Background())
	if err == nil || !strings.Contains(err.Error(), "answered 401 Unauthorized to GET /system/info: (empty body)\nCheck the credentials: username and password (OSCAR_USERNAME, OSCAR_PASSWORD).") {
		t.Fatalf("err %v", err)
	}
}

// A manager that is down refuses connections; even a create is sent again (it never arrived), and
// the final error says where the manager was looked for and for how long.
func TestDownManagerGivesUpWithAClearError(t *testing.T) {
	endpoint := refusingEndpoint(t)
	c := testClient(t, endpoint)
	c.cfg.RetryTimeout = 3 * time.Second
	waited := fakeClock(c)

	err := c.postService(context.Background(), &Service{Name: "a"})

	pattern := `^no answer from the OSCAR manager at ` + regexp.QuoteMeta(endpoint) + ` to POST /system/services: .*connection refused\n` +
		`Check that the manager is running and reachable, and that endpoint \(OSCAR_ENDPOINT\) is right.\n` +
		`\(gave up after \d+ attempts in \d+s; raise retry_timeout or OSCAR_RETRY_TIMEOUT to wait longer\)$`
	if err == nil || !regexp.MustCompile(pattern).MatchString(err.Error()) {
		t.Fatalf("error %q does not match %s", err, pattern)
	}
	if *waited != 500*time.Millisecond+time.Second {
		t.Errorf("waited %s between attempts, want 0.5s + 1s within a 3s retry timeout", *waited)
	}
}

// A configuration that reaches several clusters names each manager by its cluster id, so an error
// says which cluster failed.
func TestAManagerWithANameIsNamedInItsErrors(t *testing.T) {
	endpoint := refusingEndpoint(t)
	c := testClient(t, endpoint)
	c.cfg.Name = "cloud"
	c.cfg.RetryTimeout = time.Second
	fakeClock(c)

	_, err := c.GetService(context.Background(), "a")

	want := `no answer from the OSCAR manager of cluster "cloud" at ` + endpoint + " to GET /system/services"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("error %q does not contain %q", err, want)
	}
}

// Retries and give-ups are logged (TF_LOG_PROVIDER=DEBUG shows them), naming the manager and request.
func TestRetriesAndGiveUpsAreLogged(t *testing.T) {
	endpoint := refusingEndpoint(t)
	c := testClient(t, endpoint)
	c.cfg.RetryTimeout = 3 * time.Second
	fakeClock(c)
	var logs bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &logs)

	if _, err := c.Info(ctx); err == nil {
		t.Fatal("a refused read succeeded")
	}

	text := logs.String()
	for _, want := range []string{`"@message":"OSCAR request: retrying"`, `"@message":"OSCAR request: retry budget spent, giving up"`,
		`"request":"GET /system/info"`, `"manager":"the OSCAR manager at ` + endpoint + `"`} {
		if !strings.Contains(text, want) {
			t.Errorf("the logs lack %s:\n%s", want, text)
		}
	}
}

func TestAMissingBucketIsNotFound(t *testing.T) {
	c, _ := answers(t, reply{500, "Error listing objects in bucket 'b': NoSuchBucket: The specified bucket does not exist"})
	if _, err := c.GetBucket(context.Background(), "b"); !IsNotFound(err) {
		t.Fatalf("err %v", err)
	}
}

// Writes that restart MinIO run alone; other writes run together, but never beside a restart.
func TestWritesThatRestartMinIORunAlone(t *testing.T) {
	c := testClient(t, "http://127.0.0.1:1")
	short := func() (context.Context, context.CancelFunc) {
		return context.WithTimeout(context.Background(), 50*time.Millisecond)
	}
	hold := func(lock func(context.Context, string, func(context.Context) error) error) (release func()) {
		inside, done := make(chan struct{}), make(chan struct{})
		go func() {
			_ = lock(context.Background(), "holder", func(context.Context) error { close(inside); <-done; return nil })
		}()
		<-inside
		return func() { close(done) }
	}

	release := hold(c.shared)
	ctx, cancel := short()
	if err := c.shared(ctx, "second update", func(context.Context) error { return nil }); err != nil {
		t.Errorf("two updates that restart nothing did not run together: %v", err)
	}
	cancel()
	ctx, cancel = short()
	err := c.exclusive(ctx, "create", func(context.Context) error { t.Error("a create ran beside an update"); return nil })
	cancel()
	if err == nil || !strings.Contains(err.Error(), "create: stopped while waiting for the manager's other writes to finish") {
		t.Errorf("err %v", err)
	}
	release()

	release = hold(c.exclusive)
	ctx, cancel = short()
	err = c.shared(ctx, "update", func(context.Context) error { t.Error("an update ran beside a create"); return nil })
	cancel()
	release()
	if err == nil {
		t.Error("an update did not wait for a create")
	}
}

// A manager that does not answer spends one budget for all requests of the process: once it is
// spent, the next request fails at once without being sent (it used to retry for its own budget).
func TestAnOutageIsOneBudgetForEveryRequest(t *testing.T) {
	endpoint := refusingEndpoint(t)
	c := testClient(t, endpoint)
	c.cfg.RetryTimeout = 3 * time.Second
	waited := fakeClock(c)

	if _, err := c.Info(context.Background()); err == nil {
		t.Fatal("a refused read succeeded")
	}
	spent := *waited
	_, err := c.GetService(context.Background(), "b")
	if *waited != spent {
		t.Errorf("the second request waited %s more, want none: the budget was spent", *waited-spent)
	}
	want := "no answer from the OSCAR manager at " + endpoint + " to GET /system/info"
	if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "(not sent: the manager has not answered any request for 2s;") {
		t.Errorf("the second request's error %q does not give the first one's cause and the time without answer", err)
	}
	// A new configuration of the provider (the next command) sends again.
	c2 := testClient(t, endpoint)
	c2.wait = c.wait
	c2.now = c.now
	c2.cfg.RetryTimeout = 3 * time.Second
	before := *waited
	if _, err := c2.Info(context.Background()); err == nil || *waited == before {
		t.Errorf("a client configured after the outage did not try again: err %v", err)
	}
}

// A write waiting to retry gives the write lock up, so a queue of writes does not wait in turn.
func TestAWriteWaitingToRetryReleasesTheWriteLock(t *testing.T) {
	c := testClient(t, refusingEndpoint(t))
	c.cfg.RetryTimeout = time.Minute
	inWait := make(chan struct{})
	proceed := make(chan struct{})
	// The first wait blocks until the test has made its second write; a send that gave up when the
	// test was not yet receiving left it waiting forever on a loaded machine.
	var first sync.Once
	c.wait = func(ctx context.Context, _ time.Duration) error {
		first.Do(func() {
			inWait <- struct{}{}
			<-proceed
		})
		return errors.New("stop")
	}
	go func() {
		_ = c.exclusive(context.Background(), "create", func(ctx context.Context) error {
			return c.do(ctx, call{method: http.MethodGet, path: "/system/info"}, nil)
		})
	}()
	<-inWait
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := c.exclusive(ctx, "second create", func(context.Context) error { return nil }); err != nil {
		t.Errorf("a write waited for another that was waiting to retry: %v", err)
	}
	close(proceed)
}

// fakeClock makes c wait without sleeping, on a clock that moves by the waits; returns the time waited.
func fakeClock(c *Client) *time.Duration {
	var waited time.Duration
	start := time.Now()
	c.now = func() time.Time { return start.Add(waited) }
	c.wait = func(_ context.Context, d time.Duration) error { waited += d; return nil }
	return &waited
}

// refusingEndpoint is the address of a port nothing listens on.
func refusingEndpoint(t *testing.T) string {
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	endpoint := "http://" + listener.Addr().String()
	listener.Close()
	return endpoint
}
