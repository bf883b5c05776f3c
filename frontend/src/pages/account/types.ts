/** The signed-in customer as the account's overview query answers them. */
import { type AccountOverviewQuery } from "./account.generated";

export type Me = NonNullable<AccountOverviewQuery["me"]>;
