/**
 * Fault-test target: a workbench that keeps queueing small runs and finishing them, printing
 * "acked <runId>" after each run's row is committed. The fault suite SIGKILLs this process at random
 * moments (often in the middle of a result write) and then checks the database it leaves behind.
 */
import { createWorkbench } from '../workbench.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: crashTarget DATA_DIR');
const wb = createWorkbench({ dataDir, mode: 'web', poolSize: 1 });
const projects = await wb.handlers.listProjects();
const project = projects[0] ?? (await wb.handlers.createProject('faults'));
const experiment =
  (await wb.handlers.getProject(project.id)).experiments[0] ??
  (await wb.handlers.createExperiment({ projectId: project.id, kind: 'mp-sanity', name: 'churn', params: { n: 120, d: 160, bins: 20 } }));
wb.events.on('runChange', (r) => {
  if (r.status === 'done') process.stdout.write(`done ${r.id}\n`);
});
for (;;) {
  const run = await wb.handlers.startRun(experiment.id);
  process.stdout.write(`acked ${run.id}\n`);
  await new Promise((r) => setTimeout(r, 15));
}
