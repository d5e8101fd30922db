ALTER TABLE "series_cells" ADD COLUMN "synthetic_events" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "series_cells" ADD COLUMN "estimated_events" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "series_cells" ADD COLUMN "disputed_events" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- The flag counts of the cells already stored, as the application computes them (series-cells.ts, buildCells):
-- the published events of each cell that are synthetic (the event or its commitment), of confidence estimated,
-- or under an open dispute of the event or of its commitment. series.test.ts runs this statement again and
-- compares.
UPDATE series_cells s
SET synthetic_events = f.synthetic, estimated_events = f.estimated, disputed_events = f.disputed
FROM (
  SELECT e.stage, date_trunc('month', e.date_to)::date AS month, e.measure_kind, coalesce(e.currency, e.unit) AS measure,
    c.donor, c.category, coalesce(c.agreement_id, '') AS agreement,
    (count(*) FILTER (WHERE e.synthetic OR c.synthetic))::int AS synthetic,
    (count(*) FILTER (WHERE e.confidence = 'estimated'))::int AS estimated,
    (count(*) FILTER (WHERE e.id IN (SELECT d.target_id FROM disputes d WHERE d.target_kind = 'event'
        AND d.status = 'open' AND d.valid_to IS NULL AND NOT d.retracted)
      OR c.id IN (SELECT d.target_id FROM disputes d WHERE d.target_kind = 'commitment'
        AND d.status = 'open' AND d.valid_to IS NULL AND NOT d.retracted)))::int AS disputed
  FROM stage_events e
  JOIN commitments c ON c.id = e.commitment_id AND c.valid_to IS NULL AND NOT c.retracted AND c.status = 'published'
  WHERE e.valid_to IS NULL AND NOT e.retracted AND e.status = 'published'
  GROUP BY 1, 2, 3, 4, 5, 6, 7
) f
WHERE s.stage = f.stage AND s.month = f.month AND s.measure_kind = f.measure_kind AND s.measure = f.measure
  AND s.donor = f.donor AND s.category = f.category AND s.agreement = f.agreement;
