"""Stage 3, the mentions: every number the text prints, with its unit, qualifier, kind and place.

In: a Document. Out: Mention rows (value, unit, qualifier, kind, offsets, sentence, section).
numerals → positional → reader → grammar → vocabulary → quantities, lists → fixed, quotes,
kinds → extraction (each imports only those before it).
"""
