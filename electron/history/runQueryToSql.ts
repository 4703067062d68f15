import type { RunQueryNode, RunQueryOp, RunQueryValue } from './parseRunQuery.js';
import { RunQueryError } from './parseRunQuery.js';

/** A WHERE fragment over `runs r` with `?` placeholders and the values to bind, in order. */
export interface SqlCondition {
  sql: string;
  params: (string | number)[];
}

const STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled', 'interrupted'];

/** Columns of runs a query may name directly; anything else is a parameter path into runs.params. */
const COLUMNS: Record<string, { sql: string; type: 'text' | 'number' | 'date' }> = {
  id: { sql: 'r.id', type: 'number' },
  kind: { sql: 'r.kind', type: 'text' },
  status: { sql: 'r.status', type: 'text' },
  seed: { sql: 'r.seed', type: 'number' },
  experiment: { sql: 'r.experiment_name', type: 'text' },
  note: { sql: 'r.note', type: 'text' },
  summary: { sql: 'r.summary', type: 'text' },
  engine: { sql: 'r.engine_version', type: 'text' },
  created: { sql: 'r.created_at', type: 'date' },
  started: { sql: 'r.started_at', type: 'date' },
  finished: { sql: 'r.finished_at', type: 'date' },
  sweep: { sql: 'r.sweep_id', type: 'number' },
};

const SQL_OP: Record<Exclude<RunQueryOp, '~'>, string> = { '=': '=', '!=': '!=', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

/** `%`, `_` and the escape character itself are literal inside a contains (~) search. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `a.b.1` → `$.a.b[1]`: built only from segments the parser accepted ([A-Za-z_]\w* or digits) and bound as a parameter. */
export function jsonPathOf(field: readonly string[]): string {
  return '$' + field.map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s}`)).join('');
}

const DATE = /^\d{4}(-\d{2}(-\d{2}([T ]\d{2}(:\d{2}(:\d{2}(\.\d+)?)?)?Z?)?)?)?$/;

/**
 * Turns a parsed query into SQL. Every user value is a bound parameter; the SQL text contains only
 * fixed column names and operators chosen from the tables above, never user input.
 */
export function runQueryToSql(node: RunQueryNode): SqlCondition {
  switch (node.type) {
    case 'and':
    case 'or': {
      const parts = node.items.map(runQueryToSql);
      return { sql: `(${parts.map((p) => p.sql).join(node.type === 'and' ? ' AND ' : ' OR ')})`, params: parts.flatMap((p) => p.params) };
    }
    case 'not': {
      const inner = runQueryToSql(node.item);
      return { sql: `NOT ${inner.sql}`, params: inner.params };
    }
    case 'text': {
      const p = likePattern(node.text);
      return {
        sql: `(r.experiment_name LIKE ? ESCAPE '\\' OR r.summary LIKE ? ESCAPE '\\' OR r.note LIKE ? ESCAPE '\\' OR r.kind LIKE ? ESCAPE '\\')`,
        params: [p, p, p, p],
      };
    }
    case 'compare':
      return compare(node.field, node.op, node.value);
  }
}

function bindable(v: RunQueryValue): string | number {
  // JSON true/false come out of json_extract as 1/0.
  return typeof v === 'boolean' ? (v ? 1 : 0) : v;
}

function compare(field: string[], op: RunQueryOp, value: RunQueryValue): SqlCondition {
  const head = field[0].toLowerCase();
  if (field.length === 1 && head === 'tag') {
    if (typeof value !== 'string' && typeof value !== 'number') throw new RunQueryError('tag needs a word, e.g. tag = paper', 0);
    const tag = String(value);
    // `r.id IN (… tags …)` lets SQLite drive the search from the tags_tag index.
    if (op === '=') return { sql: 'r.id IN (SELECT t.run_id FROM tags t WHERE t.tag = ?)', params: [tag] };
    if (op === '!=') return { sql: 'r.id NOT IN (SELECT t.run_id FROM tags t WHERE t.tag = ?)', params: [tag] };
    if (op === '~') return { sql: `r.id IN (SELECT t.run_id FROM tags t WHERE t.tag LIKE ? ESCAPE '\\')`, params: [likePattern(tag)] };
    throw new RunQueryError(`tag supports =, != and ~, not ${op}`, 0);
  }
  const column = field.length === 1 ? COLUMNS[head] : undefined;
  if (column) {
    if (head === 'status' && op === '=' && typeof value === 'string' && !STATUSES.includes(value)) {
      throw new RunQueryError(`status is one of ${STATUSES.join(', ')}; not "${value}"`, 0);
    }
    if (op === '~') return { sql: `CAST(${column.sql} AS TEXT) LIKE ? ESCAPE '\\'`, params: [likePattern(String(value))] };
    if (column.type === 'date') return dateCompare(column.sql, op, value);
    if (column.type === 'number' && typeof value !== 'number') throw new RunQueryError(`${head} is a number; "${String(value)}" is not`, 0);
    return { sql: `${column.sql} ${SQL_OP[op]} ?`, params: [bindable(value)] };
  }
  // A parameter: `params.n` and `n` both name runs.params → $.n.
  const path = jsonPathOf(field[0] === 'params' && field.length > 1 ? field.slice(1) : field);
  if (op === '~') return { sql: `CAST(json_extract(r.params, ?) AS TEXT) LIKE ? ESCAPE '\\'`, params: [path, likePattern(String(value))] };
  return { sql: `json_extract(r.params, ?) ${SQL_OP[op]} ?`, params: [path, bindable(value)] };
}

/**
 * Dates compare as ISO text. A date without a time means the whole day: `created = 2024-05-01` is a
 * prefix match, `<= 2024-05-01` includes that day and `> 2024-05-01` starts the day after.
 */
function dateCompare(sql: string, op: Exclude<RunQueryOp, '~'>, value: RunQueryValue): SqlCondition {
  const text = String(value);
  if (!DATE.test(text)) throw new RunQueryError(`"${text}" is not a date like 2024-05-01 or 2024-05-01T14:30`, 0);
  const partial = text.length < 20;
  if (op === '=' || op === '!=') {
    return partial
      ? { sql: `${op === '!=' ? 'NOT ' : ''}(${sql} LIKE ?)`, params: [`${text}%`] }
      : { sql: `${sql} ${SQL_OP[op]} ?`, params: [text] };
  }
  // '~' sorts after every character an ISO timestamp contains, so `text~` is just past the whole prefix.
  const bound = partial && (op === '<=' || op === '>') ? `${text}~` : text;
  return { sql: `${sql} ${SQL_OP[op]} ?`, params: [bound] };
}
