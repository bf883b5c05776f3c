/**
 * The cart's checkout token, kept in localStorage so the cart survives a reload and a
 * new tab. Components subscribe with `useCartToken()`; the header's badge and the shop
 * pages see a new token (or its removal after an order) at once, also from other tabs.
 */
import { useSyncExternalStore } from "react";

const KEY = "vitrine.checkoutToken";
const listeners = new Set<() => void>();

function read(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null; // storage disabled: the cart lives as long as the page
  }
}

let memory: string | null = null;

export function getCartToken(): string | null {
  return read() ?? memory;
}

export function setCartToken(token: string | null): void {
  memory = token;
  try {
    if (token) window.localStorage.setItem(KEY, token);
    else window.localStorage.removeItem(KEY);
  } catch {
    // keep it in memory only
  }
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === KEY) listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

export function useCartToken(): string | null {
  return useSyncExternalStore(subscribe, getCartToken, () => null);
}
