/** The draft of a legal page (grapple's `page(token:)`: legal pages have no field of their own). */
import { useQuery } from "@apollo/client";
import { Loading } from "../../components/QueryState";
import { LegalView } from "../legal/LegalPage";
import { LegalPagePreviewDocument } from "../legal/legal.generated";
import { PreviewInvalid } from "./PreviewInvalid";
import { usePreviewLocale } from "./previewLocale";

export default function LegalPreview({ previewToken }: { previewToken: string }) {
  const { data, loading, error } = useQuery(LegalPagePreviewDocument, {
    variables: { token: previewToken },
    fetchPolicy: "no-cache",
  });
  const page = data?.page?.__typename === "LegalPage" ? data.page : null;
  usePreviewLocale(page?.locale);
  if (loading) return <Loading />;
  if (!page) {
    if (error) console.error(error);
    return <PreviewInvalid />;
  }
  return <LegalView title={page.title} lastUpdated={page.lastUpdated} body={page.body} />;
}
