// The checked file's sections as the constructs' props: value classes built (their errors brought to
// the line of their setting), paths resolved against the config file's folder.
import * as path from 'node:path';
import { ClusterConnection } from '../cluster/connection';
import { EksNetwork } from '../cluster/eks-network';
import { CertificateIssuer } from '../platform/cert-manager';
import { GatewayChoice, KnativeChoice, MinioChoice } from '../platform/component-choices';
import type { OscarPlatformOptions } from '../platform/oscar-platform';
import { RwxStorage } from '../platform/rwx-storage';
import type { DeploymentConfig } from './deployment';
import type { ClusterSection, PlatformSection } from './schema';

export type Build = <T>(setting: string, make: () => T, fields?: Readonly<Record<string, string>>) => T;
type ErrorAt = DeploymentConfig['errorAt'];

// The cluster section as the cluster stack's props, with its connection and network built (and checked).
export function clusterTarget(cluster: ClusterSection, build: Build, errorAt: ErrorAt): NonNullable<DeploymentConfig['cluster']> {
  if (cluster.existing) {
    const { kubeconfig, context, host, clusterCaCertificate, gpu } = cluster.existing;
    if ((kubeconfig === undefined) === (host === undefined)) {
      throw errorAt('cluster.existing', 'needs either kubeconfig or host (with clusterCaCertificate)',
        'give kubeconfig (and optionally context), or host and clusterCaCertificate with the token in KUBE_TOKEN');
    }
    const connection = kubeconfig !== undefined
      ? build('cluster.existing', () => ClusterConnection.fromKubeconfig(kubeconfig, context), { path: 'kubeconfig' })
      : build('cluster.existing', () => ClusterConnection.fromServer({ host: host!, clusterCaCertificate: clusterCaCertificate ?? '' }));
    return { existing: { connection, gpu } };
  }
  const { vpc, ...eks } = cluster.eks!;
  const network = vpc === undefined ? undefined : build('cluster.eks.vpc', () => (vpc.privateSubnetIds
    ? EksNetwork.existingVpc({ privateSubnetIds: vpc.privateSubnetIds })
    : EksNetwork.newVpc(vpc)));
  return { eks: { ...eks, network } };
}

// The platform section as construct options: value classes for storage and issuers, and local paths
// (chart folders, the Gateway API manifest) resolved against the config file's folder. The shape is
// checked already; the constructs check the meaning.
export function platformOptions(p: PlatformSection, base: string, build: Build): OscarPlatformOptions {
  const local = (file: string) => path.resolve(base, file);
  const s = p.storage;
  const storage = s && (s.storageClass !== undefined
    ? build('platform.storage', () => RwxStorage.existingClass(s.storageClass!), { storageClassName: 'storageClass' })
    : s.efs !== undefined
      ? build('platform.storage.efs', () => RwxStorage.efs(s.efs!))
      : build('platform.storage.nfsProvisioner', () => RwxStorage.nfsProvisioner(s.nfsProvisioner)));
  const certManager = p.tls?.certManager;
  const { letsEncrypt, existing } = certManager?.issuer ?? {};
  const issuer = certManager && (letsEncrypt
    ? build('platform.tls.certManager.issuer.letsEncrypt', () => CertificateIssuer.letsEncrypt(letsEncrypt))
    : existing !== undefined
      ? build('platform.tls.certManager.issuer.existing', () => CertificateIssuer.existing(existing), { clusterIssuerName: '' })
      : CertificateIssuer.selfSigned());
  const tls = p.tls && { secretName: p.tls.secretName, certManager: certManager && issuer && { ...certManager, issuer } };
  const { existing: minioExisting, ...minioOptions } = p.minio ?? {};
  const minio = p.minio && (minioExisting ? MinioChoice.existing(minioExisting) : MinioChoice.install(minioOptions));
  const g = p.gateway;
  const gateway = g === undefined ? undefined
    : g === false ? GatewayChoice.none()
      : 'existing' in g ? GatewayChoice.existing(g.existing)
        : GatewayChoice.traefik({ ...g, gatewayApiCrds: g.gatewayApiCrds && { ...g.gatewayApiCrds, manifestFile: local(g.gatewayApiCrds.manifestFile) } });
  const { existing: knativeExists, ...knativeOptions } = p.knative || {};
  const knative = p.knative === undefined ? undefined
    : p.knative === false ? KnativeChoice.none() : knativeExists ? KnativeChoice.existing() : KnativeChoice.install(knativeOptions);
  const versions = p.versions && Object.fromEntries(Object.entries(p.versions).map(([component, chart]) => [
    component, chart.repository === '' && chart.chart !== undefined ? { ...chart, chart: local(chart.chart) } : chart,
  ]));
  return { ...p, storage, tls, minio, gateway, knative, versions };
}
