package oscar

import (
	"context"
	"net/http"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/oscar-cdktf/terraform-provider-oscar/internal/acctest"
)

// The shared service list against the real manager, counted by a proxy in front of it.

func accClient(t *testing.T, strategy ReadStrategy) (*Client, *acctest.Proxy, string) {
	t.Helper()
	sandbox := acctest.Load(t)
	proxy := acctest.StartProxy(t, sandbox.Endpoint)
	client, err := NewClient(Config{Endpoint: proxy.URL, Username: sandbox.Username, Password: sandbox.Password,
		RetryTimeout: time.Minute, ReadStrategy: strategy})
	if err != nil {
		t.Fatal(err)
	}
	return client, proxy, acctest.Names(t)
}

// reads counts the list GETs and the single-service GETs the proxy forwarded.
func reads(p *acctest.Proxy) (lists, singles int) {
	for _, r := range p.Requests() {
		switch {
		case r.Method != http.MethodGet:
		case r.Path == servicesPath:
			lists++
		case len(r.Path) > len(servicesPath) && r.Path[:len(servicesPath)+1] == servicesPath+"/":
			singles++
		}
	}
	return lists, singles
}

func TestAccServiceListServesConcurrentReads(t *testing.T) {
	client, proxy, prefix := accClient(t, ReadFromList)
	ctx := context.Background()
	syncName, async := prefix+"-sync", prefix+"-async"
	for _, svc := range []*Service{
		{Name: syncName, Image: "ghcr.io/grycap/cowsay", Script: "#!/bin/sh\necho hi\n", Memory: "128Mi", CPU: "0.1",
			Environment: &Environment{Variables: map[string]string{"A": "1"}, Secrets: map[string]string{"KEY": "s3cr3t"}}},
		{Name: async, Image: "ghcr.io/grycap/cowsay", Script: "#!/bin/sh\necho hi\n", Memory: "128Mi", CPU: "0.1",
			Input:  []StorageIO{{StorageProvider: "minio.default", Path: async + "/in", Suffix: []string{".txt"}}},
			Output: []StorageIO{{StorageProvider: "minio.default", Path: async + "/out"}}},
	} {
		if _, err := client.CreateService(ctx, svc); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _, _ = client.DeleteService(context.Background(), svc.Name, nil) })
	}
	missing := prefix + "-missing"

	proxy.Reset()
	var wg sync.WaitGroup
	results := make([]*Service, 30)
	errs := make([]error, 30)
	names := []string{syncName, async, missing}
	for i := range results {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			results[i], _, errs[i] = client.ReadService(ctx, names[i%3])
		}(i)
	}
	wg.Wait()
	lists, singles := reads(proxy)
	if lists != 1 || singles != 10 {
		t.Errorf("30 concurrent reads (20 of listed services, 10 of a missing one) sent %d lists and %d single GETs, want 1 and 10 (the missing one's)", lists, singles)
	}
	for i, err := range errs {
		name := names[i%3]
		if name == missing {
			if !IsNotFound(err) {
				t.Errorf("read of the missing service: got %v, want not found", err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("read of %s: %v", name, err)
		}
		single, err := client.GetService(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(results[i], single) {
			t.Errorf("service %s from the list differs from its single GET:\nlist:   %+v\nsingle: %+v", name, results[i], single)
		}
	}
}

func TestAccServiceListIsDroppedByEveryWrite(t *testing.T) {
	client, proxy, prefix := accClient(t, ReadFromList)
	ctx := context.Background()
	name, bucket := prefix+"-svc", prefix+"-bucket"
	svc := &Service{Name: name, Image: "ghcr.io/grycap/cowsay", Script: "#!/bin/sh\necho hi\n", Memory: "128Mi", CPU: "0.1", LogLevel: "INFO"}
	if _, err := client.CreateService(ctx, svc); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _, _ = client.DeleteService(context.Background(), name, nil) })

	read := func() *Service {
		t.Helper()
		got, _, err := client.ReadService(ctx, name)
		if err != nil && !IsNotFound(err) {
			t.Fatal(err)
		}
		return got
	}
	listsAfter := func(what string, write func()) {
		t.Helper()
		read()
		proxy.Reset()
		read()
		if lists, _ := reads(proxy); lists != 0 {
			t.Fatalf("before %s: a second read listed again (%d lists)", what, lists)
		}
		write()
		proxy.Reset()
		read()
		if lists, _ := reads(proxy); lists != 1 {
			t.Errorf("after %s: the next read sent %d lists, want 1 (the list from before the write must not serve it)", what, lists)
		}
	}

	listsAfter("a service create", func() {
		other := &Service{Name: prefix + "-other", Image: "ghcr.io/grycap/cowsay", Script: "#!/bin/sh\necho hi\n", Memory: "128Mi", CPU: "0.1"}
		if _, err := client.CreateService(ctx, other); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _, _ = client.DeleteService(context.Background(), other.Name, nil) })
	})
	listsAfter("a service update", func() {
		changed := *svc
		changed.LogLevel = "DEBUG"
		if _, err := client.UpdateService(ctx, &changed, nil); err != nil {
			t.Fatal(err)
		}
	})
	if got := read(); got == nil || got.LogLevel != "DEBUG" {
		t.Errorf("after the update the read gives %+v, want log_level DEBUG", got)
	}
	listsAfter("a bucket create", func() {
		if err := client.CreateBucket(ctx, &Bucket{Name: bucket, Visibility: "private"}); err != nil {
			t.Fatal(err)
		}
	})
	listsAfter("a bucket delete", func() {
		if err := client.DeleteBucket(ctx, bucket); err != nil {
			t.Fatal(err)
		}
	})
	listsAfter("a service delete", func() {
		if _, err := client.DeleteService(ctx, name, nil); err != nil {
			t.Fatal(err)
		}
	})
	if got := read(); got != nil {
		t.Errorf("after the delete the read still gives %s", got.Name)
	}

	// Another client of the same endpoint and credentials (another provider alias, configured with
	// this one) shares the list; a client configured later (the next command) does not use an older
	// list; and a list outlives its TTL for no one.
	other, err := NewClient(client.cfg)
	if err != nil {
		t.Fatal(err)
	}
	read()
	proxy.Reset()
	if _, _, err := other.ReadService(ctx, name); !IsNotFound(err) {
		t.Fatalf("read through a second client: %v, want not found", err)
	}
	if lists, _ := reads(proxy); lists != 0 {
		t.Errorf("a second client with the same settings listed again (%d lists)", lists)
	}
	later, err := NewClient(client.cfg)
	if err != nil {
		t.Fatal(err)
	}
	proxy.Reset()
	if _, _, err := later.ReadService(ctx, name); !IsNotFound(err) {
		t.Fatalf("read through a later client: %v, want not found", err)
	}
	if lists, _ := reads(proxy); lists != 1 {
		t.Errorf("a client configured later sent %d lists, want 1 (a list must not outlive its command)", lists)
	}
	client.now = func() time.Time { return time.Now().Add(listTTL + time.Second) }
	proxy.Reset()
	read()
	if lists, _ := reads(proxy); lists != 1 {
		t.Errorf("a read after the list's TTL sent %d lists, want 1", lists)
	}
}

func TestAccReadEachSendsNoList(t *testing.T) {
	client, proxy, prefix := accClient(t, ReadEach)
	_, _, err := client.ReadService(context.Background(), prefix+"-absent")
	if !IsNotFound(err) {
		t.Fatalf("read of an absent service: %v, want not found", err)
	}
	if lists, singles := reads(proxy); lists != 0 || singles != 1 {
		t.Errorf("read_strategy each sent %d lists and %d single GETs, want 0 and 1", lists, singles)
	}
}
