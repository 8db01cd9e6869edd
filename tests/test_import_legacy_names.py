"""The surname rule the importer uses for the old format's full names."""

from __future__ import annotations

import pytest
from anthology.legacy.names import surname


@pytest.mark.parametrize(("name", "expected"), [
    ("Ilya Loshchilov", "Loshchilov"),
    ("Loshchilov", "Loshchilov"),
    ("Loshchilov, Ilya", "Loshchilov"),
    ("Peter H. N. de With", "de With"),
    ("Jan van der Berg", "van der Berg"),
    ("Christopher De Sa", "Sa"),  # a capitalised particle may be a given name: not kept
    ("Van Nguyen", "Nguyen"),
    ("Ashish Vaswani et al.", "Vaswani"),
    ("Martin Luther King Jr.", "King"),
    ("  Diederik P.  Kingma ", "Kingma"),
])
def test_surname(name: str, expected: str) -> None:
    assert surname(name) == expected


@pytest.mark.parametrize(("name", "letters", "expected"), [
    ("Christopher De Sa", "DeSa", "De Sa"),
    ("Peter H. N. de With", "With", "With"),
    ("Ilya Loshchilov", "Ilyich", "Loshchilov"),  # no reading fits: the rule's choice
])
def test_an_existing_paper_id_decides_between_readings(name: str, letters: str,
                                                       expected: str) -> None:
    assert surname(name, letters) == expected
