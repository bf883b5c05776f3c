/**
 * Two answers about one checkout can arrive in the opposite order of the changes they
 * saw: the cart is read (cache-and-network) when the checkout page opens, and a visitor
 * who saves their e-mail at once sends the mutation while that read is under way. The
 * read can answer last, and the cache would take its older checkout (no e-mail) over the
 * mutation's: the step shows its form again and payment says "enter your e-mail".
 *
 * Two mutations race the same way: the checkout page chooses the first delivery method by
 * itself as it opens, and the visitor's e-mail goes out at once beside it. The server
 * takes them one after the other (each locks the checkout), but the answers can arrive
 * the other way round, and the first one (no e-mail yet) would overwrite the second.
 *
 * A type policy cannot prevent it (a normalized object's fields are merged before any
 * merge function sees them), so this link does: it remembers the newest `updatedAt` seen
 * per checkout and asks a query again when its answer is older than that; mutations,
 * which are never sent twice, go out one at a time, each after the previous one's
 * answer, so their answers arrive in the order the server saw them.
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

  // The previous mutation's end: the next one is sent after it.
  let lastMutation: Promise<void> = Promise.resolve();

  return new ApolloLink((operation, forward) => {
    if (!isQuery(operation)) {
      return new Observable<FetchResult>((observer) => {
        let release: () => void = () => undefined;
        const ended = new Promise<void>((resolve) => (release = resolve));
        const previous = lastMutation;
        lastMutation = previous.then(() => ended);
        let subscription: { unsubscribe(): void } | undefined;
        let cancelled = false;
        void previous.then(() => {
          if (cancelled) return;
          subscription = forward(operation).subscribe({
            next: (result) => {
              remember(result);
              observer.next(result);
            },
            error: (error) => {
              release();
              observer.error(error);
            },
            complete: () => {
              release();
              observer.complete();
            },
          });
        });
        return () => {
          cancelled = true;
          subscription?.unsubscribe();
          release();
        };
      });
    }
    return new Observable<FetchResult>((observer) => {
      let attempt = 0;
      let subscription: { unsubscribe(): void } | undefined;
      const send = () => {
        const mine = ++attempt;
        subscription = forward(operation).subscribe({
          next: (result) => {
            if (mine !== attempt) return;
            if (mine <= retries && stale(result)) {
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
