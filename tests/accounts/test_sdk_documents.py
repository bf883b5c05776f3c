"""Every document @saleor/sdk 0.7.0 sends for the operations we serve validates here.

The documents are copied from the SDK's src/apollo/mutations.ts, queries.ts and
fragments.ts (0.7.0), with the fragments each one interpolates; only whitespace differs. This runs without
Node; test_saleor_sdk.py drives the real package. The external-auth operations
(externalAuthenticationUrl, ...) and requestEmailChange/confirmEmailChange are not served.
"""

from __future__ import annotations

import pytest
from graphql import parse, validate
from grapple.schema import schema

from museum_site.graphql import limits

ACCOUNT_ERROR = """
  fragment AccountErrorFragment on AccountError {
    code
    field
    message
  }
"""
ADDRESS = """
  fragment AddressFragment on Address {
    id
    firstName
    lastName
    companyName
    streetAddress1
    streetAddress2
    city
    cityArea
    postalCode
    country {
      code
      country
    }
    countryArea
    phone
    isDefaultBillingAddress
    isDefaultShippingAddress
  }
"""
USER_BASE = """
  fragment UserBaseFragment on User {
    id
    email
    firstName
    lastName
    isStaff
    userPermissions {
      code
      name
    }
  }
"""
USER_DETAILS = (
    ADDRESS
    + USER_BASE
    + """
  fragment UserDetailsFragment on User {
    ...UserBaseFragment
    metadata {
      key
      value
    }
    defaultShippingAddress {
      ...AddressFragment
    }
    defaultBillingAddress {
      ...AddressFragment
    }
    addresses {
      ...AddressFragment
    }
  }
"""
)

SDK_DOCUMENTS = {
    "loginWithoutDetails": ACCOUNT_ERROR
    + USER_BASE
    + """
  mutation loginWithoutDetails($email: String!, $password: String!) {
    tokenCreate(email: $email, password: $password) {
      refreshToken
      token
      errors { ...AccountErrorFragment }
      user { ...UserBaseFragment }
    }
  }""",
    "login": ACCOUNT_ERROR
    + USER_DETAILS
    + """
  mutation login($email: String!, $password: String!) {
    tokenCreate(email: $email, password: $password) {
      token
      refreshToken
      errors { ...AccountErrorFragment }
      user { ...UserDetailsFragment }
    }
  }""",
    "register": ACCOUNT_ERROR
    + """
  mutation register($input: AccountRegisterInput!) {
    accountRegister(input: $input) {
      errors { ...AccountErrorFragment }
      requiresConfirmation
    }
  }""",
    "refreshToken": ACCOUNT_ERROR
    + """
  mutation refreshToken($refreshToken: String!) {
    tokenRefresh(refreshToken: $refreshToken) {
      token
      errors { ...AccountErrorFragment }
    }
  }""",
    "refreshTokenWithUser": ACCOUNT_ERROR
    + USER_DETAILS
    + """
  mutation refreshTokenWithUser($refreshToken: String!) {
    tokenRefresh(refreshToken: $refreshToken) {
      token
      user { ...UserDetailsFragment }
      errors { ...AccountErrorFragment }
    }
  }""",
    "verifyToken": ACCOUNT_ERROR
    + USER_DETAILS
    + """
  mutation verifyToken($token: String!) {
    tokenVerify(token: $token) {
      isValid
      payload
      user { ...UserDetailsFragment }
      errors { ...AccountErrorFragment }
    }
  }""",
    "passwordChange": ACCOUNT_ERROR
    + """
  mutation passwordChange($newPassword: String!, $oldPassword: String!) {
    passwordChange(newPassword: $newPassword, oldPassword: $oldPassword) {
      errors { ...AccountErrorFragment }
    }
  }""",
    "requestPasswordReset": ACCOUNT_ERROR
    + """
  mutation requestPasswordReset($email: String!, $redirectUrl: String!, $channel: String!) {
    requestPasswordReset(email: $email, redirectUrl: $redirectUrl, channel: $channel) {
      errors { ...AccountErrorFragment }
    }
  }""",
    "setPassword": USER_DETAILS
    + ACCOUNT_ERROR
    + """
  mutation setPassword($token: String!, $email: String!, $password: String!) {
    setPassword(token: $token, email: $email, password: $password) {
      errors { ...AccountErrorFragment }
      token
      refreshToken
      user { ...UserDetailsFragment }
    }
  }""",
    "accountRequestDeletion": ACCOUNT_ERROR
    + """
  mutation accountRequestDeletion($channel: String!, $redirectUrl: String!) {
    accountRequestDeletion(channel: $channel, redirectUrl: $redirectUrl) {
      errors { ...AccountErrorFragment }
    }
  }""",
    "accountDelete": USER_DETAILS
    + ACCOUNT_ERROR
    + """
  mutation accountDelete($token: String!) {
    accountDelete(token: $token) {
      errors { ...AccountErrorFragment }
      user { ...UserDetailsFragment }
    }
  }""",
    "accountUpdate": USER_DETAILS
    + ACCOUNT_ERROR
    + """
  mutation accountUpdate($input: AccountInput!) {
    accountUpdate(input: $input) {
      errors { ...AccountErrorFragment }
      user { ...UserDetailsFragment }
    }
  }""",
    "setAccountDefaultAddress": USER_DETAILS
    + ACCOUNT_ERROR
    + """
  mutation setAccountDefaultAddress($id: ID!, $type: AddressTypeEnum!) {
    accountSetDefaultAddress(id: $id, type: $type) {
      errors { ...AccountErrorFragment }
      user { ...UserDetailsFragment }
    }
  }""",
    "deleteAccountAddress": USER_DETAILS
    + ACCOUNT_ERROR
    + """
  mutation deleteAccountAddress($addressId: ID!) {
    accountAddressDelete(id: $addressId) {
      errors { ...AccountErrorFragment }
      user { ...UserDetailsFragment }
    }
  }""",
    "createAccountAddress": USER_DETAILS
    + ACCOUNT_ERROR
    + """
  mutation createAccountAddress($input: AddressInput!) {
    accountAddressCreate(input: $input) {
      address { ...AddressFragment }
      errors { ...AccountErrorFragment }
      user { ...UserDetailsFragment }
    }
  }""",
    "updateAccountAddress": USER_DETAILS
    + ACCOUNT_ERROR
    + """
  mutation updateAccountAddress($input: AddressInput!, $id: ID!) {
    accountAddressUpdate(input: $input, id: $id) {
      address { ...AddressFragment }
      errors { ...AccountErrorFragment }
      user { ...UserDetailsFragment }
    }
  }""",
    "accountConfirm": USER_DETAILS
    + ACCOUNT_ERROR
    + """
  mutation accountConfirm($email: String!, $token: String!) {
    confirmAccount(email: $email, token: $token) {
      user { ...UserDetailsFragment }
      errors { ...AccountErrorFragment }
    }
  }""",
    # src/apollo/queries.ts without the `@client` fields, which Apollo never sends.
    "User": USER_DETAILS
    + """
  query User {
    user: me { ...UserDetailsFragment }
  }""",
    "UserWithoutDetails": USER_BASE
    + """
  query UserWithoutDetails {
    user: me { ...UserBaseFragment }
  }""",
}


@pytest.mark.parametrize("operation", sorted(SDK_DOCUMENTS))
def test_the_sdks_document_validates_against_our_schema(operation):
    document = parse(SDK_DOCUMENTS[operation])
    assert limits.check_document(document) == []
    assert validate(schema.graphql_schema, document) == []
