"""All stories of the demo museum: the published ones, and one draft."""

from museum_site.demo.records import StoryRecord
from museum_site.demo.stories_decorative_arts import DECORATIVE_ARTS_STORIES, NEW_ACQUISITION
from museum_site.demo.stories_paintings import PAINTING_STORIES

STORIES: tuple[StoryRecord, ...] = (*PAINTING_STORIES, *DECORATIVE_ARTS_STORIES)
DRAFT_STORIES: tuple[StoryRecord, ...] = (NEW_ACQUISITION,)
