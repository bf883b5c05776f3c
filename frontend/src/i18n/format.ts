/**
 * Dates and money as the visitor's language writes them: one place, one argument order
 * (language first), so a page never formats "21 november 2026" or "€ 12,10" its own way.
 */
import type { Lang } from "./languages";

/** Belgian conventions for the three languages the museum speaks. */
export const LOCALES: Record<Lang, string> = { nl: "nl-BE", en: "en-GB", fr: "fr-BE" };

/** An amount with its currency: € 12,10 (nl), €12.10 (en), 12,10 € (fr); EUR when none is given. */
export function formatMoney(lang: Lang, money: { amount: string | number; currency?: string | null }): string {
  return new Intl.NumberFormat(LOCALES[lang], {
    style: "currency",
    currency: money.currency || "EUR",
  }).format(Number(money.amount));
}

/** An estimated count as a reader takes it: two significant digits, grouped as the
 * language groups them: 59.000 (nl), 59,000 (en), 59 000 (fr). */
export function formatEstimate(lang: Lang, count: number): string {
  return new Intl.NumberFormat(LOCALES[lang]).format(Number(count.toPrecision(2)));
}

/** A VAT rate such as "21.00" or 6 as "21" / "6". */
export function formatRate(rate: string | number): string {
  return String(Number(rate));
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date as "21 november 2026". A calendar date ("2026-11-21": a story's date, an
 * exhibition's end) is that day wherever the visitor is; a moment ("2026-11-21T23:30:00Z":
 * when an order was placed) is the day it was in the visitor's time zone. Empty for none.
 */
export function formatDate(lang: Lang, iso: string | null | undefined): string {
  if (!iso) return "";
  const options: Intl.DateTimeFormatOptions = { day: "numeric", month: "long", year: "numeric" };
  if (DATE_ONLY.test(iso)) {
    const [year, month, day] = iso.split("-").map(Number);
    return new Intl.DateTimeFormat(LOCALES[lang], { ...options, timeZone: "UTC" }).format(
      new Date(Date.UTC(year, month - 1, day)),
    );
  }
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return "";
  return new Intl.DateTimeFormat(LOCALES[lang], options).format(moment);
}

/**
 * The museum's time zone: a group visit happens at the museum's wall-clock time, so its
 * date and hour are shown there whatever the visitor's own zone (the booking form sends
 * the chosen date and hour without an offset, and the server reads them in this zone).
 */
export const MUSEUM_TIME_ZONE = "Europe/Brussels";

/** A moment as "dinsdag 15 december 2026 om 10:00" in the museum's time zone; empty for none. */
export function formatDateTime(lang: Lang, iso: string | null | undefined): string {
  if (!iso) return "";
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return "";
  return new Intl.DateTimeFormat(LOCALES[lang], {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: MUSEUM_TIME_ZONE,
  }).format(moment);
}
