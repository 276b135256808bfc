"""Reports shared between this process and forked children: no pool, no idle parent.

For the command line (Linux, one thread) a process pool costs its imports and leaves the
parent idle while its workers extract. Here the reports are cut into contiguous shares of
about equal size; each child (forked before the extractor is imported: it imports while
the parent does) writes its share's results into an anonymous
in-memory file while the parent does the first share itself, streaming it, then copies
the children's results in order. A child stops at a report it cannot do; the parent then
does that report itself, so an error (one line naming the file) is raised by the parent
at the same place of the table as without children.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator

Result = tuple[str, int]  # a report's rows as text (bytes from a child when `raw`), and how many


def usable() -> bool:
    """Forking is safe and cheap: Linux (memfd) and no other thread that could hold a lock."""
    import threading

    return sys.platform == "linux" and hasattr(os, "memfd_create") and threading.active_count() == 1


def shares(sizes: list[int], n: int) -> list[list[int]]:
    """Up to n contiguous runs of indices of about the same total size, in order: each
    index goes to the share its middle falls in."""
    total, acc = sum(sizes) or 1, 0
    out: list[list[int]] = [[] for _ in range(n)]
    for i, size in enumerate(sizes):
        out[min(n - 1, (2 * acc + size) * n // (2 * total))].append(i)
        acc += size
    return [part for part in out if part]


def run(fn: Callable[..., Result], args: list[tuple], sizes: list[int], n: int, raw: bool = False) -> Iterator[Result]:
    """fn over args, results in the order of args, on n processes (this one included); with
    `raw`, a child's texts come as the UTF-8 bytes it wrote (a command copies them to its
    output as they are: no decoding and encoding again, ~5 ms of a year's reports)."""
    parts = shares(sizes, n)
    children = [(part, *_fork(fn, [args[i] for i in part])) for part in parts[1:]]
    try:
        for i in parts[0] if parts else ():
            yield fn(*args[i])
        for part, pid, fd in children:
            os.waitpid(pid, 0)
            done = _results(fd, raw)
            yield from done
            for i in part[len(done):]:  # where the child stopped: raises here, or goes on
                yield fn(*args[i])
    finally:
        for _part, pid, fd in children:
            _end(pid)
            os.close(fd)


def _fork(fn: Callable[..., Result], args: list[tuple]) -> tuple[int, int]:
    fd = os.memfd_create("reportfigures-rows")
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid:
        return pid, fd
    try:  # the child: results until the first failure, then out without running the parent's code
        with os.fdopen(os.dup(fd), "wb") as out:
            for a in args:
                text, rows = fn(*a)
                data = text.encode("utf-8")
                out.write(b"%d %d\n" % (len(data), rows))
                out.write(data)
    finally:
        os._exit(0)


def _results(fd: int, raw: bool = False) -> list[Result]:
    """The results a child wrote: a header line (bytes, rows) before each text."""
    size = os.fstat(fd).st_size
    data = os.pread(fd, size, 0) if size else b""
    out, pos = [], 0
    while pos < len(data):
        nl = data.index(b"\n", pos)
        length, rows = map(int, data[pos:nl].split())
        if nl + 1 + length > len(data):
            break  # cut short
        chunk = data[nl + 1:nl + 1 + length]
        out.append((chunk if raw else chunk.decode("utf-8"), rows))
        pos = nl + 1 + length
    return out


def _end(pid: int) -> None:
    """Stop a child that is still working (the table stopped early) and reap it."""
    import signal

    try:
        if os.waitpid(pid, os.WNOHANG) == (0, 0):
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    except ChildProcessError:
        pass  # reaped already
