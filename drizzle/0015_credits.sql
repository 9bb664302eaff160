CREATE TYPE "public"."allowance_unit" AS ENUM('hours', 'credits');--> statement-breakpoint
ALTER TABLE "ledger_entry" RENAME COLUMN "minutes" TO "amount";--> statement-breakpoint
ALTER TABLE "plan_allowance" RENAME COLUMN "minutes" TO "amount";--> statement-breakpoint
ALTER TABLE "plan_allowance" ADD COLUMN "unit" "allowance_unit" DEFAULT 'hours' NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_allowance" DROP CONSTRAINT "plan_allowance_minutes";--> statement-breakpoint
ALTER TABLE "plan_allowance" ADD CONSTRAINT "plan_allowance_amount" CHECK ("plan_allowance"."amount" > 0);
