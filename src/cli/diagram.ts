// `oscar-cdktf diagram`: the deployment as Mermaid or DOT, built from the same constructs `synth` builds.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadDeploymentConfig, overrideDeploymentConfig, type SettingOverride } from '../config/deployment';
import { deploymentDiagram, toDot, toMermaid } from '../diagram';
import { App } from '../private/cdktf';
import { addDeploymentStacks } from '../stacks/deployment-app';
import type { CliIo } from './main';

/** Options of the diagram command. */
export interface DiagramCommandOptions {
  /** Deployment config file. */
  readonly config: string;
  readonly format: 'mermaid' | 'dot';
  /** FDL files or folders replacing the config's, and where they were given. @default - the config's */
  readonly fdl?: SettingOverride<readonly string[]>;
}

export function diagramCommand(options: DiagramCommandOptions, io: CliIo): number {
  const deployment = loadDeploymentConfig(options.config);
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'oscar-diagram-'));
  try {
    const app = new App({ outdir });
    const stacks = addDeploymentStacks(app, overrideDeploymentConfig(deployment, { fdl: options.fdl }));
    const diagram = deploymentDiagram(deployment, stacks);
    io.out((options.format === 'dot' ? toDot(diagram) : toMermaid(diagram)).trimEnd());
    return 0;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}
