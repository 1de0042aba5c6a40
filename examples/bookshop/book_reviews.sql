-- @route GET /books/{isbn}/reviews
-- @description A book page: the book with its author and rating, then its reviews, newest first.
-- @weight 40
-- @param isbn sample: SELECT isbn FROM shop.books
--
-- @statement the book
SELECT b.title, a.name AS author, shop.book_rating(b.isbn) AS rating
FROM shop.books b
JOIN shop.authors a ON a.id = b.author_id
WHERE b.isbn = :isbn;

-- @statement its reviews
SELECT r."starRating", r.body, r.created_at
FROM shop."Reviews" r
WHERE r.book_isbn = :isbn
ORDER BY r.created_at DESC;
