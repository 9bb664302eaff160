ALTER TYPE "public"."application_status" ADD VALUE 'accepted';--> statement-breakpoint
ALTER TYPE "public"."application_status" ADD VALUE 'rejected';--> statement-breakpoint
CREATE TABLE "review_assignment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"reviewer_id" text NOT NULL,
	"scores" jsonb,
	"comment" text DEFAULT '' NOT NULL,
	"total" double precision,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_assignment_once" UNIQUE("application_id","stage_id","reviewer_id")
);
--> statement-breakpoint
CREATE TABLE "review_conflict" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"reviewer_id" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_conflict_once" UNIQUE("application_id","reviewer_id")
);
--> statement-breakpoint
CREATE TABLE "review_stage" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"blind" boolean DEFAULT false NOT NULL,
	"criteria" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"comment_required" boolean DEFAULT false NOT NULL,
	"reviewers_per_application" integer DEFAULT 2 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_stage_call_position" UNIQUE("call_id","position"),
	CONSTRAINT "review_stage_k" CHECK ("review_stage"."reviewers_per_application" BETWEEN 1 AND 20)
);
--> statement-breakpoint
ALTER TABLE "application" ADD COLUMN "stage_id" uuid;--> statement-breakpoint
ALTER TABLE "application" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "review_assignment" ADD CONSTRAINT "review_assignment_application_id_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignment" ADD CONSTRAINT "review_assignment_stage_id_review_stage_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."review_stage"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignment" ADD CONSTRAINT "review_assignment_reviewer_id_user_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_conflict" ADD CONSTRAINT "review_conflict_application_id_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_conflict" ADD CONSTRAINT "review_conflict_reviewer_id_user_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_stage" ADD CONSTRAINT "review_stage_call_id_programme_call_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."programme_call"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "review_assignment_reviewer_idx" ON "review_assignment" USING btree ("reviewer_id","stage_id");--> statement-breakpoint
CREATE INDEX "review_assignment_stage_idx" ON "review_assignment" USING btree ("stage_id");--> statement-breakpoint
CREATE INDEX "review_conflict_reviewer_idx" ON "review_conflict" USING btree ("reviewer_id");--> statement-breakpoint
ALTER TABLE "application" ADD CONSTRAINT "application_stage_id_review_stage_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."review_stage"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_stage_idx" ON "application" USING btree ("stage_id");