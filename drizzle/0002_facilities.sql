CREATE TYPE "public"."bookable_by" AS ENUM('site_members', 'tenants', 'public');--> statement-breakpoint
CREATE TYPE "public"."booking_status" AS ENUM('pending', 'confirmed', 'checked_in', 'cancelled', 'declined', 'released');--> statement-breakpoint
CREATE TYPE "public"."asset_condition" AS ENUM('new', 'good', 'fair', 'needs_repair', 'retired');--> statement-breakpoint
CREATE TYPE "public"."holiday_kind" AS ENUM('national', 'joint_leave', 'regional');--> statement-breakpoint
CREATE TYPE "public"."resource_class" AS ENUM('space', 'equipment', 'compute');--> statement-breakpoint
CREATE TYPE "public"."resource_kind" AS ENUM('hall', 'meeting_room', 'coworking_desk', 'production_floor', 'studio_animation', 'studio_film', 'studio_sound', 'studio_podcast', 'camera', 'mocap_stage', 'vr_kit', 'printer_3d', 'laptop', 'server', 'gpu_workstation', 'render_node');--> statement-breakpoint
CREATE TABLE "blackout" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"resource_id" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "blackout_range" CHECK ("blackout"."ends_at" > "blackout"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "booking" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"org_id" uuid,
	"title" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"held" "tstzrange" NOT NULL,
	"exclusive" boolean NOT NULL,
	"seats" integer DEFAULT 1 NOT NULL,
	"status" "booking_status" NOT NULL,
	"series_id" uuid,
	"decided_by" text,
	"decision_reason" text,
	"checked_in_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "booking_range" CHECK ("booking"."ends_at" > "booking"."starts_at"),
	CONSTRAINT "booking_seats" CHECK ("booking"."seats" >= 1)
);
--> statement-breakpoint
CREATE TABLE "holiday" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"day" date NOT NULL,
	"kind" "holiday_kind" NOT NULL,
	"name_id" text NOT NULL,
	"name_en" text NOT NULL,
	"site_id" uuid,
	"source" text NOT NULL,
	CONSTRAINT "holiday_day_site" UNIQUE NULLS NOT DISTINCT("day","site_id","name_id")
);
--> statement-breakpoint
CREATE TABLE "holiday_opt_out" (
	"site_id" uuid NOT NULL,
	"day" date NOT NULL,
	CONSTRAINT "holiday_opt_out_pk" UNIQUE("site_id","day")
);
--> statement-breakpoint
CREATE TABLE "person_qualification" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"qualification_id" uuid NOT NULL,
	"granted_by" text,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "qualification" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resource" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" "resource_kind" NOT NULL,
	"class" "resource_class" NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"capacity" integer DEFAULT 1 NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"asset_tag" text,
	"serial_number" text,
	"funding_source" text,
	"acquired_on" date,
	"condition" "asset_condition",
	"slot_minutes" integer DEFAULT 30 NOT NULL,
	"min_minutes" integer DEFAULT 30 NOT NULL,
	"max_minutes" integer DEFAULT 480 NOT NULL,
	"notice_minutes" integer DEFAULT 0 NOT NULL,
	"max_days_ahead" integer DEFAULT 60 NOT NULL,
	"buffer_minutes" integer DEFAULT 0 NOT NULL,
	"bookable_by" "bookable_by" DEFAULT 'site_members' NOT NULL,
	"approval_required" boolean DEFAULT false NOT NULL,
	"shared" boolean DEFAULT false NOT NULL,
	"credits_per_hour" integer DEFAULT 0 NOT NULL,
	"always_open" boolean DEFAULT false NOT NULL,
	"qualification_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_site_slug" UNIQUE("site_id","slug"),
	CONSTRAINT "resource_capacity_positive" CHECK ("resource"."capacity" >= 1),
	CONSTRAINT "resource_durations" CHECK ("resource"."slot_minutes" >= 5 AND "resource"."min_minutes" >= "resource"."slot_minutes" AND "resource"."max_minutes" >= "resource"."min_minutes")
);
--> statement-breakpoint
ALTER TABLE "blackout" ADD CONSTRAINT "blackout_site_id_site_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."site"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blackout" ADD CONSTRAINT "blackout_resource_id_resource_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resource"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blackout" ADD CONSTRAINT "blackout_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking" ADD CONSTRAINT "booking_resource_id_resource_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resource"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking" ADD CONSTRAINT "booking_site_id_site_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."site"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking" ADD CONSTRAINT "booking_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking" ADD CONSTRAINT "booking_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking" ADD CONSTRAINT "booking_decided_by_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holiday" ADD CONSTRAINT "holiday_site_id_site_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."site"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holiday_opt_out" ADD CONSTRAINT "holiday_opt_out_site_id_site_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."site"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_qualification" ADD CONSTRAINT "person_qualification_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_qualification" ADD CONSTRAINT "person_qualification_qualification_id_qualification_id_fk" FOREIGN KEY ("qualification_id") REFERENCES "public"."qualification"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_qualification" ADD CONSTRAINT "person_qualification_granted_by_user_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualification" ADD CONSTRAINT "qualification_site_id_site_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."site"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource" ADD CONSTRAINT "resource_site_id_site_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."site"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource" ADD CONSTRAINT "resource_qualification_id_qualification_id_fk" FOREIGN KEY ("qualification_id") REFERENCES "public"."qualification"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "blackout_site_idx" ON "blackout" USING btree ("site_id","starts_at");--> statement-breakpoint
CREATE INDEX "booking_resource_idx" ON "booking" USING btree ("resource_id","starts_at");--> statement-breakpoint
CREATE INDEX "booking_user_idx" ON "booking" USING btree ("user_id","starts_at");--> statement-breakpoint
CREATE INDEX "booking_site_status_idx" ON "booking" USING btree ("site_id","status");--> statement-breakpoint
CREATE INDEX "holiday_day_idx" ON "holiday" USING btree ("day");--> statement-breakpoint
CREATE INDEX "person_qualification_user_idx" ON "person_qualification" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "resource_site_idx" ON "resource" USING btree ("site_id","kind");