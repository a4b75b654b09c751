"""One tidy record per quantity: indicator, value, unit, change, bound, commitment, kind.

The rules follow the genre: a clause (between ，；。) names its subject before a linking verb
(生产总值完成171.31亿元); an elided subject (同比增长9.5%) belongs to the previous indicator of
the sentence; 、-enumerated subjects pair with 、-enumerated values (A、B分别达到90%、60%) or
share one value (A、B均为100%); 确保/力争 mark commitments; the part of the report (review /
plan) and the clause's own wording decide between last year's result and this year's target.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

import pandas as pd

from policytext.quantities.clauses import CLAUSE_MARKS, TARGET_WORDS, ClauseBounds, sentence_index
from policytext.quantities.measures import not_measures
from policytext.quantities.numbers import Quantity, find_quantities, unit_table

__all__ = ["COLUMNS", "extract_indicators"]

COLUMNS = [
    "raw", "start", "end", "indicator", "value", "value_low", "value_high", "unit", "change",
    "bound", "commitment", "kind", "headline", "section_id", "sentence_id",
    "scale", "approx", "bound_text", "form", "numeral", "unit_category", "group",
    "subject_start", "subject_end", "reference",
]

# Verbs that link a subject to its number; leftmost match splits subject | predicate.
_LINK_RE = re.compile(
    r"优化调整为|调整为|分别达到|分别为|分别是|分别|均达到|均为|均达|都为|都达到"
    # bare 均 ("all") only before a verb: 人均/平均/年均/户均 are parts of names
    r"|(?<![年人平户亩日月])均(?=[为达超在增提下降实完保控居有是])"
    r"|同比增长|同比下降|同比|较上年|比上年|较\d{4}年|比\d{4}年|较"
    # 增速比全国高0.5个百分点: a comparison with a reference right before the number
    r"|(?<![占对相])比(?!上年|去年|同期)(?=[\u4e00-\u9fff]{2,10}?(?:高出|(?<![提增升])高|(?<![降减])低|快|慢)$)"
    r"|完成|实现|达到|达(?!标)|增长(?!率)|增加(?!值)|提高|提升|下降|降至|降到|降低|减少|压缩至|压减"
    r"|控制在|稳定在|保持在|维持在|保持|占比|占(?![比地])|超过|突破|高出|高于|低于|(?<![安定聚移])居(?![住民])|(?<![作成认因])为(?![主民了契])"
)
# links after which an empty subject means "the same indicator as before" (elision)
_ELIDING = re.compile(r"^(?:同比|较|比|增长|增加|提高|提升|下降|降低|减少|高出"
                      r"|高于|低于|占|分别|均|为)")
#: A number of years (五年, 10年): spans of time that open or stand in for a subject.
_YEARS = r"(?:[一二三四五六七八九十两]{1,3}|\d{1,2})年"
_LEAD_RE = re.compile(
    r"^(?:(?:\d{4}年)?(?:\d{1,2}月(?:\d{1,2}日)?|上半年|下半年|年底|年末|年内)(?:底|末)?(?:前|之前)?"
    r"|全年|今年|去年|上年|当年|年内|全区|全市|全县|全省|全镇|其中|同时|并且|并|累计|共计|总计"
    r"|合计|共|确保|力争|争取|力求|努力|至少|最少|不少于|实现|完成|达到|加快|推进"
    # 三年来, 过去五年, 近10年间: over how long, not part of the name
    rf"|(?:过去|近|最近){_YEARS}(?:来|间)?|{_YEARS}(?:来|间)"
    # the marker of a list item: 1.地区生产总值增长6%；（2）…；①…
    r"|\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[）)]|[①-⑳])+"
)
#: A change or size word standing alone where the subject would be.
_CHANGE_NOUN = re.compile(r"增速|增幅|增长率|涨幅|降幅|总量|总额|规模")
#: A span of time standing where the subject would be (五年, 过去五年, 三年来, 近10年).
_DURATION = re.compile(rf"(?:过去|近|前|这|最近)?{_YEARS}(?:来|间|中|里)?")
# 由/从 close a subject before a "from X to Y" pair (生产总值由1850亿元增加到2630亿元)
# One tail word at the very end; `_strip_tail` peels them off one by one, because a `(...)+$`
# pattern would be retried from every position of a long subject (quadratic time).
_TAIL_RE = re.compile(r"(?:首次|继续|持续|进一步|稳定|分别|年均|均|同比|的|确保|力争|争取|由|从|、"
                      r"|(?<![主纲重需只])要|将)$")
_TAIL_MAX = 3  # the longest tail word
_COMMIT_RE = re.compile(r"确保|力争|争取|力求|努力")
_GAP_BOUND_RE = re.compile(r"至少|最少|不少于|不低于|最多|不超过|不高于")
_GAP_BOUNDS = {"至少": "lower", "最少": "lower", "不少于": "lower", "不低于": "lower",
               "最多": "upper", "不超过": "upper", "不高于": "upper"}
_PAST_WORDS = re.compile(r"去年|上年|过去|已经|已")
_HEADLINE_RE = re.compile(r"主要预期目标|主要目标是|主要目标为|预期目标是|预期目标为")
_DECREASE = re.compile(r"下降|减少|降低|回落|下滑|缩减|压减|减")
_GROWTH = re.compile(r"增长|增速|增幅|涨幅|上涨|提高|提升|上升|增加(?!值)|递增|同比|比上年|较上年|高出")
_TO_LEVEL = re.compile(r"(?:降|减|提高|提升|增|增加|增长|上升|下降|减少|降低|扩大|缩小|压缩|调整)(?:至|到)"
                       r"|达到|达|为$")
_SHARE = re.compile(r"占|比重|比例|份额|占比")
# The counted noun after a number (7个安置区项目); a conjunction there starts the next item instead
# (学校3所和幼儿园5所), so it is never a follower.
_FOLLOW_RE = re.compile(r"的?(?![和与及或])([\u4e00-\u9fff“”A-Za-z0-9（）]{1,12})")
_PUNCT_OR_DIGIT = re.compile(r"[，；。！？：、\n,;:!?\d]")
# the next item of a list begins (9个小型污水处理站和花园口村污水处理泵站)
_CONJ = re.compile(r"[和与及或]")
# Verbs of the genre's works and counts: where a counted noun ends and its predicate begins
# (11个村回迁群众4.6万人), and what a name made of a verb alone needs an object for.
_ACTION = (r"新开工|开工|竣工|完工|建成|投用|新建|改造|整治|提升|完成|开通|通车|签约|落地|回迁"
           r"|安置|搬迁|入驻|实施|启动|引进|新增|培育|打造|建设|拆除|清理|治理|修建|整修|投运"
           r"|投产|封顶|验收|交付|上市")
_ACTION_RE = re.compile(_ACTION)
# 竣工 / 新开工 / 建成投用 / 主体竣工: a name that is only a verb
_BARE_VERB = re.compile(rf"(?:全面|基本|主体|全部)?(?:新)?(?:{_ACTION})+")
# the verbs around the object of a verb-object name (开工安置房, 谋划建设市政道路, 教育项目加快实施)
_OBJ_HEAD = re.compile(rf"(?:谋划|计划|规划|加快|推进|全面|新|累计)*(?:{_ACTION})")
_OBJ_TAIL = re.compile(rf"(?:加快|全面|基本|主体|全部|顺利)*(?:{_ACTION})$")
# verbs that also make nouns (对标提升专项行动, 提质增效工程): a counted noun may hold them
_NOUN_FORMING = frozenset({"提升", "提高", "增加", "减少", "降低", "压减"})
# 高出全市1.4个百分点, 高于全省0.8个百分点, 比全国平均高0.5个百分点: a gap to a reference
_GAP_RE = re.compile(r"(?:高出|高于|低于|超出|快于|慢于|好于)(?P<ref>[\u4e00-\u9fff]{1,10})$"
                     r"|(?<![占对相])比(?!上年|去年|同期)(?P<ref2>[\u4e00-\u9fff]{2,10}?)"
                     r"(?:高出|(?<![提增升])高|(?<![降减])低|快|慢)了?$")
# two-sided subjects that 分别 splits into their sides
_PAIRED = {"城乡": ("城镇", "农村"), "进出口": ("进口", "出口"), "存贷款": ("存款", "贷款")}


def _strip_tail(s: str) -> str:
    """Drop the words that close a subject without naming it (分别, 同比, 的, 由 ...).

    >>> _strip_tail("生产总值由"), _strip_tail("城乡居民收入分别分别")
    ('生产总值', '城乡居民收入')
    """
    end = len(s)
    while m := _TAIL_RE.search(s, max(0, end - _TAIL_MAX), end):
        end = m.start()
    return s[:end]


def _split_items(subject: str) -> list[str]:
    """PM2.5、PM10年均浓度 -> [PM2.5年均浓度, PM10年均浓度]: a short code borrows the shared tail."""
    items = [x for x in subject.split("、") if x]
    if len(items) < 2:
        return items
    last = items[-1]
    m = re.match(r"[A-Za-z0-9.]+", last)
    if m and all(re.fullmatch(r"[A-Za-z0-9.]+", x) for x in items[:-1]) and m.end() < len(last):
        tail = last[m.end():]
        items = [x + tail for x in items[:-1]] + [last]
    elif all(len(x) == 2 for x in items[:-1]) and len(last) >= 5:
        # 城镇、农村居民人均可支配收入: two-character qualifiers share the last item's head noun
        tail = last[2:]
        items = [x + tail for x in items[:-1]] + [last]
    return items


@dataclass
class _Name:
    indicator: str
    start: int
    end: int
    items: list[str]
    elided: bool


def _name(text: str, q: Quantity, pre_start: int, clause_end: int, last: str | None,
          next_start: int) -> _Name:
    """What ``q`` measures, from the text before it in its clause (or right after it)."""
    pre_end = q.bound_start if q.bound_start >= 0 else q.start
    pre = text[pre_start:pre_end]
    lead = _LEAD_RE.match(pre)
    off = lead.end() if lead else 0
    body = pre[off:]
    link = _LINK_RE.search(body)
    subj = body[: link.start()] if link else body
    subj = _strip_tail(subj).strip()
    if _names_nothing(subj):
        subj = ""
    start = pre_start + off
    if link and subj and link.group(0) in _NOUN_FORMING \
            and len(_strip_tail(body[link.end():])) >= 2:
        # 整治提升支路背街小巷43条: 提升 joins two verbs before their object; it links no subject
        link, subj = None, ""
    # an empty subject whose link leaves no object before the number (同比增长9.5%,
    # 力争突破6000亿元, 继续稳定在800亿斤以上) speaks of the previous indicator
    bare_link = link and not _strip_tail(body[link.end():]).strip()
    if link and not subj and (_ELIDING.match(body[link.start():]) or bare_link) and last:
        rest = body[link.start():]
        if rest.startswith("占"):
            return _Name(last + _share_phrase(rest), start, pre_end, [], True)
        return _Name(last, start, pre_end, [], True)
    if link and subj:
        rest = body[link.end():]
        if body[link.start()] == "占":
            # 税收占一般公共预算收入比重: the share is named by the whole phrase
            subj = subj + _share_phrase(body[link.start():])
        elif link.group(0) in ("完成", "实现") and rest and not _LINK_RE.match(rest):
            subj = subj + _strip_tail(rest)  # 主导产业完成增加值 -> 主导产业增加值
        return _Name(subj, start, start + link.start(), _split_items(subj), False)
    # verb-object or nothing before the number
    obj = _LINK_RE.sub("", body, count=1) if link and link.start() == 0 else body
    obj = _strip_tail(obj).strip()
    follower = _follower(text, q, clause_end, next_start)
    category = unit_table().get(q.unit, "")
    # N个X: the counted noun follows the number (7个安置区项目, 开元西路等100条道路)
    if follower and (category == "count" or not obj):
        return _Name(follower, q.end, q.end + len(follower), [], False)
    if obj and last and _names_nothing(obj):
        return _Name(last, start, pre_end, [], True)  # 总量突破300亿元 (突破 read as a bound)
    if obj:
        return _Name(obj, start, pre_end, _split_items(obj), False)
    return _Name(last or "", pre_end, pre_end, [], bool(last))


def _names_nothing(subject: str) -> bool:
    """A span of time or a bare 增速/总量 in the subject's place: the indicator is the one before.

    五年年均增长5.2%, 十年增加70万亿元, 增速高于全省0.8个百分点, 总量突破3000亿元.

    >>> [_names_nothing(s) for s in ("五年", "三年来", "增速", "生产总值")]
    [True, True, True, False]
    """
    return bool(_DURATION.fullmatch(subject) or _CHANGE_NOUN.fullmatch(subject))


def _share_phrase(rest: str) -> str:
    nxt = _LINK_RE.search(rest, 1)
    return _strip_tail(rest[: nxt.start()] if nxt else rest)


def _follower(text: str, q: Quantity, clause_end: int, next_start: int) -> str:
    """The counted noun after ``q`` (7个安置区项目), stopping where the next item begins.

    When the words run on into the next number of the clause (11个村回迁群众4.6万人), the
    counted noun ends at the verb that predicates that number: 村 is counted, 回迁群众 is
    the next number's name.
    """
    end = q.bound_end if q.bound_end >= 0 else q.end
    m = _FOLLOW_RE.match(text, end, min(clause_end, max(next_start, end)))
    if not m:
        return ""
    word = m.group(1)
    if _LINK_RE.match(word):
        return ""  # 156家增加到512家: a verb after the number, not a counted noun
    cut = _PUNCT_OR_DIGIT.search(word)
    runs_on = word[cut.start()].isdigit() if cut else m.end() == next_start
    word = word[: cut.start()] if cut else word
    # the 12-character window cut the phrase: a second item after 和 is what ran over
    # (9个小型污水处理站和花园口村污水处理泵站); a phrase that fits is one noun
    # (40个民生保障和社会事业项目)
    capped = not cut and m.end() < len(text) and bool(_FOLLOW_RE.match(text, m.end()))
    conj = _CONJ.search(word, 4) if capped else None
    word = word[: conj.start()] if conj else word
    if runs_on:
        verb = [x.start() for x in (_LINK_RE.search(word, 1), _ACTION_RE.search(word, 1)) if x]
        return word[: min(verb)] if verb else word
    link = next((x for x in _LINK_RE.finditer(word, 1) if x.group(0) not in _NOUN_FORMING), None)
    return word[: link.start()] if link else word


def _object_noun(name: str) -> str:
    """The thing a verb-object name acts on: 开工安置房 -> 安置房, 教育项目加快实施 -> 教育项目.

    >>> _object_noun("谋划建设市政道路"), _object_noun("教育项目加快实施"), _object_noun("竣工")
    ('市政道路', '教育项目', '')
    """
    if len(name) > 30:
        return ""  # no verb-object phrase runs this long: a clause without punctuation
    noun = name
    # strip verb by verb, keeping two characters at least: 开工安置房 keeps 安置房
    while (m := _OBJ_HEAD.match(noun)) and m.end() and len(noun) - m.end() >= 2:
        noun = noun[m.end():]
    while (m := _OBJ_TAIL.search(noun)) and m.start() >= 2:
        noun = noun[: m.start()]
    return noun if len(noun) >= 2 and noun != name else ""


def _reference(text: str, clause_start: int, q: Quantity) -> str:
    """The yardstick of a gap (高出全市1.4个百分点 -> 全市), or "" when ``q`` is no gap.

    >>> t = "同比增长9.5%，高出市定目标2.3个百分点"
    >>> _reference(t, 9, find_quantities(t)[1])
    '市定目标'
    """
    end = q.bound_start if q.bound_start >= 0 else q.start
    m = _GAP_RE.search(text[max(clause_start, end - 14):end])
    return (m.group("ref") or m.group("ref2")) if m else ""


def _subjects(subject: str, n: int | None = None) -> list[str]:
    """The ``n`` subjects a 分别/均 statement speaks of: 城乡居民收入 -> 城镇居民收入, 农村居民收入.

    >>> _subjects("城乡居民人均可支配收入", 2)
    ['城镇居民人均可支配收入', '农村居民人均可支配收入']
    >>> _subjects("城镇和农村居民人均可支配收入", 2)
    ['城镇居民人均可支配收入', '农村居民人均可支配收入']
    """
    items = _split_items(re.sub(r"[和与及]", "、", subject))
    if len(items) == 1:
        for pair, sides in _PAIRED.items():
            at = subject.find(pair)
            if at >= 0 and n in (None, len(sides)):
                head, tail = subject[:at], subject[at + len(pair):]
                return [head + side + tail for side in sides]
    if len(items) == n or (n is None and len(items) > 1):
        return items
    return []


class _Marks:
    """Every match of a pattern in one text, found once: the last one inside any span is then a
    bisection, so a clause holding thousands of numbers is not searched once per number."""

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        found = [(m.end(), m.start(), m.group(0)) for m in pattern.finditer(text)]
        self._ends = [e for e, _, _ in found]
        self._found = found

    def last(self, lo: int, hi: int) -> str:
        """The last match lying inside [lo, hi), or ""."""
        k = bisect.bisect_right(self._ends, hi) - 1
        return self._found[k][2] if k >= 0 and self._found[k][1] >= lo else ""


def _change(q: Quantity, text: str, clause_start: int, indicator: str, shares: _Marks) -> str:
    if q.form == "ratio":
        return "ratio"
    if q.unit in ("个百分点", "百分点"):
        return "pp_change"
    pre_end = q.bound_start if q.bound_start >= 0 else q.start
    pre = text[max(clause_start, pre_end - 12):pre_end]
    is_share = bool(shares.last(clause_start, pre_end) or _SHARE.search(indicator))
    window = pre[-8:]
    to_level = _TO_LEVEL.search(window)
    dec = list(_DECREASE.finditer(window))
    grow = list(_GROWTH.finditer(window))
    last_dec = dec[-1].end() if dec else -1
    last_grow = grow[-1].end() if grow else -1
    if q.unit == "%" or q.unit == "倍":
        if to_level and to_level.end() >= max(last_dec, last_grow):
            return "share" if is_share else "level"
        if last_dec > last_grow:
            return "decrease"
        if last_grow > -1 and not re.search(r"占", pre[-12:]):
            return "growth"
        return "share" if is_share else "level"
    if last_dec > last_grow and not to_level and last_dec >= len(window) - 4:
        return "decrease"
    if last_grow > last_dec and not to_level and last_grow >= len(window) - 2 and \
            not window.endswith("新增"):
        return "increase"
    return "level"


def _kind(part: str, clause: str, year: int | None) -> str:
    target = bool(TARGET_WORDS.search(clause))
    past_year = bool(year and any(int(y) < year for y in re.findall(r"(\d{4})年", clause)))
    if part == "review":
        return "target" if re.search(r"力争|确保|争取|预计|计划", clause) else "actual"
    if part in ("plan", "self_improvement"):
        return "actual" if (_PAST_WORDS.search(clause) or past_year) and not target else "target"
    return "target" if target and not past_year else "actual"


def _headline_spans(text: str) -> list[tuple[int, int]]:
    """From each 主要预期目标是 to the end of its line, and on through a list that follows it.

    A list set out one target per line (…目标是：\\n1.生产总值增长6.5%左右；\\n2.…。) goes on
    while a line ends in ： or ；, and ends with the line that closes it.

    >>> t = "主要预期目标是：\\n1.生产总值增长6%；\\n2.就业1万人。\\n（一）做强实体经济。"
    >>> [t[a:b] for a, b in _headline_spans(t)]
    ['主要预期目标是：\\n1.生产总值增长6%；\\n2.就业1万人。']
    """
    spans = []
    for m in _HEADLINE_RE.finditer(text):
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        for _ in range(30):  # a headline list is short; a runaway page is not one
            if end >= len(text) or not text[:end].rstrip().endswith(("：", ":", "；", ";")):
                break
            nxt = text.find("\n", end + 1)
            end = len(text) if nxt < 0 else nxt
        spans.append((m.start(), end))
    return spans


def extract_indicators(text: str, sentences: pd.DataFrame | None = None,
                       sections: pd.DataFrame | None = None, *,
                       year: int | None = None) -> pd.DataFrame:
    """Every quantity of ``text`` as one row (see ``COLUMNS``), sorted by offset.

    ``sentences``/``sections`` come from ``policytext.structure.headings``; without them the
    text is split at 。！？ and ``kind`` is read from the wording only.

    >>> df = extract_indicators("生产总值完成171.31亿元，同比增长9.5%。")
    >>> df[["raw", "indicator", "value", "unit", "change"]].values.tolist()
    [['171.31亿元', '生产总值', 17131000000.0, '元', 'level'], ['9.5%', '生产总值', 9.5, '%', 'growth']]
    """
    sents = sentence_index(text, sentences, sections)
    clauses = ClauseBounds(text)
    heads = _headline_spans(text)
    quantities = find_quantities(text)
    skip = not_measures(text)
    commits, shares = _Marks(_COMMIT_RE, text), _Marks(_SHARE, text)
    kinds: dict[tuple[int, int, str], str] = {}
    gap_bounds = _gap_bounds(text, quantities)
    # where the next measured quantity (with its bound words) begins, for each quantity
    next_start = [len(text)] * len(quantities)
    nxt = len(text)
    for j in range(len(quantities) - 1, -1, -1):
        next_start[j] = nxt
        q = quantities[j]
        if q.start not in skip:
            nxt = q.bound_start if q.bound_start >= 0 else q.start
    rows: list[dict] = []
    last_by_sentence: dict[int, str] = {}
    noun_by_sentence: dict[int, str] = {}  # the object of the sentence's last verb-object name
    history: dict[int, list[str]] = {}  # indicators named so far in each sentence
    group_size = Counter(q.group for q in quantities if q.group >= 0)
    group_names: dict[int, list[str]] = {}
    group_pos: dict[int, int] = {}
    assigned: dict[int, list[str]] = {}  # the name each member of a group was given
    prev_end = -1
    qualifier_start = -1  # start of a size class (亿元以上) that opens the next name
    for j, q in enumerate(quantities):
        i = max(bisect.bisect_right(sents.starts, q.start) - 1, 0)
        s_lo, s_hi = sents.starts[i], max(sents.ends[i], q.end)
        c_start = clauses.start(s_lo, q.start)
        c_end = clauses.end(q.end, s_hi)
        pre_start = c_start
        if c_start <= prev_end <= q.start:
            pre_start = prev_end + (1 if text[prev_end:prev_end + 1] in ("、", "和", "与", "及") else 0)
        if c_start <= qualifier_start < q.start:
            pre_start = qualifier_start  # 引进亿元以上项目三至五个 is named with its class
        last = last_by_sentence.get(i)
        name = _name(text, q, pre_start, c_end, last, next_start[j])
        if q.start in skip:
            # a size class is no row: the count it qualifies is named from its subject on
            b0 = q.bound_start if q.bound_start >= 0 else q.start
            qualifier_start = min(name.start, b0) if skip[q.start] == "size_class" else -1
            continue
        qualifier_start = -1
        if not name.elided and q.group < 0:
            noun = noun_by_sentence.get(i, "")
            if _BARE_VERB.fullmatch(name.indicator):
                if noun:  # 开工安置房260万平方米，竣工230万平方米: the object carries over
                    name = _Name(noun + name.indicator, name.start, name.end, [], False)
            elif _object_noun(name.indicator):
                noun_by_sentence[i] = _object_noun(name.indicator)
        if name.start >= q.end:  # the name followed the number: the next one starts after it
            prev_end_name = name.end
        else:
            prev_end_name = -1
        names = [name.indicator]
        if q.group >= 0:
            k = group_pos.get(q.group, 0)
            group_pos[q.group] = k + 1
            if k == 0:
                group_names[q.group] = name.items
                if name.elided and "分别" in text[name.start:q.start]:
                    prev = quantities[j - 1].group if j else -1
                    if prev >= 0 and group_size[prev] == group_size[q.group] \
                            and len(assigned.get(prev, ())) == group_size[prev]:
                        # 城乡居民收入分别达到4万元、2万元，分别增长5%和7%: the values pair
                        # with those of the enumeration just before, whatever named them
                        group_names[q.group] = assigned[prev]
                    else:
                        # A达到…，B达到…，分别增长7.8%、9.3%: the sentence's last subjects
                        group_names[q.group] = _recent(history.get(i, []), group_size[q.group])
                if len(group_names[q.group]) < group_size[q.group] and re.search(
                        r"分别|(?<![年人平户亩日月])均", text[name.start:q.start]):
                    # 城乡居民人均可支配收入分别增长5%、6%: urban 5, rural 6
                    group_names[q.group] = _subjects(name.indicator, group_size[q.group]) \
                        or group_names[q.group]
            items = group_names.get(q.group, [])
            if len(items) > 1:
                names = [items[min(k, len(items) - 1)]]
            elif k > 0 and pre_start == q.start and last:
                names = [last]
            assigned.setdefault(q.group, []).append(names[0])
        elif re.search(r"分别|(?<![年人平户亩日月])均|都", text[name.end:q.start]) \
                and len(_subjects(name.indicator)) > 1:
            names = _subjects(name.indicator)  # A、B均为100%: one value, one row per subject
        bound, words = q.bound, q.bound_text
        if q.start in gap_bounds:
            bound, words = gap_bounds[q.start]
        commit = commits.last(c_start, q.start)
        commitment = ("ensure" if commit == "确保" else "strive") if commit else "none"
        part = sents.part[i]
        if (c_start, c_end, part) not in kinds:  # one clause, one kind: read it once
            kinds = {(c_start, c_end, part): _kind(part, text[c_start:c_end], year)}
        kind = kinds[(c_start, c_end, part)]
        reference = _reference(text, c_start, q)
        for nm in names:
            rows.append({
                "raw": q.raw, "start": q.start, "end": q.end, "indicator": nm,
                "value": q.value, "value_low": q.value_low if bound != "upper" else float("nan"),
                "value_high": q.value_high if bound != "lower" else float("nan"),
                "unit": q.unit, "bound": bound,
                "change": "gap" if reference else _change(q, text, c_start, nm, shares),
                "commitment": commitment, "kind": kind,
                "headline": any(a <= q.start < b for a, b in heads),
                "section_id": sents.section[i], "sentence_id": sents.ids[i],
                "scale": q.scale, "approx": q.approx, "bound_text": words, "form": q.form,
                "numeral": q.numeral, "unit_category": unit_table().get(q.unit, q.unit),
                "group": q.group, "subject_start": name.start, "subject_end": name.end,
                "reference": reference,
            })
        if names and names[-1] and not (q.group >= 0 and len(group_names.get(q.group, [])) > 1):
            last_by_sentence[i] = names[-1]
        elif q.group >= 0 and not name.elided and name.indicator and "、" not in name.indicator:
            # 城乡居民收入分别增长6%、7%，增速高于全省…: what follows speaks of the joint subject
            last_by_sentence[i] = name.indicator
        for nm in names:
            if nm and history.setdefault(i, [])[-1:] != [nm]:
                history[i].append(nm)
        prev_end = max(q.bound_end if q.bound_end >= 0 else q.end, prev_end_name)
    df = pd.DataFrame(rows, columns=COLUMNS)
    return df.sort_values(["start", "end"], kind="stable").reset_index(drop=True)


def _recent(names: list[str], n: int) -> list[str]:
    """The last ``n`` distinct names in text order, or [] when fewer were named."""
    out: list[str] = []
    for nm in reversed(names):
        if nm not in out:
            out.append(nm)
        if len(out) == n:
            return out[::-1]
    return []


def _gap_bounds(text: str, quantities: list[Quantity]) -> dict[int, tuple[str, str]]:
    """至少建成10所: a bound word a few characters before a number in the same clause.

    The word goes to the first following quantity of the clause that has no bound of its
    own (至少引进投资5亿元以上项目3个 bounds the 3, not the 5亿元)."""
    out: dict[int, tuple[str, str]] = {}
    starts = [q.start for q in quantities]
    for m in _GAP_BOUND_RE.finditer(text):
        j = bisect.bisect_left(starts, m.end())
        while j < len(quantities):
            q = quantities[j]
            between = text[m.end():q.start]
            if any(c in CLAUSE_MARKS + "“”" for c in between) or len(between) > 16:
                break
            if not q.bound_text:
                out[q.start] = (_GAP_BOUNDS[m.group(0)], m.group(0))
                break
            if q.bound_start == m.start():
                break  # the word is the number's own prefix
            j += 1
    return out
