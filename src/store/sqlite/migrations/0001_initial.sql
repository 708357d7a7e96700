-- 1: settings per server, the ledger of posts, and when each server's posts were enabled.
CREATE TABLE settings (
    guild_id    INTEGER PRIMARY KEY,
    enabled     INTEGER NOT NULL,
    channel_id  INTEGER,
    at          TEXT NOT NULL,
    timezone    TEXT NOT NULL,
    digest      TEXT NOT NULL,
    template    TEXT,
    role_id     INTEGER,
    updated_at  TEXT NOT NULL,
    updated_by  INTEGER
);
CREATE TABLE posts (
    id          INTEGER PRIMARY KEY,
    guild_id    INTEGER NOT NULL,
    post_key    TEXT NOT NULL,
    due_utc     TEXT NOT NULL,
    channel_id  INTEGER NOT NULL,
    nonce       TEXT NOT NULL,
    content     TEXT NOT NULL,
    role_id     INTEGER,
    state       TEXT NOT NULL,
    attempts    INTEGER NOT NULL,
    belated     INTEGER NOT NULL,
    message_id  INTEGER,
    error       TEXT,
    next_try    TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (guild_id, post_key)
);
CREATE INDEX posts_by_state ON posts (state, guild_id);
CREATE TABLE enabled_since (
    guild_id    INTEGER NOT NULL,
    channel_id  INTEGER NOT NULL,
    since       TEXT NOT NULL,
    PRIMARY KEY (guild_id, channel_id)
);
