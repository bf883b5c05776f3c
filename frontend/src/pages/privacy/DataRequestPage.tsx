/**
 * Data export and erasure for anyone, with or without an account (GDPR articles 15, 17
 * and 20), at /<lang>/<privacy>/request.
 *
 * Without a token it is the form: an e-mail address and what to do with its data; the
 * server mails a link to that address (`dataRequestCreate`) and answers the same whether
 * it holds anything or not, so the page says "if we hold data, a link is on its way" and
 * never whether the address is known. The e-mailed link comes back here with `token`
 * and `kind`: an export fetches the data (`dataExport`) and offers it as a JSON file with
 * a readable summary; an erasure says what will go and what the law makes us keep, and
 * erases (`dataErasureConfirm`) only after an explicit press of the button, never on load.
 */
import { useMutation } from "@apollo/client";
import { useEffect, useMemo, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { PageTitle } from "../../components/PageTitle";
import { Loading } from "../../components/QueryState";
import { PRIVACY_STRINGS, type PrivacyStrings } from "../../components/privacy/strings";
import { errorText, type PayloadError } from "../../components/form/errors";
import { FormError, TextField } from "../../components/form/Field";
import { SubmitButton } from "../../components/form/SubmitButton";
import { formatDate, formatMoney } from "../../i18n/format";
import { useSubmit } from "../../components/form/useSubmit";
import { useDocumentMeta } from "../../components/useDocumentMeta";
import { pathFor, useLang, useStrings, useT, type Lang } from "../../i18n";
import type { DataRequestKind } from "../../graphql/schema-types";
import { DataErasureConfirmDocument, DataExportDocument, DataRequestCreateDocument } from "./privacy.generated";

export default function DataRequestPage() {
  const s = useStrings(PRIVACY_STRINGS);
  const [params] = useSearchParams();
  const token = params.get("token");
  const kind = params.get("kind");
  if (token && kind === "EXPORT") return <ExportByLink token={token} />;
  if (token && kind === "ERASURE") return <ErasureByLink token={token} />;
  if (token) return <LinkProblem title={s.requestTitle} errors={[{ code: "INVALID", field: "token" }]} />;
  return <RequestForm />;
}

function RequestForm() {
  const s = useStrings(PRIVACY_STRINGS);
  const lang = useLang();
  const [email, setEmail] = useState("");
  const [kind, setKind] = useState<DataRequestKind>("EXPORT");
  const [sentTo, setSentTo] = useState<string>();
  const [request] = useMutation(DataRequestCreateDocument);
  const { errors, busy, form, submit } = useSubmit(s);
  useDocumentMeta(s.requestTitle);
  return (
    <div className="page page--narrow" data-page="privacy-request">
      <PageTitle>{s.requestTitle}</PageTitle>
      <p>{s.requestIntro}</p>
      <div role="status" aria-live="polite">
        {sentTo ? <p className="notice">{s.sent(sentTo)}</p> : null}
      </div>
      {sentTo ? (
        <p>
          <button type="button" className="button--link" onClick={() => setSentTo(undefined)}>
            {s.askAgain}
          </button>
        </p>
      ) : (
        <form
          ref={form}
          noValidate
          className="narrow-form"
          onSubmit={submit(
            async () =>
              (await request({ variables: { email: email.trim(), kind, languageCode: lang } })).data?.dataRequestCreate
                ?.errors,
            () => setSentTo(email.trim()),
          )}
        >
          <FormError message={errors.form ?? errors.languageCode} />
          <fieldset>
            <legend>{s.kindLegend}</legend>
            {(["EXPORT", "ERASURE"] as const).map((value) => (
              <div className="field field--check" key={value}>
                <input
                  id={`kind-${value}`}
                  type="radio"
                  name="kind"
                  value={value}
                  checked={kind === value}
                  onChange={() => setKind(value)}
                />
                <label htmlFor={`kind-${value}`}>{value === "EXPORT" ? s.kindExport : s.kindErasure}</label>
              </div>
            ))}
            {errors.kind ? <p className="field__error">{errors.kind}</p> : null}
          </fieldset>
          <TextField
            label={s.email}
            type="email"
            autoComplete="email"
            required
            value={email}
            error={errors.email}
            onChange={(event) => setEmail(event.target.value)}
          />
          <SubmitButton busy={busy}>
            {s.sendLink}
          </SubmitButton>
        </form>
      )}
      <p>
        <Link to={pathFor(lang, "account")}>{s.accountHint}</Link>
      </p>
    </div>
  );
}

/** An expired, used or altered link: say so, and offer the form again. */
function LinkProblem({ title, errors }: { title: string; errors: readonly PayloadError[] }) {
  const s = useStrings(PRIVACY_STRINGS);
  const lang = useLang();
  useDocumentMeta(title);
  return (
    <div className="page page--narrow" data-page="privacy-request-link">
      <PageTitle>{title}</PageTitle>
      {errors.map((error) => (
        <FormError key={`${error.field}-${error.code}`} message={errorText(s, error)} />
      ))}
      <p>
        <Link to={pathFor(lang, "privacy", "request")} className="button">
          {s.askAgain}
        </Link>
      </p>
    </div>
  );
}

/** The parts of the export document the summary shows (the file has everything). */
type ExportDocument = {
  exportedAt?: string;
  profile?: { id?: string | null; email?: string; dateJoined?: string | null };
  addresses?: unknown[];
  consents?: unknown[];
  checkouts?: unknown[];
  /** One sign-up per museum of the group (each museum has its own newsletter). */
  newsletter?: { museum?: string; status?: string }[] | null;
  orders?: { number?: string | null; placedAt?: string; total?: string; currency?: string }[];
};

/** Starts a mutation once when the page opens (not twice under React's StrictMode). */
function useOnce(run: () => void) {
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    run();
  });
}

function ExportByLink({ token }: { token: string }) {
  const s = useStrings(PRIVACY_STRINGS);
  const [fetchData, { data, error }] = useMutation(DataExportDocument);
  useDocumentMeta(s.exportTitle);
  useOnce(() => void fetchData({ variables: { token } }).catch(() => undefined));
  const answer = data?.dataExport;
  if (error) return <LinkProblem title={s.exportTitle} errors={[{ code: "unknown" }]} />;
  if (answer?.errors.length) return <LinkProblem title={s.exportTitle} errors={answer.errors} />;
  if (!answer?.data) {
    return (
      <div className="page page--narrow" data-page="privacy-export">
        <PageTitle>{s.exportTitle}</PageTitle>
        <p className="visually-hidden">{s.fetching}</p>
        <Loading />
      </div>
    );
  }
  return <ExportView json={answer.data} />;
}

function ExportView({ json }: { json: string }) {
  const s = useStrings(PRIVACY_STRINGS);
  const lang = useLang();
  const document = useMemo(() => JSON.parse(json) as ExportDocument, [json]);
  const href = useMemo(() => URL.createObjectURL(new Blob([json], { type: "application/json" })), [json]);
  useEffect(() => () => URL.revokeObjectURL(href), [href]);
  const day = (document.exportedAt ?? new Date().toISOString()).slice(0, 10);
  return (
    <div className="page page--narrow" data-page="privacy-export">
      <PageTitle>{s.exportTitle}</PageTitle>
      <p>
        <a href={href} download={`my-data-${day}.json`} className="button" type="application/json">
          {s.download}
        </a>
      </p>
      <p className="field__help">{s.downloadHelp}</p>
      <ExportSummary document={document} s={s} lang={lang} />
    </div>
  );
}

function ExportSummary({ document, s, lang }: { document: ExportDocument; s: PrivacyStrings; lang: Lang }) {
  const orders = document.orders ?? [];
  const newsletters = document.newsletter ?? [];
  return (
    <section aria-labelledby="export-summary" data-testid="export-summary">
      <h2 id="export-summary">{s.summary}</h2>
      <dl className="summary-list">
        <dt>{s.profileEmail}</dt>
        <dd>{document.profile?.email}</dd>
        <dt>{s.account}</dt>
        <dd>
          {document.profile?.id && document.profile.dateJoined
            ? s.accountSince(formatDate(lang, document.profile.dateJoined))
            : s.noAccount}
        </dd>
        <dt>{s.orders}</dt>
        <dd>
          {orders.length === 0 ? (
            s.noOrders
          ) : (
            <ul className="plain-list">
              {orders.map((order, index) => (
                <li key={order.number ?? index}>
                  {s.order(
                    order.number ?? "—",
                    order.placedAt ? formatDate(lang, order.placedAt) : "—",
                    formatMoney(lang, { amount: order.total ?? "0", currency: order.currency }),
                  )}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{s.newsletter}</dt>
        <dd>
          {newsletters.length === 0 ? (
            s.noNewsletter
          ) : (
            <ul className="plain-list">
              {newsletters.map((row, index) => (
                <li key={row.museum ?? index}>
                  {row.museum ? `${row.museum}: ` : ""}
                  {row.status ? (s.newsletterStatus[row.status] ?? row.status) : "—"}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      <ul>
        <li>{s.checkouts(document.checkouts?.length ?? 0)}</li>
        <li>{s.addresses(document.addresses?.length ?? 0)}</li>
        <li>{s.consents(document.consents?.length ?? 0)}</li>
      </ul>
    </section>
  );
}

function ErasureByLink({ token }: { token: string }) {
  const s = useStrings(PRIVACY_STRINGS);
  const t = useT();
  const lang = useLang();
  const [erase] = useMutation(DataErasureConfirmDocument);
  const [erased, setErased] = useState<{ orders: number }>();
  const [linkErrors, setLinkErrors] = useState<readonly PayloadError[]>();
  const { errors, busy, form, submit } = useSubmit(s);
  useDocumentMeta(s.erasureTitle);
  if (linkErrors) return <LinkProblem title={s.erasureTitle} errors={linkErrors} />;
  if (erased) {
    return (
      <div className="page page--narrow" data-page="privacy-erased">
        <PageTitle>{s.erasureTitle}</PageTitle>
        <div className="notice" role="status">
          <p>{s.erased}</p>
          {erased.orders ? <p>{s.erasedOrders(erased.orders)}</p> : null}
        </div>
        <p>
          <Link to={pathFor(lang, "home")}>{t.backHome}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page page--narrow" data-page="privacy-erasure">
      <PageTitle>{s.erasureTitle}</PageTitle>
      <p>{s.erasureWhat}</p>
      <ul>
        {s.erasureItems.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <p>
        <strong>{s.erasureFinal}</strong>
      </p>
      <form
        ref={form}
        className="narrow-form"
        onSubmit={submit(async () => {
          const answer = (await erase({ variables: { token } })).data?.dataErasureConfirm;
          // A link that expired or was used already cannot be retried: ask for a new one.
          const problems = answer?.errors.filter((error) => error.field === "token") ?? [];
          if (problems.length) {
            setLinkErrors(problems);
            return [];
          }
          if (answer?.erasure) setErased({ orders: answer.erasure.orders });
          return answer?.errors;
        })}
      >
        <FormError message={errors.form} />
        <SubmitButton busy={busy} variant="danger">
          {s.confirmErasure}
        </SubmitButton>
      </form>
    </div>
  );
}
