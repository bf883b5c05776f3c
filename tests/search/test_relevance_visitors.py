"""Visitor queries by failure class (issue 20): scores per class and language, and the goal.

The set (judgements_visitors.toml) was written from the demo content and judged before any
search change of issue 20. The scores are printed at the end of the run (pytest's terminal
summary, whatever -q says) so each change to the search can be measured against them; the
goal is an expected failure until the search reaches it.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from museum_site import models
from search.services import search
from shop.models import ProductPage
from tests.search import judged
from tests.search.demo_museum import LANGUAGES

pytestmark = pytest.mark.django_db

VISITORS = judged.JUDGEMENTS.with_name("judgements_visitors.toml")
CLASSES = (
    "typo",
    "partial",
    "compound",
    "inflection",
    "language",
    "type",
    "century",
    "price",
    "ranking",
)
GOAL_MRR = 0.85
GOAL_MOST_ZERO_RESULT_QUERIES = 2

_reports: dict[str, judged.Report] = {}


def _report() -> judged.Report:
    """The set is run once per module (about 130 searches) and shared by its tests."""
    if "visitors" not in _reports:
        _reports["visitors"] = judged.run(
            lambda text, locale: search(text, locale)[0 : judged.PAGE], VISITORS
        )
    return _reports["visitors"]


def _zero(outcomes: list[judged.Outcome]) -> int:
    return sum(1 for outcome in outcomes if not outcome.found)


def _line(label: str, outcomes: list[judged.Outcome]) -> str:
    report = judged.Report(outcomes)
    return (
        f"  {label:<12} {len(outcomes):>3} queries  MRR {report.mrr:.3f}  "
        f"nDCG@10 {report.ndcg:.3f}  zero results {_zero(outcomes)}"
    )


def score_lines(report: judged.Report) -> list[str]:
    """Scores of the whole set, by class, by language, by class and language, and every
    query that fell short."""
    outcomes = report.outcomes
    lines = [
        f"visitor queries (issue 20): {len(outcomes)} judged: MRR {report.mrr:.3f}, "
        f"nDCG@10 {report.ndcg:.3f}, zero results {_zero(outcomes)} "
        f"(goal MRR >= {GOAL_MRR}, at most {GOAL_MOST_ZERO_RESULT_QUERIES} zero results)",
        " by class:",
    ]
    for label in CLASSES:
        lines.append(_line(label, [o for o in outcomes if o.judgement.label == label]))
    lines.append(" by language:")
    for language in LANGUAGES:
        lines.append(_line(language, [o for o in outcomes if o.judgement.locale == language]))
    lines.append(" by class and language (MRR / nDCG@10 / zero results):")
    for label in CLASSES:
        cells = []
        for language in LANGUAGES:
            chosen = [
                o for o in outcomes if o.judgement.label == label and o.judgement.locale == language
            ]
            part = judged.Report(chosen)
            cells.append(f"{language} {part.mrr:.2f}/{part.ndcg:.2f}/{_zero(chosen)}")
        lines.append(f"  {label:<12} " + "  ".join(cells))
    lines.append(" queries that fell short:")
    for outcome in outcomes:
        if outcome.reciprocal_rank < 1 or outcome.ndcg < 0.8:
            judgement = outcome.judgement
            lines.append(
                f"  {judgement.locale} {judgement.label:<10} {judgement.text!r}: "
                f"RR {outcome.reciprocal_rank:.2f} nDCG {outcome.ndcg:.2f} "
                f"top {outcome.found[:3]}"
            )
    return lines


def test_the_set_covers_every_class_in_every_language():
    judgements = judged.load(VISITORS)
    assert len(judgements) >= 120
    for language in LANGUAGES:
        mine = [j for j in judgements if j.locale == language]
        assert len(mine) >= 40, language
        assert {j.label for j in mine} == set(CLASSES), language
    assert len({(j.locale, j.text) for j in judgements}) == len(judgements)


def _existing() -> dict[str, Callable[[str, str], bool]]:
    """Whether a judged "kind:slug" names a published document a visitor may find.

    An object is named by its inventory number in every language, also where it has no
    translation into the query's language (it must then be found in its source language).
    """
    return {
        "object": lambda slug, language: models.CollectionObject.objects.filter(
            inventory_number=slug, live=True
        ).exists(),
        "story": lambda slug, language: (
            models.StoryPage.objects.live()
            .filter(slug=slug, locale__language_code=language)
            .exists()
        ),
        "exhibition": lambda slug, language: (
            models.ExhibitionPage.objects.live()
            .filter(slug=slug, locale__language_code=language)
            .exists()
        ),
        "product": lambda slug, language: (
            ProductPage.objects.live().filter(slug=slug, locale__language_code=language).exists()
        ),
    }


def test_every_judged_result_is_a_published_document_of_the_demo(demo):
    exists = _existing()
    unknown = []
    for judgement in judged.load(VISITORS):
        for result in judgement.grades():
            kind, _, slug = result.partition(":")
            if not exists[kind](slug, judgement.locale):
                unknown.append((judgement.locale, judgement.text, result))
    assert unknown == []


def test_visitor_queries_are_scored_by_class_and_language(demo, relevance_report):
    report = _report()
    lines = score_lines(report)
    relevance_report.extend(lines)
    print("\n".join(lines))
    assert len(report.outcomes) == len(judged.load(VISITORS))


def test_visitor_queries_reach_the_goal_of_issue_20(demo):
    report = _report()
    assert report.mrr >= GOAL_MRR, "\n".join(score_lines(report))
    assert _zero(report.outcomes) <= GOAL_MOST_ZERO_RESULT_QUERIES, "\n".join(score_lines(report))
