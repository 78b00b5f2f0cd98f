// `oscar-cdktf` command line: `validate` checks FDL files and prints findings as file:line:col;
// `sandbox` runs a local OSCAR control plane.
import { fdlJsonSchema, findFdlFiles, formatDiagnostic, hasErrors, loadFdlFiles, Severity } from '../fdl';
import { diagramCommand } from './diagram';
import { sandboxEnv, sandboxStart, sandboxStop } from './sandbox';

const USAGE = `usage: oscar-cdktf validate [--strict] [--allow-scripts-outside-folder] <file-or-folder>...
       oscar-cdktf schema
       oscar-cdktf sandbox start|stop|env
       oscar-cdktf diagram [--format mermaid|dot] [--config <deployment.yaml>]

  validate   check FDL files (folders are searched for .yaml/.yml); exit 1 on errors
             (--strict: on warnings too; --allow-scripts-outside-folder: read scripts
             outside each FDL file's folder, for trusted files only)
  schema     print the JSON Schema of FDL files
  sandbox    start (in the background) or stop a local OSCAR control plane; start and env
             print its endpoint and credentials as shell exports: eval "$(oscar-cdktf sandbox start)"
  diagram    print the deployment (stacks, components, services with their buckets,
             triggers and exposure) as Mermaid (default) or DOT; the config defaults to
             $OSCAR_DEPLOYMENT or config/deployment.yaml, the FDL files to $OSCAR_FDL or the config's`;

export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/** Runs the command line and returns the exit code. */
export function runCli(args: readonly string[], io: CliIo): number | Promise<number> {
  const [command, ...rest] = args;
  if (command === 'sandbox') {
    const [action] = rest;
    if (action === 'start') return sandboxStart(io);
    if (action === 'stop') return sandboxStop(io);
    if (action === 'env') return sandboxEnv(io);
    io.err(`sandbox: expected start, stop or env, got '${action ?? ''}'\n${USAGE}`);
    return 2;
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
      return diagramCommand({ config: flags['--config'] ?? process.env.OSCAR_DEPLOYMENT ?? 'config/deployment.yaml', format, fdl }, io);
    } catch (e) {
      io.err(`diagram: ${(e as Error).message}`);
      return 1;
    }
  }
  if (command === 'schema') {
    io.out(JSON.stringify(fdlJsonSchema(), null, 2));
    return 0;
  }
  if (command !== 'validate') {
    io.err(command === undefined || command === '--help' || command === '-h' ? USAGE : `unknown command '${command}'\n${USAGE}`);
    return command === '--help' || command === '-h' ? 0 : 2;
  }
  const strict = rest.includes('--strict');
  const allowScriptsOutsideFolder = rest.includes('--allow-scripts-outside-folder');
  const unknown = rest.find((a) => a.startsWith('--') && a !== '--strict' && a !== '--allow-scripts-outside-folder');
  if (unknown !== undefined) {
    io.err(`validate: unknown option '${unknown}'\n${USAGE}`);
    return 2;
  }
  const paths = rest.filter((a) => !a.startsWith('--'));
  if (paths.length === 0) {
    io.err(`validate: no FDL files given\n${USAGE}`);
    return 2;
  }
  const files = findFdlFiles(paths);
  const { services, diagnostics } = loadFdlFiles(files, { allowScriptsOutsideFolder });
  for (const d of diagnostics) (d.severity === Severity.ERROR ? io.err : io.out)(formatDiagnostic(d));
  const errors = diagnostics.filter((d) => d.severity === Severity.ERROR).length;
  const warnings = diagnostics.length - errors;
  io.out(`${files.length} file(s), ${services.length} service(s): ${errors} error(s), ${warnings} warning(s)`);
  return hasErrors(diagnostics) || (strict && warnings > 0) ? 1 : 0;
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
