import { Construct } from 'constructs';
import { Annotations, TerraformOutput, TerraformStack, TerraformVariable } from '../src/private/cdktf';
import { JsonTemplate } from '../src/private/terraform-json';
import { findFdlFiles, formatDiagnostic, LoadedService, loadFdlFilesOrThrow, Severity, toApiJson } from '../src/fdl';

export interface ServicesStackProps {
  /** FDL files, or folders searched for `.yaml`/`.yml` files. */
  readonly fdl: readonly string[];
  /**
   * Only take the services an FDL file lists under this cluster id.
   * @default - every service in the files
   */
  readonly clusterId?: string;
}

/**
 * The services layer: loads and validates FDL files at synth time (any error fails `cdktf synth`
 * with its file, line and fix) and renders each service's canonical OSCAR API definition.
 * Secret environment values are never written out: each comes from a sensitive variable
 * `<service>__<SECRET>` (for example `TF_VAR_cowsay-secret__COWSAY_SECRET`).
 */
export class ServicesStack extends TerraformStack {
  /** The services this stack manages, in file order. */
  public readonly services: readonly LoadedService[];

  constructor(scope: Construct, id: string, props: ServicesStackProps) {
    super(scope, id);
    const files = findFdlFiles(props.fdl);
    if (files.length === 0) {
      throw new Error(`ServicesStack '${id}': fdl: no FDL files found in ${props.fdl.join(', ')}. Fix: pass FDL files or folders holding .yaml files.`);
    }
    const { services, diagnostics } = loadFdlFilesOrThrow(files);
    for (const d of diagnostics) if (d.severity === Severity.WARNING) Annotations.of(this).addWarning(formatDiagnostic(d));
    this.services = props.clusterId === undefined ? services : services.filter((s) => s.clusterId === props.clusterId);
    if (this.services.length === 0) {
      throw new Error(`ServicesStack '${id}': clusterId: no service is listed under '${props.clusterId}' in ${files.join(', ')}. Fix: use one of ${[...new Set(services.map((s) => s.clusterId))].join(', ')}.`);
    }
    for (const service of this.services) this.addDefinition(service);
  }

  private addDefinition(service: LoadedService): void {
    const name = service.spec.name;
    const template = new JsonTemplate();
    let sensitive = false;
    const definition = toApiJson(service.spec, {
      secretValue: (key) => {
        sensitive = true;
        const variable = new TerraformVariable(this, `${name}__${key.replace(/[^A-Za-z0-9_-]/g, '_')}`, {
          type: 'string',
          sensitive: true,
          description: `Value of secret ${key} of OSCAR service ${name}`,
        });
        return template.slot(variable);
      },
    });
    new TerraformOutput(this, `${name}_definition`, {
      value: template.render(definition),
      sensitive,
      description: `Canonical OSCAR API definition of service ${name} (from ${service.file})`,
    });
  }
}
