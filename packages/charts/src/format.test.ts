import { describe, expect, it } from "vitest";
import {
  addDecimals,
  amountScale,
  escapeXml,
  formatAmount,
  formatCompact,
  niceTicks,
  periodLabel,
  textWidth,
  wrapText,
} from "./format.ts";

const nbsp = "\u00a0";

describe("escapeXml", () => {
  it("turns the five special characters into entities", () => {
    expect(escapeXml(`<script>alert("x")</script> & 'co'`)).toBe(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;co&apos;",
    );
  });

  it("leaves out what XML cannot hold, and keeps the rest of Unicode", () => {
    expect(escapeXml("a\u0000b\u0007c\ud800d\udc00e\uffff")).toBe("abcde");
    expect(escapeXml("tab\tnew\nline Обіцяно 🇺🇦")).toBe("tab\tnew\nline Обіцяно 🇺🇦");
  });
});

describe("exact decimals", () => {
  it("adds without the float errors of numbers", () => {
    expect(addDecimals("0.1", "0.2")).toBe("0.3");
    expect(addDecimals("100.00", "40")).toBe("140.00");
    expect(addDecimals("-5.5", "2")).toBe("-3.5");
    expect(addDecimals("12345678901234567890.12", "0.88")).toBe("12345678901234567891.00");
  });

  it("refuses what is not a decimal rather than draw a wrong figure", () => {
    expect(() => addDecimals("1e3", "1")).toThrow(/Not a decimal/);
    expect(() => formatAmount("", "EUR", "en")).toThrow(/Not a decimal/);
  });
});

describe("formatAmount", () => {
  it("keeps every digit, with the language's separators and currency place", () => {
    expect(formatAmount("1234567.50", "EUR", "en")).toBe("€1,234,567.50");
    expect(formatAmount("1234567.50", "EUR", "uk")).toBe(`1${nbsp}234${nbsp}567,50${nbsp}€`);
    expect(formatAmount("110", "USD", "en")).toBe("$110");
    expect(formatAmount("1000.00", "NOK", "en")).toBe(`NOK${nbsp}1,000.00`);
    expect(formatAmount("-5.00", "EUR", "en")).toBe("-€5.00");
    expect(formatAmount("-5.00", "EUR", "uk")).toBe(`-5,00${nbsp}€`);
  });

  it("writes quantities bare: their unit is named by the chart", () => {
    expect(formatAmount("12000", null, "en")).toBe("12,000");
    expect(formatAmount("999", undefined, "uk")).toBe("999");
  });
});

describe("compact amounts", () => {
  it("writes millions and billions in each language", () => {
    expect(formatCompact(1.2e9, "EUR", "en")).toBe(`€1.2${nbsp}bn`);
    expect(formatCompact(3.5e8, "EUR", "en")).toBe(`€350${nbsp}m`);
    expect(formatCompact(1.2e9, "EUR", "uk")).toBe(`1,2${nbsp}млрд${nbsp}€`);
    expect(formatCompact(3.5e8, "USD", "uk")).toBe(`350${nbsp}млн${nbsp}$`);
    expect(formatCompact(45_000, null, "uk")).toBe(`45${nbsp}тис.`);
    expect(formatCompact(5_000, null, "en")).toBe("5,000");
    expect(formatCompact(0, "EUR", "en")).toBe("0");
  });

  it("gives every tick of an axis the same scale and decimals", () => {
    const ticks = [0, 0.25e9, 0.5e9, 0.75e9, 1e9];
    const scale = amountScale(1e9, 0.25e9);
    expect(ticks.map((t) => formatCompact(t, "EUR", "en", scale))).toEqual([
      "0",
      `€0.25${nbsp}bn`,
      `€0.50${nbsp}bn`,
      `€0.75${nbsp}bn`,
      `€1.00${nbsp}bn`,
    ]);
  });
});

describe("niceTicks", () => {
  it("steps 1, 2, 2.5 or 5 times a power of ten, from zero past the maximum", () => {
    expect(niceTicks(0, 4.9e9, 5)).toEqual([0, 1e9, 2e9, 3e9, 4e9, 5e9]);
    expect(niceTicks(0, 0.3, 5)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(0, 0, 4)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(-50, 100, 3)).toEqual([-50, 0, 50, 100]);
  });

  it("never puts a tick between two whole items", () => {
    expect(niceTicks(0, 3, 6, true)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0, 0, 4, true)).toEqual([0, 1, 2, 3, 4]);
  });

  it("covers the figures in equal round steps, whatever they are", () => {
    for (const max of [1, 7, 9.99, 42, 101, 999, 1234.5, 86_000, 3.2e6, 7.77e8, 1.5e10]) {
      for (const count of [2, 4, 5, 8]) {
        const ticks = niceTicks(0, max, count);
        expect(ticks[0]).toBe(0);
        expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
        // At most about twice the intervals asked for, at least one.
        expect(ticks.length - 1).toBeGreaterThanOrEqual(1);
        expect(ticks.length - 1).toBeLessThanOrEqual(count * 2 + 1);
        const step = (ticks[1] as number) - (ticks[0] as number);
        const mantissa = step / 10 ** Math.floor(Math.log10(step));
        expect([1, 2, 2.5, 5].some((m) => Math.abs(m - mantissa) < 1e-9)).toBe(true);
        ticks.forEach((tick, i) => {
          expect(tick).toBeCloseTo(i * step, 6);
        });
      }
    }
  });
});

describe("periods", () => {
  it("writes quarters the language's way and leaves months and years as they are", () => {
    expect(periodLabel("2024-Q1", "en")).toBe("2024-Q1");
    expect(periodLabel("2024-Q1", "uk")).toBe(`1${nbsp}кв.${nbsp}2024`);
    expect(periodLabel("2024-03", "uk")).toBe("2024-03");
    expect(periodLabel("2024", "en")).toBe("2024");
  });
});

describe("text widths and wrapping", () => {
  it("estimates wider text wider, and bold wider than regular", () => {
    expect(textWidth("WWW", 12)).toBeGreaterThan(textWidth("iii", 12));
    expect(textWidth("Promised", 12, true)).toBeGreaterThan(textWidth("Promised", 12));
    expect(textWidth("Promised", 24)).toBeCloseTo(2 * textWidth("Promised", 12));
  });

  it("breaks at spaces within the width, and ends a cut text with an ellipsis", () => {
    const text = "Promised and delivered: Germany, Air defence, by donor, 2024–2025";
    expect(wrapText(text, 2000, 20)).toEqual([text]);
    const lines = wrapText(text, 300, 20, { maxLines: 2 });
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(textWidth(line, 20)).toBeLessThanOrEqual(300);
    expect(lines[1]?.endsWith("…")).toBe(true);
    const whole = wrapText(text, 300, 20, { maxLines: 5 });
    expect(whole.join(" ")).toBe(text);
  });

  it("keeps no-break spaces together and cuts a word longer than the line", () => {
    expect(wrapText(`€1.2${nbsp}bn`, 10, 12)).toEqual(["…"]);
    const [cut] = wrapText("Supercalifragilistic", 60, 12);
    expect(cut?.endsWith("…")).toBe(true);
    expect(textWidth(cut as string, 12)).toBeLessThanOrEqual(60);
  });
});
