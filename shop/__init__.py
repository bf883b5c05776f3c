"""The shop: products, checkout with Stripe, orders, customer accounts (issue 4)."""
