-- Hardening (issue 15): the seal image is kept in the ledger, copied when it
-- is chosen, so that no PDF reads a path (which may change, or be a file an
-- SSH session should never see) after that. migrationSteps' fillSealImage
-- copies the image of the path set before.
ALTER TABLE company ADD COLUMN seal_image BLOB;
