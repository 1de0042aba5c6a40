-- @route GET /customers/{customer_id}/payments
-- @description A customer's payments, through the partitioned parent: every month is read.
-- @weight 50
-- @param customer_id sample: SELECT id FROM customer
--
-- @statement the customer's payments
SELECT id, amount, paid_on
FROM payment
WHERE customer_id = :customer_id;
