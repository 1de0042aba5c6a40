-- @route GET /customers/{customer_id}
-- @description A customer with the name of their country, by primary key.
-- @weight 30
-- @param customer_id sample: SELECT id FROM shop.customers
--
-- @statement the customer
SELECT c.name, c.email, co.name AS country
FROM shop.customers c
JOIN shop.countries co ON co.code = c.country_code
WHERE c.id = :customer_id;
