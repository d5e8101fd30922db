CREATE TABLE "agreements" (
	"id" text NOT NULL,
	"version" integer NOT NULL,
	"change_set_id" bigint NOT NULL,
	"valid_from" timestamp (3) with time zone NOT NULL,
	"valid_to" timestamp (3) with time zone,
	"retracted" boolean DEFAULT false NOT NULL,
	"title" text NOT NULL,
	"short_title" text NOT NULL,
	"summary" text,
	"guarantors" text[] NOT NULL,
	"beneficiaries" text[] NOT NULL,
	"instrument_type" text NOT NULL,
	"attributes" jsonb NOT NULL,
	"signed" text,
	"in_force" text,
	"expires" text,
	"duration_years" integer,
	"framework" text,
	"status_history" jsonb NOT NULL,
	"sources" jsonb NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	CONSTRAINT "agreements_pk" PRIMARY KEY("id","version")
);
--> statement-breakpoint
CREATE TABLE "change_sets" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "change_sets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"recorded_at" timestamp (3) with time zone NOT NULL,
	"actor" text NOT NULL,
	"origin" text NOT NULL,
	"reason" text,
	"metadata" jsonb
);
--> statement-breakpoint
CREATE TABLE "commitments" (
	"id" text NOT NULL,
	"version" integer NOT NULL,
	"change_set_id" bigint NOT NULL,
	"valid_from" timestamp (3) with time zone NOT NULL,
	"valid_to" timestamp (3) with time zone,
	"retracted" boolean DEFAULT false NOT NULL,
	"donor" text NOT NULL,
	"recipient" text NOT NULL,
	"agreement_id" text,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"measure_kind" text NOT NULL,
	"amount" numeric(30, 10) NOT NULL,
	"currency" text,
	"unit" text,
	"item" text,
	"measure_basis" text NOT NULL,
	"period_start" text,
	"period_end" text,
	"conditions" jsonb NOT NULL,
	"sources" jsonb NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	CONSTRAINT "commitments_pk" PRIMARY KEY("id","version"),
	CONSTRAINT "commitments_measure_shape" CHECK ((measure_kind = 'money' and currency is not null and unit is null and item is null)
  or (measure_kind = 'quantity' and currency is null and unit is not null and item is not null))
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_scope_key_pk" PRIMARY KEY("scope","key")
);
--> statement-breakpoint
CREATE TABLE "parties" (
	"id" text NOT NULL,
	"version" integer NOT NULL,
	"change_set_id" bigint NOT NULL,
	"valid_from" timestamp (3) with time zone NOT NULL,
	"valid_to" timestamp (3) with time zone,
	"retracted" boolean DEFAULT false NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"name_uk" text,
	"alpha3" text,
	"members" jsonb,
	CONSTRAINT "parties_pk" PRIMARY KEY("id","version")
);
--> statement-breakpoint
CREATE TABLE "provisions" (
	"id" text NOT NULL,
	"version" integer NOT NULL,
	"change_set_id" bigint NOT NULL,
	"valid_from" timestamp (3) with time zone NOT NULL,
	"valid_to" timestamp (3) with time zone,
	"retracted" boolean DEFAULT false NOT NULL,
	"agreement_id" text NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"terms" jsonb NOT NULL,
	CONSTRAINT "provisions_pk" PRIMARY KEY("id","version")
);
--> statement-breakpoint
CREATE TABLE "reference_loads" (
	"version" text PRIMARY KEY NOT NULL,
	"change_set_id" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stage_events" (
	"id" text NOT NULL,
	"version" integer NOT NULL,
	"change_set_id" bigint NOT NULL,
	"valid_from" timestamp (3) with time zone NOT NULL,
	"valid_to" timestamp (3) with time zone,
	"retracted" boolean DEFAULT false NOT NULL,
	"commitment_id" text NOT NULL,
	"stage" text NOT NULL,
	"date" text NOT NULL,
	"date_from" date NOT NULL,
	"date_to" date NOT NULL,
	"period_start" text,
	"period_end" text,
	"measure_kind" text NOT NULL,
	"amount" numeric(30, 10) NOT NULL,
	"currency" text,
	"unit" text,
	"item" text,
	"confidence" text NOT NULL,
	"sources" jsonb NOT NULL,
	"note" text,
	"synthetic" boolean DEFAULT false NOT NULL,
	CONSTRAINT "stage_events_pk" PRIMARY KEY("id","version"),
	CONSTRAINT "stage_events_measure_shape" CHECK ((measure_kind = 'money' and currency is not null and unit is null and item is null)
  or (measure_kind = 'quantity' and currency is null and unit is not null and item is not null))
);
--> statement-breakpoint
CREATE TABLE "tranches" (
	"id" text NOT NULL,
	"version" integer NOT NULL,
	"change_set_id" bigint NOT NULL,
	"valid_from" timestamp (3) with time zone NOT NULL,
	"valid_to" timestamp (3) with time zone,
	"retracted" boolean DEFAULT false NOT NULL,
	"commitment_id" text NOT NULL,
	"position" integer NOT NULL,
	"due" text NOT NULL,
	"due_from" date NOT NULL,
	"due_to" date NOT NULL,
	"measure_kind" text NOT NULL,
	"amount" numeric(30, 10) NOT NULL,
	"currency" text,
	"unit" text,
	"item" text,
	"note" text,
	CONSTRAINT "tranches_pk" PRIMARY KEY("id","version"),
	CONSTRAINT "tranches_measure_shape" CHECK ((measure_kind = 'money' and currency is not null and unit is null and item is null)
  or (measure_kind = 'quantity' and currency is null and unit is not null and item is not null))
);
--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_change_set_id_change_sets_id_fk" FOREIGN KEY ("change_set_id") REFERENCES "public"."change_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_change_set_id_change_sets_id_fk" FOREIGN KEY ("change_set_id") REFERENCES "public"."change_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parties" ADD CONSTRAINT "parties_change_set_id_change_sets_id_fk" FOREIGN KEY ("change_set_id") REFERENCES "public"."change_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provisions" ADD CONSTRAINT "provisions_change_set_id_change_sets_id_fk" FOREIGN KEY ("change_set_id") REFERENCES "public"."change_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_loads" ADD CONSTRAINT "reference_loads_change_set_id_change_sets_id_fk" FOREIGN KEY ("change_set_id") REFERENCES "public"."change_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_events" ADD CONSTRAINT "stage_events_change_set_id_change_sets_id_fk" FOREIGN KEY ("change_set_id") REFERENCES "public"."change_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tranches" ADD CONSTRAINT "tranches_change_set_id_change_sets_id_fk" FOREIGN KEY ("change_set_id") REFERENCES "public"."change_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agreements_current" ON "agreements" USING btree ("id") WHERE valid_to is null;--> statement-breakpoint
CREATE INDEX "agreements_valid_from" ON "agreements" USING btree ("valid_from");--> statement-breakpoint
CREATE INDEX "agreements_instrument_type_index" ON "agreements" USING btree ("instrument_type");--> statement-breakpoint
CREATE UNIQUE INDEX "commitments_current" ON "commitments" USING btree ("id") WHERE valid_to is null;--> statement-breakpoint
CREATE INDEX "commitments_valid_from" ON "commitments" USING btree ("valid_from");--> statement-breakpoint
CREATE INDEX "commitments_donor_index" ON "commitments" USING btree ("donor");--> statement-breakpoint
CREATE INDEX "commitments_agreement_id_index" ON "commitments" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "commitments_category_index" ON "commitments" USING btree ("category");--> statement-breakpoint
CREATE UNIQUE INDEX "parties_current" ON "parties" USING btree ("id") WHERE valid_to is null;--> statement-breakpoint
CREATE INDEX "parties_valid_from" ON "parties" USING btree ("valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "provisions_current" ON "provisions" USING btree ("id") WHERE valid_to is null;--> statement-breakpoint
CREATE INDEX "provisions_valid_from" ON "provisions" USING btree ("valid_from");--> statement-breakpoint
CREATE INDEX "provisions_agreement_id_index" ON "provisions" USING btree ("agreement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stage_events_current" ON "stage_events" USING btree ("id") WHERE valid_to is null;--> statement-breakpoint
CREATE INDEX "stage_events_valid_from" ON "stage_events" USING btree ("valid_from");--> statement-breakpoint
CREATE INDEX "stage_events_commitment_id_stage_date_to_index" ON "stage_events" USING btree ("commitment_id","stage","date_to");--> statement-breakpoint
CREATE UNIQUE INDEX "tranches_current" ON "tranches" USING btree ("id") WHERE valid_to is null;--> statement-breakpoint
CREATE INDEX "tranches_valid_from" ON "tranches" USING btree ("valid_from");--> statement-breakpoint
CREATE INDEX "tranches_commitment_id_index" ON "tranches" USING btree ("commitment_id");