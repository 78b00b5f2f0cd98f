// `oscar-cdktf drift`: does the cluster still match the last deploy? Plans a synthesized stack with
// Terraform (or OpenTofu) and reports what it would change, for CI jobs: exit 0 when nothing would
// change, 2 when something would (drift), 1 on an error.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { terraformBinaryName } from '../terraform-binary';
import { GUARD_ID } from '../stacks/deployment-app';
import type { CliIo } from './main';

/** Exit codes of the drift check. */
export enum DriftExit {
  NONE = 0,
  ERROR = 1,
  DRIFT = 2,
}

/** One resource Terraform would change. */
export interface DriftFinding {
  readonly address: string;
  /** `create`, `update`, `replace` or `delete`. */
  readonly action: string;
  /** The OSCAR service or bucket name, when the resource is one. */
  readonly name?: string;
  /** The cluster id of the OSCAR it is on, when the stack reaches several (`services.clusters`). */
  readonly cluster?: string;
}

/** Options of the drift check. */
export interface DriftOptions {
  /** The synthesized stack to check. @default 'services' */
  readonly stack?: string;
  /** cdktf's output folder. @default 'cdktf.out' */
  readonly outdir?: string;
  /** Print the findings as JSON. @default false */
  readonly json?: boolean;
  /** Terraform binary. @default - TERRAFORM_BINARY_NAME, else 'terraform' (as the cdktf CLI) */
  readonly terraform?: string;
}

/** The address of each stack's DeploymentGuard. */
const GUARD_ADDRESS = `terraform_data.${GUARD_ID}`;

/** The planned actions a drift check reports. */
const CHANGES = ['create', 'update', 'replace', 'delete'];

/** One line of `plan -json`: the fields read here. */
interface PlanMessage {
  readonly '@level'?: string;
  readonly type?: string;
  readonly change?: { readonly action: string; readonly resource: { readonly addr: string } };
  readonly diagnostic?: { readonly summary?: string; readonly detail?: string };
}

function jsonLines(text: string): PlanMessage[] {
  return text.split('\n').flatMap((line) => {
    try {
      return line.startsWith('{') ? [JSON.parse(line) as PlanMessage] : [];
    } catch {
      return [];
    }
  });
}

/** What a drift finding says of an OSCAR resource: its name, and its cluster when there are several. */
type OscarResource = Pick<DriftFinding, 'name' | 'cluster'>;

/**
 * The OSCAR service or bucket name of a resource address, and the cluster id of its provider alias:
 * from the synthesized configuration, or for a resource deleted from it, the name from the state
 * (read once, only then).
 */
function oscarResources(dir: string, run: (...args: string[]) => { status: number | null; stdout: string }) {
  type Named = { name?: unknown; bucket_name?: unknown; provider?: unknown };
  const nameOf = (block: Named | undefined) => {
    const name = block?.name ?? block?.bucket_name;
    return typeof name === 'string' ? name : undefined;
  };
  const config = JSON.parse(fs.readFileSync(path.join(dir, 'cdk.tf.json'), 'utf8')) as { resource?: Record<string, Record<string, Named>> };
  const fromConfig = new Map<string, OscarResource>();
  for (const [type, blocks] of Object.entries(config.resource ?? {})) {
    if (!type.startsWith('oscar_')) continue;
    for (const [id, block] of Object.entries(blocks)) {
      const name = nameOf(block);
      const alias = typeof block.provider === 'string' ? /^oscar\.(.+)$/.exec(block.provider)?.[1] : undefined;
      if (name) fromConfig.set(`${type}.${id}`, { name, ...(alias ? { cluster: alias } : {}) });
    }
  }
  let fromState: Map<string, OscarResource> | undefined;
  return (address: string, deleted: boolean): OscarResource => {
    if (!/^oscar_/.test(address)) return {};
    if (!deleted) return fromConfig.get(address) ?? {};
    if (!fromState) {
      fromState = new Map();
      const shown = run('show', '-json');
      const resources = shown.status === 0 ? (JSON.parse(shown.stdout).values?.root_module?.resources ?? []) as { address: string; values?: Named }[] : [];
      for (const r of resources) {
        const name = nameOf(r.values);
        if (name) fromState.set(r.address, { name });
      }
    }
    return fromState.get(address) ?? {};
  };
}

/** One finding as a line: `drift: create oscar_service.… (train on cluster cloud)`. */
function findingLine(f: DriftFinding): string {
  return `drift: ${f.action} ${f.address}${f.name ? ` (${f.name}${f.cluster ? ` on cluster ${f.cluster}` : ''})` : ''}`;
}

export function driftCommand(options: DriftOptions, io: CliIo): DriftExit {
  const stack = options.stack ?? 'services';
  const dir = path.resolve(options.outdir ?? 'cdktf.out', 'stacks', stack);
  const terraform = options.terraform ?? process.env.TERRAFORM_BINARY_NAME ?? 'terraform';
  // What messages name: the binary the package's wrapper runs, not the wrapper.
  const shown = options.terraform ?? terraformBinaryName();
  const notFound = 'install Terraform or OpenTofu, or set TERRAFORM_BINARY_NAME (e.g. tofu; with the package\'s wrapper, OSCAR_TERRAFORM_BINARY)';
  const fail = (problem: string, fix: string) => {
    if (options.json) io.out(JSON.stringify({ stack, status: 'error', error: problem, fix }));
    io.err(`drift: ${problem}. Fix: ${fix}.`);
    return DriftExit.ERROR;
  };
  if (!fs.existsSync(path.join(dir, 'cdk.tf.json'))) {
    return fail(`no synthesized stack '${stack}' in ${dir}`, 'run `npx cdktf synth` (with the same deployment config) first');
  }
  const run = (...args: string[]) => spawnSync(terraform, args,
    { cwd: dir, encoding: 'utf8', env: { ...process.env, TF_IN_AUTOMATION: '1' }, maxBuffer: 256 << 20 });
  // Always: the synthesized backend may differ from the one a previous init saw (-reconfigure).
  {
    const init = run('init', '-input=false', '-no-color', '-reconfigure');
    if (init.error) return fail(`cannot run ${terraform}: ${init.error.message}`, notFound);
    // 127: the wrapper did not find the binary it runs (a shell's "command not found").
    if (init.status === 127) return fail(`cannot run ${shown}: not found`, notFound);
    if (init.status !== 0) return fail(`${shown} init failed:\n${init.stdout}${init.stderr}`,
        'check the backend and provider installation (see provider/README.md, "Install (until it is published)")');
  }
  // -json streams each planned change as it is decided: no plan file to write and show again, which
  // cost seconds at a thousand services.
  const plan = run('plan', '-input=false', '-no-color', '-lock=false', '-detailed-exitcode', '-json');
  if (plan.error) return fail(`cannot run ${terraform}: ${plan.error.message}`, notFound);
  const messages = jsonLines(plan.stdout);
  if (plan.status !== 0 && plan.status !== 2) {
    const errors = messages.filter((m) => m['@level'] === 'error').map((m) => [m.diagnostic?.summary, m.diagnostic?.detail].filter(Boolean).join(': '));
    return fail(`${shown} plan failed:\n${errors.join('\n') || plan.stderr || plan.stdout}`,
      'read the error above: the endpoint and credentials (TF_VAR_oscar_*) are the usual cause');
  }
  const findings: DriftFinding[] = [];
  if (plan.status === 2) {
    const oscar = oscarResources(dir, run);
    for (const m of messages) {
      if (m.type !== 'planned_change' || !CHANGES.includes(m.change?.action ?? '')) continue;
      const address = m.change!.resource.addr;
      // The deployment guard is bookkeeping, not the cluster: a state from before it plans its creation.
      if (address === GUARD_ADDRESS) continue;
      findings.push({ address, action: m.change!.action, ...oscar(address, m.change!.action === 'delete') });
    }
  }
  // A cluster of several that did not answer kept its resources' state unread: the stack cannot be
  // called in sync, whatever the others say.
  const unreachable = [...new Set(messages.flatMap((m) => {
    const cluster = m.type === 'diagnostic' ? /^OSCAR cluster "(.+)" is unreachable/.exec(m.diagnostic?.summary ?? '')?.[1] : undefined;
    return cluster === undefined ? [] : [cluster];
  }))];
  if (unreachable.length > 0) {
    const problem = `cluster(s) ${unreachable.join(', ')} did not answer, so their services were not checked`;
    if (options.json) io.out(JSON.stringify({ stack, status: 'error', error: problem, unreachable, changes: findings }));
    else for (const f of findings) io.out(findingLine(f));
    io.err(`drift: ${problem}. Fix: check that their managers run and are reachable, then run the drift check again.`);
    return DriftExit.ERROR;
  }
  if (options.json) {
    io.out(JSON.stringify({ stack, status: findings.length ? 'drift' : 'in-sync', changes: findings }));
  } else if (findings.length === 0) {
    io.out(`drift: stack '${stack}' matches the cluster`);
  } else {
    for (const f of findings) io.out(findingLine(f));
    io.out(`drift: ${findings.length} change(s) in stack '${stack}'. Fix: \`npx cdktf deploy ${stack}\` restores the declared state.`);
  }
  return findings.length ? DriftExit.DRIFT : DriftExit.NONE;
}
