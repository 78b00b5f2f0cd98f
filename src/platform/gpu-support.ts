import { Construct } from 'constructs';
import { GPU_NODE_TAINT, type GpuPlacement, GpuTolerationInjection, NVIDIA_GPU_RESOURCE } from '../cluster/gpu';
import { componentRelease } from '../private/helm';
import { type PinnedChart, VERSIONS } from '../versions';
import { Manifest, Release } from '../private/cdktf';

/** Settings of GPU support: everything but where the GPU nodes are. */
export interface GpuSupportOptions {
  /**
   * Device-plugin chart and image, to override the pinned ones (for example a mirror).
   * @default - the chart and image pinned in the versions catalog (src/versions.ts)
   */
  readonly devicePlugin?: Partial<PinnedChart>;
  /**
   * Namespace of the device plugin.
   * @default 'kube-system'
   */
  readonly namespace?: string;
}

/** Props of {@link GpuSupport}. */
export interface GpuSupportProps extends GpuSupportOptions {
  /** Which nodes have GPUs and how GPU pods get their toleration. */
  readonly placement: GpuPlacement;
}

/** Name of the admission policy (and its binding) that adds the GPU toleration. */
export const GPU_TOLERATION_POLICY_NAME = 'oscar-gpu-toleration';

/**
 * Makes GPUs usable by OSCAR services: the NVIDIA device plugin runs on GPU nodes only (tolerating
 * their taint) and advertises `nvidia.com/gpu`; and, because OSCAR's GPU pods carry no toleration,
 * pods that request `nvidia.com/gpu` are given the toleration for the GPU taint, either by the API
 * server's ExtendedResourceToleration plugin or by a MutatingAdmissionPolicy installed here. CPU-only
 * pods get nothing and stay off the tainted GPU nodes.
 */
export class GpuSupport extends Construct {
  /** The device plugin's Helm release. */
  readonly devicePlugin: Release;
  /** The admission policy and its binding, when the placement asks for them. */
  readonly tolerationPolicy?: { readonly policy: Manifest; readonly binding: Manifest };

  constructor(scope: Construct, id: string, props: GpuSupportProps) {
    super(scope, id);
    const chart = { ...VERSIONS.nvidiaDevicePlugin, ...props.devicePlugin };
    const namespace = props.namespace ?? 'kube-system';

    // Waits for the DaemonSet: ready at once while no GPU node exists (the autoscaler adds them on demand).
    this.devicePlugin = componentRelease(this, 'DevicePlugin', {
      name: 'nvidia-device-plugin',
      namespace,
      chart,
      wait: true,
      values: {
        image: { repository: chart.imageRepository, tag: chart.imageTag },
        nodeSelector: props.placement.nodeSelector,
        // The chart's default affinity asks for NVIDIA labels set by node-feature-discovery; the node
        // selector above is the one rule, so a custom GPU label also works.
        affinity: null,
        tolerations: [
          { key: GPU_NODE_TAINT.key, operator: 'Exists', effect: GPU_NODE_TAINT.effect },
          { key: 'CriticalAddonsOnly', operator: 'Exists' },
        ],
        priorityClassName: 'system-node-critical',
      },
    });

    if (props.placement.tolerationInjection === GpuTolerationInjection.MUTATING_ADMISSION_POLICY) {
      this.tolerationPolicy = this.addTolerationPolicy();
    }
  }

  // The ExtendedResourceToleration plugin's behaviour as an admission policy: a pod creation whose
  // containers request nvidia.com/gpu, and that does not already tolerate the GPU taint, gets
  // { key: nvidia.com/gpu, operator: Exists, effect: NoSchedule } appended to its tolerations.
  private addTolerationPolicy(): { policy: Manifest; binding: Manifest } {
    const requestsGpu = (list: string) =>
      `(has(object.spec.${list}) && object.spec.${list}.exists(c, has(c.resources) && ` +
      `((has(c.resources.limits) && '${NVIDIA_GPU_RESOURCE}' in c.resources.limits) || ` +
      `(has(c.resources.requests) && '${NVIDIA_GPU_RESOURCE}' in c.resources.requests))))`;
    const toleration = `Object.spec.tolerations{key: '${GPU_NODE_TAINT.key}', operator: 'Exists', effect: '${GPU_NODE_TAINT.effect}'}`;
    const policy = new Manifest(this, 'TolerationPolicy', {
      manifest: {
        apiVersion: 'admissionregistration.k8s.io/v1',
        kind: 'MutatingAdmissionPolicy',
        metadata: { name: GPU_TOLERATION_POLICY_NAME },
        spec: {
          matchConstraints: {
            resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods'] }],
          },
          matchConditions: [
            { name: 'requests-gpu', expression: `${requestsGpu('containers')} || ${requestsGpu('initContainers')}` },
            {
              name: 'not-yet-tolerated',
              expression: '!has(object.spec.tolerations) || !object.spec.tolerations.exists(t, '
                + `t.key == '${GPU_NODE_TAINT.key}' && (t.effect == '${GPU_NODE_TAINT.effect}' || t.effect == ''))`,
            },
          ],
          failurePolicy: 'Fail',
          reinvocationPolicy: 'Never',
          mutations: [{
            patchType: 'JSONPatch',
            jsonPatch: {
              expression: `has(object.spec.tolerations) ? ` +
                `[JSONPatch{op: 'add', path: '/spec/tolerations/-', value: ${toleration}}] : ` +
                `[JSONPatch{op: 'add', path: '/spec/tolerations', value: [${toleration}]}]`,
            },
          }],
        },
      },
    });
    const binding = new Manifest(this, 'TolerationPolicyBinding', {
      manifest: {
        apiVersion: 'admissionregistration.k8s.io/v1',
        kind: 'MutatingAdmissionPolicyBinding',
        metadata: { name: GPU_TOLERATION_POLICY_NAME },
        spec: { policyName: GPU_TOLERATION_POLICY_NAME },
      },
      dependsOn: [policy],
    });
    return { policy, binding };
  }
}
