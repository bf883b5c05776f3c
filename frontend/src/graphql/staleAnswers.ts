/**
 * Two answers about one checkout can arrive in the opposite order of the changes they
 * saw: the cart is read (cache-and-network) when the checkout page opens, and a visitor
 * who saves their e-mail at once sends the mutation while that read is under way. The
 * read can answer last, and the cache would take its older checkout (no e-mail) over the
 * mutation's: the step shows its form again and payment says "enter your e-mail".
 *
 * A type policy cannot prevent it (a normalized object's fields are merged before any
 * merge function sees them), so this link does: it remembers the newest `updatedAt` seen
 * per checkout, and asks a query again when its answer is older than that (a mutation
 * is never sent twice; its answer is the newest by definition).
 */
import { ApolloLink, Observable, type FetchResult, type Operation } from "@apollo/client";
import { getMainDefinition } from "@apollo/client/utilities";

/** Each checkout in an answer, as [token, time of its last change in ms]. */
export function checkoutVersions(value: unknown, found: Array<[string, number]> = []): Array<[string, number]> {
  if (Array.isArray(value)) {
    for (const item of value) checkoutVersions(item, found);
  } else if (value && typeof value === "object") {
    const object = value as Record<string, unknown>;
    if (object.__typename === "Checkout" && typeof object.token === "string" && typeof object.updatedAt === "string") {
      const at = Date.parse(object.updatedAt);
      if (!Number.isNaN(at)) found.push([object.token, at]);
    }
    for (const child of Object.values(object)) checkoutVersions(child, found);
  }
  return found;
}

function isQuery(operation: Operation): boolean {
  const definition = getMainDefinition(operation.query);
  return definition.kind === "OperationDefinition" && definition.operation === "query";
}

/** `retries`: how often one query is asked again before its answer is taken as it is. */
export function staleCheckoutLink(retries = 2): ApolloLink {
  const newest = new Map<string, number>();
  const stale = (result: FetchResult) =>
    checkoutVersions(result.data).some(([token, at]) => at < (newest.get(token) ?? -Infinity));
  const remember = (result: FetchResult) => {
    for (const [token, at] of checkoutVersions(result.data)) {
      if (at > (newest.get(token) ?? -Infinity)) newest.set(token, at);
    }
  };

  return new ApolloLink((operation, forward) => {
    const askAgain = isQuery(operation);
    return new Observable<FetchResult>((observer) => {
      let attempt = 0;
      let subscription: { unsubscribe(): void } | undefined;
      const send = () => {
        const mine = ++attempt;
        subscription = forward(operation).subscribe({
          next: (result) => {
            if (mine !== attempt) return;
            if (askAgain && mine <= retries && stale(result)) {
              subscription?.unsubscribe();
              send();
              return;
            }
            remember(result);
            observer.next(result);
          },
          error: (error) => mine === attempt && observer.error(error),
          complete: () => mine === attempt && observer.complete(),
        });
      };
      send();
      return () => subscription?.unsubscribe();
    });
  });
}
