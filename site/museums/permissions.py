"""Who may see and change which museum's data: the one function every check asks.

A member of staff works for the museums whose staff groups (`Museum.staff_groups`) they
are in; the group role (superusers, and whoever holds `museums.see_all_museums`, e.g. a
"Group office" Django group) works for all of them. Wagtail's own page and collection
permissions separate page trees and image/document collections; everything of ours that
has a `museum` (orders, delivery methods, vouchers, collection objects, the museums
themselves) is scoped here: admin listings by `scope_queryset`, single rows by
`may_use` (edit, delete, inspect, the order actions), and by the permission policy
`MuseumPermissionPolicy` that Wagtail asks per instance.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, Group
from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission
from wagtail.permission_policies import ModelPermissionPolicy

from .models import Museum

GROUP_ROLE = "museums.see_all_museums"


def sees_every_museum(user) -> bool:
    return bool(
        user is not None and user.is_active and (user.is_superuser or user.has_perm(GROUP_ROLE))
    )


def museums_of(user) -> QuerySet[Museum]:
    """The museums whose data `user` may see and change in the admin."""
    if user is None or isinstance(user, AnonymousUser) or not user.is_active:
        return Museum.objects.none()
    if sees_every_museum(user):
        return Museum.objects.all()
    return Museum.objects.filter(staff_groups__user=user).distinct()


def museum_of(obj: Model) -> int | None:
    """The museum a row belongs to (its own `museum`, or its museum itself)."""
    if isinstance(obj, Museum):
        return obj.pk
    return getattr(obj, "museum_id", None)


def may_use(user, obj: Model) -> bool:
    museum_id = museum_of(obj)
    if museum_id is None or sees_every_museum(user):
        return True
    return museums_of(user).filter(pk=museum_id).exists()


def staff_museum(request) -> Museum:
    """The museum of the admin's host, for a view that works on one museum (check-in,
    slot calendar, accounting export): refused unless the user works for it, so staff of
    one museum cannot reach another's data by opening the admin on its host."""
    from .current import museum_for_request

    museum = museum_for_request(request)
    if not may_use(request.user, museum):
        raise PermissionDenied
    return museum


def scope_queryset(user, queryset: QuerySet) -> QuerySet:
    if sees_every_museum(user):
        return queryset
    if queryset.model is Museum:
        return queryset.filter(pk__in=museums_of(user).values("pk"))
    return queryset.filter(museum__in=museums_of(user).values("pk"))


def scope_by_pages(user, queryset: QuerySet, prefix: str = "") -> QuerySet:
    """Rows that belong to a museum through a page (a product's variant, its stock): those
    whose page at `prefix` lies in one of the user's museums' trees."""
    from .scoping import in_museum_pages

    if sees_every_museum(user):
        return queryset
    inside = Q(pk__in=[])
    for museum in museums_of(user).select_related("site"):
        inside |= in_museum_pages(museum, prefix)
    return queryset.filter(inside)


class MuseumPermissionPolicy(ModelPermissionPolicy):
    """The model's permissions, and for a row only within the user's museums."""

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        return super().user_has_permission_for_instance(user, action, instance) and may_use(
            user, instance
        )

    def user_has_any_permission_for_instance(self, user, actions, instance) -> bool:
        return any(
            self.user_has_permission_for_instance(user, action, instance) for action in actions
        )

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        return scope_queryset(user, super().instances_user_has_any_permission_for(user, actions))


class _MuseumScopedObject:
    """Mixed into a viewset's views that open one row: another museum's row is denied,
    whatever permission policy the view asks (Wagtail's inspect view asks none)."""

    museum_page_path: str | None = None

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)  # type: ignore[misc]
        user = self.request.user  # type: ignore[attr-defined]
        if self.museum_page_path is None:
            allowed = may_use(user, obj)
        else:
            rows = type(obj)._default_manager.filter(pk=obj.pk)
            allowed = scope_by_pages(user, rows, self.museum_page_path).exists()
        if not allowed:
            raise PermissionDenied
        return obj


class _MuseumScopedListing:
    museum_page_path: str | None = None

    def get_base_queryset(self):
        queryset = super().get_base_queryset()  # type: ignore[misc]
        user = self.request.user  # type: ignore[attr-defined]
        if self.museum_page_path is None:
            return scope_queryset(user, queryset)
        return scope_by_pages(user, queryset, self.museum_page_path)


class _MuseumScopedForm:
    """Mixed into a viewset's create, copy and edit views of a model with a `museum`: the
    form offers only the museums the user works for (preselected when that is one), so
    staff of one museum cannot make or move a row into another's; a form that does not
    show the field gets the user's museum on a new row instead of the default one."""

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)  # type: ignore[misc]
        limit_museum_choice(form, self.request.user)  # type: ignore[attr-defined]
        return form


def limit_museum_choice(form, user) -> None:
    """Limit `form`'s museum to the museums `user` may manage (see _MuseumScopedForm)."""
    instance = getattr(form, "instance", None)
    if instance is None or not any(f.name == "museum" for f in instance._meta.fields):
        return
    allowed = museums_of(user)
    if not sees_every_museum(user):
        # Rows of other museum-owned models it may point at (a voucher of an order, an
        # offer of a booking): only the user's museums' rows are valid choices.
        for name, other in form.fields.items():
            queryset = getattr(other, "queryset", None)
            if (
                name != "museum"
                and queryset is not None
                and any(f.name == "museum" for f in queryset.model._meta.fields)
            ):
                other.queryset = queryset.filter(museum__in=allowed)
    new = instance._state.adding
    field = form.fields.get("museum")
    only = list(allowed[:2])
    if field is not None:
        field.queryset = allowed
        if len(only) == 1:
            field.empty_label = None
            if new:
                form.initial["museum"] = only[0].pk
        return
    if new and len(only) == 1 and not sees_every_museum(user):
        instance.museum = only[0]


# The views of a viewset that show a row's form.
FORM_VIEWS = ("add_view_class", "edit_view_class", "copy_view_class")

# The views of a viewset that open one row.
ROW_VIEWS = (
    "edit_view_class",
    "delete_view_class",
    "inspect_view_class",
    "copy_view_class",
    "history_view_class",
    "usage_view_class",
    "revisions_view_class",
    "revisions_compare_view_class",
    "revisions_unschedule_view_class",
    "revisions_revert_view_class",
    "unpublish_view_class",
    "unlock_view_class",
    "lock_view_class",
    "workflow_history_view_class",
    "workflow_history_detail_view_class",
    "preview_on_edit_view_class",
)


class MuseumScopedViewSet:
    """Mixed into a SnippetViewSet/ModelViewSet of a model with a `museum`: its listing
    shows the user's museums' rows, its row views deny the others, and its chooser pop-up
    offers only theirs (museum_site.museums.choosers). A model that belongs to
    a museum through a page (stock through its variant's product) names the path to that
    page in `museum_page_path` ("variant__product__")."""

    museum_page_path: str | None = None

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        scoped = {"museum_page_path": self.museum_page_path}
        listing = self.index_view_class  # type: ignore[attr-defined]
        if not issubclass(listing, _MuseumScopedListing):
            self.index_view_class = type(
                f"Museum{listing.__name__}", (_MuseumScopedListing, listing), scoped
            )
        for name in ROW_VIEWS:
            view = getattr(self, name, None)
            if (
                isinstance(view, type)
                and hasattr(view, "get_object")
                and not issubclass(view, _MuseumScopedObject)
            ):
                scoped_view = type(f"Museum{view.__name__}", (_MuseumScopedObject, view), scoped)
                setattr(self, name, scoped_view)
        chooser = getattr(self, "chooser_viewset_class", None)
        if isinstance(chooser, type) and not getattr(chooser, "museum_scoped", False):
            from .choosers import scoped_chooser_viewset

            self.chooser_viewset_class = scoped_chooser_viewset(chooser, self.museum_page_path)
        if self.museum_page_path is None:
            for name in FORM_VIEWS:
                view = getattr(self, name, None)
                if (
                    isinstance(view, type)
                    and hasattr(view, "get_form")
                    and not issubclass(view, _MuseumScopedForm)
                ):
                    setattr(
                        self, name, type(f"Museum{view.__name__}", (_MuseumScopedForm, view), {})
                    )


def grant_staff(group: Group, museum: Museum) -> None:
    """Make `group` the museum's staff: edit its page tree and its collection (Wagtail),
    and see its rows here. What else the group may do is its model permissions."""
    museum.staff_groups.add(group)
    for permission in ("add_page", "change_page", "publish_page", "view_page"):
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=museum.site.root_page,
            permission=_permission("wagtailcore", permission),
        )
    collection = museum_collection(museum)
    for codename, app in (
        ("add_image", "wagtailimages"),
        ("change_image", "wagtailimages"),
        ("choose_image", "wagtailimages"),
        ("add_document", "wagtaildocs"),
        ("change_document", "wagtaildocs"),
        ("choose_document", "wagtaildocs"),
    ):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=_permission(app, codename)
        )


def museum_collection(museum: Museum) -> Collection:
    """The museum's own collection of images and documents (a child of the root)."""
    root = Collection.get_first_root_node()
    found = root.get_children().filter(name=museum.name).first()
    return found or root.add_child(name=museum.name)


def _permission(app_label: str, codename: str):
    from django.contrib.auth.models import Permission

    return Permission.objects.get(content_type__app_label=app_label, codename=codename)
