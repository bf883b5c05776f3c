/**
 * A group's booking at /<lang>/<groups>/booking?token=…: where it stands (requested,
 * confirmed, visited, invoiced, cancelled), when the visit is, what it costs and how to
 * pay, and its history, read with the secret token of the link the group got when it
 * asked (`visitBooking`). An unknown token says so and offers the form again.
 */
import { useQuery } from "@apollo/client";
import { Link, useSearchParams } from "react-router-dom";
import { PageTitle } from "../../components/PageTitle";
import { LoadError, Loading } from "../../components/QueryState";
import { GROUP_STRINGS } from "../../components/groups/strings";
import "../../components/groups/groups.css";
import { useDocumentMeta } from "../../components/useDocumentMeta";
import { formatDateTime, formatMoney } from "../../i18n/format";
import { pathFor, useLang, useStrings } from "../../i18n";
import { VisitBookingDocument } from "./groups.generated";

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
  const booking = data?.visitBooking;
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
          </dl>
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
