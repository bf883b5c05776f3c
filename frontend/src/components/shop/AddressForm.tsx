/**
 * A postal address's fields (checkout and account), each labelled, errors beside the
 * field they concern. Country names come from the browser (Intl.DisplayNames) in the
 * visitor's language; the list is the EU plus the few places museums often ship to.
 */
import { useMemo } from "react";
import { useLang, useStrings } from "../../i18n";
import { SelectField, TextField } from "../form/Field";
import { SHOP_STRINGS } from "./strings";

export type AddressValues = {
  firstName: string;
  lastName: string;
  companyName: string;
  streetAddress1: string;
  streetAddress2: string;
  postalCode: string;
  city: string;
  country: string;
  phone: string;
};

export const EMPTY_ADDRESS: AddressValues = {
  firstName: "",
  lastName: "",
  companyName: "",
  streetAddress1: "",
  streetAddress2: "",
  postalCode: "",
  city: "",
  country: "BE",
  phone: "",
};

const COUNTRIES = [
  "BE", "NL", "LU", "FR", "DE", "AT", "BG", "CY", "CZ", "DK", "EE", "ES", "FI", "GR", "HR", "HU", "IE",
  "IT", "LT", "LV", "MT", "PL", "PT", "RO", "SE", "SI", "SK", "CH", "NO", "GB", "US", "CA", "JP", "AU",
];

/** An API address (country as { code }) as form values. */
export function addressValues(
  address: { country: { code: string }; phone?: string | null } & Omit<AddressValues, "country" | "phone">,
): AddressValues {
  return {
    firstName: address.firstName,
    lastName: address.lastName,
    companyName: address.companyName,
    streetAddress1: address.streetAddress1,
    streetAddress2: address.streetAddress2,
    postalCode: address.postalCode,
    city: address.city,
    country: address.country.code,
    phone: address.phone ?? "",
  };
}

type Props = {
  values: AddressValues;
  onChange: (values: AddressValues) => void;
  errors: Record<string, string>;
  /** Prefix for autocomplete sections: "shipping" or "billing". */
  section: string;
};

export function AddressFields({ values, onChange, errors, section }: Props) {
  const s = useStrings(SHOP_STRINGS);
  const lang = useLang();
  const names = useMemo(() => {
    const display = new Intl.DisplayNames([lang], { type: "region" });
    return COUNTRIES.map((code) => ({ code, name: display.of(code) ?? code })).sort((a, b) =>
      a.name.localeCompare(b.name, lang),
    );
  }, [lang]);
  const field = (name: keyof AddressValues) => ({
    value: values[name],
    error: errors[name],
    onChange: (event: { target: { value: string } }) => onChange({ ...values, [name]: event.target.value }),
  });
  return (
    <div className="address-fields">
      <TextField label={s.firstName} autoComplete={`section-${section} given-name`} required {...field("firstName")} />
      <TextField label={s.lastName} autoComplete={`section-${section} family-name`} required {...field("lastName")} />
      <TextField label={s.company} autoComplete={`section-${section} organization`} className="field--wide" {...field("companyName")} />
      <TextField label={s.street} autoComplete={`section-${section} address-line1`} className="field--wide" required {...field("streetAddress1")} />
      <TextField label={s.street2} autoComplete={`section-${section} address-line2`} className="field--wide" {...field("streetAddress2")} />
      <TextField label={s.postalCode} autoComplete={`section-${section} postal-code`} required {...field("postalCode")} />
      <TextField label={s.city} autoComplete={`section-${section} address-level2`} required {...field("city")} />
      <SelectField label={s.country} autoComplete={`section-${section} country`} required {...field("country")}>
        {names.map(({ code, name }) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </SelectField>
      <TextField label={s.phone} type="tel" autoComplete={`section-${section} tel`} {...field("phone")} />
    </div>
  );
}
