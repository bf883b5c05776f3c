/** Shown when a page's code fails to load (e.g. a new deployment replaced its chunk). */
import { useRouteError } from "react-router-dom";
import { LoadError } from "../../components/QueryState";
import { PageTitle } from "../../components/PageTitle";
import { useT } from "../../i18n";

export function RouteError() {
  const error = useRouteError();
  const t = useT();
  return (
    <div className="page page--narrow">
      <PageTitle>{t.errorTitle}</PageTitle>
      <LoadError error={error instanceof Error ? error : undefined} retry={() => window.location.reload()} />
    </div>
  );
}
