-- 4: the language of a server's anniversary posts, chosen with /anniversary-settings language:
-- (a Discord locale such as "de"; none saved: English, as before).
ALTER TABLE settings ADD COLUMN language TEXT;
