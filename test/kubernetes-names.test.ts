import { NodePool } from '../src/cluster/node-pool';
import { loadFdlText, Severity } from '../src/fdl';
import { DNS_LABEL, DNS_SUBDOMAIN, LABEL_KEY, LABEL_VALUE, restrictedNodeLabelDomain } from '../src/private/kubernetes-names';
import { RwxStorage } from '../src/platform/rwx-storage';
import { ImagePullSecret } from '../src/services/image-pull-secret';
import { testStack } from './support/platform';

const LONG_PREFIX = `${'a'.repeat(250)}.com`;

describe('Kubernetes naming rules', () => {
  test.each<[string, typeof DNS_LABEL, string[], string[]]>([
    ['DNS_LABEL', DNS_LABEL, ['a', 'gpu-pool', '0x', 'a'.repeat(63)], ['', 'A', 'a_b', '-a', 'a-', 'a.b', 'a'.repeat(64)]],
    ['DNS_SUBDOMAIN', DNS_SUBDOMAIN, ['a', 'ghcr-io.example.org', 'a'.repeat(253)], ['', 'A.b', 'a..b', '.a', 'a.', 'a-.b', 'a'.repeat(254)]],
    ['LABEL_KEY', LABEL_KEY, ['team', 'Team_1.x', 'example.com/team', 'nvidia.com/gpu.present', `a/${'b'.repeat(63)}`],
      ['', '-x', 'x-', 'a b', 'Example.com/x', 'a..b/x', '/x', 'a/', `a/${'b'.repeat(64)}`, `${LONG_PREFIX}/x`]],
    ['LABEL_VALUE', LABEL_VALUE, ['', 'true', 'A_b-c.d', 'x'.repeat(63)], ['a b', '-a', 'a-', 'a/b', 'x'.repeat(64)]],
  ])('%s accepts what Kubernetes accepts', (_rule, rule, valid, invalid) => {
    // THEN
    expect(valid.filter((v) => !rule.test(v))).toEqual([]);
    expect(invalid.filter((v) => rule.test(v))).toEqual([]);
  });

  test.each([
    ['kubernetes.io/role', 'kubernetes.io'],
    ['node-role.kubernetes.io/gpu', 'kubernetes.io'],
    ['k8s.io/x', 'k8s.io'],
    ['example.com/k8s.io', undefined],
    ['notkubernetes.io/x', undefined],
    ['team', undefined],
  ])('node label %s is under the restricted domain %s', (key, domain) => {
    expect(restrictedNodeLabelDomain(key)).toBe(domain);
  });
});

describe('every object name is held to the same rule', () => {
  const fdlErrors = (fields: string) => loadFdlText(
    `functions:\n  oscar:\n  - c:\n      name: demo\n      image: i\n      script: s.sh\n${fields.replace(/^/gm, '      ')}\n`, '/nowhere/f.yaml',
  ).diagnostics.filter((d) => d.severity === Severity.ERROR && !d.message.includes('not found'));

  test.each(['a..b', `${'a'.repeat(254)}`])('the Secret name %s is refused by an FDL file, ImagePullSecret and a storage class alike', (name) => {
    // WHEN
    const inFdl = fdlErrors(`image_pull_secrets: [${name}]`);
    // THEN
    expect(inFdl.map((d) => d.message)).toEqual([expect.stringContaining('is not a valid Secret name')]);
    expect(() => new ImagePullSecret(testStack(), 'Secret',
      { name, server: 'ghcr.io', username: 'u', password: '${var.p}' })).toThrow('is not a valid Secret name');
    expect(() => RwxStorage.existingClass(name)).toThrow('is not a valid storage class name');
  });

  test('a label key whose prefix is longer than a DNS subdomain is refused by an FDL file and a node pool alike', () => {
    // GIVEN
    const key = `${LONG_PREFIX}/team`;
    // WHEN
    const inFdl = fdlErrors(`labels:\n  ${key}: x`);
    // THEN
    expect(inFdl.map((d) => d.message)).toEqual([expect.stringContaining('is not a valid Kubernetes label key')]);
    expect(() => NodePool.of('Test', { name: 'cpu', instanceTypes: ['m6i.large'], maxSize: 1, labels: { [key]: 'x' } })).toThrow('is not a valid label key');
  });
});
