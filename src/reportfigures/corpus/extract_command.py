"""`reportfigures extract`: the command line of the extractor, without click.

The command a reader runs on a folder of reports starts in ~10 ms less than the rest of
the `reportfigures` commands, because argparse is imported in 1 ms and click in ~11 ms
(bench/extract_bench.py, section 5). The click group in cli.py hands its `extract`
arguments here unchanged, so the options are defined once.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import ReportError

HELP = """\
Print every number mention of a text file, one row each.

Several files, or a folder (every *.txt in it, in name order), give one table whose
first column `document` names the report; the reports are extracted on `--jobs`
processes and written in the order given. A report that cannot be read stops the table
there (exit 2). One file gives the table without the `document` column.

Example:

    reportfigures extract data/raw/2024/report.txt --format json
    reportfigures extract ../shared/corpus/gov-work-reports-2026/ > corpus-numbers.csv
    reportfigures extract a.txt b.txt c.txt --jobs 2
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, as every other error of the command
        self.exit(2, f"error: {self.prog}: {message}\n")


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of processes >= 1")
    return n


def parser() -> argparse.ArgumentParser:
    p = _Parser(prog="reportfigures extract", description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="+", metavar="PATH", help="report text files, or folders of them")
    p.add_argument("--format", dest="fmt", choices=["csv", "json"], default="csv", help="default: csv")
    p.add_argument("--jobs", type=_jobs, default=2, help="processes extracting reports at once (default: 2)")
    return p


def main(argv: list[str]) -> int:
    """Parse, extract, print; a report that cannot be read is one line on stderr and exit 2."""
    try:
        args = parser().parse_args(argv)
    except SystemExit as e:  # --help (0) or a usage error (2), already printed
        return e.code if isinstance(e.code, int) else 2
    from .numbers import documents, table  # the extractor itself: imported where it runs (numbers.py)

    write = sys.stdout.write
    try:
        # written in pieces: an output as large as the input is never held twice in memory
        if len(args.paths) == 1 and not Path(args.paths[0]).is_dir():
            from ..extract.extraction import extract
            from ..extract.mention import mention_table
            from ..source.read import report_text

            pieces = mention_table(extract(report_text(args.paths[0])), args.fmt)
        else:
            pieces = table(documents(args.paths), args.fmt, args.jobs, raw=True)
        for piece in pieces:
            if isinstance(piece, bytes):  # a child's rows, already UTF-8
                sys.stdout.flush()
                sys.stdout.buffer.write(piece)
            else:
                write(piece)
    except ReportError as e:
        sys.stdout.flush()
        print(f"error: {e}", file=sys.stderr)
        return e.exit_code
    return 0
