import { Construct } from 'constructs';
import { type Release, Token } from '../private/cdktf';
import { fromOption, ValidationError } from '../errors';
import { GATEWAY_API, type PinnedChart, pinnedChart, VERSIONS } from '../versions';
import { CertManager, type CertManagerOptions, type GatewayRef } from './cert-manager';
import { GatewayApiCrds, type GatewayApiCrdsOptions } from './gateway-api-crds';
import { Namespaces } from './namespaces';
import { componentRelease } from '../private/helm';
import { checkHost, checkInteger } from './private/validate';

/** How Traefik's service is reached from outside the cluster. */
export enum GatewayServiceType {
  /** A cloud load balancer (EKS, GKE, AKS; MetalLB or k3s's ServiceLB elsewhere). */
  LOAD_BALANCER = 'LoadBalancer',
  /** A port on every node (kind, bare metal). */
  NODE_PORT = 'NodePort',
  /** Inside the cluster only (behind another proxy, or port-forwarded). */
  CLUSTER_IP = 'ClusterIP',
}

/** How the HTTPS listener gets its certificate. */
export interface GatewayTlsOptions {
  /**
   * A TLS Secret (keys `tls.crt`, `tls.key`) that already exists in the gateway's namespace.
   * @default - none: cert-manager issues the certificate
   */
  readonly secretName?: string;
  /**
   * cert-manager, which issues the certificate for the host name.
   * @default - none: the secret is given
   */
  readonly certManager?: CertManagerOptions;
}

/** Settings of Traefik. */
export interface TraefikOptions {
  /**
   * Chart and image, to override the pinned ones.
   * @default - the chart and image pinned in the versions catalog (src/versions.ts)
   */
  readonly chart?: Partial<PinnedChart>;
  /**
   * Namespace of Traefik and of its Gateway.
   * @default 'traefik'
   */
  readonly namespace?: string;
  /**
   * Service type of Traefik's web (80) and websecure (443) ports.
   * @default GatewayServiceType.LOAD_BALANCER
   */
  readonly serviceType?: GatewayServiceType;
  /**
   * Node ports of the web and websecure ports, with `GatewayServiceType.NODE_PORT`.
   * @default - assigned by Kubernetes
   */
  readonly nodePorts?: { readonly http?: number; readonly https?: number };
  /**
   * The Gateway API CRDs to install, from the release manifest; false when the cluster already has
   * them (standard channel, GATEWAY_API.version or later).
   */
  readonly gatewayApiCrds: GatewayApiCrdsOptions | false;
}

/** Props of {@link Traefik}. */
export interface TraefikProps extends TraefikOptions {
  /**
   * Host name of the HTTPS listener (the platform's public name).
   * @default - no HTTPS listener
   */
  readonly host?: string;
  /**
   * TLS for the HTTPS listener; requires `host`.
   * @default - HTTP only
   */
  readonly tls?: GatewayTlsOptions;
  /**
   * Further host names served over HTTPS with TLS (MinIO's public hosts), each on an HTTPS listener of
   * its own: with cert-manager each gets its own certificate; a given Secret must cover them all.
   * @default - none
   */
  readonly extraHosts?: readonly string[];
  /** Wait for Traefik's pods. */
  readonly wait: boolean;
}

/** Name of the Gateway, which OSCAR's chart, its exposed services and KServe all assume. */
export const GATEWAY_NAME = 'traefik-gateway';

/**
 * Traefik as the Gateway API implementation, with the Gateway `traefik-gateway` OSCAR routes attach to
 * (the manager writes HTTPRoutes and Traefik Middlewares for exposed services). Listeners accept routes
 * from every namespace, since OSCAR's routes live in its own and its services' namespaces. With TLS, an
 * HTTPS listener serves the host name, with a certificate from a Secret or from cert-manager.
 */
export class Traefik extends Construct {
  /** The Gateway routes attach to. */
  readonly gateway: GatewayRef;
  /** Traefik's release (installs the Gateway, the GatewayClass and the traefik.io CRDs such as Middleware). */
  readonly release: Release;
  /** The Gateway API CRDs, when installed here. */
  readonly gatewayApiCrds?: GatewayApiCrds;
  /** cert-manager, when TLS certificates come from it. */
  readonly certManager?: CertManager;
  /** Whether the Gateway has an HTTPS listener. */
  readonly https: boolean;

  constructor(scope: Construct, id: string, props: TraefikProps) {
    super(scope, id);
    const chart = pinnedChart(VERSIONS.traefik, props.chart);
    const namespaceName = props.namespace ?? 'traefik';
    const serviceType = props.serviceType ?? GatewayServiceType.LOAD_BALANCER;
    checkHost(this, 'host', props.host);
    (props.extraHosts ?? []).forEach((host, i) => checkHost(this, `extraHosts[${i}]`, host));
    if (!Object.values(GatewayServiceType).includes(serviceType)) {
      throw new ValidationError(this, 'serviceType', `'${serviceType}' is not a service type`, `use one of ${Object.values(GatewayServiceType).join(', ')}`);
    }
    if (props.nodePorts && serviceType !== GatewayServiceType.NODE_PORT) {
      throw new ValidationError(this, 'nodePorts', `are given, but serviceType is ${serviceType}`, 'set serviceType to NodePort, or leave nodePorts out');
    }
    checkInteger(this, 'nodePorts.http', props.nodePorts?.http, 1, 65535);
    checkInteger(this, 'nodePorts.https', props.nodePorts?.https, 1, 65535);
    const tls = props.tls;
    if (tls) {
      if ((tls.secretName === undefined) === (tls.certManager === undefined)) {
        throw new ValidationError(this, 'tls', 'needs exactly one of secretName and certManager',
          'give secretName (an existing TLS Secret) or certManager (certificates issued for the host)');
      }
      if (props.host === undefined) {
        throw new ValidationError(this, 'tls', 'is given without a host name', 'give host, the name the certificate is for');
      }
    }
    this.https = tls !== undefined;
    this.gateway = { name: GATEWAY_NAME, namespace: namespaceName };

    if (props.gatewayApiCrds === undefined) {
      throw new ValidationError(this, 'gatewayApiCrds', 'is not given',
        `download ${GATEWAY_API.manifestUrl} and give it as gatewayApiCrds.manifestFile, `
        + 'or set gatewayApiCrds to false if the cluster has the Gateway API CRDs');
    }
    if (props.gatewayApiCrds !== false) {
      const crdsOptions = props.gatewayApiCrds;
      this.gatewayApiCrds = fromOption('gatewayApiCrds', () => new GatewayApiCrds(this, 'GatewayApiCrds', crdsOptions));
    }
    const crds = this.gatewayApiCrds ? [this.gatewayApiCrds.release] : [];
    const namespace = Namespaces.of(this).ensure(namespaceName, this);
    if (tls?.certManager) {
      const certManager = tls.certManager;
      this.certManager = fromOption('tls.certManager',
        () => new CertManager(this, 'CertManager', { ...certManager, gateway: this.gateway, after: crds, wait: props.wait }), ['gateway', 'after', 'wait']);
    }
    const secretOf = (host: string | undefined, fallback: string) => tls?.secretName
      ?? (host && !Token.isUnresolved(host) ? `${host.replace(/\*/g, 'wildcard').replace(/\./g, '-')}-tls` : fallback);
    const allNamespaces = { from: 'All' };
    const https = (host: string | undefined, fallback: string) => ({ port: 8443, protocol: 'HTTPS', hostname: host, namespacePolicy: allNamespaces,
      certificateRefs: [{ kind: 'Secret', name: secretOf(host, fallback) }] });
    const [registry, ...repository] = chart.imageRepository.split('/');
    const ports = (name: 'http' | 'https') => (props.nodePorts?.[name] === undefined ? {} : { nodePort: props.nodePorts[name] });

    this.release = componentRelease(this, 'Resource', {
      name: 'traefik',
      namespace: namespace.metadata.name,
      chart,
      values: {
        image: { registry, repository: repository.join('/'), tag: chart.imageTag },
        providers: {
          kubernetesGateway: { enabled: true },
          // OSCAR's exposed-service routes reference Middlewares across namespaces.
          kubernetesCRD: { allowCrossNamespace: true },
        },
        // Routes are Gateway API HTTPRoutes only: no cluster-wide default IngressClass is claimed.
        ingressClass: { enabled: false },
        gateway: {
          name: GATEWAY_NAME,
          ...(tls?.certManager ? { annotations: { 'cert-manager.io/cluster-issuer': tls.certManager.issuer.clusterIssuerName } } : {}),
          listeners: {
            web: { port: 8000, protocol: 'HTTP', namespacePolicy: allNamespaces },
            ...(tls ? { websecure: https(props.host, 'oscar-gateway-tls') } : {}),
            ...Object.fromEntries(tls ? (props.extraHosts ?? []).map((host, i) => [`websecure-${i + 1}`, https(host, `oscar-gateway-tls-${i + 1}`)]) : []),
          },
        },
        service: { spec: { type: serviceType } },
        ports: { web: ports('http'), websecure: ports('https') },
      },
      wait: props.wait,
      dependsOn: [...crds, ...(this.certManager?.release ? [this.certManager.release] : [])],
    });
  }
}
