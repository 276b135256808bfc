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
# # Overview 概览
#
# The edition at a glance: one finding per chart, how many claims were rebuilt from the
# report, and what the checks of the report against itself found. The theme notebooks
# follow; the validation notebook lists every inconsistency with its evidence.

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
# ## Headline figures
# Each sentence is filled in from the claims by the package's one number formatter.

# %%
present.headlines(ed)

# %% [markdown]
# ## Claims by theme and verdict

# %%
present.theme_claims(ed, sorted({c["theme"] for c in ed.claims})).pivot_table(
    index="kind", columns="verdict", values="claim", aggfunc="count", fill_value=0)
