-- An index on a table of 300 rows: four pages either way.
CREATE INDEX codes_code_idx ON codes (code);
