/** One numbered step of the checkout: a region named by its heading, marked when done. */
import type { ReactNode } from "react";

export function Step({ id, title, done, children }: { id: string; title: string; done?: boolean; children: ReactNode }) {
  return (
    <section className={`checkout-step${done ? " checkout-step--done" : ""}`} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
