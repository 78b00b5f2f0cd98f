package acctest

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"testing"
)

// SecretData reads a Kubernetes Secret from the sandbox's kube-apiserver (what the manager stored),
// decoded; ok is false when it does not exist.
func (s *Sandbox) SecretData(t *testing.T, namespace, name string) (data map[string]string, ok bool) {
	t.Helper()
	var config struct {
		Clusters []struct {
			Cluster struct {
				Server               string `json:"server"`
				CertificateAuthority string `json:"certificate-authority"`
			} `json:"cluster"`
		} `json:"clusters"`
		Users []struct {
			User struct {
				Token string `json:"token"`
			} `json:"user"`
		} `json:"users"`
	}
	raw, err := os.ReadFile(s.Kubeconfig)
	if err != nil || json.Unmarshal(raw, &config) != nil || len(config.Clusters) == 0 || len(config.Users) == 0 {
		t.Fatalf("reading the sandbox's kubeconfig %q (KUBECONFIG, a JSON kubeconfig with a token): %v", s.Kubeconfig, err)
	}
	ca, err := os.ReadFile(config.Clusters[0].Cluster.CertificateAuthority)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(ca)
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}}}
	req, _ := http.NewRequest(http.MethodGet, fmt.Sprintf("%s/api/v1/namespaces/%s/secrets/%s", config.Clusters[0].Cluster.Server, namespace, name), nil)
	req.Header.Set("Authorization", "Bearer "+config.Users[0].User.Token)
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("reading Secret %s/%s: %v", namespace, name, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode == http.StatusNotFound {
		return nil, false
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("reading Secret %s/%s: %d %s", namespace, name, resp.StatusCode, body)
	}
	var secret struct {
		Data map[string][]byte `json:"data"`
	}
	if err := json.Unmarshal(body, &secret); err != nil {
		t.Fatal(err)
	}
	data = map[string]string{}
	for k, v := range secret.Data {
		data[k] = string(v)
	}
	return data, true
}
