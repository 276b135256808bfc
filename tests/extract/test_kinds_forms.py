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


def mentions(text: str) -> dict:
    return {m.surface: m for m in extract(text)}


@pytest.mark.parametrize("text,surface,value,unit", [
    ("建成3个千万千瓦级新能源基地。", "千万千瓦级", 10**7, "千瓦级"),  # the places alone before a physical unit
    ("年产百万吨煤制油示范区建成。", "百万吨", 10**6, "吨"),
    ("万米超深钻井创造纪录。", "万米", 10**4, "米"),
    ("研发投入翻一番。", "一番", 1, "番"),  # doubling
    ("利润翻了两番。", "两番", 2, "番"),
    ("原煤产量增速居全国主要产煤省区首位。", "首位", 1, "位"),  # first place after a rank verb
    ("算力规模突破4000P。", "突破4000P", 4000, "P"),  # computing power, not a code
    ("总算力突破1.3万PF。", "突破1.3万PF", 13000, "PF"),
])
def test_sizes_doublings_first_places_and_computing_power_are_read(text, surface, value, unit):
    m = mentions(text)[surface]
    assert (m.value, m.unit) == (value, unit)


@pytest.mark.parametrize("text,surface", [
    ("把就业摆在首位。", "首位"),  # a priority, not a rank
    ("经过一番努力。", "一番"),  # no 翻: no doubling
    ("每千瓦时电价下降。", "千瓦"),  # a unit, not a size
    ("建党百年。", "百年"),  # an idiom
    ("推广5G应用。", "5G"),  # a code stays a name
])
def test_their_look_alikes_are_left_alone(text, surface):
    m = mentions(text).get(surface)
    assert m is None or m.kind == "name"


@pytest.mark.parametrize("sentence,surface,kind", [
    ("银川至北京时间由18小时缩短到5小时。", "18小时", "metric"),  # where the change starts: a fact
    ("银川至北京时间由18小时缩短到5小时。", "5小时", "target"),  # where the task takes it
    ("推动不良贷款率从2.5%降至1.8%。", "2.5%", "metric"),
    ("推动不良贷款率从2.5%降至1.8%。", "1.8%", "target"),
    ("推动公园24小时开放。", "24小时", "target"),  # a duration is a quantity, not a date
    ("落实240小时过境免签政策。", "240小时", "metric"),  # the span of the policy it names: a fact
    ("提升15分钟社区生活圈功能。", "15分钟", "name"),  # a service circle's name
    ("用好硅石储量全国第一优势。", "第一", "metric"),  # a standing the task builds on
    ("力争进入全国前十。", "十", "target"),  # a rank the task aims at
])
def test_durations_baselines_and_ranks_among_the_tasks(sentence, surface, kind):
    assert kind_of(TASKS + sentence, surface) == kind


def test_items_joined_by_he_inside_a_word_are_not_split():
    m = mentions("加强诉源治理，案件数、涉及人数和金额“三下降”。")["三下降"]
    assert (m.kind, m.listed) == ("list_count", ["案件数", "涉及人数", "金额"])  # 涉及 is one word


@pytest.mark.parametrize("text,surface,kind", [
    ("做好“水地煤油气风光电氢硅”十篇大文章。", "十篇", "list_count"),  # ten one-character items
    ("推动援受两地交流交融。", "两地", "list_count"),  # 援 and 受, named right before
])
def test_one_character_items_are_counted(text, surface, kind):
    assert kind_of(text, surface) == kind


def test_a_quoted_name_with_a_numeral_is_no_list_of_characters():
    m = mentions("八步沙林场“六老汉”三代人治沙造林。").get("三代")
    assert m is None or m.kind != "list_count"


@pytest.mark.parametrize("text,surface,kind", [
    # the items after a short noun and 即
    ("提出“三个坚持”重大原则，即坚持党的领导、坚持人民至上、坚持高质量发展。", "三个坚持", "list_count"),
    # a bracket inside an item does not split it
    ("“三个全覆盖”：16个州（市）全覆盖、129个县（市、区）全覆盖、村级全覆盖。", "三个全覆盖", "list_count"),
    # as many items as it says, or it stays a name
    ("提出“三个坚持”重大原则，即坚持党的领导、坚持人民至上。", "三个坚持", "name"),
])
def test_a_quoted_count_with_its_items_after(text, surface, kind):
    assert kind_of(text, surface) == kind


def test_a_chinese_count_with_its_multiplier_needs_no_unit():
    got = mentions("面向全省两百多万高校师生。")
    assert (got["两百多万"].value, got["两百多万"].qualifier) == (2000000, "at_least")
    assert "千万" not in mentions("千万不能松懈。")  # the adverb 千万 ('by all means')


@pytest.mark.parametrize("tail,kind", [
    ("推动四大主导产业补链延链。", "metric"),  # the set the review already named
    ("培育五大新兴产业集群。", "target"),  # a set the task makes
])
def test_a_set_named_in_the_review_is_no_goal_among_the_tasks(tail, kind):
    text = "一、2025年工作回顾\n\n四大主导产业占比提高。\n\n二、2026年工作安排\n\n" + tail
    assert kind_of(text, tail[2:4]) == kind


def test_a_count_named_like_last_years_is_still_this_years_goal():
    text = "一、2025年工作回顾\n\n实施10大类52项民生实事。\n\n二、2026年工作安排\n\n继续实施10大类55项民生实事。"
    assert [m.kind for m in extract(text) if m.surface == "10大"][-1] == "target"


@pytest.mark.parametrize("text,surface,kind", [
    ("做强“神武峡”“赤黄红”两大文旅主轴。", "两大", "list_count"),  # two quoted items side by side
    ("办好A赛、B赛、“三月三”及十大赛事。", "十大", "metric"),  # the count opens an item: it counts no list
    ("推动与湄公河五国经贸合作。", "五国", "metric"),  # 与 joins no pair of five
    ("推动川渝两地合作。", "两地", "list_count"),  # a pair still counts two
    ("电动汽车、锂电池、光伏产品“新三样”出口增长。", "三样", "list_count"),  # one character before the number
    ("建设“两个基地”“两个枢纽”“两个网络”。", "两个网络", "name"),  # quoted names side by side
    ("大力开展“两清两改两治理”，清理乱堆乱放、清理残垣断壁。", "两清两改两治理", "name"),  # several counts
    ("“三级”即省、州（市）、县（市、区），“三类”即名师、带头人、骨干。", "三级", "list_count"),  # up to the comma
])
def test_lists_beside_quotes_and_pairs(text, surface, kind):
    assert kind_of(text, surface) == kind


@pytest.mark.parametrize("text,surface,value,kind", [
    ("每千人口托位数达4.5个。", "千人口", 1000, "metric"),  # a rate per thousand
    ("人均受教育年限达到11.7年。", "11.7年", 11.7, "metric"),  # a decimal year is a measure
    ("14.2025年10件民生实事。", "14.2025年", 14.2025, "date_or_period"),  # a glossary number run into a year
])
def test_rates_per_thousand_and_decimal_years(text, surface, value, kind):
    m = mentions(text)[surface]
    assert (m.value, m.kind) == (value, kind)


def test_place_names_with_numerals_are_no_mentions():
    assert "三门" not in mentions("安阳、商丘、信阳、三门峡四个端点城市。")
    assert "千人" not in mentions("实施千人计划。")  # 千 per person only after 每


def test_a_review_reaching_a_year_already_past_sets_no_goal():
    text = "一、“十四五”时期工作回顾\n\n人均GDP从2020年的5.2万元提高到2025年的7.4万元。\n\n二、2026年工作安排\n\n"
    assert kind_of(text + "力争到2030年达到10万元。", "7.4万元") == "metric"
    assert kind_of(text + "力争到2030年达到10万元。", "10万元") == "target"


@pytest.mark.parametrize("text,surface,value", [
    ("新增软件等4个过五千亿、北斗应用等4个过千亿新兴产业。", "五千亿", 5 * 10**11),  # a threshold, no unit
    ("新增仙桃、大冶2个千亿县。", "千亿", 10**11),
    ("具有重症救治Ⅲ级水平。", "Ⅲ级", 3),  # a Roman grade
    ("深入开展劣V类水体剿灭。", "V类", 5),  # a Latin V for Ⅴ
])
def test_thresholds_and_grades_are_read(text, surface, value):
    assert mentions(text)[surface].value == value


def test_a_threshold_word_before_money_or_people_leaves_it_to_the_grammar():
    got = mentions("孝感、黄冈2个过三千亿元城市。")
    assert got["三千亿元"].value == 3 * 10**11 and "三千亿" not in got


@pytest.mark.parametrize("text,surface,kind", [
    (GLOSSARY + "3．10种有色金属：铜、铅、锌、镍、锡、锑、铝、镁、硅、钛。", "10种", "list_count"),  # items after the colon
    (GLOSSARY + "3．10种有色金属：铜、铅、锌。", "10种", "metric"),  # three named of ten: no list
    ("坚持“重构通道、重塑体系、提升平台、优化政策和创新服务”五措并举。", "五措", "list_count"),  # A、B和C
    ("坚持基础设施与新兴产业、战略必争与民生必保、发展支撑与安全能力“三个并重”。", "三个并重", "list_count"),  # pairs
    ("发展生物制造、氢能、脑机接口、具身智能等“四新”产业。", "四新", "list_count"),  # 等 closing all four
])
def test_items_after_a_colon_joined_by_he_or_in_pairs(text, surface, kind):
    assert kind_of(TASKS + text, surface) == kind


def test_a_glossary_number_run_into_a_year_or_count_is_its_own():
    got = mentions(TASKS + GLOSSARY + "14.2025年10件民生实事：加大就业扶持。")
    assert got["14."].kind == "ordinal" and got["2025年"].kind == "date_or_period" and "10件" in got
    assert mentions("京东方第8.6代线加快实施。").get("6") is None  # the fraction of a decided number


@pytest.mark.parametrize("text,surface,value,kind", [
    ("粮食生产二十二连丰，总产量创新高。", "二十二连丰", 22, "metric"),  # a streak, quoted or not
    ("粮食产量实现“二十一连丰”。", "二十一连丰", 21, "metric"),
    ("耕地面积实现5连增。", "5连增", 5, "metric"),
    (TASKS + "力争实现粮食生产二十三连丰。", "二十三连丰", 23, "target"),  # a streak to reach
])
def test_a_streak_is_a_count_of_its_statement(text, surface, value, kind):
    m = mentions(text)[surface]
    assert (m.value, m.kind) == (value, kind)
    assert "连" not in {k[-1] for k in mentions("国家连续出台政策，一连串举措。")}  # no numeral: nothing


@pytest.mark.parametrize("text,surface,value,unit", [
    ("全省算力规模突破190Eflops。", "突破190Eflops", 190, "Eflops"),  # computing power in any case
    ("算力达到25EFlops。", "25EFlops", 25, "EFlops"),
    ("班列开行量均超千列，港口吞吐量增长。", "超千列", 1000, "列"),  # trains
    ("中欧班列开行924列。", "924列", 924, "列"),
    ("中欧班列开行超万列。", "超万列", 10**4, "列"),  # the places alone after a qualifier word
    ("海洋生产总值突破万亿，南北合作加快。", "突破万亿", 10**12, ""),
    ("新增招生计划万名以上。", "万名以上", 10**4, "名"),  # ... or before a count and 以上
    ("旅游业总收入迈上万亿新台阶。", "万亿", 10**12, ""),  # a level passed
    ("连续4年每年跨越一个千亿台阶。", "千亿", 10**11, ""),
])
def test_computing_power_trains_and_levels_passed_are_read(text, surface, value, unit):
    m = mentions(text)[surface]
    assert (m.value, m.unit) == (value, unit)


def test_words_that_look_like_trains_or_levels_are_no_mentions():
    got = mentions("项目已列入国家规划，两列列车。千方百计稳就业，万众一心。")
    assert not any(k.endswith("列入") or k == "千" or k == "万" for k in got), sorted(got)


@pytest.mark.parametrize("text,surface,kind", [
    (TASKS + "加快川州二期等500千伏输变电工程建设。", "500千伏", "name"),  # a voltage class names the works
    ("建成塔额750千伏输变电工程。", "750千伏", "name"),
    (TASKS + "加快川州二期等500千伏输变电工程建设。", "二期", "name"),  # a project's phase
    (TASKS + "新增装机500万千瓦以上。", "500万千瓦以上", "target"),  # a capacity to reach stays one
    (TASKS + "推动30万千瓦级煤电机组上大压小。", "30万千瓦", "target"),  # a size class is no project's size
    (TASKS + "开工建设720兆瓦储能电站。", "720兆瓦", "metric"),  # ... a project's size is a fact
])
def test_voltage_classes_and_size_classes(text, surface, kind):
    assert kind_of(text, surface) == kind


@pytest.mark.parametrize("tail,surface,kind", [
    ("累计引进和培育150家以上生态企业。", "150家以上", "target"),  # 累计 sums what a task is to reach
    ("去年累计建成5G基站10万个。", "10万个", "metric"),  # with another past word it is a fact
    # a past word in one clause leaves another clause's goal a goal
    ("改造提升已建成自然村设施，项目区农民满意度不低于80%。", "不低于80%", "target"),
    ("去年新增就业50万人，占全国一成。", "50万人", "metric"),
])
def test_a_task_sentence_is_read_clause_by_clause(tail, surface, kind):
    assert kind_of(TASKS + tail, surface) == kind


@pytest.mark.parametrize("text,surface,value,kind", [
    ("参赛团队上万支。", "万支", 10**4, "metric"),  # 上万: upwards of, a count
    ("每个市州至少有一家医院提供心理门诊。", "一家", 1, "metric"),  # 至少有一: one, no article
    ("实现两位数增长。", "两位数", 2, "metric"),  # how many digits, a measure of its statement
    (TASKS + "保持两位数增长。", "两位数", 2, "target"),
    ("蝉联全国推广面积第一。", "第一", 1, "metric"),  # a rank verb earlier in the clause
    ("仅用90天建成。", "90天", 90, "metric"),  # the time a thing took
    ("历时12年成功申遗。", "12年", 12, "metric"),
    (TASKS + "全面完成20年以上电梯更新。", "20年以上", 20, "target"),  # an age that picks things out
    ("突出“人民”二字。", "二字", 2, "list_count"),  # the two characters quoted before
])
def test_counts_of_one_digits_ranks_times_taken_and_ages(text, surface, value, kind):
    m = mentions(text)[surface]
    assert (m.value, m.kind) == (value, kind)


@pytest.mark.parametrize("text,surface,kind", [
    ("组建一支队伍。", "一支", None),  # an article stays no mention
    ("排名第一批试点。", "第一批", "ordinal"),  # a round, not a rank
    ("用3—5年时间，培养人才。", "3—5年", "date_or_period"),  # a timetable stays a period
    ("工作3年以上，", "3年以上", "date_or_period"),  # an age with no noun after it
    ("落实“三个一”要求。", "三个一", "name"),  # “N个一” with no items after it is a name
])
def test_look_alikes_of_counts_ranks_and_ages_are_left_alone(text, surface, kind):
    got = mentions(text)
    assert (got[surface].kind if surface in got else None) == kind


def test_a_n_ones_scheme_counts_its_items_and_each_item_is_one():
    got = extract("“六个一”全覆盖：一批优质企业、一个协同创新平台、一支产业基金、一个人才培养载体、一个产业联盟、一个集群促进组织。")
    assert [(m.surface, m.kind) for m in got][:3] == [("六个一", "list_count"), ("一个", "metric"), ("一支", "metric")]
    assert len([m for m in got if m.rule == "one_each"]) == 5  # 一批 stays a word


@pytest.mark.parametrize("lines,kind", [
    ("\n　　1.医疗卫生方面。筛查。\n　　2.养老帮困方面。护理。\n　　3.关爱儿童方面。疫苗。\n下一段。", "list_count"),
    ("\n1.医疗。\n2.养老。\n3.儿童。\n4.其他。", "target"),  # four numbered lines are not the three
    ("\n　　1.医疗卫生方面。筛查。\n　　2.养老帮困方面。护理。\n下一段。", "target"),  # nor two
])
def test_a_count_followed_by_as_many_numbered_lines_counts_them(lines, kind):
    assert kind_of(TASKS + "继续实施好三方面民生实事。" + lines, "三方面") == kind


@pytest.mark.parametrize("entry,kind", [
    ("15.“2152”工程：重点培育打造2家世界一流企业、10家左右龙头企业。", "target"),  # a programme to run
    ("16.“622”模式：形成以农户占60%、村集体占20%的分配模式。", "metric"),  # what exists
])
def test_a_glossary_programme_still_to_run_sets_targets(entry, kind):
    assert kind_of(TASKS + GLOSSARY + entry, "2家" if "2家" in entry else "60%") == kind


def test_a_plan_part_that_opens_with_the_old_plans_review_states_facts():
    head = "一、2025年工作回顾\n\n全年收到提案1551件。\n\n二、关于“十五五”规划纲要（草案）的说明\n\n"
    review = "“十四五”时期，发展历程极不平凡。这五年，全市生产总值从4.16万亿元增加到5.67万亿元。\n"
    ahead = "“十四五”时期打下了基础，到2030年全市生产总值达到7万亿元。\n"
    assert kind_of(head + review, "5.67万亿元") == "metric"  # opens on a period over, names nothing ahead
    assert kind_of(head + ahead, "7万亿元") == "target"  # a later year: the paragraph looks ahead
    assert kind_of(head + "全市生产总值达到7万亿元。\n", "7万亿元") == "target"  # no opener: the part decides


@pytest.mark.parametrize("text,surface,kind", [
    ("全区地区生产总值增长5.1%，增速高于预期目标。", "5.1%", "metric"),  # a result against the goal
    ("一、2025年工作回顾\n\n预期目标是增长5.5%。", "5.5%", "target"),  # the goal itself
    ("“四级”为省、市、县、乡。", "四级", "list_count"),  # items after 为
    ("“三类”指总体规划、详细规划和专项规划。", "三类", "list_count"),  # ... and after 指, the last joined by 和
    ("深入实施“五大工程”，推进海湾治理和河口修复。", "五大工程", "name"),  # clauses after are no items
    ("如期完成每万城镇常住人口配备18名社区工作者目标。", "万", "metric"),  # a rate per ten thousand
    ("全省万亿产业达到6个。", "万亿", "metric"),  # the places alone as a size class
])
def test_results_against_goals_items_after_wei_rates_and_size_classes(text, surface, kind):
    assert kind_of(text, surface) == kind


def test_a_count_whose_sentence_runs_on_still_counts_the_numbered_lines_after_it():
    tail = "继续认真办好三方面民生实事，坚决做到言必信、行必果。\n1.医疗。\n2.养老。\n3.儿童。\n各位代表！"
    assert kind_of(TASKS + tail, "三方面") == "list_count"
    assert kind_of(TASKS + tail.replace("3.儿童。\n", ""), "三方面") == "target"


@pytest.mark.parametrize("text,surface,kind", [
    ("年初确定的十大类44项民生实事全部完成。", "十大", "metric"),  # 的十大类: no party congress
    ("启动运行总规模1000亿元的三大先导产业母基金。", "三大", "metric"),
    ("深入学习贯彻党的二十大精神。", "二十大", "ordinal"),  # ... 党的二十大 is one
    ("中共十八大以来。", "十八大", "ordinal"),
    ("在2023年国家考评第三的好成绩基础上。", "第三", "metric"),  # a rank in an assessment
    ("推动玉树东坝、尕羊、吉曲3乡通电。", "3乡", "list_count"),  # townships named before their count
    ("乡乡基本通三级以上公路。", "三级以上", "metric"),  # 乡乡 is no list of three levels
    ("省市县三级联动。", "三级", "list_count"),  # ... 省市县 is
])
def test_party_congresses_assessment_ranks_and_place_lists(text, surface, kind):
    assert kind_of(text, surface) == kind


def test_a_computing_cluster_is_sized_in_cards():
    got = mentions("国产化单集群万卡智算中心建成投用。")
    assert (got["万卡"].value, got["万卡"].unit, got["万卡"].kind) == (10**4, "卡", "metric")
    assert kind_of(TASKS + "建设万卡算力集群。", "万卡") == "target"
    assert not mentions("推广社保一卡通，服务持卡人。")  # 一卡通 is a name of no size
