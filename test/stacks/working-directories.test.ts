import * as fs from 'node:fs';
import * as path from 'node:path';
import { followDeploymentBackends } from '../../src/stacks/working-directories';
import { tempDir } from '../support/fdl';

/** A synthesized stack folder with the given backend, and the record an earlier `init` left (if any). */
function stackFolder(outdir: string, backend: Record<string, Record<string, unknown>>, recorded?: { type: string; config: Record<string, unknown> }) {
  const dir = path.join(outdir, 'stacks', 'services');
  fs.mkdirSync(path.join(dir, '.terraform', 'providers'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'cdk.tf.json'), JSON.stringify({ terraform: { backend } }));
  const record = path.join(dir, '.terraform', 'terraform.tfstate');
  if (recorded) fs.writeFileSync(record, JSON.stringify({ version: 3, backend: { ...recorded, hash: 1 } }));
  return record;
}

const local = (dir: string) => ({ local: { path: `/p/state/${dir}/services.tfstate` } });
// OpenTofu records every setting of the backend's schema, the unset ones as null.
const recordOf = (dir: string) => ({ type: 'local', config: { path: `/p/state/${dir}/services.tfstate`, workspace_dir: null } });

describe('followDeploymentBackends', () => {
  test('a record of another deployment\'s backend is removed, so init configures this one\'s with nothing to migrate', () => {
    // GIVEN deployment a synthesized and initialized, then b synthesized into the same folder
    const outdir = tempDir();
    stackFolder(outdir, local('a'), recordOf('a'));
    expect(followDeploymentBackends(outdir, ['services'], 'a')).toEqual([]);
    const record = stackFolder(outdir, local('b'));
    // WHEN
    const released = followDeploymentBackends(outdir, ['services'], 'b');
    // THEN
    expect(released).toEqual(['services']);
    expect(fs.existsSync(record)).toBe(false);
    expect(fs.existsSync(path.join(path.dirname(record), 'providers'))).toBe(true);
  });

  test('a record of the same backend stays', () => {
    const outdir = tempDir();
    const record = stackFolder(outdir, local('a'), recordOf('a'));
    expect(followDeploymentBackends(outdir, ['services'], 'a')).toEqual([]);
    expect(fs.existsSync(record)).toBe(true);
  });

  test('a record of this deployment\'s own earlier backend stays: moving its state is init -migrate-state\'s job', () => {
    // GIVEN deployment a synthesized with one backend, initialized, then given another
    const outdir = tempDir();
    stackFolder(outdir, local('old'), recordOf('old'));
    followDeploymentBackends(outdir, ['services'], 'a');
    const record = stackFolder(outdir, { s3: { bucket: 'b', key: 'services.tfstate', region: 'r', encrypt: true } });
    // WHEN
    const released = followDeploymentBackends(outdir, ['services'], 'a');
    // THEN
    expect(released).toEqual([]);
    expect(fs.existsSync(record)).toBe(true);
  });

  test('a record no synth here claimed (from before this check) is removed', () => {
    const outdir = tempDir();
    const record = stackFolder(outdir, local('b'), { type: 'local', config: { path: '/p/terraform.services.tfstate', workspace_dir: null } });
    expect(followDeploymentBackends(outdir, ['services'], 'b')).toEqual(['services']);
    expect(fs.existsSync(record)).toBe(false);
  });

  test('an s3 record matches its backend whatever settings it lists as null', () => {
    const outdir = tempDir();
    const s3 = { bucket: 'b', key: 'p/services.tfstate', region: 'r', encrypt: true, dynamodb_table: 't' };
    const record = stackFolder(outdir, { s3 }, { type: 's3', config: { ...s3, profile: null, endpoints: null, use_path_style: null } });
    expect(followDeploymentBackends(outdir, ['services'], 'x')).toEqual([]);
    expect(fs.existsSync(record)).toBe(true);
  });

  test('a stack folder with no record or no synthesized stack is left alone', () => {
    const outdir = tempDir();
    stackFolder(outdir, local('a'));
    expect(followDeploymentBackends(outdir, ['services', 'platform'], 'a')).toEqual([]);
  });
});
