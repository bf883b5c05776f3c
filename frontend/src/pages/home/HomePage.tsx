/**
 * The home page: the exhibition on now as a full-width hero, "Plan your visit" (today's
 * hours, address, tickets, accessibility), what else is on, the latest stories, a few
 * things from the shop and the virtual tour. One query (home.graphql).
 */
import { useQuery } from "@apollo/client";
import { Link } from "react-router-dom";
import { ExhibitionCard, exhibitionDates, exhibitionPhase, isoToday } from "../../components/ExhibitionCard";
import { PageTitle } from "../../components/PageTitle";
import { LoadError, Loading } from "../../components/QueryState";
import { ResponsiveImage } from "../../components/ResponsiveImage";
import { ProductCard } from "../../components/shop/ProductCard";
import { StoryCard } from "../../components/StoryCard";
import { useDocumentMeta } from "../../components/useDocumentMeta";
import type { HeroFieldsFragment } from "../../graphql/fragments.generated";
import { pathFor, useLang, useT, type Lang } from "../../i18n";
import { HomeDocument, type HomeQuery } from "./home.generated";

/** The tickets page (its own area, see the tickets pages); a plain link, so it loads whole. */
const TICKETS_PATH: Record<Lang, string> = { nl: "/nl/tickets", en: "/en/tickets", fr: "/fr/billets" };

type HeroExhibition = NonNullable<NonNullable<HomeQuery["homePage"]>["featuredExhibition"]>;

/** The hero's picture across the whole width: cropped around the focal point where the
 * editor set one, otherwise shown whole on a dark band (a painting keeps its edges). */
function HeroPicture({ hero }: { hero: HeroFieldsFragment }) {
  const focus = hero.image.focalPoint;
  const style = focus ? { objectPosition: `${(focus[0] * 100).toFixed(1)}% ${(focus[1] * 100).toFixed(1)}%` } : undefined;
  return (
    <div className={focus ? "home-hero__media" : "home-hero__media home-hero__media--whole"}>
      <ResponsiveImage className="home-hero__image" rendition={hero.whole} sizes="100vw" priority alt="" style={style} />
    </div>
  );
}

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

  const details = data.museumDetails;
  const today = details?.today?.date ?? isoToday();
  const exhibitions = data.exhibitions.nodes;
  const current = exhibitions.filter((exhibition) => exhibitionPhase(exhibition, today) === "current");
  const upcoming = exhibitions
    .filter((exhibition) => exhibitionPhase(exhibition, today) === "upcoming")
    .reverse(); // soonest first
  const featured = home?.featuredExhibition?.locale === lang ? home.featuredExhibition : null;
  const hero: HeroExhibition | (typeof exhibitions)[number] | null =
    featured ?? current.find((exhibition) => exhibition.banner) ?? null;
  const whatsOn = [...current, ...upcoming].filter((exhibition) => exhibition.id !== hero?.id).slice(0, 3);
  const tour = data.tours.nodes[0];
  const detailsLang = details && details.locale !== lang ? details.locale : undefined;

  return (
    <div className="home" data-page="home">
      <div className="home-intro page" lang={fallback}>
        <PageTitle>{home?.title ?? t.siteName}</PageTitle>
        {home?.intro ? <p className="lead">{home.intro}</p> : null}
      </div>

      {hero ? (
        <section className="home-hero" aria-labelledby="hero-heading">
          {hero.banner ? <HeroPicture hero={hero.banner} /> : null}
          <div className="home-hero__panel">
            <div className="home-hero__text">
              <p className="eyebrow">{t.nowOn}</p>
              <h2 className="home-hero__title" id="hero-heading">
                <Link to={pathFor(lang, "exhibitions", hero.slug)}>{hero.title}</Link>
              </h2>
              <p className="home-hero__meta">{[exhibitionDates(hero, lang, t), hero.venue].filter(Boolean).join(" · ")}</p>
              {hero.intro ? <p className="home-hero__intro">{hero.intro}</p> : null}
            </div>
          </div>
        </section>
      ) : null}

      {details ? (
        <section className="page visit" aria-labelledby="visit-heading" lang={detailsLang}>
          <h2 id="visit-heading">{t.planYourVisit}</h2>
          <div className="visit__grid">
            <div className="visit__item">
              <h3>{t.openingHours}</h3>
              {details.today ? (
                <p className="visit__today" data-testid="open-today">
                  <strong>
                    {details.today.open && details.today.opens && details.today.closes
                      ? t.openToday(details.today.opens, details.today.closes)
                      : t.closedToday}
                  </strong>
                  {details.today.note ? ` (${details.today.note})` : null}
                </p>
              ) : null}
              {details.openingHours ? <p className="pre-line">{details.openingHours}</p> : null}
              <p>
                <a className="button" href={TICKETS_PATH[lang]}>
                  {t.buyTickets}
                </a>
              </p>
            </div>
            {details.address ? (
              <div className="visit__item">
                <h3>{t.address}</h3>
                <address className="pre-line">{details.address}</address>
              </div>
            ) : null}
            {details.accessibility ? (
              <div className="visit__item">
                <h3>{t.accessibility}</h3>
                <p>{details.accessibility}</p>
              </div>
            ) : null}
          </div>
        </section>
      ) : null}

      {whatsOn.length ? (
        <section className="page" aria-labelledby="whats-on">
          <div className="section-heading">
            <h2 id="whats-on">{t.whatsOn}</h2>
            <Link to={pathFor(lang, "exhibitions")}>{t.allExhibitions}</Link>
          </div>
          <ul className="card-grid plain-list">
            {whatsOn.map((exhibition) => (
              <li key={exhibition.id}>
                <ExhibitionCard exhibition={exhibition} />
              </li>
            ))}
          </ul>
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

      {data.products.nodes.length ? (
        <section className="page" aria-labelledby="from-the-shop">
          <div className="section-heading">
            <h2 id="from-the-shop">{t.fromTheShop}</h2>
            <Link to={pathFor(lang, "shop")}>{t.visitTheShop}</Link>
          </div>
          <ul className="card-grid card-grid--small plain-list">
            {data.products.nodes.map((product) => (
              <li key={product.id}>
                <ProductCard product={product} headingLevel={3} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

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
    </div>
  );
}
