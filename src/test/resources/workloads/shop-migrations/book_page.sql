-- @route GET /books/{isbn}
-- @param isbn sample: SELECT isbn FROM shop.books
--
-- @statement the book and its author
SELECT b.title, a.name FROM shop.books b JOIN shop.authors a ON a.id = b.author_id
WHERE b.isbn = :isbn;

-- @statement its reviews
SELECT r."starRating", r.body FROM shop."Reviews" r WHERE r.book_isbn = :isbn;
