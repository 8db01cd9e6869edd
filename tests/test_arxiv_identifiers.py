"""arXiv ids as written in the registry: valid, canonical, and the year they imply."""

from __future__ import annotations

from datetime import date

import pytest
from anthology.arxiv.identifiers import parse
from anthology.arxiv.metadata import id_years

TODAY = date(2026, 11, 30)


@pytest.mark.parametrize(("written", "base", "version", "year"), [
    ("1711.05101", "1711.05101", None, 2017),
    ("0704.0001", "0704.0001", None, 2007),
    ("1412.6980v9", "1412.6980", 9, 2014),
    ("1501.00001", "1501.00001", None, 2015),
    ("2611.12345", "2611.12345", None, 2026),
    ("hep-th/9901001", "hep-th/9901001", None, 1999),
    ("math/0309136v2", "math/0309136", 2, 2003),
    ("cs/0703001", "cs/0703001", None, 2007),
    ("solv-int/9101001", "solv-int/9101001", None, 1991),
])
def test_valid_canonical_ids(written: str, base: str, version: int | None, year: int) -> None:
    parsed = parse(written, TODAY)
    assert parsed.id is not None and parsed.problem is None
    assert (parsed.id.base, parsed.id.version, parsed.id.year) == (base, version, year)
    assert parsed.is_canonical


@pytest.mark.parametrize(("written", "canonical"), [
    ("arXiv:1711.05101", "1711.05101"),
    ("arxiv: 1711.05101", "1711.05101"),
    ("https://arxiv.org/abs/1711.05101", "1711.05101"),
    ("http://arxiv.org/pdf/1711.05101v2.pdf", "1711.05101v2"),
    ("https://export.arxiv.org/abs/hep-th/9901001", "hep-th/9901001"),
    ("1711.05101V2", "1711.05101v2"),
    (" 1711.05101 ", "1711.05101"),
    ("math.GT/0309136", "math/0309136"),
    ("HEP-TH/9901001", "hep-th/9901001"),
])
def test_decorated_ids_are_valid_but_not_canonical(written: str, canonical: str) -> None:
    parsed = parse(written, TODAY)
    assert parsed.id is not None and parsed.id.canonical == canonical
    assert not parsed.is_canonical


@pytest.mark.parametrize(("written", "why"), [
    ("1713.05101", "month 13"),
    ("1700.05101", "month 00"),
    ("0703.0001", "begin at 0704"),
    ("2612.00001", "not happened yet"),
    ("1412.00001", "4 digits"),
    ("1501.0001", "5 digits"),
    ("1711.00000", "number zero"),
    ("1711.05101v0", "versions are v1"),
    ("1711.5101", "5 digits"),
    ("hep_th/9901001", "not an arXiv id"),
    ("foo-ph/9901001", "not an arXiv archive"),
    ("hep-th/0704001", "run from 1991 to 2007-03"),
    ("hep-th/9913001", "month 13"),
    ("hep-th/990100", "not an arXiv id"),
    ("", "not an arXiv id"),
    ("10.48550/arXiv.1711.05101", "not an arXiv id"),
])
def test_invalid_ids_say_why(written: str, why: str) -> None:
    parsed = parse(written, TODAY)
    assert parsed.id is None and parsed.problem is not None
    assert why in parsed.problem


def test_id_years_allow_december_before_a_january_id() -> None:
    january = parse("2101.00007", TODAY).id
    june = parse("2006.00007", TODAY).id
    assert january is not None and june is not None
    assert id_years(january) == {2021, 2020}
    assert id_years(june) == {2020}
    assert id_years(january, published_year=2021) == {2021}
    assert id_years(june, published_year=2019) == {2020, 2019}
