import type { FieldIssue, WorkbenchErrorPayload } from '../api.js';

/** Bad input: nothing was written. `issues` name the fields. */
export class ValidationError extends Error {
  override name = 'ValidationError' as const;
  constructor(message: string, readonly issues: FieldIssue[] = []) {
    super(message);
  }
}

export class NotFoundError extends Error {
  override name = 'NotFoundError' as const;
}

/** The request conflicts with the current state (e.g. cancelling a finished run). */
export class ConflictError extends Error {
  override name = 'ConflictError' as const;
}

/** How any thrown value crosses the transport. Internal errors keep their message but not their stack. */
export function toErrorPayload(e: unknown): WorkbenchErrorPayload {
  if (e instanceof ValidationError) return { name: 'ValidationError', message: e.message, issues: e.issues };
  if (e instanceof NotFoundError) return { name: 'NotFoundError', message: e.message };
  if (e instanceof ConflictError) return { name: 'ConflictError', message: e.message };
  return { name: 'Error', message: e instanceof Error ? e.message : String(e) };
}
