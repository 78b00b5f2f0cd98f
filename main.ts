// The default app: the services stack built from the FDL files in ./examples (or OSCAR_FDL, a
// comma-separated list of files and folders).
import * as path from 'node:path';
import { App } from './src/private/cdktf';
import { ServicesStack } from './stacks/services-stack';

const fdl = (process.env.OSCAR_FDL ?? path.join(__dirname, '..', 'examples')).split(',').filter(Boolean);

const app = new App();
new ServicesStack(app, 'services', { fdl, clusterId: process.env.OSCAR_CLUSTER_ID || undefined });
app.synth();
