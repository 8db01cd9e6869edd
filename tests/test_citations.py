"""Papers off arXiv: DOIs, ISBNs, authors, paper-level topics, any era and any script."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from anthology.cli import main
from anthology.locators import isbn_check_digit, parse_doi, parse_isbn
from anthology.naming import names_surname, surname_letters
from papers import RunCheck, WriteRegistry

BOOK = """\
id: Goodfellow001
title: Deep Learning
first_author: Goodfellow
authors: [Ian Goodfellow, Yoshua Bengio, Aaron Courville]
year: 2016
isbn: "9780262035613"
topics: [training-optimization]
"""
ALEXNET = """\
id: Krizhevsky001
title: ImageNet Classification with Deep Convolutional Neural Networks
first_author: Krizhevsky
year: 2012
doi: "10.1145/3065386"
topics: [model-stability]
"""
READING_LIST = 'recommendations = "optional"\nmin_year = 1800\n'


def reading_list(registry: WriteRegistry, **papers: str) -> Path:
    root = registry(**papers)
    (root / "anthology.toml").write_text(READING_LIST)
    return root


def found(out: str) -> list[tuple[str, int, int, str]]:
    """(file name, line, column, code) of each finding but the skipped base-revision note."""
    return [(path.rsplit("/", 1)[-1], int(line), int(col), code) for path, line, col, code
            in re.findall(r"^(\S+?):(\d+):(\d+): \w+\[(\w+)\]", out, re.MULTILINE)
            if code != "ID013"]


@pytest.mark.parametrize(("written", "canonical"), [
    ("10.1145/3065386", "10.1145/3065386"),
    ("https://doi.org/10.1145/3065386", "10.1145/3065386"),
    ("http://dx.doi.org/10.1002/%28SICI%291097", "10.1002/(SICI)1097"),
    ("doi:10.2307/2369148", "10.2307/2369148"),
    ("DOI: 10.2307/2369148", "10.2307/2369148"),
    ("10.11/abc", None), ("11.1145/3065386", None), ("10.1145/", None), ("10.1145/a b", None),
])
def test_dois(written: str, canonical: str | None) -> None:
    assert parse_doi(written).canonical == canonical


@pytest.mark.parametrize(("written", "canonical", "offset"), [
    ("9780262035613", "9780262035613", 0), ("978-0-262-03561-3", "9780262035613", 0),
    ("ISBN 978-0-387-31073-2", "9780387310732", 0), ("0470991240", "0470991240", 0),
    ("000000006x", "000000006X", 0),
    ("9780262035614", None, 12), ("978-0-262-03561-4", None, 16), ("978026203561", None, 11),
    ("97802620356a3", None, 11), ("1234567890123", None, 0),
])
def test_isbns(written: str, canonical: str | None, offset: int) -> None:
    parsed = parse_isbn(written)
    assert (parsed.canonical, parsed.offset) == (canonical, offset)


def test_check_digits() -> None:
    assert isbn_check_digit("978026203561") == "3"
    assert isbn_check_digit("047099124") == "0"
    assert isbn_check_digit("000000006") == "X"


@pytest.mark.parametrize(("surname", "letters"), [
    ("Тихонов", "Tikhonov"), ("van der Maaten", "vanderMaaten"), ("张", "Zhang"),
    ("Müller", "Muller"), ("Łojasiewicz", "Lojasiewicz"), ("Ørsted", "Orsted"),
])
def test_surnames_in_any_script(surname: str, letters: str) -> None:
    assert surname_letters(surname) == letters


@pytest.mark.parametrize(("name", "surname", "same"), [
    ("Laurens van der Maaten", "van der Maaten", True),
    ("van der Maaten, Laurens", "van der Maaten", True),
    ("Андрей Николаевич Тихонов", "Тихонов", True), ("Andrey Tikhonov", "Тихонов", True),
    ("张祥雨", "张", True), ("Zhang Xiangyu", "Zhang", True),
    ("Martin Luther King Jr.", "King", True), ("Geoffrey Hinton", "Krizhevsky", False),
])
def test_first_of_the_authors(name: str, surname: str, same: bool) -> None:
    assert names_surname(name, surname) is same


def test_a_reading_list_of_books_and_dois_is_clean(registry: WriteRegistry, run_check: RunCheck,
                                                    git_repo: Callable[[Path], None]) -> None:
    git_repo(reading_list(registry, **{"Goodfellow001.yaml": BOOK,
                                       "Krizhevsky001.yaml": ALEXNET}))
    assert run_check() == (0, "")


@pytest.mark.parametrize(("paper", "old", "new", "expected"), [
    (BOOK, '"9780262035613"', '"9780262035614"', (6, 20, "CITE004")),
    (BOOK, '"9780262035613"', '"978-0-262-03561-4"', (6, 24, "CITE004")),
    (BOOK, '"9780262035613"', '"978026203561"', (6, 19, "CITE003")),
    (BOOK, '"9780262035613"', '"978-0-262-03561-3"', (6, 7, "CITE005")),
    (BOOK, "[Ian Goodfellow,", "[Yoshua Bengio, Ian Goodfellow,", (4, 11, "CITE007")),
    (BOOK, "topics: [training-optimization]", "topics: [deep-learning]", (7, 10, "ID010")),
    (BOOK, "topics: [training-optimization]", "topics: [optimization]", (7, 10, "ID011")),
    (BOOK, "topics: [training-optimization]", "topics: []", (7, 9, "SCHEMA005")),
    (BOOK, 'isbn: "9780262035613"\n', "", (1, 1, "SCHEMA001")),
    (BOOK, "topics: [training-optimization]\n", "", (1, 1, "SCHEMA001")),
    (ALEXNET, '"10.1145/3065386"', '"10.11/3065386"', (5, 10, "CITE001")),
    (ALEXNET, '"10.1145/3065386"', "https://doi.org/10.1145/3065386", (5, 6, "CITE002")),
    (ALEXNET, "year: 2012", "year: 1700", (4, 7, "SCHEMA005")),
])
def test_each_citation_rule(registry: WriteRegistry, run_check: RunCheck, paper: str, old: str,
                            new: str, expected: tuple[int, int, str]) -> None:
    assert old in paper
    name = "Goodfellow001.yaml" if paper is BOOK else "Krizhevsky001.yaml"
    reading_list(registry, **{name: paper.replace(old, new)})
    status, out = run_check()
    assert status == 1
    assert [c[1:] for c in found(out)] == [expected], out


def test_a_shared_doi_is_reported_on_both_papers(registry: WriteRegistry,
                                                 run_check: RunCheck) -> None:
    again = ALEXNET.replace("Krizhevsky001", "Krizhevsky002")
    reading_list(registry, **{"Krizhevsky001.yaml": ALEXNET, "Krizhevsky002.yaml": again})
    status, out = run_check("--only", "citations")
    assert status == 1
    assert found(out) == [("Krizhevsky001.yaml", 5, 6, "CITE006"),
                          ("Krizhevsky002.yaml", 5, 6, "CITE006")], out


def test_this_repository_still_requires_recommendations(registry: WriteRegistry,
                                                        run_check: RunCheck) -> None:
    registry(**{"Goodfellow001.yaml": BOOK})
    status, out = run_check("--only", "schema")
    assert status == 1
    assert "missing required key 'recommendations'" in out


def test_an_old_paper_names_the_config_key(registry: WriteRegistry, run_check: RunCheck) -> None:
    registry(**{"Krizhevsky001.yaml": ALEXNET.replace("2012", "1881")})
    status, out = run_check("--only", "schema")
    assert status == 1
    assert "'year' must be at least 1900" in out and "min_year" in out


def test_fix_writes_dois_and_isbns_canonically_keeping_comments(
        registry: WriteRegistry, capsys: pytest.CaptureFixture[str]) -> None:
    root = reading_list(registry, **{
        "Goodfellow001.yaml": BOOK.replace('"9780262035613"', "978-0-262-03561-3  # MIT Press"),
        "Krizhevsky001.yaml": ALEXNET.replace('"10.1145/3065386"',
                                              "https://doi.org/10.1145/3065386  # CACM")})
    assert main(["fix", "-v"]) == 1
    out = capsys.readouterr().out
    assert "Goodfellow001.yaml:6:7: note[FIX012] ISBN 978-0-262-03561-3 written as" in out
    papers = root / "registry" / "papers"
    assert re.search(r'\nisbn: "9780262035613" +# MIT Press\n',
                     (papers / "Goodfellow001.yaml").read_text())
    assert re.search(r'\ndoi: "10.1145/3065386" +# CACM\n',
                     (papers / "Krizhevsky001.yaml").read_text())
    assert main(["check", "--offline"]) == 0
