CREATE TYPE "public"."session_mode" AS ENUM('online', 'on_site');--> statement-breakpoint
CREATE TYPE "public"."session_status" AS ENUM('booked', 'cancelled');--> statement-breakpoint
CREATE TABLE "mentor_profile" (
	"user_id" text PRIMARY KEY NOT NULL,
	"headline" text DEFAULT '' NOT NULL,
	"bio" text DEFAULT '' NOT NULL,
	"expertise" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" text[] DEFAULT '{id}'::text[] NOT NULL,
	"organization_id" uuid,
	"time_zone" text DEFAULT 'Asia/Jakarta' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentor_session" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mentor_id" text NOT NULL,
	"member_id" uuid NOT NULL,
	"booked_by" text,
	"team" boolean DEFAULT false NOT NULL,
	"topic" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"mode" "session_mode" NOT NULL,
	"meeting_url" text,
	"booking_id" uuid,
	"status" "session_status" DEFAULT 'booked' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"action_items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"mentor_rating" integer,
	"mentor_feedback" text DEFAULT '' NOT NULL,
	"startup_rating" integer,
	"startup_feedback" text DEFAULT '' NOT NULL,
	"reminded_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentor_session_time" CHECK ("mentor_session"."ends_at" > "mentor_session"."starts_at"),
	CONSTRAINT "mentor_session_ratings" CHECK (coalesce("mentor_session"."mentor_rating", 1) BETWEEN 1 AND 5 AND coalesce("mentor_session"."startup_rating", 1) BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE TABLE "office_hours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mentor_id" text NOT NULL,
	"weekday" integer NOT NULL,
	"starts_at" text NOT NULL,
	"ends_at" text NOT NULL,
	"slot_minutes" integer DEFAULT 60 NOT NULL,
	"online" boolean DEFAULT true NOT NULL,
	"site_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "office_hours_weekday" CHECK ("office_hours"."weekday" BETWEEN 1 AND 7),
	CONSTRAINT "office_hours_slot" CHECK ("office_hours"."slot_minutes" BETWEEN 15 AND 240)
);
--> statement-breakpoint
ALTER TABLE "programme" ADD COLUMN "mentoring_hours" integer DEFAULT 10;--> statement-breakpoint
ALTER TABLE "mentor_profile" ADD CONSTRAINT "mentor_profile_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_profile" ADD CONSTRAINT "mentor_profile_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_session" ADD CONSTRAINT "mentor_session_mentor_id_user_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_session" ADD CONSTRAINT "mentor_session_member_id_cohort_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."cohort_member"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_session" ADD CONSTRAINT "mentor_session_booked_by_user_id_fk" FOREIGN KEY ("booked_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_session" ADD CONSTRAINT "mentor_session_booking_id_booking_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."booking"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_hours" ADD CONSTRAINT "office_hours_mentor_id_user_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_hours" ADD CONSTRAINT "office_hours_site_id_site_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."site"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mentor_session_member_idx" ON "mentor_session" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "mentor_session_mentor_idx" ON "mentor_session" USING btree ("mentor_id","starts_at");--> statement-breakpoint
CREATE INDEX "office_hours_mentor_idx" ON "office_hours" USING btree ("mentor_id");--> statement-breakpoint
-- A mentor is never in two booked sessions at once, however the requests arrive.
ALTER TABLE "mentor_session" ADD CONSTRAINT "mentor_session_no_overlap" EXCLUDE USING gist ("mentor_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE ("status" = 'booked');
