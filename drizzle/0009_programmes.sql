CREATE TYPE "public"."programme_kind" AS ENUM('incubation', 'acceleration', 'pre_incubation', 'internship');--> statement-breakpoint
CREATE TABLE "programme" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" "programme_kind" NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"eligibility" text DEFAULT '' NOT NULL,
	"benefits" text DEFAULT '' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"capacity" integer,
	"plan_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_site_slug" UNIQUE("site_id","slug"),
	CONSTRAINT "programme_dates" CHECK ("programme"."ends_on" >= "programme"."starts_on"),
	CONSTRAINT "programme_capacity" CHECK ("programme"."capacity" IS NULL OR "programme"."capacity" > 0)
);
--> statement-breakpoint
CREATE TABLE "programme_call" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_call_window" CHECK ("programme_call"."closes_at" > "programme_call"."opens_at")
);
--> statement-breakpoint
ALTER TABLE "programme" ADD CONSTRAINT "programme_site_id_site_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."site"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme" ADD CONSTRAINT "programme_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_call" ADD CONSTRAINT "programme_call_programme_id_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "programme_call_programme_idx" ON "programme_call" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "programme_call_closes_idx" ON "programme_call" USING btree ("closes_at");