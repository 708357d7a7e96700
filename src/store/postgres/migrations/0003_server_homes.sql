-- 3: the home cities each server's commands answer for, chosen with /home (none saved: every
-- home loaded).
CREATE TABLE server_homes (
    guild_id    BIGINT NOT NULL,
    home        TEXT NOT NULL,
    position    INTEGER NOT NULL,
    PRIMARY KEY (guild_id, home)
);
