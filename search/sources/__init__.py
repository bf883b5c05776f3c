"""The kinds of documents each app contributes (see search.registry)."""
