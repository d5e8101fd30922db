CREATE TABLE "exchange_rates" (
	"id" text NOT NULL,
	"version" integer NOT NULL,
	"change_set_id" bigint NOT NULL,
	"valid_from" timestamp (3) with time zone NOT NULL,
	"valid_to" timestamp (3) with time zone,
	"retracted" boolean DEFAULT false NOT NULL,
	"currency" text NOT NULL,
	"date" date NOT NULL,
	"per_eur" numeric(30, 10) NOT NULL,
	CONSTRAINT "exchange_rates_pk" PRIMARY KEY("id","version"),
	CONSTRAINT "exchange_rates_positive" CHECK (per_eur > 0),
	CONSTRAINT "exchange_rates_currency" CHECK (currency ~ '^[A-Z]{3}$' and currency <> 'EUR')
);
--> statement-breakpoint
CREATE TABLE "series_cells" (
	"stage" text NOT NULL,
	"month" date NOT NULL,
	"measure_kind" text NOT NULL,
	"measure" text NOT NULL,
	"donor" text NOT NULL,
	"category" text NOT NULL,
	"agreement" text NOT NULL,
	"tier" text NOT NULL,
	"amount" numeric NOT NULL,
	"events" integer NOT NULL,
	"eur" numeric,
	"eur_unconverted" numeric,
	"eur_unconverted_events" integer,
	"usd" numeric,
	"usd_unconverted" numeric,
	"usd_unconverted_events" integer,
	CONSTRAINT "series_cells_pk" PRIMARY KEY("stage","month","measure_kind","measure","donor","category","agreement")
);
--> statement-breakpoint
ALTER TABLE "exchange_rates" ADD CONSTRAINT "exchange_rates_change_set_id_change_sets_id_fk" FOREIGN KEY ("change_set_id") REFERENCES "public"."change_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_rates_current" ON "exchange_rates" USING btree ("id") WHERE valid_to is null;--> statement-breakpoint
CREATE INDEX "exchange_rates_valid_from" ON "exchange_rates" USING btree ("valid_from");--> statement-breakpoint
CREATE INDEX "exchange_rates_current_currency_date" ON "exchange_rates" USING btree ("currency","date") WHERE valid_to is null;--> statement-breakpoint
CREATE INDEX "stage_events_current_stage_date_to" ON "stage_events" USING btree ("stage","date_to") WHERE valid_to is null;