import type { z } from 'zod';

export interface ParamIssue {
  /** Dotted path of the field ("widths.1"); "" for the whole parameter set. */
  path: string;
  message: string;
}

export type ParamsOutcome<P> = { ok: true; params: P } | { ok: false; issues: ParamIssue[] };

/** Validates raw parameters against a kind's zod schema, naming each bad field and how to fix it. */
export function validateWith<P>(schema: z.ZodType<P>, raw: unknown): ParamsOutcome<P> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, params: parsed.data };
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  return { ok: false, issues };
}

/** One line per issue, "field: message", for the CLI and logs. */
export function formatIssues(issues: readonly ParamIssue[]): string {
  return issues.map((i) => `${i.path || '(parameters)'}: ${i.message}`).join('\n');
}
