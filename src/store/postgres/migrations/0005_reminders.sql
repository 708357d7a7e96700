-- 5: advance reminders to the moderators' channel, n days before each anniversary (none saved:
-- off, as before), and when each server's reminders to a channel were turned on, kept apart
-- from its posts' (enabled_since).
ALTER TABLE settings ADD COLUMN remind_days INTEGER;
ALTER TABLE settings ADD COLUMN remind_channel_id BIGINT;
CREATE TABLE reminders_since (
    guild_id    BIGINT NOT NULL,
    channel_id  BIGINT NOT NULL,
    since       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (guild_id, channel_id)
);
