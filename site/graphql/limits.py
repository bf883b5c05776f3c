"""Limits that reject hostile queries before they cost anything.

Checked on the parsed document before graphql-core's own validation, whose
overlapping-fields rule is quadratic in the number of fields: a query with 500 aliases
must fail fast, not after seconds of validation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings
from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)

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
