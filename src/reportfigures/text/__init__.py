"""Stage 2, the text: sentences, sections, the report's parts and its provenance lines.

In: the archived text. Out: a Document (offsets into the raw text), parts, provenance facts.
"""
