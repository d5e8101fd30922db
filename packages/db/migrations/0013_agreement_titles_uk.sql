ALTER TABLE "agreements" ADD COLUMN "title_uk" text;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "short_title_uk" text;