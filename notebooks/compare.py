# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% tags=["parameters"]
# This edition against the one before it: claim by claim, and the changes the new text
# states against last year (较上年增加 …) checked against last year's figures.
year = 2025          # the newer edition
base_year = 2024     # the edition to compare with (built)
root = "../.."       # the project checkout, relative to the edition folder
out_dir = "."        # the newer edition's folder (outputs/<year>/)
report = None        # the report: None for the project's own (CPPCC), else its id (chongqing-gov)
lang = "zh"          # zh or en: the language of every heading and table below

# %%
import pandas as pd
from IPython.display import Markdown, display

from reportfigures.publish import present
from reportfigures.publish.i18n import t

diff, fig = present.comparison(root, base_year, year, out_dir, lang, report=report)
display(Markdown(t("nb_compare_title", lang, year=year, base_year=base_year, code=diff.exit_code)))

# %% [markdown]
# First what a reader wants first: last year's targets beside this year's results (only a
# report without a catalog sets them; the CPPCC report's targets are compared as claims).

# %%
ed = present.open_edition(root, year, out_dir, report=report)
if ed.targets is not None:
    told, table, chart = present.targets(ed, base_year, lang)
    display(Markdown(t("nb_targets", lang, year=ed.meta.get("reviewed_year", year)) + "\n\n" + told))
    display(table)
    if chart is not None:
        present.show(chart, out_dir)

# %%
display(Markdown(t("nb_changed", lang)))
pd.DataFrame([r for r in diff.claims if r["status"] != "same"])

# %%
display(Markdown(t("nb_stated_changes", lang)))
pd.DataFrame(diff.changes)

# %%
display(Markdown(t("nb_derived", lang)))
pd.DataFrame(diff.derived)

# %%
display(Markdown(t("nb_findings_changed", lang)))
pd.DataFrame(diff.findings)

# %%
present.show(fig, out_dir)
