"""Reports shared with a forked child (corpus/forked.py): every result once, in order, and a
report that fails stops the table where it stands, whichever process had it."""

from contextlib import nullcontext

import pytest

from reportfigures.corpus import forked
from reportfigures.errors import InputError


def _one(i: int, bad: int) -> tuple[str, int]:
    if i == bad:
        raise InputError("cannot be read", f"report-{i}.txt")
    return f"rows of {i}\n", i


def test_shares_are_contiguous_runs_of_about_equal_size():
    sizes = [5, 1, 1, 1, 1, 1, 5, 3, 2]
    parts = forked.shares(sizes, 2)
    assert [i for p in parts for i in p] == list(range(len(sizes)))
    assert len(parts) == 2 and abs(sum(sizes[i] for i in parts[0]) - sum(sizes[i] for i in parts[1])) <= 5
    assert forked.shares([3], 2) == [[0]]
    assert forked.shares([], 2) == []


@pytest.mark.skipif(not forked.usable(), reason="forks only on Linux with one thread")
@pytest.mark.parametrize("bad", [None, 1, 7])  # none, in this process's share, in the child's
def test_results_come_in_order_and_an_error_where_it_stands(bad):
    args = [(i, bad) for i in range(9)]
    got = []
    with pytest.raises(InputError, match=f"report-{bad}.txt") if bad is not None else nullcontext():
        for text, n in forked.run(_one, args, [1] * 9, 2):
            got.append((text, n))
    stop = 9 if bad is None else bad
    assert got == [_one(i, None) for i in range(stop)]

