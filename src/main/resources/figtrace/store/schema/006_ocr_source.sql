-- Figures read by OCR (issue 13): where a figure's text came from ('text': a text layer or a file; 'ocr'), Tesseract's
-- lowest confidence (0-100) among its words, and its box on the page ("x0,y0,x1,y1" in PDF points from the top-left).
ALTER TABLE figures ADD COLUMN source TEXT NOT NULL DEFAULT 'text';
ALTER TABLE figures ADD COLUMN ocr_confidence REAL;
ALTER TABLE figures ADD COLUMN ocr_box TEXT;
