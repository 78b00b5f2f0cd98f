// `oscar-cdktf validate`: FDL files (and, with --config, a deployment config and the stacks it builds)
// checked without touching a cluster. Findings as file:line:col text, or as JSON for CI.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DeploymentConfigError, loadDeploymentConfig, overrideDeploymentConfig, OverriddenSettingError } from '../config/deployment';
import { type Diagnostic, FdlValidationError, findFdlFiles, formatDiagnostic, hasErrors, loadFdlFiles, Severity } from '../fdl';
import { App } from '../private/cdktf';
import { addDeploymentStacks } from '../stacks/deployment-app';
import type { CliIo } from './main';

/** Options of the validate command. */
export interface ValidateOptions {
  /** FDL files or folders. @default - the deployment config's, when `config` is given */
  readonly paths: readonly string[];
  /** A deployment config to check too (its shape, and every construct rule, by building the stacks). */
  readonly config?: string;
  /** Warnings fail too. @default false */
  readonly strict?: boolean;
  readonly allowScriptsOutsideFolder?: boolean;
  /** Print one JSON document instead of lines. @default false */
  readonly json?: boolean;
}

/** A config problem as a finding, at its file, line and column, with its setting as the field path. */
function configFinding(file: string, e: Error): Diagnostic {
  if (e instanceof DeploymentConfigError) {
    return { file: e.file, line: e.line, column: e.column, severity: Severity.ERROR, path: e.setting, message: e.problem, fix: e.fix };
  }
  if (e instanceof OverriddenSettingError) {
    return { file, line: 1, column: 1, severity: Severity.ERROR, path: e.setting, message: `${e.problem} (given by ${e.source})`, fix: e.fix };
  }
  return { file, line: 1, column: 1, severity: Severity.ERROR, path: '', message: e.message };
}

export function validateCommand(options: ValidateOptions, io: CliIo): number {
  const diagnostics: Diagnostic[] = [];
  let paths = options.paths;
  let configOk = true;
  if (options.config) {
    try {
      const deployment = loadDeploymentConfig(options.config);
      if (paths.length === 0) paths = deployment.fdl;
      const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'oscar-validate-'));
      try {
        const fdl = options.paths.length > 0 ? { value: paths, source: 'the command line' } : undefined;
        addDeploymentStacks(new App({ outdir }), overrideDeploymentConfig(deployment, { fdl }));
      } finally {
        fs.rmSync(outdir, { recursive: true, force: true });
      }
    } catch (e) {
      configOk = false;
      // FDL errors surface again below with their own positions; other errors are the config's.
      if (!(e instanceof FdlValidationError)) diagnostics.push(configFinding(options.config, e as Error));
    }
  }
  const files = findFdlFiles(paths);
  const loaded = loadFdlFiles(files, { allowScriptsOutsideFolder: options.allowScriptsOutsideFolder });
  diagnostics.push(...loaded.diagnostics);
  const errors = diagnostics.filter((d) => d.severity === Severity.ERROR).length;
  const warnings = diagnostics.length - errors;
  const failed = !configOk || hasErrors(diagnostics) || (options.strict === true && warnings > 0);
  if (options.json) {
    io.out(JSON.stringify({ files: files.length, services: loaded.services.length, errors, warnings, ok: !failed, findings: diagnostics }));
  } else {
    for (const d of diagnostics) (d.severity === Severity.ERROR ? io.err : io.out)(formatDiagnostic(d));
    const config = options.config ? `${options.config}: ${configOk ? 'ok' : 'invalid'}; ` : '';
    io.out(`${config}${files.length} file(s), ${loaded.services.length} service(s): ${errors} error(s), ${warnings} warning(s)`);
  }
  return failed ? 1 : 0;
}
