"""Every GraphQL type name belongs to one class.

graphene keeps the first class it meets under a name and silently drops the other, so
two apps defining `Address` would break one of them without an error.
"""

from collections import defaultdict

import graphene
from graphene_django.settings import graphene_settings

OUR_PACKAGES = ("museum_site", "shop", "tours", "search")
KINDS = (
    graphene.ObjectType,
    graphene.InputObjectType,
    graphene.Enum,
    graphene.Union,
    graphene.Interface,
)


def _subclasses(cls: type) -> set[type]:
    found = set()
    for sub in cls.__subclasses__():
        found |= {sub, *_subclasses(sub)}
    return found


ROOT_TYPES = {"Query", "Mutation", "Subscription"}  # apps contribute mixins to these


def test_no_graphql_type_of_ours_is_shadowed_by_another_of_the_same_name():
    type_map = graphene_settings.SCHEMA.graphql_schema.type_map
    shadowed = defaultdict(list)
    for kind in KINDS:
        for cls in _subclasses(kind):
            meta = getattr(cls, "_meta", None)
            if meta is None or cls.__module__.split(".")[0] not in OUR_PACKAGES:
                continue
            if meta.name in ROOT_TYPES or meta.name not in type_map:
                continue
            in_schema = getattr(type_map[meta.name], "graphene_type", None)
            if in_schema is not cls:
                shadowed[meta.name].append(f"{cls.__module__}.{cls.__qualname__}")
    assert not shadowed, f"classes hidden behind another type of the same name: {dict(shadowed)}"
