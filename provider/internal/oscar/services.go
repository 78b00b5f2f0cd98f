package oscar

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strings"
)

// Service writes. Each runs under the manager's write lock (lock.go) and works around what the
// manager v4.1.2 does with buckets of its MinIO, measured against the real manager:
//
//   - A create whose input or output bucket already exists fails with 500 ("the bucket ... already
//     exists") after 6.5 s and leaves a notify_webhook entry for the service in MinIO's config. An
//     update ignores that error. So a service whose buckets exist is created without the inputs and
//     outputs in them, then updated to its full definition. Those buckets are "foreign" to the
//     service: it did not create them and must not delete them.
//   - The manager attaches a bucket's upload trigger (its MinIO notification) only when it creates the
//     bucket. An input in a bucket that already existed therefore never starts the service; this is
//     reported as a warning (grycap/oscar#653 proposes to lift it).
//   - A delete removes every bucket of the service's inputs and outputs with all objects, even when
//     it is foreign, another service uses it, or it is a stand-alone bucket (/system/buckets), and it
//     stops at the first bucket that no longer exists, leaving the others behind. So before deleting,
//     the service is updated to drop the inputs and outputs in buckets it must not delete.
//   - An update that does not send "owner" clears it, and a delete then fails with 500 and leaves the
//     buckets behind. Updates always send the owner, and a cleared owner is restored before a delete.

// WriteResult tells what a write did besides succeeding or failing.
type WriteResult struct {
	// Created is true when a create left the service in place, also when a later step failed.
	Created bool
	// Unknown is true when a create's answer was lost and the service could not be read back: it may
	// or may not exist.
	Unknown bool
	// ForeignBuckets are buckets the service started using that existed already; pass them to
	// DeleteService so they are kept.
	ForeignBuckets []string
	// Warnings are things the user should know.
	Warnings []string
}

// CreateService creates svc. When the manager's answer is lost (the manager died or hung, a proxy
// timed out) or it says the service already exists, the service is read back: found with the
// definition that was sent and all its buckets, it counts as created (see recoverCreate).
func (c *Client) CreateService(ctx context.Context, svc *Service) (WriteResult, error) {
	var res WriteResult
	err := c.exclusive(ctx, "creating service "+svc.Name, func(ctx context.Context) error {
		existing, err := c.existingBuckets(ctx, svc.ClusterBuckets())
		if err != nil {
			return err
		}
		if len(existing) == 0 {
			if err := c.postService(ctx, svc); err != nil {
				return c.recoverCreate(ctx, svc, err, &res)
			}
			res.Created = true
			return nil
		}
		res.ForeignBuckets = sortedKeys(existing)
		res.Warnings = untriggeredInputs(svc, existing)
		if err := c.postService(ctx, svc.WithoutBuckets(existing)); err != nil {
			return c.recoverCreate(ctx, svc, err, &res)
		}
		res.Created = true
		current, err := c.getServiceDocument(ctx, svc.Name)
		if err == nil {
			err = c.update(ctx, current, svc, nil, &res)
		}
		if err != nil {
			return fmt.Errorf("service %q was created without its inputs and outputs in the existing bucket(s) %s, and adding them failed: %w",
				svc.Name, strings.Join(res.ForeignBuckets, ", "), err)
		}
		return nil
	})
	return res, err
}

// recoverCreate handles a create that failed with postErr. When the outcome is unknown (no answer
// after sending, a timeout, a proxy's 502 or 504) or the manager says the service exists (a rerun
// after such a create), the service is read back:
//   - stored with the definition that was sent and with all its buckets: the manager finished the
//     create (it makes the buckets last), so it counts as created, with a warning;
//   - stored as sent but without some bucket: the manager stopped half-way; it is reported Created
//     with an error, so Terraform records it tainted and the next apply replaces it;
//   - not stored: the error stands;
//   - not readable (the manager is still down): Unknown, with an error.
//
// A service stored with another definition is left alone (someone else's, to import).
func (c *Client) recoverCreate(ctx context.Context, svc *Service, postErr error, res *WriteResult) error {
	exists := isAlreadyExists(postErr)
	if !exists && !outcomeUnknown(postErr) {
		return postErr
	}
	doc, err := c.getServiceDocument(ctx, svc.Name)
	switch {
	case IsNotFound(err):
		return postErr
	case err != nil:
		if exists {
			return postErr
		}
		res.Unknown = true
		return fmt.Errorf("%w\nReading service %q back to learn whether it was stored failed too: %v", postErr, svc.Name, err)
	}
	sent, err := updateDocument(doc, svc.withBlankSecrets(), nil)
	if err != nil || doc.definitionDiffers(sent) {
		return postErr
	}
	missing, err := c.missingBuckets(ctx, svc)
	if err != nil {
		res.Unknown = true
		return fmt.Errorf("%w\nService %q was stored with the definition sent; checking its buckets failed: %v", postErr, svc.Name, err)
	}
	res.Created = true
	if len(missing) > 0 {
		return fmt.Errorf("%w\nService %q was stored with the definition sent, but without its bucket(s) %s: the manager stopped before "+
			"finishing it", postErr, svc.Name, strings.Join(missing, ", "))
	}
	res.ForeignBuckets, res.Warnings = nil, nil
	how := "the manager's answer to its create was lost (" + firstLine(postErr) + ")"
	if exists {
		how = "it was already there (a create whose answer was lost, in an earlier run)"
	}
	res.Warnings = append(res.Warnings, fmt.Sprintf("Service %q is managed as created: %s, and the manager holds it with the "+
		"definition sent and all its buckets.", svc.Name, how))
	return nil
}

// withBlankSecrets is svc as the manager returns it: every secret with an empty value.
func (s *Service) withBlankSecrets() *Service {
	if s.Environment == nil || len(s.Environment.Secrets) == 0 {
		return s
	}
	out := *s
	env := *s.Environment
	env.Secrets = map[string]string{}
	for k := range s.Environment.Secrets {
		env.Secrets[k] = ""
	}
	out.Environment = &env
	return &out
}

// missingBuckets are the buckets of svc's inputs and outputs in the cluster's MinIO that do not exist.
func (c *Client) missingBuckets(ctx context.Context, svc *Service) ([]string, error) {
	names := svc.ClusterBuckets()
	existing, err := c.existingBuckets(ctx, names)
	if err != nil {
		return nil, err
	}
	var missing []string
	for _, b := range names {
		if !existing[b] {
			missing = append(missing, b)
		}
	}
	return missing, nil
}

func isAlreadyExists(err error) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && apiErr.Status == http.StatusBadRequest &&
		strings.Contains(apiErr.Message, "A service with the provided name already exists")
}

// outcomeUnknown tells whether a request that failed with err may have been carried out.
func outcomeUnknown(err error) bool {
	var unsent *unreachableError
	if errors.As(err, &unsent) {
		return false
	}
	var tErr *transportError
	if errors.As(err, &tErr) {
		return !tErr.neverSent() && !isCertificateError(tErr.err)
	}
	var apiErr *APIError
	return errors.As(err, &apiErr) && (apiErr.Status == http.StatusBadGateway || apiErr.Status == http.StatusGatewayTimeout)
}

func firstLine(err error) string {
	line, _, _ := strings.Cut(err.Error(), "\n")
	return line
}

// UpdateService replaces the definition of an existing service with desired. ownedLabels are the
// label keys the caller manages (the previous and the desired ones); other labels are kept.
func (c *Client) UpdateService(ctx context.Context, desired *Service, ownedLabels []string) (WriteResult, error) {
	var res WriteResult
	doc, err := c.getServiceDocument(ctx, desired.Name)
	if err != nil {
		return res, err
	}
	current, err := doc.decode()
	if err != nil {
		return res, fmt.Errorf("reading service %q: %w", desired.Name, err)
	}
	added := map[string]bool{}
	for _, b := range desired.ClusterBuckets() {
		added[b] = true
	}
	for _, b := range current.ClusterBuckets() {
		delete(added, b)
	}
	// Only an update that adds a bucket restarts MinIO (it registers the service's webhook again).
	lock := c.shared
	if len(added) > 0 {
		lock = c.exclusive
	}
	err = lock(ctx, "updating service "+desired.Name, func(ctx context.Context) error {
		existing, err := c.existingBuckets(ctx, sortedKeys(added))
		if err != nil {
			return err
		}
		res.ForeignBuckets = sortedKeys(existing)
		res.Warnings = untriggeredInputs(desired, existing)
		return c.update(ctx, doc, desired, ownedLabels, &res)
	})
	return res, err
}

// DeleteService deletes a service and the buckets only it uses, keeping foreign ones (see
// WriteResult). A service that is already gone is no error.
func (c *Client) DeleteService(ctx context.Context, name string, foreign []string) (WriteResult, error) {
	var res WriteResult
	err := c.exclusive(ctx, "deleting service "+name, func(ctx context.Context) error {
		doc, err := c.getServiceDocument(ctx, name)
		if IsNotFound(err) {
			return nil
		}
		if err != nil {
			return err
		}
		current, err := doc.decode()
		if err != nil {
			return fmt.Errorf("reading service %q: %w", name, err)
		}
		keep, err := c.bucketsToKeep(ctx, current, foreign)
		if err != nil {
			return err
		}
		if len(keep) > 0 || (current.Owner == "" && c.basicAuth) {
			if err := c.update(ctx, doc, current.WithoutBuckets(keep), nil, &res); err != nil {
				return fmt.Errorf("before deleting service %q, detaching the bucket(s) it must not delete (%s) failed: %w",
					name, strings.Join(sortedKeys(keep), ", "), err)
			}
		}
		if !c.basicAuth {
			if err := c.deleteOwnBuckets(ctx, current, keep); err != nil {
				return err
			}
		}
		err = c.deleteService(ctx, name)
		if IsNotFound(err) {
			return nil
		}
		return err
	})
	return res, err
}

// update sends desired as a read-modify-write of current, the definition as the manager returned it
// (see document.go), with the owner kept, or restored to the basic-auth admin when a foreign update
// cleared it.
//
// The manager's update handler answers 500 and still stores the update when only its MinIO policy
// bookkeeping failed: it writes the error and carries on. Measured with basic auth, where there is no
// MinIO user or group to attach policies to: every update that adds a bucket to a service ("error
// setting MinIO policy for user/group cluster_admin: The specified user does not exist"), removes one
// ("error setting new policies: ... Invalid arguments specified") or changes the visibility of its
// buckets. When a 500 comes back, the service is read again: if the definition changed, the update was
// stored; otherwise the manager rolled it back and the error stands.
func (c *Client) update(ctx context.Context, current document, desired *Service, ownedLabels []string, res *WriteResult) error {
	doc, err := updateDocument(current, desired, ownedLabels)
	if err != nil {
		return fmt.Errorf("building the update of service %q: %w", desired.Name, err)
	}
	if doc.owner() == "" && c.basicAuth {
		doc.setOwner(DefaultOwner)
	}
	err = c.putService(ctx, doc)
	var apiErr *APIError
	if err == nil || !errors.As(err, &apiErr) || apiErr.Status != http.StatusInternalServerError {
		return err
	}
	after, readErr := c.getServiceDocument(ctx, desired.Name)
	if readErr != nil || !after.definitionDiffers(current) {
		return err
	}
	if !c.basicAuth || !isPolicyBookkeeping(apiErr.Message) {
		res.Warnings = append(res.Warnings, fmt.Sprintf("The OSCAR manager stored the update of service %q but reported an error: %s", desired.Name, apiErr.Message))
	}
	return nil
}

// isPolicyBookkeeping tells whether a 500 text is only about MinIO policies and groups, which the
// manager cannot set up for the basic-auth admin.
func isPolicyBookkeeping(message string) bool {
	for _, marker := range []string{"MinIO policy for user/group", "error removing resource", "error setting new policies"} {
		if strings.Contains(message, marker) {
			return true
		}
	}
	return false
}

// deleteOwnBuckets deletes, before the service, the buckets its delete would remove. Measured on the
// manager v4.1.2 with an OIDC user: the service's delete first takes the user's access to its buckets
// away, then fails to delete them and still answers 204, leaving buckets nobody but the MinIO admin can
// remove (the user then gets 403). Deleted first by their owner, they go; the service's delete then
// finds them gone, which it tolerates.
func (c *Client) deleteOwnBuckets(ctx context.Context, svc *Service, keep map[string]bool) error {
	for _, b := range svc.ClusterBuckets() {
		if keep[b] {
			continue
		}
		if err := c.do(ctx, call{method: http.MethodDelete, path: bucketPath(b)}, nil); err != nil && !IsNotFound(err) && !isForbidden(err) {
			return fmt.Errorf("before deleting service %q, deleting its bucket %q failed: %w", svc.Name, b, err)
		}
	}
	return nil
}

// bucketsToKeep are the buckets of svc that deleting svc must not remove: foreign buckets, stand-alone
// buckets, buckets another service uses, and buckets already gone (on which the manager's delete
// would stop).
func (c *Client) bucketsToKeep(ctx context.Context, svc *Service, foreign []string) (map[string]bool, error) {
	keep := map[string]bool{}
	var others []Service
	listed := false
	for _, b := range svc.ClusterBuckets() {
		if slices.Contains(foreign, b) {
			keep[b] = true
			continue
		}
		bucket, err := c.GetBucket(ctx, b)
		switch {
		case IsNotFound(err):
			keep[b] = true
			continue
		case isForbidden(err) && !c.basicAuth:
			// An OIDC owner can lose access to its service's bucket (after an update, measured): the
			// service's delete is left to remove it.
			continue
		case err != nil:
			return nil, fmt.Errorf("checking bucket %q of service %q: %w", b, svc.Name, err)
		case bucket.StandAlone():
			keep[b] = true
			continue
		}
		if !listed {
			if others, err = c.ListServices(ctx); err != nil {
				return nil, fmt.Errorf("listing services to find who else uses the buckets of %q: %w", svc.Name, err)
			}
			listed = true
		}
		for i := range others {
			if others[i].Name != svc.Name && others[i].UsesBucket(b) {
				keep[b] = true
				break
			}
		}
	}
	return keep, nil
}

// existingBuckets returns which of the named buckets exist in the cluster's MinIO.
func (c *Client) existingBuckets(ctx context.Context, names []string) (map[string]bool, error) {
	existing := map[string]bool{}
	for _, name := range names {
		_, err := c.GetBucket(ctx, name)
		switch {
		case err == nil:
			existing[name] = true
		case IsNotFound(err):
		case isForbidden(err):
			// The manager v4.1.2 answers an OIDC user 403 ("is not authorised") both for another user's
			// bucket and for one that does not exist (measured). Taken as missing: the service is created
			// with it, so its upload trigger is wired; another user's bucket makes the manager refuse the
			// create with "already exists".
		default:
			return nil, fmt.Errorf("checking whether bucket %q exists: %w", name, err)
		}
	}
	return existing, nil
}

// untriggeredInputs explains, for each input of svc in an existing bucket, that uploads there will
// not start the service.
func untriggeredInputs(svc *Service, existing map[string]bool) []string {
	var warnings []string
	for _, p := range svc.InputsIn(existing) {
		warnings = append(warnings, fmt.Sprintf(
			"Input %q of service %q is in bucket %q, which already existed. The OSCAR manager (v4.1) attaches a bucket's upload trigger "+
				"only when it creates the bucket, so uploads to %q will not start %q. To have them start it, give the input a bucket "+
				"that no other service or oscar_bucket creates first.", p, svc.Name, bucketOf(p), p, svc.Name))
	}
	return warnings
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
