CREATE TYPE "public"."attendance_method" AS ENUM('list', 'qr');--> statement-breakpoint
CREATE TYPE "public"."assessment_kind" AS ENUM('test', 'practical', 'project');--> statement-breakpoint
CREATE TABLE "assessment_component" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"kind" "assessment_kind" NOT NULL,
	"title" text NOT NULL,
	"weight" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "assessment_component_weight" CHECK ("assessment_component"."weight" > 0)
);
--> statement-breakpoint
CREATE TABLE "assessment_score" (
	"class_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"component_id" uuid NOT NULL,
	"score" numeric(5, 2) NOT NULL,
	"recorded_by" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_score_class_id_user_id_component_id_pk" PRIMARY KEY("class_id","user_id","component_id"),
	CONSTRAINT "assessment_score_range" CHECK ("assessment_score"."score" BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE TABLE "attendance" (
	"session_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"method" "attendance_method" NOT NULL,
	"recorded_by" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attendance_session_id_user_id_pk" PRIMARY KEY("session_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "class_session" ADD COLUMN "code" text DEFAULT replace(gen_random_uuid()::text, '-', '') NOT NULL;--> statement-breakpoint
ALTER TABLE "class_session" ADD COLUMN "booking_id" uuid;--> statement-breakpoint
ALTER TABLE "course" ADD COLUMN "pass_mark" integer DEFAULT 70 NOT NULL;--> statement-breakpoint
ALTER TABLE "course" ADD COLUMN "min_attendance" integer DEFAULT 80 NOT NULL;--> statement-breakpoint
ALTER TABLE "training_class" ADD COLUMN "room_id" uuid;--> statement-breakpoint
ALTER TABLE "assessment_component" ADD CONSTRAINT "assessment_component_course_id_course_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."course"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_score" ADD CONSTRAINT "assessment_score_class_id_training_class_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."training_class"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_score" ADD CONSTRAINT "assessment_score_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_score" ADD CONSTRAINT "assessment_score_component_id_assessment_component_id_fk" FOREIGN KEY ("component_id") REFERENCES "public"."assessment_component"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_score" ADD CONSTRAINT "assessment_score_recorded_by_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_session_id_class_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."class_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_recorded_by_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_component_course_idx" ON "assessment_component" USING btree ("course_id","position");--> statement-breakpoint
CREATE INDEX "attendance_user_idx" ON "attendance" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "class_session" ADD CONSTRAINT "class_session_booking_id_booking_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."booking"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_class" ADD CONSTRAINT "training_class_room_id_resource_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."resource"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course" ADD CONSTRAINT "course_pass_mark" CHECK ("course"."pass_mark" BETWEEN 0 AND 100);--> statement-breakpoint
ALTER TABLE "course" ADD CONSTRAINT "course_min_attendance" CHECK ("course"."min_attendance" BETWEEN 0 AND 100);