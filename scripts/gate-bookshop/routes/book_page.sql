-- @route GET /books/{isbn}
-- @description A book with its genre and author, by primary key.
-- @weight 50
-- @param isbn sample: SELECT isbn FROM shop.books
--
-- @statement the book
SELECT b.title, b.price, g.name AS genre, a.name AS author
FROM shop.books b
JOIN shop.genres g ON g.id = b.genre_id
JOIN shop.authors a ON a.id = b.author_id
WHERE b.isbn = :isbn;
