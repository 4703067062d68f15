-- Spectra Workbench schema, version 10: projects, experiments, runs (the job queue), run arrays,
-- figures and tags. Forward only: never edit this file after it lands; add 0020-….sql instead.

CREATE TABLE projects (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

CREATE TABLE experiments (
  id          INTEGER PRIMARY KEY,
  project_id  INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL,
  name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  params      TEXT NOT NULL CHECK (json_valid(params)),
  note        TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX experiments_project ON experiments(project_id);

-- The runs table is the job queue: the scheduler takes the oldest 'queued' row.
CREATE TABLE runs (
  id               INTEGER PRIMARY KEY,
  experiment_id    INTEGER NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
  kind             TEXT NOT NULL,
  experiment_name  TEXT NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('queued','running','done','failed','cancelled','interrupted')),
  params           TEXT NOT NULL CHECK (json_valid(params)),
  summary          TEXT NOT NULL DEFAULT '',
  seed             INTEGER NOT NULL CHECK (seed BETWEEN 0 AND 4294967295),
  engine_version   TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  started_at       TEXT,
  finished_at      TEXT,
  progress         REAL NOT NULL DEFAULT 0,
  stage            TEXT NOT NULL DEFAULT '',
  error            TEXT,
  -- The result with its arrays replaced by references into run_arrays; NULL until done.
  result           TEXT CHECK (result IS NULL OR json_valid(result)),
  note             TEXT NOT NULL DEFAULT ''
);
CREATE INDEX runs_experiment ON runs(experiment_id, id);
CREATE INDEX runs_status ON runs(status, id);
CREATE INDEX runs_created ON runs(created_at);

-- Named Float64 arrays of a run: little-endian IEEE-754 bytes with their shape (JSON array).
CREATE TABLE run_arrays (
  run_id  INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  name    TEXT NOT NULL,
  shape   TEXT NOT NULL CHECK (json_valid(shape)),
  data    BLOB NOT NULL,
  PRIMARY KEY (run_id, name)
) WITHOUT ROWID;

CREATE TABLE figures (
  id          INTEGER PRIMARY KEY,
  project_id  INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  spec        TEXT NOT NULL CHECK (json_valid(spec)),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX figures_project ON figures(project_id);

CREATE TABLE tags (
  run_id  INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  tag     TEXT NOT NULL CHECK (length(tag) BETWEEN 1 AND 64),
  PRIMARY KEY (run_id, tag)
) WITHOUT ROWID;
CREATE INDEX tags_tag ON tags(tag);
