-- @route POST /users/platform
-- @description Moves a user to another streaming platform after reading their password hash.
-- @param user_id sample: SELECT id FROM users ORDER BY id
-- @param platform sample: SELECT platform_name FROM platforms ORDER BY id
--
-- user_id: any existing user.
-- platform: a platform's name as the client sends it, drawn independently of the user, so some
-- calls keep the user's current platform, as a client that resends its setting would.
--
-- @statement validate password
-- @returns password
SELECT password FROM users WHERE id = :user_id;

-- @statement set the user's platform
UPDATE users
SET platform_id = p.id
FROM (SELECT id FROM platforms WHERE platform_name = :platform) AS p
WHERE users.id = :user_id;
