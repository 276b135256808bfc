"""Stage 8, what readers see: charts, the pages, the workbook, in Chinese and English.

In: an edition's tables. Out: SVG/PNG/HTML charts, index.html, edition.xlsx, annotations.
"""
