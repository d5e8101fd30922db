// Rate loads need the same authorisation as every other write: the shared write-token check of lib/auth.ts,
// which sets the actor recorded on the change set. The one place to change if that check changes.
export { requireWriter as requireRatesWriter, writeSecurity as ratesWriteSecurity } from "../../lib/auth.ts";
