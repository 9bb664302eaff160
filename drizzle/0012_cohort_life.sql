CREATE TYPE "public"."kpi_frequency" AS ENUM('monthly', 'quarterly');--> statement-breakpoint
CREATE TYPE "public"."milestone_status" AS ENUM('open', 'submitted', 'approved', 'changes_requested');--> statement-breakpoint
CREATE TABLE "cohort_member" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"application_id" uuid,
	"starts_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cohort_member_once" UNIQUE("programme_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "kpi_form" (
	"programme_id" uuid PRIMARY KEY NOT NULL,
	"frequency" "kpi_frequency" DEFAULT 'monthly' NOT NULL,
	"due_day" integer DEFAULT 10 NOT NULL,
	"metrics" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"period" date NOT NULL,
	"values" jsonb NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_report_once" UNIQUE("member_id","period")
);
--> statement-breakpoint
CREATE TABLE "milestone" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"due_on" date NOT NULL,
	"status" "milestone_status" DEFAULT 'open' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" text,
	"review_comment" text DEFAULT '' NOT NULL,
	"reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "milestone_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"milestone_id" uuid NOT NULL,
	"name" text NOT NULL,
	"url" text,
	"mime" text,
	"bytes" integer,
	"sha256" text,
	"content" "bytea",
	"uploaded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "milestone_evidence_one" CHECK (("milestone_evidence"."url" IS NULL) <> ("milestone_evidence"."content" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "reminder_sent" (
	"subject_id" uuid NOT NULL,
	"key" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_sent_subject_id_key_pk" PRIMARY KEY("subject_id","key")
);
--> statement-breakpoint
ALTER TABLE "programme" ADD COLUMN "milestone_template" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "cohort_member" ADD CONSTRAINT "cohort_member_programme_id_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_member" ADD CONSTRAINT "cohort_member_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_member" ADD CONSTRAINT "cohort_member_application_id_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."application"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_form" ADD CONSTRAINT "kpi_form_programme_id_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_report" ADD CONSTRAINT "kpi_report_member_id_cohort_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."cohort_member"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_report" ADD CONSTRAINT "kpi_report_submitted_by_user_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone" ADD CONSTRAINT "milestone_member_id_cohort_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."cohort_member"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone" ADD CONSTRAINT "milestone_submitted_by_user_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone" ADD CONSTRAINT "milestone_reviewed_by_user_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_evidence" ADD CONSTRAINT "milestone_evidence_milestone_id_milestone_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."milestone"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_evidence" ADD CONSTRAINT "milestone_evidence_uploaded_by_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cohort_member_org_idx" ON "cohort_member" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "milestone_member_idx" ON "milestone" USING btree ("member_id","position");--> statement-breakpoint
CREATE INDEX "milestone_due_idx" ON "milestone" USING btree ("due_on") WHERE "milestone"."status" IN ('open', 'changes_requested');--> statement-breakpoint
CREATE INDEX "milestone_evidence_milestone_idx" ON "milestone_evidence" USING btree ("milestone_id");--> statement-breakpoint
-- Every startup accepted so far joins its cohort. The status is compared as text: on a fresh database
-- 0011 added 'accepted' in the same transaction, where the new enum value may not be used.
INSERT INTO "cohort_member" ("programme_id", "organization_id", "application_id", "starts_on")
SELECT DISTINCT ON (c.programme_id, a.organization_id) c.programme_id, a.organization_id, a.id, p.starts_on
FROM "application" a JOIN "programme_call" c ON c.id = a.call_id JOIN "programme" p ON p.id = c.programme_id
WHERE a.status::text = 'accepted' AND a.organization_id IS NOT NULL
ORDER BY c.programme_id, a.organization_id, a.decided_at
ON CONFLICT DO NOTHING;
