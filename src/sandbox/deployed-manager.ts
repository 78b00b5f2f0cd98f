// The OSCAR manager started the way a Deployment in the API server describes it (for example the one
// the oscar chart installs): its environment and its service account are read back from the API
// server, and MinIO is started at the address and with the root credentials the platform gave it.
// Pods never run here, so this is how an end-to-end test proves the chart's values make a working
// manager.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { KubeApiServer } from './kube-apiserver';
import { MinioServer } from './minio';
import { OscarManagerServer } from './oscar-manager';
import { applyKnativeServingCrds } from './control-plane';

/** Where the MinIO root credentials are kept. */
export interface SecretKeys {
  readonly namespace: string;
  readonly name: string;
  readonly userKey: string;
  readonly passwordKey: string;
}

/** Options of {@link startDeployedManager}. */
export interface DeployedManagerOptions {
  /** Namespace of the manager's Deployment. @default 'oscar' */
  readonly namespace?: string;
  /** Name of the manager's Deployment. @default 'oscar' */
  readonly deployment?: string;
  /** The Secret with MinIO's root credentials, as the MinIO chart reads it. */
  readonly minioCredentials: SecretKeys;
  /**
   * The loopback address MinIO's in-cluster host name resolves to (the port is the one in the
   * manager's MINIO_ENDPOINT).
   * @default '127.0.0.2'
   */
  readonly minioAddress?: string;
  /**
   * The port the manager listens on (and MinIO's webhooks reach it at), instead of the Deployment's:
   * its 8080 may be taken on the machine running the test.
   * @default - the Deployment's OSCAR_SERVICE_PORT
   */
  readonly port?: number;
}

/** The manager and MinIO started from what the API server holds. */
export interface DeployedManager {
  readonly manager: OscarManagerServer;
  readonly minio: MinioServer;
  /** The manager's environment, as read from its Deployment. */
  readonly env: Readonly<Record<string, string>>;
  stop(): Promise<void>;
}

/** The environment of a Deployment's first container, with secret and config-map references resolved. */
export async function deploymentEnvironment(apiServer: KubeApiServer, namespace: string,
  name: string): Promise<{ env: Record<string, string>; serviceAccountName: string }> {
  const deployment = await apiServer.expectOk('GET', `/apis/apps/v1/namespaces/${namespace}/deployments/${name}`);
  const env: Record<string, string> = {};
  for (const entry of deployment.spec.template.spec.containers[0].env ?? []) {
    if (entry.value !== undefined) env[entry.name] = entry.value;
    else if (entry.valueFrom?.secretKeyRef) {
      const ref = entry.valueFrom.secretKeyRef;
      const secret = await apiServer.expectOk('GET', `/api/v1/namespaces/${namespace}/secrets/${ref.name}`);
      env[entry.name] = Buffer.from(secret.data[ref.key], 'base64').toString('utf8');
    } else if (entry.valueFrom?.configMapKeyRef) {
      const ref = entry.valueFrom.configMapKeyRef;
      env[entry.name] = (await apiServer.expectOk('GET', `/api/v1/namespaces/${namespace}/configmaps/${ref.name}`)).data[ref.key];
    } else {
      env[entry.name] = '';
    }
  }
  return { env, serviceAccountName: deployment.spec.template.spec.serviceAccountName ?? 'default' };
}

/**
 * Starts MinIO and the OSCAR manager as the API server's objects describe them. The manager
 * authenticates with a token of the Deployment's own service account (TokenRequest), so the chart's
 * RBAC is what allows or refuses its requests. Knative's CRDs are applied first (the Knative
 * Operator's pod would install them).
 */
export async function startDeployedManager(apiServer: KubeApiServer, dir: string, options: DeployedManagerOptions): Promise<DeployedManager> {
  const namespace = options.namespace ?? 'oscar';
  const { env, serviceAccountName } = await deploymentEnvironment(apiServer, namespace, options.deployment ?? 'oscar');
  const token = (await apiServer.expectOk('POST', `/api/v1/namespaces/${namespace}/serviceaccounts/${serviceAccountName}/token`, {
    apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: { expirationSeconds: 86_400 },
  })).status.token as string;
  const credentials = await apiServer.expectOk('GET', `/api/v1/namespaces/${options.minioCredentials.namespace}/secrets/${options.minioCredentials.name}`);
  const secret = (key: string) => Buffer.from(credentials.data[key], 'base64').toString('utf8');
  await applyKnativeServingCrds(apiServer);

  const minioUrl = new URL(env.MINIO_ENDPOINT);
  const minioAddress = options.minioAddress ?? '127.0.0.2';
  fs.mkdirSync(dir, { recursive: true });
  const hostsFile = path.join(dir, 'hosts');
  const managerHost = `${env.OSCAR_NAME ?? 'oscar'}.${env.OSCAR_NAMESPACE ?? namespace}`;
  fs.writeFileSync(hostsFile, [
    fs.readFileSync('/etc/hosts', 'utf8').trimEnd(),
    `127.0.0.1 ${managerHost} ${managerHost}.svc ${managerHost}.svc.cluster.local`,
    `${minioAddress} ${minioUrl.hostname}`,
    '',
  ].join('\n'));
  const hostsMount = [`mount --bind ${hostsFile} /etc/hosts`];
  const minio = await MinioServer.start(dir, {
    address: { host: minioAddress, port: Number(minioUrl.port || (minioUrl.protocol === 'https:' ? 443 : 80)) },
    rootUser: secret(options.minioCredentials.userKey),
    rootPassword: secret(options.minioCredentials.passwordKey),
    privateMounts: hostsMount,
  });
  try {
    const managerEnv = options.port === undefined ? env : { ...env, OSCAR_SERVICE_PORT: String(options.port) };
    const manager = await OscarManagerServer.start(dir, apiServer, minio, { env: managerEnv, serviceAccountToken: token, privateMounts: hostsMount });
    return { manager, minio, env, stop: async () => { await manager.stop(); await minio.stop(); } };
  } catch (e) {
    await minio.stop();
    throw e;
  }
}
