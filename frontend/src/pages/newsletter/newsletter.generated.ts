/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from '../../graphql/schema-types.js';

import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Codes of the newsletter sign-up, confirmation and unsubscription. */
export type NewsletterErrorCode =
  | 'EXPIRED'
  | 'INVALID'
  | 'PRIVACY_POLICY_MISSING'
  | 'RATE_LIMITED'
  | 'REQUIRED';

/** Where a sign-up stands: nothing is sent before CONFIRMED. */
export type NewsletterStatus =
  | 'CONFIRMED'
  | 'PENDING'
  | 'UNSUBSCRIBED';

export type NewsletterSubscriptionFieldsFragment = { __typename: 'NewsletterSubscription', email: string, status: Types.NewsletterStatus, languageCode: string, confirmedAt: string | null, unsubscribedAt: string | null };

export type NewsletterConfirmMutationVariables = Exact<{
  token: string;
}>;


export type NewsletterConfirmMutation = { __typename: 'Mutation', newsletterConfirm: { __typename: 'NewsletterConfirm', subscription: { __typename: 'NewsletterSubscription', email: string, status: Types.NewsletterStatus, languageCode: string, confirmedAt: string | null, unsubscribedAt: string | null } | null, errors: Array<{ __typename: 'NewsletterError', field: string | null, code: Types.NewsletterErrorCode, message: string }> } | null };

export type NewsletterUnsubscribeMutationVariables = Exact<{
  token: string;
}>;


export type NewsletterUnsubscribeMutation = { __typename: 'Mutation', newsletterUnsubscribe: { __typename: 'NewsletterUnsubscribe', subscription: { __typename: 'NewsletterSubscription', email: string, status: Types.NewsletterStatus, languageCode: string, confirmedAt: string | null, unsubscribedAt: string | null } | null, errors: Array<{ __typename: 'NewsletterError', field: string | null, code: Types.NewsletterErrorCode, message: string }> } | null };

export const NewsletterSubscriptionFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NewsletterSubscriptionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NewsletterSubscription"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"languageCode"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAt"}},{"kind":"Field","name":{"kind":"Name","value":"unsubscribedAt"}}]}}]} as unknown as DocumentNode<NewsletterSubscriptionFieldsFragment, unknown>;
export const NewsletterConfirmDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"NewsletterConfirm"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"newsletterConfirm"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NewsletterSubscriptionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NewsletterSubscriptionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NewsletterSubscription"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"languageCode"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAt"}},{"kind":"Field","name":{"kind":"Name","value":"unsubscribedAt"}}]}}]} as unknown as DocumentNode<NewsletterConfirmMutation, NewsletterConfirmMutationVariables>;
export const NewsletterUnsubscribeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"NewsletterUnsubscribe"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"newsletterUnsubscribe"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NewsletterSubscriptionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NewsletterSubscriptionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NewsletterSubscription"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"languageCode"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAt"}},{"kind":"Field","name":{"kind":"Name","value":"unsubscribedAt"}}]}}]} as unknown as DocumentNode<NewsletterUnsubscribeMutation, NewsletterUnsubscribeMutationVariables>;