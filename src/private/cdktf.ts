// The only module that imports the CDK for Terraform core. cdktf is archived upstream and continues
// as CDK Terrain (`cdktn`, same API): moving to it means changing the module name here only.
export {
  Annotations,
  App,
  AssetType,
  DataResource,
  Fn,
  Lazy,
  LocalBackend,
  S3Backend,
  TerraformAsset,
  TerraformOutput,
  TerraformResource,
  TerraformStack,
  TerraformVariable,
  Testing,
  Token,
} from 'cdktf';
export type { AppConfig, ITerraformDependable } from 'cdktf';
