"""The on-disk memo: a large memo is not rewritten for a handful of new entries."""

from __future__ import annotations

from pathlib import Path

from anthology.cache import SMALL, Memo


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
