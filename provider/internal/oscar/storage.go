package oscar

import "strings"

// How the manager maps a service's storage paths to buckets of the cluster's MinIO (v4.1.2,
// pkg/handlers/create.go): a provider reference is "<type>" or "<type>.<id>" (no id means "default");
// a path is trimmed of spaces and slashes, its first segment is the bucket, and a MinIO or S3 path
// with a single segment "x" means "<service name>/x".

// ProviderRef splits a storage_provider reference into its lower-cased type and its id.
func ProviderRef(ref string) (kind, id string) {
	kind, id, found := strings.Cut(strings.TrimSpace(ref), ".")
	if !found {
		id = "default"
	}
	return strings.ToLower(kind), id
}

// CanonicalPath is the path as the manager stores it for a service named service.
func CanonicalPath(service, storageProvider, path string) string {
	p := strings.Trim(path, " /")
	kind, _ := ProviderRef(storageProvider)
	if (kind == "minio" || kind == "s3") && p != "" && !strings.Contains(p, "/") {
		p = service + "/" + p
	}
	return p
}

// bucketOf is the bucket a canonical path names.
func bucketOf(canonicalPath string) string {
	bucket, _, _ := strings.Cut(canonicalPath, "/")
	return bucket
}

// inClusterMinIO tells whether an input or output lives in the cluster's own MinIO: the manager
// creates and deletes buckets there. Inputs may name another MinIO id only if it is the cluster's
// (the manager checks), so every MinIO input counts; outputs count with the default id.
func inClusterMinIO(io StorageIO, isInput bool) bool {
	kind, id := ProviderRef(io.StorageProvider)
	return kind == "minio" && (isInput || id == "default")
}

// ClusterBuckets lists, in order and without repeats, the buckets of the cluster's MinIO that the
// service's inputs and outputs use: the buckets the manager creates with the service and deletes with it.
func (s *Service) ClusterBuckets() []string {
	var buckets []string
	seen := map[string]bool{}
	add := func(ios []StorageIO, isInput bool) {
		for _, io := range ios {
			if !inClusterMinIO(io, isInput) {
				continue
			}
			b := bucketOf(CanonicalPath(s.Name, io.StorageProvider, io.Path))
			if b != "" && !seen[b] {
				seen[b] = true
				buckets = append(buckets, b)
			}
		}
	}
	add(s.Input, true)
	add(s.Output, false)
	return buckets
}

// UsesBucket tells whether any input, output or the mount of the service is in bucket b of the
// cluster's MinIO.
func (s *Service) UsesBucket(b string) bool {
	for _, bucket := range s.ClusterBuckets() {
		if bucket == b {
			return true
		}
	}
	if s.Mount != nil && s.Mount.Path != "" {
		kind, id := ProviderRef(s.Mount.StorageProvider)
		if kind == "minio" && id == "default" && bucketOf(strings.Trim(s.Mount.Path, " /")) == b {
			return true
		}
	}
	return false
}

// InputsIn returns the canonical paths of the service's MinIO inputs that are in one of buckets.
func (s *Service) InputsIn(buckets map[string]bool) []string {
	var paths []string
	for _, io := range s.Input {
		p := CanonicalPath(s.Name, io.StorageProvider, io.Path)
		if inClusterMinIO(io, true) && buckets[bucketOf(p)] {
			paths = append(paths, p)
		}
	}
	return paths
}

// WithoutBuckets returns a copy of the service whose inputs and outputs in the given buckets of the
// cluster's MinIO are left out.
func (s *Service) WithoutBuckets(buckets map[string]bool) *Service {
	keep := func(ios []StorageIO, isInput bool) []StorageIO {
		var kept []StorageIO
		for _, io := range ios {
			if inClusterMinIO(io, isInput) && buckets[bucketOf(CanonicalPath(s.Name, io.StorageProvider, io.Path))] {
				continue
			}
			kept = append(kept, io)
		}
		return kept
	}
	c := *s
	c.Input = keep(s.Input, true)
	c.Output = keep(s.Output, false)
	return &c
}
