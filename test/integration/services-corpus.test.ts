// Every FDL file of OSCAR's examples (the shared corpus) that the manager accepts, deployed together by
// the services stack through OpenTofu and the OSCAR provider to the real manager: each service is stored
// with the fields the file gives it, a second plan is empty, and destroy leaves nothing behind.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hasErrors, loadFdlFiles, toApiJson } from '../../src/fdl';
import { App } from '../../src/private/cdktf';
import { ServicesStack } from '../../src/stacks/services-stack';
import { ControlPlane } from '../support/control-plane';
import { corpusCopy, corpusFiles, tempDir } from '../support/fdl';
import { refreshByStrategy } from '../support/read-strategy';
import { TofuStack } from '../support/tofu';

jest.setTimeout(1_200_000);

// The three the loader rejects, as the manager would (see README, "How FDL files are read").
const REJECTED = ['fire-detection/fire_detection_replicas.yaml', 'fish-detector-replicas/fish-eu.yaml', 'rucio/rucio-service.yaml'];

/** What the manager returns for a field it was sent, where that differs only in form. */
function asStored(sent: Record<string, any>): Record<string, any> {
  const expected = structuredClone(sent);
  // Secret values are never returned (blanked), and node port 0 becomes the allocated port.
  if (expected.environment?.secrets) expected.environment.secrets = Object.fromEntries(Object.keys(expected.environment.secrets).map((k) => [k, '']));
  if (expected.expose) delete expected.expose.nodePort;
  return expected;
}

describe('the FDL corpus on the real OSCAR manager', () => {
  let plane: ControlPlane;
  let tofu: TofuStack;
  const fdlDir = tempDir();
  const files = corpusFiles().filter((f) => !REJECTED.includes(f));

  beforeAll(async () => {
    plane = await ControlPlane.start();
    // Each file in a folder of its own, with stub scripts for the ones it names.
    files.forEach((file, i) => fs.cpSync(path.dirname(corpusCopy(file)), path.join(fdlDir, String(i)), { recursive: true }));
    const outdir = tempDir();
    const app = new App({ outdir });
    new ServicesStack(app, 'services', { fdl: [fdlDir] });
    app.synth();
    tofu = new TofuStack(outdir, 'services', ['oscar'], {
      TF_VAR_oscar_endpoint: plane.manager.endpoint,
      TF_VAR_oscar_username: plane.manager.username,
      TF_VAR_oscar_password: plane.manager.password,
      'TF_VAR_cowsay_secret__COWSAY_SECRET': 'corpus-secret',
    });
  });

  afterAll(async () => {
    await plane?.stop();
  });

  test('the loader rejects exactly the three files the manager would refuse', () => {
    for (const file of corpusFiles()) {
      expect({ file, rejected: hasErrors(loadFdlFiles([corpusCopy(file)]).diagnostics) }).toEqual({ file, rejected: REJECTED.includes(file) });
    }
  });

  test('every accepted file deploys, each service with the fields its file gives it', async () => {
    tofu.apply();
    const { services } = loadFdlFiles(files.map((_, i) => path.join(fdlDir, String(i))).flatMap((d) => fs.readdirSync(d).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(d, f))));
    const listed = ((await plane.oscar('GET', '/system/services')).json as any[]).map((s) => s.name).sort();
    expect(listed).toEqual(services.map((s) => s.spec.name).sort());
    for (const { spec } of services) {
      const stored = (await plane.oscar('GET', `/system/services/${spec.name}`)).json;
      expect({ name: spec.name, stored }).toMatchObject({ name: spec.name, stored: asStored(toApiJson(spec)) });
    }
  });

  test('a second plan is empty', () => {
    expect(tofu.plan()).toMatchObject({ create: [], update: [], replace: [], delete: [] });
  });

  test('a refresh served by one list gives the state of one read per service, field by field, with no single read', async () => {
    const { each, list, listRefreshReads } = refreshByStrategy(tofu, plane.manager.logFile);
    const services = (state: any) => state.values.root_module.resources.filter((r: any) => r.type === 'oscar_service');
    const deployed = ((await plane.oscar('GET', '/system/services')).json as any[]).map((s) => s.name).sort();
    expect(services(each).map((r: any) => r.values.name).sort()).toEqual(deployed);
    expect(services(list)).toEqual(services(each));
    expect(list.values).toEqual(each.values);
    expect(listRefreshReads).toEqual({ lists: 1, singles: 0 });
  });

  test('destroy leaves no service and no bucket', async () => {
    tofu.run('destroy', '-auto-approve');
    expect((await plane.oscar('GET', '/system/services')).json).toEqual([]);
    expect((await plane.oscar('GET', '/system/buckets')).json ?? []).toEqual([]);
  });
});
