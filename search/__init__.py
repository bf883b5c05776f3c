"""One search over published stories, exhibitions, objects, tours and purchasable products:
multilingual, faceted, on the project's database or Elasticsearch.

Why not Wagtail's own database backends. Wagtail 8 searches through django-modelsearch:
on PostgreSQL one text search configuration (SEARCH_CONFIG) serves every language, so
Dutch, English and French content cannot each be stemmed by its own rules, and accents are
not folded; on SQLite the FTS5 table tokenises without stemming at all. Its backends also
search one model (or queryset) at a time and facet only on a model's own filter fields,
while this search ranks stories, objects and tours in one list and counts makers and
materials that are many-to-many relations. Configuring PostgreSQL per language (one
`tsvector` per language with `unaccent`) would leave SQLite, the demo's database, without
any of it.

What this app does instead. Every source (search.registry; the museum's, the tours' and
the shop's kinds are in search.sources) turns its visible rows into documents; search.analysis
analyses their text in Python, per language (folding accents, dropping function words,
Snowball stemming for nl/en/fr), and the database backend stores the resulting terms in one
table, SearchDocument. PostgreSQL indexes those terms with plain full-text search (config
'simple', weighted fields, GIN) and SQLite with FTS5; both only split on spaces, so the two
databases find exactly the same documents, and facets are SQL groupings over the matches.
With ELASTICSEARCH_URL set, the same documents go to one Elasticsearch index per language
whose analysers rebuild the same pipeline from Elasticsearch's own filters
(search.backends.elasticsearch). Wagtail's machinery is still used where it fits: page
and snippet text through blocks' `get_searchable_content`, visibility through
museum_site.visibility (the clock applied at query time to each document's
`visible_from`/`expires_at`), and `manage.py update_index` through search.wagtail_backend.

Documents follow the content after commit (search.signals, search.indexing): publishing,
unpublishing, deleting, restricting a page or renaming a Term rebuilds what depends on it.
The GraphQL fields are `search` and `searchSuggest` (search.graphql).
"""
