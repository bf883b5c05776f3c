/**
 * The newsletter sign-up in every page's footer: e-mail address, an explicit consent
 * box (never ticked in advance: consent to marketing mail must be a clear act, GDPR
 * art. 4(11) and 7) and the page's language as the newsletter's. `newsletterSubscribe`
 * mails a confirmation link and answers the same for every address, so the form's
 * message never says whether someone is subscribed already.
 */
import { useMutation } from "@apollo/client";
import { useId, useState } from "react";
import { Link } from "react-router-dom";
import { pathFor, useLang, useStrings } from "../../i18n";
import { CheckField, FormError, TextField } from "../form/Field";
import { SubmitButton } from "../form/SubmitButton";
import { useSubmit } from "../form/useSubmit";
import { NewsletterSubscribeDocument } from "./newsletterSignup.generated";
import { PRIVACY_STRINGS } from "./strings";

export function NewsletterSignup() {
  const s = useStrings(PRIVACY_STRINGS);
  const lang = useLang();
  const heading = useId();
  const [email, setEmail] = useState("");
  const [consent, setConsent] = useState(false);
  const [sentTo, setSentTo] = useState<string>();
  const [subscribe] = useMutation(NewsletterSubscribeDocument);
  const { errors, busy, form, submit } = useSubmit(s);
  return (
    <section aria-labelledby={heading} className="newsletter-signup" data-testid="newsletter-signup">
      <h2 id={heading} className="site-footer__heading">
        {s.newsletterTitle}
      </h2>
      <p>{s.newsletterIntro}</p>
      <div role="status" aria-live="polite">
        {sentTo ? <p className="notice">{s.subscribed(sentTo)}</p> : null}
      </div>
      {sentTo ? null : (
        <form
          ref={form}
          noValidate
          onSubmit={submit(
            async () => {
              if (!consent) return [{ field: "consent", code: "consent" }];
              const { data } = await subscribe({ variables: { email: email.trim(), languageCode: lang } });
              return data?.newsletterSubscribe?.errors;
            },
            () => setSentTo(email.trim()),
          )}
        >
          <FormError message={errors.form ?? errors.languageCode} />
          <TextField
            label={s.email}
            type="email"
            autoComplete="email"
            required
            value={email}
            error={errors.email}
            onChange={(event) => setEmail(event.target.value)}
          />
          <CheckField
            label={s.newsletterConsent}
            required
            checked={consent}
            error={errors.consent ? s.consentRequired : undefined}
            onChange={(event) => setConsent(event.target.checked)}
          />
          <p className="field__help">
            {s.newsletterPolicy} <Link to={pathFor(lang, "privacy")}>{s.privacyPolicy}</Link>.
          </p>
          <SubmitButton busy={busy}>
            {s.subscribe}
          </SubmitButton>
        </form>
      )}
    </section>
  );
}
