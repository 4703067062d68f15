/** Filters of the history toolbar, turned into the query language the server parses. */
export interface HistoryFilters {
  text: string;
  kind: string;
  status: string;
  tag: string;
  /** yyyy-mm-dd or empty. */
  from: string;
  to: string;
}

export const NO_FILTERS: HistoryFilters = { text: '', kind: '', status: '', tag: '', from: '', to: '' };

/** A value as a quoted query string (quotes and backslashes escaped), so any tag or kind name is safe. */
function quote(v: string): string {
  return `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** The toolbar's filters and the user's own query, joined with `and`. */
export function historyQuery(f: HistoryFilters): string {
  const parts: string[] = [];
  if (f.text.trim()) parts.push(`(${f.text.trim()})`);
  if (f.kind) parts.push(`kind = ${quote(f.kind)}`);
  if (f.status) parts.push(`status = ${quote(f.status)}`);
  if (f.tag) parts.push(`tag = ${quote(f.tag)}`);
  if (f.from) parts.push(`created >= ${f.from}`);
  if (f.to) parts.push(`created <= ${f.to}`);
  return parts.join(' and ');
}
