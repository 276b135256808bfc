"""The charts chosen for a report without figures.yml: one bar per label, parts in order."""

from reportfigures.publish.auto_figures import figures


def _claim(cid, subject, value, unit="%", theme="review"):
    return {"id": cid, "theme": theme, "kind": "stated", "unit": unit, "qualifier": "",
            "subject_zh": subject, "subject_en": subject, "value": value, "origin": "measure"}


META = {"title": "政府工作报告", "reviewed_year": 2025, "task_year": 2026}


def test_two_claims_named_alike_get_one_bar():
    claims = [_claim("gdp.growth", "地区生产总值", 5.2), _claim("retail_sales.growth", "地区生产总值", 4.0),
              _claim("exports.growth", "出口", 7.1)]
    (fig,) = figures(claims, META)
    assert fig["claims"] == ["gdp.growth", "exports.growth"]


def test_distinct_labels_all_drawn():
    claims = [_claim("gdp.growth", "地区生产总值", 5.2), _claim("exports.growth", "出口", 7.1)]
    (fig,) = figures(claims, META)
    assert fig["claims"] == ["gdp.growth", "exports.growth"]
    assert fig["id"] == "review_growth" and fig["percent_scale"] == "free"
