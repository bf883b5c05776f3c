export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /**
   * The `Date` scalar type represents a Date
   * value as specified by
   * [iso8601](https://en.wikipedia.org/wiki/ISO_8601).
   */
  Date: { input: string; output: string; }
  /**
   * The `DateTime` scalar type represents a DateTime
   * value as specified by
   * [iso8601](https://en.wikipedia.org/wiki/ISO_8601).
   */
  DateTime: { input: string; output: string; }
  /** The `Decimal` scalar type represents a python Decimal. */
  Decimal: { input: string; output: string; }
  /**
   * The `GenericScalar` scalar type represents a generic
   * GraphQL scalar value that could be:
   * String, Boolean, Int, Float, List or Object.
   */
  GenericScalar: { input: unknown; output: unknown; }
  /**
   * Allows use of a JSON String for input / output from the GraphQL schema.
   *
   * Use of this type is *not recommended* as you lose the benefits of having a defined, static
   * schema (one of the key benefits of GraphQL).
   */
  JSONString: { input: string; output: string; }
  /** GraphQL type for an integer that must be equal or greater than zero. */
  PositiveInt: { input: number; output: number; }
  /**
   * Leverages the internal Python implementation of UUID (uuid.UUID) to provide native UUID objects
   * in fields, resolvers and input.
   */
  UUID: { input: string; output: string; }
};

/** An enumeration. */
export type AccountErrorCode =
  | 'DELETE_STAFF_ACCOUNT'
  | 'INACTIVE'
  | 'INVALID'
  | 'INVALID_CREDENTIALS'
  | 'INVALID_PASSWORD'
  | 'JWT_DECODE_ERROR'
  | 'JWT_INVALID_TOKEN'
  | 'JWT_MISSING_TOKEN'
  | 'JWT_SIGNATURE_EXPIRED'
  | 'LOGIN_ATTEMPT_DELAYED'
  | 'NOT_FOUND'
  | 'PASSWORD_ENTIRELY_NUMERIC'
  | 'PASSWORD_RESET_ALREADY_REQUESTED'
  | 'PASSWORD_TOO_COMMON'
  | 'PASSWORD_TOO_SHORT'
  | 'PASSWORD_TOO_SIMILAR'
  | 'RATE_LIMITED'
  | 'REQUIRED';

export type AccountInput = {
  /** Added to the address book as the default billing address. */
  defaultBillingAddress?: InputMaybe<AddressInput>;
  /** Added to the address book as the default shipping address. */
  defaultShippingAddress?: InputMaybe<AddressInput>;
  firstName?: InputMaybe<Scalars['String']['input']>;
  languageCode?: InputMaybe<LanguageCodeEnum>;
  lastName?: InputMaybe<Scalars['String']['input']>;
};

export type AccountRegisterInput = {
  /** Accepted for Saleor clients; the museum's shop has one channel. */
  channel?: InputMaybe<Scalars['String']['input']>;
  email: Scalars['String']['input'];
  firstName?: InputMaybe<Scalars['String']['input']>;
  /** Language of the e-mails we send. */
  languageCode?: InputMaybe<LanguageCodeEnum>;
  lastName?: InputMaybe<Scalars['String']['input']>;
  /** Public metadata. */
  metadata?: InputMaybe<Array<MetadataInput>>;
  password: Scalars['String']['input'];
  /** Frontend URL the confirmation e-mail links to, with `email` and `token`. */
  redirectUrl?: InputMaybe<Scalars['String']['input']>;
};

export type AddressInput = {
  city?: InputMaybe<Scalars['String']['input']>;
  /** District. */
  cityArea?: InputMaybe<Scalars['String']['input']>;
  /** Company or organisation. */
  companyName?: InputMaybe<Scalars['String']['input']>;
  /** ISO 3166-1 alpha-2 code, e.g. BE. A string rather than Saleor's CountryCode enum, so that an unknown code is an INVALID error in the payload. */
  country?: InputMaybe<Scalars['String']['input']>;
  /** State or province. */
  countryArea?: InputMaybe<Scalars['String']['input']>;
  /** Given name. */
  firstName?: InputMaybe<Scalars['String']['input']>;
  /** Family name. */
  lastName?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  postalCode?: InputMaybe<Scalars['String']['input']>;
  /** Address. */
  streetAddress1?: InputMaybe<Scalars['String']['input']>;
  /** Address. */
  streetAddress2?: InputMaybe<Scalars['String']['input']>;
};

export type AddressTypeEnum =
  | 'BILLING'
  | 'SHIPPING';

/** An enumeration. */
export type AdmissionOfferKind =
  | 'COMBINATION'
  | 'EXHIBITION'
  | 'PERMANENT';

export type CheckoutCreateInput = {
  /** Can also be given later with checkoutEmailUpdate. */
  email?: InputMaybe<Scalars['String']['input']>;
  lines?: InputMaybe<Array<CheckoutLineInput>>;
  /** Language of the checkout and its e-mails (nl, en, fr). */
  locale?: InputMaybe<Scalars['String']['input']>;
};

/** Why a checkout mutation refused its input; the message says it for people. */
export type CheckoutErrorCode =
  /** An earlier payment of this checkout succeeded: complete it instead of paying again. */
  | 'ALREADY_PAID'
  /** Set a billing address first. */
  | 'BILLING_ADDRESS_NOT_SET'
  /** What was paid is not what the checkout costs now; the payment is refunded. */
  | 'CHECKOUT_NOT_FULLY_PAID'
  /** The delivery method does not serve this address or parcel. */
  | 'DELIVERY_METHOD_NOT_APPLICABLE'
  /** Set an e-mail address first. */
  | 'EMAIL_NOT_SET'
  /** Not enough units are available. */
  | 'INSUFFICIENT_STOCK'
  /** The value is not valid (format, unknown code, unknown language). */
  | 'INVALID'
  /** No checkout, line, SKU or delivery method with this identifier. */
  | 'NOT_FOUND'
  /** The checkout has no lines. */
  | 'NO_LINES'
  /** Give one museum pass number per ticket of this category. */
  | 'PASS_NUMBER_REQUIRED'
  /** The payment service could not be reached or refused the request. */
  | 'PAYMENT_ERROR'
  /** Start a payment (checkoutPaymentCreate) first. */
  | 'PAYMENT_NOT_SET'
  /** Stripe has not confirmed the payment (yet). */
  | 'PAYMENT_NOT_SUCCEEDED'
  /** The product is not on sale (unpublished or private). */
  | 'PRODUCT_NOT_PUBLISHED'
  /** More units than one order may hold. */
  | 'QUANTITY_GREATER_THAN_LIMIT'
  /** The field must be given. */
  | 'REQUIRED'
  /** Set a shipping address first. */
  | 'SHIPPING_ADDRESS_NOT_SET'
  /** Choose a delivery method first. */
  | 'SHIPPING_METHOD_NOT_SET'
  /** Nothing in the checkout is shipped. */
  | 'SHIPPING_NOT_REQUIRED'
  /** The time slot is closed or the offer is not on sale. */
  | 'SLOT_CLOSED'
  /** The time slot (or a quota it shares, such as an exhibition's places of the day) has not enough places left. */
  | 'SLOT_FULL'
  /** The time slot is over. */
  | 'SLOT_PAST'
  /** The code exists but cannot be used now (period, usage limit, minimum spend). */
  | 'VOUCHER_NOT_APPLICABLE'
  /** The quantity must be at least 1. */
  | 'ZERO_QUANTITY';

export type CheckoutLineInput = {
  quantity: Scalars['Int']['input'];
  sku: Scalars['String']['input'];
};

export type CollectionObjectOrder =
  | 'EARLIEST_YEAR'
  | 'INVENTORY_NUMBER'
  | 'TITLE';

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
  consentId?: InputMaybe<Scalars['ID']['input']>;
  /** Language the privacy policy was shown in. */
  locale?: InputMaybe<Scalars['String']['input']>;
  /** Version of the privacy policy the visitor was shown; checked. */
  policyVersion?: InputMaybe<Scalars['String']['input']>;
};

/** Codes of the data requests made through an e-mailed link (no account needed). */
export type DataRequestErrorCode =
  | 'EXPIRED'
  | 'INVALID'
  | 'RATE_LIMITED'
  | 'REQUIRED'
  | 'STAFF_ACCOUNT';

/** What the e-mailed link is for. */
export type DataRequestKind =
  | 'ERASURE'
  | 'EXPORT';

/** SHIPPING posts to the shipping address; PICKUP is at the museum desk. */
export type DeliveryMethodKind =
  | 'PICKUP'
  | 'SHIPPING';

export type ExhibitionOrder =
  | 'START_DATE_ASC'
  | 'START_DATE_DESC'
  | 'TITLE_ASC';

/** An enumeration. */
export type Format =
  | 'ONLINE'
  | 'PHYSICAL';

/** An enumeration. */
export type FulfilmentKind =
  | 'READY_FOR_PICKUP'
  | 'SHIPPED';

/** Output format; ORIGINAL keeps the upload's. */
export type ImageFormat =
  /** Output format; ORIGINAL keeps the upload's. */
  | 'AVIF'
  /** Output format; ORIGINAL keeps the upload's. */
  | 'JPEG'
  /** Output format; ORIGINAL keeps the upload's. */
  | 'ORIGINAL'
  /** Output format; ORIGINAL keeps the upload's. */
  | 'WEBP';

/** A named image size. */
export type ImagePreset =
  /** 16:10 crop for cards and teasers */
  | 'CARD'
  /** Whole image, aspect ratio kept */
  | 'FULL'
  /** 2:1 banner across the page */
  | 'HERO'
  /** 1200x630 crop for social cards (Open Graph, X) */
  | 'SHARE'
  /** Square thumbnail for lists and hotspots */
  | 'THUMBNAIL';

/** An enumeration. */
export type InvoiceKind =
  | 'CREDIT_NOTE'
  | 'INVOICE';

/** A language the museum writes to customers in. */
export type LanguageCodeEnum =
  | 'EN'
  | 'FR'
  | 'NL';

/** What a stream's members are versions of. */
export type LdesStreamKind =
  | 'EXHIBITIONS'
  | 'OBJECTS'
  | 'TERMS';

/** An enumeration. */
export type LegalPageKind =
  | 'COOKIE_POLICY'
  | 'IMPRINT'
  | 'OTHER'
  | 'TERMS_OF_SALE';

export type MetadataInput = {
  key: Scalars['String']['input'];
  value: Scalars['String']['input'];
};

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

export type OrderReturnLineInput = {
  /** `Order.lines.id`. */
  lineId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
};

/** An enumeration. */
export type OrderStatus =
  | 'CANCELED'
  | 'FULFILLED'
  | 'PAID'
  | 'PARTIALLY_REFUNDED'
  | 'REFUNDED'
  | 'UNCONFIRMED';

/** An enumeration. */
export type OrganisationKind =
  | 'ASSOCIATION'
  | 'COMPANY'
  | 'OTHER'
  | 'SCHOOL';

/** Price bands of products in EUR, VAT included: from the lower end up to (not including) the upper end. */
export type PriceBand =
  | 'FROM_10_TO_25'
  | 'FROM_25_TO_50'
  | 'FROM_50_TO_100'
  | 'FROM_100'
  | 'UNDER_10';

export type ProductOrder =
  | 'NEWEST'
  | 'PRICE_ASC'
  | 'PRICE_DESC'
  | 'TITLE_ASC'
  | 'TITLE_DESC';

/** PHYSICAL variants are shipped or picked up; DIGITAL ones are downloaded. */
export type ProductVariantKind =
  | 'DIGITAL'
  | 'PHYSICAL';

/** A rule of query understanding. */
export type QueryRule =
  /** Century words or Roman numerals ('zeventiende eeuw', 'XVIIe siècle') became the century filter; `value` is the century (17 is 1600-1699). */
  | 'CENTURY'
  /** A price wish ('onder 20 euro', 'under €20', 'moins de 20 euros') keeps products up to that price; `value` is the amount in EUR. */
  | 'MAX_PRICE'
  /** A gift or price wish ('cadeau', 'gift') keeps shop products only. */
  | 'PRODUCTS';

/** Why a return request was refused; the message says it for people. */
export type ReturnErrorCode =
  /** The value is not valid, or the return is not in a state that allows this. */
  | 'INVALID'
  /** No order or order line with this identifier. */
  | 'NOT_FOUND'
  /** The line is not goods that can be sent back (tickets, dated services and downloads are exempt), or it has not been delivered yet. */
  | 'NOT_RETURNABLE'
  /** The withdrawal period of the line is over. */
  | 'PERIOD_OVER'
  /** More units than were delivered and not returned yet. */
  | 'QUANTITY_GREATER_THAN_RETURNABLE'
  /** The field must be given. */
  | 'REQUIRED';

/** An enumeration. */
export type ReturnStatus =
  | 'APPROVED'
  | 'DECLINED'
  | 'RECEIVED'
  | 'REFUNDED'
  | 'REQUESTED';

/** An enumeration. */
export type RightsStatement =
  | 'CC0'
  | 'CC_BY'
  | 'CC_BY_SA'
  | 'IN_COPYRIGHT'
  | 'PUBLIC_DOMAIN'
  | 'UNKNOWN';

/**
 * Narrow the results to documents with these facet values: any of the values given for
 * one facet, and every facet given. Makers, materials, periods and centuries describe
 * collection objects; categories, price bands and inStock describe products.
 */
export type SearchFilters = {
  /** Product category slugs. */
  categories?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Centuries of the object's dating: 17 is 1600-1699; negative before year 1. */
  centuries?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** Products that can (true) or cannot (false) be bought right now. */
  inStock?: InputMaybe<Scalars['Boolean']['input']>;
  /** Maker Term ids. */
  makers?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Material Term ids. */
  materials?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Object type Term ids (what objects are). */
  objectTypes?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Period Term ids (styles and eras). */
  periods?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Products with a variant in one of these bands. */
  priceBands?: InputMaybe<Array<PriceBand>>;
};

/** What a result is. */
export type SearchKind =
  /** An exhibition (page). */
  | 'EXHIBITION'
  /** A collection object; `slug` is its inventory number. */
  | 'OBJECT'
  /** A product of the shop that can be bought (it may be sold out: see the inStock facet); `slug` is the product page's slug. */
  | 'PRODUCT'
  /** A story (page). */
  | 'STORY'
  /** A virtual tour, or one scene of it (`sceneKey` set). */
  | 'TOUR';

/** Enum for search operator. */
export type SearchOperatorEnum =
  | 'AND'
  | 'OR';

/** Where a search looks. */
export type SearchScope =
  /** Every public museum of the group. */
  | 'GROUP'
  /** The museum the request is for. */
  | 'MUSEUM';

export type SlotState =
  | 'CLOSED'
  | 'FULL'
  | 'OPEN'
  | 'PAST';

/** An enumeration. */
export type Status =
  | 'FAILED'
  | 'PENDING'
  | 'READY';

export type StoryOrder =
  | 'DATE_ASC'
  | 'DATE_DESC'
  | 'TITLE_ASC'
  | 'TITLE_DESC';

/** An enumeration. */
export type TermKind =
  | 'CONCEPT'
  | 'MATERIAL'
  | 'OBJECT_TYPE'
  | 'PERIOD'
  | 'PERSON'
  | 'PLACE';

export type TermOrder =
  | 'KIND'
  | 'LABEL';

export type TicketCategoryInput = {
  /** A visitor category of the slot's offer. */
  category: Scalars['ID']['input'];
  /** One per ticket, for categories that ask a pass number. */
  passNumbers?: InputMaybe<Array<Scalars['String']['input']>>;
  quantity: Scalars['Int']['input'];
};

/** An enumeration. */
export type TicketErrorCode =
  | 'ALREADY_CANCELED'
  | 'CANCELLATION_CLOSED'
  | 'INVALID'
  | 'NOT_FOUND'
  | 'PAYMENT_ERROR';

/** An enumeration. */
export type TicketStatus =
  | 'CANCELED'
  | 'VALID';

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

/** Which viewer's configuration `viewerConfig` emits. */
export type ViewerFormat =
  | 'MARZIPANO'
  | 'PANNELLUM'
  | 'PHOTO_SPHERE_VIEWER';

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
  adults: Scalars['Int']['input'];
  /** Up to three, as preferredStart. */
  alternativeStarts?: InputMaybe<Array<Scalars['DateTime']['input']>>;
  billingAddress?: InputMaybe<Scalars['String']['input']>;
  contactName: Scalars['String']['input'];
  email: Scalars['String']['input'];
  /** Language of the visit: nl, en, fr. */
  language: Scalars['String']['input'];
  /** Language of the e-mails; nl by default. */
  locale?: InputMaybe<Scalars['String']['input']>;
  offer: Scalars['ID']['input'];
  organisation: Scalars['String']['input'];
  organisationKind: OrganisationKind;
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Without an offset: the museum's local time. */
  preferredStart: Scalars['DateTime']['input'];
  /** Pupils or participants. */
  pupils: Scalars['Int']['input'];
  /** The organisation's order number. */
  purchaseOrder?: InputMaybe<Scalars['String']['input']>;
  specialNeeds?: InputMaybe<Scalars['String']['input']>;
  vatNumber?: InputMaybe<Scalars['String']['input']>;
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

/** An enumeration. */
export type VisitorCategoryKind =
  | 'ADULT'
  | 'CHILD'
  | 'MUSEUM_PASS'
  | 'REDUCED'
  | 'YOUTH';
