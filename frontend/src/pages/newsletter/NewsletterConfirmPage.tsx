/**
 * The confirmation e-mail's link, /<lang>/<newsletter>/confirm?token=…: confirms the
 * sign-up as the page opens (the double opt-in's second step). Confirming is idempotent
 * on the server, so a reload or a second click shows the same result; an expired or
 * superseded link says so and points to the sign-up form in the footer.
 */
import { useMutation } from "@apollo/client";
import { useEffect, useRef } from "react";
import { useSearchParams } from "react-router-dom";
import { PageTitle } from "../../components/PageTitle";
import { PRIVACY_STRINGS } from "../../components/privacy/strings";
import { errorText } from "../../components/form/errors";
import { FormError } from "../../components/form/Field";
import { useDocumentMeta } from "../../components/useDocumentMeta";
import { useStrings } from "../../i18n";
import { NewsletterConfirmDocument } from "./newsletter.generated";

export default function NewsletterConfirmPage() {
  const s = useStrings(PRIVACY_STRINGS);
  const [params] = useSearchParams();
  const [confirm, { data, error }] = useMutation(NewsletterConfirmDocument);
  const started = useRef(false);
  useDocumentMeta(s.newsletterTitle);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    confirm({ variables: { token: params.get("token") ?? "" } }).catch(() => undefined);
  }, [confirm, params]);
  const answer = data?.newsletterConfirm;
  const problem = error ? s.errors.unknown : answer?.errors.length ? errorText(s, answer.errors[0]) : undefined;
  return (
    <div className="page page--narrow" data-page="newsletter-confirm">
      <PageTitle>{s.newsletterTitle}</PageTitle>
      <div role="status" aria-live="polite">
        {!answer && !error ? <p>{s.confirming}</p> : null}
        {answer?.subscription ? <p className="notice">{s.confirmed(answer.subscription.email)}</p> : null}
      </div>
      {problem ? (
        <>
          <FormError message={problem} />
          <p>{s.signUpAgain}</p>
        </>
      ) : null}
    </div>
  );
}
