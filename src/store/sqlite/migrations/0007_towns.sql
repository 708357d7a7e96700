-- 7: each server's own town, one document (the data files' TOML) per version, with who made it,
-- when, and what it did (JSON, the shape of crate::state::town::TownChange); the current version
-- of each; what the poster needs of each partner (derived from the current version, replaced with
-- it); and actions a member began and may finish with a button or a form (pending).
CREATE TABLE towns (
    guild_id    INTEGER PRIMARY KEY,
    version     INTEGER NOT NULL,
    -- Set while the current version is a deletion: its history is erased 30 days after.
    deleted_at  TEXT
);
CREATE TABLE town_versions (
    guild_id    INTEGER NOT NULL,
    version     INTEGER NOT NULL,
    document    TEXT,
    made_at     TEXT NOT NULL,
    made_by     INTEGER,
    change      TEXT NOT NULL,
    PRIMARY KEY (guild_id, version)
);
CREATE TABLE town_dates (
    guild_id    INTEGER NOT NULL,
    partner_id  TEXT NOT NULL,
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    year        INTEGER NOT NULL,
    month       INTEGER,
    day         INTEGER,
    suspended   INTEGER NOT NULL,
    PRIMARY KEY (guild_id, partner_id)
);
CREATE INDEX town_dates_by_day ON town_dates (month, day);
CREATE TABLE pending (
    id          INTEGER PRIMARY KEY,
    guild_id    INTEGER NOT NULL,
    user_id     INTEGER NOT NULL,
    command     TEXT NOT NULL,
    base        INTEGER NOT NULL,
    data        TEXT NOT NULL,
    expires_at  TEXT NOT NULL
);
CREATE INDEX pending_by_expiry ON pending (expires_at);
