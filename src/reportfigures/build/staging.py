"""The edition folder on disk: one build of a year at a time, a staging folder, an atomic
swap that leaves the old or the new edition (never neither), files a web server can read.

A build takes the year's lock (outputs/.<year>.lock); a second build of the same year waits
and says who holds it. Holding the lock, a build may clean what a killed build left behind:
staging folders of that year, and an old edition moved aside by a swap that was cut short
(it is moved back when no edition replaced it). The swap exchanges the two folders in one
system call where Linux offers it (renameat2 RENAME_EXCHANGE), else in two renames whose
gap the next build repairs.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import json
import os
import shutil
import socket
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from ..errors import ReportError
from ..files import readable

LOCK_WAIT = 1800.0  # seconds a second build waits for the first


class BuildLockError(ReportError):
    """Another build of the same year holds the lock for longer than we wait."""

    exit_code = 1


class WriteError(ReportError):
    """The edition cannot be written (read-only folder, full disk): nothing was changed."""


@contextlib.contextmanager
def year_lock(outputs: Path, year: int, *, log=print, wait: float = LOCK_WAIT):
    """Hold outputs/.<year>.lock for the length of a build."""
    import fcntl
    outputs = Path(outputs)
    outputs.mkdir(parents=True, exist_ok=True)
    path = outputs / f".{year}.lock"
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log(f"  waiting: {holder(path)}")
            deadline = time.monotonic() + wait
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise BuildLockError(f"another build of {year} still runs ({holder(path)})", path) from None
                    time.sleep(0.2)
        os.ftruncate(fd, 0)
        os.write(fd, json.dumps({"pid": os.getpid(), "host": socket.gethostname(),
                                 "since": datetime.now(timezone.utc).replace(microsecond=0).isoformat()}).encode())
        yield path
    finally:
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        os.close(fd)  # closing releases the lock


def holder(path: Path) -> str:
    """Who holds a year's lock, as the lock file says."""
    try:
        info = json.loads(Path(path).read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        info = {}
    if not info:
        return "a build of this year holds the lock"
    return f"build by pid {info.get('pid')} on {info.get('host')} since {info.get('since')}"


def clean_leftovers(outputs: Path, year: int, log=print) -> None:
    """What a killed build left behind (call it holding the year's lock)."""
    outputs = Path(outputs)
    for stale in outputs.glob(f".{year}.staging.*"):
        shutil.rmtree(stale, ignore_errors=True)
        log(f"  removed {stale.name}, left by an interrupted build")
    old, final = outputs / f".{year}.old", outputs / str(year)
    if old.exists():
        if final.exists():
            shutil.rmtree(old, ignore_errors=True)
        else:
            old.rename(final)  # a swap cut short between its two renames: the old edition comes back
            log(f"  restored outputs/{year} from an interrupted swap")


def new_staging(outputs: Path, year: int) -> Path:
    return Path(tempfile.mkdtemp(prefix=f".{year}.staging.", dir=outputs))


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one system call (Linux renameat2); False where it is not offered."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    res = fn(_AT_FDCWD, os.fsencode(str(a)), _AT_FDCWD, os.fsencode(str(b)), _RENAME_EXCHANGE)
    if res == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL):
        return False
    raise OSError(err, os.strerror(err), str(b))


def publish(staging: Path, final: Path) -> None:
    """Make the staged edition the edition, readable, in one step where possible."""
    readable(staging)
    if final.exists() and _exchange(staging, final):
        shutil.rmtree(staging, ignore_errors=True)  # it holds the old edition now
        return
    old = None
    if final.exists():
        old = final.with_name(f".{final.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        final.rename(old)
    try:
        staging.rename(final)
    except BaseException:
        if old is not None:
            old.rename(final)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def write_error(e: OSError, what: str) -> WriteError:
    """One line for an OSError while writing an edition, with what to do about it."""
    hint = {errno.ENOSPC: "free some space", errno.EACCES: "make it writable", errno.EROFS: "it is read-only",
            errno.EDQUOT: "the disk quota is full"}.get(e.errno, "check the folder")
    return WriteError(f"cannot write {what} ({e.strerror}): {hint}; the last edition is unchanged",
                      e.filename or what)
