-- 8: each town's calendar feed (PostgreSQL's dialect of the SQLite schema's version 8): the
-- unguessable token in its address, looked up by token when a calendar app fetches the feed.
CREATE TABLE town_feeds (
    guild_id    BIGINT PRIMARY KEY,
    token       TEXT NOT NULL UNIQUE,
    made_at     TIMESTAMPTZ NOT NULL
);
