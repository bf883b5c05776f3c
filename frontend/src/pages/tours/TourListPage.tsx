/**
 * All published virtual tours of the current language. Light on purpose: no viewer code is
 * loaded here (Photo Sphere Viewer is fetched on a tour's own page), only a still of each
 * tour's first room and the names of its rooms.
 */
import { useQuery } from "@apollo/client";
import { Link } from "react-router-dom";
import { PageTitle } from "../../components/PageTitle";
import { LoadError, Loading } from "../../components/QueryState";
import { ResponsiveImage } from "../../components/ResponsiveImage";
import { useDocumentMeta } from "../../components/useDocumentMeta";
import { pathFor, useLang, useStrings } from "../../i18n";
import { TOUR_STRINGS } from "./tourStrings";
import { TourListDocument, type TourCardFieldsFragment } from "./tours.generated";

export default function TourListPage() {
  const S = useStrings(TOUR_STRINGS);
  const lang = useLang();
  const { data, loading, error, refetch } = useQuery(TourListDocument, { variables: { locale: lang, first: 50 } });
  useDocumentMeta(S.toursTitle, S.toursIntro);
  if (!data && loading) return <Loading />;
  if (!data) return <LoadError error={error} retry={() => refetch()} />;
  const tours = data.tours.nodes;
  return (
    <div className="page" data-page="tour-list">
      <header className="page-header">
        <PageTitle>{S.toursTitle}</PageTitle>
        <p className="lead">{S.toursIntro}</p>
      </header>
      {tours.length ? (
        <ul className="card-grid plain-list">
          {tours.map((tour) => (
            <li key={tour.slug}>
              <TourCard tour={tour} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{S.noTours}</p>
      )}
    </div>
  );
}

function TourCard({ tour }: { tour: TourCardFieldsFragment }) {
  const S = useStrings(TOUR_STRINGS);
  const lang = useLang();
  const still = tour.startScene?.panorama.cardRendition;
  return (
    <article className="card tour-card">
      {still ? (
        <ResponsiveImage
          className="card__image"
          rendition={still}
          alt=""
          sizes="(min-width: 64rem) 24rem, (min-width: 40rem) 45vw, 100vw"
        />
      ) : null}
      <div className="card__body">
        <h2 className="card__title">
          <Link className="card__link" to={pathFor(lang, "tours", tour.slug)}>
            {tour.title}
          </Link>
        </h2>
        <p className="meta">
          {S.sceneCount(tour.scenes.length)}
          {tour.scenes.length ? `: ${tour.scenes.map((scene) => scene.title).join(", ")}` : null}
        </p>
        <p className="card__text">{tour.intro}</p>
      </div>
    </article>
  );
}
