/** All published exhibitions of the current language, latest first. */
import { useQuery } from "@apollo/client";
import { ExhibitionCard } from "../../components/ExhibitionCard";
import { PageTitle } from "../../components/PageTitle";
import { LoadError, Loading } from "../../components/QueryState";
import { useDocumentMeta } from "../../components/useDocumentMeta";
import { useLang, useT } from "../../i18n";
import { ExhibitionListDocument } from "./exhibitions.generated";

export default function ExhibitionListPage() {
  const t = useT();
  const lang = useLang();
  const { data, loading, error, refetch } = useQuery(ExhibitionListDocument, {
    variables: { locale: lang, first: 50 },
  });
  useDocumentMeta(t.exhibitions);
  if (!data && loading) return <Loading />;
  if (!data) return <LoadError error={error} retry={() => refetch()} />;
  return (
    <div className="page" data-page="exhibition-list">
      <PageTitle>{t.exhibitions}</PageTitle>
      <ul className="card-grid plain-list">
        {data.exhibitions.nodes.map((exhibition) => (
          <li key={exhibition.id}>
            <ExhibitionCard exhibition={exhibition} headingLevel={2} />
          </li>
        ))}
      </ul>
    </div>
  );
}
