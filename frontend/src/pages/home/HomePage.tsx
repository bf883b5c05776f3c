/** The home page: the featured exhibition, the latest stories and the virtual tour. */
import { useQuery } from "@apollo/client";
import { Link } from "react-router-dom";
import { exhibitionDates } from "../../components/ExhibitionCard";
import { PageTitle } from "../../components/PageTitle";
import { LoadError, Loading } from "../../components/QueryState";
import { ResponsiveImage } from "../../components/ResponsiveImage";
import { StoryCard } from "../../components/StoryCard";
import { useDocumentMeta } from "../../components/useDocumentMeta";
import { pathFor, useLang, useT } from "../../i18n";
import { HomeDocument } from "./home.generated";

export default function HomePage() {
  const t = useT();
  const lang = useLang();
  const { data, loading, error, refetch } = useQuery(HomeDocument, { variables: { locale: lang } });
  const home = data?.homePage;
  // An untranslated home page comes in Dutch: say so to screen readers with `lang`, and
  // leave out its featured exhibition, whose page does not exist in this language.
  const fallback = home && home.locale !== lang ? home.locale : undefined;
  useDocumentMeta(data ? "" : null, home?.searchDescription || home?.intro);
  if (!data && loading) return <Loading />;
  if (!data) return <LoadError error={error} retry={() => refetch()} />;
  const featured = home?.featuredExhibition?.locale === lang ? home.featuredExhibition : null;
  const tour = data.tours.nodes[0];
  return (
    <div className="home" data-page="home">
      <section className="home-intro page" lang={fallback}>
        <PageTitle>{home?.title ?? t.siteName}</PageTitle>
        {home?.intro ? <p className="lead">{home.intro}</p> : null}
      </section>

      {featured ? (
        <section className="feature page" aria-labelledby="featured-heading">
          <div className="feature__media">
            {featured.hero ? (
              <ResponsiveImage rendition={featured.hero.heroRendition} sizes="(min-width: 76rem) 76rem, 100vw" priority alt="" />
            ) : null}
          </div>
          <div className="feature__text">
            <p className="eyebrow" id="featured-heading">
              {t.featuredExhibition}
            </p>
            <h2 className="feature__title">
              <Link to={pathFor(lang, "exhibitions", featured.slug)}>{featured.title}</Link>
            </h2>
            <p className="meta">{[exhibitionDates(featured, lang, t), featured.venue].filter(Boolean).join(" · ")}</p>
            <p>{featured.intro}</p>
          </div>
        </section>
      ) : null}

      <section className="page" aria-labelledby="latest-stories">
        <div className="section-heading">
          <h2 id="latest-stories">{t.latestStories}</h2>
          <Link to={pathFor(lang, "stories")}>{t.allStories}</Link>
        </div>
        <ul className="card-grid plain-list">
          {data.stories.nodes.map((story) => (
            <li key={story.id}>
              <StoryCard story={story} />
            </li>
          ))}
        </ul>
      </section>

      {tour ? (
        <section className="page tour-teaser" aria-labelledby="tour-teaser">
          <p className="eyebrow">{t.currentTour}</p>
          <h2 id="tour-teaser">{tour.title}</h2>
          <p>{tour.intro}</p>
          <p>
            <Link className="button" to={pathFor(lang, "tours", tour.slug)}>
              {t.takeTheTour}
              <span className="visually-hidden">: {tour.title}</span>
            </Link>
          </p>
        </section>
      ) : null}

      <p className="page">
        <Link to={pathFor(lang, "exhibitions")}>{t.allExhibitions}</Link>
      </p>
    </div>
  );
}
