-- The ledger is append-only. Change sets are never altered or deleted. A version row is never deleted, and the
-- only update allowed is closing the current version (setting valid_to once); its data never changes.
CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
--> statement-breakpoint
CREATE FUNCTION ledger_close_version_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.valid_to IS NULL AND NEW.valid_to IS NOT NULL
     AND (to_jsonb(NEW) - 'valid_to') = (to_jsonb(OLD) - 'valid_to') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'the ledger is append-only: a version of % can only be closed, never changed', TG_TABLE_NAME
    USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER change_sets_append_only BEFORE UPDATE OR DELETE ON change_sets
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER parties_no_delete BEFORE DELETE ON parties FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER parties_close_only BEFORE UPDATE ON parties FOR EACH ROW EXECUTE FUNCTION ledger_close_version_only();
--> statement-breakpoint
CREATE TRIGGER agreements_no_delete BEFORE DELETE ON agreements FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER agreements_close_only BEFORE UPDATE ON agreements FOR EACH ROW EXECUTE FUNCTION ledger_close_version_only();
--> statement-breakpoint
CREATE TRIGGER provisions_no_delete BEFORE DELETE ON provisions FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER provisions_close_only BEFORE UPDATE ON provisions FOR EACH ROW EXECUTE FUNCTION ledger_close_version_only();
--> statement-breakpoint
CREATE TRIGGER commitments_no_delete BEFORE DELETE ON commitments FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER commitments_close_only BEFORE UPDATE ON commitments FOR EACH ROW EXECUTE FUNCTION ledger_close_version_only();
--> statement-breakpoint
CREATE TRIGGER tranches_no_delete BEFORE DELETE ON tranches FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER tranches_close_only BEFORE UPDATE ON tranches FOR EACH ROW EXECUTE FUNCTION ledger_close_version_only();
--> statement-breakpoint
CREATE TRIGGER stage_events_no_delete BEFORE DELETE ON stage_events FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER stage_events_close_only BEFORE UPDATE ON stage_events FOR EACH ROW EXECUTE FUNCTION ledger_close_version_only();
--> statement-breakpoint
CREATE TRIGGER reference_loads_append_only BEFORE UPDATE OR DELETE ON reference_loads
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
