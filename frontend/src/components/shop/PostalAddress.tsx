/** A postal address as a letter shows it: name, company, street, town, country. */

/** The parts of an address this shows; the checkout's and the address book's both have them. */
export interface PostalAddressParts {
  firstName: string;
  lastName: string;
  companyName?: string | null;
  streetAddress1: string;
  streetAddress2?: string | null;
  postalCode: string;
  city: string;
  country: { country: string };
}

export function PostalAddress({ address }: { address: PostalAddressParts }) {
  return (
    <address>
      {address.firstName} {address.lastName}
      <br />
      {address.companyName ? (
        <>
          {address.companyName}
          <br />
        </>
      ) : null}
      {address.streetAddress1}
      {address.streetAddress2 ? `, ${address.streetAddress2}` : ""}
      <br />
      {address.postalCode} {address.city}
      <br />
      {address.country.country}
    </address>
  );
}
