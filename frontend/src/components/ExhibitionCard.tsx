/** An exhibition as a card: title, dates, venue. */
import { Link } from "react-router-dom";
import { pathFor, useLang, useT, type Lang, type Strings } from "../i18n";
import type { ExhibitionCardFieldsFragment } from "../pages/exhibitions/exhibitions.generated";
import { formatDate } from "../i18n/format";
import { ResponsiveImage } from "./ResponsiveImage";

export function exhibitionDates(
  exhibition: { startDate?: string | null; endDate?: string | null },
  lang: Lang,
  t: Strings,
): string {
  const { startDate, endDate } = exhibition;
  if (startDate && endDate) return `${formatDate(lang, startDate)} – ${formatDate(lang, endDate)}`;
  if (startDate) return `${t.from} ${formatDate(lang, startDate)}`;
  if (endDate) return `${t.until} ${formatDate(lang, endDate)}`;
  return "";
}

export type ExhibitionPhase = "current" | "upcoming" | "past";

/** Whether an exhibition is on, to come or over on `today` (ISO dates compare as text). */
export function exhibitionPhase(
  exhibition: { startDate?: string | null; endDate?: string | null },
  today: string,
): ExhibitionPhase {
  if (exhibition.startDate && exhibition.startDate > today) return "upcoming";
  if (exhibition.endDate && exhibition.endDate < today) return "past";
  return "current";
}

/** Today's date as ISO text in the visitor's time zone. */
export function isoToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function ExhibitionCard({
  exhibition,
  headingLevel = 3,
}: {
  exhibition: ExhibitionCardFieldsFragment;
  headingLevel?: 2 | 3;
}) {
  const lang = useLang();
  const t = useT();
  const Heading = `h${headingLevel}` as const;
  return (
    <article className="card">
      {exhibition.hero ? (
        <ResponsiveImage
          className="card__image"
          rendition={exhibition.hero.rendition}
          alt=""
          sizes="(min-width: 64rem) 24rem, (min-width: 40rem) 45vw, 100vw"
        />
      ) : null}
      <div className="card__body">
        <Heading className="card__title">
          <Link className="card__link" to={pathFor(lang, "exhibitions", exhibition.slug)}>
            {exhibition.title}
          </Link>
        </Heading>
        <p className="meta">
          {[exhibitionDates(exhibition, lang, t), exhibition.venue].filter(Boolean).join(" · ")}
        </p>
        <p className="card__text">{exhibition.intro}</p>
      </div>
    </article>
  );
}
