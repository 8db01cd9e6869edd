"""The on-disk memo: a large memo is not rewritten for a handful of new entries; values
kept in files of the cache folder are made once."""

from __future__ import annotations

from pathlib import Path

import pytest
from anthology.cache import SMALL, Memo, kept
from papers import LOSHCHILOV
from ruamel.yaml import YAML


def memo_with(file: Path, entries: int) -> None:
    memo = Memo(file)
    for i in range(entries):
        memo.put(f"load:{i}", i)
    memo.save()


def test_one_new_entry_in_a_large_memo_is_not_worth_a_rewrite(tmp_path: Path) -> None:
    file = tmp_path / "memo.marshal"
    memo_with(file, 4 * SMALL)
    before = file.read_bytes()
    memo = Memo(file)
    for i in range(4 * SMALL):
        assert memo.get(f"load:{i}") == i
    memo.put("load:edited", -1)  # the one file edited since the last run
    memo.save()
    assert file.read_bytes() == before
    assert Memo(file).get("load:edited") is None  # the next run redoes that file, and only it

    memo = Memo(file)
    for i in range(4 * SMALL):
        memo.get(f"load:{i}")
    for i in range(10):
        memo.put(f"load:new{i}", i)
    memo.save()
    assert Memo(file).get("load:new9") == 9


def test_a_small_memo_is_saved_for_any_new_entry(tmp_path: Path) -> None:
    file = tmp_path / "memo.marshal"
    memo_with(file, 10)
    memo = Memo(file)
    memo.put("load:edited", -1)
    memo.save()
    assert Memo(file).get("load:edited") == -1


def test_a_kept_value_is_made_once_and_remade_when_its_file_is_damaged(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANTHOLOGY_CACHE_DIR", str(tmp_path))
    made: list[int] = []

    def make() -> tuple[str, int]:
        made.append(1)
        return ("value", len(made))

    assert kept("thing.marshal", make) == ("value", 1)
    assert kept("thing.marshal", make) == ("value", 1)  # read back, not made again
    (tmp_path / "thing.marshal").write_bytes(b"\x00garbage")
    assert kept("thing.marshal", make) == ("value", 2)
    monkeypatch.setenv("ANTHOLOGY_NO_CACHE", "1")
    assert kept("thing.marshal", make) == ("value", 3)


def test_the_schema_validator_is_compiled_once_per_schema(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import fastjsonschema
    from anthology.checks import schema

    monkeypatch.setenv("ANTHOLOGY_CACHE_DIR", str(tmp_path))
    calls: list[object] = []
    generate = fastjsonschema.compile_to_code
    monkeypatch.setattr(fastjsonschema, "compile_to_code",
                        lambda *a, **k: calls.append(a) or generate(*a, **k))
    paper = YAML(typ="safe").load(LOSHCHILOV)
    for _ in range(2):
        schema.quick_validator.cache_clear()
        is_valid = schema.quick_validator("paper")
        assert is_valid(paper)
        assert not is_valid({**paper, "year": 2017.0})  # still no float for an integer
    assert len(calls) == 1
    assert len(list(tmp_path.glob("validator-*.marshal"))) == 1


def test_a_memo_of_another_release_is_not_read(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from anthology import cache

    file = tmp_path / "memo.marshal"
    memo_with(file, 10)
    assert Memo(file).get("load:3") == 3
    monkeypatch.setattr(cache, "STAMP", "3:9.9.9")  # the next release reads this memo
    assert Memo(file).get("load:3") is None


def test_a_run_keeps_the_entries_of_kinds_it_did_not_use(tmp_path: Path) -> None:
    """Split hooks: the ids hook reads parsed files only, and must not drop the schema
    hook's findings (nor its stale parsed files stay forever)."""
    file = tmp_path / "memo.marshal"
    memo = Memo(file)
    for i in range(10):
        memo.put(f"load:{i}", i)
        memo.put(f"schema:{i}", [])
    memo.save()
    ids_hook = Memo(file)
    for i in range(1, 10):  # file 0 was edited: its old parse is not asked for
        assert ids_hook.get(f"load:{i}") == i
    ids_hook.put("load:edited", -1)
    ids_hook.save()
    after = Memo(file)
    assert after.get("schema:0") == [] and after.get("schema:9") == []
    assert after.get("load:0") is None and after.get("load:edited") == -1
