import { describe, expect, it } from "vitest";
import { refusalWords } from "./i18n/refusals.ts";
import { label } from "./i18n/vocabulary.ts";
import { detailWords, fieldWords, type Refusal, refusalSentence, sayRefusal } from "./problems.ts";

const en = refusalWords.en;
const uk = refusalWords.uk;
const langs = ["en", "uk"] as const;

/** A refusal as `apiError` makes it: an Error with the envelope's status, details and the rest. */
function refused(status: number, details: Refusal["details"] = [], extras: Partial<Refusal> = {}) {
  return Object.assign(new Error(extras.message ?? `refused with ${status}`), { status, details, ...extras });
}
const json = (path: string, message: string) => ({ location: "json", path, message });
const cyrillic = /[А-Яа-яІіЇїЄєҐґ]/;

describe("a refusal in the page's words", () => {
  it("says a stale version: someone changed it meanwhile, reload", () => {
    const stale = refused(412, [], { message: 'commitment "x" is at version 3, not 2' });
    expect(sayRefusal(stale, "en")).toBe(en.stale);
    expect(sayRefusal(stale, "uk")).toBe(uk.stale);
    for (const words of [en.stale, uk.stale]) expect(words).not.toMatch(/\b\d{3}\b|version 3/);
  });

  it("says a step not allowed from the record's status, by the status's label", () => {
    for (const lang of langs) {
      const w = refusalWords[lang];
      const from = (status: string) =>
        sayRefusal(refused(409, [json("status", `not a step from ${status}`)]), lang);
      expect(from("draft")).toBe(w.notAStep(label("workflowStatus", "draft", lang)));
      expect(from("submitted")).toContain(label("workflowStatus", "submitted", lang));
      expect(from("published")).toBe(w.published);
      // A status the vocabulary does not know is not shown as it came.
      expect(from("limbo")).toBe(w.notAStepUnnamed);
    }
  });

  it("names the commitment that is not published where the page knows its title", () => {
    const refusal = refused(409, [json("status", "its commitment is not published")], {
      message: 'Publish its commitment "Air defence package 2025" first',
    });
    expect(sayRefusal(refusal, "uk", { commitment: "Пакет ППО 2025" })).toBe(
      uk.commitmentUnpublished("Пакет ППО 2025"),
    );
    expect(sayRefusal(refusal, "uk", { commitment: "Пакет ППО 2025" })).toContain("«Пакет ППО 2025»");
    expect(sayRefusal(refusal, "en", { commitment: "Air defence 2025" })).toContain("“Air defence 2025”");
    expect(sayRefusal(refusal, "en")).toBe(en.commitmentUnpublishedUnnamed);
    expect(sayRefusal(refusal, "uk")).toBe(uk.commitmentUnpublishedUnnamed);
  });

  it("says which live parts keep a record from being retracted, never their ids", () => {
    const parts = (...kinds: string[]) =>
      refused(
        409,
        kinds.map((kind, i) => ({ location: "param", path: "id", message: `${kind} "x-${i}" refers to it` })),
      );
    for (const lang of langs) {
      const w = refusalWords[lang];
      expect(sayRefusal(parts("tranche", "tranche"), lang)).toBe(w.hasParts(w.parts.tranche));
      expect(sayRefusal(parts("event"), lang)).toBe(w.hasParts(w.parts.event));
      expect(sayRefusal(parts("tranche", "event"), lang)).toBe(w.hasParts(w.parts.both));
      expect(sayRefusal(parts("provision", "tranche"), lang)).toBe(w.hasParts(w.parts.other));
      expect(sayRefusal(parts("tranche", "event"), lang)).not.toContain("x-0");
    }
  });

  it("says the other conflicts by their stable details, and a generic one otherwise", () => {
    for (const lang of langs) {
      const w = refusalWords[lang];
      const conflict = (...details: Refusal["details"]) => sayRefusal(refused(409, details), lang);
      expect(conflict(json("status", "it was published"))).toBe(w.decided.published);
      expect(conflict(json("status", "it was returned"))).toBe(w.decided.returned);
      expect(conflict(json("status", "it was withdrawn"))).toBe(w.decided.other);
      expect(conflict({ location: "param", path: "id", message: "retracted" })).toBe(w.retracted);
      expect(conflict({ location: "param", path: "id", message: "not open" })).toBe(w.disputeClosed);
      expect(
        conflict({ location: "param", path: "id", message: "only deliveries are confirmed as received" }),
      ).toBe(w.notDelivery);
      expect(conflict(json("target.id", "it is draft"))).toBe(w.targetUnpublished);
      expect(conflict(json("id", 'a commitment "x" exists already'))).toBe(w.conflict);
      expect(conflict()).toBe(w.conflict);
    }
  });

  it("says a refusal of authority with core's reason in the page's language", () => {
    const reason = "only a ministry approver may publish or return a record";
    const action = refused(403, [{ location: "action", path: "record.publish", message: reason }]);
    expect(sayRefusal(action, "en")).toBe(en.forbidden(reason));
    expect(sayRefusal(action, "uk")).toBe(
      uk.forbidden("опублікувати або повернути запис на доопрацювання може лише затверджувач міністерства"),
    );
    const fields = refused(403, [
      json("confidence", "not a confidence your role vouches for"),
      json("set.donor", "not settable by your role"),
    ]);
    expect(sayRefusal(fields, "en")).toBe(en.notSettable("confidence and donor"));
    expect(sayRefusal(fields, "uk")).toBe(uk.notSettable("достовірність і донор"));
    const csrf = refused(403, [{ location: "header", path: "x-csrf-token", message: "missing" }]);
    expect(sayRefusal(csrf, "uk")).toBe(uk.crossSite);
    expect(sayRefusal(refused(403, [{ location: "header", path: "origin", message: "x" }]), "en")).toBe(
      en.crossSite,
    );
    expect(sayRefusal(refused(403), "en")).toBe(en.forbiddenUnexplained);
    expect(sayRefusal(refused(403), "uk")).toBe(uk.forbiddenUnexplained);
  });

  it("says signed out, not found, too large and an unreadable format", () => {
    for (const lang of langs) {
      const w = refusalWords[lang];
      expect(sayRefusal(refused(401), lang)).toBe(w.signedOut);
      expect(sayRefusal(refused(404), lang)).toBe(w.notFound);
      expect(sayRefusal(refused(413), lang)).toBe(w.tooLarge);
      expect(sayRefusal(refused(415), lang)).toBe(w.unsupported);
    }
  });

  it("says how long to wait after too many requests, as the API said it", () => {
    const wait = (retryAfter?: number) => refused(429, [], retryAfter === undefined ? {} : { retryAfter });
    expect(sayRefusal(wait(1), "en")).toBe(en.tooMany("1 second"));
    expect(sayRefusal(wait(30), "en")).toBe(en.tooMany("30 seconds"));
    expect(sayRefusal(wait(0), "en")).toBe(en.tooMany("1 second"));
    expect(sayRefusal(wait(90), "en")).toBe(en.tooMany("2 minutes"));
    expect(sayRefusal(wait(60), "en")).toBe(en.tooMany("1 minute"));
    expect(sayRefusal(wait(), "en")).toBe(en.tooMany("a minute"));
    expect(sayRefusal(wait(1), "uk")).toBe(uk.tooMany("1 секунду"));
    expect(sayRefusal(wait(3), "uk")).toBe(uk.tooMany("3 секунди"));
    expect(sayRefusal(wait(30), "uk")).toBe(uk.tooMany("30 секунд"));
    expect(sayRefusal(wait(300), "uk")).toBe(uk.tooMany("5 хвилин"));
    expect(sayRefusal(wait(), "uk")).toBe(uk.tooMany("хвилину"));
    expect(sayRefusal(refused(503, [], { retryAfter: 5 }), "uk")).toBe(uk.busy("5 секунд"));
    expect(sayRefusal(refused(503), "en")).toBe(en.busy("a minute"));
  });

  it("names the fields of a validation refusal in words, the form's own where it has them", () => {
    const invalid = refused(400, [
      json("set.measure.amount", "expected a decimal number such as 1250000.50"),
      json("sources.1.url", "Invalid URL"),
      json("sources", "every record needs at least one source"),
      json("set.reason", "Too small"),
      json("mystery.field", "bad"),
    ]);
    expect(sayRefusal(invalid, "en")).toBe(
      en.invalid("amount, source 2 (web address), sources, reason and a value the form does not show"),
    );
    expect(sayRefusal(invalid, "uk")).toBe(
      uk.invalid("сума, джерело 2 (вебадреса), джерела, причина і значення, якого форма не показує"),
    );
    const fieldName = (path: string) => (path === "reason" ? "Why it changes" : undefined);
    expect(sayRefusal(refused(422, [json("set.reason", "too short")]), "en", { fieldName })).toBe(
      en.invalid("Why it changes"),
    );
    expect(sayRefusal(refused(422, [json("set", "every field already has this value")]), "uk")).toBe(
      uk.nothingChanged,
    );
    expect(sayRefusal(refused(422, [json("target.id", "no such record")]), "en")).toBe(en.gone);
    expect(sayRefusal(refused(400), "en")).toBe(en.invalidUnnamed);
    expect(sayRefusal(refused(400), "uk")).toBe(uk.invalidUnnamed);
  });

  it("says a server failure in words, with the request's id to report it by", () => {
    expect(sayRefusal(refused(500, [], { requestId: "req-7f3a" }), "en")).toBe(en.server("req-7f3a"));
    expect(sayRefusal(refused(502, [], { requestId: "req-7f3a" }), "uk")).toContain("req-7f3a");
    expect(sayRefusal(refused(500), "uk")).toBe(uk.serverUnreferenced);
    expect(
      sayRefusal(refused(500, [], { message: "Something went wrong on our side." }), "uk"),
    ).not.toContain("Something went wrong");
  });

  it("says anything else generically: the API's English follows, marked, on a Ukrainian page", () => {
    const odd = refused(428, [], { message: "If-Match is required" });
    expect(sayRefusal(odd, "en")).toBe("The tracker refused it: If-Match is required");
    const ukrainian = sayRefusal(odd, "uk");
    expect(ukrainian).toBe(uk.other("If-Match is required"));
    expect(ukrainian.startsWith("Трекер відхилив запит.")).toBe(true);
    expect(ukrainian).toContain("англійською");
    expect(ukrainian).toContain("«If-Match is required»");
  });

  it("says a failure to reach the API, and keeps the page's own errors as they are", () => {
    expect(sayRefusal(new TypeError("Failed to fetch"), "uk")).toBe(uk.unreachable);
    expect(sayRefusal(new TypeError("NetworkError when attempting to fetch resource."), "en")).toBe(
      en.unreachable,
    );
    expect(sayRefusal(new Error("Зобов’язання збережено як чернетку"), "uk")).toBe(
      "Зобов’язання збережено як чернетку",
    );
    expect(sayRefusal("odd", "en")).toBe(en.other("odd"));
  });

  it("never says a refusal on a Ukrainian page in English alone", () => {
    const refusals: Refusal[] = [
      ...[400, 401, 403, 404, 409, 412, 413, 415, 422, 429, 500, 503, 418].map((status) => ({
        status,
        message: "An English message",
        details: [],
      })),
      { status: 409, message: "x", details: [json("status", "not a step from draft")] },
      { status: 422, message: "x", details: [json("figure.amount", "measured unlike the record")] },
    ];
    for (const refusal of refusals) expect(refusalSentence(refusal, "uk")).toMatch(cyrillic);
  });
});

describe("a field's problem said at the field", () => {
  it("says the tracker's stable details in the page's words, and marks the API's own English", () => {
    expect(detailWords({ message: "not settable by your role" }, "uk")).toBe(
      "Ваша роль не дозволяє змінювати це поле",
    );
    expect(detailWords({ message: "not settable by your role" }, "en")).toBe(
      "Your role may not set this field",
    );
    expect(detailWords({ message: "commitment x counts missiles of PAC-3 MSE" }, "en")).toBe(
      "commitment x counts missiles of PAC-3 MSE",
    );
    const marked = detailWords({ message: "commitment x counts missiles of PAC-3 MSE" }, "uk");
    expect(marked).toMatch(/^Трекер не прийняв це значення\./);
    expect(marked).toContain("«commitment x counts missiles of PAC-3 MSE»");
  });

  it("names a field by the form's label, the tracker's word, or says the form does not show it", () => {
    expect(fieldWords("set.title", "uk")).toBe("назва");
    expect(fieldWords("record.measure.currency", "en")).toBe("currency");
    expect(fieldWords("sources.0", "uk")).toBe("джерело 1");
    expect(fieldWords("sources.2.nonsense", "en")).toBe("source 3 (a value the form does not show)");
    expect(fieldWords("conditions.3", "en")).toBe("conditions");
    expect(fieldWords("title", "en", { fieldName: () => "Title of the commitment" })).toBe(
      "Title of the commitment",
    );
    expect(fieldWords("", "en")).toBe(en.unknownField);
  });
});

describe("the refusals' words", () => {
  /** Every text of a language's words, functions given sample arguments (the list joins, tested above, aside). */
  function texts(value: unknown): string[] {
    if (typeof value === "string") return [value];
    if (typeof value === "function") return [String(value(7, 7))];
    if (value && typeof value === "object")
      return Object.entries(value).flatMap(([key, inner]) => (key === "list" ? [] : texts(inner)));
    return [];
  }

  it("has every Ukrainian string in Ukrainian, and each different from the English", () => {
    const ukTexts = texts(uk);
    expect(ukTexts.length).toBe(texts(en).length);
    for (const [i, text] of ukTexts.entries()) {
      expect(text, `uk text ${i}`).toMatch(cyrillic);
      expect(text).not.toBe(texts(en)[i]);
    }
  });
});
