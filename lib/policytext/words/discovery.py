"""Term discovery: multi-word policy terms a report (or a corpus) uses as units.

jieba splits what its dictionary does not know: 精准医疗 → 精准/医疗, 人才公寓 → 人才/公寓. A
term is found from the text itself, as a run of 2-6 words of the tokenizer's own cut (jieba's
words, places and quoted terms already whole: :mod:`policytext.words.segment`; the counts come
from :mod:`policytext.words.ngrams`) that

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
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from policytext.words.ngrams import Level, NGramCounts
from policytext.words.segment import TAGS, Segmentation, WordTable, default_segmenter
from policytext.words.spans import find_all, outside_lexicon_terms

__all__ = ["DISCOVERY_COLUMNS", "NAMED_HEADS", "SHAPE_HEADS", "discover_corpus",
           "discover_terms", "discovered_in", "discovered_spans", "discovered_terms",
           "named_programmes", "proposed_terms", "shape_of"]

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

_HAN_WORD = re.compile(r"[\u4e00-\u9fff]+")
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


#: Heads strong enough to close a programme's name even when the report names it once.
NAMED_HEADS = ("行动", "计划", "工程", "示范区", "先行区", "试验区", "产业园", "园区", "走廊", "试点",
               "中心", "基地", "工具")
_MIN_NAMED_WORDS = 3
#: Characters from which a name of two words (a long modifier and a head) is a programme's.
_MIN_NAMED_CHARS_OF_TWO = 7
_NUMERAL_START = re.compile(r"[一二三四五六七八九十百千万两\d]")
#: One-character words that open counted phrases (条道路, 个百分点) or close on a position (年底前).
_NOT_OPENING = frozenset("个条座项家所名处套亩批次年月日前后中上下内外里占达近约")
_NOT_CLOSING = frozenset("占达前后中上下内外里超近约时")
#: Function words that never open or close a term, however often they stand beside it.
_NEVER_EDGE = frozenset({"的", "之", "为", "在", "是", "了", "着", "以", "对", "把", "将", "被"})
#: Tokens that break a run of words: a term never holds a quantity, a date or a code.
_BREAKING_CODES = [TAGS.index(t) for t in ("quantity", "date", "code", "punct")]

#: Why a candidate is not a term, in the order the rules are tried ("" = kept).
_REASONS = ("", "count < {min_count}", "in < {min_reports} reports", "function word",
            "only genre words", "opens on a counter or closes on a position word",
            "opens on a genre verb", "closes on a genre verb", "parts not cohesive",
            "parts mostly used apart", "left neighbour fixed (part of a longer unit)",
            "right neighbour fixed (part of a longer unit)")
_APART = _REASONS.index("parts mostly used apart")


class _Vocabulary:
    """Tokens of one or more segmentations as word ids, -1 where a run of Chinese words breaks."""

    def __init__(self, segs: list[Segmentation]) -> None:
        self.words: list[str] = segs[0].vocabulary if segs else []
        if any(seg.vocabulary is not self.words for seg in segs):
            raise ValueError("discovery needs segmentations from one Segmenter")
        self.lengths, bits = _word_attributes(self.words)
        han = (bits & _HAN) > 0
        self.general, self.genre = (bits & _GENERAL) > 0, (bits & _GENRE) > 0
        self.never_edge, self.de = (bits & _NEVER) > 0, (bits & _DE) > 0
        self.not_opening, self.not_closing = (bits & _OPENS) > 0, (bits & _CLOSES) > 0
        self.named_head, self.head_end = (bits & _NAMED) > 0, (bits & _HEAD_END) > 0
        self.free = self.general | self.genre
        pieces, doc_starts, at = [], [], 0
        for seg in segs:
            n = len(seg)
            c = np.frombuffer(seg.ids, np.int32).astype(np.int64) if n else np.zeros(0, np.int64)
            tags = np.frombuffer(seg.tags, np.int8) if n else np.zeros(0, np.int8)
            ids = np.where(han[c] & ~np.isin(tags, _BREAKING_CODES), c, -1)
            starts = np.frombuffer(seg.starts, np.int32) if n else np.zeros(0, np.int32)
            # A dropped space between two words breaks the run too.
            gap = np.flatnonzero(starts[1:] != starts[:-1] + self.lengths[c[:-1]]) + 1
            ids = np.insert(ids, gap, -1)
            doc_starts.append(at)
            pieces += [ids, np.array([-1])]
            at += len(ids) + 1
        self.ids = np.concatenate(pieces) if pieces else np.zeros(0, np.int64)
        self.doc_starts = np.array(doc_starts, np.int64)

    def term(self, ids) -> str:
        return "".join(self.words[i] for i in ids)


_ATTRIBUTE_ARRAYS: dict[str, object] = {"words": None, "lengths": None, "bits": None}


def _word_attributes(words: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Lengths and attribute bits of a segmenter's vocabulary, extended as the vocabulary grows."""
    cache = _ATTRIBUTE_ARRAYS
    if cache["words"] is not words:
        cache.update(words=words, lengths=np.zeros(0, np.int64), bits=np.zeros(0, np.int64))
    lengths, bits = cache["lengths"], cache["bits"]
    if len(lengths) < len(words):
        new = words[len(lengths):]
        lengths = np.concatenate([lengths, np.fromiter(map(len, new), np.int64, len(new))])
        bits = np.concatenate([bits, np.fromiter(map(_attributes, new), np.int64, len(new))])
        cache.update(lengths=lengths, bits=bits)
    return lengths[:len(words)], bits[:len(words)]


_HAN, _GENERAL, _GENRE, _NEVER, _DE, _OPENS, _CLOSES, _NAMED, _HEAD_END = (
    1 << k for k in range(9))
#: Last characters of the genre heads: a term can only have a shape if its last word ends so.
_HEAD_LAST = frozenset(h[-1] for h in SHAPE_HEADS)


def _attributes(word: str) -> int:
    """What the rules ask of a word, as bits (kept per word table by _word_attributes)."""
    general, genre = _stop_sets()
    single = len(word) == 1
    return (_HAN * bool(_HAN_WORD.fullmatch(word)) | _GENERAL * (word in general)
            | _GENRE * (word in genre) | _NEVER * (word in _NEVER_EDGE) | _DE * (word == "的")
            | _OPENS * (single and word in _NOT_OPENING)
            | _CLOSES * (single and word in _NOT_CLOSING)
            | _NAMED * word.endswith(NAMED_HEADS)
            | _HEAD_END * (word[-1:] in _HEAD_LAST))


def _judge(stats: NGramCounts, vocab: _Vocabulary, lv: Level, min_count: int,
           min_reports: int) -> tuple[np.ndarray, ...]:
    """Per n-gram of `lv`: reason code (see _REASONS, 0 = kept), cohesion, together.

    Shape-dependent rules (parts used apart, a fixed right neighbour) are settled later, on the
    strings; their codes here assume no genre head.
    """
    n, c = lv.n, lv.count.astype(float)
    words = [stats.ids[lv.first + j] for j in range(n)]
    fw, lw = words[0], words[-1]
    cp, cs = lv.prefix.astype(float), lv.suffix.astype(float)
    tog = c[:, None] / np.maximum(np.minimum(cp, cs), 1.0)
    together = tog.min(axis=1)
    cohesion = np.log(c[:, None] * max(stats.total, 1) / np.maximum(cp * cs, 1.0)).min(axis=1)
    g, gen = vocab.general, vocab.genre
    # A function word at an edge belongs to the term only when the rest never goes without
    # it (和美乡村 is 和/美/乡村 to jieba); inside, only when it glues both sides (投资于人),
    # not when it joins two phrases that live apart, and never 的 (X的Y is a phrase).
    function = (g[fw] & (vocab.never_edge[fw] | (c < _GLUED * cs[:, 0]))) | (
        g[lw] & (vocab.never_edge[lw] | (c < _GLUED * cp[:, n - 2])))
    for j in range(1, n - 1):
        w = words[j]
        function |= g[w] & (vocab.de[w] | (np.minimum(tog[:, j - 1], tog[:, j]) < _GLUED))
    only_genre = np.logical_and.reduce([g[w] | gen[w] for w in words])
    edge = vocab.not_opening[fw] | vocab.not_closing[lw]
    # A genre word opens a term only if the term is most of its uses (高标准农田); it closes
    # one also when the rest seldom stands without it (京津冀协同 is followed by 发展).
    opens = gen[fw] & ((c < _OWN_SHARE * cp[:, 0]) | (cp[:, 0] < _MIN_USES))
    closes = gen[lw] & (c < _OWN_SHARE * cs[:, n - 2]) & (c < _GLUED * cp[:, n - 2])
    le, re_ = lv.left_entropy, lv.right_entropy
    # Free parts are fine when the evidence is strong: many uses, each side varied (量子科技).
    apart = (together < _MIN_TOGETHER) & ~(
        (cohesion >= _STRONG_COHESION) & (np.minimum(le, re_) >= _STRONG_ENTROPY))
    failed = [c < min_count, lv.reports < min_reports, function, only_genre, edge, opens,
              closes, cohesion < _MIN_COHESION, apart, le < _MIN_ENTROPY, re_ < _MIN_ENTROPY]
    why = np.select(failed, np.arange(1, len(failed) + 1), 0)
    return why, cohesion, together


def _rows(segs: list[Segmentation], texts: list[str], *, min_count: int, min_reports: int,
          named: bool, all_candidates: bool) -> tuple[list[list], dict[str, list]]:
    """Candidate rows (DISCOVERY_COLUMNS) and the occurrences of the kept terms."""
    vocab = _Vocabulary(segs)
    stats = NGramCounts(vocab.ids, vocab.lengths, vocab.doc_starts, vocab.free, min_count,
                        max_words=_MAX_WORDS, max_chars=_MAX_CHARS)
    rows: list[list] = []
    reasons = [r.format(min_count=min_count, min_reports=min_reports) or "kept" for r in _REASONS]
    for lv in stats.levels:
        why, cohesion, together = _judge(stats, vocab, lv, min_count, min_reports)
        le, re_ = lv.left_entropy, lv.right_entropy
        wanted = lv.chars >= _MIN_CHARS
        if not all_candidates:
            # Only these can end up kept: directly, closed by a genre head, or as a free piece
            # of a longer term (see _keep_nested).
            head = vocab.head_end[stats.ids[lv.first + lv.n - 1]]
            wanted &= (le >= _MIN_ENTROPY) & (
                (why == 0) | ((why == _APART) & (head | (re_ >= _MIN_ENTROPY)))
                | ((why == _APART + 2) & head))
        idx = np.flatnonzero(wanted)
        terms = [vocab.term(stats.words(lv, i)) for i in idx.tolist()]
        shapes = [shape_of(t) for t in terms]
        shaped = np.array([bool(x) for x in shapes], dtype=bool)
        code, le, re_ = why[idx], le[idx], re_[idx]
        coh, tog, c = cohesion[idx], together[idx], lv.count[idx]
        # A genre head closes the unit: its parts may be free, its right side varied.
        flip = shaped & (code >= _APART)
        code[flip] = np.where(le[flip] < _MIN_ENTROPY, _APART + 1, 0)
        score = np.log(c) * (1 + np.minimum(le, re_)) * np.minimum(coh, 8.0) * (0.5 + tog) * (
            np.where(shaped, 1.5, 1.0))
        rows += map(list, zip(terms, c.tolist(), lv.reports[idx].tolist(), coh.tolist(),
                              tog.tolist(), le.tolist(), re_.tolist(), shapes, score.tolist(),
                              (code == 0).tolist(), [reasons[k] for k in code.tolist()]))
    if named:
        # In one report a programme may be named once: its strong head vouches for it.
        known = {r[0] for r in rows if r[9]}
        nan = float("nan")
        rows += [[term, c, 1, nan, nan, nan, nan, shape_of(term), 0.0, True,
                  "kept (named programme)"]
                 for term, c in sorted(_named(vocab).items()) if term not in known]
    _keep_nested(rows)
    return rows, _drop_shadowed(rows, texts)


def _named(vocab: _Vocabulary) -> Counter[str]:
    ids, words = vocab.ids, vocab.words
    heads = vocab.named_head
    found: Counter[str] = Counter()
    valid = ids >= 0
    for j in np.flatnonzero(valid & heads[np.where(valid, ids, 0)]).tolist():
        i, chars = j, int(vocab.lengths[ids[j]])
        while i > 0:
            prev = int(ids[i - 1])
            if prev < 0 or vocab.general[prev] or chars + vocab.lengths[prev] > _MAX_CHARS:
                break
            i -= 1
            chars += int(vocab.lengths[prev])
        # Genre words may sit inside (扩容提升工程) but never open the name.
        while i < j and (vocab.genre[ids[i]] or vocab.lengths[ids[i]] == 1):
            i += 1
        if j == i or _NUMERAL_START.match(words[ids[i]]):
            continue
        name = vocab.term(ids[i:j + 1].tolist())
        # Two words name a programme when the modifier is itself long (城市生命线|安全工程).
        if j - i + 1 >= _MIN_NAMED_WORDS or len(name) >= _MIN_NAMED_CHARS_OF_TWO:
            found[name] += 1
    return found


def named_programmes(runs: list[list[str]]) -> Counter[str]:
    """Programme names read once: a run of content words closed by a strong head (行动, 工程 ...).

    The name starts after the nearest function word or punctuation on the left, without the
    genre verbs that open it (实施|城乡居民增收计划; 扩容提升工程 keeps its 提升), has at least
    three words (or two and seven characters: 城市生命线|安全工程) and at most 12 characters,
    and does not open on a counter or a numeral.

    >>> named_programmes([["实施", "城乡居民", "增收", "计划"], ["开展", "专项", "行动"]])
    Counter({'城乡居民增收计划': 1})
    """
    table = WordTable()
    segs = []
    for words in runs:
        seg = Segmentation("".join(words), [], [], table)
        pos = 0
        for w in words:
            seg.ids.append(table.intern(w))
            seg.starts.append(pos)
            seg.tags.append(TAGS.index("word"))
            pos += len(w)
        segs.append(seg)
    return _named(_Vocabulary(segs))


def _containing(terms: Iterable[str], within: Iterable[str]) -> dict[str, list[str]]:
    """Each of `terms` -> the longer terms of `within` that contain it (in `within`'s order)."""
    wanted = set(terms)
    out: dict[str, list[str]] = {}
    if not wanted:
        return out
    shortest = min(map(len, wanted))
    for big in within:
        seen = set()
        for i in range(len(big)):
            for j in range(i + shortest, len(big) + (i > 0)):
                piece = big[i:j]
                if piece in wanted and piece not in seen:
                    seen.add(piece)
                    out.setdefault(piece, []).append(big)
    return out


def _keep_nested(rows: list[list]) -> None:
    """Keep a free-standing piece of a kept term (大运河文化 of 大运河文化区) whose parts are common.

    The longer unit vouches for the piece's cohesion; its own neighbours must show that it
    stands alone (free on the left, and on the right unless a genre head closes it).
    """
    apart = [r for r in rows if r[10] == "parts mostly used apart" and r[5] >= _MIN_ENTROPY
             and (r[6] >= _MIN_ENTROPY or r[7])]
    inside = _containing((r[0] for r in apart), (r[0] for r in rows if r[9]))
    for r in apart:
        if r[0] in inside:
            r[9], r[10] = True, "kept (stands alone and inside a longer term)"


#: Occurrences are one int each, text index * _STRIDE + start (a tuple each cost 64 bytes more).
_STRIDE = 1 << 40


def _drop_shadowed(rows: list[list], texts: list[str]) -> dict[str, list[int]]:
    """Un-keep a kept term whose every occurrence in the texts sits inside a longer kept term.

    Returns the occurrences of the terms still kept: text index * _STRIDE + start each.
    """
    kept = [r[0] for r in rows if r[9]]
    occ: dict[str, list[int]] = {term: [] for term in kept}
    for k, text in enumerate(texts):
        for term, starts in find_all(text, occ).items():
            occ[term] += [k * _STRIDE + i for i in starts] if k else starts
    longer = _containing(kept, kept)
    for r in rows:
        if not r[9] or r[0] not in longer:
            continue
        term = r[0]
        # Occurrences inside the longer terms, counted once each however they nest.
        inside = {p + big.find(term) for big in longer[term] for p in occ[big]}
        if inside.issuperset(occ[term]):
            r[9], r[10] = False, "only inside a longer term"
    return {r[0]: occ[r[0]] for r in rows if r[9]}


def _table(rows: list[list], all_candidates: bool) -> pd.DataFrame:
    out = pd.DataFrame(rows, columns=DISCOVERY_COLUMNS).round(
        {c: 3 for c in ("cohesion", "together", "left_entropy", "right_entropy", "score")})
    out["kept"] = out["kept"].astype(bool)
    out = out.sort_values(["kept", "score", "term"], ascending=[False, False, True],
                          ignore_index=True)
    return out if all_candidates else out[out["kept"]].reset_index(drop=True)


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
    seg = default_segmenter().segment(text)
    rows, _ = _rows([seg], [text], min_count=min_count, min_reports=1, named=True,
                    all_candidates=all_candidates)
    return _table(rows, all_candidates)


def discovered_in(seg: Segmentation, *, min_count: int = 2) -> list[str]:
    """The kept terms of one segmented report, longest first.

    >>> discovered_in(default_segmenter().segment("新建人才公寓，配租人才公寓。"))
    ['人才公寓']
    """
    _, occ = _rows([seg], [seg.text], min_count=min_count, min_reports=1, named=True,
                   all_candidates=False)
    return sorted(occ, key=lambda t: (-len(t), t))


def discovered_spans(seg: Segmentation, *, min_count: int = 2) -> list[tuple[int, int, str]]:
    """Every occurrence of the terms discovered in `seg`: (start, end, "discovered").

    Occurrences that would cut a longer lexicon term are left out (the tokenizer protects these).

    >>> discovered_spans(default_segmenter().segment("新建人才公寓，配租人才公寓。"))
    [(2, 6, 'discovered'), (9, 13, 'discovered')]
    """
    _, occ = _rows([seg], [seg.text], min_count=min_count, min_reports=1, named=True,
                   all_candidates=False)
    spans = sorted((i, i + len(term), "discovered") for term, at in occ.items() for i in at)
    return outside_lexicon_terms(seg.text, spans)


def discovered_terms(text: str) -> list[str]:
    """The kept terms of :func:`discover_terms`, longest first.

    >>> discovered_terms("新建人才公寓，配租人才公寓。")
    ['人才公寓']
    """
    return discovered_in(default_segmenter().segment(text))


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
    segmenter = default_segmenter()
    rows, _ = _rows([segmenter.segment(t) for t in texts], texts, min_count=min_count,
                    min_reports=min_reports, named=False, all_candidates=True)
    # A phrase several reports put in quotes is a coined term, however its parts are used.
    quoting: Counter[str] = Counter()
    for text in texts:
        quoting.update({m.group(1) for m in _QUOTED.finditer(text)})
    known = {r[0] for r in rows if r[9]}
    nan = float("nan")
    rows += [[term, sum(t.count(term) for t in texts), n, nan, nan, nan, nan, shape_of(term),
              0.0, True, f"quoted in {n} reports"]
             for term, n in sorted(quoting.items()) if n >= min_reports and term not in known]
    return _table(rows, all_candidates)


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
