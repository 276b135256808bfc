"""The anchor: Microsoft Recognizers-Text, Chinese number + percentage models.

`recognize(text)` returns `(start, end, surface, value)` tuples with Python half-open
offsets into `text`, so they compare directly with our `Mention.start/.end`.

Two facts about the anchor's API shape this wrapper:

- `ModelResult.end` is *inclusive* (`text[start:end + 1] == result.text`); we add 1.
- `Model.parse` wraps extraction and parsing in `try/except Exception: pass`: one mention
  it cannot parse (e.g. `T3B航站楼` -> "3b", or hex ids in page chrome) makes it return
  `[]` for the *whole* input, silently. We therefore parse line by line (a number never
  spans a line), so one bad mention only costs its line; `failed_lines` counts those.
"""

from __future__ import annotations

try:
    from recognizers_number import Culture, NumberRecognizer
    from recognizers_text.utilities import QueryProcessor
except ImportError as e:  # not installed, or emoji>=1.0 (recognizers_text needs emoji<1.0)
    raise ImportError(
        f"the benchmark anchor (Microsoft Recognizers-Text) cannot be imported: {e}. "
        "Run `make bench`, which installs the bench extra "
        "(recognizers-text-number, emoji<1.0)."
    ) from e


class Anchor:
    """The two Chinese models, built once so that timing measures parsing only."""

    def __init__(self) -> None:
        recognizer = NumberRecognizer(Culture.Chinese)
        self.number = recognizer.get_number_model()
        self.percent = recognizer.get_percentage_model()

    def recognize(self, text: str) -> list[tuple[int, int, str, float | int | None]]:
        """Number + percentage mentions of `text`, percentage winning where they overlap."""
        out = []
        for offset, line in _lines(text):
            if not line.strip():
                continue
            pct = [_convert(r, offset) for r in self.percent.parse(line)]
            num = [_convert(r, offset) for r in self.number.parse(line)]
            num = [n for n in num if not any(n[0] < p[1] and p[0] < n[1] for p in pct)]
            # surface from the original text: the anchor's own `.text` is of its
            # preprocessed copy (，->, 、->, full-width digits -> ASCII, lower case)
            out.extend((s, e, text[s:e], v) for s, e, v in pct + num)
        out.sort()
        return out

    def recognize_whole(self, text: str) -> None:
        """Both models on the whole text at once: only to time the unchunked call."""
        self.percent.parse(text)
        self.number.parse(text)

    def failed_lines(self, text: str) -> list[tuple[int, str]]:
        """Lines on which a model raised internally (and so returned nothing for the line)."""
        failed = []
        for offset, line in _lines(text):
            query = QueryProcessor.preprocess(line, True)  # what Model.parse does first
            for model in (self.percent, self.number):
                try:
                    for r in model.extractor.extract(query):
                        model.parser.parse(r)
                except Exception as e:  # exactly what Model.parse swallows
                    failed.append((offset, f"{type(e).__name__}: {e}"))
                    break
        return failed


def _lines(text: str):
    """(offset, line) for every line, offsets into `text`."""
    offset = 0
    for line in text.split("\n"):
        yield offset, line
        offset += len(line) + 1


def _convert(r, offset: int) -> tuple[int, int, float | int | None]:
    """ModelResult (inclusive end, string value like '98.16%') -> half-open span and a number."""
    start, end = offset + r.start, offset + r.end + 1
    raw = str((r.resolution or {}).get("value", "")).rstrip("%")
    try:
        value = float(raw)
        value = int(value) if value.is_integer() else value
    except ValueError:
        value = None
    return start, end, value


_default: Anchor | None = None


def recognize(text: str) -> list[tuple[int, int, str, float | int | None]]:
    """Module-level convenience: the anchor's mentions of `text` (models built on first use)."""
    global _default
    if _default is None:
        _default = Anchor()
    return _default.recognize(text)


def main(paths: list[str]) -> int:
    """Whole-process use, as the bench times it: import, build the models, then read and
    recognize each report in turn (line by line, as scored), printing mentions per file."""
    anchor = Anchor()
    for p in paths:
        with open(p, encoding="utf-8") as f:
            print(f"{p}\t{len(anchor.recognize(f.read()))}")
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
