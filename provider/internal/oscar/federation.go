package oscar

import (
	"context"
	"crypto/tls"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"strings"
)

// Federation as the manager v4.1.2 runs it (docs/federation-v4.1.2.md): creating a service with
// federation.members also creates a replica on each `oscar` member, with the caller's own credentials;
// an update is forwarded to the replicas that exist; nothing recreates a lost replica, creates the
// replica of a member added later, or deletes replicas when the coordinator's service is deleted.
// The provider does those three things itself, on the members, as the same caller.

// refreshTokenKey is the secret a federated service must carry (the manager answers 400 without it).
const refreshTokenKey = "refresh_token"

// OscarMembers are the members of s's federation that are services on other OSCAR clusters.
func (s *Service) OscarMembers() []Replica {
	if s.Federation == nil {
		return nil
	}
	var out []Replica
	for _, m := range s.Federation.Members {
		if strings.EqualFold(m.Type, "oscar") {
			out = append(out, m)
		}
	}
	return out
}

// ReplicaKey names a member's replica in messages and state: `<cluster_id>/<service_name>`.
func ReplicaKey(m Replica) string { return m.ClusterID + "/" + m.ServiceName }

// The label the manager's Knative backend sets on the service itself while creating it (after
// storing its definition, before copying it to the members): the replicas carry it.
const (
	knativeVisibilityLabel = "networking.knative.dev/visibility"
	knativeClusterLocal    = "cluster-local"
)

// ReplicaFor is the service the manager sends to member when it creates the federation of s (the
// definition sent to the coordinator; held is the coordinator's service as its manager returns it),
// so that a replica the provider recreates is the one the manager made: the member's name and cluster
// id; the federation without members (with mesh: the coordinator and the other members); the clusters
// without credentials; every secret blank (with mesh the refresh token is kept); the coordinator's own
// MinIO as the default storage provider (its endpoint, with hidden credentials); the Knative
// visibility label when the coordinator runs Knative; and the origin annotations when s names its cluster.
func (s *Service) ReplicaFor(member Replica, held *Service, knative bool) *Service {
	coordinator := s.withBlankSecrets()
	worker := *coordinator
	if own, ok := held.defaultMinIO(); ok {
		providers := StorageProviders{}
		if s.StorageProviders != nil {
			providers = *s.StorageProviders
		}
		providers.MinIO = maps.Clone(providers.MinIO)
		if providers.MinIO == nil {
			providers.MinIO = map[string]MinIOProvider{}
		}
		providers.MinIO["default"] = own
		worker.StorageProviders = &providers
	}
	if knative {
		worker.Labels = maps.Clone(s.Labels)
		if worker.Labels == nil {
			worker.Labels = map[string]string{}
		}
		worker.Labels[knativeVisibilityLabel] = knativeClusterLocal
	}
	worker.Name = member.ServiceName
	worker.ClusterID = member.ClusterID
	worker.Token, worker.Owner, worker.Namespace = "", "", ""
	groupID := s.Federation.GroupID
	if strings.TrimSpace(groupID) == "" {
		groupID = s.Name
	}
	mesh := strings.EqualFold(s.Federation.Topology, "mesh")
	worker.Federation = &Federation{GroupID: groupID, Topology: s.Federation.Topology, Delegation: s.Federation.Delegation,
		ReschedulerThreshold: s.Federation.ReschedulerThreshold}
	if mesh {
		worker.Federation.Members = append([]Replica{{Type: "oscar", ClusterID: s.ClusterID, ServiceName: s.Name}}, otherMembers(s, member)...)
		if token := s.secret(refreshTokenKey); token != "" {
			env := *worker.Environment
			env.Secrets = maps.Clone(env.Secrets)
			env.Secrets[refreshTokenKey] = token
			worker.Environment = &env
		}
	}
	if s.Clusters != nil {
		worker.Clusters = make(map[string]Cluster, len(s.Clusters))
		for id, c := range s.Clusters {
			c.AuthUser, c.AuthPassword = "", ""
			worker.Clusters[id] = c
		}
	}
	if s.ClusterID != "" {
		worker.Annotations = maps.Clone(s.Annotations)
		if worker.Annotations == nil {
			worker.Annotations = map[string]string{}
		}
		worker.Annotations["oscar.grycap/origin-cluster"] = s.ClusterID
		worker.Annotations["oscar.grycap/origin-service"] = s.Name
		worker.Annotations["oscar.grycap/federation-worker"] = "true"
	}
	return &worker
}

func otherMembers(s *Service, member Replica) []Replica {
	var out []Replica
	for _, m := range s.Federation.Members {
		if m.ClusterID != member.ClusterID || m.ServiceName != member.ServiceName {
			out = append(out, m)
		}
	}
	return out
}

func (s *Service) defaultMinIO() (MinIOProvider, bool) {
	if s == nil || s.StorageProviders == nil {
		return MinIOProvider{}, false
	}
	p, ok := s.StorageProviders.MinIO["default"]
	return p, ok
}

func (s *Service) secret(key string) string {
	if s.Environment == nil {
		return ""
	}
	return strings.TrimSpace(s.Environment.Secrets[key])
}

// Member is a client for the cluster of a federation member, authenticating as c does: the manager
// forwards its caller's credentials to the members, so the replicas were made with these.
func (c *Client) Member(clusterID string, cluster Cluster) (*Client, error) {
	base, err := url.Parse(strings.TrimRight(strings.TrimSpace(cluster.Endpoint), "/"))
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		return nil, fmt.Errorf("the endpoint %q of federation cluster %q is not an absolute http(s) URL", cluster.Endpoint, clusterID)
	}
	transport := defaultTransport()
	if own, ok := c.http.Transport.(*http.Transport); ok {
		transport = own.Clone()
	}
	if !cluster.SSLVerify {
		tlsConfig := &tls.Config{MinVersion: tls.VersionTLS12}
		if transport.TLSClientConfig != nil {
			tlsConfig = transport.TLSClientConfig.Clone()
		}
		tlsConfig.InsecureSkipVerify = true // #nosec G402 -- the member's ssl_verify is false, as the manager reads it
		transport.TLSClientConfig = tlsConfig
	}
	cfg := c.cfg
	cfg.Endpoint, cfg.Name = base.String(), clusterID
	return &Client{
		base: base, http: &http.Client{Transport: transport}, cfg: cfg,
		writes: writeLockFor(base.String()), outage: outageFor(base.String()), basicAuth: c.basicAuth,
		tokens: c.tokens, lists: listsFor(base.String()), identity: c.identity, wait: c.wait, now: c.now,
	}, nil
}

// memberClient is the client for member's cluster, as s's clusters define it.
func (c *Client) memberClient(s *Service, member Replica) (*Client, error) {
	cluster, ok := s.Clusters[member.ClusterID]
	if !ok {
		return nil, fmt.Errorf("federation member %s: cluster %q is not defined in clusters", ReplicaKey(member), member.ClusterID)
	}
	return c.Member(member.ClusterID, cluster)
}

// MissingReplicas are the oscar members of s whose replica their cluster does not hold. A member
// that cannot be asked (unreachable, refused) is left out and reported in unknown. A refresh reads
// the member's shared list (see list_cache.go); a write (fresh) asks for each replica.
func (c *Client) MissingReplicas(ctx context.Context, s *Service, fresh bool) (missing []Replica, unknown []error) {
	for _, m := range s.OscarMembers() {
		member, err := c.memberClient(s, m)
		switch {
		case err != nil:
		case fresh:
			_, err = member.GetService(ctx, m.ServiceName)
		default:
			_, _, err = member.ReadService(ctx, m.ServiceName)
		}
		switch {
		case IsNotFound(err):
			missing = append(missing, m)
		case err != nil:
			unknown = append(unknown, fmt.Errorf("replica %s: %w", ReplicaKey(m), err))
		}
	}
	return missing, unknown
}

// CreateReplica creates member's replica of s on the member's cluster, as the manager would have
// (held: the coordinator's service as its manager returns it).
func (c *Client) CreateReplica(ctx context.Context, s, held *Service, m Replica) (WriteResult, error) {
	member, err := c.memberClient(s, m)
	if err != nil {
		return WriteResult{}, err
	}
	coordinator, err := c.ClusterConfig(ctx)
	if err != nil {
		return WriteResult{}, fmt.Errorf("reading the coordinator's configuration: %w", err)
	}
	return member.CreateService(ctx, s.ReplicaFor(m, held, strings.EqualFold(coordinator.Config.ServerlessBackend, "knative")))
}

// DeleteReplica deletes member's replica of s (gone already is no error).
func (c *Client) DeleteReplica(ctx context.Context, s *Service, m Replica) (WriteResult, error) {
	member, err := c.memberClient(s, m)
	if err != nil {
		return WriteResult{}, err
	}
	return member.DeleteService(ctx, m.ServiceName, nil)
}
