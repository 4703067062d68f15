-- Run history (issue 9): indexes for searching and sorting runs by kind, finish time and experiment
-- name, and for listing figures by recency. The figures and tags tables themselves came with 0010.

-- Filtering by kind (alone or within a project) and sorting by finish time without a full scan.
CREATE INDEX runs_kind ON runs(kind, id);
CREATE INDEX runs_finished ON runs(finished_at);
CREATE INDEX figures_project_updated ON figures(project_id, updated_at);
