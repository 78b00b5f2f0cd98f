import { Construct } from 'constructs';
import { type ITerraformDependable, type Release, Token } from '../private/cdktf';
import { ValidationError } from '../errors';
import { type PinnedChart, pinnedChart, VERSIONS } from '../versions';
import { CustomResources, type KubernetesObject } from './custom-resources';
import { Namespaces } from './namespaces';
import { componentRelease } from '../private/helm';

/** A Gateway that routes (and, for ACME HTTP-01 challenges, answers) the platform's traffic. */
export interface GatewayRef {
  /** Gateway name. */
  readonly name: string;
  /** Its namespace. */
  readonly namespace: string;
}

const LETS_ENCRYPT = 'https://acme-v02.api.letsencrypt.org/directory';
const LETS_ENCRYPT_STAGING = 'https://acme-staging-v02.api.letsencrypt.org/directory';

/** Where certificates come from: a cert-manager ClusterIssuer, created here or already present. */
export abstract class CertificateIssuer {
  /**
   * Let's Encrypt (ACME), answering HTTP-01 challenges through the platform's Gateway. The host name
   * must resolve to the Gateway's address from the internet.
   * @param options.email where Let's Encrypt sends expiry notices
   * @param options.staging use the staging directory (untrusted certificates, generous rate limits)
   */
  static letsEncrypt(options: { readonly email: string; readonly staging?: boolean }): CertificateIssuer {
    if (!Token.isUnresolved(options.email) && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(options.email)) {
      throw new ValidationError('CertificateIssuer.letsEncrypt', 'email', `'${options.email}' is not an e-mail address`,
        'give the address Let\'s Encrypt should send expiry notices to');
    }
    return new LetsEncryptIssuer(options.email, options.staging ?? false);
  }

  /** Self-signed certificates (test clusters; browsers and clients will not trust them). */
  static selfSigned(): CertificateIssuer {
    return new SelfSignedIssuer();
  }

  /** A ClusterIssuer that already exists. */
  static existing(clusterIssuerName: string): CertificateIssuer {
    if (!Token.isUnresolved(clusterIssuerName) && clusterIssuerName.trim() === '') {
      throw new ValidationError('CertificateIssuer.existing', 'clusterIssuerName', 'is empty', 'give the name of the ClusterIssuer');
    }
    return new ExistingIssuer(clusterIssuerName);
  }

  /** Name of the ClusterIssuer. */
  abstract readonly clusterIssuerName: string;

  /** The ClusterIssuer to create, if any. @internal */
  abstract _manifest(gateway: GatewayRef): KubernetesObject | undefined;
}

class LetsEncryptIssuer extends CertificateIssuer {
  readonly clusterIssuerName: string;
  constructor(private readonly email: string, private readonly staging: boolean) {
    super();
    this.clusterIssuerName = staging ? 'letsencrypt-staging' : 'letsencrypt';
  }
  _manifest(gateway: GatewayRef): KubernetesObject {
    return {
      apiVersion: 'cert-manager.io/v1',
      kind: 'ClusterIssuer',
      metadata: { name: this.clusterIssuerName },
      spec: {
        acme: {
          server: this.staging ? LETS_ENCRYPT_STAGING : LETS_ENCRYPT,
          email: this.email,
          privateKeySecretRef: { name: `${this.clusterIssuerName}-account-key` },
          solvers: [{ http01: { gatewayHTTPRoute: { parentRefs: [{ name: gateway.name, namespace: gateway.namespace, kind: 'Gateway' }] } } }],
        },
      },
    };
  }
}

class SelfSignedIssuer extends CertificateIssuer {
  readonly clusterIssuerName = 'selfsigned';
  _manifest(): KubernetesObject {
    return { apiVersion: 'cert-manager.io/v1', kind: 'ClusterIssuer', metadata: { name: this.clusterIssuerName }, spec: { selfSigned: {} } };
  }
}

class ExistingIssuer extends CertificateIssuer {
  constructor(readonly clusterIssuerName: string) {
    super();
  }
  _manifest(): undefined {
    return undefined;
  }
}

/** Settings of cert-manager. */
export interface CertManagerOptions {
  /** Where certificates come from. */
  readonly issuer: CertificateIssuer;
  /**
   * Install cert-manager; false when it already runs in the cluster (with Gateway API support on).
   * @default true
   */
  readonly install?: boolean;
  /**
   * Chart and images, to override the pinned ones (`imageRepository` is the registry path of all of
   * cert-manager's images, for example `quay.io/jetstack`).
   * @default - the chart and image pinned in the versions catalog (src/versions.ts)
   */
  readonly chart?: Partial<PinnedChart>;
  /**
   * Namespace of cert-manager (created when installed here; where it runs otherwise).
   * @default 'cert-manager'
   */
  readonly namespace?: string;
}

/** Props of {@link CertManager}. */
export interface CertManagerProps extends Omit<CertManagerOptions, 'issuer'> {
  /**
   * Where the Gateway's certificates come from.
   * @default - no ClusterIssuer: cert-manager serves the Certificates other charts make (KServe's webhook)
   */
  readonly issuer?: CertificateIssuer;
  /**
   * The Gateway whose listeners get certificates (and which answers HTTP-01 challenges).
   * @default - no Gateway: cert-manager's Gateway API support stays off
   */
  readonly gateway?: GatewayRef;
  /** What installs the Gateway API CRDs, which cert-manager's Gateway support needs when it starts. */
  readonly after: ITerraformDependable[];
  /** Wait for cert-manager's pods and its start-up check (its webhook must answer before an issuer is created). */
  readonly wait: boolean;
}

/**
 * cert-manager. Given a Gateway, its Gateway API support is on: a Gateway annotated with
 * `cert-manager.io/cluster-issuer` gets a Certificate for each HTTPS listener's host name, stored in the
 * Secret the listener names. The ClusterIssuer is created after cert-manager (and its webhook) are up.
 */
export class CertManager extends Construct {
  /** cert-manager's release, when installed here. */
  readonly release?: Release;
  /** The ClusterIssuer, when created here. */
  readonly issuer?: CustomResources;

  constructor(scope: Construct, id: string, props: CertManagerProps) {
    super(scope, id);
    if (props.issuer && !props.gateway) {
      throw new ValidationError(this, 'gateway', 'is not given, but an issuer is', 'give the Gateway whose listeners get the certificates');
    }
    const after = [...props.after];
    // The issuer's release record lives with cert-manager (an existing installation's namespace exists).
    let issuerNamespace = props.namespace ?? 'cert-manager';
    if (props.install ?? true) {
      const chart = pinnedChart(VERSIONS.certManager, props.chart);
      const [registry, ...path] = chart.imageRepository.split('/');
      const namespace = Namespaces.of(this).ensure(props.namespace ?? 'cert-manager', this);
      const image = { tag: chart.imageTag };
      this.release = componentRelease(this, 'Resource', {
        name: 'cert-manager',
        namespace: namespace.metadata.name,
        chart,
        values: {
          crds: { enabled: true, keep: false },
          imageRegistry: registry,
          imageNamespace: path.join('/'),
          image,
          webhook: { image },
          cainjector: { image },
          acmesolver: { image },
          // The start-up check is a post-install Job that passes once the webhook answers; only useful when waiting.
          startupapicheck: { enabled: props.wait, image },
          config: {
            apiVersion: 'controller.config.cert-manager.io/v1alpha1', kind: 'ControllerConfiguration', gatewayAPI: { enabled: props.gateway !== undefined },
          },
        },
        wait: props.wait,
        dependsOn: props.after,
      });
      after.push(this.release);
      issuerNamespace = namespace.metadata.name;
    }
    const manifest = props.issuer && props.gateway && props.issuer._manifest(props.gateway);
    if (manifest) {
      this.issuer = new CustomResources(this, 'Issuer', { releaseName: 'oscar-cluster-issuer', namespace: issuerNamespace, objects: [manifest], after });
    }
  }
}
