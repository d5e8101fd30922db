CREATE TABLE "agreement_status_changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "agreement_status_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"agreement_id" text NOT NULL,
	"position" integer NOT NULL,
	"status" text NOT NULL,
	"date" text NOT NULL,
	"date_from" date NOT NULL,
	"date_to" date NOT NULL,
	"date_basis" text NOT NULL,
	"note" text,
	"sources" jsonb NOT NULL,
	CONSTRAINT "agreement_status_position" UNIQUE("agreement_id","position")
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" text PRIMARY KEY NOT NULL,
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
	"sources" jsonb NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commitments" (
	"id" text PRIMARY KEY NOT NULL,
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
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commitments_measure_shape" CHECK ((measure_kind = 'money' and currency is not null and unit is null and item is null)
      or (measure_kind = 'quantity' and currency is null and unit is not null and item is not null))
);
--> statement-breakpoint
CREATE TABLE "parties" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"name_uk" text,
	"alpha3" text,
	"members" jsonb
);
--> statement-breakpoint
CREATE TABLE "provisions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "provisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"agreement_id" text NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"terms" jsonb NOT NULL,
	CONSTRAINT "provisions_agreement_position" UNIQUE("agreement_id","position")
);
--> statement-breakpoint
CREATE TABLE "reference_loads" (
	"version" text PRIMARY KEY NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stage_events" (
	"id" text PRIMARY KEY NOT NULL,
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
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stage_events_measure_shape" CHECK ((measure_kind = 'money' and currency is not null and unit is null and item is null)
      or (measure_kind = 'quantity' and currency is null and unit is not null and item is not null))
);
--> statement-breakpoint
CREATE TABLE "tranches" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tranches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
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
	CONSTRAINT "tranches_commitment_position" UNIQUE("commitment_id","position"),
	CONSTRAINT "tranches_measure_shape" CHECK ((measure_kind = 'money' and currency is not null and unit is null and item is null)
      or (measure_kind = 'quantity' and currency is null and unit is not null and item is not null))
);
--> statement-breakpoint
ALTER TABLE "agreement_status_changes" ADD CONSTRAINT "agreement_status_changes_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_framework_agreements_id_fk" FOREIGN KEY ("framework") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_donor_parties_id_fk" FOREIGN KEY ("donor") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_recipient_parties_id_fk" FOREIGN KEY ("recipient") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provisions" ADD CONSTRAINT "provisions_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_events" ADD CONSTRAINT "stage_events_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tranches" ADD CONSTRAINT "tranches_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreements_instrument_type_index" ON "agreements" USING btree ("instrument_type");--> statement-breakpoint
CREATE INDEX "commitments_donor_index" ON "commitments" USING btree ("donor");--> statement-breakpoint
CREATE INDEX "commitments_agreement_id_index" ON "commitments" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "commitments_category_index" ON "commitments" USING btree ("category");--> statement-breakpoint
CREATE INDEX "provisions_kind_index" ON "provisions" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "stage_events_commitment_id_stage_date_to_index" ON "stage_events" USING btree ("commitment_id","stage","date_to");