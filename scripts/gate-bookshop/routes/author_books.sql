-- @route GET /authors/{author_id}/books
-- @description An author's ten latest books.
-- @weight 10
-- @param author_id sample: SELECT id FROM shop.authors
--
-- @statement the books
SELECT isbn, title, published_year
FROM shop.books
WHERE author_id = :author_id
ORDER BY published_year DESC
LIMIT 10;
