// https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface OscarProviderConfig {
  /**
  * PEM certificate(s) of authorities to trust besides the system's, for a manager with a private CA. Environment: `OSCAR_CA_CERTIFICATE` (the PEM text or the path of a PEM file).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs#ca_certificate OscarProvider#ca_certificate}
  */
  readonly caCertificate?: string;
  /**
  * OIDC client the refresh token was issued to. Defaults to the refresh token's `azp` claim when it is a JWT (Keycloak's are). Environment: `OSCAR_CLIENT_ID`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs#client_id OscarProvider#client_id}
  */
  readonly clientId?: string;
  /**
  * Secret of a confidential OIDC client; leave unset for a public client. Environment: `OSCAR_CLIENT_SECRET`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs#client_secret OscarProvider#client_secret}
  */
  readonly clientSecret?: string;
  /**
  * A name for this OSCAR in messages, beside its endpoint: the FDL cluster id of its services, when a configuration reaches several clusters (one aliased provider each), so a failure says which cluster failed. Set, a refresh of a resource whose manager does not answer keeps its state, with a warning, instead of failing, so the other clusters' changes go ahead; a change to that resource still fails at apply, naming the cluster.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs#cluster_id OscarProvider#cluster_id}
  */
  readonly clusterId?: string;
  /**
  * Base URL of the OSCAR manager, e.g. `https://oscar.example.org`. Environment: `OSCAR_ENDPOINT`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs#endpoint OscarProvider#endpoint}
  */
  readonly endpoint?: string;
  /**
  * Skip verification of the manager's TLS certificate. Defaults to `false`. Environment: `OSCAR_INSECURE`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs#insecure OscarProvider#insecure}
  */
  readonly insecure?: boolean | cdktf.IResolvable;
  /**
  * OIDC issuer URL; its token endpoint is read from `<issuer>/.well-known/openid-configuration`. Defaults to the refresh token's `iss` claim when it is a JWT. Environment: `OSCAR_ISSUER`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs#issuer OscarProvider#issuer}
  */
  readonly issuer?: string;
  /**
  * An account of the oidc-agent running for this process (its socket in `OIDC_SOCK`, as `eval "$(oidc-agent)"` sets it): the agent hands out its access tokens and renews them, and keeps the refresh token to itself (like oscar-cli's `oidc_account_name`). Environment: `OSCAR_OIDC_ACCOUNT`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs#oidc_account OscarProvider#oidc_account}
  */
  readonly oidcAccount?: string;
  /**
  * Password of HTTP basic auth. Environment: `OSCAR_PASSWORD`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs#password OscarProvider#password}
  */
  readonly password?: string;
  /**
  * How a refresh reads services. `list` (the default): one `GET /system/services` per run serves every `oscar_service`, and a service missing from it is read alone (the manager v4.1.2 takes about 0.4 s per single read, and about 0.6 s to list 1000 services). `each`: one request per service, faster only when the cluster holds many services with volumes (the list then costs the manager extra calls per volume) and this configuration manages few of them; a slow list says so in a warning. Environment: `OSCAR_READ_STRATEGY`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs#read_strategy OscarProvider#read_strategy}
  */
  readonly readStrategy?: string;
  /**
  * OIDC refresh token (an offline token suits CI). Access tokens are minted from it at the issuer's token endpoint on first use, renewed shortly before they expire and once after a 401, and shared by every resource of the run. Environment: `OSCAR_REFRESH_TOKEN`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs#refresh_token OscarProvider#refresh_token}
  */
  readonly refreshToken?: string;
  /**
  * Longest time one request may take, as a Go duration (`90s`, `5m`). A service create or delete takes about 7 s. A create or update of a service with `image_prefetch` waits until every node pulled the image, and gets at least `10m`. Defaults to `30s`. Environment: `OSCAR_REQUEST_TIMEOUT`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs#request_timeout OscarProvider#request_timeout}
  */
  readonly requestTimeout?: string;
  /**
  * How long requests are retried while the manager is unreachable or its MinIO is restarting, as a Go duration. A manager that stops answering spends one budget for all requests: once it is spent, the remaining requests fail at once. `0s` disables retries. Defaults to `10s`. Environment: `OSCAR_RETRY_TIMEOUT`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs#retry_timeout OscarProvider#retry_timeout}
  */
  readonly retryTimeout?: string;
  /**
  * OIDC access token (e.g. from an AI4OS or EGI Check-in login), used as it is instead of basic auth. Services are then owned by the token's subject. Access tokens live minutes to an hour and a static one cannot be renewed: for unattended runs use `refresh_token` or `token_file`. Environment: `OSCAR_TOKEN`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs#token OscarProvider#token}
  */
  readonly token?: string;
  /**
  * The issuer's token endpoint, to skip discovery. Environment: `OSCAR_TOKEN_ENDPOINT`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs#token_endpoint OscarProvider#token_endpoint}
  */
  readonly tokenEndpoint?: string;
  /**
  * Path of a file holding the current OIDC access token, kept current by another program (oidc-agent's `oidc-token` in a CI step, a projected token). It is read again whenever it changes, and once after the manager refuses a token. Environment: `OSCAR_TOKEN_FILE`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs#token_file OscarProvider#token_file}
  */
  readonly tokenFile?: string;
  /**
  * User of HTTP basic auth (the manager's `OSCAR_USERNAME`). Environment: `OSCAR_USERNAME`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs#username OscarProvider#username}
  */
  readonly username?: string;
  /**
  * A secret key, at least 32 characters (`openssl rand -base64 32`), for `oscar_service`'s `write_only_digest`. Without it the digest is a salted argon2id hash, which each plan computes again for every service with write-only values (about 30 ms of CPU each: 5 s for a plan of 1000 services, a sixth of them with secrets). With it the digest is a salted HMAC-SHA256: microseconds, and a guess at a secret cannot be checked against the state without the key. Keep it where the credentials are (a CI secret), not in the state or the configuration; a run without it, or with another, cannot check the keyed digests, and sends those services' secrets again, with a warning. Environment: `OSCAR_WRITE_ONLY_DIGEST_KEY`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs#write_only_digest_key OscarProvider#write_only_digest_key}
  */
  readonly writeOnlyDigestKey?: string;
  /**
  * Alias name
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs#alias OscarProvider#alias}
  */
  readonly alias?: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs oscar}
*/
export class OscarProvider extends cdktf.TerraformProvider {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "oscar";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a OscarProvider resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the OscarProvider to import
  * @param importFromId The id of the existing OscarProvider that should be imported. Refer to the {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the OscarProvider to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "oscar", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs oscar} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options OscarProviderConfig = {}
  */
  public constructor(scope: Construct, id: string, config: OscarProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'oscar',
      terraformGeneratorMetadata: {
        providerName: 'oscar'
      },
      terraformProviderSource: 'oscar-cdktf/oscar'
    });
    this._caCertificate = config.caCertificate;
    this._clientId = config.clientId;
    this._clientSecret = config.clientSecret;
    this._clusterId = config.clusterId;
    this._endpoint = config.endpoint;
    this._insecure = config.insecure;
    this._issuer = config.issuer;
    this._oidcAccount = config.oidcAccount;
    this._password = config.password;
    this._readStrategy = config.readStrategy;
    this._refreshToken = config.refreshToken;
    this._requestTimeout = config.requestTimeout;
    this._retryTimeout = config.retryTimeout;
    this._token = config.token;
    this._tokenEndpoint = config.tokenEndpoint;
    this._tokenFile = config.tokenFile;
    this._username = config.username;
    this._writeOnlyDigestKey = config.writeOnlyDigestKey;
    this._alias = config.alias;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // ca_certificate - computed: false, optional: true, required: false
  private _caCertificate?: string; 
  public get caCertificate() {
    return this._caCertificate;
  }
  public set caCertificate(value: string | undefined) {
    this._caCertificate = value;
  }
  public resetCaCertificate() {
    this._caCertificate = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get caCertificateInput() {
    return this._caCertificate;
  }

  // client_id - computed: false, optional: true, required: false
  private _clientId?: string; 
  public get clientId() {
    return this._clientId;
  }
  public set clientId(value: string | undefined) {
    this._clientId = value;
  }
  public resetClientId() {
    this._clientId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get clientIdInput() {
    return this._clientId;
  }

  // client_secret - computed: false, optional: true, required: false
  private _clientSecret?: string; 
  public get clientSecret() {
    return this._clientSecret;
  }
  public set clientSecret(value: string | undefined) {
    this._clientSecret = value;
  }
  public resetClientSecret() {
    this._clientSecret = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get clientSecretInput() {
    return this._clientSecret;
  }

  // cluster_id - computed: false, optional: true, required: false
  private _clusterId?: string; 
  public get clusterId() {
    return this._clusterId;
  }
  public set clusterId(value: string | undefined) {
    this._clusterId = value;
  }
  public resetClusterId() {
    this._clusterId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get clusterIdInput() {
    return this._clusterId;
  }

  // endpoint - computed: false, optional: true, required: false
  private _endpoint?: string; 
  public get endpoint() {
    return this._endpoint;
  }
  public set endpoint(value: string | undefined) {
    this._endpoint = value;
  }
  public resetEndpoint() {
    this._endpoint = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get endpointInput() {
    return this._endpoint;
  }

  // insecure - computed: false, optional: true, required: false
  private _insecure?: boolean | cdktf.IResolvable; 
  public get insecure() {
    return this._insecure;
  }
  public set insecure(value: boolean | cdktf.IResolvable | undefined) {
    this._insecure = value;
  }
  public resetInsecure() {
    this._insecure = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get insecureInput() {
    return this._insecure;
  }

  // issuer - computed: false, optional: true, required: false
  private _issuer?: string; 
  public get issuer() {
    return this._issuer;
  }
  public set issuer(value: string | undefined) {
    this._issuer = value;
  }
  public resetIssuer() {
    this._issuer = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get issuerInput() {
    return this._issuer;
  }

  // oidc_account - computed: false, optional: true, required: false
  private _oidcAccount?: string; 
  public get oidcAccount() {
    return this._oidcAccount;
  }
  public set oidcAccount(value: string | undefined) {
    this._oidcAccount = value;
  }
  public resetOidcAccount() {
    this._oidcAccount = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get oidcAccountInput() {
    return this._oidcAccount;
  }

  // password - computed: false, optional: true, required: false
  private _password?: string; 
  public get password() {
    return this._password;
  }
  public set password(value: string | undefined) {
    this._password = value;
  }
  public resetPassword() {
    this._password = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get passwordInput() {
    return this._password;
  }

  // read_strategy - computed: false, optional: true, required: false
  private _readStrategy?: string; 
  public get readStrategy() {
    return this._readStrategy;
  }
  public set readStrategy(value: string | undefined) {
    this._readStrategy = value;
  }
  public resetReadStrategy() {
    this._readStrategy = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get readStrategyInput() {
    return this._readStrategy;
  }

  // refresh_token - computed: false, optional: true, required: false
  private _refreshToken?: string; 
  public get refreshToken() {
    return this._refreshToken;
  }
  public set refreshToken(value: string | undefined) {
    this._refreshToken = value;
  }
  public resetRefreshToken() {
    this._refreshToken = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get refreshTokenInput() {
    return this._refreshToken;
  }

  // request_timeout - computed: false, optional: true, required: false
  private _requestTimeout?: string; 
  public get requestTimeout() {
    return this._requestTimeout;
  }
  public set requestTimeout(value: string | undefined) {
    this._requestTimeout = value;
  }
  public resetRequestTimeout() {
    this._requestTimeout = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get requestTimeoutInput() {
    return this._requestTimeout;
  }

  // retry_timeout - computed: false, optional: true, required: false
  private _retryTimeout?: string; 
  public get retryTimeout() {
    return this._retryTimeout;
  }
  public set retryTimeout(value: string | undefined) {
    this._retryTimeout = value;
  }
  public resetRetryTimeout() {
    this._retryTimeout = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get retryTimeoutInput() {
    return this._retryTimeout;
  }

  // token - computed: false, optional: true, required: false
  private _token?: string; 
  public get token() {
    return this._token;
  }
  public set token(value: string | undefined) {
    this._token = value;
  }
  public resetToken() {
    this._token = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get tokenInput() {
    return this._token;
  }

  // token_endpoint - computed: false, optional: true, required: false
  private _tokenEndpoint?: string; 
  public get tokenEndpoint() {
    return this._tokenEndpoint;
  }
  public set tokenEndpoint(value: string | undefined) {
    this._tokenEndpoint = value;
  }
  public resetTokenEndpoint() {
    this._tokenEndpoint = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get tokenEndpointInput() {
    return this._tokenEndpoint;
  }

  // token_file - computed: false, optional: true, required: false
  private _tokenFile?: string; 
  public get tokenFile() {
    return this._tokenFile;
  }
  public set tokenFile(value: string | undefined) {
    this._tokenFile = value;
  }
  public resetTokenFile() {
    this._tokenFile = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get tokenFileInput() {
    return this._tokenFile;
  }

  // username - computed: false, optional: true, required: false
  private _username?: string; 
  public get username() {
    return this._username;
  }
  public set username(value: string | undefined) {
    this._username = value;
  }
  public resetUsername() {
    this._username = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get usernameInput() {
    return this._username;
  }

  // write_only_digest_key - computed: false, optional: true, required: false
  private _writeOnlyDigestKey?: string; 
  public get writeOnlyDigestKey() {
    return this._writeOnlyDigestKey;
  }
  public set writeOnlyDigestKey(value: string | undefined) {
    this._writeOnlyDigestKey = value;
  }
  public resetWriteOnlyDigestKey() {
    this._writeOnlyDigestKey = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get writeOnlyDigestKeyInput() {
    return this._writeOnlyDigestKey;
  }

  // alias - computed: false, optional: true, required: false
  private _alias?: string; 
  public get alias() {
    return this._alias;
  }
  public set alias(value: string | undefined) {
    this._alias = value;
  }
  public resetAlias() {
    this._alias = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get aliasInput() {
    return this._alias;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      ca_certificate: cdktf.stringToTerraform(this._caCertificate),
      client_id: cdktf.stringToTerraform(this._clientId),
      client_secret: cdktf.stringToTerraform(this._clientSecret),
      cluster_id: cdktf.stringToTerraform(this._clusterId),
      endpoint: cdktf.stringToTerraform(this._endpoint),
      insecure: cdktf.booleanToTerraform(this._insecure),
      issuer: cdktf.stringToTerraform(this._issuer),
      oidc_account: cdktf.stringToTerraform(this._oidcAccount),
      password: cdktf.stringToTerraform(this._password),
      read_strategy: cdktf.stringToTerraform(this._readStrategy),
      refresh_token: cdktf.stringToTerraform(this._refreshToken),
      request_timeout: cdktf.stringToTerraform(this._requestTimeout),
      retry_timeout: cdktf.stringToTerraform(this._retryTimeout),
      token: cdktf.stringToTerraform(this._token),
      token_endpoint: cdktf.stringToTerraform(this._tokenEndpoint),
      token_file: cdktf.stringToTerraform(this._tokenFile),
      username: cdktf.stringToTerraform(this._username),
      write_only_digest_key: cdktf.stringToTerraform(this._writeOnlyDigestKey),
      alias: cdktf.stringToTerraform(this._alias),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      ca_certificate: {
        value: cdktf.stringToHclTerraform(this._caCertificate),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      client_id: {
        value: cdktf.stringToHclTerraform(this._clientId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      client_secret: {
        value: cdktf.stringToHclTerraform(this._clientSecret),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      cluster_id: {
        value: cdktf.stringToHclTerraform(this._clusterId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      endpoint: {
        value: cdktf.stringToHclTerraform(this._endpoint),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      insecure: {
        value: cdktf.booleanToHclTerraform(this._insecure),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      issuer: {
        value: cdktf.stringToHclTerraform(this._issuer),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      oidc_account: {
        value: cdktf.stringToHclTerraform(this._oidcAccount),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      password: {
        value: cdktf.stringToHclTerraform(this._password),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      read_strategy: {
        value: cdktf.stringToHclTerraform(this._readStrategy),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      refresh_token: {
        value: cdktf.stringToHclTerraform(this._refreshToken),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      request_timeout: {
        value: cdktf.stringToHclTerraform(this._requestTimeout),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      retry_timeout: {
        value: cdktf.stringToHclTerraform(this._retryTimeout),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      token: {
        value: cdktf.stringToHclTerraform(this._token),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      token_endpoint: {
        value: cdktf.stringToHclTerraform(this._tokenEndpoint),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      token_file: {
        value: cdktf.stringToHclTerraform(this._tokenFile),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      username: {
        value: cdktf.stringToHclTerraform(this._username),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      write_only_digest_key: {
        value: cdktf.stringToHclTerraform(this._writeOnlyDigestKey),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      alias: {
        value: cdktf.stringToHclTerraform(this._alias),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
