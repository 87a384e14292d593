-- Schema version 1: documents, their figures and their text (figtrace's first database).
CREATE TABLE documents (
  doc TEXT PRIMARY KEY, sha256 TEXT NOT NULL, type TEXT NOT NULL, pages INTEGER, status TEXT NOT NULL,
  issues TEXT NOT NULL, figure_count INTEGER NOT NULL, metadata TEXT NOT NULL, extracted_at TEXT NOT NULL);

-- (doc, id) rather than id alone: two copies of one file under different names may well get equal ids, since ids are
-- derived from content; both copies must still be storable.
CREATE TABLE figures (
  id TEXT NOT NULL, doc TEXT NOT NULL REFERENCES documents(doc) ON DELETE CASCADE, page INTEGER,
  line INTEGER NOT NULL, char_start INTEGER NOT NULL, char_end INTEGER NOT NULL, quote TEXT,
  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, raw TEXT NOT NULL, value TEXT, value_num REAL,
  unit TEXT, measure_word TEXT, kind TEXT, qualifier TEXT, time TEXT, region TEXT, subject TEXT,
  indicator TEXT, change TEXT, target INTEGER NOT NULL CHECK (target IN (0, 1)), rule TEXT, note TEXT,
  PRIMARY KEY (doc, id));

CREATE TABLE document_text (
  doc TEXT PRIMARY KEY REFERENCES documents(doc) ON DELETE CASCADE, text TEXT NOT NULL);

CREATE INDEX figures_doc ON figures(doc);
CREATE INDEX figures_subject ON figures(subject);
CREATE INDEX figures_region ON figures(region);
