-- Sweeps: one experiment run over a list of values of one parameter, with repeats. Each point ×
-- repeat is an ordinary run (so the queue, cancel and crash handling apply unchanged), linked here.

CREATE TABLE sweeps (
  id             INTEGER PRIMARY KEY,
  experiment_id  INTEGER NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
  -- Dotted path of the swept parameter inside params, e.g. "model.theta.0" or "widths.1".
  param          TEXT NOT NULL CHECK (length(param) BETWEEN 1 AND 200),
  vals           TEXT NOT NULL CHECK (json_valid(vals)),
  repeats        INTEGER NOT NULL CHECK (repeats BETWEEN 1 AND 1000),
  base_seed      INTEGER NOT NULL CHECK (base_seed BETWEEN 0 AND 4294967295),
  created_at     TEXT NOT NULL
);
CREATE INDEX sweeps_experiment ON sweeps(experiment_id);

ALTER TABLE runs ADD COLUMN sweep_id INTEGER REFERENCES sweeps(id) ON DELETE CASCADE;
ALTER TABLE runs ADD COLUMN sweep_value REAL;
ALTER TABLE runs ADD COLUMN sweep_repeat INTEGER;
CREATE INDEX runs_sweep ON runs(sweep_id, sweep_value);
