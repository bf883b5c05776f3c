/**
 * The privacy policy in force: the visitor's language, else English, else Dutch (the
 * same choice the consent banner records). Its version and date are shown because
 * consent is given against a version.
 */
import { useQuery } from "@apollo/client";
import { ContentBlocks } from "../../components/blocks/ContentBlocks";
import { formatDate } from "../../i18n/format";
import { PageTitle } from "../../components/PageTitle";
import { LoadError, Loading } from "../../components/QueryState";
import { useDocumentMeta } from "../../components/useDocumentMeta";
import { policyLocale } from "../../consent/ConsentProvider";
import { Link } from "react-router-dom";
import { PRIVACY_STRINGS } from "../../components/privacy/strings";
import { pathFor, useLang, useStrings, useT } from "../../i18n";
import NotFoundPage from "../errors/NotFoundPage";
import { PrivacyPoliciesDocument } from "./legal.generated";

export default function PrivacyPolicyPage() {
  const t = useT();
  const lang = useLang();
  const { requestTitle } = useStrings(PRIVACY_STRINGS);
  const { data, loading, error, refetch } = useQuery(PrivacyPoliciesDocument);
  const policies = (data?.policies ?? []).flatMap((page) => (page.__typename === "PrivacyPolicy" ? [page] : []));
  const locale = policyLocale(lang, policies.map((policy) => policy.locale));
  const policy = policies.find((candidate) => candidate.locale === locale);
  useDocumentMeta(policy?.title, policy?.searchDescription);
  if (!data && loading) return <Loading />;
  if (!data) return <LoadError error={error} retry={() => refetch()} />;
  if (!policy) return <NotFoundPage />;
  return (
    <PrivacyPolicyView
      title={policy.title}
      locale={policy.locale}
      version={policy.version}
      effectiveDate={policy.effectiveDate}
      body={policy.body}
      lang={lang}
      t={t}
      requestTitle={requestTitle}
    />
  );
}

export function PrivacyPolicyView({
  title,
  locale,
  version,
  effectiveDate,
  body,
  lang,
  t,
  requestTitle,
}: {
  title: string;
  locale: string;
  version: string;
  effectiveDate: string;
  body: Parameters<typeof ContentBlocks>[0]["blocks"];
  lang: ReturnType<typeof useLang>;
  t: ReturnType<typeof useT>;
  /** The link to the data request page (export or erasure by e-mailed link). */
  requestTitle: string;
}) {
  return (
    <article className="page page--narrow" data-page="privacy" lang={locale === lang ? undefined : locale}>
      <PageTitle>{title}</PageTitle>
      <p className="meta">
        {t.version} {version} · {t.effectiveFrom} <time dateTime={effectiveDate}>{formatDate(lang, effectiveDate)}</time>
      </p>
      <ContentBlocks blocks={body} />
      <p className="notice">
        <Link to={pathFor(lang, "privacy", "request")}>{requestTitle}</Link>
      </p>
    </article>
  );
}
