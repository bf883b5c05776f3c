/** One story: hero, intro, byline and its whole StreamField body. */
import { useQuery } from "@apollo/client";
import { useParams } from "react-router-dom";
import { ContentBlocks } from "../../components/blocks/ContentBlocks";
import { formatDate } from "../../i18n/format";
import { PageTitle } from "../../components/PageTitle";
import { LoadError, Loading } from "../../components/QueryState";
import { Hero } from "../../components/Hero";
import { useDocumentMeta } from "../../components/useDocumentMeta";
import { textLang, useAlternates, useLang, useT } from "../../i18n";
import NotFoundPage from "../errors/NotFoundPage";
import { PreviewInvalid } from "../preview/PreviewInvalid";
import { usePreviewLocale } from "../preview/previewLocale";
import { StoryDetailDocument } from "./stories.generated";

export function StoryView({ slug, previewToken }: { slug?: string; previewToken?: string }) {
  const t = useT();
  const lang = useLang();
  const { data, loading, error, refetch } = useQuery(StoryDetailDocument, {
    // A draft answers in its own language: the locale would only refetch it when the
    // preview switches to that language.
    variables: previewToken ? { previewToken } : { slug, locale: lang },
    fetchPolicy: previewToken ? "no-cache" : "cache-first",
  });
  const story = data?.story;
  useAlternates("stories", previewToken ? null : story?.translations);
  useDocumentMeta(story?.title, story?.searchDescription || story?.intro);
  usePreviewLocale(previewToken ? story?.locale : null);
  if (!data && loading) return <Loading />;
  if (previewToken && !story) return <PreviewInvalid />;
  if (error && !story) return <LoadError error={error} retry={() => refetch()} />;
  if (!story) return <NotFoundPage />;
  return (
    <article className="page story" data-page="story" lang={textLang(story.locale, lang)}>
      <header className="page-header page--narrow">
        <PageTitle>{story.title}</PageTitle>
        <p className="meta">
          {story.author ? `${t.by} ${story.author} · ` : null}
          <time dateTime={story.date}>{formatDate(lang, story.date)}</time>
        </p>
        {story.intro ? <p className="lead">{story.intro}</p> : null}
      </header>
      {story.hero ? (
        <Hero hero={story.hero} />
      ) : null}
      <div className="page--narrow">
        <ContentBlocks blocks={story.body} />
        {story.tags.length ? (
          <ul className="tags plain-list" aria-label="Tags">
            {story.tags.map((tag) => (
              <li key={tag} className="tag">
                {tag}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </article>
  );
}

export default function StoryPage() {
  const { slug } = useParams();
  return <StoryView key={slug} slug={slug} />;
}
