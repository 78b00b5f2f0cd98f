// The pieces the platform components share: namespaces, generated secrets, custom resources, the
// storage choices, metrics-server, the Gateway API CRDs and Helm's --set escaping.
import childProcess from 'node:child_process';
import { CustomResources } from '../../src/platform/custom-resources';
import { GatewayApiCrds } from '../../src/platform/gateway-api-crds';
import { GeneratedSecret } from '../../src/platform/generated-secret';
import { MetricsServer } from '../../src/platform/metrics-server';
import { Namespaces } from '../../src/platform/namespaces';
import { helmSetString } from '../../src/private/helm';
import { RwxStorage } from '../../src/platform/rwx-storage';
import { TerraformOutput } from '../../src/private/cdktf';
import { gatewayApiManifestFixture, synthesized, testStack } from '../support/platform';
import { warningsOf } from '../support/synth';

describe('Namespaces', () => {
  test('one namespace resource per name, however many components ask for it', () => {
    // GIVEN
    const stack = testStack();
    // WHEN
    const a = Namespaces.of(stack).ensure('oscar', stack);
    const b = Namespaces.of(stack).ensure('oscar', stack);
    Namespaces.of(stack).ensure('minio', stack);
    // THEN
    expect(a).toBe(b);
    expect(synthesized(stack).resources('kubernetes_namespace_v1').map((n) => n.metadata)).toEqual([
      { name: 'minio', labels: { 'app.kubernetes.io/managed-by': 'oscar-cdktf' } },
      { name: 'oscar', labels: { 'app.kubernetes.io/managed-by': 'oscar-cdktf' } },
    ]);
  });

  test('names are checked and the error names the requester and its field', () => {
    const stack = testStack();
    expect(() => Namespaces.of(stack).ensure('a'.repeat(64), stack, 'servicesNamespace')).toThrow(/test: servicesNamespace: 'a{64}' is not a valid namespace name/);
    expect(() => Namespaces.of(stack).ensure('-x', stack)).toThrow(/namespace: '-x' is not a valid namespace name/);
  });
});

describe('GeneratedSecret', () => {
  test('a terraform_data resource whose uuid-based value is sensitive and kept by ignore_changes; its value is a reference', () => {
    // WHEN
    const stack = testStack();
    const secret = new GeneratedSecret(stack, 'Secret');
    new TerraformOutput(stack, 'out', { value: secret.value, sensitive: true });
    // THEN
    const { json } = synthesized(stack);
    const [[id, resource]] = Object.entries(json.resource.terraform_data) as [string, any][];
    expect(resource).toEqual({ input: { value: '${sensitive(replace(uuid(), "-", ""))}' }, lifecycle: { ignore_changes: ['input'] } });
    expect(json.output.out.value).toBe(`\${terraform_data.${id}.output["value"]}`);
  });

  test('synth runs no Terraform binary: the resource carries no version check (cdktf\'s DataResource runs `terraform version`)', () => {
    const execSync = jest.spyOn(childProcess, 'execSync');
    try {
      const secret = new GeneratedSecret(testStack(), 'Secret');
      expect(secret.resource.node.validate()).toEqual([]);
      expect(execSync).not.toHaveBeenCalled();
    } finally {
      execSync.mockRestore();
    }
  });
});

describe('CustomResources', () => {
  test('the objects are the values of a release of the project\'s chart, copied next to the stack, after the CRDs\' release', () => {
    const stack = testStack();
    const crds = new GatewayApiCrds(stack, 'Crds', { manifestFile: gatewayApiManifestFixture() });
    new CustomResources(stack, 'Objects', {
      releaseName: 'things', namespace: 'default', after: [crds.release],
      objects: [{ apiVersion: 'example.org/v1', kind: 'Thing', metadata: { name: 'a' }, spec: { size: 1 } }],
    });
    const { release, values, address } = synthesized(stack);
    expect(release('things')).toMatchObject({ name: 'things', namespace: 'default', version: '1.0.0', wait: false, depends_on: [address('gateway-api-crds')] });
    expect(release('things').chart).toMatch(/^assets\/Objects_Chart_[0-9A-F]+\/[0-9A-F]+$/);
    expect(values('things')).toEqual({ objects: [{ apiVersion: 'example.org/v1', kind: 'Thing', metadata: { name: 'a' }, spec: { size: 1 } }] });
  });

  test('at least one object', () => {
    expect(() => new CustomResources(testStack(), 'Objects', { releaseName: 'x', namespace: 'default', after: [], objects: [] })).toThrow(/Objects: objects: is empty/);
  });
});

describe('GatewayApiCrds', () => {
  test('the release manifest is packaged into a chart of its own, which reads it untemplated', () => {
    const stack = testStack();
    const crds = new GatewayApiCrds(stack, 'Crds', { manifestFile: gatewayApiManifestFixture() });
    const { release } = synthesized(stack);
    expect(crds.bundleVersion).toBe('v1.5.1');
    expect(release('gateway-api-crds')).toMatchObject({ version: '1.5.1', namespace: 'kube-system', wait: false });
    expect(warningsOf(stack)).toEqual([]);
  });

  test('another Gateway API release is a warning', () => {
    const stack = testStack();
    new GatewayApiCrds(stack, 'Crds', { manifestFile: gatewayApiManifestFixture('v1.6.0') });
    expect(warningsOf(stack)).toEqual([expect.stringContaining('manifestFile: Gateway API v1.6.0 is not the pinned v1.5.1')]);
  });

  test('a file that is not a Gateway API manifest', () => {
    const stack = testStack();
    expect(() => new GatewayApiCrds(stack, 'Crds', { manifestFile: __filename })).toThrow(/Crds: manifestFile: '.+' is not a Gateway API release manifest/);
  });
});

describe('RwxStorage', () => {
  test('an existing class creates nothing', () => {
    const stack = testStack();
    expect(RwxStorage.existingClass('efs-sc').bind(stack, { wait: true })).toEqual({ storageClassName: 'efs-sc' });
    expect(synthesized(stack).json.resource).toBeUndefined();
  });

  test('EFS: a storage class provisioning access points on the file system', () => {
    const stack = testStack();
    const binding = RwxStorage.efs({ fileSystemId: 'fs-0123456789abcdef0' }).bind(stack, { wait: true });
    expect(binding.storageClassName).toBe('efs');
    expect(synthesized(stack).resources('kubernetes_storage_class_v1')).toEqual([{
      metadata: { name: 'efs' }, storage_provisioner: 'efs.csi.aws.com', reclaim_policy: 'Delete', volume_binding_mode: 'Immediate',
      parameters: { provisioningMode: 'efs-ap', fileSystemId: 'fs-0123456789abcdef0', directoryPerms: '775' },
    }]);
  });

  test('NFS provisioner: defaults are the kind installer\'s (class nfs, image v3.0.1), on a 20Gi volume', () => {
    const stack = testStack();
    const binding = RwxStorage.nfsProvisioner().bind(stack, { wait: true });
    const { release, values, resources } = synthesized(stack);
    expect(binding.storageClassName).toBe('nfs');
    expect(release('nfs-server-provisioner')).toMatchObject({ repository: 'https://kubernetes-sigs.github.io/nfs-ganesha-server-and-external-provisioner/', version: '1.8.0', wait: true });
    expect(values('nfs-server-provisioner')).toEqual({
      image: { repository: 'registry.k8s.io/sig-storage/nfs-provisioner', tag: 'v3.0.1' },
      persistence: { enabled: true, accessMode: 'ReadWriteOnce', size: '20Gi' },
      storageClass: { create: true, defaultClass: false, name: 'nfs', allowVolumeExpansion: true, reclaimPolicy: 'Delete' },
    });
    expect(resources('kubernetes_namespace_v1').map((n) => n.metadata.name)).toEqual(['nfs-provisioner']);
  });

  test('NFS provisioner options', () => {
    const stack = testStack();
    RwxStorage.nfsProvisioner({ storageClassName: 'shared', size: '100Gi', backingStorageClassName: 'gp3', namespace: 'storage' }).bind(stack, { wait: false });
    expect(synthesized(stack).values('nfs-server-provisioner')).toMatchObject({ persistence: { size: '100Gi', storageClass: 'gp3' },
      storageClass: { name: 'shared' }});
  });

  test.each([
    [() => RwxStorage.existingClass('NFS'), /RwxStorage\.existingClass: storageClassName: 'NFS' is not a valid storage class name/],
    [() => RwxStorage.efs({ fileSystemId: 'vol-123' }), /RwxStorage\.efs: fileSystemId: 'vol-123' is not an EFS file system id/],
    [() => RwxStorage.efs({ fileSystemId: 'fs-0123456789abcdef0', storageClassName: 'EFS' }), /RwxStorage\.efs: storageClassName: 'EFS' is not a valid storage class name/],
    [() => RwxStorage.nfsProvisioner({ storageClassName: 'nfs_1' }), /RwxStorage\.nfsProvisioner: storageClassName: 'nfs_1'/],
    [() => RwxStorage.nfsProvisioner({ size: '20 G' }), /RwxStorage\.nfsProvisioner: size: '20 G' is not a Kubernetes quantity/],
  ])('validation %#', (make, message) => {
    expect(make).toThrow(message);
  });
});

describe('MetricsServer', () => {
  test('defaults: pinned chart and image in kube-system, kubelet certificates verified', () => {
    const stack = testStack();
    new MetricsServer(stack, 'MetricsServer', { wait: true });
    const { release, values } = synthesized(stack);
    expect(release('metrics-server')).toMatchObject({ repository: 'https://kubernetes-sigs.github.io/metrics-server/', chart: 'metrics-server', version: '3.13.1', namespace: 'kube-system' });
    expect(values('metrics-server')).toEqual({ image: { repository: 'registry.k8s.io/metrics-server/metrics-server', tag: 'v0.8.1' }, args: [] });
  });

  test('self-signed kubelet certificates (kind, k3s, kubeadm)', () => {
    const stack = testStack();
    new MetricsServer(stack, 'MetricsServer', { wait: true, kubeletInsecureTls: true });
    expect(synthesized(stack).values('metrics-server').args).toEqual(['--kubelet-insecure-tls']);
  });
});

describe('helmSetString', () => {
  test('literal values: commas and backslashes escaped as Helm\'s --set parser reads them', () => {
    expect(helmSetString('a,b\\c')).toBe('a\\,b\\\\c');
    expect(helmSetString('0123abcd')).toBe('0123abcd');
  });
});
