// `oscar-cdktf` command line: `validate` checks FDL files and prints findings as file:line:col;
// `sandbox` runs a local OSCAR control plane.
import { deploymentJsonSchema } from '../config/deployment';
import { fdlJsonSchema } from '../fdl';
import { diagramCommand } from './diagram';
import { driftCommand } from './drift';
import { sandboxEnv, sandboxManager, sandboxStart, sandboxStartOptions, sandboxStop } from './sandbox';
import { validateCommand } from './validate';

const USAGE = `usage: oscar-cdktf validate [--strict] [--json] [--config <deployment.yaml>] [--allow-scripts-outside-folder] [<file-or-folder>...]
       oscar-cdktf schema [--config]
       oscar-cdktf sandbox start [--oidc [--token-lifetime <seconds>]] | stop | env | kill-manager | restart-manager
       oscar-cdktf diagram [--format mermaid|dot] [--config <deployment.yaml>]
       oscar-cdktf drift [--stack services] [--outdir cdktf.out] [--json]

  validate   check FDL files (folders are searched for .yaml/.yml); exit 1 on errors
             (--strict: on warnings too; --config: also the deployment config and every
             construct rule, its FDL files by default; --json: one JSON document;
             --allow-scripts-outside-folder: read scripts outside each FDL file's folder,
             for trusted files only)
  schema     print the JSON Schema of FDL files (--config: of deployment configs)
  sandbox    start (in the background) or stop a local OSCAR control plane; start and env
             print its endpoint and credentials as shell exports: eval "$(oscar-cdktf sandbox start)";
             --oidc adds an OpenID provider (Keycloak) the manager accepts, and prints its issuer,
             client id and refresh tokens of a user in the allowed group and of one outside it
             (--token-lifetime: access-token lifetime, default 300 s); kill-manager kills the
             OSCAR manager at once (SIGKILL, as a crash) and restart-manager starts it again on
             the same endpoint, to try what a deployment does when the manager dies
  diagram    print the deployment (stacks, components, services with their buckets,
             triggers and exposure) as Mermaid (default) or DOT; the config defaults to
             $OSCAR_DEPLOYMENT or config/deployment.yaml, the FDL files to $OSCAR_FDL or the config's
  drift      plan a synthesized stack (run cdktf synth first) and list what Terraform would
             change; exit 0 in sync, 2 drift, 1 error (TERRAFORM_BINARY_NAME picks tofu)`;

export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/** Runs the command line and returns the exit code. */
export function runCli(args: readonly string[], io: CliIo): number | Promise<number> {
  const [command, ...rest] = args;
  if (command === 'sandbox') {
    const [action] = rest;
    if (action === 'start') {
      const options = sandboxStartOptions(rest.slice(1));
      if (typeof options === 'string') {
        io.err(`sandbox: ${options}\n${USAGE}`);
        return 2;
      }
      return sandboxStart(io, options);
    }
    if (action === 'stop') return sandboxStop(io);
    if (action === 'env') return sandboxEnv(io);
    if (action === 'kill-manager' || action === 'restart-manager') return sandboxManager(io, action === 'kill-manager' ? 'kill' : 'restart');
    io.err(`sandbox: expected start, stop, env, kill-manager or restart-manager, got '${action ?? ''}'\n${USAGE}`);
    return 2;
  }
  if (command === 'drift') {
    const json = rest.includes('--json');
    const flags = parseFlags(rest.filter((a) => a !== '--json'), ['--stack', '--outdir']);
    if (typeof flags === 'string') {
      io.err(`drift: ${flags}\n${USAGE}`);
      return 1; // 2 means drift here
    }
    return driftCommand({ stack: flags['--stack'], outdir: flags['--outdir'], json }, io);
  }
  if (command === 'diagram') {
    const flags = parseFlags(rest, ['--format', '--config']);
    if (typeof flags === 'string') {
      io.err(`diagram: ${flags}\n${USAGE}`);
      return 2;
    }
    const format = flags['--format'] ?? 'mermaid';
    if (format !== 'mermaid' && format !== 'dot') {
      io.err(`diagram: --format must be mermaid or dot, got '${format}'`);
      return 2;
    }
    try {
      const fdl = process.env.OSCAR_FDL?.split(',').filter(Boolean);
      return diagramCommand({ config: flags['--config'] ?? process.env.OSCAR_DEPLOYMENT ?? 'config/deployment.yaml', format,
        fdl: fdl && { value: fdl, source: 'OSCAR_FDL' } }, io);
    } catch (e) {
      io.err(`diagram: ${(e as Error).message}`);
      return 1;
    }
  }
  if (command === 'schema') {
    if (rest.some((a) => a !== '--config')) {
      io.err(`schema: unknown argument '${rest.find((a) => a !== '--config')}'\n${USAGE}`);
      return 2;
    }
    io.out(JSON.stringify(rest.includes('--config') ? deploymentJsonSchema() : fdlJsonSchema(), null, 2));
    return 0;
  }
  if (command !== 'validate') {
    io.err(command === undefined || command === '--help' || command === '-h' ? USAGE : `unknown command '${command}'\n${USAGE}`);
    return command === '--help' || command === '-h' ? 0 : 2;
  }
  const json = rest.includes('--json');
  const switches = ['--strict', '--allow-scripts-outside-folder', '--json'];
  const flags = parseFlags(rest.filter((a, i) => !switches.includes(a) && (a.startsWith('--') || rest[i - 1] === '--config')), ['--config']);
  if (typeof flags === 'string') {
    io.err(`validate: ${flags}\n${USAGE}`);
    return 2;
  }
  const paths = rest.filter((a, i) => !a.startsWith('--') && rest[i - 1] !== '--config');
  if (paths.length === 0 && flags['--config'] === undefined) {
    io.err(`validate: no FDL files given\n${USAGE}`);
    return 2;
  }
  return validateCommand({
    paths, config: flags['--config'], json, strict: rest.includes('--strict'), allowScriptsOutsideFolder: rest.includes('--allow-scripts-outside-folder'),
  }, io);
}

/** Reads `--flag value` pairs; returns an error message for anything else. */
function parseFlags(args: readonly string[], known: readonly string[]): Record<string, string> | string {
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    if (!known.includes(args[i])) return `unknown argument '${args[i]}'`;
    if (args[i + 1] === undefined) return `${args[i]} needs a value`;
    flags[args[i]] = args[i + 1];
  }
  return flags;
}
