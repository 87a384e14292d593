-- Review decisions about a column or a row of a rebuilt table (issues 10 and 16): what its header means (region,
-- time or unit) corrected once for every cell under it. Kept by the table's content-stable identity (document, table
-- id, caption, the header text as printed), never by a row or column number a re-run could change; the per-figure
-- corrections it makes are ordinary decisions of batch 't<id>', recorded again for the cells under that header after
-- every run. Undone ones stay, flagged.
CREATE TABLE IF NOT EXISTS table_decisions (
  id INTEGER PRIMARY KEY AUTOINCREMENT, doc TEXT NOT NULL, table_id TEXT NOT NULL, caption TEXT,
  axis TEXT NOT NULL CHECK (axis IN ('column', 'row')), header TEXT NOT NULL,
  field TEXT NOT NULL CHECK (field IN ('region', 'time', 'unit')), new_value TEXT, created_at TEXT NOT NULL,
  undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)));
CREATE INDEX IF NOT EXISTS table_decisions_doc ON table_decisions(doc, table_id);
