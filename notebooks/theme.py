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
# One theme of the edition. The build runs this notebook once per theme its claims have.
# The charts' wording (titles, findings, notes, alt text) lives in data/charts/figures.yml
# and the theme's heading in data/charts/themes.yml: change the words there, not here.
year = 2024          # the report's reviewed year: data/editions/<year>/edition.yml
root = "../.."       # the project checkout, relative to the edition folder
out_dir = "."        # the edition folder (outputs/<year>/); charts go to its charts/ folder
theme = "proposals"  # the theme to show: a theme id of the claims (claims.csv, column theme)
report = None        # the report: None for the project's own (CPPCC), else its id (chongqing-gov)
lang = "zh"          # zh or en: the language of the headings and tables shown here
width = 520          # chart width in pixels (the HTML charts also follow their container)
charts = None        # None for all the theme's charts, or a list of figure ids from figures.yml
languages = ["zh", "en"]  # the languages the charts are drawn in (charts/ and charts/en/)

# %%
from IPython.display import Markdown, display

from reportfigures.publish import present
from reportfigures.publish.i18n import t

ed = present.open_edition(root, year, out_dir, report=report)
display(Markdown(present.theme_heading(ed, theme, lang)))

# %%
display(Markdown(t("nb_claims", lang)))
present.theme_claims(ed, theme, lang)

# %%
display(Markdown(t("nb_charts", lang)))
for fig in present.theme_figures(ed, theme, langs=tuple(languages), width=width, only=charts, show_lang=lang):
    present.show(fig, ed.out_dir)

# %%
display(Markdown(t("nb_findings", lang)))
present.findings_frame(ed, lang=lang, theme=theme)
