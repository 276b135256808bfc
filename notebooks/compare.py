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
# # Comparison with the previous edition 与上一版比较
#
# Every claim of both editions side by side: old and new value as printed, the change,
# and changes of qualifier (300余 → 近400 is a change of kind of bound, not only of value).
# Claims found in only one edition are listed, never drawn as zero. Run by the build of
# the newer edition when its parameters name a `base_year` that is built.

# %% tags=["parameters"]
year = 2025
base_year = 2024
root = "."
text = "data/raw/2025/report.txt"
catalog = "data/claims/catalog.yml"
out_dir = "outputs/2025"

# %%
import pandas as pd

from reportfigures import present

diff, fig = present.comparison(root, base_year, year, out_dir)
print(f"exit code of `reportfigures diff {base_year} {year}` would be {diff.exit_code}")

# %% [markdown]
# ## Claims that changed

# %%
pd.DataFrame([r for r in diff.claims if r["status"] != "same"])

# %% [markdown]
# ## Rates and ratios, recomputed in both editions

# %%
pd.DataFrame(diff.derived)

# %% [markdown]
# ## Findings that appeared or disappeared

# %%
pd.DataFrame(diff.findings)

# %%
present.show(fig, out_dir)
