"""The `reportfigures` command's entry point: `extract` without click, the rest through cli.py.

`reportfigures extract` is the command run over a folder of reports, as often as a reader
likes; importing click would add ~11 ms to each run (a twentieth of the 29 reports of a
year), so it goes straight to corpus/extract_command.py. Every other command, and
`reportfigures extract` behind `--root` or called in-process as cli.main, goes through the
click group, which hands `extract` the same way.
"""

from __future__ import annotations

import gc
import sys


def run() -> None:
    """Run the command, then exit without the interpreter's last garbage collection over
    everything a build imported (0.4 s of every command's exit, to free memory the
    operating system frees anyway)."""
    argv = sys.argv[1:]
    if argv[:1] == ["extract"]:
        from .corpus.extract_command import main

        code = main(argv[1:])
    else:
        from .cli import main

        code = main(argv)
    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
