"""IIIF Presentation 3 manifests per object and collections per exhibition: valid against
the official schema, in every published language, scoped to what a visitor may see."""

from __future__ import annotations

import pytest
from wagtail.models import Page

from museum_site import models
from museum_site.iiif.presentation import CONTENT_TYPE
from tests.iiif.builders import ORIGIN, halves_image
from tests.museums import builders as museum_builders
from tests.site import builders

pytestmark = pytest.mark.django_db


def _translate(obj: models.CollectionObject, language: str, **fields) -> models.CollectionObject:
    copy = obj.copy_for_translation(builders.locale(language))
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    return copy


def _object_in_three_languages(**fields) -> models.CollectionObject:
    maker = builders.term(label="Pieter Bruegel")
    material = models.Term.objects.create(
        kind=models.Term.Kind.MATERIAL, label_nl="eikenhout", label_en="oak", label_fr="chêne"
    )
    dutch = builders.collection_object(
        title="De oogst",
        inventory_number="2019.12.3",
        description="<p>Boeren <b>maaien</b> het koren.</p>",
        credit_line="Schenking van de familie Peeters",
        rights=models.RightsStatement.CC_BY,
        date_text="ca. 1565",
        dimensions="119 x 162 cm",
        makers=[maker],
        materials=[material],
        with_image=False,
        **fields,
    )
    for number in range(2):
        models.CollectionObjectImage.objects.create(
            collection_object=dutch, image=halves_image(), alt_text=f"Zijde {number + 1}"
        )
    _translate(
        dutch,
        "en",
        title="The Harvesters",
        description="<p>Peasants <i>reap</i> the wheat.</p>",
        credit_line="Gift of the Peeters family",
        date_text="c. 1565",
    )
    _translate(dutch, "fr", title="Les Moissonneurs", description="", credit_line="")
    return dutch


def _get(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return response


def _manifest_url(obj: models.CollectionObject) -> str:
    return f"/iiif/object/{obj.translation_key}/manifest.json"


def test_a_manifest_speaks_every_published_language(client, assert_valid_presentation):
    dutch = _object_in_three_languages()
    response = _get(client, _manifest_url(dutch))
    assert response["Content-Type"].startswith(CONTENT_TYPE)
    assert response["Access-Control-Allow-Origin"] == "*"
    manifest = response.json()
    assert_valid_presentation(manifest)

    assert manifest["@context"] == "http://iiif.io/api/presentation/3/context.json"
    assert manifest["type"] == "Manifest"
    assert manifest["id"] == f"{ORIGIN}{_manifest_url(dutch)}"
    assert manifest["label"] == {
        "nl": ["De oogst"],
        "en": ["The Harvesters"],
        "fr": ["Les Moissonneurs"],
    }
    # Plain text (no markup), and no empty French summary.
    assert manifest["summary"] == {
        "nl": ["Boeren maaien het koren."],
        "en": ["Peasants reap the wheat."],
    }
    assert manifest["rights"] == "http://creativecommons.org/licenses/by/4.0/"
    statement = manifest["requiredStatement"]
    assert statement["label"]["nl"] == ["Vermelding"]
    assert statement["label"]["fr"] == ["Mention"]
    assert statement["label"]["en"] == ["Credit line"]
    assert statement["value"]["nl"] == ["Schenking van de familie Peeters"]
    assert statement["value"]["en"] == ["Gift of the Peeters family"]
    # No credit line in French: the museum is credited.
    museum = dutch.museum
    assert statement["value"]["fr"] == [museum.name]
    assert manifest["provider"][0]["label"] == {"none": [museum.name]}

    metadata = {entry["label"]["en"][0]: entry for entry in manifest["metadata"]}
    assert metadata["Inventory number"]["value"] == {"none": ["2019.12.3"]}
    assert metadata["Inventory number"]["label"]["nl"] == ["Inventarisnummer"]
    assert metadata["Inventory number"]["label"]["fr"] == ["Numéro d'inventaire"]
    assert metadata["Material"]["value"] == {"nl": ["eikenhout"], "en": ["oak"], "fr": ["chêne"]}
    assert metadata["Maker"]["value"]["en"] == ["Pieter Bruegel"]
    assert metadata["Date"]["value"] == {"nl": ["ca. 1565"], "en": ["c. 1565"], "fr": ["ca. 1565"]}
    assert metadata["Dimensions"]["value"]["nl"] == ["119 x 162 cm"]

    homepages = {page["language"][0]: page["id"] for page in manifest["homepage"]}
    assert homepages == {
        "nl": f"{ORIGIN}/nl/collectie/2019.12.3",
        "en": f"{ORIGIN}/en/collection/2019.12.3",
        "fr": f"{ORIGIN}/fr/collection/2019.12.3",
    }
    assert "seeAlso" not in manifest


def test_each_image_is_a_canvas_painted_by_its_image_service(client, assert_valid_presentation):
    dutch = _object_in_three_languages()
    manifest = _get(client, _manifest_url(dutch)).json()
    uses = list(dutch.images.order_by("sort_order", "pk"))
    assert len(manifest["items"]) == 2
    for canvas, use in zip(manifest["items"], uses, strict=True):
        assert canvas["type"] == "Canvas"
        assert (canvas["width"], canvas["height"]) == (800, 600)
        page = canvas["items"][0]
        assert page["type"] == "AnnotationPage"
        annotation = page["items"][0]
        assert annotation["motivation"] == "painting"
        assert annotation["target"] == canvas["id"]
        service = annotation["body"]["service"][0]
        assert service == {
            "id": f"{ORIGIN}/iiif/image/{use.image_id}",
            "type": "ImageService3",
            "profile": "level1",
        }
        # The painted image and the service answer.
        body_path = annotation["body"]["id"].removeprefix(ORIGIN)
        assert client.get(body_path).status_code == 200
        assert (
            client.get(service["id"].removeprefix(ORIGIN) + "/info.json").json()["id"]
            == service["id"]
        )
    # Canvas labels: each language's alt text of the image (copied with the object).
    assert manifest["items"][0]["label"]["nl"] == ["Zijde 1"]
    thumbnail = manifest["thumbnail"][0]
    assert thumbnail["id"].endswith(f"/iiif/image/{uses[0].image_id}/full/400,/0/default.jpg")
    assert client.get(thumbnail["id"].removeprefix(ORIGIN)).status_code == 200


def test_a_draft_translation_is_left_out(client):
    dutch = builders.collection_object(title="Kist")
    english = _translate(dutch, "en", title="Chest")
    models.CollectionObject.objects.filter(pk=english.pk).update(live=False)
    manifest = _get(client, _manifest_url(dutch)).json()
    assert manifest["label"] == {"nl": ["Kist"]}


def test_a_draft_object_has_no_manifest(client):
    draft = builders.collection_object(live=False)
    response = client.get(_manifest_url(draft))
    assert response.status_code == 404
    assert response["Access-Control-Allow-Origin"] == "*"
    assert client.get("/iiif/object/not-a-key/manifest.json").status_code == 404


def test_an_object_without_images_still_validates(client, assert_valid_presentation):
    bare = builders.collection_object(with_image=False)
    manifest = _get(client, _manifest_url(bare)).json()
    assert manifest["items"] == []
    assert "thumbnail" not in manifest
    assert_valid_presentation(manifest)


@pytest.mark.parametrize(
    ("rights", "uri"),
    [
        (models.RightsStatement.PUBLIC_DOMAIN, "http://creativecommons.org/publicdomain/mark/1.0/"),
        (models.RightsStatement.CC0, "http://creativecommons.org/publicdomain/zero/1.0/"),
        (models.RightsStatement.CC_BY_SA, "http://creativecommons.org/licenses/by-sa/4.0/"),
        (models.RightsStatement.IN_COPYRIGHT, "http://rightsstatements.org/vocab/InC/1.0/"),
        (models.RightsStatement.UNKNOWN, "http://rightsstatements.org/vocab/CNE/1.0/"),
    ],
)
def test_every_rights_statement_is_a_uri_the_schema_accepts(
    client, assert_valid_presentation, rights, uri
):
    obj = builders.collection_object(rights=rights)
    manifest = _get(client, _manifest_url(obj)).json()
    assert manifest["rights"] == uri
    assert_valid_presentation(manifest)


def test_an_object_names_its_own_museum_under_any_host(client):
    design = museum_builders.museum("design", name="Designmuseum")
    obj = builders.collection_object(museum=design)
    manifest = _get(client, _manifest_url(obj)).json()  # asked on the default museum's host
    assert manifest["provider"][0]["label"] == {"none": ["Designmuseum"]}
    assert manifest["provider"][0]["id"] == "http://design.localhost/"
    assert manifest["requiredStatement"]["value"]["nl"] == ["Designmuseum"]


def test_a_manifest_costs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    small = builders.collection_object()
    with django_assert_max_num_queries(5):
        _get(client, _manifest_url(small))
    large = _object_in_three_languages()
    for _ in range(4):
        models.CollectionObjectImage.objects.create(collection_object=large, image=halves_image())
    large.makers.add(builders.term(), builders.term())
    with django_assert_max_num_queries(5):
        _get(client, _manifest_url(large))


def _exhibition_in(museum, objects, **fields) -> models.ExhibitionPage:
    home = museum.site.root_page.specific
    index = home.add_child(
        instance=models.ExhibitionIndexPage(title="Exposities", slug=f"exposities-{museum.slug}")
    )
    page = models.ExhibitionPage(
        title=fields.pop("title", "Design"), slug="design", intro="Stoelen."
    )
    chapter = models.ExhibitionChapter(heading="Stoelen", sort_order=0)
    chapter.exhibited_objects = [
        models.ChapterObject(collection_object=obj, sort_order=i) for i, obj in enumerate(objects)
    ]
    page.chapters.add(chapter)
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_an_exhibition_collection_lists_the_manifests_it_shows(client, assert_valid_presentation):
    first = builders.collection_object(title="Eerste")
    draft = builders.collection_object(title="Ontwerp", live=False)
    second = builders.collection_object(title="Tweede")
    exhibition = builders.exhibition(objects=[first, draft, second], chapters=2)
    response = _get(client, f"/iiif/exhibition/{exhibition.pk}/collection.json")
    assert response["Content-Type"].startswith(CONTENT_TYPE)
    assert response["Access-Control-Allow-Origin"] == "*"
    collection = response.json()
    assert_valid_presentation(collection)
    assert collection["type"] == "Collection"
    assert collection["id"] == f"{ORIGIN}/iiif/exhibition/{exhibition.pk}/collection.json"
    assert collection["label"] == {"nl": [exhibition.title]}
    assert [item["label"] for item in collection["items"]] == [
        {"nl": ["Eerste"]},
        {"nl": ["Tweede"]},
    ]
    assert [item["id"] for item in collection["items"]] == [
        f"{ORIGIN}{_manifest_url(first)}",
        f"{ORIGIN}{_manifest_url(second)}",
    ]
    for item in collection["items"]:
        assert item["type"] == "Manifest"
        assert client.get(item["id"].removeprefix(ORIGIN)).status_code == 200


def test_another_museums_object_is_listed_only_when_shareable(client):
    design = museum_builders.museum("design", name="Designmuseum")
    own = builders.collection_object(title="Eigen", museum=design)
    shared = builders.collection_object(title="Gedeeld")
    shared.shareable = True
    shared.save()
    private = builders.collection_object(title="Niet gedeeld")
    page = _exhibition_in(design, [own, shared, private])
    collection = _get(client, f"/iiif/exhibition/{page.pk}/collection.json").json()
    assert [item["label"]["nl"][0] for item in collection["items"]] == ["Eigen", "Gedeeld"]
    assert collection["provider"][0]["label"] == {"none": ["Designmuseum"]}
    # The default museum's exhibition shows its own object, whoever's host is asked.
    home_exhibition = builders.exhibition(objects=[private, own])
    listed = _get(client, f"/iiif/exhibition/{home_exhibition.pk}/collection.json").json()
    assert [item["label"]["nl"][0] for item in listed["items"]] == ["Niet gedeeld"]


def test_an_unpublished_exhibition_has_no_collection(client):
    draft = builders.exhibition(objects=[builders.collection_object()])
    draft.unpublish()
    assert client.get(f"/iiif/exhibition/{draft.pk}/collection.json").status_code == 404
    story = builders.story()
    assert client.get(f"/iiif/exhibition/{story.pk}/collection.json").status_code == 404
    for huge in (2**31, 2**63, 10**30):  # beyond the id column: not found, not a 500
        assert client.get(f"/iiif/exhibition/{huge}/collection.json").status_code == 404
    assert Page.objects.filter(pk=draft.pk, live=False).exists()


def test_an_exhibition_collection_costs_a_fixed_number_of_queries(
    client, django_assert_max_num_queries
):
    small = builders.exhibition(objects=[builders.collection_object()])
    with django_assert_max_num_queries(4):
        _get(client, f"/iiif/exhibition/{small.pk}/collection.json")
    large = builders.exhibition(
        objects=[builders.collection_object() for _ in range(8)], chapters=3
    )
    with django_assert_max_num_queries(4):
        _get(client, f"/iiif/exhibition/{large.pk}/collection.json")


def test_graphql_gives_the_manifest_and_collection_urls(client, graphql):
    obj = builders.collection_object(inventory_number="INV-IIIF")
    exhibition = builders.exhibition(objects=[obj])
    result = graphql(
        "query($n: String!, $s: String!) {"
        " collectionObject(inventoryNumber: $n) { iiifManifestUrl }"
        " exhibition(slug: $s) { iiifCollectionUrl } }",
        {"n": "INV-IIIF", "s": exhibition.slug},
    )
    assert "errors" not in result, result
    url = result["data"]["collectionObject"]["iiifManifestUrl"]
    assert url == f"{ORIGIN}{_manifest_url(obj)}"
    assert client.get(url.removeprefix(ORIGIN)).status_code == 200
    collection_url = result["data"]["exhibition"]["iiifCollectionUrl"]
    assert collection_url == f"{ORIGIN}/iiif/exhibition/{exhibition.pk}/collection.json"
    assert client.get(collection_url.removeprefix(ORIGIN)).status_code == 200


def test_graphql_gives_an_objects_photographs_their_image_service(client, graphql):
    obj = builders.collection_object(inventory_number="INV-ZOOM")
    image_id = obj.images.get().image_id
    result = graphql(
        "query($n: String!) { collectionObject(inventoryNumber: $n) {"
        " images { iiifImageServiceUrl } } }",
        {"n": "INV-ZOOM"},
    )
    assert "errors" not in result, result
    url = result["data"]["collectionObject"]["images"][0]["iiifImageServiceUrl"]
    assert url == f"{ORIGIN}/iiif/image/{image_id}"
    info = client.get(f"{url.removeprefix(ORIGIN)}/info.json")
    assert info.status_code == 200
    assert info.json()["id"] == url


def test_a_manifest_sees_also_the_objects_latest_ldes_member(client, assert_valid_presentation):
    from museum_site.ldes import services as ldes

    obj = builders.collection_object()
    assert "seeAlso" not in _get(client, _manifest_url(obj)).json()  # no member yet
    first = ldes.record_object(obj.translation_key)
    obj.title = "Renamed"
    obj.save()
    latest = ldes.record_object(obj.translation_key)
    assert latest is not None and latest.version_iri != first.version_iri

    manifest = _get(client, _manifest_url(obj)).json()
    assert_valid_presentation(manifest)
    member, stream = manifest["seeAlso"]
    assert member["id"] == latest.version_iri
    assert member["type"] == "Dataset"
    assert member["format"] == "text/turtle"
    assert member["profile"] == "https://linked.art/ns/v1/linked-art.json"
    assert member["label"]["fr"] == ["Description Linked Art (membre LDES)"]
    museum = obj.museum
    assert stream["id"] == f"{ORIGIN}/ldes/{museum.slug}/objects"
    assert client.get(f"/ldes/{museum.slug}/objects").status_code == 200

    obj.live = False  # unpublished: the stream ends with a tombstone, nothing to see
    obj.save()
    ldes.record_object(obj.translation_key)
    obj.live = True
    obj.save()
    assert _get(client, _manifest_url(obj)).json().get("seeAlso") is None
