// The cdktf CLI's start-up floor: a compiled app that synthesizes one empty stack. `cdktf synth` of
// this app is what any app pays before doing any work of its own.
import { App, TerraformStack } from '../src/private/cdktf';

const app = new App();
new TerraformStack(app, 'trivial');
app.synth();
