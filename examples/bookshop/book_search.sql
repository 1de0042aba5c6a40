-- @route GET /books?q={q}
-- @description Title search with a leading wildcard, first twenty by title.
-- @weight 30
-- @param q oneof: river, night, garden, war, love, house, stories
--
-- @statement search titles
SELECT isbn, title, price
FROM shop.books
WHERE title ILIKE '%' || :q || '%'
ORDER BY title
LIMIT 20;
