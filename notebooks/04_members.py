# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Members and outreach 委员工作
#
# Talks, visits, inspections, briefings, study sessions and training of members, and the committee's publicity.
#
# Every number below is read from the report by `reportfigures` (the claim ids name
# where); nothing is typed in this notebook. Parameters: run it for another year with
# `year`, `text` and `catalog` (papermill `-p year 2025 …`).

# %% tags=["parameters"]
year = 2024
root = "."
text = "data/raw/2024/report.txt"
catalog = "data/claims/catalog.yml"
out_dir = "outputs/2024"

# %%
from IPython.display import Markdown, display

from reportfigures import present

ed = present.open_edition(root, year, out_dir, text=text, catalog=catalog)

# %% [markdown]
# ## The claims
# Values as printed (a bound stays a bound), the verdict of the checks, and where each
# number stands in the report (character offsets into the archived text).

# %%
present.theme_claims(ed, ["members", "publicity"])

# %% [markdown]
# ## The charts
# What they cannot say: person-times (人次) are not persons: one member may be counted many times.

# %%
for fig in present.theme_figures(ed, "members"):
    present.show(fig, ed.out_dir)
