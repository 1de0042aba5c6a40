-- @route POST /ad/create
-- @description Creates an ad campaign aimed at one mood.
-- @param target_mood oneof: HAPPY, SAD, ANGRY
-- @param link format: https://ads.songstackify.example/campaign/{hex:12}
--
-- target_mood: one of the three moods the app knows.
-- link: the campaign's landing page.
--
-- @statement insert the campaign
INSERT INTO ad_campaigns (link, target_mood)
VALUES (:link, :target_mood);
