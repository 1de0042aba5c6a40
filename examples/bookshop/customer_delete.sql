-- @route DELETE /customers/{customer_id}
-- @description Deletes a customer; cascades to its orders, their order_items (a two-column foreign key) and its reviews.
-- @weight 1
-- @param customer_id sample: SELECT id FROM shop.customers
--
-- @statement delete the customer
DELETE FROM shop.customers WHERE id = :customer_id;
