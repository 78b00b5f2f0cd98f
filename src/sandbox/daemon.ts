// The background process of `oscar-cdktf sandbox start`: starts a control plane in the folder given as
// its argument, writes `env.json` when it is ready (or `error.txt`), and stops the plane on TERM/INT.
// USR1 kills the manager and USR2 starts it again (`sandbox kill-manager | restart-manager`); each
// writes `manager-state` when done.
// Its children die with it (parent-death signal), so killing it cleans up too.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ControlPlane, type ControlPlaneOptions } from './control-plane';

async function main(dir: string, options: Pick<ControlPlaneOptions, 'oidc'>): Promise<void> {
  const progress = (line: string) => fs.appendFileSync(path.join(dir, 'progress.log'), `${line}\n`);
  let plane: ControlPlane;
  try {
    plane = await ControlPlane.start({ ...options, dir, progress });
  } catch (e) {
    fs.writeFileSync(path.join(dir, 'error.txt'), (e as Error).message);
    process.exit(1);
  }
  fs.writeFileSync(path.join(dir, 'env.json.tmp'), JSON.stringify(plane.env), { mode: 0o600 });
  fs.renameSync(path.join(dir, 'env.json.tmp'), path.join(dir, 'env.json'));
  const shutdown = async () => {
    await plane.stop();
    fs.rmSync(path.join(dir, 'env.json'), { force: true });
    process.exit(0);
  };
  const managerState = (state: string) => fs.writeFileSync(path.join(dir, 'manager-state'), `${state}\n`);
  process.on('SIGUSR1', () => {
    plane.manager.kill().then(() => managerState('killed'), (e: Error) => managerState(`failed: ${e.message}`));
  });
  process.on('SIGUSR2', () => {
    plane.restartManager().then(() => managerState(`running at ${plane.manager.endpoint}`), (e: Error) => managerState(`failed: ${e.message}`));
  });
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  setInterval(() => undefined, 1 << 30); // keep the event loop alive until a signal
}

void main(process.argv[2], JSON.parse(process.argv[3] ?? '{}'));
