import type { Experiment, Id, ProjectDetail } from '../../../electron/api';
import { api } from './api';
import { WorkbenchError } from './WorkbenchError';

/** Which project each experiment seen so far belongs to. */
const projectOfExperiment = new Map<Id, Id>();

/** Call with every project detail fetched, so `#/experiment/:id` usually resolves in one request. */
export function rememberExperiments(detail: ProjectDetail): void {
  for (const e of detail.experiments) projectOfExperiment.set(e.id, e.projectId);
}

/**
 * The contract has no `getExperiment(id)`: an experiment is reached through its project. A reload of
 * `#/experiment/:id` in a fresh tab therefore scans the projects once (they are few); everything
 * navigated to inside the app is already in the index.
 */
export async function findExperiment(id: Id): Promise<{ experiment: Experiment; detail: ProjectDetail }> {
  const known = projectOfExperiment.get(id);
  if (known !== undefined) {
    try {
      const detail = await api.getProject(known);
      rememberExperiments(detail);
      const experiment = detail.experiments.find((e) => e.id === id);
      if (experiment) return { experiment, detail };
    } catch (error) {
      if (WorkbenchError.from(error).name !== 'NotFoundError') throw error;
    }
  }
  for (const project of await api.listProjects()) {
    if (project.id === known || project.experimentCount === 0) continue;
    const detail = await api.getProject(project.id);
    rememberExperiments(detail);
    const experiment = detail.experiments.find((e) => e.id === id);
    if (experiment) return { experiment, detail };
  }
  throw new WorkbenchError('NotFoundError', `Experiment ${id} does not exist (it may have been deleted).`);
}
