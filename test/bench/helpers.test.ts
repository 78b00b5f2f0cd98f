// The benchmark suite's pure parts: FDL generation, the manager-log parser that counts writes, and the
// v3 compatibility conversions. (The benchmarks themselves run with `npm run bench`, not here.)
import * as fs from 'node:fs';
import { generateFdl, SHAPES } from '../../bench/fdl-gen';
import { parseGinLines, parseGoDuration, serviceReads, summarize } from '../../bench/manager-log';
import { toV3, toV4 } from '../../bench/v3-compat-proxy';
import { findFdlFiles, loadFdlFiles, Severity } from '../../src/fdl';
import { bucketsOf, sharedBuckets } from '../../src/services/buckets';
import { tempDir } from '../support/fdl';

describe('generateFdl', () => {
  test.each([1, 10, 37])('writes exactly %i service(s) with unique names and buckets, which validate', (count) => {
    // WHEN
    const generated = generateFdl(tempDir(), count);
    // THEN
    const { services, diagnostics } = loadFdlFiles(findFdlFiles([generated.dir]));
    expect(diagnostics.filter((d) => d.severity === Severity.ERROR)).toEqual([]);
    expect(services.map((s) => s.spec.name)).toEqual(generated.services);
    expect(new Set(generated.services).size).toBe(count);
    // Only the workflow's own bucket is shared, within its unit.
    for (const [bucket, users] of sharedBuckets(services.map((s) => s.spec))) {
      expect(bucket).toMatch(/^mask-detector-\d{4}$/);
      expect(users).toHaveLength(2);
    }
  });

  test('cycles through every shape and renames buckets with the unit', () => {
    // WHEN
    const generated = generateFdl(tempDir(), 20);
    // THEN
    expect(Object.keys(generated.byShape).sort()).toEqual(SHAPES.map((s) => s.id).sort());
    const { services } = loadFdlFiles(generated.files);
    const grayify = services.find((s) => s.spec.name === 'grayify-0001')!;
    expect(bucketsOf(grayify.spec).map((b) => b.bucket)).toEqual(['grayify-0001']);
    expect(generated.secrets).toEqual(expect.objectContaining({ 'cowsay-secret-0003': ['COWSAY_SECRET'] }));
    // The corpus' own forms are kept (what oscar-cli reads differently).
    expect(fs.readFileSync(generated.files[0], 'utf8')).toContain('Variables:');
    expect(fs.readFileSync(generated.files[2], 'utf8')).toMatch(/api_port: 80\n/);
  });

  test('a size the last unit does not fit is filled with a smaller shape', () => {
    // 8 units hold 9 services (the workflow has two): 9 services fit, 8 skip the workflow.
    expect(generateFdl(tempDir(), 8).services).toHaveLength(8);
    expect(generateFdl(tempDir(), 8).byShape.workflow).toBeUndefined();
  });
});

describe('manager log', () => {
  const LOG = [
    '[CREATE-HANDLER] 2026/11/25 18:40:18 Creating service \'x\' for user \'cluster_admin\'',
    '[GIN] 2026/11/25 - 18:40:18 | 201 |   20.043374ms |       127.0.0.1 | POST     "/system/buckets"',
    '[GIN] 2026/11/25 - 18:40:24 | 201 |  6.326689444s |       127.0.0.1 | POST     "/system/services"',
    '[GIN] 2026/11/25 - 18:40:24 | 200 |    4.836216ms |       127.0.0.1 | GET      "/system/services/x"',
    '[GIN] 2026/11/25 - 18:41:15 | 500 |  6.182165025s |       127.0.0.1 | PUT      "/system/services"',
    '[GIN] 2026/11/25 - 18:41:16 | 404 |     136.413µs |       127.0.0.1 | GET      "/system/services/y"',
    '[GIN] 2026/11/25 - 18:41:17 | 204 |    1m2.5s |       127.0.0.1 | DELETE   "/system/services/x?force=1"',
    '[GIN] 2026/11/25 - 18:41:17 | 200 |      60.63µs |       127.0.0.1 | GET      "/health"',
  ].join('\n');

  test('Go durations', () => {
    expect(parseGoDuration('6.326689444s')).toBeCloseTo(6326.689444);
    expect(parseGoDuration('136.413µs')).toBeCloseTo(0.136413);
    expect(parseGoDuration('1m2.5s')).toBe(62_500);
    expect(() => parseGoDuration('6.3 s')).toThrow(/not a Go duration/);
  });

  test('counts every write request by kind, failed ones too, and the manager\'s time on them', () => {
    // WHEN
    const activity = summarize(parseGinLines(LOG));
    // THEN
    expect(activity.writes).toEqual({ create: 1, update: 1, delete: 1, bucketCreate: 1, bucketDelete: 0 });
    expect(activity.totalWrites).toBe(4);
    expect(activity.failedWrites).toBe(1);
    expect(activity.reads).toBe(2);
    expect(activity.writeMs).toBeCloseTo(20.043374 + 6326.689444 + 6182.165025 + 62_500);
    expect(activity.failures).toEqual(['500 PUT /system/services']);
  });

  test('counts service lists and single-service reads apart, whatever their answer', () => {
    // WHEN
    const reads = serviceReads(parseGinLines(`${LOG}\n[GIN] 2026/11/25 - 18:42:00 | 200 |  1.5s |       127.0.0.1 | GET      "/system/services"`));
    // THEN
    expect(reads).toEqual({ lists: 1, singles: 2, managerMs: expect.closeTo(1500 + 4.836216 + 0.136413, 6) });
  });
});

describe('v3 compatibility conversions', () => {
  test('v3 → v4: scalar ports become lists, an unset nodePort is left out', () => {
    const service = { name: 'a', expose: { nodePort: 0, api_port: 80, min_scale: 1 } };
    expect(toV4(service)).toBe(true);
    expect(service.expose).toEqual({ api_port: [80], min_scale: 1 });
    expect(toV4({ name: 'b' })).toBe(false);
  });

  test('v4 → v3: port lists become their first element', () => {
    const service = { expose: { api_port: [80, 81], nodePort: [] as number[] } };
    expect(toV3(service)).toBe(true);
    expect(service.expose).toEqual({ api_port: 80, nodePort: 0 });
  });
});
