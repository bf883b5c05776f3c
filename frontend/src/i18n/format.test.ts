import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatEstimate, formatMoney, formatRate } from "./format";
import { STRINGS } from "./strings";

/** Intl separates currency and amount with a no-break space in some locales. */
const plain = (text: string) => text.replace(/\s/g, " ");

describe("money in the visitor's language", () => {
  it("writes euros as each language does", () => {
    expect(plain(formatMoney("nl", { amount: "12.10", currency: "EUR" }))).toBe("€ 12,10");
    expect(formatMoney("en", { amount: "12.10", currency: "EUR" })).toBe("€12.10");
    expect(plain(formatMoney("fr", { amount: "12.10", currency: "EUR" }))).toBe("12,10 €");
  });

  it("takes euros when the answer names no currency", () => {
    expect(formatMoney("en", { amount: "5", currency: null })).toBe("€5.00");
  });

  it("writes a VAT rate without trailing zeros", () => {
    expect(formatRate("21.00")).toBe("21");
    expect(formatRate(6)).toBe("6");
  });
});

describe("dates in the visitor's language", () => {
  it("writes a calendar date as that day in every language", () => {
    expect(formatDate("nl", "2026-11-21")).toBe("21 november 2026");
    expect(formatDate("en", "2026-11-21")).toBe("21 November 2026");
    expect(formatDate("fr", "2026-11-21")).toBe("21 novembre 2026");
  });

  it("writes the first of the month as the first, whatever the time zone", () => {
    expect(formatDate("en", "2026-01-01")).toBe("1 January 2026");
  });

  it("writes a moment as a date too", () => {
    expect(formatDate("en", "2026-06-15T12:00:00+00:00")).toBe("15 June 2026");
  });

  it("writes nothing for no date or a date it cannot read", () => {
    expect(formatDate("en", null)).toBe("");
    expect(formatDate("en", "")).toBe("");
    expect(formatDate("en", "not a date")).toBe("");
  });
});

describe("a visit's moment", () => {
  it("is the museum's wall-clock time, whatever the visitor's zone", () => {
    // 09:00 UTC in December is 10:00 in Brussels.
    expect(formatDateTime("en", "2026-12-15T09:00:00+00:00")).toContain("10:00");
    expect(formatDateTime("nl", "2026-12-15T09:00:00+00:00")).toContain("dinsdag 15 december 2026");
    expect(formatDateTime("fr", null)).toBe("");
  });
});

describe("estimated counts", () => {
  it("rounds to two digits and groups as each language does", () => {
    expect(formatEstimate("nl", 59264)).toBe("59.000");
    expect(formatEstimate("en", 59264)).toBe("59,000");
    expect(plain(formatEstimate("fr", 59264))).toBe("59 000");
    expect(formatEstimate("en", 2047)).toBe("2,000");
  });

  it("says that the number of results is an estimate", () => {
    expect(STRINGS.nl.aboutResults(3520)).toBe("ongeveer 3.500 resultaten");
    expect(STRINGS.en.aboutResults(3520)).toBe("about 3,500 results");
    expect(plain(STRINGS.fr.aboutResults(3520))).toBe("environ 3 500 résultats");
  });
});
