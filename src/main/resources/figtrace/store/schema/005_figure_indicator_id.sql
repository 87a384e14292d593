-- Every figure carries the id of its catalogued indicator (patterns/indicators.tsv: gdp, resident_population …),
-- empty when none fits. Databases made before keep their rows; they get ids when their documents are extracted again.
ALTER TABLE figures ADD COLUMN indicator_id TEXT;
CREATE INDEX IF NOT EXISTS figures_indicator_id ON figures(indicator_id);
