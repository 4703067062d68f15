import type { Id, Project } from '../../../../electron/api';
import { api } from '../api';

/** The project list, shared by the sidebar and the Projects view so both show the same names and counts. */
export class ProjectsStore {
  list = $state.raw<Project[]>([]);
  loaded = $state(false);
  error = $state<string | null>(null);
  private request = 0;

  async refresh(): Promise<void> {
    const mine = ++this.request;
    try {
      const list = await api.listProjects();
      if (mine !== this.request) return; // a newer refresh won
      this.list = list;
      this.error = null;
    } catch (error) {
      if (mine === this.request) this.error = (error as Error).message;
    } finally {
      if (mine === this.request) this.loaded = true;
    }
  }

  async create(name: string): Promise<Project> {
    const project = await api.createProject(name);
    this.list = [project, ...this.list.filter((p) => p.id !== project.id)];
    void this.refresh();
    return project;
  }

  async rename(id: Id, name: string): Promise<Project> {
    const project = await api.renameProject(id, name);
    this.list = this.list.map((p) => (p.id === id ? project : p));
    return project;
  }

  async remove(id: Id): Promise<void> {
    await api.deleteProject(id);
    this.list = this.list.filter((p) => p.id !== id);
  }

  byId(id: Id): Project | undefined {
    return this.list.find((p) => p.id === id);
  }
}

export const projects = new ProjectsStore();
