CREATE TYPE "public"."course_language" AS ENUM('id', 'en');--> statement-breakpoint
CREATE TYPE "public"."course_level" AS ENUM('beginner', 'intermediate', 'advanced');--> statement-breakpoint
CREATE TYPE "public"."enrolment_status" AS ENUM('pending', 'enrolled', 'waitlisted', 'cancelled', 'declined');--> statement-breakpoint
CREATE TABLE "class_session" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"class_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	CONSTRAINT "class_session_order" CHECK ("class_session"."ends_at" > "class_session"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "class_trainer" (
	"class_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	CONSTRAINT "class_trainer_class_id_user_id_pk" PRIMARY KEY("class_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "course" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"provider" text DEFAULT '' NOT NULL,
	"skills" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"level" "course_level" DEFAULT 'beginner' NOT NULL,
	"duration_hours" integer NOT NULL,
	"prerequisites" text DEFAULT '' NOT NULL,
	"price_idr" bigint DEFAULT 0 NOT NULL,
	"language" "course_language" DEFAULT 'id' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_site_slug" UNIQUE NULLS NOT DISTINCT("site_id","slug"),
	CONSTRAINT "course_duration" CHECK ("course"."duration_hours" > 0),
	CONSTRAINT "course_price" CHECK ("course"."price_idr" >= 0)
);
--> statement-breakpoint
CREATE TABLE "enrolment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"class_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"status" "enrolment_status" NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_class" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"title" text NOT NULL,
	"capacity" integer NOT NULL,
	"approval_required" boolean DEFAULT false NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"online_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_class_capacity" CHECK ("training_class"."capacity" > 0)
);
--> statement-breakpoint
ALTER TABLE "class_session" ADD CONSTRAINT "class_session_class_id_training_class_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."training_class"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_trainer" ADD CONSTRAINT "class_trainer_class_id_training_class_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."training_class"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_trainer" ADD CONSTRAINT "class_trainer_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course" ADD CONSTRAINT "course_site_id_site_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."site"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolment" ADD CONSTRAINT "enrolment_class_id_training_class_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."training_class"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolment" ADD CONSTRAINT "enrolment_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_class" ADD CONSTRAINT "training_class_course_id_course_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."course"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "class_session_class_idx" ON "class_session" USING btree ("class_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "enrolment_once" ON "enrolment" USING btree ("class_id","user_id") WHERE "enrolment"."status" IN ('pending', 'enrolled', 'waitlisted');--> statement-breakpoint
CREATE INDEX "enrolment_class_idx" ON "enrolment" USING btree ("class_id","status","queued_at");--> statement-breakpoint
CREATE INDEX "enrolment_user_idx" ON "enrolment" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "training_class_course_idx" ON "training_class" USING btree ("course_id");