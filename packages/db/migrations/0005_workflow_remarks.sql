CREATE TABLE "annotations" (
	"id" text NOT NULL,
	"version" integer NOT NULL,
	"change_set_id" bigint NOT NULL,
	"valid_from" timestamp (3) with time zone NOT NULL,
	"valid_to" timestamp (3) with time zone,
	"retracted" boolean DEFAULT false NOT NULL,
	"target_kind" text NOT NULL,
	"target_id" text NOT NULL,
	"organisation_id" text NOT NULL,
	"text" text NOT NULL,
	"sources" jsonb,
	CONSTRAINT "annotations_pk" PRIMARY KEY("id","version")
);
--> statement-breakpoint
CREATE TABLE "confirmations" (
	"id" text NOT NULL,
	"version" integer NOT NULL,
	"change_set_id" bigint NOT NULL,
	"valid_from" timestamp (3) with time zone NOT NULL,
	"valid_to" timestamp (3) with time zone,
	"retracted" boolean DEFAULT false NOT NULL,
	"event_id" text NOT NULL,
	"event_version" integer NOT NULL,
	"organisation_id" text NOT NULL,
	"received" text,
	"note" text,
	"sources" jsonb,
	CONSTRAINT "confirmations_pk" PRIMARY KEY("id","version")
);
--> statement-breakpoint
CREATE TABLE "disputes" (
	"id" text NOT NULL,
	"version" integer NOT NULL,
	"change_set_id" bigint NOT NULL,
	"valid_from" timestamp (3) with time zone NOT NULL,
	"valid_to" timestamp (3) with time zone,
	"retracted" boolean DEFAULT false NOT NULL,
	"target_kind" text NOT NULL,
	"target_id" text NOT NULL,
	"organisation_id" text NOT NULL,
	"statement" text NOT NULL,
	"measure_kind" text,
	"amount" numeric(30, 10),
	"currency" text,
	"unit" text,
	"item" text,
	"sources" jsonb NOT NULL,
	"status" text NOT NULL,
	"resolution" text,
	CONSTRAINT "disputes_pk" PRIMARY KEY("id","version"),
	CONSTRAINT "disputes_measure_shape" CHECK (measure_kind is null or (amount is not null and ((measure_kind = 'money' and currency is not null and unit is null and item is null)
  or (measure_kind = 'quantity' and currency is null and unit is not null and item is not null))))
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"bucket" text NOT NULL,
	"window_start" timestamp (3) with time zone NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "rate_limits_bucket_window_start_pk" PRIMARY KEY("bucket","window_start")
);
--> statement-breakpoint
ALTER TABLE "change_sets" ADD COLUMN "organisation_id" text;--> statement-breakpoint
ALTER TABLE "change_sets" ADD COLUMN "user_id" text;--> statement-breakpoint
ALTER TABLE "change_sets" ADD COLUMN "token_id" text;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "status" text DEFAULT 'published' NOT NULL;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "organisation_id" text;--> statement-breakpoint
ALTER TABLE "stage_events" ADD COLUMN "status" text DEFAULT 'published' NOT NULL;--> statement-breakpoint
ALTER TABLE "stage_events" ADD COLUMN "organisation_id" text;--> statement-breakpoint
ALTER TABLE "tranches" ADD COLUMN "status" text DEFAULT 'published' NOT NULL;--> statement-breakpoint
ALTER TABLE "tranches" ADD COLUMN "organisation_id" text;--> statement-breakpoint
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_change_set_id_change_sets_id_fk" FOREIGN KEY ("change_set_id") REFERENCES "public"."change_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "confirmations" ADD CONSTRAINT "confirmations_change_set_id_change_sets_id_fk" FOREIGN KEY ("change_set_id") REFERENCES "public"."change_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_change_set_id_change_sets_id_fk" FOREIGN KEY ("change_set_id") REFERENCES "public"."change_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "annotations_current" ON "annotations" USING btree ("id") WHERE valid_to is null;--> statement-breakpoint
CREATE INDEX "annotations_valid_from" ON "annotations" USING btree ("valid_from");--> statement-breakpoint
CREATE INDEX "annotations_target_kind_target_id_index" ON "annotations" USING btree ("target_kind","target_id");--> statement-breakpoint
CREATE UNIQUE INDEX "confirmations_current" ON "confirmations" USING btree ("id") WHERE valid_to is null;--> statement-breakpoint
CREATE INDEX "confirmations_valid_from" ON "confirmations" USING btree ("valid_from");--> statement-breakpoint
CREATE INDEX "confirmations_event_id_index" ON "confirmations" USING btree ("event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "disputes_current" ON "disputes" USING btree ("id") WHERE valid_to is null;--> statement-breakpoint
CREATE INDEX "disputes_valid_from" ON "disputes" USING btree ("valid_from");--> statement-breakpoint
CREATE INDEX "disputes_target_kind_target_id_index" ON "disputes" USING btree ("target_kind","target_id");--> statement-breakpoint
CREATE INDEX "rate_limits_window_start_index" ON "rate_limits" USING btree ("window_start");--> statement-breakpoint
-- Disputes, confirmations and annotations are ledger data: append-only like the other ledger tables (see 0001_append_only).
CREATE TRIGGER disputes_no_delete BEFORE DELETE ON disputes FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER disputes_close_only BEFORE UPDATE ON disputes FOR EACH ROW EXECUTE FUNCTION ledger_close_version_only();
--> statement-breakpoint
CREATE TRIGGER confirmations_no_delete BEFORE DELETE ON confirmations FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER confirmations_close_only BEFORE UPDATE ON confirmations FOR EACH ROW EXECUTE FUNCTION ledger_close_version_only();
--> statement-breakpoint
CREATE TRIGGER annotations_no_delete BEFORE DELETE ON annotations FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER annotations_close_only BEFORE UPDATE ON annotations FOR EACH ROW EXECUTE FUNCTION ledger_close_version_only();
