"""Comparing recorded titles and first authors with arXiv's, and parsing its Atom feed."""

from __future__ import annotations

import pytest
from anthology.arxiv.feed import FeedError, parse_feed
from anthology.arxiv.metadata import authors_match, normalise_title, surname, titles_match


def test_normalised_titles_ignore_case_wrapping_latex_and_punctuation() -> None:
    assert normalise_title("Adam:  A Method\n   for Stochastic Optimization.") == (
        "adam a method for stochastic optimization")
    assert normalise_title("the $\\omega$-limit of a $k$-space") == "the omega limit of a k space"
    assert normalise_title("ＡＤＡＭ") == "adam"  # NFKC folds full-width letters


@pytest.mark.parametrize(("recorded", "published"), [
    ("Attention is all you need", "Attention Is All You Need"),
    ("Adam: a method for stochastic optimisation", "Adam: A Method for Stochastic Optimization"),
    ("Adam", "Adam: A Method for Stochastic Optimization"),
    ("The ω-limit of a k-space, with LaTeX", "The $\\omega$-limit of a $k$-space, with LaTeX"),
    ("A long heading that the API breaks over several lines",
     "A long heading that the API\n  breaks over\n  several lines"),
])
def test_similar_titles_match(recorded: str, published: str) -> None:
    assert titles_match(recorded, published)


@pytest.mark.parametrize(("recorded", "published"), [
    ("Attention Is All You Want", "Attention Is All You Need"),
    ("Decoupled Weight Decay Regularization", "Attention Is All You Need"),
    ("Synthetic paper, first title of version one",
     "Synthetic paper, revised title of version two"),
    ("", "Attention Is All You Need"),
])
def test_different_titles_do_not_match(recorded: str, published: str) -> None:
    assert not titles_match(recorded, published)


@pytest.mark.parametrize(("recorded", "first_author"), [
    ("Vaswani", "Ashish Vaswani"),
    ("Ashish Vaswani", "Ashish Vaswani"),
    ("Kingma", "Diederik P. Kingma"),
    ("Muller-Nunez", "José Müller-Ñúñez"),
    ("Müller-Ñúñez", "José Müller-Ñúñez"),
    ("MullerNunez", "José Müller-Ñúñez"),
    ("de With", "Peter H. N. de With"),
    ("With", "Peter H. N. de With"),
    ("ATLAS Collaboration", "ATLAS Collaboration"),
    ("ATLAS", "ATLAS Collaboration"),
    ("Smith", "John Smith Jr."),
    ("Vaswani", "Vaswani, Ashish"),
])
def test_surnames_match_with_accents_folded(recorded: str, first_author: str) -> None:
    assert authors_match(recorded, first_author)


@pytest.mark.parametrize(("recorded", "first_author"), [
    ("Shazeer", "Ashish Vaswani"),
    ("Loshchilov", "Frank Hutter"),
    ("", "Frank Hutter"),
])
def test_other_authors_do_not_match(recorded: str, first_author: str) -> None:
    assert not authors_match(recorded, first_author)


@pytest.mark.parametrize(("name", "expected"), [
    ("Ilya Loshchilov", "Loshchilov"),
    ("Diederik P. Kingma", "Kingma"),
    ("Peter H. N. de With", "de With"),
    ("Ludwig van Beethoven", "van Beethoven"),
    ("José Müller-Ñúñez", "Müller-Ñúñez"),
    ("ATLAS Collaboration", "ATLAS Collaboration"),
    ("John Smith Jr.", "Smith"),
    ("Vaswani, Ashish", "Vaswani"),
    ("Plato", "Plato"),
])
def test_surname_to_record(name: str, expected: str) -> None:
    assert surname(name) == expected


FEED = b"""<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <entry>
    <id>http://arxiv.org/abs/hep-th/9901001v2</id>
    <published>1999-01-04T09:00:00Z</published>
    <updated>1999-02-04T09:00:00Z</updated>
    <title>Strings
  on a line</title>
    <author><name>Frank  Example</name></author>
    <author><name>Grace Example</name></author>
    <arxiv:comment xmlns:arxiv="http://arxiv.org/schemas/atom">withdrawn</arxiv:comment>
  </entry>
  <entry>
    <id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id>
    <title>Error</title>
  </entry>
</feed>"""


def test_feed_entries_and_errors() -> None:
    feed = parse_feed(FEED)
    (entry,) = feed.entries
    assert (entry.base, entry.version, entry.published_year) == ("hep-th/9901001", 2, 1999)
    assert entry.title == "Strings\n  on a line"
    assert entry.authors == ("Frank Example", "Grace Example")
    assert entry.comment == "withdrawn" and entry.doi is None
    assert feed.malformed_ids == ["1234"]


@pytest.mark.parametrize("body", [
    b"<!DOCTYPE html><html><body>maintenance</body></html>",
    FEED[: len(FEED) // 2],
    b"",
    b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><x>&b;</x>',
    b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
])
def test_anything_but_an_atom_feed_is_a_feed_error(body: bytes) -> None:
    with pytest.raises(FeedError):
        parse_feed(body)
