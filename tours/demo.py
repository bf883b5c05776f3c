"""The demo virtual tour: a walk through four rooms of Museum aan de Leie, in Dutch, English and French.

It is loaded after the demo museum (museum_site.demo) because its hotspots lead to that
museum's objects, stories and exhibition; whatever is missing is skipped, so the tour also
loads into a database without the museum, with navigation and floor plan intact.

Running it again creates nothing: pages are found by slug and locale, images by title,
and an existing tour is left as it is (an editor may have changed it since). Panoramas
are only drawn for images that do not exist yet, so a second run takes a moment.
Publishing queues the tiling of the panoramas after the transaction commits.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale

from museum_site.demo.pages import site_homes
from museum_site.models import CollectionObject, ExhibitionPage, HomePage, MuseumImage, StoryPage
from tours import demo_panoramas as drawn
from tours.demo_panoramas import HALL, PRIMITIVES, PRINTS, SILVER, Room
from tours.models import FloorPlan, GuidedStop, Hotspot, Scene, TourIndexPage, TourPage

SOURCE_LANGUAGE = "nl"
TRANSLATIONS = ("en", "fr")


@dataclass(frozen=True)
class Words:
    """The same text in Dutch, English and French."""

    nl: str
    en: str
    fr: str

    def get(self, language: str) -> str:
        return getattr(self, language)


@dataclass(frozen=True)
class SceneText:
    room: Room
    title: Words
    to_here: Words  # label of the hotspots that lead into this scene
    description: Words
    initial_yaw: float


@dataclass(frozen=True)
class StopText:
    room: Room
    look_at: str  # key of an exhibit in the room
    fov: float
    narration: Words
    dwell_seconds: int = 25


INDEX_SLUG = Words("rondleidingen", "tours", "visites")
INDEX_TITLE = Words("Rondleidingen", "Virtual tours", "Visites virtuelles")
INDEX_INTRO = Words(
    "Wandel online door de zalen van het museum.",
    "Walk through the museum's galleries online.",
    "Parcourez en ligne les salles du musée.",
)
TOUR_SLUG = Words("rondleiding", "museum-tour", "visite-du-musee")
TOUR_TITLE = Words(
    "Rondleiding door het museum", "A walk through the museum", "Une promenade dans le musée"
)
TOUR_INTRO = Words(
    "Van de inkomhal in het oude graanpakhuis langs de Vlaamse primitieven en het zilver van "
    "de gilden naar het prentenkabinet: vier zalen, in uw eigen tempo of met de gids.",
    "From the entrance hall in the old grain warehouse past the Flemish Primitives and the "
    "silver of the guilds to the print room: four galleries, at your own pace or with the guide.",
    "Du hall d'entrée de l'ancien entrepôt à grains au cabinet des estampes, en passant par "
    "les primitifs flamands et l'argenterie des guildes : quatre salles, à votre rythme ou "
    "avec le guide.",
)
PLAN_KEY = "begane-grond"
PLAN_TITLE = Words("Begane grond", "Ground floor", "Rez-de-chaussée")
IMAGE_SUFFIX = "(demo-rondleiding)"

SCENES: tuple[SceneText, ...] = (
    SceneText(
        HALL,
        Words("Inkomhal", "Entrance hall", "Hall d'entrée"),
        Words("Naar de inkomhal", "To the entrance hall", "Vers le hall d'entrée"),
        Words(
            "Een hoge hal met een zwart-witte marmeren vloer en houten balken aan het plafond. "
            "Vooruit hangt een rode banier van de tentoonstelling 'Van Van Eyck tot Rubens', "
            "links een groot groen wandtapijt. Een deur vooruit links leidt naar de Vlaamse "
            "primitieven, een deur rechts naar de zilverkamer; achter u is de ingang.",
            "A tall hall with a black and white marble floor and wooden beams across the "
            "ceiling. Ahead hangs a red banner for the exhibition 'From Van Eyck to Rubens', "
            "on the left a large green tapestry. A door ahead on the left leads to the Flemish "
            "Primitives, a door on the right to the silver room; the entrance is behind you.",
            "Un hall élevé au sol de marbre noir et blanc, aux poutres de bois apparentes. "
            "Devant vous pend une bannière rouge de l'exposition « De Van Eyck à Rubens », à "
            "gauche une grande tapisserie verte. Une porte devant vous à gauche mène aux "
            "primitifs flamands, une porte à droite à la salle de l'argenterie ; l'entrée est "
            "derrière vous.",
        ),
        initial_yaw=0,
    ),
    SceneText(
        PRIMITIVES,
        Words("Vlaamse primitieven", "Flemish Primitives", "Primitifs flamands"),
        Words(
            "Naar de Vlaamse primitieven",
            "To the Flemish Primitives",
            "Vers les primitifs flamands",
        ),
        Words(
            "Een zaal met donkerrode wanden, een eiken vloer en daglicht door een glazen kap. "
            "Tegenover u hangt een drieluik tussen twee kleinere panelen, links en achter u "
            "portretten. Een deur rechts leidt naar het prentenkabinet, de deur achter u naar "
            "de inkomhal.",
            "A gallery with dark red walls, an oak floor and daylight through a glass roof. "
            "Facing you is a triptych between two smaller panels, with portraits on the left "
            "and behind you. A door on the right leads to the print room, the door behind you "
            "to the entrance hall.",
            "Une salle aux murs rouge sombre, au parquet de chêne, éclairée par une verrière. "
            "En face de vous, un triptyque entre deux panneaux plus petits ; des portraits à "
            "gauche et derrière vous. Une porte à droite mène au cabinet des estampes, la porte "
            "derrière vous au hall d'entrée.",
        ),
        initial_yaw=0,
    ),
    SceneText(
        SILVER,
        Words("Zilverkamer", "Silver room", "Salle de l'argenterie"),
        Words("Naar de zilverkamer", "To the silver room", "Vers la salle de l'argenterie"),
        Words(
            "Een kleine zaal met donkerblauwe wanden en verlichte wandvitrines: bekers, een "
            "miskelk en, recht voor u, de koningsbreuk van een schuttersgilde. Een deur links "
            "leidt naar de inkomhal, een deur achter u links naar het prentenkabinet.",
            "A small room with dark blue walls and lit wall cases: cups, a chalice and, "
            "straight ahead, the king's collar of an archers' guild. A door on the left leads "
            "to the entrance hall, a door behind you on the left to the print room.",
            "Une petite salle aux murs bleu foncé et aux vitrines murales éclairées : des "
            "coupes, un calice et, droit devant vous, le collier du roi d'une guilde "
            "d'archers. Une porte à gauche mène au hall d'entrée, une porte derrière vous à "
            "gauche au cabinet des estampes.",
        ),
        initial_yaw=90,
    ),
    SceneText(
        PRINTS,
        Words("Prentenkabinet", "Print room", "Cabinet des estampes"),
        Words("Naar het prentenkabinet", "To the print room", "Vers le cabinet des estampes"),
        Words(
            "Een gedempt verlicht kabinet met grijsgroene wanden en vaste vloerbedekking. "
            "Prenten en tekeningen hangen in passe-partouts; het licht blijft laag om het papier "
            "te sparen. Deuren leiden naar de Vlaamse primitieven (links) en de zilverkamer "
            "(achter u).",
            "A dimly lit cabinet with grey-green walls and a carpeted floor. Prints and "
            "drawings hang in mounts; the light is kept low to spare the paper. Doors lead to "
            "the Flemish Primitives (left) and the silver room (behind you).",
            "Un cabinet à la lumière tamisée, aux murs gris-vert et au sol recouvert de "
            "moquette. Estampes et dessins sont présentés sous passe-partout ; la lumière reste "
            "faible pour ménager le papier. Des portes mènent aux primitifs flamands (à gauche) "
            "et à la salle de l'argenterie (derrière vous).",
        ),
        initial_yaw=0,
    ),
)

STOPS: tuple[StopText, ...] = (
    StopText(
        HALL,
        "exhibition:van-eyck-tot-rubens",
        80,
        Words(
            "Welkom in Museum aan de Leie. Dit gebouw was een graanpakhuis: de eiken balken "
            "boven u droegen ooit zakken graan. De banier kondigt de tentoonstelling 'Van Van "
            "Eyck tot Rubens' aan; die begint achter de deur links.",
            "Welcome to Museum aan de Leie. This building was a grain warehouse: the oak beams "
            "above you once carried sacks of grain. The banner announces the exhibition 'From "
            "Van Eyck to Rubens', which begins behind the door on the left.",
            "Bienvenue au Musée de la Lys. Ce bâtiment était un entrepôt à grains : les "
            "poutres de chêne au-dessus de vous portaient autrefois des sacs de grain. La "
            "bannière annonce l'exposition « De Van Eyck à Rubens », qui commence derrière la "
            "porte à gauche.",
        ),
    ),
    StopText(
        PRIMITIVES,
        "MAL.1952.002",
        60,
        Words(
            "Een drieluik uit de kring van Hugo van der Goes. In het midden brengen de drie "
            "koningen hun geschenken; op de zijluiken knielen de schenkers, een Gentse "
            "lakenkoopman en zijn vrouw. Wie betaalde, wilde gezien worden.",
            "A triptych from the circle of Hugo van der Goes. In the centre the three kings "
            "bring their gifts; on the wings kneel the donors, a Ghent cloth merchant and his "
            "wife. Whoever paid wanted to be seen.",
            "Un triptyque de l'entourage de Hugo van der Goes. Au centre, les trois rois "
            "apportent leurs présents ; sur les volets sont agenouillés les donateurs, un "
            "marchand de drap gantois et son épouse. Qui payait voulait être vu.",
        ),
    ),
    StopText(
        SILVER,
        "MAL.1909.022",
        60,
        Words(
            "De koningsbreuk van de Sint-Sebastiaansgilde. Wie het jaarlijkse vogelschieten "
            "won, droeg de breuk een jaar lang en liet er een zilveren schildje aan hangen: "
            "twee eeuwen gildegeschiedenis aan één ketting.",
            "The king's collar of the Guild of Saint Sebastian. Whoever won the yearly "
            "popinjay shoot wore it for a year and added a silver plaque: two centuries of "
            "guild history on one chain.",
            "Le collier du roi de la guilde de Saint-Sébastien. Le vainqueur du tir annuel au "
            "papegai le portait pendant un an et y ajoutait une plaquette d'argent : deux "
            "siècles d'histoire de la guilde sur une seule chaîne.",
        ),
    ),
)


def load_demo_tour(stdout: TextIO | None = None, *, panorama_width: int = 4096) -> None:
    """Create the demo tour under the Dutch home page (and its English translation) once.

    `panorama_width` exists for tests, which do not need 4096-pixel panoramas.
    """
    report = stdout.write if stdout is not None else (lambda line: None)
    with transaction.atomic():
        source = Locale.objects.get(language_code=SOURCE_LANGUAGE)
        # The first museum's (the default site's) home: each museum has its own.
        home = site_homes()[SOURCE_LANGUAGE]
        index = _index(home, source, SOURCE_LANGUAGE)
        tour = TourPage.objects.child_of(index).filter(slug=TOUR_SLUG.nl, locale=source).first()
        if tour is None:
            started = time.monotonic()
            tour, skipped = _create_tour(index, panorama_width)
            report(
                f"Virtual tour: created '{tour.title}' with {tour.scenes.count()} scenes in "
                f"{time.monotonic() - started:.1f} s"
                + (
                    f" ({len(skipped)} hotspots left out: their objects or pages are not "
                    "loaded; load the demo museum first)"
                    if skipped
                    else ""
                )
                + "\n"
            )
        else:
            report(f"Virtual tour: '{tour.title}' is already there.\n")
        for language in TRANSLATIONS:
            report(_translate(tour, index, language) + "\n")


# --- the Dutch tour -----------------------------------------------------------------------


def _index(home: HomePage, locale: Locale, language: str) -> TourIndexPage:
    found = (
        TourIndexPage.objects.child_of(home)
        .filter(slug=INDEX_SLUG.get(language), locale=locale)
        .first()
    )
    if found is not None:
        return found
    # At most one index per home page: an editor may have renamed the one there is.
    found = TourIndexPage.objects.child_of(home).first()
    if found is not None:
        return found
    index = TourIndexPage(
        title=INDEX_TITLE.get(language),
        slug=INDEX_SLUG.get(language),
        intro=INDEX_INTRO.get(language),
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def _create_tour(index: TourIndexPage, panorama_width: int) -> tuple[TourPage, list[str]]:
    frame = drawn.PlanFrame.around(scene.room for scene in SCENES)
    plan_image = _image(
        f"Plattegrond begane grond {IMAGE_SUFFIX}",
        "Plattegrond van de begane grond met de inkomhal, de Vlaamse primitieven, de "
        "zilverkamer en het prentenkabinet.",
        "png",
        lambda: drawn.floor_plan_png(scene.room for scene in SCENES),
    )
    skipped: list[str] = []
    scenes = []
    for text in SCENES:
        room = text.room
        panorama = _image(
            f"Panorama {room.name} {IMAGE_SUFFIX}",
            text.description.nl,
            "jpg",
            lambda room=room: drawn.panorama_jpeg(room, panorama_width),
        )
        plan_x, plan_y = frame.position(room)
        scenes.append(
            Scene(
                key=room.key,
                title=text.title.nl,
                description=text.description.nl,
                panorama=panorama,
                initial_yaw=text.initial_yaw,
                initial_pitch=0,
                north_offset=0,  # every room shares one ground plan with north at yaw 0
                floor_plan_key=PLAN_KEY,
                plan_x=plan_x,
                plan_y=plan_y,
                hotspots=[*_doorway_hotspots(room), *_exhibit_hotspots(room, skipped)],
            )
        )
    stops = []
    for stop in STOPS:
        direction = stop.room.exhibit_direction(stop.look_at)
        stops.append(
            GuidedStop(
                scene_key=stop.room.key,
                yaw=direction.yaw,
                pitch=direction.pitch,
                fov=stop.fov,
                narration=stop.narration.nl,
                dwell_seconds=stop.dwell_seconds,
            )
        )
    tour = TourPage(
        title=TOUR_TITLE.nl,
        slug=TOUR_SLUG.nl,
        intro=TOUR_INTRO.nl,
        scenes=scenes,
        floor_plans=[FloorPlan(key=PLAN_KEY, title=PLAN_TITLE.nl, image=plan_image)],
        stops=stops,
    )
    index.add_child(instance=tour)
    tour.save_revision().publish()
    return tour, skipped


def _image(title: str, alt_text: str, extension: str, draw: Callable[[], bytes]) -> MuseumImage:
    """The image called `title`, drawn and saved only if it does not exist yet."""
    found = MuseumImage.objects.filter(title=title).first()
    if found is not None:
        return found
    data = draw()
    image = MuseumImage(
        title=title,
        alt_text=alt_text,
        credit=drawn.CREDIT,
        licence=drawn.LICENCE,
        file=ContentFile(data, name=f"{slugify(title)}.{extension}"),
        file_size=len(data),
        file_hash=hashlib.sha1(data).hexdigest(),
    )
    image.save()
    image.tags.add("demo", "rondleiding")
    return image


def _doorway_hotspots(room: Room) -> list[Hotspot]:
    rooms = {text.room.key: text for text in SCENES}
    hotspots = []
    for door in room.doorways:
        if door.leads_to not in rooms:
            continue  # the street door: decoration, not a scene
        destination = rooms[door.leads_to]
        where = room.doorway_direction(door.leads_to)
        arrival = drawn.arrival_direction(room, destination.room)
        hotspots.append(
            Hotspot(
                yaw=where.yaw,
                pitch=where.pitch,
                label=destination.to_here.nl,
                target_kind=Hotspot.Target.SCENE,
                target_scene_key=door.leads_to,
                target_yaw=arrival.yaw,
                target_pitch=arrival.pitch,
            )
        )
    return hotspots


def _exhibit_hotspots(room: Room, skipped: list[str]) -> list[Hotspot]:
    """Info hotspots on what hangs in the room, for whatever the database holds."""
    hotspots = []
    for exhibit in room.exhibits:
        target = _target(exhibit.key)
        if target is None:
            skipped.append(exhibit.key)
            continue
        kind, page_or_object = target
        where = room.exhibit_direction(exhibit.key)
        hotspots.append(
            Hotspot(
                yaw=where.yaw,
                pitch=where.pitch,
                label=page_or_object.title,
                target_kind=kind,
                **{Hotspot.TARGET_FIELDS[kind]: page_or_object},
            )
        )
    return hotspots


def _target(
    key: str,
) -> tuple[str, CollectionObject | StoryPage | ExhibitionPage] | None:
    """What an exhibit key points at in Dutch: "story:<slug>", "exhibition:<slug>" or an
    inventory number."""
    prefix, _, slug = key.partition(":")
    if prefix == "story":
        story = StoryPage.objects.live().filter(slug=slug, locale__language_code="nl").first()
        return (Hotspot.Target.STORY, story) if story else None
    if prefix == "exhibition":
        exhibition = (
            ExhibitionPage.objects.live().filter(slug=slug, locale__language_code="nl").first()
        )
        return (Hotspot.Target.EXHIBITION, exhibition) if exhibition else None
    obj = CollectionObject.objects.filter(inventory_number=key, locale__language_code="nl").first()
    return (Hotspot.Target.OBJECT, obj) if obj else None


# --- translations -------------------------------------------------------------------------


def _translate(tour: TourPage, index: TourIndexPage, language: str) -> str:
    """Copy the tour into `language` as an editor's "Translate" would, then translate it.

    Returns one line for the report.
    """
    locale = Locale.objects.filter(language_code=language).first()
    home = site_homes().get(language) if locale else None
    if locale is None or home is None:
        return f"Virtual tour: no {language} home page, so no {language} translation."
    existing = tour.get_translation_or_none(locale)
    if existing is not None:
        return f"Virtual tour: the {language} translation '{existing.title}' is already there."
    if index.get_translation_or_none(locale) is None:
        translated_index = index.copy_for_translation(locale)
        translated_index.title = INDEX_TITLE.get(language)
        translated_index.slug = INDEX_SLUG.get(language)
        translated_index.intro = INDEX_INTRO.get(language)
        translated_index.save_revision().publish()
    translated = tour.copy_for_translation(locale, copy_parents=True).specific
    translated.title = TOUR_TITLE.get(language)
    translated.slug = TOUR_SLUG.get(language)
    translated.intro = TOUR_INTRO.get(language)
    texts = {text.room.key: text for text in SCENES}
    scenes = list(translated.scenes.all())
    dropped = 0
    for scene in scenes:
        text = texts.get(scene.key)
        if text is not None:
            scene.title = text.title.get(language)
            scene.description = text.description.get(language)
        copied = list(scene.hotspots.all())
        kept = [
            hotspot for hotspot in copied if _translate_hotspot(hotspot, locale, language, texts)
        ]
        dropped += len(copied) - len(kept)
        scene.hotspots = kept
    translated.scenes = scenes
    plans = list(translated.floor_plans.all())
    for plan in plans:
        if plan.key == PLAN_KEY:
            plan.title = PLAN_TITLE.get(language)
    translated.floor_plans = plans
    stops = list(translated.stops.all())
    for stop, text in zip(stops, STOPS, strict=False):
        if stop.scene_key == text.room.key:
            stop.narration = text.narration.get(language)
    translated.stops = stops
    translated.save_revision().publish()
    note = f" ({dropped} hotspots without a {language} target left out)" if dropped else ""
    return f"Virtual tour: published the {language} translation '{translated.title}'{note}."


def _translate_hotspot(
    hotspot: Hotspot, locale: Locale, language: str, texts: dict[str, SceneText]
) -> bool:
    """Point the hotspot at the translated target and label it; False if there is none."""
    match hotspot.target_kind:
        case Hotspot.Target.SCENE:
            text = texts.get(hotspot.target_scene_key)
            if text is not None:
                hotspot.label = text.to_here.get(language)
            return True
        case Hotspot.Target.OBJECT:
            obj = hotspot.target_object
            target = (
                CollectionObject.objects.filter(
                    inventory_number=obj.inventory_number, locale=locale
                ).first()
                if obj
                else None
            )
            if target is None:
                return False
            hotspot.target_object = target
        case Hotspot.Target.STORY | Hotspot.Target.EXHIBITION:
            field = hotspot.target_field
            page = getattr(hotspot, field)
            target = page.get_translation_or_none(locale) if page else None
            if target is None or not target.live:
                return False
            setattr(hotspot, field, target)
        case _:
            return True
    hotspot.label = target.title
    return True
