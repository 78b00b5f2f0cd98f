// Faults: how soon a deployment fails when the manager dies or cannot be reached, and whether the
// rerun converges. On a sandbox of the stock manager, the project deploys `killed.services`
// asynchronous services (each create restarts MinIO: about 6.5 s), then:
//   1. the apply of `killed.creates` more is interrupted by killing the manager (SIGKILL) 2 s into its
//      second create: measured from the kill to the apply's exit, with the create errors counted;
//      the manager is started again and the rerun's creates and the services in the manager counted;
//   2. with the manager killed again (connections refused), `tofu apply` and `oscar-cdktf drift` of
//      every resource: measured until each fails.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ControlPlane } from '../src/sandbox';
import type { BenchContext } from './context';
import { generateFdl, SHAPES } from './fdl-gen';
import { Mark } from './manager-log';
import { ProjectDeployer } from './project';

export interface FaultsResult {
  readonly killed: {
    /** Creates in the interrupted apply. */
    readonly creates: number;
    /** Creates the manager had answered when it was killed. */
    readonly answeredBeforeKill: number;
    /** From the kill to the apply's exit, ms. */
    readonly failedAfterMs: number;
    readonly exit: number;
    /** "Cannot create OSCAR service" errors the apply printed (one per create that had not finished). */
    readonly createErrors: number;
    /** The rerun after the restart: its plan's creates and replaces, and the services then in the manager. */
    readonly rerun: { readonly ms: number; readonly create: number; readonly replace: number; readonly services: number; readonly expected: number };
  };
  readonly unreachable: {
    readonly resources: number;
    readonly deploy: { readonly ms: number; readonly exit: number };
    readonly drift: { readonly ms: number; readonly exit: number };
  };
}

export interface FaultsOptions {
  /** Services deployed before the interrupted apply. */
  readonly deployed: number;
  /** Creates in the interrupted apply. */
  readonly creates: number;
}

const ASYNC = SHAPES.find((s) => s.id === 'async')!;

export async function runFaults(ctx: BenchContext, options: FaultsOptions): Promise<FaultsResult> {
  const tofurc = ctx.installProvider();
  ctx.log('faults: starting a control plane');
  const plane = await ControlPlane.start({ dir: ctx.tempDir('plane-') });
  try {
    const total = options.deployed + options.creates;
    const fdl = generateFdl(ctx.tempDir('faults-fdl-'), total, [ASYNC]);
    const held = ctx.tempDir('faults-held-');
    const later = fdl.files.slice(fdl.files.length - options.creates * (fdl.files.length / total));
    for (const f of later) fs.renameSync(f, path.join(held, path.basename(f)));
    const project = new ProjectDeployer(ctx, plane, fdl.dir, fdl.secrets, tofurc);
    const first = await project.deploy();
    ctx.log(`faults: ${first.plan.create} services deployed in ${(first.totalMs / 1000).toFixed(0)} s`);

    for (const f of later) fs.renameSync(path.join(held, path.basename(f)), f);
    await project.synth();
    const mark = Mark.at(plane.manager.logFile);
    const answered = () => mark.requests().filter((r) => r.method === 'POST' && r.path === '/system/services' && r.status === 201).length;
    const apply = project.tofuRun(['apply', '-auto-approve']);
    let killedAt = 0;
    let answeredBeforeKill = 0;
    const killer = (async () => {
      while (answered() < 1) await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 2000)); // into the second create (6.5 s each)
      answeredBeforeKill = answered();
      await plane.manager.kill();
      killedAt = Date.now();
    })();
    const interrupted = await apply;
    const endedAt = Date.now();
    await killer;
    const createErrors = (interrupted.output.match(/Cannot create OSCAR service "/g) ?? []).length;
    ctx.log(`faults: the apply failed ${((endedAt - killedAt) / 1000).toFixed(1)} s after the kill (exit ${interrupted.exitCode}, ` +
      `${createErrors} create errors, ${answeredBeforeKill} creates answered before)`);

    await plane.restartManager();
    const rerun = await project.deploy();
    const services = ((await plane.oscar('GET', '/system/services')).json as unknown[]).length;
    ctx.log(`faults: the rerun took ${(rerun.totalMs / 1000).toFixed(0)} s (${rerun.plan.create} creates, ${rerun.plan.replace} replaces); ` +
      `${services} services of ${fdl.services.length}`);

    await plane.manager.kill();
    const deploy = await project.tofuRun(['apply', '-auto-approve']);
    const drift = await project.driftCheck();
    ctx.log(`faults: with the manager down, apply failed in ${(deploy.ms / 1000).toFixed(1)} s (exit ${deploy.exitCode}), ` +
      `drift in ${(drift.ms / 1000).toFixed(1)} s (exit ${drift.exitCode})`);
    const resources = JSON.parse(fs.readFileSync(path.join(project.workDir, 'cdktf.out', 'stacks', 'services', 'cdk.tf.json'), 'utf8'));
    return {
      killed: {
        creates: options.creates, answeredBeforeKill, failedAfterMs: endedAt - killedAt, exit: interrupted.exitCode, createErrors,
        rerun: { ms: rerun.totalMs, create: rerun.plan.create, replace: rerun.plan.replace, services, expected: fdl.services.length },
      },
      unreachable: {
        resources: Object.values<Record<string, unknown>>(resources.resource ?? {}).reduce((n, blocks) => n + Object.keys(blocks).length, 0),
        deploy: { ms: deploy.ms, exit: deploy.exitCode },
        drift: { ms: drift.ms, exit: drift.exitCode },
      },
    };
  } finally {
    await plane.stop();
  }
}
