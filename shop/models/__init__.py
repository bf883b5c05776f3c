"""The shop's models, one module per part: catalogue, stock, checkout, orders, payments."""
