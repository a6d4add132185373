CREATE TYPE "public"."application_status" AS ENUM('submitted', 'withdrawn', 'shortlisted', 'declined');--> statement-breakpoint
CREATE TYPE "public"."juror_kind" AS ENUM('investor', 'independent');--> statement-breakpoint
CREATE TYPE "public"."round_question_kind" AS ENUM('short_text', 'long_text', 'choice', 'number', 'file');--> statement-breakpoint
CREATE TYPE "public"."round_status" AS ENUM('draft', 'open', 'under_review', 'shortlisted', 'closed');--> statement-breakpoint
CREATE TABLE "application_answers" (
	"application_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"text" text,
	"number" integer,
	"stored_file" text,
	"file_name" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_answers_application_id_question_id_pk" PRIMARY KEY("application_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"startup_organisation_id" uuid NOT NULL,
	"status" "application_status" DEFAULT 'submitted' NOT NULL,
	"eligibility" jsonb NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"feedback" text,
	"outcome_sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "conflict_declarations" (
	"application_id" uuid NOT NULL,
	"juror_id" uuid NOT NULL,
	"conflicted" boolean NOT NULL,
	"reason" text,
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conflict_declarations_application_id_juror_id_pk" PRIMARY KEY("application_id","juror_id")
);
--> statement-breakpoint
CREATE TABLE "eligibility_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"startup_organisation_id" uuid NOT NULL,
	"proposal_id" uuid,
	"result" jsonb NOT NULL,
	"eligible" boolean NOT NULL,
	"checked_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "investor_stakes" (
	"investor_organisation_id" uuid NOT NULL,
	"startup_organisation_id" uuid NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "investor_stakes_investor_organisation_id_startup_organisation_id_pk" PRIMARY KEY("investor_organisation_id","startup_organisation_id")
);
--> statement-breakpoint
CREATE TABLE "pool_pledges" (
	"round_id" uuid NOT NULL,
	"investor_organisation_id" uuid NOT NULL,
	"pledge_cents" bigint NOT NULL,
	"matches_commitments" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pool_pledges_round_id_investor_organisation_id_pk" PRIMARY KEY("round_id","investor_organisation_id")
);
--> statement-breakpoint
CREATE TABLE "review_scores" (
	"review_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"shared_with_applicant" boolean DEFAULT false NOT NULL,
	CONSTRAINT "review_scores_review_id_criterion_id_pk" PRIMARY KEY("review_id","criterion_id")
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"juror_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "round_commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"investor_organisation_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "round_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"weight" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "round_jurors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"kind" "juror_kind" NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"investor_organisation_id" uuid,
	"user_id" uuid,
	"token_hash" text,
	"invited_by" uuid,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accepted_at" timestamp with time zone,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "round_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" "round_question_kind" NOT NULL,
	"label" jsonb NOT NULL,
	"help" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"required" boolean DEFAULT true NOT NULL,
	"choices" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "round_transitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"from_status" "round_status",
	"to_status" "round_status" NOT NULL,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"organiser_organisation_id" uuid NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" "round_status" DEFAULT 'draft' NOT NULL,
	"eligible_regions" text[] DEFAULT '{}' NOT NULL,
	"eligible_countries" text[] DEFAULT '{}' NOT NULL,
	"eligible_subsectors" text[] DEFAULT '{}' NOT NULL,
	"eligible_stages" text[] DEFAULT '{}' NOT NULL,
	"min_trl" integer,
	"amount_min_cents" bigint,
	"amount_max_cents" bigint,
	"max_company_age_years" integer,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"time_zone" text DEFAULT 'Europe/Madrid' NOT NULL,
	"score_scale" integer DEFAULT 5 NOT NULL,
	"match_ratio_percent" integer DEFAULT 100 NOT NULL,
	"match_cap_per_startup_cents" bigint,
	"match_cap_round_cents" bigint,
	"match_min_committed_cents" bigint DEFAULT 0 NOT NULL,
	"match_min_investors" integer DEFAULT 1 NOT NULL,
	"match_requires_cross_border" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "application_answers" ADD CONSTRAINT "application_answers_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_answers" ADD CONSTRAINT "application_answers_question_id_round_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."round_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_startup_organisation_id_organisations_id_fk" FOREIGN KEY ("startup_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_declarations" ADD CONSTRAINT "conflict_declarations_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_declarations" ADD CONSTRAINT "conflict_declarations_juror_id_round_jurors_id_fk" FOREIGN KEY ("juror_id") REFERENCES "public"."round_jurors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_checks" ADD CONSTRAINT "eligibility_checks_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_checks" ADD CONSTRAINT "eligibility_checks_startup_organisation_id_organisations_id_fk" FOREIGN KEY ("startup_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_checks" ADD CONSTRAINT "eligibility_checks_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_checks" ADD CONSTRAINT "eligibility_checks_checked_by_users_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investor_stakes" ADD CONSTRAINT "investor_stakes_investor_organisation_id_organisations_id_fk" FOREIGN KEY ("investor_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investor_stakes" ADD CONSTRAINT "investor_stakes_startup_organisation_id_organisations_id_fk" FOREIGN KEY ("startup_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investor_stakes" ADD CONSTRAINT "investor_stakes_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_pledges" ADD CONSTRAINT "pool_pledges_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_pledges" ADD CONSTRAINT "pool_pledges_investor_organisation_id_organisations_id_fk" FOREIGN KEY ("investor_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_scores" ADD CONSTRAINT "review_scores_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_scores" ADD CONSTRAINT "review_scores_criterion_id_round_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."round_criteria"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_juror_id_round_jurors_id_fk" FOREIGN KEY ("juror_id") REFERENCES "public"."round_jurors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_commitments" ADD CONSTRAINT "round_commitments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_commitments" ADD CONSTRAINT "round_commitments_investor_organisation_id_organisations_id_fk" FOREIGN KEY ("investor_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_commitments" ADD CONSTRAINT "round_commitments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_criteria" ADD CONSTRAINT "round_criteria_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_jurors" ADD CONSTRAINT "round_jurors_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_jurors" ADD CONSTRAINT "round_jurors_investor_organisation_id_organisations_id_fk" FOREIGN KEY ("investor_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_jurors" ADD CONSTRAINT "round_jurors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_jurors" ADD CONSTRAINT "round_jurors_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_questions" ADD CONSTRAINT "round_questions_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_transitions" ADD CONSTRAINT "round_transitions_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_transitions" ADD CONSTRAINT "round_transitions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rounds" ADD CONSTRAINT "rounds_organiser_organisation_id_organisations_id_fk" FOREIGN KEY ("organiser_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rounds" ADD CONSTRAINT "rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applications_round_idx" ON "applications" USING btree ("round_id","submitted_at");--> statement-breakpoint
CREATE INDEX "applications_startup_idx" ON "applications" USING btree ("startup_organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_one_active" ON "applications" USING btree ("round_id","startup_organisation_id") WHERE status <> 'withdrawn';--> statement-breakpoint
CREATE INDEX "eligibility_checks_round_idx" ON "eligibility_checks" USING btree ("round_id","created_at");--> statement-breakpoint
CREATE INDEX "investor_stakes_startup_idx" ON "investor_stakes" USING btree ("startup_organisation_id");--> statement-breakpoint
CREATE INDEX "pool_pledges_investor_idx" ON "pool_pledges" USING btree ("investor_organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_application_juror_key" ON "reviews" USING btree ("application_id","juror_id");--> statement-breakpoint
CREATE INDEX "reviews_juror_idx" ON "reviews" USING btree ("juror_id");--> statement-breakpoint
CREATE INDEX "round_commitments_application_idx" ON "round_commitments" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "round_commitments_one_active" ON "round_commitments" USING btree ("application_id","investor_organisation_id") WHERE withdrawn_at is null;--> statement-breakpoint
CREATE INDEX "round_criteria_round_idx" ON "round_criteria" USING btree ("round_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "round_jurors_round_email_key" ON "round_jurors" USING btree ("round_id",lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "round_jurors_token_hash_key" ON "round_jurors" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "round_jurors_user_idx" ON "round_jurors" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "round_questions_round_idx" ON "round_questions" USING btree ("round_id","position");--> statement-breakpoint
CREATE INDEX "round_transitions_round_idx" ON "round_transitions" USING btree ("round_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "rounds_slug_key" ON "rounds" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "rounds_organiser_idx" ON "rounds" USING btree ("organiser_organisation_id");--> statement-breakpoint
CREATE INDEX "rounds_status_idx" ON "rounds" USING btree ("status");