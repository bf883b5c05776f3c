"""How many of each repeated part a page or object may hold.

One number serves two places: the admin refuses more (InlinePanel, StreamField and
ListBlock `max_num`), and the GraphQL API answers at most that many, which is what lets
it price a query before running it (museum_site.graphql.limits). A cap the admin did not
also enforce would silently cut an editor's content from the site.
"""

EXHIBITION_CHAPTERS = 20
CHAPTER_OBJECTS = 30
EXHIBITION_RELATED_STORIES = 12
OBJECT_IMAGES = 10
OBJECT_TERMS = 10  # makers, materials, periods: each
STORY_TAGS = 20
STORY_BODY_BLOCKS = 60
LEGAL_BODY_BLOCKS = 50
GALLERY_IMAGES = 24
TOUR_SCENES = 30
SCENE_HOTSPOTS = 20
TOUR_FLOOR_PLANS = 10
TOUR_STOPS = 60
PRODUCT_IMAGES = 20
PRODUCT_VARIANTS = 50
