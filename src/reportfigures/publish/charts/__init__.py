"""Charts: a figure definition and the tables in, a linted Vega-Lite chart out (SVG, PNG, HTML).
style → figures → furniture, bars → make → lint → render; changes (two editions).
"""
