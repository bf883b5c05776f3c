/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from '../../graphql/schema-types.js';

import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** An enumeration. */
export type OrganisationKind =
  | 'ASSOCIATION'
  | 'COMPANY'
  | 'OTHER'
  | 'SCHOOL';

/** An enumeration. */
export type VisitAudience =
  | 'ADULTS'
  | 'HIGHER'
  | 'PRIMARY'
  | 'SECONDARY'
  | 'SPECIAL_NEEDS';

/** An enumeration. */
export type VisitBookingEventKind =
  | 'CANCELLED'
  | 'CHANGE_ASKED'
  | 'CONFIRMED'
  | 'INVOICED'
  | 'MOVED'
  | 'PAID'
  | 'REFUNDED'
  | 'REFUND_FAILED'
  | 'REMINDED'
  | 'REQUESTED'
  | 'VISITED';

export type VisitBookingRequestInput = {
  /** Accompanying adults. */
  adults: number;
  /** Up to three, as preferredStart. */
  alternativeStarts?: Array<string> | null | undefined;
  billingAddress?: string | null | undefined;
  contactName: string;
  email: string;
  /** Language of the visit: nl, en, fr. */
  language: string;
  /** Language of the e-mails; nl by default. */
  locale?: string | null | undefined;
  offer: string | number;
  organisation: string;
  organisationKind: OrganisationKind;
  phone?: string | null | undefined;
  /** Without an offset: the museum's local time. */
  preferredStart: string;
  /** Pupils or participants. */
  pupils: number;
  /** The organisation's order number. */
  purchaseOrder?: string | null | undefined;
  specialNeeds?: string | null | undefined;
  vatNumber?: string | null | undefined;
};

/** An enumeration. */
export type VisitBookingStatus =
  | 'CANCELLED'
  | 'CONFIRMED'
  | 'DONE'
  | 'INVOICED'
  | 'REQUESTED';

/** An enumeration. */
export type VisitErrorCode =
  | 'ALREADY_PAID'
  | 'CANCELLED'
  | 'CLOSED'
  | 'GROUP_TOO_LARGE'
  | 'GROUP_TOO_SMALL'
  | 'INVALID'
  | 'INVOICED'
  | 'LANGUAGE_NOT_OFFERED'
  | 'NOTHING_DUE'
  | 'NOT_CONFIRMED'
  | 'NOT_ENOUGH_MATERIAL'
  | 'NOT_FOUND'
  | 'NOT_WORKING'
  | 'PAST'
  | 'REQUIRED'
  | 'RESOURCE_TAKEN'
  | 'TOO_FEW_ADULTS'
  | 'TOO_SOON'
  | 'WRONG_STATE';

/** An enumeration. */
export type VisitOfferKind =
  | 'GUIDED_TOUR'
  | 'WORKSHOP';

/** An enumeration. */
export type VisitPricing =
  | 'PER_GROUP'
  | 'PER_PERSON';

export type VisitOffersQueryVariables = Exact<{
  locale?: string | null | undefined;
}>;


export type VisitOffersQuery = { __typename: 'Query', visitOffers: Array<{ __typename: 'VisitOffer', id: string, kind: Types.VisitOfferKind, title: string, description: string, languages: Array<string>, audiences: Array<Types.VisitAudience>, durationMinutes: number, minGroup: number, maxGroup: number, pupilsPerAdult: number | null, pricing: Types.VisitPricing, leadDays: number, price: { __typename: 'Money', amount: string, currency: string } }> };

export type VisitBookingRequestMutationVariables = Exact<{
  input: Types.VisitBookingRequestInput;
}>;


export type VisitBookingRequestMutation = { __typename: 'Mutation', visitBookingRequest: { __typename: 'VisitBookingRequest', booking: { __typename: 'VisitBooking', token: string, status: Types.VisitBookingStatus } | null, errors: Array<{ __typename: 'VisitError', field: string | null, code: Types.VisitErrorCode, message: string }> } | null };

export type VisitBookingQueryVariables = Exact<{
  token: string;
  locale?: string | null | undefined;
}>;


export type VisitBookingQuery = { __typename: 'Query', visitBooking: { __typename: 'VisitBooking', token: string, status: Types.VisitBookingStatus, organisation: string, contactName: string, pupils: number, adults: number, language: string, preferredStart: string, startsAt: string | null, endsAt: string | null, invoiceNumber: string | null, structuredCommunication: string | null, paid: boolean, amount: { __typename: 'Money', amount: string, currency: string } | null, amountDue: { __typename: 'Money', amount: string, currency: string } | null, offer: { __typename: 'VisitOffer', title: string }, history: Array<{ __typename: 'VisitBookingEvent', kind: Types.VisitBookingEventKind, at: string, note: string }> } | null };

export type VisitBookingPayMutationVariables = Exact<{
  token: string;
  locale?: string | null | undefined;
}>;


export type VisitBookingPayMutation = { __typename: 'Mutation', visitBookingPay: { __typename: 'VisitBookingPay', checkoutToken: string | null, errors: Array<{ __typename: 'VisitError', field: string | null, code: Types.VisitErrorCode, message: string }> } | null };


export const VisitOffersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VisitOffers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"locale"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"visitOffers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"locale"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locale"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"languages"}},{"kind":"Field","name":{"kind":"Name","value":"audiences"}},{"kind":"Field","name":{"kind":"Name","value":"durationMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"minGroup"}},{"kind":"Field","name":{"kind":"Name","value":"maxGroup"}},{"kind":"Field","name":{"kind":"Name","value":"pupilsPerAdult"}},{"kind":"Field","name":{"kind":"Name","value":"pricing"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"leadDays"}}]}}]}}]} as unknown as DocumentNode<VisitOffersQuery, VisitOffersQueryVariables>;
export const VisitBookingRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VisitBookingRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"VisitBookingRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"visitBookingRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"booking"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<VisitBookingRequestMutation, VisitBookingRequestMutationVariables>;
export const VisitBookingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VisitBooking"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"locale"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"visitBooking"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}},{"kind":"Argument","name":{"kind":"Name","value":"locale"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locale"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"}},{"kind":"Field","name":{"kind":"Name","value":"contactName"}},{"kind":"Field","name":{"kind":"Name","value":"pupils"}},{"kind":"Field","name":{"kind":"Name","value":"adults"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"preferredStart"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"invoiceNumber"}},{"kind":"Field","name":{"kind":"Name","value":"structuredCommunication"}},{"kind":"Field","name":{"kind":"Name","value":"paid"}},{"kind":"Field","name":{"kind":"Name","value":"amountDue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"offer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}}]}}]} as unknown as DocumentNode<VisitBookingQuery, VisitBookingQueryVariables>;
export const VisitBookingPayDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VisitBookingPay"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"locale"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"visitBookingPay"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}},{"kind":"Argument","name":{"kind":"Name","value":"locale"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locale"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checkoutToken"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<VisitBookingPayMutation, VisitBookingPayMutationVariables>;