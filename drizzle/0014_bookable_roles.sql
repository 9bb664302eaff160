ALTER TYPE "public"."bookable_by" ADD VALUE 'roles' BEFORE 'public';--> statement-breakpoint
ALTER TABLE "resource" ADD COLUMN "bookable_roles" "role"[] DEFAULT '{}' NOT NULL;