-- 1: settings per server, the ledger of posts, and when each server's posts were enabled.
-- (PostgreSQL's dialect of the SQLite schema's version 1: the same tables and columns.)
CREATE TABLE settings (
    guild_id    BIGINT PRIMARY KEY,
    enabled     BOOLEAN NOT NULL,
    channel_id  BIGINT,
    at          TEXT NOT NULL,
    timezone    TEXT NOT NULL,
    digest      TEXT NOT NULL,
    template    TEXT,
    role_id     BIGINT,
    updated_at  TIMESTAMPTZ NOT NULL,
    updated_by  BIGINT
);
CREATE TABLE posts (
    id          BIGSERIAL PRIMARY KEY,
    guild_id    BIGINT NOT NULL,
    post_key    TEXT NOT NULL,
    due_utc     TIMESTAMPTZ NOT NULL,
    channel_id  BIGINT NOT NULL,
    nonce       TEXT NOT NULL,
    content     TEXT NOT NULL,
    role_id     BIGINT,
    state       TEXT NOT NULL,
    attempts    INTEGER NOT NULL,
    belated     BOOLEAN NOT NULL,
    message_id  BIGINT,
    error       TEXT,
    next_try    TIMESTAMPTZ,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (guild_id, post_key)
);
CREATE INDEX posts_by_state ON posts (state, guild_id);
CREATE TABLE enabled_since (
    guild_id    BIGINT NOT NULL,
    channel_id  BIGINT NOT NULL,
    since       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (guild_id, channel_id)
);
