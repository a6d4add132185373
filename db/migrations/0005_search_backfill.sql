-- Proposals published before the search index existed are queued for indexing (the every-minute sync job picks them up).
INSERT INTO "search_outbox" ("proposal_id")
SELECT "id" FROM "proposals" WHERE "published_version_id" IS NOT NULL
ON CONFLICT ("proposal_id") DO NOTHING;
