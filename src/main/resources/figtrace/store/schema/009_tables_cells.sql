-- Rebuilt tables (issue 10): each table's whole model as JSON with its caption, pages and unit as columns for SQL,
-- and one row per non-empty body cell with what its row and column say (figure_id links a numeric cell to its figure).
CREATE TABLE IF NOT EXISTS tables (id TEXT NOT NULL, doc TEXT NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
  seq INTEGER NOT NULL, pages TEXT, caption TEXT, unit TEXT, side TEXT, row_count INTEGER NOT NULL,
  column_count INTEGER NOT NULL, figure_count INTEGER NOT NULL, model TEXT NOT NULL, PRIMARY KEY (doc, id));
CREATE TABLE IF NOT EXISTS cells (doc TEXT NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
  table_id TEXT NOT NULL, row INTEGER NOT NULL, col INTEGER NOT NULL, text TEXT NOT NULL,
  char_start INTEGER NOT NULL, char_end INTEGER NOT NULL, page INTEGER, figure_id TEXT,
  row_label TEXT, subject TEXT, row_region TEXT, row_unit TEXT, col_header TEXT, col_role TEXT,
  col_region TEXT, col_period TEXT, col_measure TEXT, col_unit TEXT, col_change TEXT);
CREATE INDEX IF NOT EXISTS cells_table ON cells(doc, table_id);
CREATE INDEX IF NOT EXISTS cells_figure ON cells(figure_id);
