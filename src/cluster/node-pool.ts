import type { IConstruct } from 'constructs';
import { ValidationError } from '../errors';
import { Token } from '../private/cdktf';
import { DNS_LABEL, LABEL_KEY, LABEL_VALUE, restrictedNodeLabelDomain } from '../private/kubernetes-names';
import { GPU_NODE_LABELS, GPU_NODE_TAINT, NVIDIA_GPU_RESOURCE } from './gpu';

/** Whether a pool's nodes are on-demand or spot (interruptible, cheaper) capacity. */
export enum CapacityType {
  ON_DEMAND = 'ON_DEMAND',
  SPOT = 'SPOT',
}

/** Effect of a node taint, as Kubernetes spells it. */
export enum TaintEffect {
  NO_SCHEDULE = 'NoSchedule',
  PREFER_NO_SCHEDULE = 'PreferNoSchedule',
  NO_EXECUTE = 'NoExecute',
}

/** GPU vendors whose device plugin this project deploys. */
export enum GpuVendor {
  NVIDIA = 'nvidia',
}

/** A Kubernetes node taint. */
export interface NodeTaint {
  /** Taint key, a qualified name such as `dedicated` or `example.com/team`. */
  readonly key: string;
  /**
   * Taint value.
   * @default - no value
   */
  readonly value?: string;
  /** What happens to pods that do not tolerate the taint. */
  readonly effect: TaintEffect;
}

/** The GPUs on each node of a pool. */
export interface NodePoolGpu {
  /**
   * GPU vendor.
   * @default GpuVendor.NVIDIA
   */
  readonly vendor?: GpuVendor;
  /** GPUs per node: the `nvidia.com/gpu` capacity the autoscaler assumes for a node it has not started yet. */
  readonly count: number;
}

/** A group of identical, autoscaled nodes. */
export interface NodePoolOptions {
  /** Pool name, a DNS label (lower-case letters, digits and `-`, at most 63 characters); unique in the cluster. */
  readonly name: string;
  /** Machine (instance) types the pool may use, in order of preference. */
  readonly instanceTypes: readonly string[];
  /**
   * Fewest nodes; 0 lets the autoscaler remove every node while nothing needs the pool.
   * @default 0
   */
  readonly minSize?: number;
  /** Most nodes the autoscaler may start. */
  readonly maxSize: number;
  /**
   * Nodes started when the pool is created. After that the autoscaler owns the size and Terraform
   * never changes it back.
   * @default - minSize
   */
  readonly desiredSize?: number;
  /**
   * On-demand or spot capacity.
   * @default CapacityType.ON_DEMAND
   */
  readonly capacityType?: CapacityType;
  /**
   * Root disk size of each node, in GiB.
   * @default - 50, or 100 for GPU pools (inference images are large)
   */
  readonly diskSizeGib?: number;
  /**
   * Kubernetes labels on every node. GPU pools also get `nvidia.com/gpu.present=true`.
   * @default - none
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * Taints on every node. GPU pools also get `nvidia.com/gpu=true:NoSchedule`.
   * @default - none
   */
  readonly taints?: readonly NodeTaint[];
  /**
   * The GPUs on each node; makes this a GPU pool.
   * @default - no GPUs
   */
  readonly gpu?: NodePoolGpu;
}

/** A node pool rule broken: a ValidationError that also names the pool, so callers can point at its entry. */
export class NodePoolError extends ValidationError {
  /** The construct (or factory) the pool was given to. */
  readonly owner: string;

  constructor(owner: IConstruct | string, readonly poolName: string, field: string, problem: string, fix: string) {
    const ownerPath = typeof owner === 'string' ? owner : owner.node.path;
    super(`${ownerPath}: node pool '${poolName}'`, field, problem, fix);
    this.name = 'NodePoolError';
    this.owner = ownerPath;
  }
}

const MIN_DISK_GIB = 20;

/**
 * A node pool with its defaults applied and its rules checked. GPU pools carry the label and taint the
 * Kubernetes GPU ecosystem expects, on top of the user's own.
 */
export class NodePool {
  /**
   * Checks a pool and applies its defaults.
   * @param owner the construct the pool belongs to, named in error messages
   * @throws ValidationError naming the pool, the field, the problem and the fix
   */
  static of(owner: IConstruct | string, options: NodePoolOptions): NodePool {
    return new NodePool(owner, options);
  }

  /** Pool name. */
  readonly name: string;
  /** Machine types, in order of preference. */
  readonly instanceTypes: readonly string[];
  /** Fewest nodes. */
  readonly minSize: number;
  /** Most nodes. */
  readonly maxSize: number;
  /** Size at creation only; ignored afterwards. */
  readonly desiredSize: number;
  /** On-demand or spot capacity. */
  readonly capacityType: CapacityType;
  /** Root disk size of each node, in GiB. */
  readonly diskSizeGib: number;
  /** The GPUs on each node, or undefined for a CPU pool. */
  readonly gpu: Required<NodePoolGpu> | undefined;
  /** The user's labels plus, for GPU pools, the GPU node label. */
  readonly labels: Readonly<Record<string, string>>;
  /** The user's taints plus, for GPU pools, the GPU taint. */
  readonly taints: readonly NodeTaint[];
  /** Advice that does not stop synthesis (for example a spot pool with a single instance type). */
  readonly warnings: readonly string[];

  private constructor(owner: IConstruct | string, options: NodePoolOptions) {
    const where = `${typeof owner === 'string' ? owner : owner.node.path}: node pool '${options.name}'`;
    const fail = (field: string, problem: string, fix: string): never => {
      throw new NodePoolError(owner, options.name, field, problem, fix);
    };

    if (Token.isUnresolved(options.name)) {
      fail('name', 'is a Terraform token', 'give the pool name as a literal: it names the node group and its construct');
    }
    if (!DNS_LABEL.test(options.name)) fail('name', `'${options.name}' is not a DNS label`, `use ${DNS_LABEL.description}`);
    if (Token.isUnresolved(options.instanceTypes) || options.instanceTypes.some((t) => Token.isUnresolved(t))) {
      fail('instanceTypes', 'holds a Terraform token',
        'list the instance types as literals: they decide the node image (CPU or GPU, x86_64 or arm64) at synth time');
    }
    if (options.instanceTypes.length === 0) fail('instanceTypes', 'is empty', 'list at least one machine type, for example ["m6i.large"]');
    const duplicateType = options.instanceTypes.find((t, i) => options.instanceTypes.indexOf(t) !== i);
    if (duplicateType) fail('instanceTypes', `lists '${duplicateType}' twice`, 'list each machine type once');

    // Sizes may be Terraform tokens (variables): each rule is checked where its values are literals.
    const minSize = options.minSize ?? 0;
    const { maxSize } = options;
    const desiredSize = options.desiredSize ?? minSize;
    if (isLiteral(minSize) && (!Number.isInteger(minSize) || minSize < 0)) fail('minSize', `${minSize} is not a whole number of nodes ≥ 0`, 'use 0 or more');
    if (isLiteral(maxSize) && (!Number.isInteger(maxSize) || maxSize < 1)) fail('maxSize', `${maxSize} is not a whole number of nodes ≥ 1`, 'use 1 or more');
    if (isLiteral(minSize, maxSize) && minSize > maxSize) {
      fail('minSize', `${minSize} is greater than maxSize ${maxSize}`, `lower minSize to at most ${maxSize}, or raise maxSize`);
    }
    if (isLiteral(desiredSize, minSize, maxSize) && (!Number.isInteger(desiredSize) || desiredSize < minSize || desiredSize > maxSize)) {
      fail('desiredSize', `${desiredSize} is outside minSize..maxSize (${minSize}..${maxSize})`,
        'pick a size between minSize and maxSize, or leave it out to start at minSize');
    }

    let gpu: Required<NodePoolGpu> | undefined;
    if (options.gpu) {
      const count = options.gpu.count;
      if (isLiteral(count) && (!Number.isInteger(count) || count < 1)) {
        fail('gpu.count', `${count} is not a whole number of GPUs ≥ 1`,
          'give the GPUs per node of the instance types, for example 1 for g5.xlarge; leave gpu out for a CPU pool');
      }
      gpu = { vendor: options.gpu.vendor ?? GpuVendor.NVIDIA, count };
    }

    const diskSizeGib = options.diskSizeGib ?? (gpu ? 100 : 50);
    if (isLiteral(diskSizeGib) && (!Number.isInteger(diskSizeGib) || diskSizeGib < MIN_DISK_GIB)) {
      fail('diskSizeGib', `${diskSizeGib} GiB is too small for a node's system and container images`, `use at least ${MIN_DISK_GIB}`);
    }

    const labels: Record<string, string> = {};
    for (const [key, value] of Object.entries(options.labels ?? {})) {
      if (!LABEL_KEY.test(key)) fail(`labels.${key}`, 'is not a valid label key', `use ${LABEL_KEY.description}`);
      const domain = restrictedNodeLabelDomain(key);
      if (domain) fail(`labels.${key}`, `uses the restricted domain '${domain}', which nodes may not set on themselves`,
          'use a prefix of your own, for example "oscar.example.org/"');
      if (!LABEL_VALUE.test(value)) fail(`labels.${key}`, `value '${value}' is not a valid label value`, `use ${LABEL_VALUE.description}`);
      labels[key] = value;
    }
    const taints: NodeTaint[] = [];
    for (const [i, taint] of (options.taints ?? []).entries()) {
      if (!LABEL_KEY.test(taint.key)) fail(`taints[${i}].key`, `'${taint.key}' is not a valid taint key`,
          `use ${LABEL_KEY.description}, such as "dedicated" or "example.com/team"`);
      if (taint.value !== undefined && !LABEL_VALUE.test(taint.value)) fail(`taints[${i}].value`, `'${taint.value}' is not a valid taint value`,
          `use ${LABEL_VALUE.description}`);
      if (!Object.values(TaintEffect).includes(taint.effect)) fail(`taints[${i}].effect`, `'${taint.effect}' is not a taint effect`,
          `use one of ${Object.values(TaintEffect).join(', ')}`);
      if (taints.some((t) => t.key === taint.key && t.effect === taint.effect)) fail(`taints[${i}]`, `repeats key '${taint.key}' with effect ${taint.effect}`,
          'give each key and effect once');
      if (taint.key === NVIDIA_GPU_RESOURCE) {
        fail(`taints[${i}]`, `sets the GPU taint '${NVIDIA_GPU_RESOURCE}' by hand`,
          gpu ? 'remove it: GPU pools get it automatically' : 'make this a GPU pool with gpu: { count } instead, so it is labelled and tainted consistently');
      }
      taints.push({ ...taint });
    }

    if (gpu) {
      for (const [key, value] of Object.entries(GPU_NODE_LABELS)) {
        if (key in labels && labels[key] !== value) fail(`labels.${key}`, `is '${labels[key]}' on a GPU pool`,
            `remove it: GPU pools get ${key}=${value} automatically`);
        labels[key] = value;
      }
      taints.push({ ...GPU_NODE_TAINT, effect: TaintEffect.NO_SCHEDULE });
    } else {
      for (const key of Object.keys(GPU_NODE_LABELS)) {
        if (key in labels) fail(`labels.${key}`, 'marks a pool without GPUs as a GPU pool', 'remove the label, or add gpu: { count } if the nodes have GPUs');
      }
    }

    const warnings: string[] = [];
    const capacityType = options.capacityType ?? CapacityType.ON_DEMAND;
    if (capacityType === CapacityType.SPOT && options.instanceTypes.length === 1) {
      warnings.push(`${where}: capacityType: a spot pool with the single instance type ${options.instanceTypes[0]} is often out of capacity; `
        + 'list several similar types');
    }

    this.name = options.name;
    this.instanceTypes = [...options.instanceTypes];
    this.minSize = minSize;
    this.maxSize = maxSize;
    this.desiredSize = desiredSize;
    this.capacityType = capacityType;
    this.diskSizeGib = diskSizeGib;
    this.gpu = gpu;
    this.labels = labels;
    this.taints = taints;
    this.warnings = warnings;
  }

  /** Whether the pool's nodes have GPUs. */
  get isGpuPool(): boolean {
    return this.gpu !== undefined;
  }

  /** Whether the pool can start at zero nodes and still be scaled up on demand. */
  get scalesFromZero(): boolean {
    return this.minSize === 0;
  }
}

/** Whether every value is known at synth time (none is a Terraform token). */
function isLiteral(...values: number[]): boolean {
  return values.every((v) => !Token.isUnresolved(v));
}

/** Checks pools that belong to one cluster together: names must be unique. */
export function nodePoolsOf(owner: IConstruct | string, pools: readonly NodePoolOptions[]): NodePool[] {
  const resolved = pools.map((p) => NodePool.of(owner, p));
  const seen = new Set<string>();
  for (const pool of resolved) {
    if (seen.has(pool.name)) {
      throw new ValidationError(owner, 'nodePools', `two pools are named '${pool.name}'`, 'give each pool its own name');
    }
    seen.add(pool.name);
  }
  return resolved;
}
