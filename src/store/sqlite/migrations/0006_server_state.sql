-- 6: each server's state as one document (JSON, the shape of crate::state::ServerState) beside
-- its version, and who saved it when; the data files' version, followed by every process.
-- The settings and home cities are moved into the documents by the store's Rust step
-- (state_of in src/store/mod.rs), which then drops their tables.
CREATE TABLE servers (
    guild_id    INTEGER PRIMARY KEY,
    version     INTEGER NOT NULL,
    state       TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  INTEGER
);
CREATE TABLE data_version (
    version     INTEGER NOT NULL
);
INSERT INTO data_version (version) VALUES (0);
