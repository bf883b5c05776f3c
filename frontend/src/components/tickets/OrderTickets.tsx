/**
 * The admission tickets of an order (the confirmation, the account's orders): each with
 * its visit's day and hour, its QR code (the SVG the server draws from the code, what the
 * door scans) and its PDF. A canceled or used ticket says so. Given `cancel` (the guest
 * order page), a valid ticket still within its offer's deadline says until when it may be
 * cancelled and for what share of its price, with a button per ticket.
 */
import { useLang, useStrings } from "../../i18n";
import { formatDateTime } from "../../i18n/format";
import type { OrderTicketFieldsFragment } from "../shop/checkout.generated";
import { TICKET_STRINGS } from "./strings";

/** A ticket, with its cancellation policy when the query asked for it. */
type OrderTicket = OrderTicketFieldsFragment & { cancellableUntil?: string; refundPercentage?: number };

/** Cancelling from the page: what to call, and the ticket being cancelled now. */
export type TicketCancel = { onCancel: (code: string) => void; busyCode: string | null };

function cancellable(ticket: OrderTicket): boolean {
  return (
    ticket.status === "VALID" &&
    !ticket.checkedInAt &&
    Boolean(ticket.cancellableUntil) &&
    Date.parse(ticket.cancellableUntil ?? "") > Date.now()
  );
}

export function OrderTickets({
  tickets,
  headingLevel = 2,
  cancel,
}: {
  tickets: readonly OrderTicket[];
  headingLevel?: 2 | 4;
  cancel?: TicketCancel;
}) {
  const s = useStrings(TICKET_STRINGS);
  const lang = useLang();
  if (tickets.length === 0) return null;
  const Heading = headingLevel === 2 ? "h2" : "h4";
  const Item = headingLevel === 2 ? "h3" : "h5";
  const id = `order-tickets-${tickets[0].code.slice(0, 8)}`;
  return (
    <section aria-labelledby={id} className="order-tickets-section" data-testid="order-tickets">
      <Heading id={id}>{s.ticketsTitle}</Heading>
      <p>{s.showAtDoor}</p>
      <ul className="order-tickets">
        {tickets.map((ticket) => (
          <li key={ticket.code} className="order-ticket" data-testid="order-ticket" data-status={ticket.status}>
            <Item>{s.ticketOf(ticket.offerName, ticket.category.name)}</Item>
            <p>{formatDateTime(lang, ticket.slot.startsAt)}</p>
            {ticket.status === "CANCELED" ? (
              <p>
                <strong>{s.canceled}</strong>
              </p>
            ) : (
              <>
                {ticket.checkedInAt ? <p>{s.checkedIn}</p> : null}
                <img
                  className="order-ticket__qr"
                  src={ticket.qrCodeUrl}
                  alt={s.qrAlt(ticket.code)}
                  width="160"
                  height="160"
                />
                <p>
                  {/* Named with the ticket's code; shown short (an aria-label would not
                      contain the text as shown). */}
                  <a href={ticket.pdfUrl} download>
                    <span aria-hidden="true">{s.downloadPdf}</span>
                    <span className="visually-hidden">{s.downloadPdfOf(ticket.code)}</span>
                  </a>
                </p>
                {cancel && cancellable(ticket) ? (
                  <p className="order-ticket__cancel">
                    {s.cancellableUntil(formatDateTime(lang, ticket.cancellableUntil), ticket.refundPercentage ?? 0)}{" "}
                    <button
                      type="button"
                      className="button button--secondary"
                      data-testid="cancel-ticket"
                      disabled={cancel.busyCode !== null}
                      onClick={() => cancel.onCancel(ticket.code)}
                    >
                      <span aria-hidden="true">
                        {cancel.busyCode === ticket.code ? s.cancelling : s.cancelTicket}
                      </span>
                      <span className="visually-hidden">{s.cancelTicketOf(ticket.code)}</span>
                    </button>
                  </p>
                ) : null}
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
