"""Numbered formulations (提法): 四个意识, 三大攻坚战, 一核三带六园, 双随机一公开, 8个100% ...

Government reports coin slogans by counting: a numeral (or 双/两) followed by a short head,
often chained. They are found by three general rules, never by a list of known slogans:

1. *quoted*: a short quoted phrase whose every 、-separated part opens with a numeral
   (“四重点一稳定一保证”, “七个一工作法”, “三下降、一好转”);
2. *chain*: two or more numeral + head groups in a row (双随机一公开, 三河一渠七沟);
3. *counted*: a Chinese numeral + 个/大/项/篇/张 + an abstract head from a reviewed list
   (四个意识, 三大攻坚战), or N个100% / N个百分之百.

Plain counts of things (3个转运站, 2个老旧示范片区) are quantities, not formulations: they fail
rule 3 because their head is concrete and they are written with digits.
"""

from __future__ import annotations

import re

import pandas as pd

from policytext.words.jieba_base import plain_jieba

__all__ = ["formulation_spans", "formulations"]

_CN = "一二三四五六七八九十两双"
_NUM = f"[{_CN}百千]"
#: Characters that cannot open a chain head: they make ordinary counted or ordinal phrases
#: (十九届, 三中全会, 2019年, 十一次) rather than slogans.
_NOT_HEAD = "届次年月日号条座名人家所万亿期批件层级倍成位岁天周米里亩吨元中是要种些"
_HEAD_CHAR = rf"(?![{_CN}百千{_NOT_HEAD}])[\u4e00-\u9fff]"
_TAIL_CHAR = rf"(?:(?![{_CN}百千])[\u4e00-\u9fff])"

#: Rule 2: two or more groups "numeral + 1-2 character head"; not preceded by 第 or a digit.
# Both patterns open with a lookahead on their possible first characters so the regex engine
# skips the rest of the text quickly (same matches, a third of the time).
_CHAIN = re.compile(
    rf"(?=[{_CN}百千])(?<![第\d{_CN}百千])(?:{_NUM}{{1,2}}{_HEAD_CHAR}{_TAIL_CHAR}?){{2,}}"
    rf"(?:{_NUM}{{1,2}}{_HEAD_CHAR})?"
)

#: Rule 3 heads: abstract nouns that counted slogans use. Reviewed list, genre-wide.
COUNTED_HEADS = (
    "意识", "自信", "维护", "确立", "全面", "攻坚战", "战略", "环境", "文章", "重点", "基本",
    "必须", "优先", "导向", "融合", "统筹", "坚持", "服务", "行动", "工程", "体系", "机制",
    "中心", "平台", "转变", "目标", "任务", "战役", "保卫战", "字", "字方针", "要求", "理念",
    "示范", "提升", "革命", "代表", "走在前列", "板块", "片区", "组团",
)
_COUNTED = re.compile(
    rf"(?=[{_CN}\d])(?:"
    rf"(?<![第\d{_CN}百千])[{_CN}十]{{1,3}}(?:个|大|项|篇|张|者)"
    rf"(?:{'|'.join(sorted(COUNTED_HEADS, key=len, reverse=True))})"
    rf"|(?<![\d.])\d{{1,2}}个(?:100%|百分之百)"
    rf"|(?<![第\d{_CN}百千])[{_CN}]{{1,3}}个(?:100%|百分之百))"
)

#: Rule 1: quoted phrase, up to 14 characters, Chinese/digits/%/、 only.
_QUOTED = re.compile(r"[“\"「]([\u4e00-\u9fff0-9%、]{2,14})[”\"」]")
_PART_OPENS_WITH_NUMERAL = re.compile(rf"^(?:{_NUM}|\d)")
#: Lexicalised words that open with a numeral but are not slogans.
_NOT_FORMULATIONS = frozenset({
    "一站式", "一体化", "一把手", "一系列", "一些", "一起", "一批", "一直", "一定", "一般", "一流", "一致", "一线", "一道",
    "一律", "一方面", "一揽子", "一切", "一样", "一同", "一并", "一度", "一贯", "一味", "一举", "一心", "一旦", "一面", "一级",
    "两岸", "双方", "双向", "双重", "十分", "百姓", "千万", "万一", "三农",
})
_HAS_NUMERAL_HEAD = re.compile(rf"{_NUM}(?![{_NOT_HEAD}])[\u4e00-\u9fff%]|\d+个")


_LAST_GROUP = re.compile(rf"{_NUM}{{1,2}}([\u4e00-\u9fff]{{1,2}})$")


def _chain_end(text: str, m: re.Match) -> int:
    """End of a chain match, without a last character that belongs to the next word.

    The regex lets the last head take a second character (一公开, 双融合), so an unquoted
    chain can swallow the start of the following word (一核三带六园|建设). The second character
    stays only if it makes a dictionary word with the head and no likelier word with the
    character after the chain.
    """
    g = _LAST_GROUP.search(m.group(0))
    if g is None or len(g.group(1)) < 2:
        return m.end()
    freq = _dictionary()
    head = g.group(1)
    onward = text[m.end() - 1:m.end() + 1]  # tail char + the next one
    if freq.get(head, 0) > 0 and freq.get(onward, 0) <= freq.get(head, 0):
        return m.end()
    return m.end() - 1


def _dictionary() -> dict[str, int]:
    return plain_jieba().FREQ


def _quoted_ok(inner: str) -> bool:
    if inner in _NOT_FORMULATIONS or inner.isdigit():
        return False
    parts = inner.split("、")
    return all(p and _PART_OPENS_WITH_NUMERAL.match(p) for p in parts) and bool(
        _HAS_NUMERAL_HEAD.search(inner)
    )


def formulation_spans(text: str) -> pd.DataFrame:
    """Every formulation occurrence: columns formulation, start, end, kind, quoted.

    Quoted forms win over overlapping unquoted matches; a formulation found quoted once is
    also counted where the report repeats it without quotes.

    >>> formulation_spans("树牢“四个意识”，打好三大攻坚战，新建3个转运站")[["formulation", "kind"]]
      formulation     kind
    0        四个意识   quoted
    1       三大攻坚战  counted
    """
    found: list[tuple[int, int, str, bool]] = []
    quoted_forms: set[str] = set()
    for m in _QUOTED.finditer(text):
        if _quoted_ok(m.group(1)):
            found.append((m.start(1), m.end(1), "quoted", True))
            quoted_forms.add(m.group(1))
    for rx, kind in ((_COUNTED, "counted"), (_CHAIN, "chain")):
        for m in rx.finditer(text):
            # 百分之三 is a quantity written in words, not a slogan.
            if m.group(0) not in _NOT_FORMULATIONS and "百分之" not in m.group(0).replace(
                "百分之百", ""
            ):
                end = _chain_end(text, m) if kind == "chain" else m.end()
                found.append((m.start(), end, kind, False))
    if quoted_forms:
        pattern = re.compile("|".join(map(re.escape, sorted(quoted_forms, key=len, reverse=True))))
        found.extend((m.start(), m.end(), "repeated", False) for m in pattern.finditer(text))
    rows = _non_overlapping(found, text)
    return pd.DataFrame(rows, columns=["formulation", "start", "end", "kind", "quoted"])


def _non_overlapping(found, text):
    # Quoted first, then longest: a quoted “七个一工作法” beats the chain inside it.
    order = sorted(found, key=lambda f: (not f[3], -(f[1] - f[0]), f[0]))
    taken = bytearray(len(text) + 1)
    rows = []
    for start, end, kind, quoted in order:
        if any(taken[start:end]):
            continue
        taken[start:end] = b"\x01" * (end - start)
        rows.append((text[start:end], start, end, kind, quoted))
    rows.sort(key=lambda r: r[1])
    return rows


def formulations(text: str, *, window: int = 15) -> pd.DataFrame:
    """Formulations with counts: formulation, kind, count, first_start, first_end, context.

    `kind` is the rule that first found it; `context` is the first occurrence with `window`
    characters either side. Sorted by count (descending), then first appearance.

    >>> formulations("坚定“四个自信”。坚定四个自信，做到“两个维护”")[["formulation", "count"]]
      formulation  count
    0        四个自信      2
    1        两个维护      1
    """
    spans = formulation_spans(text)
    cols = ["formulation", "kind", "count", "first_start", "first_end", "context"]
    if spans.empty:
        return pd.DataFrame(columns=cols)
    first = spans.groupby("formulation", sort=False).first()
    out = pd.DataFrame({
        "formulation": first.index,
        "kind": first["kind"].to_numpy(),
        "count": spans.groupby("formulation", sort=False).size().to_numpy(),
        "first_start": first["start"].to_numpy(),
        "first_end": first["end"].to_numpy(),
    })
    out["context"] = [
        text[max(0, s - window):s].replace("\n", " ") + "【" + text[s:e] + "】"
        + text[e:e + window].replace("\n", " ")
        for s, e in zip(out["first_start"], out["first_end"])
    ]
    out = out.sort_values(["count", "first_start"], ascending=[False, True])
    return out[cols].reset_index(drop=True)
