-- @route GET /reports/2024-03?note={note}
-- @description The March payments with a note, read from the March partition by name.
-- @weight 10
-- @param note sample: SELECT note FROM payment_2024_03
--
-- @statement March payments with this note
SELECT id, amount
FROM payment_2024_03
WHERE note = :note;
