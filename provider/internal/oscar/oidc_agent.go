package oscar

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"sync"
	"time"
)

// agentToken asks a running oidc-agent (github.com/indigo-dc/oidc-agent) for the access tokens of one
// of its accounts, as oscar-cli's `oidc_account_name` does. The agent keeps the refresh token
// (encrypted on disk) and renews access tokens itself; the provider never sees the refresh token.
// The agent listens on the UNIX socket named by OIDC_SOCK (set by `eval $(oidc-agent)`) and answers a
// JSON request per connection; liboidcagent-go speaks the same protocol, and the Go module proxy
// refuses it here, so these few lines do.
type agentToken struct {
	account string
	socket  string
	now     func() time.Time

	mu      sync.Mutex
	value   string
	expires time.Time
}

// agentMinValid is how long a token handed out must stay valid; the agent renews it otherwise.
const agentMinValid = 2 * time.Minute

func newAgentToken(account string, now func() time.Time) (*agentToken, error) {
	socket := os.Getenv("OIDC_SOCK")
	if socket == "" {
		return nil, &CredentialError{Message: fmt.Sprintf("oidc_account (OSCAR_OIDC_ACCOUNT) is %q but OIDC_SOCK is not set: no oidc-agent "+
			"is running for this process. Start one and load the account first: `eval \"$(oidc-agent)\"; oidc-add %s`.", account, account)}
	}
	return &agentToken{account: account, socket: socket, now: now}, nil
}

func (a *agentToken) token(ctx context.Context) (string, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.value != "" && a.now().Add(agentMinValid/2).Before(a.expires) {
		return a.value, nil
	}
	return a.fetch(ctx)
}

// renew asks the agent again after the manager refused a token (the agent hands out a new one when
// the account's token was revoked or has expired).
func (a *agentToken) renew(ctx context.Context, rejected string) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.value != rejected {
		return true // another request fetched a new one meanwhile
	}
	a.value = ""
	_, err := a.fetch(ctx)
	return err == nil && a.value != rejected
}

func (a *agentToken) describe() string {
	return fmt.Sprintf("the oidc-agent account %q (oidc_account, or OSCAR_OIDC_ACCOUNT)", a.account)
}

type agentRequest struct {
	Request         string `json:"request"`
	Account         string `json:"account"`
	MinValidPeriod  int    `json:"min_valid_period"`
	ApplicationHint string `json:"application_hint"`
}

type agentResponse struct {
	Status      string `json:"status"`
	AccessToken string `json:"access_token"`
	ExpiresAt   int64  `json:"expires_at"`
	Error       string `json:"error"`
	Info        string `json:"info"`
}

func (a *agentToken) fetch(ctx context.Context) (string, error) {
	var dialer net.Dialer
	ctx, cancel := context.WithTimeout(ctx, issuerTimeout)
	defer cancel()
	conn, err := dialer.DialContext(ctx, "unix", a.socket)
	if err != nil {
		return "", &CredentialError{Message: fmt.Sprintf("cannot reach oidc-agent at OIDC_SOCK=%s for account %q: %v. Is the agent running "+
			"(`eval \"$(oidc-agent)\"`) in this environment?", a.socket, a.account, err)}
	}
	defer conn.Close()
	if deadline, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(deadline)
	}
	req := agentRequest{Request: "access_token", Account: a.account, MinValidPeriod: int(agentMinValid.Seconds()), ApplicationHint: "terraform-provider-oscar"}
	if err := json.NewEncoder(conn).Encode(req); err != nil {
		return "", &CredentialError{Message: fmt.Sprintf("asking oidc-agent for account %q: %v", a.account, err)}
	}
	var resp agentResponse
	if err := json.NewDecoder(conn).Decode(&resp); err != nil {
		return "", &CredentialError{Message: fmt.Sprintf("reading oidc-agent's answer for account %q: %v", a.account, err)}
	}
	if resp.Status != "success" || resp.AccessToken == "" {
		detail := resp.Error
		if resp.Info != "" {
			detail += " (" + resp.Info + ")"
		}
		return "", &CredentialError{Message: fmt.Sprintf("oidc-agent gave no access token for account %q: %s. Load the account with "+
			"`oidc-add %s`, or create it with `oidc-gen %s`.", a.account, detail, a.account, a.account)}
	}
	a.value = resp.AccessToken
	a.expires = time.Unix(resp.ExpiresAt, 0)
	return a.value, nil
}
