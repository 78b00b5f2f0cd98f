package oscar

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
)

// An update is a read-modify-write of the manager's JSON: `PUT /system/services` replaces the whole
// definition, so keys this client does not model (a newer manager's fields) are sent back as read,
// and only the modeled keys are replaced by the desired definition.

// responseOnlyKeys are keys the manager computes for its answers. Sending them back would be wrong:
// the manager appends to a bucket_list it is given instead of recomputing it.
var responseOnlyKeys = []string{"bucket_list", "volume_status", "deployment"}

// managedKeys are the modeled keys the manager sets itself; the read values are kept.
var managedKeys = map[string]bool{"token": true, "owner": true, "namespace": true, "labels": true}

// modeledKeys are the JSON keys of Service, read from its struct tags.
var modeledKeys = func() []string {
	var keys []string
	t := reflect.TypeOf(Service{})
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" {
			keys = append(keys, name)
		}
	}
	return keys
}()

// updateDocument builds the body of a PUT from the service as the manager returned it (current) and
// the desired definition. Labels are merged: the manager adds its own (and OIDC users get Kueue and VO
// labels that an update does not add back), so the current labels are kept except the keys in
// ownedLabels, which the configuration owns and desired sets.
func updateDocument(current document, desired *Service, ownedLabels []string) (document, error) {
	raw, err := json.Marshal(desired)
	if err != nil {
		return nil, err
	}
	var want document
	if err := json.Unmarshal(raw, &want); err != nil {
		return nil, err
	}
	out := document{}
	for k, v := range current {
		out[k] = v
	}
	for _, k := range responseOnlyKeys {
		delete(out, k)
	}
	for _, k := range modeledKeys {
		if managedKeys[k] {
			continue
		}
		if v, ok := want[k]; ok {
			out[k] = v
		} else {
			delete(out, k) // the manager reads a missing key as its zero value
		}
	}
	labels := map[string]string{}
	if raw, ok := current["labels"]; ok && string(raw) != "null" {
		if err := json.Unmarshal(raw, &labels); err != nil {
			return nil, fmt.Errorf("the manager's labels are not a map of strings: %w", err)
		}
	}
	for _, k := range ownedLabels {
		delete(labels, k)
	}
	for k, v := range desired.Labels {
		labels[k] = v
	}
	if out["labels"], err = json.Marshal(labels); err != nil {
		return nil, err
	}
	return out, nil
}

// setOwner puts owner into a document.
func (d document) setOwner(owner string) {
	raw, _ := json.Marshal(owner)
	d["owner"] = raw
}

// owner reads the owner of a document ("" when missing).
func (d document) owner() string {
	var owner string
	if raw, ok := d["owner"]; ok {
		_ = json.Unmarshal(raw, &owner)
	}
	return owner
}

// definitionDiffers tells whether two documents of one service differ in a field the definition sets
// (the manager's own fields and labels are left out).
func (d document) definitionDiffers(other document) bool {
	for _, k := range modeledKeys {
		if !managedKeys[k] && string(d[k]) != string(other[k]) {
			return true
		}
	}
	return false
}
