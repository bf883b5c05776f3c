/**
 * A group's booking at /<lang>/<groups>/booking?token=…: where it stands (requested,
 * confirmed, visited, invoiced, cancelled), when the visit is, what it costs and how to
 * pay, and its history, read with the secret token of the link the group got when it
 * asked (`visitBooking`). An unknown token says so and offers the form again. While an
 * amount is due online, "Pay online" opens the shop's checkout for it
 * (`visitBookingPay`): that checkout becomes the cart and the checkout page pays it.
 */
import { useMutation, useQuery } from "@apollo/client";
import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { PageTitle } from "../../components/PageTitle";
import { setCartToken } from "../../components/shop/cartStore";
import { LoadError, Loading } from "../../components/QueryState";
import { GROUP_STRINGS } from "../../components/groups/strings";
import { useDocumentMeta } from "../../components/useDocumentMeta";
import { formatDateTime, formatMoney } from "../../i18n/format";
import { pathFor, useLang, useStrings } from "../../i18n";
import { VisitBookingDocument, VisitBookingPayDocument } from "./groups.generated";

export default function GroupBookingPage() {
  const s = useStrings(GROUP_STRINGS);
  const lang = useLang();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const { data, loading, error, refetch } = useQuery(VisitBookingDocument, {
    variables: { token, locale: lang },
    skip: !token,
    // The booking changes as staff plan it: always ask, never show a stale state.
    fetchPolicy: "network-only",
  });
  useDocumentMeta(s.bookingTitle);
  const navigate = useNavigate();
  const [pay, paying] = useMutation(VisitBookingPayDocument);
  const [payError, setPayError] = useState<string | null>(null);
  const booking = data?.visitBooking;

  async function payOnline() {
    setPayError(null);
    try {
      const { data: answer } = await pay({ variables: { token, locale: lang } });
      const payload = answer?.visitBookingPay;
      if (payload?.checkoutToken) {
        setCartToken(payload.checkoutToken);
        navigate(pathFor(lang, "checkout"));
        return;
      }
      setPayError(payload?.errors[0]?.message ?? s.errors.unknown);
      void refetch();
    } catch {
      setPayError(s.errors.unknown);
    }
  }
  return (
    <div className="page page--narrow" data-page="group-booking">
      <PageTitle>{s.bookingTitle}</PageTitle>
      {loading ? <Loading /> : null}
      {error ? <LoadError error={error} retry={() => void refetch()} /> : null}
      {!loading && !error && !booking ? <p className="form-error">{s.notFound}</p> : null}
      {booking ? (
        <>
          <dl className="summary-list" data-testid="visit-booking">
            <dt>{s.status}</dt>
            <dd data-testid="visit-booking-status">{s.statuses[booking.status]}</dd>
            <dt>{s.visit}</dt>
            <dd>{booking.offer.title}</dd>
            <dt>{s.group}</dt>
            <dd>
              {booking.organisation}: {s.groupOf(booking.pupils, booking.adults)}
            </dd>
            <dt>{s.language}</dt>
            <dd>{s.languages[booking.language] ?? booking.language}</dd>
            {booking.startsAt ? (
              <>
                <dt>{s.planned}</dt>
                <dd>{formatDateTime(lang, booking.startsAt)}</dd>
              </>
            ) : (
              <>
                <dt>{s.preferred}</dt>
                <dd>{formatDateTime(lang, booking.preferredStart)}</dd>
              </>
            )}
            {booking.amount ? (
              <>
                <dt>{s.amount}</dt>
                <dd>{formatMoney(lang, booking.amount)}</dd>
              </>
            ) : null}
            {booking.invoiceNumber ? (
              <>
                <dt>{s.invoice}</dt>
                <dd>
                  {booking.invoiceNumber}
                  {booking.structuredCommunication ? (
                    <>
                      <br />
                      {s.payWith(booking.structuredCommunication)}
                    </>
                  ) : null}
                </dd>
              </>
            ) : null}
            {booking.paid ? (
              <>
                <dt>{s.payment}</dt>
                <dd data-testid="visit-booking-paid">{s.paid}</dd>
              </>
            ) : null}
            {booking.amountDue ? (
              <>
                <dt>{s.amountDue}</dt>
                <dd data-testid="visit-booking-due">{formatMoney(lang, booking.amountDue)}</dd>
              </>
            ) : null}
          </dl>
          {booking.amountDue ? (
            <section className="booking-pay">
              <p>{s.payOnlineHelp}</p>
              <button
                type="button"
                className="button"
                data-testid="visit-booking-pay"
                disabled={paying.loading}
                onClick={() => void payOnline()}
              >
                {s.payOnline}
              </button>
              {payError ? (
                <p className="form-error" role="alert">
                  {payError}
                </p>
              ) : null}
            </section>
          ) : null}
          <h2>{s.history}</h2>
          <ol className="booking-history" data-testid="visit-booking-history">
            {booking.history.map((event, index) => (
              <li key={`${event.kind}-${index}`}>
                {formatDateTime(lang, event.at)}: {s.events[event.kind]}
                {event.note ? ` (${event.note})` : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      <p>
        <Link to={pathFor(lang, "groups")}>{s.backToOffers}</Link>
      </p>
    </div>
  );
}
