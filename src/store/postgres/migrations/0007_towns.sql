-- 7: each server's own town (PostgreSQL's dialect of the SQLite schema's version 7): one document
-- (the data files' TOML) per version, with who made it, when, and what it did (JSONB, the shape of
-- crate::state::town::TownChange); the current version of each; what the poster needs of each
-- partner; and actions a member began and may finish with a button or a form (pending).
CREATE TABLE towns (
    guild_id    BIGINT PRIMARY KEY,
    version     BIGINT NOT NULL,
    deleted_at  TIMESTAMPTZ
);
CREATE TABLE town_versions (
    guild_id    BIGINT NOT NULL,
    version     BIGINT NOT NULL,
    document    TEXT,
    made_at     TIMESTAMPTZ NOT NULL,
    made_by     BIGINT,
    change      JSONB NOT NULL,
    PRIMARY KEY (guild_id, version)
);
CREATE TABLE town_dates (
    guild_id    BIGINT NOT NULL,
    partner_id  TEXT NOT NULL,
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    year        INTEGER NOT NULL,
    month       INTEGER,
    day         INTEGER,
    suspended   BOOLEAN NOT NULL,
    PRIMARY KEY (guild_id, partner_id)
);
CREATE INDEX town_dates_by_day ON town_dates (month, day);
CREATE TABLE pending (
    id          BIGINT PRIMARY KEY,
    guild_id    BIGINT NOT NULL,
    user_id     BIGINT NOT NULL,
    command     TEXT NOT NULL,
    base        BIGINT NOT NULL,
    data        JSONB NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX pending_by_expiry ON pending (expires_at);
