import { KnativeServing } from '../../src/platform/knative-serving';
import { synthesized, testStack } from '../support/platform';

describe('KnativeServing', () => {
  test('defaults: the pinned operator chart and images, then a KnativeServing with Kourier and the PVC flags', () => {
    // WHEN
    const stack = testStack();
    new KnativeServing(stack, 'Knative');
    // THEN
    const { release, values, resources, address } = synthesized(stack);
    expect(release('knative-operator')).toMatchObject({ repository: 'https://knative.github.io/operator', chart: 'knative-operator', version: 'v1.23.0', wait: true });
    expect(values('knative-operator')).toEqual({
      knative_operator: {
        knative_operator: { image: 'gcr.io/knative-releases/knative.dev/operator/cmd/operator', tag: 'v1.23.0' },
        operator_webhook: { image: 'gcr.io/knative-releases/knative.dev/operator/cmd/webhook', tag: 'v1.23.0' },
      },
    });
    const serving = release('knative-serving');
    expect(serving.chart).toMatch(/^assets\/.+/);
    expect(serving.repository).toBeUndefined();
    expect(serving.depends_on).toEqual([address('knative-operator')]);
    expect(values('knative-serving').objects).toEqual([{
      apiVersion: 'operator.knative.dev/v1beta1',
      kind: 'KnativeServing',
      metadata: { name: 'knative-serving', namespace: 'knative-serving' },
      spec: {
        version: '1.23',
        ingress: { kourier: { enabled: true, 'service-type': 'ClusterIP' } },
        config: {
          network: { 'ingress-class': 'kourier.ingress.networking.knative.dev' },
          features: { 'kubernetes.podspec-persistent-volume-claim': 'enabled', 'kubernetes.podspec-persistent-volume-write': 'enabled' },
        },
      },
    }]);
    expect(resources('kubernetes_namespace_v1').map((n) => n.metadata.name).sort()).toEqual(['knative-operator', 'knative-serving']);
  });

  test('autoscaler settings become config-autoscaler keys, as strings', () => {
    const stack = testStack();
    new KnativeServing(stack, 'Knative', {
      autoscaler: {
        enableScaleToZero: true, scaleToZeroGracePeriod: '1m', scaleToZeroPodRetentionPeriod: '10m', initialScale: 0, allowZeroInitialScale: true,
        minScale: 1, maxScale: 10, maxScaleLimit: 50, stableWindow: '2m',
      },
    });
    expect(synthesized(stack).values('knative-serving').objects[0].spec.config.autoscaler).toEqual({
      'enable-scale-to-zero': 'true', 'scale-to-zero-grace-period': '1m', 'scale-to-zero-pod-retention-period': '10m', 'initial-scale': '0',
      'allow-zero-initial-scale': 'true', 'min-scale': '1', 'max-scale': '10', 'max-scale-limit': '50', 'stable-window': '2m',
    });
  });

  test('serving version, operator namespace and chart can be overridden; wait can be turned off', () => {
    const stack = testStack();
    new KnativeServing(stack, 'Knative',
      { servingVersion: '1.22', operatorNamespace: 'operators', operatorChart: { repository: '', chart: '/charts/knative-operator' }, wait: false });
    const { release, values, resources } = synthesized(stack);
    expect(release('knative-operator')).toMatchObject({ chart: '/charts/knative-operator', namespace: expect.stringContaining('kubernetes_namespace_v1'),
      wait: false});
    expect(values('knative-serving').objects[0].spec.version).toBe('1.22');
    expect(resources('kubernetes_namespace_v1').map((n) => n.metadata.name).sort()).toEqual(['knative-serving', 'operators']);
  });

  describe('validation', () => {
    test.each([
      ['servingVersion', { servingVersion: 'v1.23' }, /Knative: servingVersion: 'v1.23' is not a Knative version\. Fix: give major\.minor/],
      ['grace period syntax', { autoscaler: { scaleToZeroGracePeriod: '30 seconds' } }, /autoscaler\.scaleToZeroGracePeriod: '30 seconds' is not a duration/],
      ['grace period minimum', { autoscaler: { scaleToZeroGracePeriod: '5s' } }, /autoscaler\.scaleToZeroGracePeriod: 5s is shorter than 6s\. Fix: give at least '6s'/],
      ['retention period syntax', { autoscaler: { scaleToZeroPodRetentionPeriod: '-1s' } }, /autoscaler\.scaleToZeroPodRetentionPeriod: '-1s' is not a duration/],
      ['stable window range', { autoscaler: { stableWindow: '2h' } }, /autoscaler\.stableWindow: 2h is outside 6s to 1h/],
      ['stable window syntax', { autoscaler: { stableWindow: '60' } }, /autoscaler\.stableWindow: '60' is not a duration/],
      ['initialScale integer', { autoscaler: { initialScale: 1.5 } }, /autoscaler\.initialScale: 1\.5 is not a whole number ≥ 0/],
      ['minScale integer', { autoscaler: { minScale: -1 } }, /autoscaler\.minScale: -1 is not a whole number ≥ 0/],
      ['maxScale integer', { autoscaler: { maxScale: 2.5 } }, /autoscaler\.maxScale: 2\.5 is not a whole number/],
      ['maxScaleLimit integer', { autoscaler: { maxScaleLimit: -3 } }, /autoscaler\.maxScaleLimit: -3 is not a whole number/],
      ['zero initial scale', { autoscaler: { initialScale: 0 } }, /autoscaler\.initialScale: is 0, but allowZeroInitialScale is not set\. Fix: set allowZeroInitialScale: true/],
      ['min above max', { autoscaler: { minScale: 5, maxScale: 2 } }, /autoscaler\.minScale: 5 is above maxScale 2/],
      ['max above limit', { autoscaler: { maxScale: 30, maxScaleLimit: 20 } }, /autoscaler\.maxScale: 30 is above maxScaleLimit 20/],
      ['no scale to zero with min 0', { autoscaler: { enableScaleToZero: false, minScale: 0 } }, /autoscaler\.minScale: is 0, but enableScaleToZero is false/],
    ])('%s', (_rule, props, message) => {
      expect(() => new KnativeServing(testStack(), 'Knative', props)).toThrow(message);
    });
  });
});
