-- A typo in the statement: the migration fails on the copy.
CREATE INDEKS items_shelf_idx ON items (shelf);
