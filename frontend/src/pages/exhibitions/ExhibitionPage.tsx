/** One exhibition: hero and intro, then its chapters with their objects, then related stories. */
import { useQuery } from "@apollo/client";
import { useParams } from "react-router-dom";
import { exhibitionDates } from "../../components/ExhibitionCard";
import { ObjectCard } from "../../components/ObjectCard";
import { PageTitle } from "../../components/PageTitle";
import { LoadError, Loading } from "../../components/QueryState";
import { Hero } from "../../components/Hero";
import { RichText } from "../../components/RichText";
import { StoryCard } from "../../components/StoryCard";
import { useDocumentMeta } from "../../components/useDocumentMeta";
import { pathFor, textLang, useAlternates, useLang, useT } from "../../i18n";
import NotFoundPage from "../errors/NotFoundPage";
import { PreviewInvalid } from "../preview/PreviewInvalid";
import { usePreviewLocale } from "../preview/previewLocale";
import { ExhibitionDetailDocument } from "./exhibitions.generated";

function chapterId(index: number): string {
  return `chapter-${index + 1}`;
}

export function ExhibitionView({ slug, previewToken }: { slug?: string; previewToken?: string }) {
  const t = useT();
  const lang = useLang();
  const { data, loading, error, refetch } = useQuery(ExhibitionDetailDocument, {
    // A draft answers in its own language: the locale would only refetch it when the
    // preview switches to that language.
    variables: previewToken ? { previewToken } : { slug, locale: lang },
    fetchPolicy: previewToken ? "no-cache" : "cache-first",
  });
  const exhibition = data?.exhibition;
  useAlternates("exhibitions", previewToken ? null : exhibition?.translations);
  useDocumentMeta(exhibition?.title, exhibition?.searchDescription || exhibition?.intro);
  usePreviewLocale(previewToken ? exhibition?.locale : null);
  if (!data && loading) return <Loading />;
  if (previewToken && !exhibition) return <PreviewInvalid />;
  if (error && !exhibition) return <LoadError error={error} retry={() => refetch()} />;
  if (!exhibition) return <NotFoundPage />;
  const dates = exhibitionDates(exhibition, lang, t);
  return (
    <article className="page exhibition" data-page="exhibition" lang={textLang(exhibition.locale, lang)}>
      <header className="page-header page--narrow">
        <PageTitle>{exhibition.title}</PageTitle>
        <p className="meta">{[dates, exhibition.venue].filter(Boolean).join(" · ")}</p>
        {exhibition.intro ? <p className="lead">{exhibition.intro}</p> : null}
      </header>
      {exhibition.hero ? (
        <Hero hero={exhibition.hero} />
      ) : null}
      {exhibition.chapters.length > 1 ? (
        <nav className="toc page--narrow" aria-labelledby="toc-heading">
          <h2 id="toc-heading" className="toc__heading">
            {t.inThisExhibition}
          </h2>
          <ol>
            {exhibition.chapters.map((chapter, index) => (
              <li key={index}>
                <a href={`#${chapterId(index)}`}>{chapter.heading}</a>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      {exhibition.chapters.map((chapter, index) => (
        <section key={index} className="chapter" aria-labelledby={chapterId(index)}>
          <div className="page--narrow">
            <h2 id={chapterId(index)} tabIndex={-1}>
              {chapter.heading}
            </h2>
            <RichText html={chapter.text} />
          </div>
          <ul className="card-grid plain-list">
            {chapter.objects.map((item) => (
              <li key={item.collectionObject.id}>
                <ObjectCard
                  object={item.collectionObject}
                  caption={item.caption}
                  from={{ label: exhibition.title, path: pathFor(lang, "exhibitions", exhibition.slug) }}
                />
              </li>
            ))}
          </ul>
        </section>
      ))}
      {exhibition.relatedStories.length ? (
        <section aria-labelledby="related-stories">
          <h2 id="related-stories">{t.relatedStories}</h2>
          <ul className="card-grid plain-list">
            {exhibition.relatedStories.map((story) => (
              <li key={story.id}>
                <StoryCard story={story} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

export default function ExhibitionPage() {
  const { slug } = useParams();
  return <ExhibitionView key={slug} slug={slug} />;
}
