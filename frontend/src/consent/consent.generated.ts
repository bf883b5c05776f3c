/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from '../graphql/schema-types.js';

import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What a visitor can agree to. NECESSARY needs no consent and is always granted. */
export type ConsentCategory =
  | 'ANALYTICS'
  | 'MARKETING'
  | 'NECESSARY'
  | 'PREFERENCES';

/** Consent is ours, not Saleor's: its own codes. */
export type ConsentErrorCode =
  | 'INVALID'
  | 'POLICY_VERSION_MISMATCH'
  | 'PRIVACY_POLICY_MISSING';

export type ConsentInput = {
  /** Everything granted; what is left out is refused or withdrawn. */
  categories: Array<ConsentCategory>;
  /** The consent id this browser got earlier; leave out the first time. */
  consentId?: string | number | null | undefined;
  /** Language the privacy policy was shown in. */
  locale?: string | null | undefined;
  /** Version of the privacy policy the visitor was shown; checked. */
  policyVersion?: string | null | undefined;
};

export type PrivacyPolicyVersionsQueryVariables = Exact<{ [key: string]: never; }>;


export type PrivacyPolicyVersionsQuery = { __typename: 'Query', pages: Array<
    | { __typename: 'Exhibition', id: string | null, slug: string }
    | { __typename: 'ExhibitionIndex', id: string | null, slug: string }
    | { __typename: 'HomePage', id: string | null, slug: string }
    | { __typename: 'LegalPage', id: string | null, slug: string }
    | { __typename: 'Page', id: string | null, slug: string }
    | { __typename: 'PrivacyPolicy', locale: string, version: string, id: string | null, slug: string }
    | { __typename: 'Product', id: string | null, slug: string }
    | { __typename: 'ProductIndex', id: string | null, slug: string }
    | { __typename: 'Story', id: string | null, slug: string }
    | { __typename: 'StoryIndex', id: string | null, slug: string }
    | { __typename: 'Tour', id: string | null, slug: string }
    | { __typename: 'TourIndex', id: string | null, slug: string }
  > };

export type StoredConsentQueryVariables = Exact<{
  consentId: string | number;
}>;


export type StoredConsentQuery = { __typename: 'Query', consent: { __typename: 'Consent', consentId: string, categories: Array<Types.ConsentCategory>, policyVersion: string, isCurrentPolicy: boolean } | null };

export type UpdateConsentMutationVariables = Exact<{
  input: Types.ConsentInput;
}>;


export type UpdateConsentMutation = { __typename: 'Mutation', consentUpdate: { __typename: 'ConsentUpdate', consent: { __typename: 'Consent', consentId: string, categories: Array<Types.ConsentCategory>, policyVersion: string, locale: string, givenAt: string, isCurrentPolicy: boolean } | null, errors: Array<{ __typename: 'ConsentError', field: string | null, code: Types.ConsentErrorCode, message: string }> } | null };


export const PrivacyPolicyVersionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PrivacyPolicyVersions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"contentType"},"value":{"kind":"StringValue","value":"museum_site.PrivacyPolicyPage","block":false}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrivacyPolicy"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<PrivacyPolicyVersionsQuery, PrivacyPolicyVersionsQueryVariables>;
export const StoredConsentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StoredConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"consentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"consentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"consentId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consentId"}},{"kind":"Field","name":{"kind":"Name","value":"categories"}},{"kind":"Field","name":{"kind":"Name","value":"policyVersion"}},{"kind":"Field","name":{"kind":"Name","value":"isCurrentPolicy"}}]}}]}}]} as unknown as DocumentNode<StoredConsentQuery, StoredConsentQueryVariables>;
export const UpdateConsentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConsentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consentUpdate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consentId"}},{"kind":"Field","name":{"kind":"Name","value":"categories"}},{"kind":"Field","name":{"kind":"Name","value":"policyVersion"}},{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"givenAt"}},{"kind":"Field","name":{"kind":"Name","value":"isCurrentPolicy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateConsentMutation, UpdateConsentMutationVariables>;