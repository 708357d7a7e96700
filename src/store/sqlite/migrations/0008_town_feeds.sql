-- 8: each town's calendar feed: the unguessable token in its address (renewed by a moderator,
-- which ends the old address), looked up by token when a calendar app fetches the feed.
CREATE TABLE town_feeds (
    guild_id    INTEGER PRIMARY KEY,
    token       TEXT NOT NULL UNIQUE,
    made_at     TEXT NOT NULL
);
