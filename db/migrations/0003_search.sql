CREATE TABLE "search_documents" (
	"proposal_id" uuid PRIMARY KEY NOT NULL,
	"hash" text NOT NULL,
	"document" jsonb NOT NULL,
	"subsector" text NOT NULL,
	"stage" text NOT NULL,
	"region" text,
	"country" text NOT NULL,
	"instrument" text NOT NULL,
	"development_phase" text NOT NULL,
	"therapeutic_areas" text[] DEFAULT '{}' NOT NULL,
	"trl" integer NOT NULL,
	"amount_sought_eur" bigint NOT NULL,
	"closing_date" date NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"public_tsv" "tsvector" NOT NULL,
	"full_tsv" "tsvector" NOT NULL,
	"indexed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_outbox" (
	"proposal_id" uuid PRIMARY KEY NOT NULL,
	"enqueued_at" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"last_attempt_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "search_terms" (
	"term" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX "search_documents_public_tsv_idx" ON "search_documents" USING gin ("public_tsv");--> statement-breakpoint
CREATE INDEX "search_documents_full_tsv_idx" ON "search_documents" USING gin ("full_tsv");--> statement-breakpoint
CREATE INDEX "search_documents_published_at_idx" ON "search_documents" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "search_documents_amount_idx" ON "search_documents" USING btree ("amount_sought_eur");--> statement-breakpoint
CREATE INDEX "search_documents_closing_date_idx" ON "search_documents" USING btree ("closing_date");--> statement-breakpoint
CREATE INDEX "search_terms_trgm_idx" ON "search_terms" USING gin ("term" gin_trgm_ops);