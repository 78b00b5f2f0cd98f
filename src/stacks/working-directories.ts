// cdktf runs `terraform init` in one working folder per stack (`cdktf.out/stacks/<stack>`), whatever
// the deployment config: `.terraform/terraform.tfstate` there records the backend of the last init,
// and an init with another backend stops with "Backend configuration changed … -migrate-state".
// Following that advice after switching configs copies one deployment's state into another's.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Which deployment each backend a stack folder was synthesized with belongs to, beside the record. */
const OWNERS_FILE = 'deployment-backends.json';

/** A backend as `{type: config}`, the form of cdk.tf.json's `terraform.backend`. */
type Backend = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/** One string per backend: its type and settings, without the unset (null) ones the record lists. */
function backendKey(type: string, config: Readonly<Record<string, unknown>>): string {
  const set = Object.entries(config).filter(([, v]) => v !== null && v !== undefined).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([type, set]);
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/**
 * After synth, lets each stack's next `init` follow the deployment config: a backend record left by
 * another deployment's init is removed, so init configures this deployment's backend afresh (no state
 * is copied, none is lost: each stays where its deployment keeps it). A record of this deployment's own
 * earlier backend stays, so moving a deployment's state (a new `state:`) still goes through
 * `cdktf deploy --migrate-state`. Returns the stacks whose record was removed.
 *
 * @param outdir the app's output folder (cdktf's `CDKTF_OUTDIR`)
 * @param stacks the ids of the synthesized stacks
 * @param deployment the deployment's name
 */
export function followDeploymentBackends(outdir: string, stacks: readonly string[], deployment: string): string[] {
  const released: string[] = [];
  for (const stack of stacks) {
    const dir = path.join(outdir, 'stacks', stack);
    const backend = readJson<{ terraform?: { backend?: Backend } }>(path.join(dir, 'cdk.tf.json'))?.terraform?.backend;
    const [type, config] = Object.entries(backend ?? {})[0] ?? [];
    if (type === undefined || config === undefined) continue;
    const key = backendKey(type, config);
    const ownersFile = path.join(dir, OWNERS_FILE);
    const owners = readJson<Record<string, string>>(ownersFile) ?? {};
    const recordFile = path.join(dir, '.terraform', 'terraform.tfstate');
    const record = readJson<{ backend?: { type?: string; config?: Record<string, unknown> } }>(recordFile)?.backend;
    if (record?.type !== undefined) {
      const recordKey = backendKey(record.type, record.config ?? {});
      // Unknown owner (a record from before this file): not this deployment's as far as anyone knows.
      if (recordKey !== key && owners[recordKey] !== deployment) {
        fs.rmSync(recordFile, { force: true });
        released.push(stack);
      }
    }
    if (owners[key] !== deployment) fs.writeFileSync(ownersFile, `${JSON.stringify({ ...owners, [key]: deployment }, null, 2)}\n`);
  }
  return released;
}
