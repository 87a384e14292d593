-- Entities and measures read by OCR (issue 14, as figures in 006): where the record's text came from ('text': a text
-- layer or a file; 'ocr') and Tesseract's lowest confidence (0-100) among its words.
ALTER TABLE entities ADD COLUMN source TEXT NOT NULL DEFAULT 'text';
ALTER TABLE entities ADD COLUMN ocr_confidence REAL;
ALTER TABLE measures ADD COLUMN source TEXT NOT NULL DEFAULT 'text';
ALTER TABLE measures ADD COLUMN ocr_confidence REAL;
