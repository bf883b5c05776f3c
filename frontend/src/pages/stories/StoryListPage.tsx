/** All published stories of the current language, newest first, twelve at a time. */
import { useQuery } from "@apollo/client";
import { appendPage, LoadMore } from "../../components/LoadMore";
import { PageTitle } from "../../components/PageTitle";
import { LoadError, Loading } from "../../components/QueryState";
import { StoryCard } from "../../components/StoryCard";
import { useDocumentMeta } from "../../components/useDocumentMeta";
import { useLang, useT } from "../../i18n";
import { StoryListDocument } from "./stories.generated";

const PAGE_SIZE = 12;

export default function StoryListPage() {
  const t = useT();
  const lang = useLang();
  const { data, loading, error, fetchMore, refetch } = useQuery(StoryListDocument, {
    variables: { locale: lang, first: PAGE_SIZE },
  });
  useDocumentMeta(t.stories);
  if (!data && loading) return <Loading />;
  if (!data) return <LoadError error={error} retry={() => refetch()} />;
  const { nodes, pageInfo, totalCount } = data.stories;
  return (
    <div className="page" data-page="story-list">
      <PageTitle>{t.stories}</PageTitle>
      <p className="meta">{t.results(totalCount)}</p>
      <ul className="card-grid plain-list">
        {nodes.map((story) => (
          <li key={story.id}>
            <StoryCard story={story} headingLevel={2} />
          </li>
        ))}
      </ul>
      <LoadMore
        pageInfo={pageInfo}
        loading={loading}
        onMore={(after) => fetchMore({ variables: { after }, updateQuery: appendPage("stories") })}
      />
    </div>
  );
}
