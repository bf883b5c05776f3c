/**
 * Stripe.js, loaded only by the checkout's payment step (never before: it is a
 * third-party script, needed for the purchase and for nothing else).
 *
 * The API says where Stripe.js comes from (`stripeJsUrl`: https://js.stripe.com/v3/ in
 * production, localstripe's stand-in in the demo and the tests). We inject that script
 * ourselves; `@stripe/stripe-js/pure` then finds `window.Stripe` and does not inject its
 * own. Payment uses the Card Element with confirmCardSetup and confirmCardPayment — see
 * frontend/README.md for why not the Payment Element.
 */
import { loadStripe } from "@stripe/stripe-js/pure";
import type { Stripe } from "@stripe/stripe-js";

const scripts = new Map<string, Promise<void>>();

function injectScript(url: string): Promise<void> {
  let loading = scripts.get(url);
  if (!loading) {
    loading = new Promise<void>((resolve, reject) => {
      if ((window as { Stripe?: unknown }).Stripe) {
        resolve();
        return;
      }
      const script = document.createElement("script");
      script.src = url;
      script.async = true;
      script.onload = () => resolve();
      script.onerror = () => {
        scripts.delete(url);
        script.remove();
        reject(new Error(`Stripe.js could not be loaded from ${url}`));
      };
      document.head.append(script);
    });
    scripts.set(url, loading);
  }
  return loading;
}

const instances = new Map<string, Promise<Stripe | null>>();

export function stripeFor(url: string, publishableKey: string): Promise<Stripe | null> {
  const key = `${url}|${publishableKey}`;
  let instance = instances.get(key);
  if (!instance) {
    instance = injectScript(url).then(() => loadStripe(publishableKey));
    instance.catch(() => instances.delete(key));
    instances.set(key, instance);
  }
  return instance;
}
