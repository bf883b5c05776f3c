"""`ldesStreams`: where a museum's event streams are, for harvesters and the frontend."""

from __future__ import annotations

import graphene

from museum_site.museums.current import museum_for_field
from museum_site.museums.graphql_scope import museum_argument

from .models import StreamKind
from .views import stream_url

LdesStreamKind = graphene.Enum.from_enum(
    StreamKind, name="LdesStreamKind", description="What a stream's members are versions of."
)


class LdesStream(graphene.ObjectType):
    kind = graphene.Field(LdesStreamKind, required=True)
    url = graphene.String(
        required=True, description="The stream's `ldes:EventStream` (Turtle, JSON-LD, N-Triples)."
    )


class LdesQuery:
    """Mixed into the root Query type by the `register_schema_query` hook."""

    ldes_streams = graphene.List(
        graphene.NonNull(LdesStream),
        required=True,
        museum=museum_argument(),
        description="The museum's Linked Data Event Streams, one per kind of content.",
    )

    @staticmethod
    def resolve_ldes_streams(root, info) -> list[dict]:
        museum = museum_for_field(info)
        return [
            {
                "kind": kind,
                "url": stream_url(info.context, museum, kind.value),
            }
            for kind in StreamKind
        ]
