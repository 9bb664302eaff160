ALTER TABLE "programme" DROP CONSTRAINT "programme_site_slug";--> statement-breakpoint
ALTER TABLE "programme" ALTER COLUMN "site_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "programme" ADD CONSTRAINT "programme_site_slug" UNIQUE NULLS NOT DISTINCT("site_id","slug");--> statement-breakpoint
ALTER TABLE "programme" ADD CONSTRAINT "programme_network_plan" CHECK ("programme"."site_id" IS NOT NULL OR "programme"."plan_id" IS NULL);