/**
 * What a page shows while its query runs or when it fails: a polite status message
 * (announced, never a layout-shifting spinner) or an error with a retry button.
 */
import type { ApolloError } from "@apollo/client";
import { useT } from "../i18n";

export function Loading() {
  const t = useT();
  return (
    <div className="status" role="status" aria-live="polite">
      <span className="visually-hidden">{t.loading}</span>
      <div className="skeleton" aria-hidden="true" />
    </div>
  );
}

export function LoadError({ error, retry }: { error?: ApolloError | Error; retry?: () => void }) {
  const t = useT();
  if (error) console.error(error);
  return (
    <div className="status status--error" role="alert">
      <p>{t.loadError}</p>
      {retry ? (
        <button type="button" className="button" onClick={() => retry()}>
          {t.retry}
        </button>
      ) : null}
    </div>
  );
}
