// https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/user_quota
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface UserQuotaConfig extends cdktf.TerraformMetaArguments {
  /**
  * CPUs, for example `4` or `1500m`. A Kubernetes quantity; when not set, the quota is read and left as it is.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/user_quota#cpu UserQuota#cpu}
  */
  readonly cpu?: string;
  /**
  * Ephemeral storage, for example `20Gi`. A Kubernetes quantity; when not set, the quota is read and left as it is.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/user_quota#ephemeral_storage UserQuota#ephemeral_storage}
  */
  readonly ephemeralStorage?: string;
  /**
  * NVIDIA GPUs (`nvidia.com/gpu`), for example `1`. A Kubernetes quantity; when not set, the quota is read and left as it is.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/user_quota#gpu UserQuota#gpu}
  */
  readonly gpu?: string;
  /**
  * Memory, for example `8Gi`. A Kubernetes quantity; when not set, the quota is read and left as it is.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/user_quota#memory UserQuota#memory}
  */
  readonly memory?: string;
  /**
  * Buckets the user may own in MinIO; `0`: no limit. When not set, read and left as it is.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/user_quota#minio_buckets UserQuota#minio_buckets}
  */
  readonly minioBuckets?: number;
  /**
  * Storage quota of each of the user's MinIO buckets, for example `10Gi`; `0`: none. A Kubernetes quantity; when not set, the quota is read and left as it is.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/user_quota#minio_storage_per_bucket UserQuota#minio_storage_per_bucket}
  */
  readonly minioStoragePerBucket?: string;
  /**
  * The user's OIDC subject (`sub`), as services record it in `owner`. Changing it manages another user's quota.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/user_quota#user_id UserQuota#user_id}
  */
  readonly userId: string;
  /**
  * OSCAR-managed volumes the user may have (needs the manager's volumes on, as by default). When not set, read and left as it is.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/user_quota#volume_count UserQuota#volume_count}
  */
  readonly volumeCount?: number;
  /**
  * Largest managed volume, for example `5Gi`. A Kubernetes quantity; when not set, the quota is read and left as it is.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/user_quota#volume_max_size UserQuota#volume_max_size}
  */
  readonly volumeMaxSize?: string;
  /**
  * Smallest managed volume, for example `200Mi`. A Kubernetes quantity; when not set, the quota is read and left as it is.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/user_quota#volume_min_size UserQuota#volume_min_size}
  */
  readonly volumeMinSize?: string;
  /**
  * Storage all the user's managed volumes may claim, for example `20Gi`. A Kubernetes quantity; when not set, the quota is read and left as it is.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/user_quota#volume_storage UserQuota#volume_storage}
  */
  readonly volumeStorage?: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/user_quota oscar_user_quota}
*/
export class UserQuota extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "oscar_user_quota";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a UserQuota resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the UserQuota to import
  * @param importFromId The id of the existing UserQuota that should be imported. Refer to the {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/user_quota#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the UserQuota to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "oscar_user_quota", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/resources/user_quota oscar_user_quota} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options UserQuotaConfig
  */
  public constructor(scope: Construct, id: string, config: UserQuotaConfig) {
    super(scope, id, {
      terraformResourceType: 'oscar_user_quota',
      terraformGeneratorMetadata: {
        providerName: 'oscar'
      },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach
    });
    this._cpu = config.cpu;
    this._ephemeralStorage = config.ephemeralStorage;
    this._gpu = config.gpu;
    this._memory = config.memory;
    this._minioBuckets = config.minioBuckets;
    this._minioStoragePerBucket = config.minioStoragePerBucket;
    this._userId = config.userId;
    this._volumeCount = config.volumeCount;
    this._volumeMaxSize = config.volumeMaxSize;
    this._volumeMinSize = config.volumeMinSize;
    this._volumeStorage = config.volumeStorage;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // cluster_queue - computed: true, optional: false, required: false
  public get clusterQueue() {
    return this.getStringAttribute('cluster_queue');
  }

  // cpu - computed: true, optional: true, required: false
  private _cpu?: string; 
  public get cpu() {
    return this.getStringAttribute('cpu');
  }
  public set cpu(value: string) {
    this._cpu = value;
  }
  public resetCpu() {
    this._cpu = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get cpuInput() {
    return this._cpu;
  }

  // ephemeral_storage - computed: true, optional: true, required: false
  private _ephemeralStorage?: string; 
  public get ephemeralStorage() {
    return this.getStringAttribute('ephemeral_storage');
  }
  public set ephemeralStorage(value: string) {
    this._ephemeralStorage = value;
  }
  public resetEphemeralStorage() {
    this._ephemeralStorage = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get ephemeralStorageInput() {
    return this._ephemeralStorage;
  }

  // gpu - computed: true, optional: true, required: false
  private _gpu?: string; 
  public get gpu() {
    return this.getStringAttribute('gpu');
  }
  public set gpu(value: string) {
    this._gpu = value;
  }
  public resetGpu() {
    this._gpu = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get gpuInput() {
    return this._gpu;
  }

  // memory - computed: true, optional: true, required: false
  private _memory?: string; 
  public get memory() {
    return this.getStringAttribute('memory');
  }
  public set memory(value: string) {
    this._memory = value;
  }
  public resetMemory() {
    this._memory = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get memoryInput() {
    return this._memory;
  }

  // minio_buckets - computed: true, optional: true, required: false
  private _minioBuckets?: number; 
  public get minioBuckets() {
    return this.getNumberAttribute('minio_buckets');
  }
  public set minioBuckets(value: number) {
    this._minioBuckets = value;
  }
  public resetMinioBuckets() {
    this._minioBuckets = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get minioBucketsInput() {
    return this._minioBuckets;
  }

  // minio_storage_per_bucket - computed: true, optional: true, required: false
  private _minioStoragePerBucket?: string; 
  public get minioStoragePerBucket() {
    return this.getStringAttribute('minio_storage_per_bucket');
  }
  public set minioStoragePerBucket(value: string) {
    this._minioStoragePerBucket = value;
  }
  public resetMinioStoragePerBucket() {
    this._minioStoragePerBucket = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get minioStoragePerBucketInput() {
    return this._minioStoragePerBucket;
  }

  // user_id - computed: false, optional: false, required: true
  private _userId?: string; 
  public get userId() {
    return this.getStringAttribute('user_id');
  }
  public set userId(value: string) {
    this._userId = value;
  }
  // Temporarily expose input value. Use with caution.
  public get userIdInput() {
    return this._userId;
  }

  // volume_count - computed: true, optional: true, required: false
  private _volumeCount?: number; 
  public get volumeCount() {
    return this.getNumberAttribute('volume_count');
  }
  public set volumeCount(value: number) {
    this._volumeCount = value;
  }
  public resetVolumeCount() {
    this._volumeCount = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get volumeCountInput() {
    return this._volumeCount;
  }

  // volume_max_size - computed: true, optional: true, required: false
  private _volumeMaxSize?: string; 
  public get volumeMaxSize() {
    return this.getStringAttribute('volume_max_size');
  }
  public set volumeMaxSize(value: string) {
    this._volumeMaxSize = value;
  }
  public resetVolumeMaxSize() {
    this._volumeMaxSize = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get volumeMaxSizeInput() {
    return this._volumeMaxSize;
  }

  // volume_min_size - computed: true, optional: true, required: false
  private _volumeMinSize?: string; 
  public get volumeMinSize() {
    return this.getStringAttribute('volume_min_size');
  }
  public set volumeMinSize(value: string) {
    this._volumeMinSize = value;
  }
  public resetVolumeMinSize() {
    this._volumeMinSize = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get volumeMinSizeInput() {
    return this._volumeMinSize;
  }

  // volume_storage - computed: true, optional: true, required: false
  private _volumeStorage?: string; 
  public get volumeStorage() {
    return this.getStringAttribute('volume_storage');
  }
  public set volumeStorage(value: string) {
    this._volumeStorage = value;
  }
  public resetVolumeStorage() {
    this._volumeStorage = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get volumeStorageInput() {
    return this._volumeStorage;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      cpu: cdktf.stringToTerraform(this._cpu),
      ephemeral_storage: cdktf.stringToTerraform(this._ephemeralStorage),
      gpu: cdktf.stringToTerraform(this._gpu),
      memory: cdktf.stringToTerraform(this._memory),
      minio_buckets: cdktf.numberToTerraform(this._minioBuckets),
      minio_storage_per_bucket: cdktf.stringToTerraform(this._minioStoragePerBucket),
      user_id: cdktf.stringToTerraform(this._userId),
      volume_count: cdktf.numberToTerraform(this._volumeCount),
      volume_max_size: cdktf.stringToTerraform(this._volumeMaxSize),
      volume_min_size: cdktf.stringToTerraform(this._volumeMinSize),
      volume_storage: cdktf.stringToTerraform(this._volumeStorage),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      cpu: {
        value: cdktf.stringToHclTerraform(this._cpu),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      ephemeral_storage: {
        value: cdktf.stringToHclTerraform(this._ephemeralStorage),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      gpu: {
        value: cdktf.stringToHclTerraform(this._gpu),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      memory: {
        value: cdktf.stringToHclTerraform(this._memory),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      minio_buckets: {
        value: cdktf.numberToHclTerraform(this._minioBuckets),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      minio_storage_per_bucket: {
        value: cdktf.stringToHclTerraform(this._minioStoragePerBucket),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      user_id: {
        value: cdktf.stringToHclTerraform(this._userId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      volume_count: {
        value: cdktf.numberToHclTerraform(this._volumeCount),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      volume_max_size: {
        value: cdktf.stringToHclTerraform(this._volumeMaxSize),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      volume_min_size: {
        value: cdktf.stringToHclTerraform(this._volumeMinSize),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      volume_storage: {
        value: cdktf.stringToHclTerraform(this._volumeStorage),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
