-- Document metadata as columns (the names of DocumentMetadataColumns, as in documents.csv), filled on save, so SQL can
-- filter and join on them; the JSON column `metadata` stays, with every field (format_title, created …), for
-- compatibility. Rows saved before this version have NULLs here until their document is extracted again.
ALTER TABLE documents ADD COLUMN title TEXT;
ALTER TABLE documents ADD COLUMN author TEXT;
ALTER TABLE documents ADD COLUMN organisation TEXT;
ALTER TABLE documents ADD COLUMN journal TEXT;
ALTER TABLE documents ADD COLUMN issuer TEXT;
ALTER TABLE documents ADD COLUMN date TEXT;
ALTER TABLE documents ADD COLUMN doc_number TEXT;
ALTER TABLE documents ADD COLUMN keywords TEXT;
ALTER TABLE documents ADD COLUMN doc_kind TEXT;
ALTER TABLE documents ADD COLUMN own_region TEXT;
ALTER TABLE documents ADD COLUMN region_code TEXT;
ALTER TABLE documents ADD COLUMN region_source TEXT;
ALTER TABLE documents ADD COLUMN period TEXT;
CREATE INDEX IF NOT EXISTS documents_own_region ON documents(own_region);
