-- @route DELETE /payments/{id}
-- @description Deletes a payment through the partitioned parent (every partition can hold it); its refunds go with it.
-- @weight 5
-- @param id sample: SELECT id FROM payment
--
-- @statement delete the payment
DELETE FROM payment WHERE id = :id;
