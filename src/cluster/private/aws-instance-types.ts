// What an EC2 instance type name says about its hardware, enough to pick an EKS AMI type.
const INSTANCE_TYPE = /^([a-z]+)(\d+)([a-z0-9-]*)\.([0-9a-z]+)$/;
// NVIDIA GPU families: p2…p6 and g3…g7, except g4ad (AMD Radeon).
const NVIDIA_FAMILY = /^(p[2-9]|g[3-9])/;
const NON_NVIDIA_GPU_FAMILIES = new Set(['g4ad']);

export enum CpuArchitecture {
  X86_64 = 'x86_64',
  ARM_64 = 'arm64',
}

export interface InstanceTypeTraits {
  readonly architecture: CpuArchitecture;
  readonly nvidiaGpu: boolean;
}

/** Reads an instance type name; undefined when it is not shaped like one (`family` + generation + `.size`). */
export function instanceTypeTraits(instanceType: string): InstanceTypeTraits | undefined {
  const m = INSTANCE_TYPE.exec(instanceType);
  if (!m) return undefined;
  const [, letters, generation, attributes] = m;
  const family = `${letters}${generation}${attributes}`;
  // Graviton families carry a "g" right after the generation (m7g, c7gn, t4g, g5g, x2gd); a1 is the first.
  const arm = attributes.startsWith('g') || family === 'a1';
  const nvidiaGpu = NVIDIA_FAMILY.test(family) && !NON_NVIDIA_GPU_FAMILIES.has(family);
  return { architecture: arm ? CpuArchitecture.ARM_64 : CpuArchitecture.X86_64, nvidiaGpu };
}

/** The Amazon Linux 2023 EKS AMI type for an architecture, with NVIDIA drivers or without. */
export function eksAmiType(architecture: CpuArchitecture, nvidiaGpu: boolean): string {
  const arch = architecture === CpuArchitecture.ARM_64 ? 'ARM_64' : 'x86_64';
  return `AL2023_${arch}_${nvidiaGpu ? 'NVIDIA' : 'STANDARD'}`;
}
