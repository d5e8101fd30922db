CREATE TABLE "series_rollups" (
	"dimension" text NOT NULL,
	"measure_kind" text NOT NULL,
	"stage" text NOT NULL,
	"month" date NOT NULL,
	"key" text NOT NULL,
	"measure" text NOT NULL,
	"amount" numeric NOT NULL,
	"events" integer NOT NULL,
	"eur" numeric,
	"eur_unconverted" numeric,
	"eur_unconverted_events" integer,
	"usd" numeric,
	"usd_unconverted" numeric,
	"usd_unconverted_events" integer,
	"synthetic_events" integer NOT NULL,
	"estimated_events" integer NOT NULL,
	"disputed_events" integer NOT NULL,
	CONSTRAINT "series_rollups_pk" PRIMARY KEY("dimension","measure_kind","stage","month","key","measure")
);
--> statement-breakpoint
CREATE INDEX "series_rollups_slice" ON "series_rollups" USING btree ("stage","month","measure_kind","measure");--> statement-breakpoint
-- The rollups of the cells already stored: what series-cells.ts (rollupsOfCells) writes for the slices a write
-- touches, here over every cell, with the group keys of groupKeySql. series.test.ts runs this statement again
-- and compares.
INSERT INTO series_rollups (dimension, key, stage, month, measure_kind, measure, amount, events, eur, eur_unconverted,
  eur_unconverted_events, usd, usd_unconverted, usd_unconverted_events, synthetic_events, estimated_events,
  disputed_events)
SELECT g.dimension, g.key, c.stage, c.month, c.measure_kind, c.measure, sum(c.amount), sum(c.events), sum(c.eur),
  sum(c.eur_unconverted), sum(c.eur_unconverted_events), sum(c.usd), sum(c.usd_unconverted),
  sum(c.usd_unconverted_events), sum(c.synthetic_events), sum(c.estimated_events), sum(c.disputed_events)
FROM series_cells c
CROSS JOIN LATERAL (VALUES ('all', 'all'), ('donor', c.donor), ('category', split_part(c.category, '.', 1)),
  ('tier', c.tier), ('agreement', CASE WHEN c.agreement = '' THEN 'none' ELSE c.agreement END)) AS g(dimension, key)
GROUP BY g.dimension, g.key, c.stage, c.month, c.measure_kind, c.measure;
