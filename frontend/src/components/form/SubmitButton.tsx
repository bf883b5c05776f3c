/**
 * A form's submit button: disabled while the form is being sent, so a double click
 * sends once, and saying so (`pending`, e.g. "Paying…") when the wait is worth naming.
 */
import type { ButtonHTMLAttributes, ReactNode } from "react";

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type"> & {
  busy?: boolean;
  pending?: ReactNode;
  variant?: "primary" | "secondary" | "danger";
};

export function SubmitButton({ busy = false, pending, variant = "primary", disabled, className, children, ...rest }: Props) {
  const classes = ["button", variant !== "primary" ? `button--${variant}` : "", className ?? ""].filter(Boolean).join(" ");
  return (
    <button type="submit" className={classes} disabled={busy || disabled} aria-busy={busy || undefined} {...rest}>
      {busy && pending ? pending : children}
    </button>
  );
}
