CREATE TYPE "public"."application_status" AS ENUM('draft', 'submitted', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."creative_subsector" AS ENUM('app', 'game', 'film_animation_video', 'music', 'publishing', 'advertising', 'tv_radio', 'photography', 'visual_communication_design', 'product_design', 'interior_design', 'architecture', 'fashion', 'craft', 'culinary', 'performing_arts', 'fine_arts');--> statement-breakpoint
CREATE TABLE "application" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"form_id" uuid NOT NULL,
	"applicant_id" text NOT NULL,
	"organization_id" uuid,
	"startup_name" text DEFAULT '' NOT NULL,
	"status" "application_status" DEFAULT 'draft' NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"kbli" text,
	"subsector" "creative_subsector",
	"province_code" text,
	"regency_code" text,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_file" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"field_key" text NOT NULL,
	"name" text NOT NULL,
	"mime" text NOT NULL,
	"bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_form" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"sections" jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_form_call_version" UNIQUE("call_id","version")
);
--> statement-breakpoint
ALTER TABLE "application" ADD CONSTRAINT "application_call_id_programme_call_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."programme_call"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application" ADD CONSTRAINT "application_form_id_application_form_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."application_form"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application" ADD CONSTRAINT "application_applicant_id_user_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application" ADD CONSTRAINT "application_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_file" ADD CONSTRAINT "application_file_application_id_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_form" ADD CONSTRAINT "application_form_call_id_programme_call_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."programme_call"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_form" ADD CONSTRAINT "application_form_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_call_idx" ON "application" USING btree ("call_id","status");--> statement-breakpoint
CREATE INDEX "application_applicant_idx" ON "application" USING btree ("applicant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "application_one_per_applicant" ON "application" USING btree ("call_id","applicant_id") WHERE "application"."status" <> 'withdrawn';--> statement-breakpoint
CREATE UNIQUE INDEX "application_one_per_org" ON "application" USING btree ("call_id","organization_id") WHERE "application"."status" <> 'withdrawn' AND "application"."organization_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "application_file_application_idx" ON "application_file" USING btree ("application_id");