import { describe, expect, it } from "vitest";
import { messages as remarkMessages } from "../commitments/messages.ts";
import { refusalWords } from "../i18n/refusals.ts";
import { messages } from "./messages.ts";
import { confirmationErrors, refusalOf } from "./refusals.ts";

const en = messages.en;
const uk = messages.uk;
const remark = remarkMessages.en.form;

describe("a refused confirmation of receipt, in the verifier's words", () => {
  it("says a stale version and a refusal of authority in plain words, in either language", () => {
    const stale = { status: 412, message: 'event "x" is at version 3, not 2', details: [] };
    expect(refusalOf(stale, en, remark, "en")).toEqual({ form: en.refused.stale });
    expect(refusalOf(stale, uk, remarkMessages.uk.form, "uk")).toEqual({ form: uk.refused.stale });
    expect(refusalOf({ status: 403, message: "only the recipient's verifiers" }, en, remark, "en")).toEqual({
      form: en.refused.forbidden,
    });
    for (const words of [en.refused.stale, en.refused.forbidden, uk.refused.stale, uk.refused.forbidden])
      expect(words).not.toMatch(/\b\d{3}\b|if-match|version/i);
  });

  it("places refused fields at their fields, the form told to check them", () => {
    const refused = refusalOf(
      {
        status: 400,
        message: "invalid body",
        details: [
          { location: "json", path: "received", message: "expected a date" },
          { location: "json", path: "sources.0.url", message: "Invalid URL" },
        ],
      },
      en,
      remark,
      "en",
    );
    expect(refused).toEqual({
      received: en.form.errors.received,
      "sources.0.url": remark.errors.url,
      form: en.form.checkFields,
    });
  });

  it("says a refusal it has no words of its own for in the tracker's words for refusals", () => {
    const failed = { status: 500, message: "The API failed", details: [], requestId: "req-9" };
    expect(refusalOf(failed, en, remark, "en")).toEqual({ form: refusalWords.en.server("req-9") });
    expect(refusalOf(failed, uk, remarkMessages.uk.form, "uk")).toEqual({
      form: refusalWords.uk.server("req-9"),
    });
    // What names no field of the form (the event confirmed) is said above it, not in the API's English.
    const gone = {
      status: 422,
      message: 'No event "x"',
      details: [{ location: "json", path: "event", message: "no such record" }],
    };
    expect(refusalOf(gone, uk, remarkMessages.uk.form, "uk")).toEqual({ form: refusalWords.uk.gone });
    expect(confirmationErrors([{ path: "note", message: "too long" }], uk, remark)).toEqual({
      note: uk.form.errors.note,
    });
  });
});
