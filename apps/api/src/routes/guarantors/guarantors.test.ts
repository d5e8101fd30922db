import { readFileSync } from "node:fs";
import { sipriCategory } from "@commitments/importers";
import {
  csvRecords,
  kielDataExplorerSums,
  rawSipriDeals,
  sipriDonorOf,
} from "@commitments/importers/raw-files";
import { dataPath, haveData } from "@commitments/importers/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { pngSize } from "../../../test/png.ts";
import { expectError, okJson, soleTestTarget, useApp } from "../../../test/testing.ts";
import { createLogger } from "../../lib/logger.ts";
import { loadStarterData } from "../../starter-data.ts";

// The publishers' whole files (../shared/data), read independently of the importers: the register is Latin-1.
const raw = (name: string, encoding: BufferEncoding = "utf8") =>
  haveData ? readFileSync(dataPath(name), encoding) : "";
const kielText = raw("kiel-release-29/data_explorer.csv");
const weaponsText = raw("kiel-release-29/weapons.csv");
const sipriText = raw("sipri/trade-register.csv", "latin1");
const release = csvRecords(raw("kiel-release-29/release_info.csv"))[0]?.label;

describe.skipIf(!haveData).each(soleTestTarget())(
  "the guarantor view of the starter dataset on $name",
  (target) => {
    const ctx = useApp(target);
    beforeAll(async () => {
      await loadStarterData(ctx.database.db, createLogger("silent"));
    }, 600_000);

    const guarantor = async (party: string) =>
      okJson(await ctx.client.v1.guarantors[":party"].$get({ param: { party }, query: {} }));

    it("shows the United Kingdom's 2024 agreement on the intermediate rung, with its provisions", async () => {
      const { data } = await guarantor("GB");
      expect(data.party).toMatchObject({ id: "GB", kind: "state" });
      expect(data.rung).toMatchObject({
        tier: "intermediate",
        agreement: "uk-ukraine-security-cooperation-2024",
      });
      const accord = data.instruments.find((i) => i.id === "uk-ukraine-security-cooperation-2024");
      expect(accord).toMatchObject({ tier: "intermediate", via: null, stands: true, signed: "2024-01-12" });
      expect(accord?.classification.reasons.length).toBeGreaterThan(0);
      expect(accord?.provisions.length).toBe(9);
      // A proposal on the hard rung is listed, but does not lift the UK's rung.
      const proposal = data.instruments.find((i) => i.id === "reassurance-force-proposal");
      expect(proposal).toMatchObject({ tier: "hard", stands: false });
      // With the other guarantors of the Ukraine Compact, and with Russia and the US under the Budapest Memorandum.
      expect(data.instruments.map((i) => i.id)).toEqual(
        expect.arrayContaining(["ukraine-compact-2024", "budapest-memorandum-1994"]),
      );
    });

    it("gives Kiel's figures for the United Kingdom equal to the release's sums, citing the release", async () => {
      const { data } = await guarantor("GB");
      const expected = kielDataExplorerSums(kielText).get("GB");
      if (!expected) throw new Error("no UK rows in the release");
      const kiel = data.figures.filter((f) => f.source.id === "kiel" && f.measure.kind === "money");
      const amount = (stage: string, category: string) => {
        const found = kiel.filter((f) => f.stage === stage && f.category === category);
        expect(found).toHaveLength(1);
        const m = found[0]?.measure;
        return m?.kind === "money" ? m.amount : undefined;
      };
      expect(amount("committed", "all_types")).toBe(expected.committed);
      expect(amount("allocated", "funding")).toBe(expected.allocated.financial);
      expect(amount("allocated", "humanitarian")).toBe(expected.allocated.humanitarian);
      expect(amount("allocated", "military")).toBe(expected.allocated.military);
      for (const f of kiel) expect(f.source.release).toContain(release);
      expect(data.ladder.volume?.amount).toBe(expected.allocated.military);
    });

    it("lists Kiel's heavy weapons for the United Kingdom item by item, as the weapons file counts them", async () => {
      const { data } = await guarantor("GB");
      const expected = new Map<string, number>();
      for (const row of csvRecords(weaponsText).filter((r) => r.donor === "United Kingdom")) {
        for (const part of (row.weapons_list ?? "").split(/\s*;\s*/)) {
          const match = /^(.*?)\s*\((\d+)\)$/.exec(part);
          if (match)
            expected.set(match[1] as string, (expected.get(match[1] as string) ?? 0) + Number(match[2]));
        }
      }
      expect(expected.size).toBeGreaterThan(0);
      const got = new Map<string, number>();
      for (const w of data.heavyWeapons) got.set(w.item, (got.get(w.item) ?? 0) + Number(w.count));
      expect(got).toEqual(expected);
      for (const w of data.heavyWeapons) expect(w.source.release).toContain(release);
    });

    it("gives SIPRI's ordered and delivered units per category equal to the register's sums", async () => {
      const { data } = await guarantor("GB");
      const delivered = new Map<string, number>();
      const ordered = new Map<string, number>();
      for (const deal of rawSipriDeals(sipriText)) {
        if (deal.recipient !== "Ukraine" || sipriDonorOf(deal) !== "GB") continue;
        // The category by the importers' documented table of SIPRI's descriptions: a definition, not a sum.
        const category = sipriCategory(deal.description, deal.designation) ?? "military";
        delivered.set(category, (delivered.get(category) ?? 0) + deal.delivered);
        ordered.set(category, (ordered.get(category) ?? 0) + (deal.ordered ?? deal.delivered));
      }
      expect(delivered.size).toBeGreaterThan(3);
      const sipri = data.figures.filter((f) => f.source.id === "sipri");
      const by = (stage: string) =>
        new Map(
          sipri
            .filter((f) => f.stage === stage && f.measure.kind === "quantity")
            .map((f) => [f.category, f.measure.kind === "quantity" ? Number(f.measure.count) : 0]),
        );
      const nonZero = (m: Map<string, number>) => new Map([...m].filter(([, n]) => n > 0));
      expect(by("delivered")).toEqual(nonZero(delivered));
      expect(by("committed")).toEqual(nonZero(ordered));
      for (const f of sipri) expect(f.source.publisher).toMatch(/SIPRI/);
    });

    it("lists every guarantor, the largest military aid first, and exports the view as CSV", async () => {
      const { data } = await okJson(await ctx.client.v1.guarantors.$get({ query: {} }));
      const ids = data.guarantors.map((g) => g.party.id);
      expect(ids).toEqual(expect.arrayContaining(["US", "DE", "GB", "EU", "NATO"]));
      expect(ids[0]).toBe("US");
      expect(data.sources.map((s) => s.id).sort()).toEqual(["kiel", "sipri"]);
      const uk = data.guarantors.find((g) => g.party.id === "GB");
      expect(uk?.standing).toBe("words_and_weapons");

      const response = await ctx.app.request("/v1/guarantors.csv?party=GB");
      expect(response.status).toBe(200);
      const rows = csvRecords(await response.text());
      const military = rows.find(
        (r) => r.row_kind === "figure" && r.source === "kiel" && r.category === "military",
      );
      expect(military).toMatchObject({ stage: "allocated", unit_or_currency: "EUR" });
      expect(military?.release).toContain(release);
      expect(military?.amount).toBe(uk?.ladder.volume?.amount);
      expect(rows.some((r) => r.agreement === "uk-ukraine-security-cooperation-2024")).toBe(true);
    });

    it("draws the ladder chart as SVG with the same function as the page, its description saying who stands where", async () => {
      const response = await ctx.app.request("/v1/charts/guarantors.svg?lang=uk");
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
      const svg = await response.text();
      expect(svg).toContain('lang="uk"');
      expect(/<desc[^>]*>([^<]*)<\/desc>/.exec(svg)?.[1]).toContain("Велика Британія");
      expect(svg).toContain(release);
      const refused = await ctx.app.request("/v1/charts/guarantors.svg?lang=de");
      expect(refused.status).toBe(400);
    });

    it("draws it dark, on a log axis, and as a PNG of the size asked, each an image other sites may show", async () => {
      const dark = await ctx.app.request("/v1/charts/guarantors.svg?theme=dark&scale=log");
      expect(dark.status).toBe(200);
      expect(dark.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
      const svg = await dark.text();
      expect(svg).toContain('fill="#121212"');
      expect(svg).not.toContain('fill="#ffffff"');
      expect(svg).toContain("EUR, log scale");
      const png = await ctx.app.request("/v1/charts/guarantors.png?width=800&height=500&lang=uk");
      expect(png.status).toBe(200);
      expect(png.headers.get("content-type")).toBe("image/png");
      expect(png.headers.get("content-disposition")).toBe(
        'inline; filename="commitments-tracker-guarantors-ladder.png"',
      );
      const bytes = new Uint8Array(await png.arrayBuffer());
      expect(pngSize(bytes)).toEqual({ width: 800, height: 500 });
      // The marks are in it: a blank 800 × 500 PNG compresses to well under 2 kB.
      expect(bytes.byteLength).toBeGreaterThan(10_000);
      expect(
        JSON.stringify(
          await expectError(await ctx.app.request("/v1/charts/guarantors.png?theme=sepia"), 400),
        ),
      ).toContain('"theme"');
      // A PNG has one ground: `auto` is for SVG and embeds.
      const auto = await expectError(await ctx.app.request("/v1/charts/guarantors.png?theme=auto"), 400);
      expect(auto.details?.[0]?.path).toBe("theme");
      const autoSvg = await (await ctx.app.request("/v1/charts/guarantors.svg?theme=auto")).text();
      expect(autoSvg).toContain('<svg class="reader-dark" aria-hidden="true"');
      expect(
        JSON.stringify(
          await expectError(await ctx.app.request("/v1/charts/guarantors.svg?scale=cubic"), 400),
        ),
      ).toContain('"scale"');
    });

    it("embeds it in a page other sites may frame: the chart, who stands where, what it counts, the data", async () => {
      const response = await ctx.app.request("/embed/guarantors?lang=uk&theme=dark");
      expect(response.status).toBe(200);
      expect(response.headers.get("content-security-policy")).toContain("frame-ancestors *");
      const html = await response.text();
      expect(html).toContain('<html lang="uk">');
      expect(html).toContain('fill="#121212"');
      expect(html).toContain("Велика Британія");
      expect(html).toContain(release);
      expect(html).toContain('href="/v1/guarantors.csv"');
      expect(html).toContain('href="/?view=guarantors&amp;lang=uk"');
      // What each standing means, in the vocabulary's words.
      expect(html).toContain("Слова без зброї —");
      const light = await (await ctx.app.request("/embed/guarantors?theme=auto")).text();
      // With `auto`, the page and its chart follow the reader's setting: both drawings are in it.
      expect(light).toContain("prefers-color-scheme: dark");
      expect(light).toContain('fill="#ffffff"');
      expect(light).toContain('fill="#121212"');
      const log = await (await ctx.app.request("/embed/guarantors?scale=log")).text();
      expect(log).toContain("EUR, log scale");
      expect(log).toContain('href="/?view=guarantors&amp;lang=en&amp;scale=log"');
      expect(
        JSON.stringify(await expectError(await ctx.app.request("/embed/guarantors?theme=sepia"), 400)),
      ).toContain('"theme"');
      expect(
        JSON.stringify(await expectError(await ctx.app.request("/embed/guarantors?width=99999"), 400)),
      ).toContain('"width"');
    });

    it("answers 404 for a party with neither instrument nor figures, and 400 naming a malformed party", async () => {
      await expectError(await ctx.app.request("/v1/guarantors/ZW"), 404);
      await expectError(await ctx.app.request("/v1/guarantors/gb!"), 400);
    });
  },
);
