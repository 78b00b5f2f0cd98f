import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { Etcd } from './etcd';
import { KeycloakServer, type KeycloakServerOptions } from './keycloak';
import { type Json, KubeApiServer } from './kube-apiserver';
import { MinioServer } from './minio';
import { OscarManagerServer, type OscarManagerServerOptions } from './oscar-manager';
import { componentBinary } from './testenv';

/** Options of {@link ControlPlane.start}. */
export interface ControlPlaneOptions {
  /**
   * Folder for the plane's data and logs (`logs/` is kept by stop(); the rest is removed).
   * @default - a new folder under the system's temporary folder
   */
  readonly dir?: string;
  /** Options of the OSCAR manager. @default - knative backend, user 'oscar', generated password */
  readonly manager?: OscarManagerServerOptions;
  /**
   * Also start an OpenID provider (Keycloak) and let its users in: the manager then runs with
   * `OIDC_ENABLE`, `OIDC_ISSUERS` (the provider's issuer) and `OIDC_GROUPS` (its allowed group), and
   * basic auth stays on for the admin.
   * @default - no OIDC
   */
  readonly oidc?: KeycloakServerOptions;
  /**
   * Create Kueue's CRDs (its v1beta2 API, without the controller or webhooks, which need pods), so that
   * a manager run with `KUEUE_ENABLE=true` (in `manager.env`) creates its queues.
   * @default false
   */
  readonly kueueCrds?: boolean;
  /** Called with a line per step, for progress output. @default - silent */
  readonly progress?: (line: string) => void;
}

/** Endpoints and credentials of a running plane, as environment variables (the sandbox command prints these). */
export interface ControlPlaneEnv {
  readonly OSCAR_ENDPOINT: string;
  readonly OSCAR_USERNAME: string;
  readonly OSCAR_PASSWORD: string;
  readonly MINIO_ENDPOINT: string;
  readonly MINIO_ACCESS_KEY: string;
  readonly MINIO_SECRET_KEY: string;
  readonly KUBECONFIG: string;
  readonly OSCAR_SANDBOX_DIR: string;
  /** With OIDC: the issuer, its public client, and offline refresh tokens of a user in the allowed group and of one outside it. */
  readonly OSCAR_OIDC_ISSUER?: string;
  readonly OSCAR_OIDC_CLIENT_ID?: string;
  readonly OSCAR_OIDC_REFRESH_TOKEN?: string;
  readonly OSCAR_OIDC_REFRESH_TOKEN_OUTSIDE_GROUPS?: string;
}

/** The hosts MinIO must resolve to reach the manager for webhooks (`<OSCAR_NAME>.<OSCAR_NAMESPACE>`). */
const MANAGER_HOSTS = ['oscar.oscar', 'oscar.oscar.svc', 'oscar.oscar.svc.cluster.local'];

/**
 * A real OSCAR control plane on this machine, without containers: etcd, kube-apiserver (no nodes, so
 * no pod ever runs), the namespaces and Knative Serving CRDs the manager needs, MinIO, and the OSCAR
 * manager. Every port is free-chosen on 127.0.0.1 (the manager listens on all interfaces), so several
 * planes can run at once. Every process dies with the process that started it.
 */
export class ControlPlane {
  static async start(options: ControlPlaneOptions = {}): Promise<ControlPlane> {
    const progress = options.progress ?? (() => undefined);
    const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'oscar-sandbox-'));
    const logs = path.join(dir, 'logs');
    fs.mkdirSync(logs, { recursive: true });
    const started: { stop(): Promise<void> }[] = [];
    const step = async <T extends { stop(): Promise<void> }>(what: string, start: () => Promise<T>): Promise<T> => {
      const t0 = Date.now();
      progress(`starting ${what}...`);
      const component = await start();
      started.push(component);
      progress(`${what} ready in ${Date.now() - t0} ms`);
      return component;
    };
    // Keycloak takes the longest to start: it starts first and is awaited just before the manager,
    // which reads the issuer's discovery document when it starts.
    const keycloak = options.oidc && step('OpenID provider (Keycloak)', () => KeycloakServer.start(logs, options.oidc));
    keycloak?.catch(() => undefined); // awaited below; a failure must not be reported as unhandled first
    try {
      const etcd = await step('etcd', () => Etcd.start(logs));
      // pvc-protection lets a deleted claim go once no pod uses it, as in a cluster (OSCAR's volume API deletes claims).
      const apiServer = await step('kube-apiserver', () => KubeApiServer.start(etcd, { dir: logs, controllers: ['pvc-protection'] }));
      await prepareCluster(apiServer);
      progress('namespaces oscar, oscar-svc and the Knative Serving CRDs created');
      if (options.kueueCrds) {
        await applyCrds(apiServer, 'kueue-crds', 'clusterqueues.kueue.x-k8s.io');
        progress('Kueue CRDs created');
      }
      const hostsFile = path.join(dir, 'hosts');
      fs.writeFileSync(hostsFile, `${fs.readFileSync('/etc/hosts', 'utf8').trimEnd()}\n127.0.0.1 ${MANAGER_HOSTS.join(' ')}\n`);
      const hostsMount = [`mount --bind ${hostsFile} /etc/hosts`];
      const minio = await step('MinIO', () => MinioServer.start(logs, { privateMounts: hostsMount }));
      const oidc = await keycloak;
      const oidcEnv: Record<string, string> = oidc ? { OIDC_ENABLE: 'true', OIDC_ISSUERS: oidc.issuer, OIDC_GROUPS: oidc.allowedGroup } : {};
      const manager = await step('OSCAR manager', () => OscarManagerServer.start(logs, apiServer, minio, {
        ...options.manager,
        env: { ...oidcEnv, ...options.manager?.env },
        privateMounts: [...hostsMount, ...(options.manager?.privateMounts ?? [])],
      }));
      const plane = new ControlPlane(dir, etcd, apiServer, minio, manager, oidc);
      if (oidc) {
        plane.oidcEnv = {
          OSCAR_OIDC_ISSUER: oidc.issuer,
          OSCAR_OIDC_CLIENT_ID: oidc.clientId,
          OSCAR_OIDC_REFRESH_TOKEN: await oidc.refreshToken(oidc.users.alice),
          OSCAR_OIDC_REFRESH_TOKEN_OUTSIDE_GROUPS: await oidc.refreshToken(oidc.users.mallory),
        };
      }
      return plane;
    } catch (e) {
      await keycloak?.then((k) => k.stop(), () => undefined);
      for (const component of started.reverse()) await component.stop();
      throw new Error(`${(e as Error).message}\nThe control plane did not start; logs are in ${logs}.`, { cause: e });
    }
  }

  /** The kubeconfig of the admin user. */
  readonly kubeconfig: string;

  private constructor(
    readonly dir: string,
    private readonly etcd: Etcd,
    readonly apiServer: KubeApiServer,
    readonly minio: MinioServer,
    private currentManager: OscarManagerServer,
    /** The OpenID provider, when started with `oidc`. */
    readonly oidc?: KeycloakServer,
  ) {
    this.kubeconfig = apiServer.writeKubeconfig();
  }

  private oidcEnv: Partial<ControlPlaneEnv> = {};

  /** The OSCAR manager. */
  get manager(): OscarManagerServer {
    return this.currentManager;
  }

  /** Starts the manager again (killing it first if it runs), on the same port with the same credentials. */
  async restartManager(): Promise<void> {
    this.currentManager = await this.currentManager.restart();
  }

  /** Folder of the processes' logs (the manager logs one line per request). */
  get logDir(): string {
    return path.join(this.dir, 'logs');
  }

  /** Endpoints and credentials as environment variables. */
  get env(): ControlPlaneEnv {
    return {
      OSCAR_ENDPOINT: this.manager.endpoint,
      OSCAR_USERNAME: this.manager.username,
      OSCAR_PASSWORD: this.manager.password,
      MINIO_ENDPOINT: this.minio.endpoint,
      MINIO_ACCESS_KEY: this.minio.accessKey,
      MINIO_SECRET_KEY: this.minio.secretKey,
      KUBECONFIG: this.kubeconfig,
      OSCAR_SANDBOX_DIR: this.dir,
      ...this.oidcEnv,
    };
  }

  /** A request to the manager's REST API with basic auth; the body is sent as JSON. */
  async oscar(method: string, urlPath: string, body?: unknown): Promise<{ status: number; text: string; json: Json }> {
    const auth = Buffer.from(`${this.manager.username}:${this.manager.password}`).toString('base64');
    const res = await fetch(`${this.manager.endpoint}${urlPath}`, {
      method,
      headers: { Authorization: `Basic ${auth}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json: Json;
    try { json = JSON.parse(text); } catch { json = undefined; }
    return { status: res.status, text, json };
  }

  /** Stops every process (manager first) and removes the data, keeping `logs/`. */
  async stop(): Promise<void> {
    await this.manager.stop();
    await this.oidc?.stop();
    await this.minio.stop();
    await this.apiServer.stop();
    await this.etcd.stop();
    for (const data of ['etcd', 'minio-data', 'serviceaccount']) fs.rmSync(path.join(this.logDir, data), { recursive: true, force: true });
  }
}

/**
 * What the OSCAR chart's installation leaves for the manager: its namespaces, Knative's CRDs, and the
 * chart's `oscar-pvc` bound to a volume as the cluster's RWX provisioner would bind it. The manager
 * v4.1.2 gives every OIDC user a namespace of their own with a copy of that volume, and refuses the
 * user's requests while the claim is not bound.
 */
async function prepareCluster(apiServer: KubeApiServer): Promise<void> {
  for (const name of [OscarManagerServer.NAMESPACE, OscarManagerServer.SERVICES_NAMESPACE]) {
    await apiServer.expectOk('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  }
  await applyKnativeServingCrds(apiServer);
  await bindServicesVolume(apiServer);
}

/** The services' shared volume: a PersistentVolume (NFS, as the platform's provisioner makes) and the chart's claim, bound. */
async function bindServicesVolume(apiServer: KubeApiServer): Promise<void> {
  const namespace = OscarManagerServer.SERVICES_NAMESPACE;
  const volume = 'oscar-pvc-volume';
  const spec = { accessModes: ['ReadWriteMany'], storageClassName: 'nfs' };
  await apiServer.expectOk('POST', '/api/v1/persistentvolumes', {
    apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: volume },
    spec: { ...spec, capacity: { storage: '2Gi' }, persistentVolumeReclaimPolicy: 'Retain', nfs: { server: 'nfs.oscar-sandbox.invalid', path: '/oscar' },
      claimRef: { namespace, name: 'oscar-pvc' } },
  });
  await apiServer.expectOk('POST', `/api/v1/namespaces/${namespace}/persistentvolumeclaims`, {
    apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'oscar-pvc', namespace },
    spec: { ...spec, volumeName: volume, resources: { requests: { storage: '2Gi' } } },
  });
  // No volume controller runs here: the binding's status is written as it would write it.
  const claim = await apiServer.expectOk('GET', `/api/v1/namespaces/${namespace}/persistentvolumeclaims/oscar-pvc`) as Record<string, unknown>;
  await apiServer.expectOk('PUT', `/api/v1/namespaces/${namespace}/persistentvolumeclaims/oscar-pvc/status`,
    { ...claim, status: { phase: 'Bound', accessModes: spec.accessModes, capacity: { storage: '2Gi' } } });
  const pv = await apiServer.expectOk('GET', `/api/v1/persistentvolumes/${volume}`) as Record<string, unknown>;
  await apiServer.expectOk('PUT', `/api/v1/persistentvolumes/${volume}/status`, { ...pv, status: { phase: 'Bound' } });
}

/**
 * Creates Knative Serving's CRDs (not its controllers or webhooks, which need pods) and waits until the
 * Service kind is served: what the manager's Knative backend needs.
 */
export async function applyKnativeServingCrds(apiServer: KubeApiServer): Promise<void> {
  await applyCrds(apiServer, 'knative-serving-crds', 'services.serving.knative.dev');
}

/** Creates the CRDs of a folder of YAML files that testenv/build.sh made, and waits until `established` is served. */
async function applyCrds(apiServer: KubeApiServer, component: 'knative-serving-crds' | 'kueue-crds', established: string): Promise<void> {
  const crdDir = componentBinary(component);
  for (const file of fs.readdirSync(crdDir).filter((f) => f.endsWith('.yaml')).sort()) {
    for (const doc of parseAllDocuments(fs.readFileSync(path.join(crdDir, file), 'utf8'))) {
      const crd = doc.toJS();
      if (crd?.kind !== 'CustomResourceDefinition') continue;
      const res = await apiServer.request('POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', crd);
      if (res.status !== 201 && res.status !== 409) {
      throw new Error(`kube-apiserver: creating CRD ${crd.metadata?.name} answered ${res.status}: ${JSON.stringify(res.json).slice(0, 300)}`);
    }
    }
  }
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const res = await apiServer.request('GET', `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${established}`);
    if (res.json?.status?.conditions?.some((c: { type: string; status: string }) => c.type === 'Established' && c.status === 'True')) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`kube-apiserver: the CRD ${established} was not established within 30 s`);
}
