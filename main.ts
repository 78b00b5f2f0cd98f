// The app: reads the deployment config (OSCAR_DEPLOYMENT, default config/deployment.yaml) and builds
// the cluster, platform and services stacks. OSCAR_FDL (comma-separated files and folders) and
// OSCAR_CLUSTER_ID override the config's services. Each deployment keeps its state apart (state/<name>/
// in the folder cdktf runs in, unless the config says otherwise), and cdktf's working folders follow
// whichever config was synthesized last.
import * as path from 'node:path';
import { loadDeploymentConfig, overrideDeploymentConfig } from './src/config/deployment';
import { InputError } from './src/errors';
import { App } from './src/private/cdktf';
import { withoutCreationStacks } from './src/private/creation-stacks';
import { addDeploymentStacks } from './src/stacks/deployment-app';
import { followDeploymentBackends } from './src/stacks/working-directories';

const root = path.join(__dirname, '..');

function synthesize(): void {
  // An empty OSCAR_DEPLOYMENT (a CI variable defined but not set) means the default, as unset does.
  const deployment = loadDeploymentConfig(process.env.OSCAR_DEPLOYMENT || path.join(root, 'config', 'deployment.yaml'));
  const fdl = process.env.OSCAR_FDL?.split(',').filter(Boolean);
  const clusterId = process.env.OSCAR_CLUSTER_ID || undefined;

  const app = new App();
  const stacks = addDeploymentStacks(app, overrideDeploymentConfig(deployment, {
    fdl: fdl && { value: fdl, source: 'OSCAR_FDL' },
    clusterId: clusterId === undefined ? undefined : { value: clusterId, source: 'OSCAR_CLUSTER_ID' },
  }));
  // Synth makes a reference token per dependency; where it was made (inside cdktf) tells nobody anything.
  withoutCreationStacks(() => app.synth());
  const names = Object.values(stacks).map((s) => s.node.id);
  followDeploymentBackends(app.outdir, names, deployment.name);
  // Run by hand (`npm run synth`), say what was written; the cdktf CLI reports that itself.
  if (process.env.CDKTF_OUTDIR === undefined) {
    const outdir = path.relative(process.cwd(), app.outdir) || '.';
    console.log(`Synthesized deployment '${deployment.name}' (${deployment.file}): stacks ${names.join(', ')} in ${outdir}/. `
      + `Next: npx cdktf deploy ${names.join(' ')}`);
  }
}

try {
  synthesize();
} catch (e) {
  // A mistake in the input: its message names the file, line, setting and fix; a stack trace would bury it.
  if (!(e instanceof InputError)) throw e;
  console.error(e.message);
  process.exitCode = 1;
}
