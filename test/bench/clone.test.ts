// The refresh benchmark's copies (bench/clone.ts) must be what the manager would hold had it created
// them: each copy of a real service, made with the Kubernetes API, reads back through the real manager
// exactly as its original does, renamed: alone (GET /system/services/<name>) and in the list.
import { cloneUnit, renamedForUnit, templateObjects } from '../../bench/clone';
import { generateFdl, SHAPES } from '../../bench/fdl-gen';
import { SCALE_SHAPES } from '../../bench/refresh';
import { loadFdlFiles, toApiJson } from '../../src/fdl';
import { bucketsOf } from '../../src/services/buckets';
import { ControlPlane } from '../support/control-plane';
import { tempDir } from '../support/fdl';

jest.setTimeout(600_000);

/** A bucket as the manager lists it, without the objects' modification times (a copy is younger). */
const timeless = (bucket: any) => ({ ...bucket, objects: bucket?.objects?.map(({ last_modified: _, ...o }: any) => o) });
const renamed = renamedForUnit;

describe('copies of real services made with the Kubernetes API', () => {
  let plane: ControlPlane;
  const shapes = [...SCALE_SHAPES, SHAPES.find((s) => s.id === 'volume')!];
  const fdl = generateFdl(tempDir(), shapes.length, shapes);
  const { services } = loadFdlFiles(fdl.files);

  beforeAll(async () => {
    plane = await ControlPlane.start();
    for (const { spec } of services) {
      const res = await plane.oscar('POST', '/system/services', toApiJson(spec));
      if (res.status !== 201) throw new Error(`creating ${spec.name}: ${res.status} ${res.text}`);
    }
  });

  afterAll(async () => {
    await plane?.stop();
  });

  test('read back, alone and in the list, exactly as their originals renamed', async () => {
    // GIVEN one service of each shape the refresh benchmark copies (units 0000…)
    const units = services.map(({ spec }) => ({ suffix: /-(\d{4})$/.exec(spec.name)![1], services: [spec.name], buckets: bucketsOf(spec).map((b) => b.bucket) }));
    const templates = await templateObjects(plane, units);
    expect(Math.min(...templates.map((t) => t.objects.length))).toBeGreaterThan(0);

    // WHEN each is copied as unit 9000 + i
    const copies = templates.map((t, i) => ({ from: t.suffix, to: String(9000 + i) }));
    for (const [i, t] of templates.entries()) await cloneUnit(plane, t, copies[i].to);

    // THEN every copy reads as its original, renamed
    const list = (await plane.oscar('GET', '/system/services')).json as any[];
    const listed = (name: string) => list.filter((s) => s.name === name);
    for (const [i, { spec }] of services.entries()) {
      const { from, to } = copies[i];
      const copyName = renamed(spec.name, from, to);
      const original = (await plane.oscar('GET', `/system/services/${spec.name}`)).json;
      const copy = await plane.oscar('GET', `/system/services/${copyName}`);
      expect({ name: copyName, status: copy.status }).toEqual({ name: copyName, status: 200 });
      expect(copy.json).toEqual(renamed(original, from, to));
      expect(listed(copyName)).toEqual(renamed(listed(spec.name), from, to));
      for (const { bucket } of bucketsOf(spec)) {
        const a = await plane.oscar('GET', `/system/buckets/${bucket}`);
        const b = await plane.oscar('GET', `/system/buckets/${renamed(bucket, from, to)}`);
        expect({ bucket, status: b.status, json: timeless(b.json) }).toEqual({ bucket, status: a.status, json: timeless(renamed(a.json, from, to)) });
      }
    }
  });
});
