"""One search over published content and products (issue 5)."""
