-- Bulk review and undo. Decisions made by one action (accept every figure of a filter result, a table or a document)
-- share a batch; undo flags the last batch (or single decision) as undone instead of deleting it, so every decision
-- stays in the store. 'reset' returns a figure to unreviewed (its corrections no longer apply).
-- SQLite cannot change a CHECK constraint in place: the table is rebuilt with its rows, ids and index.
CREATE TABLE decisions_v3 (
  id INTEGER PRIMARY KEY AUTOINCREMENT, figure_id TEXT NOT NULL, doc TEXT NOT NULL, doc_sha256 TEXT,
  char_start INTEGER NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, quote TEXT,
  raw TEXT NOT NULL, action TEXT NOT NULL CHECK (action IN ('accept', 'reject', 'correct', 'note', 'reset')),
  field TEXT, new_value TEXT, note TEXT, created_at TEXT NOT NULL,
  orphaned INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1)),
  batch TEXT,
  undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)));
INSERT INTO decisions_v3 (id, figure_id, doc, doc_sha256, char_start, span_start, span_end, quote, raw, action, field,
  new_value, note, created_at, orphaned)
  SELECT id, figure_id, doc, doc_sha256, char_start, span_start, span_end, quote, raw, action, field, new_value, note,
         created_at, orphaned FROM decisions;
DROP TABLE decisions;
ALTER TABLE decisions_v3 RENAME TO decisions;
CREATE INDEX decisions_figure ON decisions(doc, figure_id, id);
CREATE INDEX decisions_batch ON decisions(batch);
