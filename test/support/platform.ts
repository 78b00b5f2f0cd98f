import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Construct } from 'constructs';
import { HelmProvider, KubernetesProvider, TerraformStack, Testing } from '../../src/private/cdktf';

/** A stack with the kubernetes and helm providers, for constructs under test. */
export function testStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'test');
  new KubernetesProvider(stack, 'kubernetes', { configPath: 'kc' });
  new HelmProvider(stack, 'helm', { kubernetes: { configPath: 'kc' } });
  return stack;
}

/** The synthesized stack, with look-ups by Helm release name and resource type. */
export function synthesized(stack: Construct) {
  const json = JSON.parse(Testing.synth(stack as TerraformStack));
  const resources = (type: string): any[] => Object.values(json.resource?.[type] ?? {});
  const releases = resources('helm_release');
  const release = (name: string): any => {
    const found = releases.filter((r) => r.name === name);
    if (found.length !== 1) throw new Error(`${found.length} releases named ${name}; have ${releases.map((r) => r.name).join(', ')}`);
    return found[0];
  };
  // Tokens are spliced into the values as ${jsonencode(<reference>)}; read them back as "${<reference>}".
  const values = (name: string): any => JSON.parse(release(name).values[0].replace(/\$\{jsonencode\((.+?)\)\}/g, (_: string, ref: string) => JSON.stringify(`\${${ref}}`)));
  const sensitive = (name: string): Record<string, string> => Object.fromEntries((release(name).set_sensitive ?? []).map((s: any) => [s.name, s.value]));
  /** The Terraform address of the release named name, as depends_on lists it. */
  const address = (name: string): string => `helm_release.${Object.entries(json.resource.helm_release).find(([, r]: [string, any]) => r.name === name)![0]}`;
  return { json, text: JSON.stringify(json), resources, releases, release, values, sensitive, address };
}

/**
 * A small file shaped like a Gateway API release manifest (one CRD with the bundle-version
 * annotation), for unit tests; the integration test uses the real v1.5.1 manifest.
 */
export function gatewayApiManifestFixture(version = 'v1.5.1'): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-api-')), 'standard-install.yaml');
  fs.writeFileSync(file, [
    '---', 'apiVersion: apiextensions.k8s.io/v1', 'kind: CustomResourceDefinition', 'metadata:', '  annotations:',
    `    gateway.networking.k8s.io/bundle-version: ${version}`, '    gateway.networking.k8s.io/channel: standard',
    '  name: gateways.gateway.networking.k8s.io', 'spec:', '  group: gateway.networking.k8s.io', '',
  ].join('\n'));
  return file;
}
