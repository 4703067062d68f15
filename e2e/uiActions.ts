/** UI steps shared by the e2e specs: each drives the real form the way a person would. */
import { expect, type WorkbenchApp } from './fixtures';

/** Creates a project and an experiment of `kind` through the UI; leaves the editor open. */
export async function createExperiment(app: WorkbenchApp, project: string, kind: string, name: string): Promise<void> {
  const { page } = app;
  await page.getByTestId('new-project-name').fill(project);
  await page.getByTestId('create-project').click();
  await page.getByTestId('project-item').filter({ hasText: project }).getByText(project).click();
  await page.getByTestId('new-experiment').click();
  await page.getByTestId('kind-select').selectOption(kind);
  await page.getByTestId('experiment-name').fill(name);
}

/** Types into the generated form field at a dotted parameter path and leaves it (validation runs on blur). */
export async function setField(app: WorkbenchApp, path: string, value: string): Promise<void> {
  const field = app.page.getByTestId(`field-${path}`);
  await field.fill(value);
  await field.blur();
}

/** A project with an mp-sanity experiment run once per value of d (n = 200): small runs to compare. */
export async function runsOverD(app: WorkbenchApp, project: string, ds: string[] = ['300', '400', '600']): Promise<void> {
  const { page } = app;
  await createExperiment(app, project, 'mp-sanity', 'wishart');
  for (const [i, d] of ds.entries()) {
    if (i > 0) await page.getByRole('link', { name: 'Open experiment' }).click();
    await setField(app, 'n', '200');
    await setField(app, 'd', d);
    await page.getByTestId('run-experiment').click();
    await expect(page.getByTestId('run-status')).toHaveText(/done/i, { timeout: 120_000 });
  }
  await page.getByTestId('project-item').filter({ hasText: project }).getByText(project).click();
  await expect(page.getByTestId('run-row')).toHaveCount(ds.length);
}
