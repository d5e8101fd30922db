-- Exchange rates are ledger data: append-only like the other ledger tables (see 0001_append_only).
CREATE TRIGGER exchange_rates_no_delete BEFORE DELETE ON exchange_rates FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER exchange_rates_close_only BEFORE UPDATE ON exchange_rates FOR EACH ROW EXECUTE FUNCTION ledger_close_version_only();
--> statement-breakpoint
-- Series cells for the events already recorded. The rate table is new and empty, so the only conversions possible
-- are the identities (EUR to EUR, USD to USD); everything else is unconverted, exactly what the application
-- computes with no rates (series-cells.test.ts runs this statement again and compares). The tier of each
-- instrument type is Table 1's, as in packages/core/src/gradation.ts.
INSERT INTO series_cells
SELECT e.stage, date_trunc('month', e.date_to)::date, e.measure_kind, coalesce(e.currency, e.unit), c.donor, c.category,
  coalesce(c.agreement_id, ''),
  CASE
    WHEN a.instrument_type IN ('expression_of_support', 'political_commitment', 'assurance', 'pledge',
      'declaration_joint_statement') THEN 'soft'
    WHEN a.instrument_type IN ('partnership_agreement', 'framework_agreement', 'security_cooperation',
      'defence_cooperation_treaty', 'robust_peacekeeping') THEN 'intermediate'
    WHEN a.instrument_type IN ('binding_bilateral_treaty', 'mutual_defence_pact', 'extended_deterrence',
      'alliance_obligation', 'troop_stationing') THEN 'hard'
    ELSE 'none'
  END,
  sum(e.amount), count(*)::int,
  CASE WHEN e.measure_kind = 'money' THEN coalesce(sum(e.amount) FILTER (WHERE e.currency = 'EUR'), 0) END,
  CASE WHEN e.measure_kind = 'money' THEN coalesce(sum(e.amount) FILTER (WHERE e.currency <> 'EUR'), 0) END,
  CASE WHEN e.measure_kind = 'money' THEN (count(*) FILTER (WHERE e.currency <> 'EUR'))::int END,
  CASE WHEN e.measure_kind = 'money' THEN coalesce(sum(e.amount) FILTER (WHERE e.currency = 'USD'), 0) END,
  CASE WHEN e.measure_kind = 'money' THEN coalesce(sum(e.amount) FILTER (WHERE e.currency <> 'USD'), 0) END,
  CASE WHEN e.measure_kind = 'money' THEN (count(*) FILTER (WHERE e.currency <> 'USD'))::int END
FROM stage_events e
JOIN commitments c ON c.id = e.commitment_id AND c.valid_to IS NULL AND NOT c.retracted
LEFT JOIN agreements a ON a.id = c.agreement_id AND a.valid_to IS NULL AND NOT a.retracted
WHERE e.valid_to IS NULL AND NOT e.retracted
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
