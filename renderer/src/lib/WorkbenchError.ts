import type { FieldIssue, WorkbenchErrorPayload } from '../../../electron/api';

type ErrorName = WorkbenchErrorPayload['name'];
const KNOWN_NAMES: readonly ErrorName[] = ['ValidationError', 'NotFoundError', 'ConflictError', 'Error'];

/**
 * An error from the main process, rebuilt on this side of the transport. `name` says which kind
 * (`ValidationError` carries `issues` for the form), `message` is meant for a person.
 */
export class WorkbenchError extends Error {
  override readonly name: ErrorName;
  readonly issues: FieldIssue[];

  constructor(name: ErrorName, message: string, issues: FieldIssue[] = []) {
    super(message);
    this.name = name;
    this.issues = issues;
  }

  /**
   * Normalises whatever a transport threw. Electron's ipcRenderer.invoke flattens errors into
   * "Error invoking remote method 'wb:x': ValidationError: …", so the name is recovered from the text
   * when no structured payload survived.
   */
  static from(error: unknown): WorkbenchError {
    if (error instanceof WorkbenchError) return error;
    if (error !== null && typeof error === 'object') {
      const e = error as { name?: unknown; message?: unknown; issues?: unknown };
      const rawMessage = typeof e.message === 'string' ? e.message : String(error);
      const issues = Array.isArray(e.issues) ? (e.issues.filter(isFieldIssue) as FieldIssue[]) : [];
      const remote = /^Error invoking remote method '[^']*': (?:(\w+): )?([\s\S]*)$/.exec(rawMessage);
      const nameText = remote?.[1] ?? (typeof e.name === 'string' ? e.name : 'Error');
      const name = (KNOWN_NAMES as readonly string[]).includes(nameText) ? (nameText as ErrorName) : 'Error';
      return new WorkbenchError(name, remote ? remote[2] : rawMessage, issues);
    }
    return new WorkbenchError('Error', String(error));
  }
}

function isFieldIssue(v: unknown): boolean {
  return v !== null && typeof v === 'object' && typeof (v as FieldIssue).path === 'string' && typeof (v as FieldIssue).message === 'string';
}

