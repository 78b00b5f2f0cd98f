/** The extended resource NVIDIA's device plugin advertises, and OSCAR's GPU services request. */
export const NVIDIA_GPU_RESOURCE = 'nvidia.com/gpu';

/**
 * Label on every GPU node, as the NVIDIA GPU ecosystem (device plugin, GPU feature discovery,
 * terraform-aws-eks) sets it. The device plugin is scheduled by it.
 */
export const GPU_NODE_LABELS: Readonly<Record<string, string>> = { 'nvidia.com/gpu.present': 'true' };

/**
 * Taint on every GPU node. Its key equals the resource name, which is what lets the
 * ExtendedResourceToleration admission plugin (and this project's admission policy) add the matching
 * toleration to any pod that requests `nvidia.com/gpu`.
 */
export const GPU_NODE_TAINT = { key: NVIDIA_GPU_RESOURCE, value: 'true', effect: 'NoSchedule' } as const;

/** How pods that request GPUs get the toleration for the GPU taint (OSCAR adds none itself). */
export enum GpuTolerationInjection {
  /**
   * The API server already runs the ExtendedResourceToleration admission plugin (EKS since 1.19,
   * GKE, or a self-managed server started with `--enable-admission-plugins=ExtendedResourceToleration`).
   * Nothing is installed.
   */
  ADMISSION_PLUGIN = 'admission-plugin',
  /**
   * Install a MutatingAdmissionPolicy (admissionregistration.k8s.io/v1, Kubernetes 1.36 or later) that
   * adds the toleration to pods requesting `nvidia.com/gpu`: the plugin's behaviour, for clusters
   * whose API server flags cannot be changed (k3s, kind, managed clusters without the plugin).
   */
  MUTATING_ADMISSION_POLICY = 'mutating-admission-policy',
  /**
   * GPU nodes carry no taint, so nothing is needed, but CPU-only pods may also land on GPU nodes
   * (the layout OSCAR's IM/CLUES clusters use).
   */
  UNTAINTED_GPU_NODES = 'untainted-gpu-nodes',
}

/** Where GPU nodes are and how GPU pods reach them: what the platform needs to enable GPUs. */
export interface GpuPlacement {
  /** Labels that select GPU nodes; the device plugin runs on those nodes only. */
  readonly nodeSelector: Readonly<Record<string, string>>;
  /** How GPU pods get the toleration for the GPU taint. */
  readonly tolerationInjection: GpuTolerationInjection;
}
