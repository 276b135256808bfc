"""Stage 4, the claims: which mentions the report asserts, under stable ids.

In: mentions and the catalog (or none). Out: claims with subject, measure and provenance.
"""
