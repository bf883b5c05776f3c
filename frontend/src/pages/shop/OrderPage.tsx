/**
 * A buyer's order at /<lang>/<checkout>/order?link=…, opened from the link of its e-mails
 * without an account (`orderByLink` reads the signed token): number, date, status, lines
 * with their download links, total and refunds, the tickets with their QR codes and PDFs,
 * and the invoices. A ticket still within its offer's deadline can be cancelled here
 * (`orderTicketsCancel` with the same link); the refund follows the offer's policy and the
 * page then shows the order as it now stands. An unknown or tampered link says so.
 */
import { useMutation, useQuery } from "@apollo/client";
import { useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { PageTitle } from "../../components/PageTitle";
import { LoadError, Loading } from "../../components/QueryState";
import { OrderLines } from "../../components/shop/OrderLines";
import { SHOP_STRINGS } from "../../components/shop/strings";
import { OrderTickets } from "../../components/tickets/OrderTickets";
import { TICKET_STRINGS } from "../../components/tickets/strings";
import { useDocumentMeta } from "../../components/useDocumentMeta";
import { pathFor, useLang, useStrings } from "../../i18n";
import { formatDate, formatMoney } from "../../i18n/format";
import { GuestOrderDocument, GuestOrderTicketsCancelDocument } from "./order.generated";
import { ORDER_PAGE_STRINGS } from "./orderStrings";

export default function OrderPage() {
  const s = useStrings(ORDER_PAGE_STRINGS);
  const shop = useStrings(SHOP_STRINGS);
  const tickets = useStrings(TICKET_STRINGS);
  const lang = useLang();
  const [params] = useSearchParams();
  const link = params.get("link") ?? "";
  const { data, loading, error, refetch } = useQuery(GuestOrderDocument, {
    variables: { link },
    skip: !link,
    // Refunds, shipments and check-ins change it: always ask, never show a stale state.
    fetchPolicy: "network-only",
  });
  useDocumentMeta(s.title);
  const [cancelTickets] = useMutation(GuestOrderTicketsCancelDocument);
  const [busyCode, setBusyCode] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const order = data?.orderByLink;

  async function cancel(code: string) {
    setBusyCode(code);
    setNotice(null);
    try {
      const { data: answer } = await cancelTickets({ variables: { link, codes: [code] } });
      const payload = answer?.orderTicketsCancel;
      const problem = payload?.errors[0];
      if (payload && !problem) {
        const currency = order?.total.currency ?? "EUR";
        setNotice({ ok: true, text: tickets.cancelledRefund(formatMoney(lang, { amount: payload.refunded ?? "0", currency })) });
      } else {
        setNotice({ ok: false, text: (problem && tickets.errors[problem.code]) ?? tickets.errors.unknown });
      }
    } catch {
      setNotice({ ok: false, text: tickets.errors.unknown });
    } finally {
      setBusyCode(null);
      void refetch();
    }
  }

  return (
    <div className="page page--narrow" data-page="guest-order">
      <PageTitle>{s.title}</PageTitle>
      {loading ? <Loading /> : null}
      {error ? <LoadError error={error} retry={() => void refetch()} /> : null}
      {!loading && !error && !order ? (
        <p className="form-error" data-testid="order-not-found">
          {s.notFound}
        </p>
      ) : null}
      {order ? (
        <>
          <p>{s.intro}</p>
          <dl className="order-facts">
            <div>
              <dt>{shop.orderNumber}</dt>
              <dd data-testid="order-number">{order.number ?? "—"}</dd>
            </div>
            <div>
              <dt>{s.ordered}</dt>
              <dd>{formatDate(lang, order.created)}</dd>
            </div>
            <div>
              <dt>{shop.orderStatus}</dt>
              <dd data-testid="order-status">{shop.orderStatuses[order.status] ?? order.status}</dd>
            </div>
            {order.deliveryMethodName ? (
              <div>
                <dt>{shop.delivery}</dt>
                <dd>{order.deliveryMethodName}</dd>
              </div>
            ) : null}
          </dl>
          <section aria-labelledby="order-lines">
            <h2 id="order-lines">{s.lines}</h2>
            <OrderLines lines={order.lines} testId="order-lines" />
            <dl className="totals">
              <div className="totals__total">
                <dt>{s.total}</dt>
                <dd data-testid="order-total">{formatMoney(lang, order.total)}</dd>
              </div>
              {Number(order.refunded.amount) > 0 ? (
                <div>
                  <dt>{s.refunded}</dt>
                  <dd data-testid="order-refunded">{formatMoney(lang, order.refunded)}</dd>
                </div>
              ) : null}
            </dl>
          </section>
          {notice ? (
            <p role="status" className={notice.ok ? "notice" : "form-error"} data-testid="cancel-notice">
              {notice.text}
            </p>
          ) : null}
          <OrderTickets tickets={order.tickets} cancel={{ onCancel: (code) => void cancel(code), busyCode }} />
          {order.invoices.length > 0 ? (
            <section aria-labelledby="order-invoices">
              <h2 id="order-invoices">{s.invoices}</h2>
              <ul data-testid="order-invoices">
                {order.invoices.map((invoice) => (
                  <li key={invoice.number}>
                    <a href={invoice.url}>{s.invoiceOf(s.invoiceKinds[invoice.kind] ?? invoice.kind, invoice.number)}</a>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : null}
      <p>
        <Link to={pathFor(lang, "shop")}>{shop.continueShopping}</Link>
      </p>
    </div>
  );
}
