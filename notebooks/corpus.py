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
# Many reports at once: every number of each, and how many metrics, targets and list counts
# each states. `reportfigures corpus DIR` passes these (papermill); run by hand, change them here.
root = "../.."       # the project checkout, relative to out_dir
corpus = "../shared/corpus/gov-work-reports-2026"  # a folder of *.txt reports, relative to root (or absolute)
year = None          # the year the reports were delivered (the source line); None: the corpus's manifest.csv
out_dir = "."        # where the tables and the chart go (outputs/corpus/)
lang = "zh"          # zh or en: the language of the headings, the table and the chart
jobs = 2             # processes extracting the reports at once (both cores)

# %%
from pathlib import Path

from IPython.display import Markdown, display

from reportfigures.publish.charts.lint import lint
from reportfigures.publish.charts.render import save_figure
from reportfigures.publish import present
from reportfigures.corpus import numbers as reports
from reportfigures.corpus.notebook import WORDS, counts_frame, figure, numbers_frame

folder, out = Path(root) / corpus, Path(out_dir)
found = list(reports.extract_many(reports.documents([folder]), jobs))
numbers = numbers_frame(found)
numbers.to_csv(out / "numbers.csv", index=False)
table = counts_frame(found, folder, lang)
table.to_csv(out / "counts.csv", index=False)
words = WORDS[lang]
display(Markdown(f"# {len(found)}份报告中的数字" if lang == "zh" else f"# The numbers of {len(found)} reports"))

# %% [markdown]
# Per report: the quantities it states (metrics stated as results, targets set as goals, list
# counts), then every number it prints. Every number of every report is in `numbers.csv`,
# one row each with a `document` column; these counts are in `counts.csv`.

# %%
display(Markdown(f"{words['metric']} {int(table['metric'].sum())}, {words['target']} {int(table['target'].sum())}, "
                 f"{words['list_count']} {int(table['list_count'].sum())}, {words['numbers']} {len(numbers)}"))
table[["label", "metric", "target", "list_count", "numbers"]].rename(
    columns={"label": words["document"], "metric": words["metric"], "target": words["target"],
             "list_count": words["list_count"], "numbers": words["numbers"]})

# %%
fig = figure(table, reports.about(folder) | ({"year": year} if year else {}), lang)
assert lint(fig.spec) == [], lint(fig.spec)
save_figure(fig, out / "charts")
present.show(fig, out)
