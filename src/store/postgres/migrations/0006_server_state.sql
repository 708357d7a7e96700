-- 6: each server's state as one document (JSONB, the shape of crate::state::ServerState) beside
-- its version, and who saved it when; the data files' version, followed by every process.
-- (PostgreSQL's dialect of the SQLite schema's version 6.) The settings and home cities are
-- moved into the documents by the store's Rust step (state_of in src/store/mod.rs), which then
-- drops their tables.
CREATE TABLE servers (
    guild_id    BIGINT PRIMARY KEY,
    version     BIGINT NOT NULL,
    state       JSONB NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    updated_by  BIGINT
);
CREATE TABLE data_version (
    version     BIGINT NOT NULL
);
INSERT INTO data_version (version) VALUES (0);
