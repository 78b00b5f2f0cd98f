import { formatInputError, InputError } from '../errors';

/** Where something is in an FDL file (1-based line and column). */
export interface SourcePosition {
  /** Absolute path of the file. */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
}

/** How serious a finding is: errors stop a deploy, warnings are printed and let it go on. */
export enum Severity {
  ERROR = 'error',
  WARNING = 'warning',
}

/** One finding about an FDL file: where, which field, what is wrong and how to fix it. */
export interface Diagnostic extends SourcePosition {
  /** Whether it stops a deploy. */
  readonly severity: Severity;
  /** Field path in the document, e.g. `functions.oscar[0].oscar-cluster.input[0].path`. */
  readonly path: string;
  /** What is wrong. */
  readonly message: string;
  /**
   * How to fix it.
   * @default - no fix is suggested
   */
  readonly fix?: string;
}

/** Formats a diagnostic as `file:line:col: severity: path: message. Fix: fix.`, the form editors and CI logs link. */
export function formatDiagnostic(d: Diagnostic): string {
  return formatInputError(`${d.file}:${d.line}:${d.column}: ${d.severity}`, d.path, d.message, d.fix);
}

/** Whether any of the diagnostics is an error (warnings let a deploy go on). */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === Severity.ERROR);
}

/** Thrown when FDL input has errors; carries every diagnostic, not only the first. */
export class FdlValidationError extends InputError {
  /** Every finding of the files, warnings included. */
  public readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === Severity.ERROR);
    super(`FDL validation failed with ${errors.length} error(s):\n${errors.map(formatDiagnostic).join('\n')}`);
    this.name = 'FdlValidationError';
    this.diagnostics = diagnostics;
  }
}
