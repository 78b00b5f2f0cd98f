// https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/data-sources/cluster_info
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface DataOscarClusterInfoConfig extends cdktf.TerraformMetaArguments {
}

/**
* Represents a {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/data-sources/cluster_info oscar_cluster_info}
*/
export class DataOscarClusterInfo extends cdktf.TerraformDataSource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "oscar_cluster_info";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a DataOscarClusterInfo resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the DataOscarClusterInfo to import
  * @param importFromId The id of the existing DataOscarClusterInfo that should be imported. Refer to the {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/data-sources/cluster_info#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the DataOscarClusterInfo to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "oscar_cluster_info", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/oscar-cdktf/oscar/latest/docs/data-sources/cluster_info oscar_cluster_info} Data Source
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options DataOscarClusterInfoConfig = {}
  */
  public constructor(scope: Construct, id: string, config: DataOscarClusterInfoConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'oscar_cluster_info',
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
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // allowed_image_repositories - computed: true, optional: false, required: false
  public get allowedImageRepositories() {
    return this.getListAttribute('allowed_image_repositories');
  }

  // architecture - computed: true, optional: false, required: false
  public get architecture() {
    return this.getStringAttribute('architecture');
  }

  // git_commit - computed: true, optional: false, required: false
  public get gitCommit() {
    return this.getStringAttribute('git_commit');
  }

  // gpu_available - computed: true, optional: false, required: false
  public get gpuAvailable() {
    return this.getBooleanAttribute('gpu_available');
  }

  // interlink_available - computed: true, optional: false, required: false
  public get interlinkAvailable() {
    return this.getBooleanAttribute('interlink_available');
  }

  // kubernetes_version - computed: true, optional: false, required: false
  public get kubernetesVersion() {
    return this.getStringAttribute('kubernetes_version');
  }

  // kueue_enable - computed: true, optional: false, required: false
  public get kueueEnable() {
    return this.getBooleanAttribute('kueue_enable');
  }

  // minio_endpoint - computed: true, optional: false, required: false
  public get minioEndpoint() {
    return this.getStringAttribute('minio_endpoint');
  }

  // minio_quota_enabled - computed: true, optional: false, required: false
  public get minioQuotaEnabled() {
    return this.getBooleanAttribute('minio_quota_enabled');
  }

  // minio_region - computed: true, optional: false, required: false
  public get minioRegion() {
    return this.getStringAttribute('minio_region');
  }

  // name - computed: true, optional: false, required: false
  public get name() {
    return this.getStringAttribute('name');
  }

  // namespace - computed: true, optional: false, required: false
  public get namespace() {
    return this.getStringAttribute('namespace');
  }

  // oidc_groups - computed: true, optional: false, required: false
  public get oidcGroups() {
    return this.getListAttribute('oidc_groups');
  }

  // serverless_backend - computed: true, optional: false, required: false
  public get serverlessBackend() {
    return this.getStringAttribute('serverless_backend');
  }

  // serverless_backend_version - computed: true, optional: false, required: false
  public get serverlessBackendVersion() {
    return this.getStringAttribute('serverless_backend_version');
  }

  // services_namespace - computed: true, optional: false, required: false
  public get servicesNamespace() {
    return this.getStringAttribute('services_namespace');
  }

  // version - computed: true, optional: false, required: false
  public get version() {
    return this.getStringAttribute('version');
  }

  // volume_enable - computed: true, optional: false, required: false
  public get volumeEnable() {
    return this.getBooleanAttribute('volume_enable');
  }

  // yunikorn_enable - computed: true, optional: false, required: false
  public get yunikornEnable() {
    return this.getBooleanAttribute('yunikorn_enable');
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
    };
    return attrs;
  }
}
