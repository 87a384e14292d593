-- Schema version 2: everything that version-1 databases gained while user_version stayed 1 (columns added on open,
-- tables created if missing). Written so that it applies to any of those databases: ADD COLUMN of a column that is
-- already there is skipped by the migration runner, and tables and indices are created only if missing.

-- Incremental runs: the file's size and time when read, what extracted it, retirement of removed files.
ALTER TABLE documents ADD COLUMN size INTEGER;
ALTER TABLE documents ADD COLUMN mtime_ns INTEGER;
ALTER TABLE documents ADD COLUMN rules_fingerprint TEXT;
ALTER TABLE documents ADD COLUMN extractor_version TEXT;
ALTER TABLE documents ADD COLUMN issues_json TEXT;
ALTER TABLE documents ADD COLUMN retired INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN retired_at TEXT;
ALTER TABLE figures ADD COLUMN seq INTEGER;
ALTER TABLE figures ADD COLUMN retired INTEGER NOT NULL DEFAULT 0;

-- Entities, measures and the links between records.
CREATE TABLE IF NOT EXISTS entities (
  id TEXT NOT NULL, doc TEXT NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
  page INTEGER, line INTEGER, char_start INTEGER, char_end INTEGER, text TEXT, type TEXT, canonical TEXT,
  canonical_id TEXT, attributes TEXT, rule TEXT, PRIMARY KEY (doc, id));
CREATE TABLE IF NOT EXISTS measures (
  id TEXT NOT NULL, doc TEXT NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
  page INTEGER, line INTEGER, char_start INTEGER, char_end INTEGER, text TEXT, actor TEXT, status TEXT,
  instrument TEXT, linked_figures TEXT, entity_ids TEXT, rule TEXT, PRIMARY KEY (doc, id));
CREATE TABLE IF NOT EXISTS links (
  doc TEXT NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
  kind TEXT NOT NULL, from_id TEXT NOT NULL, to_id TEXT NOT NULL);

-- Each line's page and offsets, so the review page can cut a PDF page out of the text exactly.
CREATE TABLE IF NOT EXISTS document_lines (
  doc TEXT NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
  page INTEGER, number INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS document_lines_doc ON document_lines(doc, page);
CREATE INDEX IF NOT EXISTS entities_canonical ON entities(canonical_id);
CREATE INDEX IF NOT EXISTS links_from ON links(from_id);
CREATE INDEX IF NOT EXISTS links_to ON links(to_id);

-- Review decisions, kept apart from the extraction tables: re-extraction replaces figures rows, never decisions.
-- No foreign key to figures on purpose: a re-extraction deletes figures rows, and decisions must survive.
CREATE TABLE IF NOT EXISTS decisions (
  id INTEGER PRIMARY KEY AUTOINCREMENT, figure_id TEXT NOT NULL, doc TEXT NOT NULL, doc_sha256 TEXT,
  char_start INTEGER NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, quote TEXT,
  raw TEXT NOT NULL, action TEXT NOT NULL CHECK (action IN ('accept', 'reject', 'correct', 'note')),
  field TEXT, new_value TEXT, note TEXT, created_at TEXT NOT NULL,
  orphaned INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1)));
CREATE INDEX IF NOT EXISTS decisions_figure ON decisions(doc, figure_id, id);

-- The review page's filters and sorts (doc, subject and region have theirs since version 1).
CREATE INDEX IF NOT EXISTS review_figures_order ON figures(doc, span_start, id);
CREATE INDEX IF NOT EXISTS review_figures_time ON figures(time);
CREATE INDEX IF NOT EXISTS review_figures_kind ON figures(kind);
CREATE INDEX IF NOT EXISTS review_figures_indicator ON figures(indicator);
CREATE INDEX IF NOT EXISTS review_figures_value ON figures(value_num);
