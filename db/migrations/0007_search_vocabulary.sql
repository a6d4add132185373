-- The Postgres search engine matches misspelt query words against its vocabulary in memory
-- (search/postgres-vocabulary.ts), not by trigram search of search_terms: the trigram index
-- goes, and each process adds the words written since it last looked (written_xid).
DROP INDEX "search_terms_trgm_idx";--> statement-breakpoint
ALTER TABLE "search_terms" ADD COLUMN "written_xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
CREATE INDEX "search_terms_written_xid_idx" ON "search_terms" USING btree ("written_xid");