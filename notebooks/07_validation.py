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
# # Validation 核查
#
# The report checked against itself: part ≤ whole, printed rates reproducible from printed
# counts, list counts against the items listed, duplicated characters and unbalanced
# quotes. The Great Expectations suites record the same results; claims_integrity must
# pass for the edition to build at all.

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
# ## Inconsistencies, with their evidence

# %%
present.findings_frame(ed, ("inconsistent",))

# %% [markdown]
# ## Claims that cannot be checked
# No other number in the report bears on them; that is not a sign of error.

# %%
present.findings_frame(ed, ("unverifiable",))

# %% [markdown]
# ## Great Expectations suites

# %%
present.suites_frame(ed)

# %%
for fig in present.theme_figures(ed, "validation"):
    present.show(fig, ed.out_dir)
