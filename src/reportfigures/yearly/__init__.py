"""Stage 6, the years: a new year's text drafted against last year's, reviewed, compared.

In: a new text and last year's edition. Out: the year's edition.yml, claims.reviewed.csv,
and edition-to-edition diffs.
"""
