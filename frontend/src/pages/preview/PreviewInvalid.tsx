/** What the preview pane shows for an expired or forged token. */
import { PageTitle } from "../../components/PageTitle";
import { useT } from "../../i18n";

export function PreviewInvalid() {
  const t = useT();
  return (
    <div className="page page--narrow" data-page="preview-invalid">
      <PageTitle>{t.previewBanner}</PageTitle>
      <p role="alert">{t.previewInvalid}</p>
    </div>
  );
}
