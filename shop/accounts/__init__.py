"""Customer accounts (the Saleor-compatible account API @saleor/sdk speaks), consent and
data-subject requests. A Django app of its own (label `shop_accounts`) so that its
migrations stay apart from the commerce models'."""
