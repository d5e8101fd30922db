ALTER TABLE "agreements" ADD CONSTRAINT "agreements_signed_in_domain" CHECK (signed ~ '^(19|20|21)[0-9]{2}(-|$)');--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_in_force_in_domain" CHECK (in_force ~ '^(19|20|21)[0-9]{2}(-|$)');--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_expires_in_domain" CHECK (expires ~ '^(19|20|21)[0-9]{2}(-|$)');--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_period_start_in_domain" CHECK (period_start ~ '^(19|20|21)[0-9]{2}(-|$)');--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_period_end_in_domain" CHECK (period_end ~ '^(19|20|21)[0-9]{2}(-|$)');--> statement-breakpoint
ALTER TABLE "confirmations" ADD CONSTRAINT "confirmations_received_in_domain" CHECK (received ~ '^(19|20|21)[0-9]{2}(-|$)');--> statement-breakpoint
ALTER TABLE "exchange_rates" ADD CONSTRAINT "exchange_rates_date_in_domain" CHECK (date between '1900-01-01' and '2199-12-31');--> statement-breakpoint
ALTER TABLE "series_cells" ADD CONSTRAINT "series_cells_month_in_domain" CHECK (month between '1900-01-01' and '2199-12-31');--> statement-breakpoint
ALTER TABLE "series_rollups" ADD CONSTRAINT "series_rollups_month_in_domain" CHECK (month between '1900-01-01' and '2199-12-31');--> statement-breakpoint
ALTER TABLE "stage_events" ADD CONSTRAINT "stage_events_date_in_domain" CHECK (date ~ '^(19|20|21)[0-9]{2}(-|$)');--> statement-breakpoint
ALTER TABLE "stage_events" ADD CONSTRAINT "stage_events_date_from_in_domain" CHECK (date_from between '1900-01-01' and '2199-12-31');--> statement-breakpoint
ALTER TABLE "stage_events" ADD CONSTRAINT "stage_events_date_to_in_domain" CHECK (date_to between '1900-01-01' and '2199-12-31');--> statement-breakpoint
ALTER TABLE "stage_events" ADD CONSTRAINT "stage_events_period_start_in_domain" CHECK (period_start ~ '^(19|20|21)[0-9]{2}(-|$)');--> statement-breakpoint
ALTER TABLE "stage_events" ADD CONSTRAINT "stage_events_period_end_in_domain" CHECK (period_end ~ '^(19|20|21)[0-9]{2}(-|$)');--> statement-breakpoint
ALTER TABLE "tranches" ADD CONSTRAINT "tranches_due_in_domain" CHECK (due ~ '^(19|20|21)[0-9]{2}(-|$)');--> statement-breakpoint
ALTER TABLE "tranches" ADD CONSTRAINT "tranches_due_from_in_domain" CHECK (due_from between '1900-01-01' and '2199-12-31');--> statement-breakpoint
ALTER TABLE "tranches" ADD CONSTRAINT "tranches_due_to_in_domain" CHECK (due_to between '1900-01-01' and '2199-12-31');