import { CapacityType, NodePool, type NodePoolOptions, nodePoolsOf, TaintEffect } from '../../src/cluster/node-pool';

const cpu: NodePoolOptions = { name: 'cpu', instanceTypes: ['m6i.large'], maxSize: 3 };
const gpu: NodePoolOptions = { name: 'gpu', instanceTypes: ['g5.xlarge'], maxSize: 2, gpu: { count: 1 } };
const pool = (overrides: Partial<NodePoolOptions>) => NodePool.of('Test', { ...cpu, ...overrides });

describe('NodePool defaults', () => {
  test('a CPU pool scales from zero, on demand, with 50 GiB disks and no labels or taints', () => {
    // WHEN
    const p = NodePool.of('Test', cpu);
    // THEN
    expect(p).toMatchObject({ minSize: 0, desiredSize: 0, maxSize: 3, capacityType: CapacityType.ON_DEMAND, diskSizeGib: 50, labels: {}, taints: [] });
    expect(p.isGpuPool).toBe(false);
    expect(p.scalesFromZero).toBe(true);
  });

  test('desiredSize defaults to minSize', () => {
    expect(pool({ minSize: 2 }).desiredSize).toBe(2);
  });

  test('a GPU pool gets the NVIDIA label and taint, 100 GiB disks and vendor NVIDIA', () => {
    // WHEN
    const p = NodePool.of('Test', { ...gpu, labels: { team: 'vision' }, taints: [{ key: 'dedicated', value: 'ml', effect: TaintEffect.NO_EXECUTE }] });
    // THEN
    expect(p.gpu).toEqual({ vendor: 'nvidia', count: 1 });
    expect(p.labels).toEqual({ team: 'vision', 'nvidia.com/gpu.present': 'true' });
    expect(p.taints).toEqual([
      { key: 'dedicated', value: 'ml', effect: 'NoExecute' },
      { key: 'nvidia.com/gpu', value: 'true', effect: 'NoSchedule' },
    ]);
    expect(p.diskSizeGib).toBe(100);
  });

  test('a spot pool with one instance type warns; with several it does not', () => {
    expect(pool({ capacityType: CapacityType.SPOT }).warnings)
      .toEqual([expect.stringContaining("node pool 'cpu': capacityType: a spot pool with the single instance type m6i.large")]);
    expect(pool({ capacityType: CapacityType.SPOT, instanceTypes: ['m6i.large', 'm5.large'] }).warnings).toEqual([]);
  });
});

describe('NodePool validation', () => {
  const cases: [string, Partial<NodePoolOptions>, string][] = [
    ['name not a DNS label', { name: 'GPU_pool' }, "Test: node pool 'GPU_pool': name: 'GPU_pool' is not a DNS label. Fix: use at most 63 lower-case letters"],
    ['no instance types', { instanceTypes: [] }, "node pool 'cpu': instanceTypes: is empty. Fix: list at least one machine type"],
    ['an instance type twice', { instanceTypes: ['m6i.large', 'm6i.large'] }, "instanceTypes: lists 'm6i.large' twice"],
    ['negative minSize', { minSize: -1 }, 'minSize: -1 is not a whole number of nodes ≥ 0'],
    ['fractional maxSize', { maxSize: 1.5 }, 'maxSize: 1.5 is not a whole number of nodes ≥ 1'],
    ['maxSize 0', { maxSize: 0 }, 'maxSize: 0 is not a whole number of nodes ≥ 1. Fix: use 1 or more'],
    ['min > max', { minSize: 4, maxSize: 3 }, 'minSize: 4 is greater than maxSize 3. Fix: lower minSize to at most 3, or raise maxSize'],
    ['desired above max', { desiredSize: 5 }, 'desiredSize: 5 is outside minSize..maxSize (0..3)'],
    ['desired below min', { minSize: 2, desiredSize: 1 }, 'desiredSize: 1 is outside minSize..maxSize (2..3)'],
    ['zero GPUs', { gpu: { count: 0 } }, 'gpu.count: 0 is not a whole number of GPUs ≥ 1'],
    ['tiny disk', { diskSizeGib: 8 }, "diskSizeGib: 8 GiB is too small for a node's system and container images. Fix: use at least 20"],
    ['bad label key', { labels: { 'bad key': 'x' } }, 'labels.bad key: is not a valid label key'],
    ['restricted label domain', { labels: { 'node-role.kubernetes.io/gpu': 'true' } },
      "labels.node-role.kubernetes.io/gpu: uses the restricted domain 'kubernetes.io', which nodes may not set"],
    ['bad label value', { labels: { team: 'a b' } }, "labels.team: value 'a b' is not a valid label value"],
    ['GPU label on a CPU pool', { labels: { 'nvidia.com/gpu.present': 'true' } },
      'labels.nvidia.com/gpu.present: marks a pool without GPUs as a GPU pool. Fix: remove the label, or add gpu: { count }'],
    ['bad taint key', { taints: [{ key: '-x', effect: TaintEffect.NO_SCHEDULE }] }, "taints[0].key: '-x' is not a valid taint key"],
    ['bad taint value', { taints: [{ key: 'x', value: 'a b', effect: TaintEffect.NO_SCHEDULE }] }, "taints[0].value: 'a b' is not a valid taint value"],
    ['bad taint effect', { taints: [{ key: 'x', effect: 'NO_SCHEDULE' as TaintEffect }] },
      "taints[0].effect: 'NO_SCHEDULE' is not a taint effect. Fix: use one of NoSchedule, PreferNoSchedule, NoExecute"],
    ['repeated taint', { taints: [{ key: 'x', effect: TaintEffect.NO_SCHEDULE }, { key: 'x', value: 'y', effect: TaintEffect.NO_SCHEDULE }] },
      "taints[1]: repeats key 'x' with effect NoSchedule"],
    ['GPU taint by hand on a CPU pool', { taints: [{ key: 'nvidia.com/gpu', effect: TaintEffect.NO_SCHEDULE }] },
      "taints[0]: sets the GPU taint 'nvidia.com/gpu' by hand. Fix: make this a GPU pool with gpu: { count } instead"],
  ];
  test.each(cases)('%s', (_name, overrides, message) => {
    expect(() => pool(overrides)).toThrow(message);
  });

  test('GPU taint by hand on a GPU pool', () => {
    expect(() => NodePool.of('Test',
      { ...gpu, taints: [{ key: 'nvidia.com/gpu', effect: TaintEffect.NO_SCHEDULE }] })).toThrow('Fix: remove it: GPU pools get it automatically');
  });

  test('a GPU pool whose GPU label is set to something else', () => {
    expect(() => NodePool.of('Test',
      { ...gpu, labels: { 'nvidia.com/gpu.present': 'false' } })).toThrow("labels.nvidia.com/gpu.present: is 'false' on a GPU pool");
  });

  test('two pools with one name', () => {
    expect(() => nodePoolsOf('Cluster',
      [cpu, { ...gpu, name: 'cpu' }])).toThrow("Cluster: nodePools: two pools are named 'cpu'. Fix: give each pool its own name.");
  });
});
