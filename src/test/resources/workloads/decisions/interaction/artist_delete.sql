-- @route POST /artists/delete/{artist_id}
-- @description Deletes an artist; cascades to plays, tours and likes.
-- @param artist_id sample: SELECT id FROM artists
--
-- @statement delete the artist
DELETE FROM artists WHERE id = :artist_id;
