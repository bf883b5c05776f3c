/**
 * "Load more" under a list answered as a connection (`nodes` + `pageInfo`): the next
 * page is appended to what the visitor already sees, so their place in the list stays.
 */
import { useT } from "../i18n";

type PageInfo = { hasNextPage: boolean; endCursor?: string | null };
type Connection = { nodes: readonly unknown[]; pageInfo: PageInfo };

/** An `updateQuery` for `fetchMore` that appends the next page's nodes of `field`. */
export function appendPage<K extends string, Q extends { [key in K]: Connection }>(field: K) {
  return (previous: Q, { fetchMoreResult }: { fetchMoreResult: Q }): Q => ({
    ...previous,
    [field]: {
      ...fetchMoreResult[field],
      nodes: [...previous[field].nodes, ...fetchMoreResult[field].nodes],
    },
  });
}

export function LoadMore({
  pageInfo,
  loading,
  onMore,
}: {
  pageInfo: PageInfo | undefined;
  loading: boolean;
  onMore: (after: string) => void;
}) {
  const t = useT();
  const after = pageInfo?.hasNextPage ? pageInfo.endCursor : null;
  if (!after) return null;
  return (
    <p className="actions">
      <button type="button" className="button button--secondary" disabled={loading} onClick={() => onMore(after)}>
        {t.loadMore}
      </button>
    </p>
  );
}
