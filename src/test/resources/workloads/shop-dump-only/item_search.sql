-- @route GET /items?q={q}
-- @param q oneof: mug, towel, kettle
SELECT sku, title, similarity(title, :q) AS score
FROM "Inventory".items
WHERE title ILIKE '%' || :q || '%'
ORDER BY score DESC;
