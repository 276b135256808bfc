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
# # Platforms and digital 平台与数字政协
#
# Member studios, work brands, digital application scenarios, key reforms and cooperation with neighbouring committees.
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
present.theme_claims(ed, ["platforms", "cooperation"])

# %% [markdown]
# ## The charts
# What they cannot say: the brand count is printed as 8 but nine brands are listed (see the validation notebook).

# %%
for fig in present.theme_figures(ed, "platforms"):
    present.show(fig, ed.out_dir)
