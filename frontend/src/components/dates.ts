/** Dates as the visitor's language writes them ("21 november 2026"). */
import type { Lang } from "../i18n";

const LOCALES: Record<Lang, string> = { nl: "nl-BE", en: "en-GB", fr: "fr-BE" };

export function formatDate(isoDate: string | null | undefined, lang: Lang): string {
  if (!isoDate) return "";
  const [year, month, day] = isoDate.slice(0, 10).split("-").map(Number);
  return new Intl.DateTimeFormat(LOCALES[lang], { day: "numeric", month: "long", year: "numeric" }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}
