-- @route POST /users/create
-- @description Signs a user up: stores the argon2 hash of their password and returns the new id.
-- @param password format: $argon2id$v=19$m=65536,t=3,p=4${base62:22}${base62:43}
--
-- password: an argon2id hash string of the usual 96 characters. The app hashes the password
-- before the INSERT, so the database only ever sees a string of this shape.
--
-- @statement insert the user
-- @returns id
INSERT INTO users (password)
VALUES (:password)
RETURNING id;
