-- The Postgres search engine keeps the filter columns of every document in memory
-- (search/postgres-columns.server.ts): PostgreSQL matches the text, the engine filters, counts
-- facets and sorts. Each process brings its copy up to date from the rows written since it last
-- looked (written_xid), and the removals since (search_removals); document_number names a row
-- there. The sort indexes are no longer used.
CREATE TABLE "search_removals" (
	"document_number" bigint,
	"removed_xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"removed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "search_documents_published_at_idx";--> statement-breakpoint
DROP INDEX "search_documents_amount_idx";--> statement-breakpoint
DROP INDEX "search_documents_closing_date_idx";--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "document_number" bigint NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "search_documents_document_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1);--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "written_xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
CREATE INDEX "search_documents_written_xid_idx" ON "search_documents" USING btree ("written_xid");