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
# The report checked against itself, and the Great Expectations suites that record it.
year = 2024          # the report's reviewed year: data/editions/<year>/edition.yml
root = "../.."       # the project checkout, relative to the edition folder
out_dir = "."        # the edition folder (outputs/<year>/)
report = None        # the report: None for the project's own (CPPCC), else its id (chongqing-gov)
lang = "zh"          # zh or en: the language of every heading and table below
width = 520          # chart width in pixels
languages = ["zh", "en"]  # the languages the chart is drawn in

# %%
from IPython.display import Markdown, display

from reportfigures.publish import present
from reportfigures.checks import ratings
from reportfigures.publish.i18n import t

ed = present.open_edition(root, year, out_dir, report=report)
display(Markdown(t("nb_validation_title", lang, year=year)))
display(Markdown(present.summary(ed, lang)))

# %%
display(Markdown(t("nb_scale", lang)))
present.rating_scale(lang)

# %%
display(Markdown(t("nb_faults", lang)))
present.findings_frame(ed, ratings.FAULTS, lang)

# %%
display(Markdown(t("nb_consistent", lang)))
present.findings_frame(ed, ("consistent",), lang)

# %%
display(Markdown(t("nb_cannot", lang)))
present.findings_frame(ed, ("cannot_check",), lang)

# %%
display(Markdown(t("nb_suites", lang)))
present.suites_frame(ed, lang)

# %%
for fig in present.theme_figures(ed, "validation", langs=tuple(languages), width=width, show_lang=lang):
    present.show(fig, ed.out_dir)
