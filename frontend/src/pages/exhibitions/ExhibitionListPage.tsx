/** The museum's exhibitions of the current language in three lists: on now (latest
 * opened first), coming (soonest first) and past (latest closed first). */
import { useQuery } from "@apollo/client";
import { ExhibitionCard, exhibitionPhase, isoToday, type ExhibitionPhase } from "../../components/ExhibitionCard";
import { PageTitle } from "../../components/PageTitle";
import { LoadError, Loading } from "../../components/QueryState";
import { useDocumentMeta } from "../../components/useDocumentMeta";
import { useLang, useT } from "../../i18n";
import { ExhibitionListDocument, type ExhibitionCardFieldsFragment } from "./exhibitions.generated";

export default function ExhibitionListPage() {
  const t = useT();
  const lang = useLang();
  const { data, loading, error, refetch } = useQuery(ExhibitionListDocument, {
    variables: { locale: lang, first: 50 },
  });
  useDocumentMeta(t.exhibitions);
  if (!data && loading) return <Loading />;
  if (!data) return <LoadError error={error} retry={() => refetch()} />;
  const today = isoToday();
  const phases: Record<ExhibitionPhase, ExhibitionCardFieldsFragment[]> = { current: [], upcoming: [], past: [] };
  for (const exhibition of data.exhibitions.nodes) phases[exhibitionPhase(exhibition, today)].push(exhibition);
  // The API sorts by opening date, latest first: the next one to open is the last.
  phases.upcoming.reverse();
  phases.past.sort((a, b) => (b.endDate ?? "").localeCompare(a.endDate ?? ""));
  const headings: Record<ExhibitionPhase, string> = {
    current: t.currentExhibitions,
    upcoming: t.upcomingExhibitions,
    past: t.pastExhibitions,
  };
  return (
    <div className="page" data-page="exhibition-list">
      <PageTitle>{t.exhibitions}</PageTitle>
      {(["current", "upcoming", "past"] as const).map((phase) =>
        phases[phase].length ? (
          <section key={phase} className="list-section" aria-labelledby={`exhibitions-${phase}`} data-phase={phase}>
            <h2 id={`exhibitions-${phase}`}>{headings[phase]}</h2>
            <ul className="card-grid plain-list">
              {phases[phase].map((exhibition) => (
                <li key={exhibition.id}>
                  <ExhibitionCard exhibition={exhibition} headingLevel={3} />
                </li>
              ))}
            </ul>
          </section>
        ) : null,
      )}
    </div>
  );
}
