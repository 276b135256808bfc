"""The kind rules added for forms the unseen samples met: each shown deciding both ways
(the form it is for, and the look-alike it must leave alone)."""

import pytest

from reportfigures.extract.extraction import extract

TASKS = "一、2025年工作回顾\n\n全年收到提案1551件。\n\n二、2026年工作安排\n\n"
GLOSSARY = "\n\n名词解释\n\n"


def kind_of(text: str, surface: str) -> str:
    got = {m.surface: m.kind for m in extract(text)}
    assert surface in got, (surface, sorted(got))
    return got[surface]


@pytest.mark.parametrize("tail,surface,kind", [
    # a glossary explains what exists: its shares are facts, not goals
    (GLOSSARY + "1.“622”模式：形成以农户占60%、村集体占20%的分配模式。", "60%", "metric"),
    # ... unless an entry names the years ahead
    (GLOSSARY + "1.“三年行动”：到2027年治理城市黑臭水体7个。", "7个", "target"),
    # without a glossary heading, the same sentence among the tasks is a goal
    ("形成以农户占60%、村集体占20%的分配模式。", "60%", "target"),
    # the annex after a glossary is read by its own heading, not continued from the notes
    (GLOSSARY + "1.“两新”：设备更新。\n\n附件\n2026年10件惠民实事\n一、稳定就业\n新增就业50万人。", "50万人", "target"),
])
def test_a_glossary_states_facts(tail, surface, kind):
    assert kind_of(TASKS + tail, surface) == kind


@pytest.mark.parametrize("sentence,surface,kind", [
    ("开工建设南网720兆瓦储能电站等项目。", "720兆瓦", "metric"),  # the size of a project named
    ("力争开工建设70万吨煤制烯烃和80万吨煤制油升级示范。", "70万吨", "metric"),
    ("新增新能源装机500万千瓦。", "500万千瓦", "target"),  # an amount to reach
    ("布局建设50万千瓦以上新能源基地。", "50万千瓦以上", "target"),  # a threshold the task sets
])
def test_a_project_size_among_the_tasks(sentence, surface, kind):
    assert kind_of(TASKS + sentence, surface) == kind


@pytest.mark.parametrize("text,surface,kind", [
    ("粮食总产466亿斤，全国排名上升到第13位。", "第13位", "metric"),
    ("山西博物院位列国家一级博物馆运行评估第一名。", "第一名", "metric"),
    ("核心指标增速首次整体跻身全国省级监管企业第一方阵。", "第一", "metric"),
    ("成功举办第三届进博会。", "第三届", "ordinal"),  # a numbering stays one
    ("张掖跻身第二轮国家生态产品价值实现机制试点。", "第二轮", "ordinal"),  # a round joined, not a rank
])
def test_a_rank_reached(text, surface, kind):
    assert kind_of(text, surface) == kind


@pytest.mark.parametrize("text,surface,kind", [
    ("乌什县7.1级地震危房得到全面加固改造。", "7.1级", "metric"),  # a magnitude counts nothing
    ("培育7个千亿级产业集群、若干百亿级产业集群。", "7个", "metric"),
    ("新增钟祥明显陵、麻城龟峰山、恩施大峡谷3家景区。", "3家", "list_count"),  # a count of the named
])
def test_a_list_count_is_a_small_whole_number(text, surface, kind):
    assert kind_of(text, surface) == kind


def test_a_size_class_never_counts_the_list_before_it():
    text = "培育1个万亿级产业集群、2个五千亿级产业集群、若干百亿级产业集群。"
    assert {m.kind for m in extract(text) if m.surface.startswith("百亿")} != {"list_count"}


@pytest.mark.parametrize("text,kind", [
    ("过去一年，全区取得标志性成果。至少有十个突出亮点：一是增长，二是就业，三是投资，四是消费，五是外贸，"
     "六是财政，七是物价，八是民生，九是生态，十是安全。", "list_count"),
    ("过去一年，全区取得标志性成果。至少有十个突出亮点：一是增长，二是就业。", "metric"),  # two of ten: not its list
])
def test_numbered_items_after_a_colon(text, kind):
    assert kind_of(text, "十个") == kind


def test_a_footnote_marker_numbers_a_note():
    text = TASKS + "建设“监督一张网”［25］，新增就业50万人。" + "\n\n注释\n\n［25］监督一张网：纪检监察。"
    kinds = {(m.start, m.kind) for m in extract(text) if m.surface == "25"}
    assert kinds and {k for _s, k in kinds} == {"ordinal"}
    assert kind_of(text, "50万人") == "target"


@pytest.mark.parametrize("text,surface,kind", [
    ("推动出台服务业扩大开放3.0方案。", "3.0", "name"),  # a version
    ("打造健康县城建设2.0版。", "2.0", "name"),
    ("全年增长2.0%。", "2.0%", "metric"),  # a figure that happens to end in .0
])
def test_a_version_is_a_name(text, surface, kind):
    assert kind_of(text, surface) == kind
