// The committed cdktf bindings of the OSCAR provider (src/providers/oscar) must be what the provider's
// schema generates: a schema change without `npm run bindings:oscar` fails here.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateBindings, providerSchema, TARGET } from '../../scripts/generate-oscar-bindings';
import { App, TerraformStack, Testing } from '../../src/private/cdktf';
import { OscarProvider } from '../../src/providers/oscar/provider';
import { Service } from '../../src/providers/oscar/service';
import { tempDir } from '../support/fdl';
import { oscarProviderDir } from '../support/testenv';

/** Files under dir, relative, sorted. */
function files(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .sort();
}

describe('oscar provider bindings', () => {
  test('the committed bindings are what the provider schema generates', async () => {
    // WHEN
    const generated = path.join(tempDir(), 'oscar');
    await generateBindings(providerSchema(oscarProviderDir()), generated);

    // THEN
    expect(files(TARGET)).toEqual(files(generated));
    const stale = files(generated).filter((f) => fs.readFileSync(path.join(generated, f), 'utf8') !== fs.readFileSync(path.join(TARGET, f), 'utf8'));
    if (stale.length > 0) {
      throw new Error(`src/providers/oscar is stale (${stale.join(', ')}): run npm run bindings:oscar and commit the result`);
    }
  }, 300_000);

  test('a synthesized oscar_service names the provider by its host-less source', () => {
    // GIVEN
    const app = new App();
    const stack = new TerraformStack(app, 'services');
    new OscarProvider(stack, 'oscar', { endpoint: 'https://oscar.example.org' });

    // WHEN
    new Service(stack, 'cowsay', { name: 'cowsay', image: 'ghcr.io/grycap/cowsay', script: 'echo hi', expose: { apiPort: [80], nodePort: [0] } });
    const json = JSON.parse(Testing.synth(stack));

    // THEN
    expect(json.terraform.required_providers.oscar).toEqual({ source: 'oscar-cdktf/oscar' });
    expect(json.resource.oscar_service.cowsay).toMatchObject({ name: 'cowsay', expose: { api_port: [80], node_port: [0] } });
  });
});
