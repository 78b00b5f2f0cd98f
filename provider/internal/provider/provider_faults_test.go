package provider_test

import (
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/oscar-cdktf/terraform-provider-oscar/internal/acctest"
)

// The manager killed (SIGKILL) in the middle of an apply of 10 creates. The
// apply fails with one message per create that did not finish: the create in flight is recorded as
// tainted (its outcome is unknown), the queued ones fail without being sent. With the manager started
// again, the rerun completes with no import, no duplicate and nothing left over: exactly one service,
// one bucket and one MinIO webhook target per service, and nothing after the destroy. (How soon the
// apply fails is measured by the faults benchmark: bench/faults.ts.)
func TestAccManagerKilledMidApply(t *testing.T) {
	e := newAccEnv(t)
	e.RequireManagerControl(t)
	const count = 10
	var names, blocks []string
	for i := range count {
		name := e.name(fmt.Sprintf("k%d", i))
		names = append(names, name)
		blocks = append(blocks, fmt.Sprintf(`
resource "oscar_service" "k%d" {
  name   = %q
  image  = "ghcr.io/grycap/cowsay"
  script = "#!/bin/sh\necho hi\n"
  input  = [{ storage_provider = "minio", path = "%[2]s/in" }]
}`, i, name))
	}
	config := e.config("", blocks...)

	var mu sync.Mutex
	var killErr error
	var killedAt time.Time
	sentBeforeKill := 0
	killer := func() {
		go func() {
			// The second create is on its way once the proxy forwarded its POST; the manager then restarts
			// MinIO and sleeps 6 s before answering, so 2 s later it is in the middle of it.
			acctest.Eventually(2*time.Minute, func() bool { return countPosts(e.proxy.Requests()) >= 2 })
			time.Sleep(2 * time.Second)
			mu.Lock()
			defer mu.Unlock()
			if killErr = e.KillManager(); killErr == nil {
				killedAt = time.Now()
			}
			sentBeforeKill = countPosts(e.proxy.Requests())
		}()
	}
	created := func(s *terraform.State) error {
		return exactlyOneEach(t, e.Sandbox, e.prefix, names)
	}

	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: factories,
		CheckDestroy:             func(*terraform.State) error { return e.NoDebris(t, e.prefix) },
		ErrorCheck: func(err error) error {
			mu.Lock()
			defer mu.Unlock()
			if killedAt.IsZero() {
				return fmt.Errorf("the apply failed before the manager was killed (%v): %w", killErr, err)
			}
			t.Logf("the apply failed %s after the manager was killed, with %d create(s) sent:\n%s",
				time.Since(killedAt).Round(100*time.Millisecond), sentBeforeKill, err)
			return checkKilledApplyErrors(err.Error(), names, count-(sentBeforeKill-1))
		},
		Steps: []resource.TestStep{
			{PreConfig: killer, Config: config},
			{
				PreConfig: func() {
					if err := e.RestartManager(); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				Check:  created,
			},
		},
	})
}

func countPosts(requests []acctest.Request) int {
	n := 0
	for _, r := range requests {
		if r.Method == http.MethodPost && r.Path == "/system/services" {
			n++
		}
	}
	return n
}

var createError = regexp.MustCompile(`Cannot create OSCAR service "([^"]+)"`)

// checkKilledApplyErrors checks the errors of the apply the manager died in: one per create that had
// not finished (pending), each for another service, the one in flight recorded tainted and the
// queued ones failed without waiting.
func checkKilledApplyErrors(output string, names []string, pending int) error {
	var failed []string
	for _, m := range createError.FindAllStringSubmatch(output, -1) {
		if !slices.Contains(names, m[1]) || slices.Contains(failed, m[1]) {
			return fmt.Errorf("unexpected or repeated create error for %q in:\n%s", m[1], output)
		}
		failed = append(failed, m[1])
	}
	if len(failed) != pending {
		return fmt.Errorf("%d create errors (%v), want one for each of the %d creates that had not finished:\n%s", len(failed), failed, pending, output)
	}
	for _, want := range []string{"so it is recorded as tainted", "not sent: the manager has not answered any request for"} {
		if !strings.Contains(strings.Join(strings.Fields(output), " "), want) {
			return fmt.Errorf("the errors do not say %q:\n%s", want, output)
		}
	}
	return nil
}

// exactlyOneEach checks that each named service exists once, with its one bucket and one webhook
// target, and nothing else with the prefix.
func exactlyOneEach(t *testing.T, s *acctest.Sandbox, prefix string, names []string) error {
	var services []string
	for _, name := range names {
		if _, ok := s.Service(t, name); ok {
			services = append(services, name)
		}
	}
	buckets := acctest.WithPrefix(s.Buckets(t), prefix)
	webhooks := acctest.WithPrefix(s.WebhookTargets(t), prefix)
	want := slices.Sorted(slices.Values(names))
	if !slices.Equal(services, names) || !slices.Equal(buckets, want) || !slices.Equal(webhooks, want) {
		return fmt.Errorf("want exactly the services, buckets and webhook targets %v; got services %v, buckets %v, webhooks %v",
			want, services, buckets, webhooks)
	}
	return nil
}
