/**
 * The unsubscribe link every newsletter e-mail carries, /<lang>/<newsletter>/unsubscribe?
 * token=…: the reader leaves with one press of a button.
 *
 * Not on load, although the server's `newsletterUnsubscribe` is harmless to repeat: mail
 * scanners and link previews open the links of incoming mail, and some run the page's
 * script, which would unsubscribe readers who never asked to. The token does not expire
 * (an old newsletter must still let its reader leave), so the button always works.
 */
import { useMutation } from "@apollo/client";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import { PageTitle } from "../../components/PageTitle";
import { PRIVACY_STRINGS } from "../../components/privacy/strings";
import { FormError } from "../../components/form/Field";
import { SubmitButton } from "../../components/form/SubmitButton";
import { useSubmit } from "../../components/form/useSubmit";
import { useDocumentMeta } from "../../components/useDocumentMeta";
import { useStrings } from "../../i18n";
import { NewsletterUnsubscribeDocument } from "./newsletter.generated";

export default function NewsletterUnsubscribePage() {
  const s = useStrings(PRIVACY_STRINGS);
  const [params] = useSearchParams();
  const [unsubscribe] = useMutation(NewsletterUnsubscribeDocument);
  const [done, setDone] = useState<{ email: string | null }>();
  const { errors, busy, form, submit } = useSubmit(s);
  useDocumentMeta(s.unsubscribeTitle);
  return (
    <div className="page page--narrow" data-page="newsletter-unsubscribe">
      <PageTitle>{s.unsubscribeTitle}</PageTitle>
      <div role="status" aria-live="polite">
        {done ? <p className="notice">{done.email ? s.unsubscribed(done.email) : s.nothingHeld}</p> : null}
      </div>
      {done ? null : (
        <form
          ref={form}
          className="narrow-form"
          onSubmit={submit(async () => {
            const answer = (await unsubscribe({ variables: { token: params.get("token") ?? "" } })).data
              ?.newsletterUnsubscribe;
            if (answer && !answer.errors.length) setDone({ email: answer.subscription?.email ?? null });
            return answer?.errors;
          })}
        >
          <p>{s.unsubscribeText}</p>
          <FormError message={errors.form ?? errors.token} />
          <SubmitButton busy={busy}>
            {s.unsubscribe}
          </SubmitButton>
        </form>
      )}
    </div>
  );
}
