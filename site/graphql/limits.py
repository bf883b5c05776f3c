"""Limits that reject hostile queries before they cost anything.

Checked on the parsed document before graphql-core's own validation, whose
overlapping-fields rule is quadratic in the number of fields: a query with 500 aliases
must fail fast, not after seconds of validation.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from itertools import islice

from django.conf import settings
from django.db.models import QuerySet
from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    Undefined,
    VariableNode,
    default_field_resolver,
    get_named_type,
    is_abstract_type,
    is_composite_type,
    is_list_type,
    is_non_null_type,
    is_object_type,
    value_from_ast_untyped,
)

from museum_site import content_limits

log = logging.getLogger(__name__)

# Arguments of grapple's list fields that take a free `order_by` string: only these
# orderings are allowed (ordering by any column would be an oracle on hidden data).
ALLOWED_GRAPPLE_ORDERINGS = frozenset(
    f"{sign}{field}"
    for sign in ("", "-")
    for field in (
        "id",
        "title",
        "slug",
        "first_published_at",
        "last_published_at",
        "created_at",
        "path",
    )
)


@dataclass
class Measure:
    depth: int = 0
    fields: int = 0
    aliases: int = 0


def limits() -> dict[str, int]:
    return settings.VITRINE_GRAPHQL


def check_size(query: str) -> GraphQLError | None:
    max_bytes = limits()["MAX_QUERY_BYTES"]
    if len(query.encode()) > max_bytes:
        return GraphQLError(
            f"Query is larger than {max_bytes} bytes.", extensions={"code": "QUERY_TOO_LARGE"}
        )
    return None


_STRINGS_AND_COMMENTS = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|"(?:[^"\\\n]|\\.)*"|#[^\n]*')
_INNERMOST_PARENTHESES = re.compile(r"\([^()]*\)")


def prescan(query: str) -> list[GraphQLError]:
    """Alias and nesting limits read off the text, before parsing.

    graphql-core's parser is pure Python: a 15 kB query of 500 aliases takes it some
    100 ms on a loaded machine. With strings, comments and argument lists removed, each
    colon left is an alias and the deepest brace is a lower bound of the depth, so the
    common hostile queries are refused in about a millisecond; fragments are measured
    after parsing by `check_document`.
    """
    text = _STRINGS_AND_COMMENTS.sub(" ", query)
    previous = None
    while previous != text:
        previous, text = text, _INNERMOST_PARENTHESES.sub(" ", text)
    config = limits()
    errors = []
    aliases = text.count(":")
    if aliases > config["MAX_ALIASES"]:
        errors.append(_too_many_aliases(aliases, config))
    depth = deepest = 0
    for char in text:
        if char == "{":
            depth += 1
            deepest = max(deepest, depth)
        elif char == "}":
            depth -= 1
    # The outermost braces are the operation, not a field.
    if deepest - 1 > config["MAX_DEPTH"]:
        errors.append(_too_deep(deepest - 1, config))
    return errors


def _too_many_aliases(count: int, config: dict) -> GraphQLError:
    return GraphQLError(
        f"Query uses {count} aliases; the limit is {config['MAX_ALIASES']}.",
        extensions={"code": "TOO_MANY_ALIASES"},
    )


def _too_deep(depth: int, config: dict) -> GraphQLError:
    return GraphQLError(
        f"Query is nested {depth} levels deep; the limit is {config['MAX_DEPTH']}.",
        extensions={"code": "QUERY_TOO_DEEP"},
    )


def _measure(
    selection_set: SelectionSetNode | None, fragments: dict, memo: dict, visiting: set
) -> Measure:
    """Depth, field count (fragments expanded) and aliases of one selection set."""
    result = Measure()
    if selection_set is None:
        return result
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            inner = _measure(selection.selection_set, fragments, memo, visiting)
            is_introspection = selection.name.value.startswith("__")
            result.depth = max(result.depth, inner.depth + (0 if is_introspection else 1))
            result.fields += inner.fields + 1
            result.aliases += inner.aliases + (1 if selection.alias else 0)
        elif isinstance(selection, InlineFragmentNode):
            inner = _measure(selection.selection_set, fragments, memo, visiting)
            result.depth = max(result.depth, inner.depth)
            result.fields += inner.fields
            result.aliases += inner.aliases
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            if name in visiting or name not in fragments:
                continue  # cycles and unknown fragments are reported by standard validation
            if name not in memo:
                visiting.add(name)
                memo[name] = _measure(fragments[name].selection_set, fragments, memo, visiting)
                visiting.discard(name)
            inner = memo[name]
            result.depth = max(result.depth, inner.depth)
            result.fields += inner.fields
            result.aliases += inner.aliases
    return result


def check_document(document: DocumentNode) -> list[GraphQLError]:
    """Depth, complexity (fields after fragment expansion) and alias limits."""
    fragments = {
        definition.name.value: definition
        for definition in document.definitions
        if isinstance(definition, FragmentDefinitionNode)
    }
    memo: dict[str, Measure] = {}
    errors = []
    config = limits()
    for definition in document.definitions:
        if not isinstance(definition, OperationDefinitionNode):
            continue
        measure = _measure(definition.selection_set, fragments, memo, set())
        if measure.depth > config["MAX_DEPTH"]:
            errors.append(_too_deep(measure.depth, config))
        if measure.aliases > config["MAX_ALIASES"]:
            errors.append(_too_many_aliases(measure.aliases, config))
        if measure.fields > config["MAX_FIELDS"]:
            errors.append(
                GraphQLError(
                    f"Query asks for {measure.fields} fields; the limit is {config['MAX_FIELDS']}.",
                    extensions={"code": "QUERY_TOO_COMPLEX"},
                )
            )
    return errors


def uses_introspection(document: DocumentNode) -> bool:
    """`__schema` or `__type` anywhere; `__typename` is not introspection of the schema."""
    stack = [definition for definition in document.definitions]
    while stack:
        node = stack.pop()
        if isinstance(node, FieldNode) and node.name.value in {"__schema", "__type"}:
            return True
        selection_set = getattr(node, "selection_set", None)
        if selection_set is not None:
            stack.extend(selection_set.selections)
    return False


class OrderingWhitelistMiddleware:
    """Graphene middleware: grapple's `order` argument takes only whitelisted orderings."""

    def resolve(self, next_, root, info, **args):
        order = args.get("order")
        if order is not None:
            requested = {part.strip() for part in order.split(",")}
            if not requested <= ALLOWED_GRAPPLE_ORDERINGS:
                raise GraphQLError(
                    "`order` accepts: " + ", ".join(sorted(ALLOWED_GRAPPLE_ORDERINGS)) + "."
                )
        return next_(root, info, **args)


# --- Query cost ------------------------------------------------------------------------
#
# Depth, alias and field limits pass `{ pages(limit:100) { descendants(limit:100) {
# siblings(limit:100) { descendants(limit:100) { id } } } } }`, which asks for 10^8
# answers. Every list therefore has a maximum, and a query's cost is what it could make
# the server resolve: each field counts the product of the list sizes along its path
# (itself included), summed over every selection after fragment expansion, aliases
# counted. For an abstract type the costliest of its object types counts. The sizes are
# the `first`/`limit` arguments (variables resolved, capped at the list's maximum), or
# the fixed maximum of a plain list, which `enforce_list_maximums` makes true at run time.

# Arguments that size a list; `first` sizes a connection's `nodes`.
SIZE_ARGUMENTS = ("first", "limit")
# Lists whose `first` has its own, lower maximum (the resolver refuses more).
SIZE_ARGUMENT_MAXIMUMS = {"Query.searchSuggest": 20}
# Plain lists (no size argument) and the most items they answer; any other plain list
# answers at most MAX_PAGE_SIZE. Each is the size real content needs: an exhibition
# of 20 chapters of 50 objects, a tour of 50 scenes with 30 hotspots each, and so on.
PLAIN_LIST_MAXIMUMS: dict[str, int] = {
    # three languages; the field lists the other ones
    **{
        f"{type_name}.translations": 5
        for type_name in (
            "HomePage",
            "Story",
            "StoryIndex",
            "Exhibition",
            "ExhibitionIndex",
            "Tour",
            "TourIndex",
            "Product",
            "ProductIndex",
            "LegalPage",
            "PrivacyPolicy",
        )
    },
    # what editors make: the admin refuses more (museum_site.content_limits)
    "Exhibition.chapters": content_limits.EXHIBITION_CHAPTERS,
    "Chapter.objects": content_limits.CHAPTER_OBJECTS,
    "Exhibition.relatedStories": content_limits.EXHIBITION_RELATED_STORIES,
    "CollectionObject.makers": content_limits.OBJECT_TERMS,
    "CollectionObject.materials": content_limits.OBJECT_TERMS,
    "CollectionObject.periods": content_limits.OBJECT_TERMS,
    "CollectionObject.images": content_limits.OBJECT_IMAGES,
    "Story.tags": content_limits.STORY_TAGS,
    "Story.body": content_limits.STORY_BODY_BLOCKS,
    "LegalPage.body": content_limits.LEGAL_BODY_BLOCKS,
    "PrivacyPolicy.body": content_limits.LEGAL_BODY_BLOCKS,
    "GallerySection.items": content_limits.GALLERY_IMAGES,
    "Tour.scenes": content_limits.TOUR_SCENES,
    "Scene.hotspots": content_limits.SCENE_HOTSPOTS,
    "Tour.floorPlans": content_limits.TOUR_FLOOR_PLANS,
    "Tour.stops": content_limits.TOUR_STOPS,
    "Tour.unreachableSceneKeys": 30,
    "Product.images": content_limits.PRODUCT_IMAGES,
    "Product.variants": content_limits.PRODUCT_VARIANTS,
    "Checkout.lines": 100,
    "Checkout.vatBreakdown": 10,
    "Checkout.availableDeliveryMethods": 20,
    "Order.lines": 100,
    "Order.vatBreakdown": 10,
    # a return names some of the order's lines; an order has a few returns at most
    "Order.returns": 20,
    "Order.returnableLines": 100,
    "ReturnRequest.lines": 100,
    "Term.alternativeLabels": 20,
    "Image.focalPoint": 4,
    "Consent.categories": 20,
    "User.metadata": 50,
    **{f"SearchFacets.{name}": 50 for name in ("makers", "materials", "periods", "categories")},
    **{f"SearchFacets.{name}": 20 for name in ("kinds", "centuries", "inStock", "priceBands")},
    # grapple's plain lists
    "Query.settings": 20,
    "Query.redirects": 100,
    "Query.snippets": 100,
    "Page.aliases": 20,
    "Page.sitesRootedHere": 10,
    "ImageObjectType.renditions": 20,
    "ImageObjectType.tags": 20,
    "DocumentObjectType.tags": 20,
}


# A field that reads the database each time it is resolved (every root field; grapple's
# lists and page relations, which prefetch nothing; any relation of an object grapple
# read) costs this many values on top of its items. Measured on the demo data
# (bench/graphql_limits.py): one such read takes 3-10 ms, as long as some thousands of
# values answered from prefetched rows.
QUERY_PER_PARENT_WEIGHT = 2_500
# A root field reads its rows and prefetches everything its type answers (a count, a
# page and a query per relation: 20-50 ms on the demo data): ten single reads.
ROOT_FIELD_WEIGHT = 10 * QUERY_PER_PARENT_WEIGHT
# Each row such a read answers (a model instance, its prefetched relations, its
# specific page): about 1 ms for a collection object on the demo data.
ROW_WEIGHT = 250
# Fields without a size argument that still read once per parent object: grapple's page
# relations, and the translations every page type answers (types.PageTypeMixin).
QUERY_PER_PARENT_FIELDS = frozenset({"parent", "aliases", "sitesRootedHere", "translations"})
# Lists held in the row itself (StreamField bodies): no read, whoever read the row.
IN_ROW_FIELDS = frozenset({"body", "blocks", "items"})
# Root fields grapple answers (the rest of Query is ours and prefetches what it answers).
GRAPPLE_ROOT_FIELDS = frozenset(
    {
        "pages",
        "page",
        "images",
        "image",
        "documents",
        "document",
        "snippets",
        "settings",
        "setting",
        "redirects",
        "sites",
        "site",
        "collections",
        "tags",
        "tag",
    }
)


def max_page_size() -> int:
    return limits()["MAX_PAGE_SIZE"]


def cost_budget() -> int:
    return limits()["MAX_COST"]


def _unwrap(type_):
    while is_non_null_type(type_):
        type_ = type_.of_type
    return type_


def _size_argument(field: GraphQLField) -> str | None:
    return next((name for name in SIZE_ARGUMENTS if name in field.args), None)


def size_maximum(type_name: str, field_name: str, field: GraphQLField) -> int:
    """The most items one answer of this field holds (a connection: its `nodes`)."""
    key = f"{type_name}.{field_name}"
    if _size_argument(field):
        return min(SIZE_ARGUMENT_MAXIMUMS.get(key, max_page_size()), max_page_size())
    return PLAIN_LIST_MAXIMUMS.get(key, max_page_size())


def _is_connection(type_) -> bool:
    """An object with a `nodes` list sized by the field's `first`."""
    nodes = getattr(type_, "fields", {}).get("nodes") if is_object_type(type_) else None
    return nodes is not None and is_list_type(_unwrap(nodes.type))


class _Coster:
    """Unit costs of selection sets, memoised per (selection set, object type, context).

    The context is the size a connection passes to its `nodes`, and whether the objects
    came from grapple (read without prefetching: each of their relations is a read).
    """

    def __init__(self, schema: GraphQLSchema, document: DocumentNode, variables: dict):
        self.schema = schema
        self.variables = variables or {}
        self.fragments = {
            definition.name.value: definition
            for definition in document.definitions
            if isinstance(definition, FragmentDefinitionNode)
        }
        self.defaults: dict[str, object] = {}
        self.memo: dict[tuple, int] = {}
        self.visiting: set[tuple] = set()

    def operation(self, operation: OperationDefinitionNode) -> int:
        for definition in operation.variable_definitions or ():
            if definition.default_value is not None:
                self.defaults[definition.variable.name.value] = value_from_ast_untyped(
                    definition.default_value
                )
        root = self.schema.get_root_type(operation.operation)
        if root is None:
            return 0
        return self.selection_set(operation.selection_set, root, (None, False))

    def _argument(self, node: FieldNode, name: str) -> object:
        for argument in node.arguments or ():
            if argument.name.value == name:
                value = argument.value
                if isinstance(value, VariableNode):
                    variable = value.name.value
                    if variable in self.variables:
                        return self.variables[variable]
                    return self.defaults.get(variable)
                return value_from_ast_untyped(value)
        return None

    def _size(self, parent, node: FieldNode, field: GraphQLField, nodes_size: int | None):
        """(items this field answers, size its connection passes to `nodes`)."""
        maximum = size_maximum(parent.name, node.name.value, field)
        argument = _size_argument(field)
        returns = _unwrap(field.type)
        if argument:
            value = self._argument(node, argument)
            if value is None:
                value = field.args[argument].default_value
            if value is None or value is Undefined:
                value = settings.GRAPPLE.get("PAGE_SIZE", maximum)
            size = min(value, maximum) if isinstance(value, int) and value > 0 else maximum
            if is_list_type(returns):
                return size, None
            return 1, size if _is_connection(_unwrap(returns)) else None
        if is_list_type(returns):
            if node.name.value == "nodes" and nodes_size is not None:
                return nodes_size, None
            return maximum, None
        return 1, None

    def selection_set(self, selection_set: SelectionSetNode | None, type_, context) -> int:
        """Unit cost: what the selections cost for one object of `type_`."""
        if selection_set is None:
            return 0
        if is_abstract_type(type_):
            candidates = self.schema.get_possible_types(type_)
        elif is_object_type(type_):
            candidates = [type_]
        else:
            return 0
        return max((self._on(selection_set, t, context) for t in candidates), default=0)

    def _applies(self, condition, object_type) -> bool:
        if condition is None:
            return True
        named = self.schema.get_type(condition.name.value)
        if named is None:
            return False
        if named is object_type:
            return True
        return is_abstract_type(named) and self.schema.is_sub_type(named, object_type)

    def _on(self, selection_set: SelectionSetNode, object_type, context) -> int:
        key = (id(selection_set), object_type.name, context)
        if key in self.memo:
            return self.memo[key]
        if key in self.visiting:
            return 0  # fragment cycles are reported by standard validation
        self.visiting.add(key)
        nodes_size, from_grapple = context
        total = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                name = selection.name.value
                if name.startswith("__"):
                    total += 1  # __typename; __schema/__type only when introspection is on
                    continue
                field = object_type.fields.get(name)
                if field is None:
                    continue  # reported by standard validation
                size, passed = self._size(object_type, selection, field, nodes_size)
                reads = _reads_per_parent(object_type, name, field, from_grapple)
                returns = get_named_type(field.type)
                inner = self.selection_set(
                    selection.selection_set,
                    returns,
                    (passed, _from_grapple(object_type, name, field)),
                )
                root = object_type is self.schema.query_type
                if root or reads:
                    rows = passed or size
                    total += ROOT_FIELD_WEIGHT if root else QUERY_PER_PARENT_WEIGHT
                    total += rows * ROW_WEIGHT
                total += size * (1 + inner)
            elif isinstance(selection, InlineFragmentNode):
                if self._applies(selection.type_condition, object_type):
                    total += self._on(selection.selection_set, object_type, context)
            elif isinstance(selection, FragmentSpreadNode):
                fragment = self.fragments.get(selection.name.value)
                if fragment is not None and self._applies(fragment.type_condition, object_type):
                    total += self._on(fragment.selection_set, object_type, context)
        self.visiting.discard(key)
        self.memo[key] = total
        return total


def _is_grapple_field(parent, name: str, field: GraphQLField) -> bool:
    """A field answered by grapple from a queryset of its own, without our prefetching."""
    if "limit" in field.args or name in QUERY_PER_PARENT_FIELDS:
        return True
    return parent.name == "Query" and name in GRAPPLE_ROOT_FIELDS


def _from_grapple(parent, name: str, field: GraphQLField) -> bool:
    return _is_grapple_field(parent, name, field) and is_composite_type(get_named_type(field.type))


def _reads_per_parent(parent, name: str, field: GraphQLField, from_grapple: bool) -> bool:
    """Whether resolving this field once reads the database once.

    grapple's own lists and relations do; so does every relation (a field of an object
    type) of an object grapple read, which nothing prefetched. Our own root fields
    prefetch what their types answer (pinned by tests/site/test_query_counts.py).
    """
    if _is_grapple_field(parent, name, field):
        return True
    if name in IN_ROW_FIELDS:
        return False
    return from_grapple and is_composite_type(get_named_type(field.type))


def query_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    variables: dict | None = None,
    operation_name: str | None = None,
) -> int:
    """The cost of the operation that would run (the costliest one if it is ambiguous)."""
    coster = _Coster(schema, document, variables or {})
    operations = [
        definition
        for definition in document.definitions
        if isinstance(definition, OperationDefinitionNode)
        and (
            operation_name is None or (definition.name and definition.name.value == operation_name)
        )
    ]
    return max((coster.operation(operation) for operation in operations), default=0)


def check_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    variables: dict | None,
    operation_name: str | None,
) -> GraphQLError | None:
    cost, budget = query_cost(schema, document, variables, operation_name), cost_budget()
    if cost <= budget:
        return None
    return GraphQLError(
        f"Query could resolve up to {cost} values; the limit is {budget}. Ask for smaller "
        "pages (`first`, `limit`) or fewer nested lists.",
        extensions={"code": "QUERY_TOO_COSTLY", "cost": cost, "maximumCost": budget},
    )


# --- Maximums at run time --------------------------------------------------------------


def _clamped(resolve, argument: str, maximum_of):
    def resolve_clamped(root, info, **args):
        value = args.get(argument)
        if isinstance(value, int) and value > maximum_of():
            args[argument] = maximum_of()
        return resolve(root, info, **args)

    return resolve_clamped


def _truncated(resolve, key: str, maximum_of):
    def resolve_truncated(root, info, **args):
        result = resolve(root, info, **args)
        if result is None:
            return None
        maximum = maximum_of()
        if isinstance(result, QuerySet):
            return result[:maximum]
        items = list(islice(result, maximum + 1))
        if len(items) > maximum:
            log.warning("%s answered only its first %d items", key, maximum)
            del items[maximum:]
        return items

    return resolve_truncated


def enforce_list_maximums(schema: GraphQLSchema) -> None:
    """Make the maximums the cost counts true when resolving (once per schema).

    grapple's `limit` is clamped to MAX_PAGE_SIZE (grapple clamps to its own setting,
    which may differ); a plain list answers at most its maximum. `first` is refused
    above the maximum by the resolvers themselves (`pagination.paginate`).
    """
    if getattr(schema, "_vitrine_list_maximums", False):
        return
    for type_ in schema.type_map.values():
        if not is_object_type(type_) or type_.name.startswith("__"):
            continue
        for name, field in type_.fields.items():
            if not is_list_type(_unwrap(field.type)):
                continue
            key = f"{type_.name}.{name}"
            resolve = field.resolve or default_field_resolver
            if "limit" in field.args:
                field.resolve = _clamped(resolve, "limit", max_page_size)
            elif not _size_argument(field) and not (name == "nodes" and _is_nodes_of(type_)):
                field.resolve = _truncated(
                    resolve, key, lambda key=key: PLAIN_LIST_MAXIMUMS.get(key, max_page_size())
                )
    schema._vitrine_list_maximums = True


def _is_nodes_of(type_) -> bool:
    """`nodes` of a connection: its page is sliced by `first` already."""
    return _is_connection(type_) and "pageInfo" in type_.fields
