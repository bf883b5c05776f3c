"""A museum's staff create and edit rows only for their own museum, through the admin.

The museum field of a form offers the user's museums alone (preselected when that is
one); a form that does not show it files a new row under the user's museum, not the
default one. The group role chooses among every museum.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from museum_site.museums.models import Museum
from museum_site.museums.permissions import grant_staff
from shop import models as shop_models
from shop.visits import models as visit_models
from tests.museums import builders

pytestmark = pytest.mark.django_db

PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    *[
        (app, f"{action}_{model}")
        for app, model in (("shop_visits", "activity"), ("shop", "voucher"))
        for action in ("add", "change", "view")
    ],
]


def _staff(django_user_model, name: str, *museums: Museum, group_role: bool = False):
    group = Group.objects.create(name=f"{name} staff")
    extra = [("museums", "see_all_museums")] if group_role else []
    for app, codename in (*PERMISSIONS, *extra):
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app, codename=codename)
        )
    for museum in museums:
        grant_staff(group, museum)
    user = django_user_model.objects.create_user(name, f"{name}@example.org", "pw")
    user.groups.add(group)
    return user


@pytest.fixture
def museums():
    return Museum.objects.default(), builders.museum("design")


def _activity(museum: Museum) -> dict:
    return {
        "museum": str(museum.pk),
        "kind": visit_models.Activity.Kind.MAINTENANCE,
        "title": "Vloer schuren",
        "starts_at": "2027-01-12 09:00",
        "ends_at": "2027-01-12 12:00",
    }


ACTIVITY = "wagtailsnippets_shop_visits_activity"


def test_the_museum_field_offers_only_the_users_museum(museums, client, django_user_model):
    _fine_arts, design = museums
    client.force_login(_staff(django_user_model, "an", design))
    form = client.get(reverse(f"{ACTIVITY}:add")).context["form"]
    assert list(form.fields["museum"].queryset) == [design]
    assert form.initial["museum"] == design.pk
    assert form.fields["museum"].empty_label is None


def test_staff_cannot_create_a_row_for_another_museum(museums, client, django_user_model):
    fine_arts, design = museums
    client.force_login(_staff(django_user_model, "an", design))
    refused = client.post(reverse(f"{ACTIVITY}:add"), _activity(fine_arts))
    assert refused.status_code == 200  # the form again, with its error
    assert "museum" in refused.context["form"].errors
    assert not visit_models.Activity.objects.exists()
    created = client.post(reverse(f"{ACTIVITY}:add"), _activity(design))
    assert created.status_code == 302
    assert visit_models.Activity.objects.get().museum == design


def test_staff_cannot_move_their_row_to_another_museum(museums, client, django_user_model):
    fine_arts, design = museums
    client.force_login(_staff(django_user_model, "an", design))
    client.post(reverse(f"{ACTIVITY}:add"), _activity(design))
    activity = visit_models.Activity.objects.get()
    moved = client.post(reverse(f"{ACTIVITY}:edit", args=[activity.pk]), _activity(fine_arts))
    assert moved.status_code == 200
    activity.refresh_from_db()
    assert activity.museum == design


def test_a_form_without_the_field_files_the_row_under_the_users_museum(
    museums, client, django_user_model
):
    _fine_arts, design = museums
    client.force_login(_staff(django_user_model, "an", design))
    response = client.post(
        reverse("wagtailsnippets_shop_voucher:add"),
        {
            "code": "DESIGN10",
            "active": "on",
            "kind": shop_models.Voucher.Kind.PERCENTAGE,
            "value": "10",
            "valid_from": "2027-01-01 00:00",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    assert shop_models.Voucher.objects.get(code="DESIGN10").museum == design


def test_the_group_role_chooses_among_every_museum(museums, client, django_user_model):
    fine_arts, _design = museums
    client.force_login(_staff(django_user_model, "office", group_role=True))
    form = client.get(reverse(f"{ACTIVITY}:add")).context["form"]
    assert set(form.fields["museum"].queryset) == set(Museum.objects.all())
    assert client.post(reverse(f"{ACTIVITY}:add"), _activity(fine_arts)).status_code == 302
    assert visit_models.Activity.objects.get().museum == fine_arts
