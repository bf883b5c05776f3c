"""The judged query set (judgements.toml) and its two scores: MRR and nDCG@10.

Shared by the relevance test on the database backend and the integration test against
a real Elasticsearch cluster, so both are measured the same way:

- reciprocal rank: 1 / the rank of the first best answer (first group), 0 if none is
  in the first page;
- nDCG@10: graded gain, the first of n groups worth n, the next n - 1, ..., with the usual
  log2 discount, divided by the best possible order of the judged results;
- and, as a check that nothing judged is lost, the share of judged results on page one.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from search.services import SearchResult

JUDGEMENTS = Path(__file__).with_name("judgements.toml")
PAGE = 20


@dataclass(frozen=True)
class Judgement:
    locale: str
    text: str
    ranked: tuple[tuple[str, ...], ...]
    # The failure class a query stands for (judgements_visitors.toml); blank in the
    # project's own set.
    label: str = ""

    def grades(self) -> dict[str, int]:
        return {
            name: len(self.ranked) - position
            for position, group in enumerate(self.ranked)
            for name in group
        }


@dataclass(frozen=True)
class Outcome:
    judgement: Judgement
    found: list[str]
    reciprocal_rank: float
    ndcg: float
    missing: list[str]


def load(path: Path = JUDGEMENTS) -> list[Judgement]:
    with path.open("rb") as file:
        data = tomllib.load(file)
    return [
        Judgement(
            entry["locale"],
            entry["text"],
            tuple(tuple(group) for group in entry["ranked"]),
            entry.get("class", ""),
        )
        for entry in data["query"]
    ]


def name(result: SearchResult) -> str:
    anchor = f"#{result.scene_key}" if result.scene_key else ""
    return f"{result.kind.value}:{result.slug}{anchor}"


def _dcg(gains: list[int]) -> float:
    return sum((2**gain - 1) / math.log2(rank + 2) for rank, gain in enumerate(gains))


def evaluate(judgement: Judgement, found: list[str]) -> Outcome:
    grades = judgement.grades()
    best = set(judgement.ranked[0])
    first_best = next((rank for rank, item in enumerate(found, 1) if item in best), None)
    ideal = _dcg(sorted(grades.values(), reverse=True)[:10])
    ndcg = _dcg([grades.get(item, 0) for item in found[:10]]) / ideal
    return Outcome(
        judgement=judgement,
        found=found,
        reciprocal_rank=1 / first_best if first_best else 0.0,
        ndcg=ndcg,
        missing=[item for item in grades if item not in found[:PAGE]],
    )


@dataclass(frozen=True)
class Report:
    outcomes: list[Outcome]

    @property
    def mrr(self) -> float:
        return sum(o.reciprocal_rank for o in self.outcomes) / len(self.outcomes)

    @property
    def ndcg(self) -> float:
        return sum(o.ndcg for o in self.outcomes) / len(self.outcomes)

    @property
    def recall(self) -> float:
        """Share of all judged results that are on the first page."""
        judged = sum(len(o.judgement.grades()) for o in self.outcomes)
        return 1 - sum(len(o.missing) for o in self.outcomes) / judged

    def lines(self, label: str) -> list[str]:
        languages = sorted({o.judgement.locale for o in self.outcomes})
        lines = [
            f"{label}: {len(self.outcomes)} judged queries ({', '.join(languages)}): "
            f"MRR {self.mrr:.3f}, nDCG@10 {self.ndcg:.3f}, "
            f"judged results on the first page {self.recall:.1%}"
        ]
        for outcome in self.outcomes:
            if outcome.reciprocal_rank < 1 or outcome.ndcg < 0.8 or outcome.missing:
                lines.append(
                    f"  {outcome.judgement.locale} {outcome.judgement.text!r}: "
                    f"RR {outcome.reciprocal_rank:.2f} nDCG {outcome.ndcg:.2f} "
                    f"top {outcome.found[:5]} missing {outcome.missing}"
                )
        return lines


def run(search: Callable[[str, str], list[SearchResult]], path: Path = JUDGEMENTS) -> Report:
    return Report([evaluate(j, [name(r) for r in search(j.text, j.locale)]) for j in load(path)])
