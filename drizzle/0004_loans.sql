CREATE TYPE "public"."maintenance_kind" AS ENUM('inspection', 'service', 'repair', 'calibration');--> statement-breakpoint
CREATE TABLE "loan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"org_id" uuid,
	"checked_out_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"checked_out_by" text,
	"condition_out" "asset_condition" NOT NULL,
	"note_out" text DEFAULT '' NOT NULL,
	"photo_out" uuid,
	"returned_at" timestamp with time zone,
	"returned_to" text,
	"condition_in" "asset_condition",
	"note_in" text,
	"photo_in" uuid,
	"due_notice_at" timestamp with time zone,
	"overdue_notice_at" timestamp with time zone,
	CONSTRAINT "loan_due_after_out" CHECK ("loan"."due_at" > "loan"."checked_out_at"),
	CONSTRAINT "loan_returned_after_out" CHECK ("loan"."returned_at" IS NULL OR "loan"."returned_at" >= "loan"."checked_out_at")
);
--> statement-breakpoint
CREATE TABLE "maintenance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"performed_on" date NOT NULL,
	"kind" "maintenance_kind" NOT NULL,
	"description" text NOT NULL,
	"cost_idr" bigint,
	"performed_by" text DEFAULT '' NOT NULL,
	"condition_after" "asset_condition",
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "maintenance_cost" CHECK ("maintenance"."cost_idr" IS NULL OR "maintenance"."cost_idr" >= 0)
);
--> statement-breakpoint
CREATE TABLE "photo" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"mime" text NOT NULL,
	"bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "loan" ADD CONSTRAINT "loan_resource_id_resource_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resource"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan" ADD CONSTRAINT "loan_site_id_site_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."site"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan" ADD CONSTRAINT "loan_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan" ADD CONSTRAINT "loan_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan" ADD CONSTRAINT "loan_checked_out_by_user_id_fk" FOREIGN KEY ("checked_out_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan" ADD CONSTRAINT "loan_photo_out_photo_id_fk" FOREIGN KEY ("photo_out") REFERENCES "public"."photo"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan" ADD CONSTRAINT "loan_returned_to_user_id_fk" FOREIGN KEY ("returned_to") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan" ADD CONSTRAINT "loan_photo_in_photo_id_fk" FOREIGN KEY ("photo_in") REFERENCES "public"."photo"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance" ADD CONSTRAINT "maintenance_resource_id_resource_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resource"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance" ADD CONSTRAINT "maintenance_site_id_site_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."site"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance" ADD CONSTRAINT "maintenance_recorded_by_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photo" ADD CONSTRAINT "photo_site_id_site_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."site"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photo" ADD CONSTRAINT "photo_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "loan_one_open_per_resource" ON "loan" USING btree ("resource_id") WHERE "loan"."returned_at" IS NULL;--> statement-breakpoint
CREATE INDEX "loan_site_idx" ON "loan" USING btree ("site_id","checked_out_at");--> statement-breakpoint
CREATE INDEX "loan_user_idx" ON "loan" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "maintenance_resource_idx" ON "maintenance" USING btree ("resource_id","performed_on");