-- The program counts lengths in characters as people do (code points: an emoji is one); H2 counts a
-- VARCHAR's length in UTF-16 units (an emoji is two). The columns hold twice the program's limits so
-- that what the program accepts, either database stores. (PostgreSQL counts code points already.)

ALTER TABLE certificate ALTER COLUMN organisation SET DATA TYPE VARCHAR(2000);
ALTER TABLE certificate ALTER COLUMN reference SET DATA TYPE VARCHAR(400);
ALTER TABLE certificate_event ALTER COLUMN assessment_name SET DATA TYPE VARCHAR(2000);
