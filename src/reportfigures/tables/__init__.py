"""Stage 7, the tables: an edition's inputs loaded once, its tables computed, validated by the
Great Expectations suites and published as a Data Package and a SQLite database.

In: archive, parameters, reviewed claims. Out: outputs/[<report>/]<year>/ claims, findings, numbers,
derived (CSV, JSON), datapackage.json, and outputs/[<report>/]<report>.db.
"""
