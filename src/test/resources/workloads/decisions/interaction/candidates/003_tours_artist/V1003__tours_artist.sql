-- The cascade into tours (160,000 rows).
CREATE INDEX tours_artist_id_idx ON tours (artist_id);
