"""The shapes of the demo museum's data, kept apart from the data itself.

The data modules (terms, objects_*, stories_*, exhibitions, legal) are plain literals of
these records so that a curator can read and correct them without reading the loader,
and the loader never has to guess which language a string is in.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

LANGUAGES = ("nl", "en", "fr")


@dataclass(frozen=True)
class Text:
    """One string in each language; French is optional and falls back to English."""

    nl: str
    en: str
    fr: str = ""

    def get(self, language: str) -> str:
        if language == "nl":
            return self.nl
        if language == "fr":
            return self.fr or self.en
        return self.en


@dataclass(frozen=True)
class TermRecord:
    """An authority term; `key` is how the other data modules refer to it."""

    key: str
    kind: str
    uri: str
    label: Text
    alt_labels: tuple[str, ...] = ()
    scope_note: str = ""
    broader: str = ""  # key of the broader term, if any


@dataclass(frozen=True)
class ObjectRecord:
    """A collection object as the museum's register would describe it, in nl and en."""

    inventory_number: str
    motif: str
    title: Text
    description: Text
    alt: Text
    date: Text
    years: tuple[int, int]
    dimensions: str
    credit: Text
    makers: tuple[str, ...] = ()
    materials: tuple[str, ...] = ()
    periods: tuple[str, ...] = ()  # styles and eras: keys of period terms
    rights: str = "public-domain"


@dataclass(frozen=True)
class Picture:
    """A generated photograph that is not of a collection object (rooms, work in progress)."""

    title: str
    motif: str
    alt: Text


# --- story body blocks: one record type per StreamField block -----------------------


@dataclass(frozen=True)
class Prose:
    html: Text


@dataclass(frozen=True)
class Figure:
    picture: Picture
    caption: Text


@dataclass(frozen=True)
class Quote:
    text: Text
    attribution: str
    source: Text = Text("", "")


@dataclass(frozen=True)
class Gallery:
    """A gallery of collection objects, shown with each object's own image."""

    title: Text
    inventory_numbers: tuple[str, ...]


@dataclass(frozen=True)
class Video:
    """A video at its host; the poster (a picture, or an object by inventory number) is
    what the page shows until the visitor allows the host's player."""

    url: str
    title: Text
    transcript: Text
    poster: Picture | str


@dataclass(frozen=True)
class Audio:
    title: Text
    transcript: Text
    seconds: float = 4.0


@dataclass(frozen=True)
class ObjectCard:
    inventory_number: str
    caption: Text


Block = Prose | Figure | Quote | Gallery | Video | Audio | ObjectCard


@dataclass(frozen=True)
class StoryRecord:
    slug: Text
    title: Text
    intro: Text
    hero: Picture | str  # a Picture, or the inventory number of an object
    author: str
    date: datetime.date
    tags: tuple[Text, ...]
    body: tuple[Block, ...]
    languages: tuple[str, ...] = ("nl", "en")
    publish: bool = True


@dataclass(frozen=True)
class ChapterRecord:
    heading: Text
    text: Text
    objects: tuple[tuple[str, Text], ...]  # (inventory number, caption)


@dataclass(frozen=True)
class ExhibitionRecord:
    slug: Text
    title: Text
    intro: Text
    hero: str  # inventory number of the object whose image leads the exhibition
    format: str
    chapters: tuple[ChapterRecord, ...]
    related_stories: tuple[str, ...] = ()  # Dutch slugs of stories
    #: Opening and closing as days from the day the demo is loaded, so the demo always
    #: has an exhibition on now and one to come (fixed dates would all pass).
    starts_in_days: int | None = None
    ends_in_days: int | None = None
    venue: Text = Text("", "")

    def dates(self, today: datetime.date) -> tuple[datetime.date | None, datetime.date | None]:
        """Opening and closing dates for a demo loaded on `today`."""

        def day(offset: int | None) -> datetime.date | None:
            return None if offset is None else today + datetime.timedelta(days=offset)

        return day(self.starts_in_days), day(self.ends_in_days)


@dataclass(frozen=True)
class LegalRecord:
    """A legal page; `kind` is a LegalPage.Kind value, or "privacy" for the policy."""

    kind: str
    slug: Text
    title: Text
    body: Text
    date: datetime.date
    version: str = ""
