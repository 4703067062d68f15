import type Database from 'better-sqlite3';
import type { Id, RunSearchPage, RunSortKey } from '../api.js';
import { parseRunQuery } from '../history/parseRunQuery.js';
import { runQueryToSql } from '../history/runQueryToSql.js';
import { RUN_SELECT, toSummary, type RunRow } from './runsRepo.js';

export interface RunSearch {
  projectId?: Id;
  query?: string;
  sort?: RunSortKey;
  descending?: boolean;
  offset?: number;
  limit?: number;
}

/** Sort keys → fixed SQL (never user text). Ties break on id so pages never overlap. */
const ORDER: Record<RunSortKey, string> = {
  id: 'r.id',
  created: 'r.created_at',
  finished: 'r.finished_at',
  kind: 'r.kind',
  status: 'r.status',
  experiment: 'r.experiment_name',
  seed: 'r.seed',
  duration: '(julianday(r.finished_at) - julianday(r.started_at))',
};

/** The WHERE clause and its bound values for a search (shared by the page query, the count and EXPLAIN). */
export function searchWhere(search: RunSearch): { where: string; params: (string | number)[] } {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  if (search.projectId !== undefined) {
    parts.push('e.project_id = ?');
    params.push(search.projectId);
  }
  const tree = parseRunQuery(search.query ?? '');
  if (tree) {
    const c = runQueryToSql(tree);
    parts.push(c.sql);
    params.push(...c.params);
  }
  return { where: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** SQL of one page of a search (exported for the EXPLAIN QUERY PLAN test). */
export function searchSql(search: RunSearch): { sql: string; params: (string | number)[] } {
  const { where, params } = searchWhere(search);
  const dir = search.descending === false ? 'ASC' : 'DESC';
  const key = ORDER[search.sort ?? 'id'];
  const order = key === 'r.id' ? `r.id ${dir}` : `${key} ${dir}, r.id ${dir}`;
  return { sql: `${RUN_SELECT} ${where} ORDER BY ${order} LIMIT ? OFFSET ?`, params: [...params, search.limit ?? 200, search.offset ?? 0] };
}

/** One page of runs matching the query, with the total count. */
export function searchRuns(db: Database.Database, search: RunSearch): RunSearchPage {
  const { where, params } = searchWhere(search);
  const { sql, params: pageParams } = searchSql(search);
  const total = (db.prepare(`SELECT count(*) AS n FROM runs r JOIN experiments e ON e.id = r.experiment_id ${where}`).get(...params) as { n: number }).n;
  const rows = db.prepare(sql).all(...pageParams) as RunRow[];
  return { runs: rows.map(toSummary), total, offset: search.offset ?? 0 };
}
