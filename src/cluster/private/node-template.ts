// cluster-autoscaler's node-template tags: what a node of an Auto Scaling group at zero would look like.
import { Token } from '../../private/cdktf';
import { NVIDIA_GPU_RESOURCE } from '../gpu';
import type { NodePool } from '../node-pool';

/** The prefix of every node-template tag. */
export const NODE_TEMPLATE_TAG = 'k8s.io/cluster-autoscaler/node-template';

/** The node-template tags of a pool: the GPUs, labels and taints of a node not yet started. */
export function nodeTemplateTags(pool: NodePool): Record<string, string> {
  const tags: Record<string, string> = {};
  if (pool.gpu) {
    const count = pool.gpu.count;
    tags[`${NODE_TEMPLATE_TAG}/resources/${NVIDIA_GPU_RESOURCE}`] = Token.isUnresolved(count) ? Token.asString(count) : String(count);
  }
  for (const [key, value] of Object.entries(pool.labels)) tags[`${NODE_TEMPLATE_TAG}/label/${key}`] = value;
  for (const taint of pool.taints) tags[`${NODE_TEMPLATE_TAG}/taint/${taint.key}`] = `${taint.value ?? ''}:${taint.effect}`;
  return tags;
}
