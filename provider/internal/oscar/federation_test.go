package oscar

import (
	"reflect"
	"testing"
)

// The replica the provider recreates must be the manager's copy (pkg/utils/federation.go,
// buildWorkerService); the integration test compares one made by each on two real managers (star).
// This checks the topology-dependent parts the integration test does not reach.
func TestReplicaForMeshKeepsTheRefreshTokenAndListsTheOthers(t *testing.T) {
	edge := Replica{Type: "oscar", ClusterID: "edge", ServiceName: "detect-edge"}
	cloud := Replica{Type: "oscar", ClusterID: "cloud", ServiceName: "detect-cloud", Priority: 1}
	coordinator := &Service{
		Name: "detect", ClusterID: "hub",
		Environment: &Environment{Secrets: map[string]string{"refresh_token": "rt", "API_KEY": "k"}},
		Clusters: map[string]Cluster{
			"edge":  {Endpoint: "https://edge", AuthUser: "oscar", AuthPassword: "p", SSLVerify: true},
			"cloud": {Endpoint: "https://cloud", AuthUser: "oscar", AuthPassword: "q"},
		},
		Federation: &Federation{Topology: "mesh", Members: []Replica{edge, cloud}},
	}

	got := coordinator.ReplicaFor(edge, nil, false)

	if got.Name != "detect-edge" || got.ClusterID != "edge" {
		t.Errorf("name and cluster id: got %q, %q", got.Name, got.ClusterID)
	}
	wantMembers := []Replica{{Type: "oscar", ClusterID: "hub", ServiceName: "detect"}, cloud}
	if !reflect.DeepEqual(got.Federation, &Federation{GroupID: "detect", Topology: "mesh", Members: wantMembers}) {
		t.Errorf("federation: got %+v", got.Federation)
	}
	if want := map[string]string{"refresh_token": "rt", "API_KEY": ""}; !reflect.DeepEqual(got.Environment.Secrets, want) {
		t.Errorf("secrets: got %v, want %v", got.Environment.Secrets, want)
	}
	for id, c := range got.Clusters {
		if c.AuthUser != "" || c.AuthPassword != "" {
			t.Errorf("cluster %s keeps credentials", id)
		}
	}
	if got.Annotations["oscar.grycap/origin-service"] != "detect" || got.Annotations["oscar.grycap/federation-worker"] != "true" {
		t.Errorf("annotations: got %v", got.Annotations)
	}
	// The coordinator's definition is left as it was.
	if coordinator.Environment.Secrets["API_KEY"] != "k" || coordinator.Clusters["edge"].AuthPassword != "p" || coordinator.Annotations != nil {
		t.Error("ReplicaFor changed the coordinator's service")
	}
}

func TestReplicaForStarHasNoMembersAndNoSecretValues(t *testing.T) {
	edge := Replica{Type: "oscar", ClusterID: "edge", ServiceName: "detect-edge"}
	coordinator := &Service{Name: "detect", Environment: &Environment{Secrets: map[string]string{"refresh_token": "rt"}},
		Federation: &Federation{Topology: "star", Members: []Replica{edge}}}

	got := coordinator.ReplicaFor(edge, nil, true)

	if got.Federation.Members != nil || got.Environment.Secrets["refresh_token"] != "" || got.Annotations != nil {
		t.Errorf("got members %v, secrets %v, annotations %v", got.Federation.Members, got.Environment.Secrets, got.Annotations)
	}
	if got.Labels[knativeVisibilityLabel] != knativeClusterLocal {
		t.Errorf("labels: got %v", got.Labels)
	}
}
