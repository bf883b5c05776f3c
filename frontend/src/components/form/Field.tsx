/**
 * A labelled form field whose error is linked with aria-describedby and aria-invalid,
 * so a screen reader reads the error with the field; help text is linked the same way.
 */
import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";

type Common = { label: string; error?: string; help?: string; className?: string };

function describedBy(ids: (string | false | undefined)[]): string | undefined {
  const present = ids.filter(Boolean).join(" ");
  return present || undefined;
}

/** The help text and the error under a field, with the ids its aria-describedby names. */
function FieldNotes({ id, help, error }: { id: string } & Pick<Common, "help" | "error">) {
  return (
    <>
      {help ? (
        <p className="field__help" id={`${id}-help`}>
          {help}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </>
  );
}

export function TextField({
  label,
  error,
  help,
  className,
  ...input
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className={`field${error ? " field--error" : ""} ${className ?? ""}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy([help && `${id}-help`, error && `${id}-error`])}
        {...input}
      />
      <FieldNotes id={id} help={help} error={error} />
    </div>
  );
}

export function SelectField({
  label,
  error,
  help,
  className,
  children,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  const id = useId();
  return (
    <div className={`field${error ? " field--error" : ""} ${className ?? ""}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy([help && `${id}-help`, error && `${id}-error`])}
        {...select}
      >
        {children}
      </select>
      <FieldNotes id={id} help={help} error={error} />
    </div>
  );
}

/** An error that belongs to no single field: announced, and focusable for focusFirstError. */
export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert" tabIndex={-1}>
      {message}
    </p>
  );
}

/** A checkbox with its label after it; an error is linked as for the other fields. */
export function CheckField({
  label,
  error,
  help,
  className,
  ...input
}: Common & Omit<InputHTMLAttributes<HTMLInputElement>, "type">) {
  const id = useId();
  return (
    <div className={`field${error ? " field--error" : ""} ${className ?? ""}`}>
      <div className="field--check">
        <input
          id={id}
          type="checkbox"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy([help && `${id}-help`, error && `${id}-error`])}
          {...input}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      <FieldNotes id={id} help={help} error={error} />
    </div>
  );
}

/** A multi-line text field (notes, an address), linked to its help and error as above. */
export function TextAreaField({
  label,
  error,
  help,
  className,
  ...textarea
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <div className={`field${error ? " field--error" : ""} ${className ?? ""}`}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy([help && `${id}-help`, error && `${id}-error`])}
        {...textarea}
      />
      <FieldNotes id={id} help={help} error={error} />
    </div>
  );
}
