from .base import MuseumPage, public_pages
from .collection import CollectionObject, CollectionObjectImage, RightsStatement
from .content_version import ContentVersion
from .exhibitions import (
    ChapterObject,
    ExhibitionChapter,
    ExhibitionIndexPage,
    ExhibitionPage,
    ExhibitionRelatedStory,
)
from .home import HomePage
from .images import MuseumImage, MuseumRendition
from .legal import LegalPage, PrivacyPolicyPage
from .settings import MuseumDetails, MuseumSettings
from .stories import StoryIndexPage, StoryPage, StoryTag
from .terms import Term

__all__ = [
    "ChapterObject",
    "CollectionObject",
    "CollectionObjectImage",
    "ContentVersion",
    "ExhibitionChapter",
    "ExhibitionIndexPage",
    "ExhibitionPage",
    "ExhibitionRelatedStory",
    "HomePage",
    "LegalPage",
    "MuseumDetails",
    "MuseumImage",
    "MuseumPage",
    "MuseumRendition",
    "MuseumSettings",
    "PrivacyPolicyPage",
    "RightsStatement",
    "StoryIndexPage",
    "StoryPage",
    "StoryTag",
    "Term",
    "public_pages",
]
