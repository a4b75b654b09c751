"""Term discovery: multi-word policy terms a report (or a corpus) uses as units.

jieba splits what its dictionary does not know: 精准医疗 → 精准/医疗, 人才公寓 → 人才/公寓. A
term is found from the text itself, as a run of 2-6 jieba words that

- *recurs* (``count``: at least twice in a report);
- *sticks together* (``cohesion``: the pointwise mutual information of its weakest split into a
  left and a right part, in nats; ``together``: the share of the rarer part's uses that fall
  inside the term; parts that mostly live apart make a phrase, unless the evidence is strong);
- *stands free* (``left_entropy`` / ``right_entropy``: entropy of the words before and after it;
  punctuation, a function word or a genre verb counts as a new neighbour every time). A piece of
  a longer unit has one neighbour only (文化区 after 大运河 every time) and fails;
- does not open or close on a function word, nor open on a genre verb (推进, 加快 ...) unless
  that word is mostly used inside this term (高标准 in 高标准农田).

The genre's ``shape`` (X + 园区/示范区/工程/行动/改革/体系/机制/中心/公寓 …) lowers the bar on the
side it closes: a head noun ends the unit whatever follows. In one report a programme named once
with a strong head (城乡居民增收计划) is kept too (:func:`named_programmes`); over a corpus, a phrase
several reports put in quotes.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache
from math import log
from pathlib import Path

import pandas as pd

from policytext.words.jieba_base import FastCut, policy_jieba

__all__ = ["DISCOVERY_COLUMNS", "NAMED_HEADS", "SHAPE_HEADS", "discover_corpus",
           "discover_terms", "discovered_terms", "named_programmes", "proposed_terms", "shape_of"]

DISCOVERY_COLUMNS = ["term", "count", "reports", "cohesion", "together", "left_entropy",
                     "right_entropy", "shape", "score", "kept", "why"]

#: Head nouns that close a policy term in this genre (a reviewed list, longest first when matched).
SHAPE_HEADS = (
    "园区", "产业园", "示范区", "先行区", "试验区", "实验区", "自贸区", "开发区", "功能区", "合作区",
    "工程", "行动", "计划", "改革", "体系", "机制", "中心", "公寓", "经济", "产业", "平台", "走廊",
    "通道", "基地", "集群", "制度", "模式", "战略", "基金", "保险", "补贴", "政策", "城市", "乡村",
    "农田", "生产力", "大市场", "经济圈", "经济带", "都市圈", "城市群", "贸易港", "联合体", "新通道",
    "工作法", "专项行动", "三年行动",
)
_HEADS = sorted(SHAPE_HEADS, key=len, reverse=True)

_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
_QUOTED = re.compile(r"[“「]([\u4e00-\u9fff]{3,8})[”」]")
_MAX_WORDS = 6
_MIN_CHARS, _MAX_CHARS = 3, 12
#: Entropy (nats) of the neighbours on a free side: two different neighbours give ln 2 = 0.69.
_MIN_ENTROPY = 0.6
#: PMI (nats) of the weakest split below which the parts are just two words side by side.
_MIN_COHESION = 1.0
#: Share of a part's uses inside the term (weakest split) below which the parts are free words.
_MIN_TOGETHER = 0.5
#: Uses of a genre word below which its share inside a term says nothing.
_MIN_USES = 5
#: Cohesion and neighbour entropy (nats) that vouch for a term whose parts are common words.
_STRONG_COHESION, _STRONG_ENTROPY = 4.0, 1.5
#: A function word or genre verb is part of a term when the rest occurs this often with it.
_GLUED = 0.8
#: An opening genre verb is kept only when at least this share of its uses open this term.
_OWN_SHARE = 0.3


@lru_cache(maxsize=1)
def _stop_sets() -> tuple[frozenset[str], frozenset[str]]:
    folder = Path(__file__).resolve().parents[1] / "resources"

    def read(name: str) -> frozenset[str]:
        lines = (folder / name).read_text(encoding="utf-8").splitlines()
        return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))

    return read("stopwords_general.txt"), read("stopwords_genre.txt")


def shape_of(term: str) -> str:
    """The genre head a term ends with (``"X+体系"``), else ``""``.

    >>> shape_of("现代化产业体系"), shape_of("精准医疗")
    ('X+体系', '')
    """
    if not term.endswith(SHAPE_HEADS):
        return ""
    for head in _HEADS:
        if term.endswith(head) and len(term) > len(head):
            return "X+" + head
    return ""


class _Stats:
    """Word n-gram counts over one text or a corpus, then the neighbours of the candidates.

    N-grams are counted level by level, extending only those that recur; only the recurring
    ones get their left and right neighbours collected, which keeps a corpus in memory.
    """

    def __init__(self, texts: Iterable[str], cut: FastCut, *, min_count: int,
                 min_reports: int) -> None:
        general, genre = _stop_sets()
        self.count: Counter[tuple[str, ...]] = Counter()
        self.reports: Counter[tuple[str, ...]] = Counter()
        self.left: defaultdict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
        self.right: defaultdict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
        self.total = 0
        self.texts = texts = list(texts)
        docs = [[cut.words(m.group(0)) for m in _HAN_RUN.finditer(text)] for text in texts]
        self.docs = docs
        for runs in docs:
            for words in runs:
                self.total += len(words)
                self.count.update((w,) for w in words)
        # Level by level (n = 2 … 6 words): an n-gram can only recur where its first n-1 words
        # recur, so only those positions are extended. Most of a report's n-grams occur once,
        # which makes this far cheaper than counting every n-gram.
        active = [(d, r, i) for d, runs in enumerate(docs) for r, words in enumerate(runs)
                  for i in range(len(words))
                  if self.count[(words[i],)] >= min_count]
        self.wanted: dict[tuple[str, ...], list[tuple[int, int, int]]] = {}
        for n in range(2, _MAX_WORDS + 1):
            level: Counter[tuple[str, ...]] = Counter()
            grams = []
            for d, r, i in active:
                words = docs[d][r]
                if i + n <= len(words):
                    gram = tuple(words[i:i + n])
                    if sum(map(len, gram)) <= _MAX_CHARS:
                        level[gram] += 1
                        grams.append((gram, d, r, i))
            active = []
            for gram, d, r, i in grams:
                if level[gram] >= min_count:
                    active.append((d, r, i))
                    self.wanted.setdefault(gram, []).append((d, r, i))
            self.count.update({g: c for g, c in level.items() if c >= min_count})
            if not active:
                break
        for gram, places in self.wanted.items():
            self.reports[gram] = len({d for d, _, _ in places})
        fresh = 0
        for gram, places in self.wanted.items():
            left, right = self.left[gram], self.right[gram]
            n = len(gram)
            for d, r, i in places:
                words = docs[d][r]
                # Punctuation, a run's edge, a function word or a genre verb never extends a
                # unit: as a neighbour each counts as a new one.
                fresh += 1
                w = words[i - 1] if i else None
                left[w if w is not None and w not in general and w not in genre
                     else f"\x00{fresh}"] += 1
                w = words[i + n] if i + n < len(words) else None
                right[w if w is not None and w not in general and w not in genre
                      else f"\x01{fresh}"] += 1

    def table(self, *, min_count: int, min_reports: int, named: bool = False) -> pd.DataFrame:
        general, genre = _stop_sets()
        # How many distinct words follow each word: a free word opens many phrases.
        rows = []
        n_total = max(self.total, 1)
        for gram in self.wanted:
            c = self.count[gram]
            term = "".join(gram)
            if len(term) < _MIN_CHARS or c < min_count or self.reports[gram] < 1:
                continue
            cohesion = min(
                log(c * n_total / (self.count[gram[:k]] * self.count[gram[k:]]))
                for k in range(1, len(gram))
            )
            together = min(_together(gram, k, self.count) for k in range(1, len(gram)))
            le, re_ = _entropy(self.left[gram]), _entropy(self.right[gram])
            shape = shape_of(term)
            why = _reject(gram, c, self.reports[gram], cohesion, together, le, re_, shape,
                          general, genre, self, min_count, min_reports)
            score = log(c) * (1 + min(le, re_)) * min(cohesion, 8.0) * (0.5 + together) * (
                1.5 if shape else 1.0)
            rows.append((term, c, self.reports[gram], round(cohesion, 3), round(together, 3),
                         round(le, 3),
                         round(re_, 3), shape, round(score, 3), not why, why or "kept"))
        if named:
            # In one report a programme may be named once: its strong head vouches for it.
            found = Counter()
            for runs in self.docs:
                found.update(named_programmes(runs))
            known = {r[0] for r in rows if r[9]}
            nan = float("nan")
            rows += [(term, c, 1, nan, nan, nan, nan, shape_of(term), 0.0, True,
                      "kept (named programme)") for term, c in found.items() if term not in known]
        out = pd.DataFrame(rows, columns=DISCOVERY_COLUMNS)
        return _drop_shadowed(_keep_nested(out), self.texts).sort_values(
            ["kept", "score", "term"], ascending=[False, False, True], ignore_index=True)


#: Heads strong enough to close a programme's name even when the report names it once.
NAMED_HEADS = ("行动", "计划", "工程", "示范区", "先行区", "试验区", "产业园", "园区", "走廊", "试点",
               "中心", "基地", "工具")
_MIN_NAMED_WORDS = 3


def named_programmes(runs: list[list[str]]) -> Counter[str]:
    """Programme names read once: a run of content words closed by a strong head (行动, 工程 ...).

    The name starts after the nearest function word or punctuation on the left, without the
    genre verbs that open it (实施|城乡居民增收计划; 扩容提升工程 keeps its 提升), has at least
    three words and at most 12 characters, and does not open on a counter or a numeral.

    >>> named_programmes([["实施", "城乡居民", "增收", "计划"], ["开展", "专项", "行动"]])
    Counter({'城乡居民增收计划': 1})
    """
    general, genre = _stop_sets()
    found: Counter[str] = Counter()
    for words in runs:
        for j, w in enumerate(words):
            if not w.endswith(NAMED_HEADS):
                continue
            i, chars = j, len(w)
            while i > 0:
                prev = words[i - 1]
                if prev in general or chars + len(prev) > _MAX_CHARS:
                    break
                i -= 1
                chars += len(prev)
            # Genre words may sit inside (扩容提升工程) but never open the name.
            while i < j and (words[i] in genre or len(words[i]) == 1):
                i += 1
            if j - i + 1 >= _MIN_NAMED_WORDS and not _NUMERAL_START.match(words[i]):
                found["".join(words[i:j + 1])] += 1
    return found


_NUMERAL_START = re.compile(r"[一二三四五六七八九十百千万两\d]")


def _together(gram, k, count) -> float:
    """Share of the rarer side's uses that the split of `gram` before word `k` accounts for."""
    return count[gram] / min(count[gram[:k]], count[gram[k:]])


def _entropy(neighbours: Counter[str]) -> float:
    n = sum(neighbours.values())
    return -sum(c / n * log(c / n) for c in neighbours.values()) if n else 0.0


def _reject(gram, c, reports, cohesion, together, le, re_, shape, general, genre, stats,
            min_count, min_reports) -> str:
    if c < min_count:
        return f"count < {min_count}"
    if reports < min_reports:
        return f"in < {min_reports} reports"
    first, last = gram[0], gram[-1]
    count = stats.count
    # A function word at an edge belongs to the term only when the rest never goes without
    # it (和美乡村 is 和/美/乡村 to jieba); inside, only when it glues both sides (投资于人),
    # not when it joins two phrases that live apart, and never 的 (X的Y is a phrase).
    if first in general and (first in _NEVER_EDGE or c < _GLUED * count[gram[1:]]) \
            or last in general and (last in _NEVER_EDGE or c < _GLUED * count[gram[:-1]]) \
            or any(w in general and (w == "的" or min(_together(gram, k, count),
                                                      _together(gram, k + 1, count)) < _GLUED)
                   for k, w in enumerate(gram[1:-1], 1)):
        return "function word"
    if all(w in genre or w in general for w in gram):
        return "only genre words"
    if len(first) == 1 and first in _NOT_OPENING or len(last) == 1 and last in _NOT_CLOSING:
        return "opens on a counter or closes on a position word"
    # A genre word opens a term only if the term is most of its uses (高标准农田); it closes
    # one also when the rest seldom stands without it (京津冀协同 is followed by 发展).
    if first in genre and (c < _OWN_SHARE * count[(first,)] or count[(first,)] < _MIN_USES):
        return "opens on a genre verb"
    if last in genre and c < _OWN_SHARE * count[(last,)] and c < _GLUED * count[gram[:-1]]:
        return "closes on a genre verb"
    if cohesion < _MIN_COHESION:
        return "parts not cohesive"
    # Free parts are fine when the evidence is strong: many uses, each side varied (量子科技).
    if together < _MIN_TOGETHER and not shape and not (
            cohesion >= _STRONG_COHESION and min(le, re_) >= _STRONG_ENTROPY):
        return "parts mostly used apart"
    if le < _MIN_ENTROPY:
        return "left neighbour fixed (part of a longer unit)"
    if re_ < _MIN_ENTROPY and not shape:
        return "right neighbour fixed (part of a longer unit)"
    return ""


#: One-character words that open counted phrases (条道路, 个百分点) or close on a position (年底前).
_NOT_OPENING = frozenset("个条座项家所名处套亩批次年月日前后中上下内外里占达近约")
_NOT_CLOSING = frozenset("占达前后中上下内外里超近约时")
#: Function words that never open or close a term, however often they stand beside it.
_NEVER_EDGE = frozenset({"的", "之", "为", "在", "是", "了", "着", "以", "对", "把", "将", "被"})


def _pieces(terms) -> dict[str, list[str]]:
    """Every proper piece (2+ characters) of the terms -> the terms that contain it."""
    out: dict[str, list[str]] = {}
    for term in terms:
        for i in range(len(term)):
            for j in range(i + 2, len(term) + 1):
                if j - i < len(term):
                    out.setdefault(term[i:j], []).append(term)
    return out


def _keep_nested(table: pd.DataFrame) -> pd.DataFrame:
    """Keep a free-standing piece of a kept term (大运河文化 of 大运河文化区) whose parts are common.

    The longer unit vouches for the piece's cohesion; its own neighbours show it stands alone.
    """
    pieces = _pieces(table.loc[table["kept"].astype(bool), "term"])
    mask = (table["why"] == "parts mostly used apart") & table["term"].isin(pieces.keys())
    table.loc[mask, "kept"] = True
    table.loc[mask, "why"] = "kept (stands alone and inside a longer term)"
    return table


def _spans_inside(text: str, term: str, longer: list[str]) -> set[int]:
    """Starts of the occurrences of `term` that lie inside an occurrence of a longer term."""
    starts = set()
    for big in longer:
        off = big.find(term)
        i = text.find(big)
        while i >= 0:
            starts.add(i + off)
            i = text.find(big, i + 1)
    return starts


def _drop_shadowed(table: pd.DataFrame, texts: list[str]) -> pd.DataFrame:
    """Un-keep a kept term whose every occurrence in the texts sits inside a longer kept term."""
    kept = list(table.loc[table["kept"].astype(bool), "term"])
    pieces = _pieces(kept)
    shadowed = set()
    for term in kept:
        longer = list(dict.fromkeys(pieces.get(term, ())))
        if not longer:
            continue
        alone = sum(t.count(term) for t in texts)
        # Occurrences inside the longer terms, counted once each however they nest.
        inside = sum(len(_spans_inside(t, term, longer)) for t in texts)
        if inside >= alone:
            shadowed.add(term)
    if shadowed:
        mask = table["term"].isin(shadowed) & table["kept"]
        table.loc[mask, "kept"] = False
        table.loc[mask, "why"] = "only inside a longer term"
    return table


def _cut() -> FastCut:
    return FastCut(policy_jieba())


def discover_terms(text: str, *, min_count: int = 2, all_candidates: bool = False) -> pd.DataFrame:
    """Terms one report uses as units, with their evidence (see the module's docstring).

    Columns: term, count, reports (1), cohesion, left_entropy, right_entropy, shape, score,
    kept (bool), why ("kept" or the reason it was not). Kept terms first, best score first;
    `all_candidates` also returns the rejected ones.

    >>> t = "建设人才公寓。人才公寓300套，新建人才公寓，配租人才公寓。"
    >>> discover_terms(t)[["term", "count", "shape", "kept"]]
       term  count  shape  kept
    0  人才公寓      4  X+公寓  True
    """
    stats = _Stats([text], _cut(), min_count=min_count, min_reports=1)
    table = stats.table(min_count=min_count, min_reports=1, named=True)
    return table if all_candidates else table[table["kept"].astype(bool)].reset_index(drop=True)


def discovered_terms(text: str) -> list[str]:
    """The kept terms of :func:`discover_terms`, longest first (the tokenizer protects them).

    >>> discovered_terms("新建人才公寓，配租人才公寓。")
    ['人才公寓']
    """
    return sorted(discover_terms(text)["term"], key=lambda t: (-len(t), t))


def discover_corpus(texts: Iterable[str], *, min_count: int = 3, min_reports: int = 2,
                    all_candidates: bool = False) -> pd.DataFrame:
    """Terms used at least ``min_count`` times in all, in at least ``min_reports`` reports.

    Counts and neighbours are summed over the corpus; ``reports`` says in how many reports
    the term occurs. A phrase of 3-8 characters that ``min_reports`` reports put in quotes
    (“投资于人”) is kept too (why: "quoted in N reports"). Same columns as
    :func:`discover_terms`.

    >>> docs = ["新建人才公寓，配租人才公寓。", "人才公寓建成。", "没有。"]
    >>> discover_corpus(docs)[["term", "count", "reports"]]
       term  count  reports
    0  人才公寓      3        2
    """
    texts = list(texts)
    stats = _Stats(texts, _cut(), min_count=min_count, min_reports=min_reports)
    table = stats.table(min_count=min_count, min_reports=min_reports)
    # A phrase several reports put in quotes is a coined term, however its parts are used.
    quoting: Counter[str] = Counter()
    for text in texts:
        quoting.update({m.group(1) for m in _QUOTED.finditer(text)})
    known = set(table.loc[table["kept"].astype(bool), "term"])
    nan = float("nan")
    extra = [(term, sum(t.count(term) for t in texts), n, nan, nan, nan, nan, shape_of(term), 0.0,
              True, f"quoted in {n} reports")
             for term, n in sorted(quoting.items()) if n >= min_reports and term not in known]
    if extra:
        table = pd.concat([table, pd.DataFrame(extra, columns=DISCOVERY_COLUMNS)],
                          ignore_index=True)
    return table if all_candidates else table[table["kept"].astype(bool)].reset_index(drop=True)


def proposed_terms() -> pd.DataFrame:
    """The corpus proposals awaiting review (``resources/proposed_terms.txt``), with evidence.

    Written by ``tools/refresh_lexicon.py`` from the project's corpus; columns term, count,
    reports, cohesion, together, left_entropy, right_entropy, shape (lines already moved into
    the lexicon are not there any more).

    >>> list(proposed_terms().columns)[:3]
    ['term', 'count', 'reports']
    """
    path = Path(__file__).resolve().parents[1] / "resources" / "proposed_terms.txt"
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        entry, _, evidence = line.partition("#")
        count, reports, coh, tog, le, re_, shape = evidence.split()
        rows.append((entry.split()[0], int(count), int(reports), float(coh), float(tog),
                     float(le), float(re_), "" if shape == "-" else shape))
    return pd.DataFrame(rows, columns=["term", "count", "reports", "cohesion", "together",
                                       "left_entropy", "right_entropy", "shape"])
