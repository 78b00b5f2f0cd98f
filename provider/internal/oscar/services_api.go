package oscar

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
)

// The plain service endpoints. Writes go through the operations in services.go, which add the
// locking and the work-arounds the manager needs.

const servicesPath = "/system/services"

// GetService reads one service; the error satisfies IsNotFound when the manager has no such service.
func (c *Client) GetService(ctx context.Context, name string) (*Service, error) {
	var svc Service
	if err := c.do(ctx, call{method: http.MethodGet, path: servicePath(name)}, &svc); err != nil {
		return nil, err
	}
	return &svc, nil
}

// ListServices reads every service the caller may see (all of them for the basic-auth admin).
func (c *Client) ListServices(ctx context.Context) ([]Service, error) {
	var list []Service
	err := c.do(ctx, call{method: http.MethodGet, path: servicesPath}, &list)
	return list, err
}

// getServiceDocument reads one service as a JSON object, keeping keys this client does not model.
func (c *Client) getServiceDocument(ctx context.Context, name string) (document, error) {
	var doc document
	err := c.do(ctx, call{method: http.MethodGet, path: servicePath(name)}, &doc)
	return doc, err
}

func (c *Client) postService(ctx context.Context, svc *Service) error {
	return c.do(ctx, call{method: http.MethodPost, path: servicesPath, body: svc, slow: svc.ImagePrefetch}, nil)
}

func (c *Client) putService(ctx context.Context, doc document) error {
	return c.do(ctx, call{method: http.MethodPut, path: servicesPath, body: doc, slow: string(doc["image_prefetch"]) == "true"}, nil)
}

func (c *Client) deleteService(ctx context.Context, name string) error {
	return c.do(ctx, call{method: http.MethodDelete, path: servicePath(name)}, nil)
}

func servicePath(name string) string { return servicesPath + "/" + url.PathEscape(name) }

// document is a service as the manager's JSON object.
type document map[string]json.RawMessage

// decode reads the modeled fields of a document.
func (d document) decode() (*Service, error) {
	raw, err := json.Marshal(d)
	if err != nil {
		return nil, err
	}
	var svc Service
	if err := json.Unmarshal(raw, &svc); err != nil {
		return nil, err
	}
	return &svc, nil
}
