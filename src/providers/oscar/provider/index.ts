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
  * Password of HTTP basic auth. Environment: `OSCAR_PASSWORD`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs#password OscarProvider#password}
  */
  readonly password?: string;
  /**
  * Longest time one request may take, as a Go duration (`90s`, `5m`). A service create or delete takes about 7 s; one with `image_prefetch` waits until every node pulled the image. Defaults to `5m`. Environment: `OSCAR_REQUEST_TIMEOUT`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs#request_timeout OscarProvider#request_timeout}
  */
  readonly requestTimeout?: string;
  /**
  * How long a request is retried while the manager is unreachable or its MinIO is restarting, as a Go duration. `0s` disables retries. Defaults to `2m`. Environment: `OSCAR_RETRY_TIMEOUT`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs#retry_timeout OscarProvider#retry_timeout}
  */
  readonly retryTimeout?: string;
  /**
  * OIDC bearer token (e.g. from an AI4OS or EGI Check-in login), used instead of basic auth. Services are then owned by the token's subject and live in that user's namespace. Environment: `OSCAR_TOKEN`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs#token OscarProvider#token}
  */
  readonly token?: string;
  /**
  * User of HTTP basic auth (the manager's `OSCAR_USERNAME`). Environment: `OSCAR_USERNAME`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs#username OscarProvider#username}
  */
  readonly username?: string;
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
    this._endpoint = config.endpoint;
    this._insecure = config.insecure;
    this._password = config.password;
    this._requestTimeout = config.requestTimeout;
    this._retryTimeout = config.retryTimeout;
    this._token = config.token;
    this._username = config.username;
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
      endpoint: cdktf.stringToTerraform(this._endpoint),
      insecure: cdktf.booleanToTerraform(this._insecure),
      password: cdktf.stringToTerraform(this._password),
      request_timeout: cdktf.stringToTerraform(this._requestTimeout),
      retry_timeout: cdktf.stringToTerraform(this._retryTimeout),
      token: cdktf.stringToTerraform(this._token),
      username: cdktf.stringToTerraform(this._username),
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
      password: {
        value: cdktf.stringToHclTerraform(this._password),
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
      username: {
        value: cdktf.stringToHclTerraform(this._username),
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
