/**
 * Imprint, terms of sale, cookie policy: legal pages live at `/<lang>/<slug>`. A slug
 * that is no legal page of this language is the 404 page.
 */
import { useQuery } from "@apollo/client";
import { useParams } from "react-router-dom";
import { ContentBlocks } from "../../components/blocks/ContentBlocks";
import { formatDate } from "../../i18n/format";
import { PageTitle } from "../../components/PageTitle";
import { LoadError, Loading } from "../../components/QueryState";
import { useDocumentMeta } from "../../components/useDocumentMeta";
import { translationPaths, useAlternatePaths, useLang, useT } from "../../i18n";
import NotFoundPage from "../errors/NotFoundPage";
import { LegalPageBySlugDocument } from "./legal.generated";

export function LegalView({
  title,
  lastUpdated,
  body,
}: {
  title: string;
  lastUpdated: string;
  body: Parameters<typeof ContentBlocks>[0]["blocks"];
}) {
  const t = useT();
  const lang = useLang();
  return (
    <article className="page page--narrow" data-page="legal">
      <PageTitle>{title}</PageTitle>
      <p className="meta">
        {t.lastUpdated} <time dateTime={lastUpdated}>{formatDate(lang, lastUpdated)}</time>
      </p>
      <ContentBlocks blocks={body} />
    </article>
  );
}

export default function LegalPage() {
  const { slug = "" } = useParams();
  const lang = useLang();
  const { data, loading, error, refetch } = useQuery(LegalPageBySlugDocument, { variables: { slug } });
  const page = data?.page?.__typename === "LegalPage" && data.page.locale === lang ? data.page : null;
  // Legal pages are not under an area segment: their other languages are `/<lang>/<slug>`.
  useAlternatePaths(page ? translationPaths(page.translations, (other, otherSlug) => `/${other}/${otherSlug}`) : null);
  useDocumentMeta(page?.title, page?.searchDescription);
  if (!data && loading) return <Loading />;
  if (error && !data) return <LoadError error={error} retry={() => refetch()} />;
  if (!page) return <NotFoundPage />;
  return <LegalView title={page.title} lastUpdated={page.lastUpdated} body={page.body} />;
}
