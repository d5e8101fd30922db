CREATE TABLE "imports" (
	"id" text PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"bytes" bigint NOT NULL,
	"format" text NOT NULL,
	"importer_version" text NOT NULL,
	"actor" text NOT NULL,
	"organisation_id" text,
	"user_id" text,
	"token_id" text,
	"status" text NOT NULL,
	"rows" integer NOT NULL,
	"records" jsonb NOT NULL,
	"problem_count" integer NOT NULL,
	"change_set_id" bigint,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_change_set_id_change_sets_id_fk" FOREIGN KEY ("change_set_id") REFERENCES "public"."change_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "imports_organisation_id_created_at_index" ON "imports" USING btree ("organisation_id","created_at");