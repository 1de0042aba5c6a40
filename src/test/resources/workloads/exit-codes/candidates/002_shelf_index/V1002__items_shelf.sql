-- An index the shelf count can use: the candidate the in-place fault test interrupts.
CREATE INDEX items_shelf_idx ON items (shelf);
