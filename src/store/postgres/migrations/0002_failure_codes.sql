-- 2: why a post did not go out, as codes and Discord's own words instead of the bot's prose.
-- Rows written by version 1 keep their words as an 'earlier' failure.
ALTER TABLE posts ADD COLUMN failure TEXT;
ALTER TABLE posts ADD COLUMN failure_status BIGINT;
ALTER TABLE posts ADD COLUMN failure_code BIGINT;
ALTER TABLE posts ADD COLUMN failure_detail TEXT;
ALTER TABLE posts ADD COLUMN stopped TEXT;
UPDATE posts SET failure = 'earlier', failure_detail = error WHERE error IS NOT NULL;
ALTER TABLE posts DROP COLUMN error;
