/**
 * Tickets at /<lang>/<tickets>: the museum's admission offers (`admissionOffers`), a
 * month of days with their places (`ticketAvailability`: a closed day and a sold-out day
 * show as such and cannot be chosen), the day's time slots with the places left (a full
 * slot is shown, not offered), and quantities per visitor category with their prices;
 * museum-pass holders give one pass number per ticket. "Add to cart" puts the tickets
 * into the same checkout as the shop's products (`checkoutTicketsAdd`); its payload
 * errors (SLOT_FULL, SLOT_CLOSED, PASS_NUMBER_REQUIRED, …) are worded here by code, in
 * the visitor's language.
 *
 * Days and hours are the museum's (Europe/Brussels), whatever the visitor's own zone.
 */
import { useQuery } from "@apollo/client";
import { useEffect, useMemo, useState } from "react";
import { Link } from "react-router-dom";
import { PageTitle } from "../../components/PageTitle";
import { LoadError, Loading } from "../../components/QueryState";
import { FormError, TextField } from "../../components/form/Field";
import { SubmitButton } from "../../components/form/SubmitButton";
import { useSubmit } from "../../components/form/useSubmit";
import type { PayloadError } from "../../components/form/errors";
import { TICKET_STRINGS } from "../../components/tickets/strings";
import { dayState, type DayState } from "./dayState";
import { useCart } from "../../components/shop/useCart";
import { useDocumentMeta } from "../../components/useDocumentMeta";
import { pathFor, useLang, useStrings } from "../../i18n";
import { LOCALES, MUSEUM_TIME_ZONE, formatMoney } from "../../i18n/format";
import type { Lang } from "../../i18n/languages";
import {
  AdmissionOffersDocument,
  TicketAvailabilityDocument,
  type AdmissionOffersQuery,
  type TicketAvailabilityQuery,
} from "./tickets.generated";

type Offer = AdmissionOffersQuery["admissionOffers"][number];
type Day = TicketAvailabilityQuery["ticketAvailability"][number];
type Slot = Day["slots"][number];

const MONTHS_AHEAD = 3;

/** Today in the museum's time zone, as YYYY-MM-DD. */
function museumToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: MUSEUM_TIME_ZONE }).format(new Date());
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

/** The month `shift` months after `month` ("2026-12"). */
function addMonths(month: string, shift: number): string {
  const [year, index] = month.split("-").map(Number);
  const moved = new Date(Date.UTC(year, index - 1 + shift, 1));
  return `${moved.getUTCFullYear()}-${pad(moved.getUTCMonth() + 1)}`;
}

function daysInMonth(month: string): number {
  const [year, index] = month.split("-").map(Number);
  return new Date(Date.UTC(year, index, 0)).getUTCDate();
}

/** Monday = 0 … Sunday = 6 of a calendar date. */
function weekday(date: string): number {
  const [year, month, day] = date.split("-").map(Number);
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

function formatDay(lang: Lang, date: string, options: Intl.DateTimeFormatOptions): string {
  const [year, month, day] = date.split("-").map(Number);
  return new Intl.DateTimeFormat(LOCALES[lang], { ...options, timeZone: "UTC" }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}

function formatTime(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang], {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: MUSEUM_TIME_ZONE,
  }).format(new Date(iso));
}

function dayStateText(s: (typeof TICKET_STRINGS)["en"], state: DayState, day: Day | undefined): string {
  if (state === "open") return s.placesLeft(day!.remaining);
  return { soldOut: s.soldOut, closed: s.closed, past: s.dayPast }[state];
}

export default function TicketsPage() {
  const s = useStrings(TICKET_STRINGS);
  const lang = useLang();
  useDocumentMeta(s.title, s.intro);
  const { data, loading, error, refetch } = useQuery(AdmissionOffersDocument, { variables: { locale: lang } });
  const offers = data?.admissionOffers ?? [];
  const [chosen, setChosen] = useState<string>();
  const offer = offers.find((candidate) => candidate.id === chosen) ?? offers[0];

  return (
    <div className="page tickets" data-page="tickets">
      <PageTitle>{s.title}</PageTitle>
      <p>{s.intro}</p>
      {loading && !data ? <Loading /> : null}
      {error ? <LoadError error={error} retry={() => void refetch()} /> : null}
      {data && offers.length === 0 ? <p>{s.noOffers}</p> : null}
      {offer ? (
        <>
          {offers.length > 1 ? (
            <fieldset className="ticket-offers">
              <legend>{s.offers}</legend>
              {offers.map((candidate) => (
                <label key={candidate.id} className="ticket-offer">
                  <input
                    type="radio"
                    name="offer"
                    value={candidate.id}
                    checked={candidate.id === offer.id}
                    onChange={() => setChosen(candidate.id)}
                  />
                  <span>
                    <strong>{candidate.name}</strong>
                    {candidate.description ? <span className="ticket-offer__text">{candidate.description}</span> : null}
                  </span>
                </label>
              ))}
            </fieldset>
          ) : (
            <section className="ticket-offer ticket-offer--single" aria-label={offer.name}>
              <h2>{offer.name}</h2>
              {offer.description ? <p>{offer.description}</p> : null}
            </section>
          )}
          <OfferTickets key={offer.id} offer={offer} />
        </>
      ) : null}
    </div>
  );
}

function OfferTickets({ offer }: { offer: Offer }) {
  const s = useStrings(TICKET_STRINGS);
  const lang = useLang();
  const today = museumToday();
  const firstMonth = today.slice(0, 7);
  const [month, setMonth] = useState(firstMonth);
  const [date, setDate] = useState<string>();
  const [slotId, setSlotId] = useState<string>();
  const from = month === firstMonth ? today : `${month}-01`;
  const to = `${month}-${pad(daysInMonth(month))}`;
  const { data, loading, error, refetch } = useQuery(TicketAvailabilityDocument, {
    variables: { offer: offer.id, from, to, locale: lang },
    fetchPolicy: "cache-and-network",
  });
  const days = useMemo(
    () => new Map((data?.ticketAvailability ?? []).map((day) => [day.date, day])),
    [data],
  );
  // The first day with places is chosen when a month opens (or the chosen one is gone).
  useEffect(() => {
    if (!data) return;
    if (date && date.startsWith(month) && days.has(date)) return;
    const first = data.ticketAvailability.find((day) => dayState(day.date, today, day) === "open");
    setDate(first?.date);
    setSlotId(undefined);
  }, [data, days, date, month, today]);
  const day = date ? days.get(date) : undefined;

  return (
    <>
      <section aria-labelledby="ticket-calendar-title" className="ticket-calendar">
        <div className="ticket-calendar__head">
          <button
            type="button"
            className="button button--secondary"
            disabled={month <= firstMonth}
            onClick={() => setMonth(addMonths(month, -1))}
          >
            <span aria-hidden="true">‹ </span>
            {s.previousMonth}
          </button>
          <h2 id="ticket-calendar-title" aria-live="polite">
            {s.calendar}: {formatDay(lang, `${month}-01`, { month: "long", year: "numeric" })}
          </h2>
          <button
            type="button"
            className="button button--secondary"
            disabled={month >= addMonths(firstMonth, MONTHS_AHEAD)}
            onClick={() => setMonth(addMonths(month, 1))}
          >
            {s.nextMonth}
            <span aria-hidden="true"> ›</span>
          </button>
        </div>
        {error ? <LoadError error={error} retry={() => void refetch()} /> : null}
        {loading && !data ? <Loading /> : null}
        <MonthGrid
          month={month}
          today={today}
          days={days}
          chosen={date}
          onChoose={(next) => {
            setDate(next);
            setSlotId(undefined);
          }}
        />
      </section>
      {day ? (
        <TicketForm
          key={day.date}
          offer={offer}
          day={day}
          slotId={slotId}
          onSlot={setSlotId}
          onAdded={() => void refetch()}
        />
      ) : (
        <p>{s.chooseDay}</p>
      )}
    </>
  );
}

function MonthGrid({
  month,
  today,
  days,
  chosen,
  onChoose,
}: {
  month: string;
  today: string;
  days: Map<string, Day>;
  chosen?: string;
  onChoose: (date: string) => void;
}) {
  const s = useStrings(TICKET_STRINGS);
  const lang = useLang();
  const count = daysInMonth(month);
  const cells: (string | null)[] = Array.from({ length: weekday(`${month}-01`) }, () => null);
  for (let index = 1; index <= count; index++) cells.push(`${month}-${pad(index)}`);
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, index) => cells.slice(index * 7, index * 7 + 7));
  return (
    <table className="ticket-month">
      <thead>
        <tr>
          {s.weekdays.map((short, index) => (
            <th key={short} scope="col">
              <abbr title={s.weekdayNames[index]}>{short}</abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week, index) => (
          <tr key={index}>
            {week.map((date, column) => {
              if (!date) return <td key={column} />;
              const day = days.get(date);
              const state = dayState(date, today, day);
              const label = s.dayLabel(
                formatDay(lang, date, { weekday: "long", day: "numeric", month: "long" }),
                dayStateText(s, state, day),
              );
              return (
                <td key={date}>
                  <button
                    type="button"
                    className={`ticket-day ticket-day--${state}`}
                    data-date={date}
                    data-state={state}
                    aria-pressed={date === chosen}
                    disabled={state !== "open"}
                    onClick={() => onChoose(date)}
                  >
                    {/* The name is the whole sentence; the grid's number and state are its
                        short visual form (an aria-label would not contain them as shown). */}
                    <span className="visually-hidden">{label}</span>
                    <span className="ticket-day__number" aria-hidden="true">
                      {Number(date.slice(8))}
                    </span>
                    <span className="ticket-day__state" aria-hidden="true">
                      {state === "open" ? day!.remaining : dayStateText(s, state, day)}
                    </span>
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function slotStateText(s: (typeof TICKET_STRINGS)["en"], slot: Slot): string {
  if (slot.state === "OPEN") return s.placesLeft(slot.remaining);
  if (slot.state === "FULL") return s.full;
  if (slot.state === "PAST") return s.past;
  return s.slotClosed;
}

/** Every error is the form's, except the pass numbers' (shown at those fields). */
function placed(errors: readonly PayloadError[]): PayloadError[] {
  return errors.map((error) => ({ ...error, field: error.field === "passNumbers" ? "passNumbers" : null }));
}

function TicketForm({
  offer,
  day,
  slotId,
  onSlot,
  onAdded,
}: {
  offer: Offer;
  day: Day;
  slotId?: string;
  onSlot: (id: string) => void;
  onAdded: () => void;
}) {
  const s = useStrings(TICKET_STRINGS);
  const lang = useLang();
  const cart = useCart();
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const [passes, setPasses] = useState<Record<string, string[]>>({});
  const [added, setAdded] = useState(false);
  const { errors, busy, form, submit } = useSubmit(s);
  const slot = day.slots.find((candidate) => candidate.id === slotId && candidate.state === "OPEN");
  const dayName = formatDay(lang, day.date, { weekday: "long", day: "numeric", month: "long" });
  const count = (id: string) => Math.max(0, Math.floor(Number(quantities[id]) || 0));
  const total = offer.categories.reduce((sum, category) => sum + count(category.id) * Number(category.price.amount), 0);

  async function add() {
    setAdded(false);
    if (!slot) return [{ field: null, code: "SLOT", message: s.chooseSlot }];
    const tickets = offer.categories
      .filter((category) => count(category.id) > 0)
      .map((category) => ({
        category: category.id,
        quantity: count(category.id),
        passNumbers: category.asksPassNumber
          ? Array.from({ length: count(category.id) }, (_, index) => (passes[category.id]?.[index] ?? "").trim())
          : [],
      }));
    if (tickets.length === 0) return [{ field: null, code: "NONE", message: s.chooseQuantity }];
    const result = await cart.addTickets(slot.id, tickets);
    if (result.errors.length === 0) {
      setAdded(true);
      setQuantities({});
      setPasses({});
      onAdded();
    }
    return placed(result.errors);
  }

  return (
    <form ref={form} noValidate className="ticket-form" onSubmit={submit(add)} aria-labelledby="ticket-slots-title">
      <fieldset className="ticket-slots">
        <legend id="ticket-slots-title">{s.slots(dayName)}</legend>
        {day.slots.length === 0 ? <p>{s.noSlots}</p> : null}
        <ul className="plain-list ticket-slots__list">
          {day.slots.map((candidate) => {
            const open = candidate.state === "OPEN";
            const time = formatTime(lang, candidate.startsAt);
            return (
              <li key={candidate.id}>
                <label className={`ticket-slot${open ? "" : " ticket-slot--unavailable"}`} data-state={candidate.state}>
                  <input
                    type="radio"
                    name="slot"
                    value={candidate.id}
                    disabled={!open}
                    checked={candidate.id === slot?.id}
                    onChange={() => onSlot(candidate.id)}
                  />
                  <span className="ticket-slot__time">{time}</span>
                  <span className="ticket-slot__state">{slotStateText(s, candidate)}</span>
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
      <fieldset className="ticket-categories">
        <legend>{s.visitors}</legend>
        <p className="field__help">{s.vatIncluded(offer.vatRate)}</p>
        {offer.categories.map((category) => {
          const price = Number(category.price.amount) > 0 ? formatMoney(lang, category.price) : s.free;
          return (
            <div key={category.id} className="ticket-category">
              <TextField
                className="field--quantity"
                label={`${category.name} (${price})`}
                type="number"
                inputMode="numeric"
                min={0}
                max={20}
                step={1}
                value={quantities[category.id] ?? "0"}
                onChange={(event) => setQuantities((current) => ({ ...current, [category.id]: event.target.value }))}
              />
              {category.asksPassNumber && count(category.id) > 0 ? (
                <div className="ticket-passes">
                  <p className="field__help">{s.passHelp}</p>
                  {Array.from({ length: Math.min(count(category.id), 20) }, (_, index) => (
                    <TextField
                      key={index}
                      label={s.passNumber(index + 1)}
                      autoComplete="off"
                      required
                      value={passes[category.id]?.[index] ?? ""}
                      error={index === 0 ? errors.passNumbers : undefined}
                      onChange={(event) =>
                        setPasses((current) => {
                          const numbers = [...(current[category.id] ?? [])];
                          numbers[index] = event.target.value;
                          return { ...current, [category.id]: numbers };
                        })
                      }
                    />
                  ))}
                </div>
              ) : null}
            </div>
          );
        })}
      </fieldset>
      <p className="ticket-total">
        {s.total}: <strong data-testid="ticket-total">{formatMoney(lang, { amount: total, currency: "EUR" })}</strong>
      </p>
      <p className="meta">{s.cancelPolicy(offer.cancelUntilHours)}</p>
      <FormError message={errors.form} />
      <SubmitButton busy={busy}>{s.addToCart}</SubmitButton>
      {added ? (
        <p className="notice" role="status">
          {s.added} <Link to={pathFor(lang, "cart")}>{s.viewCart}</Link>
        </p>
      ) : null}
    </form>
  );
}
