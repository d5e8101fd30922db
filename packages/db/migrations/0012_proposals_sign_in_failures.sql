CREATE TABLE "proposals" (
	"id" text NOT NULL,
	"version" integer NOT NULL,
	"change_set_id" bigint NOT NULL,
	"valid_from" timestamp (3) with time zone NOT NULL,
	"valid_to" timestamp (3) with time zone,
	"retracted" boolean DEFAULT false NOT NULL,
	"target_kind" text NOT NULL,
	"target_id" text NOT NULL,
	"base_version" integer NOT NULL,
	"kind" text NOT NULL,
	"record" jsonb,
	"organisation_id" text NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"decision" text,
	CONSTRAINT "proposals_pk" PRIMARY KEY("id","version"),
	CONSTRAINT "proposals_record_shape" CHECK ((kind = 'correction') = (record is not null))
);
--> statement-breakpoint
CREATE TABLE "sign_in_failures" (
	"email" text NOT NULL,
	"address" text NOT NULL,
	"failures" integer NOT NULL,
	"last_failed_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "sign_in_failures_email_address_pk" PRIMARY KEY("email","address")
);
--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_change_set_id_change_sets_id_fk" FOREIGN KEY ("change_set_id") REFERENCES "public"."change_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "proposals_current" ON "proposals" USING btree ("id") WHERE valid_to is null;--> statement-breakpoint
CREATE INDEX "proposals_valid_from" ON "proposals" USING btree ("valid_from");--> statement-breakpoint
CREATE INDEX "proposals_target_kind_target_id_index" ON "proposals" USING btree ("target_kind","target_id");--> statement-breakpoint
CREATE INDEX "proposals_organisation_id_index" ON "proposals" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "sign_in_failures_last_failed_at_index" ON "sign_in_failures" USING btree ("last_failed_at");--> statement-breakpoint
-- Proposals are ledger data: append-only like the other ledger tables (see 0001_append_only).
CREATE TRIGGER proposals_no_delete BEFORE DELETE ON proposals FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER proposals_close_only BEFORE UPDATE ON proposals FOR EACH ROW EXECUTE FUNCTION ledger_close_version_only();
