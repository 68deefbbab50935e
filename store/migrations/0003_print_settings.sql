-- Where exported PDFs go, and the seal or logo printed with the company block.
ALTER TABLE company ADD COLUMN exports_dir TEXT NOT NULL DEFAULT '';
ALTER TABLE company ADD COLUMN seal_path TEXT NOT NULL DEFAULT '';
