import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { ExperimentsRepo } from './experimentsRepo.js';
import { FiguresRepo } from './figuresRepo.js';
import { RunAnnotations } from './runAnnotations.js';
import { loadMigrations, type Migration } from './migrate.js';
import { openDatabase } from './openDatabase.js';
import { ProjectsRepo } from './projectsRepo.js';
import { RunsRepo } from './runsRepo.js';
import { SweepsRepo } from './sweepsRepo.js';
import { defaultMigrationsDir } from './defaultMigrationsDir.js';

export const DATABASE_FILE = 'workbench.sqlite';

/** The workbench's one database connection and its repositories. Owned by the main process. */
export class Store {
  readonly projects: ProjectsRepo;
  readonly experiments: ExperimentsRepo;
  readonly runs: RunsRepo;
  readonly sweeps: SweepsRepo;
  readonly figures: FiguresRepo;
  readonly annotations: RunAnnotations;

  private constructor(readonly db: Database.Database, readonly file: string) {
    this.projects = new ProjectsRepo(db);
    this.experiments = new ExperimentsRepo(db);
    this.runs = new RunsRepo(db);
    this.sweeps = new SweepsRepo(db);
    this.figures = new FiguresRepo(db);
    this.annotations = new RunAnnotations(db);
  }

  static open(dataDir: string, migrations: readonly Migration[] = loadMigrations(defaultMigrationsDir())): Store {
    const file = join(dataDir, DATABASE_FILE);
    return new Store(openDatabase(file, migrations), file);
  }

  /** Runs `fn` in one transaction: every multi-row write goes through here. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
