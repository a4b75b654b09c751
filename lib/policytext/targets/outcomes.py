"""Which of a report's results can be the outcome of last year's target, and which way it counts.

A report's review states last year's results, but also figures that are no one-year outcome:
five-year figures (年均增长, 累计, 五年来, the 十四五 review of a 2026 report) and gaps against a
reference (高出全市1.4个百分点). `one_year_mask` keeps the first kind out of tracking, and
`is_ceiling` says which indicators a report promises to keep *down* (prices, unemployment,
the deficit ratio), so that 3%左右 there is a ceiling, not a floor.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

import pandas as pd

from policytext.read.numerals import as_number
from policytext.targets.matching import canonical_indicator, load_aliases, normalize_indicator

__all__ = [
    "MULTI_YEAR_WORDS",
    "flat_prices",
    "is_ceiling",
    "is_multi_year",
    "judge_statements",
    "judge_sync",
    "one_year_mask",
    "outcome_candidates",
    "past_year_mask",
    "stated_verdict",
    "unnumbered_targets",
]

#: Words that make a figure span several years (年均, 累计, 五年, 十四五 …).
MULTI_YEAR_WORDS = re.compile(
    r"年均|每年|累计|(?<![〇○零])[两三四五六七八九十]年(?!前)|十[一二三四五]五|[\d一二三四五六七八九十]{1,2}年间")
#: A figure for a narrower scope than the indicator (扣除…后, 不含…).
_OTHER_SCOPE = re.compile(r"扣除|剔除|不含|除[^，。；]{1,12}外")
#: 连续五年增产 counts the streak, not the figure that follows it.
_STREAK = re.compile(r"连续[\d一二三四五六七八九十]+年")
#: A title that reviews a plan period (“十四五”时期发展成就, 过去五年工作回顾) ...
_PERIOD_TITLE = re.compile(r"五年|十[一二三四五]五")
#: ... unless it reviews the last year too (过去一年和五年工作回顾).
_YEAR_TITLE = re.compile(r"一年|去年|\d{4}年(?!以来)")
#: A sentence that names a single year (全年, 去年, 2025年) inside a plan-period review ...
_ONE_YEAR = re.compile(r"全年|去年|上年|过去一年|一年来|(?<!从)\d{4}年(?!以来|[到至—-]|的)")
#: ... or a period (过去五年, 十四五时期, 从2020年的…增长到2025年的…).
_PERIOD_CUE = re.compile(r"五年(?!规划)|十[一二三四五]五”?(?:时期|期间|以来)|从\d{4}年|\d{4}年以来")
#: A sentence that opens on one year (2025年是…, 过去一年…) speaks of that year, whatever plan
#: it then names (2025年是“十四五”规划收官之年).
_OPENS_ON_YEAR = re.compile(r"^(?:过去一年|一年来|去年|刚刚过去的|\d{4}年)(?!以来)")
#: Indicators whose targets are ceilings: prices, unemployment, deficits, debt.
_CEILING = re.compile(r"价格|物价|CPI|失业率|赤字|负债率|债务率|能耗总量|碳排放总量")


def is_multi_year(prefix: str) -> bool:
    """True when the words before a figure in its sentence make it a several-year figure.

    >>> is_multi_year("国内生产总值增加到121万亿元，五年年均增长"), is_multi_year("粮食连续五年增产，总产量")
    (True, False)
    """
    prefix = prefix or ""
    return bool(MULTI_YEAR_WORDS.search(_STREAK.sub("", prefix))) or _span_from_base(prefix) > 1


#: A change measured against a named base year (比2002年增长, 较2020年提高).
_BASE_YEAR = re.compile(r"[比较](?:19|20)(\d{2})年")
_NAMED_YEAR = re.compile(r"(?<![比较\d])((?:19|20)\d{2})年")


def _span_from_base(prefix: str) -> int:
    """Years between the year a sentence speaks of and the base year its last clause compares to.

    2007年，国内生产总值…比2002年增长65.5% spans five years: not one year's growth.

    >>> _span_from_base("2007年，国内生产总值达到24.66万亿元，比2002年增长"), _span_from_base("比上年增长")
    (5, 0)
    """
    clause = re.split(r"[，；。]", prefix)[-1]
    base = _BASE_YEAR.search(clause)
    named = _NAMED_YEAR.findall(prefix)
    if base is None or not named:
        return 0
    return int(named[-1]) - (int(base.group(0)[1:5]))


def is_ceiling(indicator: object) -> bool:
    """True for indicators a report promises to hold down, where a target is a ceiling.

    >>> is_ceiling("居民消费价格涨幅"), is_ceiling("城镇调查失业率"), is_ceiling("国内生产总值")
    (True, True, False)
    """
    return isinstance(indicator, str) and bool(_CEILING.search(indicator))


def _period_sections(sections: pd.DataFrame | None) -> set:
    """Sections (and their descendants) whose title reviews a plan period rather than one year."""
    if sections is None or not len(sections) or "title" not in sections.columns:
        return set()
    parent = dict(zip(sections["section_id"], sections["parent_id"]))
    title = dict(zip(sections["section_id"], sections["title"].fillna("").astype(str)))
    out = set()
    for sid in sections["section_id"]:
        node, seen = sid, 0
        while node is not None and not (isinstance(node, float) and math.isnan(node)) \
                and node is not pd.NA and seen < 20:
            text = title.get(node, "")
            if _PERIOD_TITLE.search(text) and not _YEAR_TITLE.search(text):
                out.add(sid)
                break
            node, seen = parent.get(node), seen + 1
    return out


def _scopes(sentences: pd.DataFrame, text_of_gap) -> dict:
    """For each sentence, whether the paragraph so far speaks of one year or of a plan period.

    A paragraph opens with the period its section reviews; a sentence naming a single year
    (刚刚过去的2025年, 过去一年) or a period (过去五年, 十四五时期) sets the scope for the rest of
    the paragraph, the cue named last in the sentence winning.
    """
    scope, out, last_end = None, {}, None
    for sid, start, end, text in sentences[["sentence_id", "start", "end", "text"]].itertuples(
            index=False):
        if last_end is None or "\n" in text_of_gap(last_end, int(start)):
            scope = None  # a new paragraph
        text = _STREAK.sub("", str(text))
        one = [m.end() for m in _ONE_YEAR.finditer(text)]
        many = [m.end() for m in _PERIOD_CUE.finditer(text)]
        if _OPENS_ON_YEAR.search(text.strip()):
            scope = "year"
        elif one or many:
            scope = "year" if max(one, default=-1) > max(many, default=-1) else "period"
        out[sid] = scope
        last_end = int(end)
    return out


def one_year_mask(results: pd.DataFrame, sentences: pd.DataFrame | None,
                  sections: pd.DataFrame | None = None, text: str | None = None) -> pd.Series:
    """True for result rows that state one year's outcome, False for several-year figures.

    A row is a several-year figure when the words before it in its sentence say so (年均,
    累计, 五年, 十四五), or when it sits in a section reviewing a plan period (“十四五”时期发展
    成就) and its paragraph has not turned to a single year (刚刚过去的2025年, 过去一年, 全年).
    ``text`` (the report's text) tells paragraphs apart; without it each sentence is one.
    Rows without a sentence are judged by their indicator name alone (五年城镇新增就业).

    >>> s = pd.DataFrame({"sentence_id": [1], "start": [0], "end": [21],
    ...                   "text": ["城镇新增就业1000万人，年均增长5%"]})
    >>> r = pd.DataFrame({"sentence_id": [1, 1], "start": [6, 18], "indicator": ["城镇新增就业", "增长"]})
    >>> one_year_mask(r, s).tolist()
    [True, False]
    """
    names = results["indicator"] if "indicator" in results.columns else pd.Series("", index=results.index)
    keep = ~names.fillna("").astype(str).map(is_multi_year)
    if sentences is None or not len(sentences) or not len(results):
        return keep
    sentences = sentences.sort_values("start", kind="stable")
    sent = {sid: (int(start), str(text)) for sid, start, text
            in sentences[["sentence_id", "start", "text"]].itertuples(index=False)}
    period = _period_sections(sections)
    sec_of = (dict(zip(sentences["sentence_id"], sentences["section_id"]))
              if "section_id" in sentences.columns else {})
    scopes = _scopes(sentences, (lambda a, b: text[a:b]) if isinstance(text, str)
                     else (lambda a, b: "\n"))
    for label, sid, start in results[["sentence_id", "start"]].itertuples():
        found = sent.get(sid)
        if found is None or pd.isna(start):
            continue
        s_start, s_text = found
        prefix = s_text[: max(0, int(start) - s_start)]
        scope = scopes.get(sid)
        in_period = scope == "period" or (scope is None and sec_of.get(sid) in period)
        # 扣除房地产开发投资后，固定资产投资增长2.7%: another scope, not the indicator itself
        other_scope = bool(_OTHER_SCOPE.search(prefix[-30:]))
        # 从2020年的53.2%提升到2025年的57.7%: the level after 到2025年 is that year's level
        at_year = bool(re.search(r"(?:到|至)\d{4}年(?:的|底|末)?$", prefix))
        if not at_year and (in_period or other_scope or is_multi_year(prefix)):
            keep.at[label] = False
    return keep


#: A sentence that opens a look back at the last year (过去一年，…; 刚刚过去的2025年，…).
_LOOK_BACK = re.compile(r"^(?:过去一年|去年|刚刚过去的\d{4}年|\d{4}年是)")
#: Words of a plan, which a stated result does not carry.
_FUTURE = re.compile(r"今年|预期|目标|力争|确保|要|将|计划|拟")


def past_year_mask(rows: pd.DataFrame, sentences: pd.DataFrame | None,
                   text: str | None = None) -> pd.Series:
    """True for rows that state last year's result although they sit in the plan part.

    Reports often recall last year's results where the plan begins (过去一年，我们的各项工作
    取得了很大成绩。国内生产总值增长10.3%…), so those rows carry the plan's kind. A row counts
    when an earlier sentence of its paragraph opens with a look back (过去一年, 去年, 刚刚过去的
    2025年) and its own sentence has no word of a plan (今年, 目标, 力争, 要 …).

    >>> s = pd.DataFrame({"sentence_id": [1, 2, 3], "start": [0, 14, 30],
    ...     "end": [13, 29, 45], "text": ["过去一年，我们取得了很大成绩。", "国内生产总值增长10.3%。",
    ...     "今年国内生产总值增长8%左右。"]})
    >>> r = pd.DataFrame({"sentence_id": [2, 3], "start": [20, 38]})
    >>> past_year_mask(r, s, "过去一年，我们取得了很大成绩。国内生产总值增长10.3%。今年国内生产总值增长8%左右。").tolist()
    [True, False]
    """
    out = pd.Series(False, index=rows.index)
    if sentences is None or not len(sentences) or not len(rows):
        return out
    looking_back, last_end, state = {}, None, False
    for sid, start, end, s_text in sentences.sort_values("start", kind="stable")[
            ["sentence_id", "start", "end", "text"]].itertuples(index=False):
        if last_end is None or (isinstance(text, str) and "\n" in text[last_end:int(start)]):
            state = False
        s_text = str(s_text).strip()
        looking_back[sid] = state and not _FUTURE.search(s_text)
        if _LOOK_BACK.search(s_text):
            state = True
        elif _FUTURE.search(s_text):
            state = False
        last_end = int(end)
    return rows["sentence_id"].map(looking_back).fillna(False).astype(bool)


#: Prices stated without a number: 居民消费价格与上年持平 is a change of 0%.
_FLAT = re.compile(r"(居民消费价格(?:总水平|指数)?|CPI)(?:涨幅)?(?:与上年|同比)?(?:基本)?持平")


def flat_prices(sentences: pd.DataFrame | None) -> pd.DataFrame:
    """Result rows for prices a report calls flat (持平): a growth of 0%.

    >>> s = pd.DataFrame({"sentence_id": [4], "start": [100], "part": ["review"],
    ...                   "text": ["城镇调查失业率4.7%，居民消费价格与上年持平。"]})
    >>> flat_prices(s)[["indicator", "value", "raw", "start"]].values.tolist()
    [['居民消费价格', 0.0, '居民消费价格与上年持平', 112]]
    """
    rows = []
    if sentences is not None and len(sentences):
        for sid, start, text, part in sentences.reindex(
                columns=["sentence_id", "start", "text", "part"]).itertuples(index=False):
            if isinstance(part, str) and part not in ("review", "other"):
                continue
            for m in _FLAT.finditer(str(text)):
                rows.append({"indicator": m.group(1), "value": 0.0, "unit": "%",
                             "change": "growth", "bound": "point", "kind": "actual",
                             "raw": m.group(0), "sentence_id": sid,
                             "start": int(start) + m.start(), "end": int(start) + m.end()})
    columns = ["indicator", "value", "unit", "change", "bound", "kind", "raw", "sentence_id",
               "start", "end"]
    return pd.DataFrame(rows, columns=columns)


#: A clause saying a target was reached (超额完成国家激励目标, 完成国家下达任务) ...
_DONE = re.compile(r"(?:超额|全面|圆满|如期)?(?:完成|实现|达到|超过)[^，。；]{0,14}?(?:目标|任务)"
                   r"|(?:目标|任务)(?:全面|圆满|如期|超额)?(?:完成|实现)")
#: ... or was not (没有完成…目标, 未实现…目标, 全国没有年初确定的…的目标).
_NOT_DONE = re.compile(r"(?:没有|未能|未)(?:完成|实现|达到)?[^，。；]{0,40}?(?:目标|任务)"
                       r"|(?:目标|任务)[^，。；]{0,6}?(?:没有|未能|未)(?:完成|实现|达到)")


def stated_verdict(names, sentences: pd.DataFrame | None):
    """(status, sentence_id, phrase) when a review says of this indicator that its target was
    or was not reached, without a number (能耗强度超额完成国家激励目标); else None.

    ``names`` are the indicator's spellings (specific ones: 物价, not 投资). The clause that
    names the indicator decides; 没有/未 before the verb makes it a miss.

    >>> s = pd.DataFrame({"sentence_id": [3], "part": ["review"],
    ...     "text": ["能耗强度超额完成国家激励目标，碳排放强度下降20.5%。"]})
    >>> stated_verdict(["能耗强度"], s)
    ('met', 3, '能耗强度超额完成国家激励目标')
    >>> s.loc[0, "text"] = "全国没有年初确定的单位国内生产总值能耗降低4%左右的目标。"
    >>> stated_verdict(["单位国内生产总值能耗"], s)[0]
    'missed'
    """
    return _verdict(names, _review_texts(sentences))


def _review_texts(sentences: pd.DataFrame | None) -> list[tuple]:
    """(sentence_id, text) of the review part (or of unknown part), in order."""
    if sentences is None or not len(sentences):
        return []
    return [(sid, str(text)) for sid, text, part
            in sentences.reindex(columns=["sentence_id", "text", "part"]).itertuples(index=False)
            if not isinstance(part, str) or part in ("review", "other")]


def _verdict(names, texts: list[tuple]):
    names = [n for n in dict.fromkeys(names) if isinstance(n, str) and len(n) >= 2]
    for sid, text in texts:
        for name in names:
            at = text.find(name)
            if at < 0:
                continue
            begin = max(text.rfind(c, 0, at) for c in "，,；;。") + 1
            ends = [i for i in (text.find(c, at + len(name)) for c in "，,；;。") if i >= 0]
            clause = text[begin:min(ends) if ends else len(text)]
            if re.search(r"\d", clause[clause.find(name) + len(name):]) and "目标" not in clause:
                continue  # a number of its own: the quantity rows judge it
            if _NOT_DONE.search(clause):
                return "missed", sid, clause
            if _DONE.search(clause):
                return "met", sid, clause
    return None


#: Two subjects sharing one name and two numbers (城镇和农村居民人均可支配收入分别增长4.3%、5.5%).
_TWO_SUBJECTS = re.compile(r"^(?P<pre>.*?)(?:城镇(?:和|、|与|及)农村|城乡)(?P<rest>.+)$")


def split_subjects(rows: pd.DataFrame) -> pd.DataFrame:
    """Give each of two numbers of a 分别 sentence its own subject: 城镇… first, 农村… second.

    Only where one name covering both subjects carries exactly two numbers in one sentence;
    names already split (the extraction stage may do it) are left alone.

    >>> r = pd.DataFrame({"indicator": ["城镇和农村居民人均可支配收入"] * 2, "sentence_id": [4, 4],
    ...                   "start": [30, 35]})
    >>> split_subjects(r)["indicator"].tolist()
    ['城镇居民人均可支配收入', '农村居民人均可支配收入']
    """
    if not {"indicator", "sentence_id", "start"} <= set(rows.columns) or not len(rows):
        return rows
    names = rows["indicator"].fillna("").astype(str)
    both = names.str.match(_TWO_SUBJECTS)
    if not both.any():
        return rows
    out = rows.copy()
    # the change too: a rate's mirrored copy (下降 read as negative growth) is its own pair
    change = out["change"] if "change" in out.columns else pd.Series("", index=out.index)
    keys = [names[both], out.loc[both, "sentence_id"], change[both].fillna("")]
    for _, group in out[both].groupby(keys):
        if len(group) != 2:
            continue
        m = _TWO_SUBJECTS.match(str(group["indicator"].iloc[0]))
        first, second = group.sort_values("start", kind="stable").index
        out.at[first, "indicator"] = f"{m['pre']}城镇{m['rest']}"
        out.at[second, "indicator"] = f"{m['pre']}农村{m['rest']}"
    return out


#: Weights reports give grain in, as factors to 斤 (1吨 = 2000斤): 1300万吨 meets 252亿斤以上.
_WEIGHTS = {"斤": 1.0, "吨": 2000.0, "公斤": 2.0}


def _with_other_weights(results: pd.DataFrame) -> pd.DataFrame:
    """Add, for each weight, the same result in the other weight units (raw text unchanged)."""
    if "unit" not in results.columns or "value" not in results.columns:
        return results
    weights = results[results["unit"].isin(list(_WEIGHTS))]
    copies = [weights.assign(unit=unit, value=pd.to_numeric(weights["value"], errors="coerce")
                             * weights["unit"].map(_WEIGHTS) / factor)
              for unit, factor in _WEIGHTS.items()]
    copies = [c[c["unit"] != weights["unit"]] for c in copies]
    return pd.concat([results, *copies], ignore_index=True) if len(weights) else results


#: A rate's level left on the name as a fall (涨幅回落到2.6%: the rate *is* 2.6%, not -2.6%).
_RATE_LEVEL = r"(?:涨幅|增幅|增速)(?:回落|下降|降|回升|上升)(?:到|至)$"


def _spellings(indicator: object, canonical: object, places: tuple[str, ...]) -> list[str]:
    """The names under which a review may mention an indicator: its own, canonical, aliases."""
    names = [normalize_indicator(indicator, places=places), str(canonical or "")]
    names = [n for n in names if len(n) >= 3]  # 投资, 项目: too generic to find by name
    # the reviewed aliases may be short (物价 for 居民消费价格)
    names += _aliases_of().get(canonical, [])
    return [n for n in names if len(n) >= 2]


@lru_cache(maxsize=1)
def _aliases_of() -> dict:
    table = load_aliases()
    return table.groupby("canonical")["alias"].apply(list).to_dict()


def judge_statements(out: pd.DataFrame, statements, places=()) -> None:
    """Judge, in place, the rows of a tracking table that have no outcome figure on what the
    next report's ``statements`` (its sentences) say of them (`stated_verdict`)."""
    if statements is None or not len(out):
        return
    todo = out.index[out["outcome_value"].isna()]
    texts = _review_texts(statements) if len(todo) else []
    for label in todo:
        verdict = _verdict(_spellings(out.at[label, "indicator"], out.at[label, "canonical"],
                                      places), texts)
        if verdict is None:
            continue
        status, sid, phrase = verdict
        out["status"] = out["status"].astype(object)
        out.at[label, "status"] = status
        out.at[label, "outcome_raw"] = phrase
        out.at[label, "outcome_sentence"] = statements.set_index("sentence_id")["text"].get(sid)
        out.at[label, "match_method"] = "statement"
        out.at[label, "match_confidence"] = 0.9
        out.at[label, "note"] = f"stated without a number: {phrase}"


def outcome_candidates(actuals: pd.DataFrame) -> pd.DataFrame:
    """The result rows that can be a one-year outcome, with a boolean ``one_year`` column.

    Gaps against a reference (高出全市1.4个百分点: change ``gap`` or a ``reference``) are
    no outcome of the place's own target and are dropped; ``one_year`` is False for
    several-year figures (年均增长, 累计 …) so that they are never judged as one year.

    >>> a = pd.DataFrame({"indicator": ["五年城镇新增就业", "生产总值", "生产总值"],
    ...     "change": ["level", "gap", "growth"], "reference": [None, "全市", None]})
    >>> outcome_candidates(a)[["indicator", "one_year"]].values.tolist()
    [['五年城镇新增就业', False], ['生产总值', True]]
    """
    a = actuals
    drop = a["change"].eq("gap") if "change" in a.columns else pd.Series(False, index=a.index)
    if "reference" in a.columns:
        drop |= a["reference"].notna() & a["reference"].astype(str).str.strip().ne("")
    a = a[~drop.fillna(False).astype(bool)].copy()
    names = a["indicator"].fillna("").astype(str)
    level = names.str.contains(_RATE_LEVEL) & a["change"].isin(["decrease", "growth"])
    if level.any():
        # the mirrored copy (-2.6 growth) goes; the row itself is the rate, a growth of 2.6%
        a = a[~(level & (pd.to_numeric(a["value"], errors="coerce") < 0))].copy()
        level = level.reindex(a.index)
        a.loc[level, "change"] = "growth"
    a = _with_other_weights(split_subjects(a))
    named = ~a["indicator"].fillna("").astype(str).map(is_multi_year).astype(bool)
    own = a["one_year"] if "one_year" in a.columns else pd.Series(True, index=a.index)
    a["one_year"] = own.fillna(True).astype(bool) & named
    return a


#: 居民收入增长与经济增长(基本)同步: incomes to grow as fast as the economy.
_SYNC = re.compile(r"收入[^，。；]{0,6}?(?:增长|增速)?[与和同][^，。；]{0,4}?经济增长[^，。；]{0,4}?同步")
#: A clause of a headline list that sets a target (a verb of growth, holding or finishing).
_TARGET_VERB = re.compile(r"同步|增长|高于|完成|保持|提高|下降|改善|稳定|提质|达到|一致")
#: Clauses that qualify the list rather than set a target (在实际工作中争取更好结果, 经分析测算).
_NOT_A_TARGET = re.compile(r"更好结果|测算|部署|综合|考虑")
#: A direction without a number: 进出口总额保持正增长 is growth above zero.
_POSITIVE = re.compile(r"^(?:确保|力争|努力)?(.{2,12}?)(?:力争|努力|确保)?(?:保持|实现)?正增长$")
#: Canonical name of the income-synchronisation target.
SYNC = "居民收入与经济增长同步"


def unnumbered_targets(targets: pd.DataFrame, sentences: pd.DataFrame | None) -> pd.DataFrame:
    """Headline targets without a number, from the clauses of the headline sentences.

    居民收入增长与经济增长同步 becomes a target of kind ``sync`` (see `judge_sync`); 进出口总额保持
    正增长 a growth target with a floor of 0; any other clause that sets a target (进出口稳量提质,
    完成国家下达任务) a row without a value, which only the next report's words can decide.

    >>> t = pd.DataFrame({"headline": [True], "sentence_id": [1]})
    >>> s = pd.DataFrame({"sentence_id": [1], "start": [0],
    ...     "text": ["地区生产总值增长5%左右；进出口总额保持正增长，居民收入增长与经济增长同步。"]})
    >>> unnumbered_targets(t, s)[["indicator", "value", "change", "bound"]].values.tolist()
    [['进出口总额', 0.0, 'growth', 'lower'], ['居民收入增长与经济增长同步', nan, 'sync', 'sync']]
    """
    columns = ["indicator", "canonical", "raw", "value", "unit", "change", "bound", "commitment",
               "headline", "sentence_id", "start", "end", "sentence"]
    rows = []
    if sentences is not None and len(sentences) and "headline" in targets.columns:
        ids = set(targets.loc[targets["headline"].eq(True), "sentence_id"])
        for sid, start, text in sentences[["sentence_id", "start", "text"]].itertuples(index=False):
            if sid not in ids:
                continue
            for m in re.finditer(r"[^；;，,。：:]+", str(text)):
                clause = m.group(0).strip()
                if re.search(r"[0-9０-９]", clause) or not _TARGET_VERB.search(clause) \
                        or _NOT_A_TARGET.search(clause):
                    continue
                row = {"raw": clause, "value": math.nan, "unit": None, "change": None,
                       "bound": None, "indicator": clause, "canonical": canonical_indicator(clause)}
                positive = _POSITIVE.match(clause)
                if _SYNC.search(clause):
                    row.update(indicator="居民收入增长与经济增长同步", canonical=SYNC, unit="%",
                               change="sync", bound="sync")
                elif positive:
                    row.update(indicator=positive.group(1), value=0.0, unit="%", change="growth",
                               bound="lower", canonical=canonical_indicator(positive.group(1)))
                rows.append({**row, "commitment": "none", "headline": True, "sentence_id": sid,
                             "start": int(start) + m.start(), "end": int(start) + m.end(),
                             "sentence": text})
    return pd.DataFrame(rows, columns=columns)


def judge_sync(out: pd.DataFrame, results: pd.DataFrame) -> None:
    """Judge, in place, the ``sync`` rows: met when incomes grew no more than 0.5 percentage
    points slower than the economy (both as the next report states them), else missed.

    The all-residents income is used; with only urban and rural figures, both must pass.
    Without the income or the growth figure the row stays unclear.
    """
    rows = out.index[out["change"].eq("sync")]
    if not len(rows) or results is None or not len(results):
        return
    growth = results[results["change"].eq("growth") & results["unit"].eq("%")]
    if "one_year" in growth.columns:
        growth = growth[growth["one_year"].astype(bool)]
    growth = growth.sort_values("start", kind="stable")
    names = growth["indicator"].map(canonical_indicator)

    def first(name):
        hit = growth[names == name]
        return None if hit.empty else hit.iloc[0]

    gdp = first("生产总值")
    incomes = [first("居民人均可支配收入")]
    if incomes[0] is None:
        incomes = [first("城镇居民人均可支配收入"), first("农村居民人均可支配收入")]
    if gdp is None or any(i is None for i in incomes):
        return
    ok = all(as_number(i["value"]) >= as_number(gdp["value"]) - 0.5 for i in incomes)
    evidence = "、".join(f"{i['indicator']}{i['raw']}" for i in incomes)
    out["status"] = out["status"].astype(object)
    for label in rows:
        out.at[label, "status"] = "met" if ok else "missed"
        out.at[label, "outcome_raw"] = f"{evidence}; {gdp['indicator']}{gdp['raw']}"
        out.at[label, "outcome_sentence"] = incomes[0].get("sentence")
        out.at[label, "match_method"] = "sync"
        out.at[label, "match_confidence"] = 0.9
        out.at[label, "note"] = "income growth against GDP growth (0.5 percentage points allowed)"


#: Money that qualifies a counted noun (5亿元以上项目, 超百亿元项目): a threshold, not an amount.
_THRESHOLD = re.compile(r"^(?:及?以上|以上的)?的?(?:重大|重点|产业|工业|招商|制造业)?(?:项目|企业|工程)")


def threshold_mask(rows: pd.DataFrame, sentences: pd.DataFrame | None) -> pd.Series:
    """True for amounts that only qualify a counted noun (引进5亿元以上项目3个, 超百亿元项目).

    Such a figure is a per-project threshold: it never pairs with a total of the same name.

    >>> s = pd.DataFrame({"sentence_id": [1], "start": [0], "text": ["引进投资5亿元以上项目3个"]})
    >>> r = pd.DataFrame({"sentence_id": [1, 1], "start": [4, 11], "end": [7, 13],
    ...                   "unit": ["元", "个"]})
    >>> threshold_mask(r, s).tolist()
    [True, False]
    """
    out = pd.Series(False, index=rows.index)
    if sentences is None or not len(sentences) or not len(rows) \
            or not {"end", "unit"} <= set(rows.columns):
        return out
    money = rows["unit"].isin(["元", "美元"])  # 10个项目 counts projects: no threshold
    sent = {sid: (int(start), str(text)) for sid, start, text
            in sentences[["sentence_id", "start", "text"]].itertuples(index=False)}
    for label, sid, end in rows.loc[money, ["sentence_id", "end"]].itertuples():
        found = sent.get(sid)
        if found is None or pd.isna(end):
            continue
        after = found[1][int(end) - found[0]:int(end) - found[0] + 10]
        out.at[label] = bool(_THRESHOLD.match(after))
    return out
