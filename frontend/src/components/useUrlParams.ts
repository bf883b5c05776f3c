/**
 * The URL's search parameters, for controls whose state lives in the URL (search facets,
 * shop filters).
 *
 * The router commits navigations inside a React transition (`v7_startTransition`), so a
 * controlled checkbox or select bound straight to `useSearchParams()` snaps back to its
 * old value until that transition renders — on a slow phone a visible flicker, and a
 * click that seems to do nothing. The parameters asked for are held here as an urgent
 * update until the router's own catch up.
 */
import { useCallback, useEffect, useState } from "react";
import { useSearchParams } from "react-router-dom";

type SetUrlParams = (next: URLSearchParams, options?: { replace?: boolean }) => void;

export function useUrlParams(): [URLSearchParams, SetUrlParams] {
  const [params, setParams] = useSearchParams();
  const [asked, setAsked] = useState<URLSearchParams | null>(null);
  const current = params.toString();
  useEffect(() => setAsked(null), [current]);
  const set = useCallback<SetUrlParams>(
    (next, options) => {
      setAsked(next);
      setParams(next, options);
    },
    [setParams],
  );
  return [asked ?? params, set];
}
