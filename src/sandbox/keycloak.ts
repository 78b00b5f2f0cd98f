import * as crypto from 'node:crypto';
import { freePort, ManagedProcess } from './process';
import { componentBinary } from './testenv';

/** A user of the sandbox's OpenID provider. */
export interface OidcUser {
  /** Login name (`preferred_username`). */
  readonly username: string;
  /** Password, generated. */
  readonly password: string;
  /** Groups, sent in the `group_membership` claim of userinfo. */
  readonly groups: readonly string[];
}

/** Options of {@link KeycloakServer.start}. */
export interface KeycloakServerOptions {
  /**
   * Lifetime of access tokens, in seconds (30 makes a deploy outlive several tokens).
   * @default 300
   */
  readonly accessTokenLifespanSeconds?: number;
  /**
   * The group the manager lets in (its `OIDC_GROUPS`); users `alice` and `bob` are in it, `mallory`
   * is not.
   * @default 'oscar-users'
   */
  readonly allowedGroup?: string;
}

/** Realm, and the clients refresh tokens are issued to. */
const REALM = 'oscar';
const PUBLIC_CLIENT = 'oscar-cdktf';
const CONFIDENTIAL_CLIENT = 'oscar-ci';

/**
 * A real OpenID provider: Keycloak (the distribution built by testenv/build.sh), in production mode
 * with an in-memory database, on free ports of 127.0.0.1. It holds one realm with discovery, JWKS,
 * a token endpoint (refresh-token and password grants, offline tokens), revocation, and userinfo with
 * `sub`, `name` and `group_membership`, the claim the OSCAR manager reads for issuers other than EGI
 * Check-in and AI4EOSC. Token refreshes are recorded as events (see {@link refreshCount}).
 */
export class KeycloakServer {
  static async start(dir: string, options: KeycloakServerOptions = {}): Promise<KeycloakServer> {
    const home = componentBinary('keycloak');
    const [port, managementPort] = [await freePort(), await freePort()];
    const adminPassword = crypto.randomBytes(18).toString('base64url');
    const proc = ManagedProcess.start('keycloak', dir, `${home}/bin/kc.sh`, [
      'start', '--optimized', '--http-enabled=true', '--hostname-strict=false', '--http-host=127.0.0.1',
      `--http-port=${port}`, `--http-management-port=${managementPort}`,
    ], {
      env: {
        KC_BOOTSTRAP_ADMIN_USERNAME: 'admin',
        KC_BOOTSTRAP_ADMIN_PASSWORD: adminPassword,
        // Keycloak sizes its heap from the machine's memory (70 %); the sandbox needs little.
        JAVA_OPTS_KC_HEAP: '-Xms64m -Xmx512m',
      },
    });
    const base = `http://127.0.0.1:${port}`;
    try {
      await proc.waitUntil('Keycloak health', async () => ((await fetch(`http://127.0.0.1:${managementPort}/health/ready`)).ok ? true : undefined), 180_000);
      const server = new KeycloakServer(base, adminPassword, options.allowedGroup ?? 'oscar-users', proc);
      await server.createRealm(options.accessTokenLifespanSeconds ?? 300);
      return server;
    } catch (e) {
      await proc.stop();
      throw e;
    }
  }

  /** The issuer URL (what tokens carry in `iss`, and the manager's `OIDC_ISSUERS`). */
  readonly issuer: string;
  /** The public client refresh tokens are issued to (no secret). */
  readonly clientId = PUBLIC_CLIENT;
  /** A confidential client, with its secret, for pipelines that use one. */
  readonly confidentialClient: { readonly id: string; readonly secret: string };
  /** Users: `alice` and `bob` in the allowed group, `mallory` outside it. */
  readonly users: Readonly<Record<'alice' | 'bob' | 'mallory', OidcUser>>;

  private constructor(
    private readonly base: string,
    private readonly adminPassword: string,
    /** The group allowed into the manager. */
    readonly allowedGroup: string,
    private readonly proc: ManagedProcess,
  ) {
    this.issuer = `${base}/realms/${REALM}`;
    this.confidentialClient = { id: CONFIDENTIAL_CLIENT, secret: crypto.randomBytes(18).toString('base64url') };
    const user = (username: string, groups: string[]): OidcUser => ({ username, password: crypto.randomBytes(12).toString('base64url'), groups });
    this.users = { alice: user('alice', [allowedGroup]), bob: user('bob', [allowedGroup]), mallory: user('mallory', ['other-project']) };
  }

  /** The token endpoint (also in the discovery document). */
  get tokenEndpoint(): string {
    return `${this.issuer}/protocol/openid-connect/token`;
  }

  get logFile(): string {
    return this.proc.logFile;
  }

  /**
   * Logs a user in (password grant) and returns an offline refresh token, what a CI job keeps as a
   * secret; with `confidential`, issued to the confidential client.
   */
  async refreshToken(user: OidcUser, confidential = false): Promise<string> {
    return (await this.login(user, 'openid offline_access', confidential)).refresh_token;
  }

  /** Logs a user in and returns an access token (lives `accessTokenLifespanSeconds`). */
  async accessToken(user: OidcUser): Promise<string> {
    return (await this.login(user, 'openid', false)).access_token;
  }

  /** Revokes a refresh token (RFC 7009), as a user signing the CI job's session out would. */
  async revoke(refreshToken: string): Promise<void> {
    const res = await fetch(`${this.issuer}/protocol/openid-connect/revoke`, {
      method: 'POST',
      body: new URLSearchParams({ token: refreshToken, token_type_hint: 'refresh_token', client_id: PUBLIC_CLIENT }),
    });
    if (!res.ok) throw new Error(`Keycloak: revoking a refresh token answered ${res.status}: ${await res.text()}`);
  }

  /** The subject (`sub`) of a user, what the manager records as a service's owner. */
  async subject(user: OidcUser): Promise<string> {
    const found = await this.admin('GET', `/users?exact=true&username=${encodeURIComponent(user.username)}`) as { id: string }[];
    if (found.length !== 1) throw new Error(`Keycloak: user ${user.username} not found`);
    return found[0].id;
  }

  /** How many access tokens were minted from refresh tokens since the realm was created. */
  async refreshCount(): Promise<number> {
    const events = await this.admin('GET', '/events?type=REFRESH_TOKEN&max=100000') as unknown[];
    return events.length;
  }

  async stop(): Promise<void> {
    await this.proc.stop();
  }

  private async login(user: OidcUser, scope: string, confidential: boolean): Promise<{ access_token: string; refresh_token: string }> {
    const client: Record<string, string> = confidential
      ? { client_id: CONFIDENTIAL_CLIENT, client_secret: this.confidentialClient.secret }
      : { client_id: PUBLIC_CLIENT };
    const res = await fetch(this.tokenEndpoint, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', username: user.username, password: user.password, scope, ...client }),
    });
    const body = await res.json() as { access_token: string; refresh_token: string; error_description?: string };
    if (!res.ok) throw new Error(`Keycloak: logging ${user.username} in answered ${res.status}: ${body.error_description ?? ''}`);
    return body;
  }

  private async adminToken(): Promise<string> {
    const res = await fetch(`${this.base}/realms/master/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', client_id: 'admin-cli', username: 'admin', password: this.adminPassword }),
    });
    if (!res.ok) throw new Error(`Keycloak: the admin login answered ${res.status}: ${await res.text()}`);
    return (await res.json() as { access_token: string }).access_token;
  }

  private async admin(method: string, path: string, body?: unknown, prefix = `/admin/realms/${REALM}`): Promise<unknown> {
    const res = await fetch(`${this.base}${prefix}${path}`, {
      method,
      headers: { 'Authorization': `Bearer ${await this.adminToken()}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`Keycloak: ${method} ${prefix}${path} answered ${res.status}: ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : undefined;
  }

  /** The realm: groups, one client scope with the claims the manager reads, two clients, three users. */
  private async createRealm(accessTokenLifespan: number): Promise<void> {
    const client = { directAccessGrantsEnabled: true, standardFlowEnabled: false, defaultClientScopes: ['oscar'], optionalClientScopes: ['offline_access'] };
    await this.admin('POST', '', {
      realm: REALM,
      enabled: true,
      accessTokenLifespan,
      eventsEnabled: true,
      enabledEventTypes: ['REFRESH_TOKEN', 'REFRESH_TOKEN_ERROR'],
      groups: [{ name: this.allowedGroup }, { name: 'other-project' }],
      clientScopes: [
        {
          name: 'oscar',
          protocol: 'openid-connect',
          attributes: { 'include.in.token.scope': 'false' },
          protocolMappers: [
            mapper('group membership', 'oidc-group-membership-mapper', { 'claim.name': 'group_membership', 'full.path': 'false' }),
            mapper('subject', 'oidc-sub-mapper', {}),
            mapper('full name', 'oidc-full-name-mapper', {}),
            mapper('username', 'oidc-usermodel-property-mapper',
              { 'user.attribute': 'username', 'claim.name': 'preferred_username', 'jsonType.label': 'String' }),
          ],
        },
        { name: 'offline_access', protocol: 'openid-connect', attributes: { 'include.in.token.scope': 'true' } },
      ],
      defaultDefaultClientScopes: ['oscar'],
      defaultOptionalClientScopes: ['offline_access'],
      roles: { realm: [{ name: 'offline_access' }] },
      scopeMappings: [{ clientScope: 'offline_access', roles: ['offline_access'] }],
      clients: [
        { clientId: PUBLIC_CLIENT, publicClient: true, ...client },
        { clientId: CONFIDENTIAL_CLIENT, publicClient: false, secret: this.confidentialClient.secret, ...client },
      ],
      users: Object.values(this.users).map((u) => ({
        username: u.username,
        enabled: true,
        firstName: u.username[0].toUpperCase() + u.username.slice(1),
        lastName: 'Sandbox',
        email: `${u.username}@sandbox.invalid`,
        emailVerified: true,
        groups: [...u.groups],
        realmRoles: ['offline_access'],
        credentials: [{ type: 'password', value: u.password, temporary: false }],
      })),
    }, '/admin/realms');
  }
}

function mapper(name: string, protocolMapper: string, config: Record<string, string>) {
  return {
    name,
    protocol: 'openid-connect',
    protocolMapper,
    config: { 'userinfo.token.claim': 'true', 'access.token.claim': 'true', 'id.token.claim': 'false', ...config },
  };
}
