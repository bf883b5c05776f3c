/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from '../../graphql/schema-types.js';

import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** An enumeration. */
export type LegalPageKind =
  | 'COOKIE_POLICY'
  | 'IMPRINT'
  | 'OTHER'
  | 'TERMS_OF_SALE';

/** A font stack the reference frontend ships. */
export type Typeface =
  /** A font stack the reference frontend ships. */
  | 'GROTESQUE'
  /** A font stack the reference frontend ships. */
  | 'HUMANIST'
  /** A font stack the reference frontend ships. */
  | 'OLD_STYLE'
  /** A font stack the reference frontend ships. */
  | 'TRANSITIONAL';

export type SiteChromeQueryVariables = Exact<{
  locale?: string | null | undefined;
}>;


export type SiteChromeQuery = { __typename: 'Query', museum: { __typename: 'Museum', slug: string, name: string, branding: { __typename: 'MuseumBranding', primaryColour: string, accentColour: string, typeface: Types.Typeface, logo: { __typename: 'Image', rendition: { __typename: 'Rendition', url: string } } | null } }, museumDetails: { __typename: 'MuseumDetails', museumName: string, address: string, openingHours: string } | null, setting: { __typename: 'MuseumSettings', contactEmail: string, phone: string } | null, legalPages: Array<
    | { __typename: 'Exhibition', id: string | null, title: string, slug: string }
    | { __typename: 'ExhibitionIndex', id: string | null, title: string, slug: string }
    | { __typename: 'HomePage', id: string | null, title: string, slug: string }
    | { __typename: 'LegalPage', locale: string, kind: Types.LegalPageKind, id: string | null, title: string, slug: string }
    | { __typename: 'Page', id: string | null, title: string, slug: string }
    | { __typename: 'PrivacyPolicy', id: string | null, title: string, slug: string }
    | { __typename: 'Product', id: string | null, title: string, slug: string }
    | { __typename: 'ProductIndex', id: string | null, title: string, slug: string }
    | { __typename: 'Story', id: string | null, title: string, slug: string }
    | { __typename: 'StoryIndex', id: string | null, title: string, slug: string }
    | { __typename: 'Tour', id: string | null, title: string, slug: string }
    | { __typename: 'TourIndex', id: string | null, title: string, slug: string }
  > };


export const SiteChromeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SiteChrome"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"locale"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"museum"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"branding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rendition"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"preset"},"value":{"kind":"EnumValue","value":"THUMBNAIL"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"primaryColour"}},{"kind":"Field","name":{"kind":"Name","value":"accentColour"}},{"kind":"Field","name":{"kind":"Name","value":"typeface"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"museumDetails"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"locale"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locale"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"museumName"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"openingHours"}}]}},{"kind":"Field","name":{"kind":"Name","value":"setting"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"MuseumSettings","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MuseumSettings"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contactEmail"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"legalPages"},"name":{"kind":"Name","value":"pages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"contentType"},"value":{"kind":"StringValue","value":"museum_site.LegalPage","block":false}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"60"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LegalPage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]} as unknown as DocumentNode<SiteChromeQuery, SiteChromeQueryVariables>;