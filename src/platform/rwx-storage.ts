import { Construct } from 'constructs';
import { type Release, StorageClassV1, Token } from '../private/cdktf';
import { ValidationError } from '../errors';
import { DNS_SUBDOMAIN } from '../private/kubernetes-names';
import { type PinnedChart, pinnedChart, VERSIONS } from '../versions';
import { Namespaces } from './namespaces';
import { componentRelease } from '../private/helm';
import { checkQuantity } from './private/validate';

/** What OSCAR's shared volume and user volumes are given. */
export interface RwxStorageBinding {
  /** The ReadWriteMany storage class. */
  readonly storageClassName: string;
  /**
   * What must be applied before a claim of that class can bind.
   * @default - nothing (an existing class)
   */
  readonly dependable?: StorageClassV1 | Release;
}

/** Settings of the in-cluster NFS server and provisioner. */
export interface NfsProvisionerOptions {
  /**
   * Chart and image, to override the pinned ones.
   * @default - the chart and image pinned in the versions catalog (src/versions.ts)
   */
  readonly chart?: Partial<PinnedChart>;
  /**
   * Namespace of the NFS server.
   * @default 'nfs-provisioner'
   */
  readonly namespace?: string;
  /**
   * Name of the storage class it provides.
   * @default 'nfs'
   */
  readonly storageClassName?: string;
  /**
   * Size of the NFS server's own (ReadWriteOnce) volume, which holds every NFS volume.
   * @default '20Gi'
   */
  readonly size?: string;
  /**
   * Storage class of that volume.
   * @default - the cluster's default storage class
   */
  readonly backingStorageClassName?: string;
}

/** Settings of an EFS storage class (EKS; the cluster stack installs the EFS CSI driver). */
export interface EfsStorageOptions {
  /** The EFS file system (`fs-…`), with mount targets in every subnet of the node groups. */
  readonly fileSystemId: string;
  /**
   * Name of the storage class.
   * @default 'efs'
   */
  readonly storageClassName?: string;
}

function checkClassName(where: string | Construct, field: string, name: string): void {
  if (!Token.isUnresolved(name) && !DNS_SUBDOMAIN.test(name)) {
    throw new ValidationError(where, field, `'${name}' is not a valid storage class name`, `use ${DNS_SUBDOMAIN.description}`);
  }
}

/**
 * ReadWriteMany storage for OSCAR: the manager's shared volume `oscar-pvc` (the FaaS Supervisor
 * binaries every service pod mounts) and user volumes. The manager clones the bound volume's source
 * into per-user read-only volumes, so the class must yield volumes several PVs can mount: NFS, EFS,
 * Filestore; not block storage such as EBS.
 */
export abstract class RwxStorage {
  /** A ReadWriteMany storage class the cluster already has. */
  static existingClass(storageClassName: string): RwxStorage {
    checkClassName('RwxStorage.existingClass', 'storageClassName', storageClassName);
    return new ExistingClass(storageClassName);
  }

  /** An EFS storage class (dynamic provisioning through EFS access points). */
  static efs(options: EfsStorageOptions): RwxStorage {
    if (!Token.isUnresolved(options.fileSystemId) && !/^fs-[0-9a-f]{8,40}$/.test(options.fileSystemId)) {
      throw new ValidationError('RwxStorage.efs', 'fileSystemId', `'${options.fileSystemId}' is not an EFS file system id`,
        "give the id of the file system, for example 'fs-0123456789abcdef0'");
    }
    checkClassName('RwxStorage.efs', 'storageClassName', options.storageClassName ?? 'efs');
    return new EfsClass(options);
  }

  /**
   * An NFS server and provisioner running in the cluster (nfs-ganesha), as OSCAR's kind installer
   * sets it up. Its data lives on one ReadWriteOnce volume of the default class.
   */
  static nfsProvisioner(options: NfsProvisionerOptions = {}): RwxStorage {
    checkClassName('RwxStorage.nfsProvisioner', 'storageClassName', options.storageClassName ?? 'nfs');
    checkQuantity('RwxStorage.nfsProvisioner', 'size', options.size, '20Gi');
    return new NfsProvisioner(options);
  }

  /** Creates what the storage needs under scope; called once by the platform. */
  abstract bind(scope: Construct, options: { readonly wait: boolean }): RwxStorageBinding;
}

class ExistingClass extends RwxStorage {
  constructor(private readonly name: string) {
    super();
  }
  bind(): RwxStorageBinding {
    return { storageClassName: this.name };
  }
}

class EfsClass extends RwxStorage {
  constructor(private readonly options: EfsStorageOptions) {
    super();
  }
  bind(scope: Construct): RwxStorageBinding {
    const name = this.options.storageClassName ?? 'efs';
    const storageClass = new StorageClassV1(scope, 'Resource', {
      metadata: { name },
      storageProvisioner: 'efs.csi.aws.com',
      parameters: { provisioningMode: 'efs-ap', fileSystemId: this.options.fileSystemId, directoryPerms: '775' },
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'Immediate',
    });
    return { storageClassName: name, dependable: storageClass };
  }
}

class NfsProvisioner extends RwxStorage {
  constructor(private readonly options: NfsProvisionerOptions) {
    super();
  }
  bind(scope: Construct, { wait }: { readonly wait: boolean }): RwxStorageBinding {
    const chart = pinnedChart(VERSIONS.nfsServerProvisioner, this.options.chart);
    const name = this.options.storageClassName ?? 'nfs';
    const namespace = Namespaces.of(scope).ensure(this.options.namespace ?? 'nfs-provisioner', scope, 'storage.namespace');
    const release = componentRelease(scope, 'Resource', {
      name: 'nfs-server-provisioner',
      namespace: namespace.metadata.name,
      chart,
      values: {
        image: { repository: chart.imageRepository, tag: chart.imageTag },
        persistence: {
          enabled: true,
          accessMode: 'ReadWriteOnce',
          size: this.options.size ?? '20Gi',
          ...(this.options.backingStorageClassName ? { storageClass: this.options.backingStorageClassName } : {}),
        },
        storageClass: { create: true, defaultClass: false, name, allowVolumeExpansion: true, reclaimPolicy: 'Delete' },
      },
      wait,
    });
    return { storageClassName: name, dependable: release };
  }
}
