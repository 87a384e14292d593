-- The panel (see PanelStage): one row per indicator, region, period and scope with the chosen value and source;
-- every figure behind a row in panel_sources (the chosen one flagged); reconciliation checks in panel_checks.
-- Derived data: replaced whole after every run, so it always matches the figures and the review decisions.
CREATE TABLE IF NOT EXISTS panel (
  indicator_id TEXT NOT NULL, indicator TEXT, region TEXT NOT NULL, region_code TEXT, period TEXT NOT NULL,
  scope TEXT NOT NULL, value TEXT NOT NULL, value_num REAL, unit TEXT, status TEXT NOT NULL, n_sources INTEGER NOT NULL,
  doc TEXT NOT NULL, page INTEGER, line INTEGER, quote TEXT, figure_id TEXT NOT NULL,
  PRIMARY KEY (indicator_id, region, period, scope));
CREATE TABLE IF NOT EXISTS panel_sources (
  indicator_id TEXT NOT NULL, region TEXT NOT NULL, period TEXT NOT NULL, scope TEXT NOT NULL,
  figure_id TEXT NOT NULL, chosen INTEGER NOT NULL CHECK (chosen IN (0, 1)));
CREATE INDEX IF NOT EXISTS panel_sources_figure ON panel_sources(figure_id);
CREATE TABLE IF NOT EXISTS panel_checks (
  id INTEGER PRIMARY KEY, check_kind TEXT NOT NULL, indicator_id TEXT NOT NULL, region TEXT NOT NULL,
  period TEXT NOT NULL, scope TEXT NOT NULL, status TEXT NOT NULL, expected TEXT, actual TEXT,
  first_doc TEXT, first_figure_id TEXT, second_doc TEXT, second_figure_id TEXT, reason TEXT);
