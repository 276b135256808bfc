"""Stage 1, the archive: a report's bytes read safely, copied with their hash, verified.

In: a text file. Out: data/raw/[<report>/]<year>/report.txt and report.meta.yml.
"""
