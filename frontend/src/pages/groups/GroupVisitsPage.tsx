/**
 * Group visits at /<lang>/<groups>: the museum's guided tours and workshops for groups
 * (`visitOffers`) and the booking request (`visitBookingRequest`).
 *
 * The server checks the request at once (group size, adult ratio, language, days and
 * hours, notice) and answers every problem as a payload error naming its field; the form
 * shows each next to its field in the visitor's language (the request's `locale`) and
 * keeps what was typed. The date and hour are sent without an offset: the museum's
 * wall-clock time. A request that went through shows a confirmation with the link to
 * the booking's own page, which the token opens (GroupBookingPage).
 */
import { useMutation, useQuery } from "@apollo/client";
import { useState } from "react";
import { Link } from "react-router-dom";
import { PageTitle } from "../../components/PageTitle";
import { LoadError, Loading } from "../../components/QueryState";
import { GROUP_STRINGS } from "../../components/groups/strings";
import { FormError, SelectField, TextAreaField, TextField } from "../../components/form/Field";
import { SubmitButton } from "../../components/form/SubmitButton";
import { useSubmit } from "../../components/form/useSubmit";
import { useDocumentMeta } from "../../components/useDocumentMeta";
import { formatMoney } from "../../i18n/format";
import { pathFor, useLang, useStrings } from "../../i18n";
import type { OrganisationKind } from "../../graphql/schema-types";
import { VisitBookingRequestDocument, VisitOffersDocument, type VisitOffersQuery } from "./groups.generated";

type Offer = VisitOffersQuery["visitOffers"][number];

const ORGANISATION_KINDS: OrganisationKind[] = ["SCHOOL", "COMPANY", "ASSOCIATION", "OTHER"];
const ALTERNATIVES = 2;

/** A day `days` from today as the date input writes it (YYYY-MM-DD). */
function dayFromToday(days: number): string {
  const day = new Date();
  day.setDate(day.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** The museum's wall-clock moment the form asks for, without an offset. */
function moment(date: string, time: string): string {
  return `${date}T${time || "10:00"}:00`;
}

export default function GroupVisitsPage() {
  const s = useStrings(GROUP_STRINGS);
  const lang = useLang();
  const { data, loading, error, refetch } = useQuery(VisitOffersDocument, { variables: { locale: lang } });
  const [chosen, setChosen] = useState<string>();
  const [booked, setBooked] = useState<{ token: string; email: string }>();
  useDocumentMeta(s.title, s.intro);
  const offers = data?.visitOffers ?? [];
  const offerId = chosen ?? offers[0]?.id;

  function choose(id: string) {
    setChosen(id);
    document.getElementById("visit-form")?.scrollIntoView({ block: "start" });
  }

  if (booked) {
    const statusPath = `${pathFor(lang, "groups", "booking")}?token=${encodeURIComponent(booked.token)}`;
    return (
      <div className="page page--narrow" data-page="group-visit-requested">
        <PageTitle>{s.sentTitle}</PageTitle>
        <div className="notice" role="status">
          <p>{s.sent(booked.email)}</p>
          <p>{s.keepLink}</p>
        </div>
        <p>
          <Link className="button" to={statusPath}>
            {s.statusLink}
          </Link>
        </p>
        <p>
          <button type="button" className="button--link" onClick={() => setBooked(undefined)}>
            {s.another}
          </button>
        </p>
      </div>
    );
  }

  return (
    <div className="page" data-page="group-visits">
      <PageTitle>{s.title}</PageTitle>
      <p>{s.intro}</p>
      {loading && !data ? <Loading /> : null}
      {error ? <LoadError error={error} retry={() => void refetch()} /> : null}
      {data && offers.length === 0 ? <p>{s.noOffers}</p> : null}
      {offers.length ? (
        <>
          <ul className="visit-offers">
            {offers.map((offer) => (
              <OfferCard key={offer.id} offer={offer} onChoose={() => choose(offer.id)} />
            ))}
          </ul>
          <BookingForm
            offers={offers}
            offerId={offerId ?? ""}
            onOffer={setChosen}
            onBooked={(token, email) => {
              setBooked({ token, email });
              window.scrollTo({ top: 0 });
            }}
          />
        </>
      ) : null}
    </div>
  );
}

function OfferCard({ offer, onChoose }: { offer: Offer; onChoose: () => void }) {
  const s = useStrings(GROUP_STRINGS);
  const lang = useLang();
  return (
    <li className="visit-offer" data-testid="visit-offer">
      <h2>{offer.title}</h2>
      {offer.description ? <p>{offer.description}</p> : null}
      <ul>
        <li>{s.minutes(offer.durationMinutes)}</li>
        <li>{s.groupSize(offer.minGroup, offer.maxGroup)}</li>
        {offer.pupilsPerAdult ? <li>{s.ratio(offer.pupilsPerAdult)}</li> : null}
        <li>
          {s.inLanguages}: {offer.languages.map((code) => s.languages[code] ?? code).join(", ")}
        </li>
        <li>
          {formatMoney(lang, offer.price)} {offer.pricing === "PER_PERSON" ? s.perPerson : s.perGroup}
        </li>
        <li>{s.notice(offer.leadDays)}</li>
      </ul>
      <button
        type="button"
        className="button button--secondary"
        aria-label={`${s.bookThis}: ${offer.title}`}
        onClick={onChoose}
      >
        {s.bookThis}
      </button>
    </li>
  );
}

type Fields = {
  organisation: string;
  organisationKind: OrganisationKind;
  contactName: string;
  email: string;
  phone: string;
  pupils: string;
  adults: string;
  language: string;
  date: string;
  time: string;
  alternatives: { date: string; time: string }[];
  specialNeeds: string;
  purchaseOrder: string;
  vatNumber: string;
  billingAddress: string;
};

function BookingForm({
  offers,
  offerId,
  onOffer,
  onBooked,
}: {
  offers: readonly Offer[];
  offerId: string;
  onOffer: (id: string) => void;
  onBooked: (token: string, email: string) => void;
}) {
  const s = useStrings(GROUP_STRINGS);
  const lang = useLang();
  const offer = offers.find((candidate) => candidate.id === offerId) ?? offers[0];
  const [fields, setFields] = useState<Fields>({
    organisation: "",
    organisationKind: "SCHOOL",
    contactName: "",
    email: "",
    phone: "",
    pupils: "",
    adults: "",
    language: offer.languages.includes(lang) ? lang : offer.languages[0] ?? "nl",
    date: "",
    time: "10:00",
    alternatives: Array.from({ length: ALTERNATIVES }, () => ({ date: "", time: "10:00" })),
    specialNeeds: "",
    purchaseOrder: "",
    vatNumber: "",
    billingAddress: "",
  });
  const [request] = useMutation(VisitBookingRequestDocument);
  const { errors, busy, form, submit } = useSubmit(s);
  const set =
    (name: keyof Fields) => (event: { target: { value: string } }) =>
      setFields((current) => ({ ...current, [name]: event.target.value }));
  const setAlternative = (index: number, part: "date" | "time") => (event: { target: { value: string } }) =>
    setFields((current) => ({
      ...current,
      alternatives: current.alternatives.map((alternative, at) =>
        at === index ? { ...alternative, [part]: event.target.value } : alternative,
      ),
    }));

  const earliest = dayFromToday(offer.leadDays);
  const language = offer.languages.includes(fields.language) ? fields.language : (offer.languages[0] ?? "");

  async function send() {
    if (!fields.date) return [{ field: "preferredStart", code: "REQUIRED", message: s.chooseDate }];
    const answer = await request({
      variables: {
        input: {
          offer: offer.id,
          organisation: fields.organisation,
          organisationKind: fields.organisationKind,
          contactName: fields.contactName,
          email: fields.email,
          phone: fields.phone,
          pupils: Number(fields.pupils) || 0,
          adults: Number(fields.adults) || 0,
          language,
          preferredStart: moment(fields.date, fields.time),
          alternativeStarts: fields.alternatives
            .filter((alternative) => alternative.date)
            .map((alternative) => moment(alternative.date, alternative.time)),
          specialNeeds: fields.specialNeeds,
          purchaseOrder: fields.purchaseOrder,
          vatNumber: fields.vatNumber,
          billingAddress: fields.billingAddress,
          locale: lang,
        },
      },
    });
    const payload = answer.data?.visitBookingRequest;
    if (payload?.booking) onBooked(payload.booking.token, fields.email.trim());
    return payload?.errors;
  }

  return (
    <section aria-labelledby="visit-form-title" id="visit-form">
      <h2 id="visit-form-title">{s.formTitle}</h2>
      <form ref={form} noValidate className="visit-form" onSubmit={submit(send)}>
        <FormError message={errors.form} />
        <SelectField
          label={s.offer}
          value={offer.id}
          error={errors.offer}
          onChange={(event) => onOffer(event.target.value)}
        >
          {offers.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.title}
            </option>
          ))}
        </SelectField>
        <fieldset>
          <legend>{s.organisationLegend}</legend>
          <TextField
            label={s.organisation}
            autoComplete="organization"
            required
            value={fields.organisation}
            error={errors.organisation}
            onChange={set("organisation")}
          />
          <SelectField
            label={s.organisationKind}
            value={fields.organisationKind}
            error={errors.organisationKind}
            onChange={set("organisationKind")}
          >
            {ORGANISATION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {s.organisationKinds[kind]}
              </option>
            ))}
          </SelectField>
          <TextField
            label={s.contactName}
            autoComplete="name"
            required
            value={fields.contactName}
            error={errors.contactName}
            onChange={set("contactName")}
          />
          <TextField
            label={s.email}
            type="email"
            autoComplete="email"
            required
            value={fields.email}
            error={errors.email}
            onChange={set("email")}
          />
          <TextField
            label={s.phone}
            type="tel"
            autoComplete="tel"
            value={fields.phone}
            error={errors.phone}
            onChange={set("phone")}
          />
        </fieldset>
        <fieldset>
          <legend>{s.groupLegend}</legend>
          <div className="field-pair">
            <TextField
              label={s.pupils}
              type="number"
              inputMode="numeric"
              min={0}
              required
              value={fields.pupils}
              error={errors.pupils}
              onChange={set("pupils")}
            />
            <TextField
              label={s.adults}
              type="number"
              inputMode="numeric"
              min={0}
              required
              value={fields.adults}
              error={errors.adults}
              onChange={set("adults")}
            />
          </div>
          <SelectField label={s.language} value={language} error={errors.language} onChange={set("language")}>
            {offer.languages.map((code) => (
              <option key={code} value={code}>
                {s.languages[code] ?? code}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            label={s.needs}
            help={s.needsHelp}
            value={fields.specialNeeds}
            error={errors.specialNeeds}
            onChange={set("specialNeeds")}
          />
        </fieldset>
        <fieldset>
          <legend>{s.whenLegend}</legend>
          <div className="field-pair">
            <TextField
              label={s.date}
              type="date"
              min={earliest}
              required
              value={fields.date}
              error={errors.preferredStart}
              onChange={set("date")}
            />
            <TextField label={s.time} type="time" step={900} required value={fields.time} onChange={set("time")} />
          </div>
          <p className="field__help">{s.alternativeHelp}</p>
          {fields.alternatives.map((alternative, index) => (
            <div className="field-pair" key={index}>
              <TextField
                label={s.alternative(index + 1)}
                type="date"
                min={earliest}
                value={alternative.date}
                onChange={setAlternative(index, "date")}
              />
              <TextField
                label={s.alternativeTime(index + 1)}
                type="time"
                step={900}
                value={alternative.time}
                onChange={setAlternative(index, "time")}
              />
            </div>
          ))}
          {errors.alternativeStarts ? <p className="field__error">{errors.alternativeStarts}</p> : null}
        </fieldset>
        <fieldset>
          <legend>{s.invoiceLegend}</legend>
          <div className="field-pair">
            <TextField
              label={s.purchaseOrder}
              value={fields.purchaseOrder}
              error={errors.purchaseOrder}
              onChange={set("purchaseOrder")}
            />
            <TextField
              label={s.vatNumber}
              value={fields.vatNumber}
              error={errors.vatNumber}
              onChange={set("vatNumber")}
            />
          </div>
          <TextAreaField
            label={s.billingAddress}
            autoComplete="street-address"
            value={fields.billingAddress}
            error={errors.billingAddress}
            onChange={set("billingAddress")}
          />
        </fieldset>
        <SubmitButton busy={busy}>{s.send}</SubmitButton>
      </form>
    </section>
  );
}
