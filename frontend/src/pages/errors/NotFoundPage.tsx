/** The 404 page: said plainly, with the two ways on (home and search). */
import { Link } from "react-router-dom";
import { PageTitle } from "../../components/PageTitle";
import { useDocumentMeta } from "../../components/useDocumentMeta";
import { pathFor, useLang, useT } from "../../i18n";

export default function NotFoundPage() {
  const t = useT();
  const lang = useLang();
  useDocumentMeta(t.notFoundTitle);
  return (
    <div className="page page--narrow" data-page="not-found">
      <PageTitle>{t.notFoundTitle}</PageTitle>
      <p className="lead">{t.notFoundText}</p>
      <p className="actions">
        <Link className="button" to={pathFor(lang, "home")}>
          {t.backHome}
        </Link>
        <Link className="button button--secondary" to={pathFor(lang, "search")}>
          {t.search}
        </Link>
      </p>
    </div>
  );
}
