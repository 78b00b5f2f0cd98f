package oscar

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"
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
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	endpoint := "http://" + listener.Addr().String()
	listener.Close()
	c := testClient(t, endpoint)
	c.cfg.RetryTimeout = 3 * time.Second
	var waited time.Duration
	start := time.Now()
	c.now = func() time.Time { return start.Add(waited) }
	c.wait = func(_ context.Context, d time.Duration) error { waited += d; return nil }

	err = c.postService(context.Background(), &Service{Name: "a"})

	pattern := `^no answer from the OSCAR manager at ` + regexp.QuoteMeta(endpoint) + ` to POST /system/services: .*connection refused\n` +
		`Check that the manager is running and reachable, and that endpoint \(OSCAR_ENDPOINT\) is right.\n` +
		`\(gave up after \d+ attempts in \d+s; raise retry_timeout or OSCAR_RETRY_TIMEOUT to wait longer\)$`
	if err == nil || !regexp.MustCompile(pattern).MatchString(err.Error()) {
		t.Fatalf("error %q does not match %s", err, pattern)
	}
	if waited != 500*time.Millisecond+time.Second {
		t.Errorf("waited %s between attempts, want 0.5s + 1s within a 3s retry timeout", waited)
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
	hold := func(lock func(context.Context, string, func() error) error) (release func()) {
		inside, done := make(chan struct{}), make(chan struct{})
		go func() { _ = lock(context.Background(), "holder", func() error { close(inside); <-done; return nil }) }()
		<-inside
		return func() { close(done) }
	}

	release := hold(c.shared)
	ctx, cancel := short()
	if err := c.shared(ctx, "second update", func() error { return nil }); err != nil {
		t.Errorf("two updates that restart nothing did not run together: %v", err)
	}
	cancel()
	ctx, cancel = short()
	err := c.exclusive(ctx, "create", func() error { t.Error("a create ran beside an update"); return nil })
	cancel()
	if err == nil || !strings.Contains(err.Error(), "create: stopped while waiting for the manager's other writes to finish") {
		t.Errorf("err %v", err)
	}
	release()

	release = hold(c.exclusive)
	ctx, cancel = short()
	err = c.shared(ctx, "update", func() error { t.Error("an update ran beside a create"); return nil })
	cancel()
	release()
	if err == nil {
		t.Error("an update did not wait for a create")
	}
}
