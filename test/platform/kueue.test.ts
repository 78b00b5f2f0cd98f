import { Kueue } from '../../src/platform/kueue';
import { OscarPlatform } from '../../src/platform/oscar-platform';
import { synthesized, testStack } from '../support/platform';

describe('Kueue', () => {
  test('defaults: the pinned chart and image in kueue-system, and the oscar chart\'s default quota for the manager', () => {
    // WHEN
    const stack = testStack();
    const kueue = new Kueue(stack, 'Kueue', { wait: true });
    // THEN
    const { release, values, resources } = synthesized(stack);
    expect(release('kueue')).toMatchObject({ repository: 'oci://registry.k8s.io/kueue/charts', chart: 'kueue', version: '0.17.0', wait: true });
    expect(values('kueue')).toEqual({
      controllerManager: { manager: { image: { repository: 'registry.k8s.io/kueue/kueue', tag: 'v0.17.0', pullPolicy: 'IfNotPresent' } } },
    });
    expect(resources('kubernetes_namespace_v1').map((n) => n.metadata.name)).toEqual(['kueue-system']);
    expect(kueue.managerSettings).toEqual({ cpu: '2', memory: '2Gi', gpu: 1, ephemeralStorage: '1Gi', flavor: 'oscar-default-flavor' });
  });

  test('a cluster that runs Kueue: nothing installed, the quota still set', () => {
    const stack = testStack();
    const kueue = new Kueue(stack, 'Kueue', { existing: true, defaultQuota: { cpu: '500m', gpu: 0 }, flavor: 'cpu-only', wait: true });
    expect(synthesized(stack).releases).toEqual([]);
    expect(kueue.release).toBeUndefined();
    expect(kueue.managerSettings).toEqual({ cpu: '500m', memory: '2Gi', gpu: 0, ephemeralStorage: '1Gi', flavor: 'cpu-only' });
  });

  test('on the platform: the manager reads KUEUE_* through its chart, and Kueue is installed after the manager', () => {
    // WHEN
    const stack = testStack();
    new OscarPlatform(stack, 'Oscar', { kueue: { defaultQuota: { cpu: '4', memory: '8Gi', gpu: 2, ephemeralStorage: '10Gi' } } });
    // THEN
    const { release, values, address } = synthesized(stack);
    expect(values('oscar').kueue).toEqual({
      enable: 'true', default: { cpu: '4', memory: '8Gi', gpu: '2', ephemeralStorage: '10Gi', flavor: 'oscar-default-flavor' } });
    expect(release('kueue').depends_on).toEqual([address('oscar')]);
  });

  test('off by default: the manager\'s own default (on) is turned off', () => {
    const stack = testStack();
    new OscarPlatform(stack, 'Oscar');
    const { releases, values } = synthesized(stack);
    expect(values('oscar').kueue).toEqual({ enable: 'false' });
    expect(releases.map((r) => r.name)).not.toContain('kueue');
  });

  describe('validation', () => {
    test.each([
      ['defaultQuota.cpu', { defaultQuota: { cpu: 'two' } }, /Kueue: defaultQuota\.cpu: 'two' is not a Kubernetes quantity/],
      ['defaultQuota.memory', { defaultQuota: { memory: '2 GB' } }, /Kueue: defaultQuota\.memory: '2 GB' is not a Kubernetes quantity/],
      ['defaultQuota.gpu', { defaultQuota: { gpu: -1 } }, /Kueue: defaultQuota\.gpu: /],
      ['defaultQuota.ephemeralStorage', { defaultQuota: { ephemeralStorage: 'x' } }, /Kueue: defaultQuota\.ephemeralStorage: 'x' is not a Kubernetes quantity/],
      ['flavor', { flavor: 'GPU_Flavor' }, /Kueue: flavor: 'GPU_Flavor' is not a valid ResourceFlavor name\. Fix: use at most 63 lower-case letters/],
      ['namespace', { namespace: 'Kueue' }, /Kueue: namespace: 'Kueue' is not a valid namespace name/],
    ])('%s', (_field, props, message) => {
      expect(() => new Kueue(testStack(), 'Kueue', { wait: true, ...props })).toThrow(message);
    });
  });
});
