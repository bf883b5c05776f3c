"""How fast hostile queries are refused, through the full Django stack.

Prints the median time to reject a query nested 30 levels deep and one with 500
aliases, next to the time of a trivial query `{ __typename }` measured in the same run
(the goal for the rejections is well under 100 ms).

    .venv/bin/python bench/graphql_limits.py
"""

import json
import statistics
import time

import setup_django


def nested(depth: int) -> str:
    query = "id"
    for _ in range(depth):
        query = f"children {{ {query} }}"
    return f"{{ pages {{ {query} }} }}"


def main() -> None:
    setup_django.start()
    from django.test import Client

    from museum_site.graphql import view

    client = Client()
    queries = {
        "trivial { __typename }": "{ __typename }",
        "nested 30 levels": nested(30),
        "500 aliases": "{ "
        + " ".join(f"a{i}: stories {{ totalCount }}" for i in range(500))
        + " }",
    }
    print("median of 50 requests each, memoised parse/validation cleared before every request:")
    baseline = None
    for name, query in queries.items():
        body = json.dumps({"query": query})
        timings = []
        for _ in range(50):
            view._parse.cache_clear()
            view._validate.cache_clear()
            view._refused_unparsed.cache_clear()
            started = time.perf_counter()
            response = client.post("/graphql/", body, content_type="application/json")
            timings.append(time.perf_counter() - started)
        answer = json.loads(response.content)
        median = statistics.median(timings) * 1000
        baseline = baseline or median
        outcome = (
            answer["errors"][0]["extensions"].get("code") if "errors" in answer else "answered"
        )
        print(f"  {name:24s} {median:7.2f} ms  ({median / baseline:5.1f} x trivial)  -> {outcome}")


if __name__ == "__main__":
    main()
