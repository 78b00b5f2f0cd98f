// The committed cdktf bindings of the OSCAR provider (src/providers/oscar) must be what the provider's
// schema generates: a schema change without `npm run bindings:oscar` fails here.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateBindings, providerSchema, TARGET } from '../../scripts/generate-oscar-bindings';
import { App, TerraformStack, Testing } from '../../src/private/cdktf';
import { OscarProvider } from '../../src/providers/oscar/provider';
import { Service } from '../../src/providers/oscar/service';
import { type FieldTable, SERVICE_FIELDS } from '../../src/fdl/fields';
import { tempDir } from '../support/fdl';
import { oscarProviderDir } from '../support/testenv';

/** Files under dir, relative, sorted. */
function files(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .sort();
}

interface SchemaAttribute { readonly write_only?: boolean; readonly nested_type?: { readonly attributes: Record<string, SchemaAttribute> } }

/** Dotted paths of the write-only attributes under `attributes` (map and object nesting alike). */
function writeOnlyPaths(attributes: Record<string, SchemaAttribute>, prefix = ''): string[] {
  return Object.entries(attributes).flatMap(([name, a]) => (a.write_only ? [`${prefix}${name}`]
    : a.nested_type ? writeOnlyPaths(a.nested_type.attributes, `${prefix}${name}.`) : []));
}

/** Dotted paths of the fields the FDL tables mark `secret`. */
function secretPaths(fields: FieldTable, prefix = ''): string[] {
  return Object.entries(fields).flatMap(([name, spec]) => {
    if (spec.secret) return [`${prefix}${name}`];
    const type = spec.type.kind === 'map' ? spec.type.values : spec.type.kind === 'list' ? spec.type.items : spec.type;
    return type.kind === 'object' ? secretPaths(type.fields, `${prefix}${name}.`) : [];
  });
}

describe('oscar provider bindings', () => {
  test('the credentials the FDL tables mark secret are exactly the write-only attributes of oscar_service', () => {
    // GIVEN
    const schema = providerSchema(oscarProviderDir());
    const service = (Object.values(schema.provider_schemas)[0] as any).resource_schemas.oscar_service.block;

    // THEN (kept out of synthesized JSON by the services stack, out of the state by the provider)
    expect(secretPaths(SERVICE_FIELDS).sort()).toEqual(writeOnlyPaths(service.attributes).sort());
    expect(secretPaths(SERVICE_FIELDS)).toContain('storage_providers.rucio.refresh_token');
  }, 300_000);


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
