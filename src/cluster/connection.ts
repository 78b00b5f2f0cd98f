import { Token } from '../private/cdktf';
import { ValidationError } from '../errors';

/** A credential plugin that prints a fresh token for every request, so long applies never expire. */
export interface ExecCredential {
  /** API version of the ExecCredential the command prints. */
  readonly apiVersion: string;
  /** The command, found on PATH where Terraform runs. */
  readonly command: string;
  /** Its arguments. */
  readonly args: readonly string[];
  /**
   * Extra environment variables for the command.
   * @default - none
   */
  readonly env?: Readonly<Record<string, string>>;
}

/** What a kubernetes or helm provider needs to reach a cluster; never holds a secret. */
export interface ClusterConnectionConfig {
  /**
   * URL of the API server.
   * @default - from the kubeconfig file
   */
  readonly host?: string;
  /**
   * PEM of the cluster's CA.
   * @default - from the kubeconfig file
   */
  readonly clusterCaCertificate?: string;
  /**
   * Path of a kubeconfig file, where Terraform runs.
   * @default - no kubeconfig: host and CA are given
   */
  readonly configPath?: string;
  /**
   * Context of the kubeconfig file.
   * @default - the file's current context
   */
  readonly configContext?: string;
  /**
   * Credential plugin that prints a token per request.
   * @default - a bearer token from KUBE_TOKEN, or the kubeconfig's credentials
   */
  readonly exec?: ExecCredential;
}

/** An exec credential in the shape the providers' bindings take (mutable copies of {@link ExecCredential}). */
export interface ProviderExec {
  /** API version of the credential plugin's output. */
  readonly apiVersion: string;
  /** The plugin command. */
  readonly command: string;
  /** Its arguments. */
  readonly args: string[];
  /**
   * Extra environment of the plugin.
   * @default - none
   */
  readonly env?: Record<string, string>;
}

/**
 * How the platform stack reaches a cluster's API server. Secrets are kept out of the synthesized
 * configuration: kubeconfig files and credential plugins are read where Terraform runs, and a bearer
 * token comes from the `KUBE_TOKEN` environment variable.
 */
export class ClusterConnection {
  /**
   * A kubeconfig file, as kubectl uses it.
   * @param path kubeconfig path where Terraform runs, for example `~/.kube/config`
   * @param context context to use; the file's current context when left out
   */
  static fromKubeconfig(path: string, context?: string): ClusterConnection {
    if (!Token.isUnresolved(path) && path.trim() === '') {
      throw new ValidationError('ClusterConnection.fromKubeconfig', 'path', 'is empty', 'give the kubeconfig path, for example "~/.kube/config"');
    }
    return new ClusterConnection({ configPath: path, configContext: context });
  }

  /**
   * An API server URL and CA certificate, authenticated by a bearer token that the kubernetes and
   * helm providers read from the `KUBE_TOKEN` environment variable at plan and apply time.
   */
  static fromServer(options: { readonly host: string; readonly clusterCaCertificate: string }): ClusterConnection {
    checkServer('ClusterConnection.fromServer', options.host, options.clusterCaCertificate);
    return new ClusterConnection({ host: options.host, clusterCaCertificate: options.clusterCaCertificate });
  }

  /** An API server URL and CA certificate, authenticated by a credential plugin (for example `aws eks get-token`). */
  static fromExec(options: { readonly host: string; readonly clusterCaCertificate: string; readonly exec: ExecCredential }): ClusterConnection {
    checkServer('ClusterConnection.fromExec', options.host, options.clusterCaCertificate);
    if (options.exec.command.trim() === '') {
      throw new ValidationError('ClusterConnection.fromExec', 'exec.command', 'is empty', 'give the credential plugin command, for example "aws"');
    }
    return new ClusterConnection({ host: options.host, clusterCaCertificate: options.clusterCaCertificate, exec: options.exec });
  }

  private constructor(readonly config: ClusterConnectionConfig) {}

  /**
   * The settings of the kubernetes provider, as both stacks that talk to the cluster configure it
   * (the helm provider takes the same under `kubernetes`, with `exec` as an object instead of a list).
   */
  kubernetesProviderSettings(): Omit<ClusterConnectionConfig, 'exec'> & { readonly exec?: ProviderExec } {
    const { exec, ...server } = this.config;
    if (!exec) return server;
    return { ...server, exec: { apiVersion: exec.apiVersion, command: exec.command, args: [...exec.args], env: exec.env && { ...exec.env } } };
  }
}

function checkServer(where: string, host: string, ca: string): void {
  if (!Token.isUnresolved(host) && !/^https:\/\/[^/\s]+/.test(host)) {
    throw new ValidationError(where, 'host', `'${host}' is not an https:// URL`, 'give the API server URL, for example "https://203.0.113.10:6443"');
  }
  if (!Token.isUnresolved(ca) && !ca.includes('-----BEGIN CERTIFICATE-----')) {
    throw new ValidationError(where, 'clusterCaCertificate', 'is not a PEM certificate',
      'give the PEM text of the cluster CA (decode it first if it is base64, as in a kubeconfig)');
  }
}
