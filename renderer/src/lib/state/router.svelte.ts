import type { Id } from '../../../../electron/api';

export type Route =
  | { name: 'projects' }
  | { name: 'project'; id: Id }
  | { name: 'newExperiment'; projectId: Id; kind: string | null }
  | { name: 'experiment'; id: Id }
  | { name: 'run'; id: Id }
  | { name: 'compare'; runIds: Id[] }
  | { name: 'figure'; id: Id }
  | { name: 'sweep'; id: Id }
  | { name: 'notFound'; hash: string };

/** Parses `#/…`; exported for tests and for links that want to know where they point. */
export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const [pathname, query = ''] = path.split('?');
  const parts = pathname.split('/').filter(Boolean);
  const id = (s: string | undefined): Id | null => (s && /^\d+$/.test(s) ? Number(s) : null);
  if (parts.length === 0) return { name: 'projects' };
  if (parts[0] === 'project' && id(parts[1]) !== null) {
    if (parts.length === 2) return { name: 'project', id: id(parts[1])! };
    if (parts.length === 3 && parts[2] === 'new-experiment') {
      return { name: 'newExperiment', projectId: id(parts[1])!, kind: new URLSearchParams(query).get('kind') };
    }
  }
  if (parts.length === 2 && parts[0] === 'experiment' && id(parts[1]) !== null) return { name: 'experiment', id: id(parts[1])! };
  if (parts.length === 2 && parts[0] === 'run' && id(parts[1]) !== null) return { name: 'run', id: id(parts[1])! };
  if (parts.length === 1 && parts[0] === 'compare') {
    const runIds = (new URLSearchParams(query).get('runs') ?? '').split(',').filter((s) => /^\d+$/.test(s)).map(Number);
    return { name: 'compare', runIds };
  }
  if (parts.length === 2 && parts[0] === 'figure' && id(parts[1]) !== null) return { name: 'figure', id: id(parts[1])! };
  if (parts.length === 2 && parts[0] === 'sweep' && id(parts[1]) !== null) return { name: 'sweep', id: id(parts[1])! };
  return { name: 'notFound', hash };
}

export const href = {
  projects: () => '#/',
  project: (id: Id) => `#/project/${id}`,
  newExperiment: (projectId: Id, kind?: string) => `#/project/${projectId}/new-experiment${kind ? `?kind=${encodeURIComponent(kind)}` : ''}`,
  experiment: (id: Id) => `#/experiment/${id}`,
  run: (id: Id) => `#/run/${id}`,
  compare: (runIds: readonly Id[]) => `#/compare?runs=${runIds.join(',')}`,
  figure: (id: Id) => `#/figure/${id}`,
  sweep: (id: Id) => `#/sweep/${id}`,
};

/**
 * Hash routing: the hash is the whole navigation state, so a reload or a restart of the app lands on
 * the same view, and file:// (Electron) needs no server-side fallback.
 */
export class Router {
  route = $state<Route>(parseHash(location.hash));
  /** The project the current view belongs to (set by experiment and run views), for the sidebar. */
  projectId = $state<Id | null>(null);

  constructor() {
    window.addEventListener('hashchange', () => this.set(parseHash(location.hash)));
  }

  navigate(hash: string): void {
    if (location.hash === hash) this.set(parseHash(hash));
    else location.hash = hash;
  }

  /** Replaces the current history entry (e.g. "new experiment" becoming the saved experiment). */
  replace(hash: string): void {
    history.replaceState(history.state, '', hash);
    this.set(parseHash(hash));
  }

  private set(route: Route): void {
    this.route = route;
    this.projectId = null;
  }
}

export const router = new Router();
