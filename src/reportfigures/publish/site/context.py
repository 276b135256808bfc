"""What an edition's page shows, gathered once: the text, its mentions, claims, findings,
derived figures, targets, provenance and build facts. Every section reads this, nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PageContext:
    year: int
    meta: dict
    text: str
    sha256: str
    mentions: list
    claims: list[dict]
    findings: list[dict]
    derived: list[dict]
    notebooks: list[dict]
    validation: list[dict]
    built_at: str = ""
    version: str = ""
    base_year: int | None = None
    publish_url: str = ""
    downloads: list[tuple[str, str]] = field(default_factory=list)
    targets: list[dict] | None = None  # last year's targets beside this year's results (targets.py)
    targets_base: int | None = None  # the edition that set them
    catalog: bool = True  # the report has a catalog (the CPPCC's); else claims are named by indicator
    files: list[str] | None = None  # the data files beside the page, when not a full edition's (corpus pages)
