"""The compiled fast path and jsonschema accept exactly the same paper files."""

from __future__ import annotations

from typing import Any

from anthology.checks.schema import quick_validator, validator
from hypothesis import given, settings
from hypothesis import strategies as st

scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 3000), st.floats(allow_nan=False),
                    st.sampled_from(["", "x", "2017", "1711.05101", "2023-06-01", "standard",
                                     "deprecated", "https://a.b/c", "not a url", "MLR-1", "n" * 61]))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(["date", "reason", "x"]), inner,
                                                 max_size=3)), max_leaves=6)
RECOMMENDATION_KEYS = ["id", "name", "text", "topic", "subtopic", "applies_to", "status",
                       "implementations", "evidence",
                       "superseded_by", "deprecated", "typo"]
recommendation = st.dictionaries(st.sampled_from(RECOMMENDATION_KEYS), values, max_size=8)
PAPER_KEYS = ["id", "title", "first_author", "year", "arxiv", "url", "key_takeaways", "notes",
              "typo"]
paper = st.builds(
    lambda fields, recs: {**fields, **({"recommendations": recs} if recs is not None else {})},
    st.dictionaries(st.sampled_from(PAPER_KEYS), values, max_size=9),
    st.one_of(st.none(), st.lists(recommendation, max_size=3), values))
VALID = {"title": "T", "first_author": "A", "year": 2017, "arxiv": "1711.05101",
         "recommendations": [{"text": "t", "topic": "x", "status": "standard"}]}


@settings(max_examples=400, deadline=None)
@given(paper)
def test_fast_path_agrees_with_jsonschema(instance: dict[str, Any]) -> None:
    assert quick_validator("paper")(instance) == validator("paper").is_valid(instance)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(sorted(VALID)), values)
def test_agreement_near_a_valid_paper(key: str, value: Any) -> None:
    instance = {**VALID, key: value}
    assert quick_validator("paper")(instance) == validator("paper").is_valid(instance)


def test_agreement_on_numeric_edge_cases() -> None:
    for year in (2017, 2017.0, 2017.5, True, 1e3, "2017"):
        instance = {**VALID, "year": year}
        assert quick_validator("paper")(instance) == validator("paper").is_valid(instance), year
