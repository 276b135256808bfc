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
# The edition to show. A build passes these (papermill); run by hand, change them here.
year = 2024          # the report's reviewed year: data/editions/<year>/edition.yml
root = "../.."       # the project checkout, relative to the edition folder
out_dir = "."        # the edition folder (outputs/<year>/), where the tables are
report = None        # the report: None for the project's own (CPPCC), else its id (chongqing-gov)
lang = "zh"          # zh or en: the language of every heading and table below

# %%
from IPython.display import Markdown, display

from reportfigures.publish import present
from reportfigures.publish.i18n import t

ed = present.open_edition(root, year, out_dir, report=report)
display(Markdown(t("nb_overview_title", lang, year=year)))

# %% [markdown]
# Findings first: what a reader must know about the report, each as the sentence the
# edition publishes. Then one headline per chart, and the claims by theme and rating.

# %%
display(Markdown(present.summary(ed, lang)))

# %%
present.headlines(ed, lang)

# %%
table = present.theme_claims(ed, sorted({c["theme"] for c in ed.claims}), lang)
table.pivot_table(index=t("col_kind", lang), columns=t("col_rating", lang), values=t("col_claim", lang),
                  aggfunc="count", fill_value=0)
