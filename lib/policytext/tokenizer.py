"""Policy-aware segmentation: an own jieba tokenizer, a reviewed lexicon, terms learned per report.

Plain jieba cuts the vocabulary that matters (散乱/污, 一般/公共/预算/收入) and shreds numbers
(171/./31/亿元). Here, before jieba sees the text, spans are *protected* and come out whole:

=============  ================================================================
tag            what
=============  ================================================================
quantity       ``policytext.numbers.quantity_spans`` (171.31亿元, 9.5%, 80余万平方米)
date           2019年, 3月15日, 10月底前, 年底前, 上半年
code           PM2.5, S312, M0, 6#
formulation    numbered formulations (:mod:`policytext.formulations`)
term           quoted short phrases (“散乱污”) and ``extra_terms``, wherever they recur
place          names repeated with a place suffix (惠济区, 索须河) -- see :func:`learn_terms`
=============  ================================================================

The gaps are segmented by a library-owned ``jieba.Tokenizer`` loaded with
``resources/policy_lexicon.txt``; its words come out as ``term`` when they are lexicon
entries, else ``word``, ``punct`` or ``num``. Whitespace is dropped.
"""

from __future__ import annotations

import bisect
import logging
import os
import re
import tempfile
import threading
from collections import Counter
from collections.abc import Iterable
from contextlib import contextmanager
from functools import lru_cache
from math import log
from pathlib import Path

import pandas as pd

from .formulations import formulation_spans

__all__ = [
    "TOKEN_COLUMNS",
    "PolicyTokenizer",
    "cache_dir",
    "get_tokenizer",
    "integrity_by_term",
    "integrity_table",
    "learn_terms",
    "lexicon",
    "plain_tokenize",
    "policy_terms",
    "protected_spans",
    "segmentation_example",
    "term_integrity",
    "tokenize",
]

TOKEN_COLUMNS = ["token", "start", "end", "tag"]

# --- protected patterns -------------------------------------------------------------------
_YEAR = r"(?:(?:19|20)\d{2}|[一二][〇零一二三四五六七八九]{3})年"
# Each whole-text pattern opens with a lookahead on the characters a match can start with:
# the regex engine then skips most positions at once instead of trying every alternative
# (the same matches, a third of the time).
_DATE = re.compile(
    r"(?=[\d一二年上下])(?:"
    rf"(?<!\d){_YEAR}(?:\d{{1,2}}月(?:\d{{1,2}}[日号])?)?(?:[初底末]|上半年|下半年)?前?"
    r"|(?<![\d.])\d{1,2}月(?:\d{1,2}[日号]|[初底末中]|上旬|中旬|下旬)?前?(?![\d个份])"
    # 年底前 / 年内 only as their own phrase: not inside 今年内, 三年内, 全年底数.
    r"|(?<![今去明全当近每多半周\d一二三四五六七八九十两几百千万])"
    r"(?:年[初底末内]前?|[上下]半年))"
)
#: Letter+digit codes (PM2.5, S312, M0, G107), digit+letters (5G), building numbers (6#).
_CODE = re.compile(
    r"(?=[A-Za-z\d])(?<![A-Za-z0-9.])(?:[A-Za-z]{1,6}\d+(?:\.\d+)?[A-Za-z]*|\d+[A-Za-z]{1,3}|\d+#)"
    r"(?![A-Za-z0-9])"
)
_QUOTED_TERM = re.compile(r"[“「]([\u4e00-\u9fff]{2,6})[”」]")
_PUNCT = re.compile(r"[\W_]+")
_NUM = re.compile(r"[0-9.．]+|[〇零一二三四五六七八九十百千万亿两]+")
_SPACE = re.compile(r"\s+")

# Place names: a stem of 2-7 Chinese characters before one of these suffixes.
_PLACE_SUFFIX = re.compile(
    r"(?:街道|社区|新区|文化区|开发区|示范区|[省市区县镇乡村河渠沟湖路街园])"
    r"(?![\u4e00-\u9fff]{0,1}(?:长|委|级|域|内|民|场|政|属|镇|区|县|乡|村)(?![\u4e00-\u9fff]))"
)
#: Characters that never belong to a place-name stem (function words, common verbs, numerals).
_NOT_IN_STEM = set(
    "的和与在是等及了为对把将从向以于各全个这其我该此并或也都又就还要由被让到至"
    "一二三四五六七八九十两百千万亿第年月日有无不新建设成完推进加快实施开展打造提升"
    "条座家所名处项宗套亩多余"
)
_MAX_STEM = 7

_PRIORITY = {"quantity": 0, "date": 1, "code": 2, "formulation": 3, "term": 4, "place": 5}


def cache_dir() -> Path:
    """Folder for jieba's prefix-dictionary cache.

    ``$POLICYTEXT_CACHE_DIR``, else ``$XDG_CACHE_HOME/policytext``, else ``~/.cache/policytext``;
    never the shared ``/tmp/jieba.cache`` that other programs (and users) overwrite.

    >>> cache_dir().name in {"policytext"} or "POLICYTEXT_CACHE_DIR" in os.environ
    True
    """
    override = os.environ.get("POLICYTEXT_CACHE_DIR")
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "policytext"


@contextmanager
def _quiet_jieba():
    # jieba logs "Building prefix dict ..." at DEBUG through its module logger; mute it only
    # while we load, so a user's own logging choice for jieba is restored afterwards.
    logger = logging.getLogger("jieba")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


def _read_list(name: str) -> list[str]:
    text = (Path(__file__).parent / "resources" / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def lexicon() -> pd.DataFrame:
    """The reviewed policy lexicon: columns word, freq, tag (one row per entry).

    >>> lex = lexicon()
    >>> "规模以上工业增加值" in set(lex.word)
    True
    """
    rows = []
    for line in _read_list("policy_lexicon.txt"):
        parts = line.split()
        if len(parts) != 3 or not parts[1].isdigit():
            raise ValueError(f"policy_lexicon.txt: expected 'word freq tag', got {line!r}")
        rows.append((parts[0], int(parts[1]), parts[2]))
    return pd.DataFrame(rows, columns=["word", "freq", "tag"])


class PolicyTokenizer:
    """Own ``jieba.Tokenizer`` plus lexicon; loaded lazily on first use, then reused.

    ``use_lexicon=False`` keeps only the per-report learning (to measure what each part adds).
    """

    def __init__(self, *, use_lexicon: bool = True) -> None:
        self.use_lexicon = use_lexicon
        self._jieba = None
        self._lock = threading.Lock()
        self.terms: frozenset[str] = frozenset()
        self._tag_of: dict[str, str] = {}
        self._cut: _DagCut | None = None

    @property
    def jieba(self):
        """The initialised ``jieba.Tokenizer`` (loads dictionary and lexicon on first access)."""
        if self._jieba is None:
            with self._lock:
                if self._jieba is None:
                    self._jieba = self._load()
        return self._jieba

    def _load(self):
        import jieba

        tk = _new_jieba()
        if self.use_lexicon:
            lex = lexicon()
            with _quiet_jieba():
                for word, freq, tag in lex.itertuples(index=False):
                    # The file's frequency is a floor; suggest_freq says what jieba needs to
                    # keep the word whole against its own dictionary.
                    tk.add_word(word, max(freq, tk.suggest_freq(word)), tag)
            self.terms = frozenset(lex.word)
            self._tag_of.update(dict.fromkeys(self.terms, "term"))
        assert isinstance(tk, jieba.Tokenizer)
        return tk

    def tokenize(
        self, text: str, *, extra_terms: Iterable[str] = (), learn: bool = True
    ) -> pd.DataFrame:
        """Tokens of `text` with [start, end) offsets: columns token, start, end, tag."""
        tk = self.jieba
        cut = self._cut if self._cut is not None and self._cut.tk is tk else _DagCut(tk)
        self._cut = cut
        spans = protected_spans(text, extra_terms=extra_terms, learn=learn)
        tokens: list[str] = []
        starts: list[int] = []
        tags: list[str] = []
        pos = 0
        # Tags of jieba's words memoised per tokenizer: vocabularies are small, texts long.
        tag_of = self._tag_of
        for s, e, tag in zip(spans["start"], spans["end"], spans["tag"]):
            if s > pos:
                _segment(cut, text, pos, s, tag_of, tokens, starts, tags)
            tokens.append(text[s:e])
            starts.append(s)
            tags.append(tag)
            pos = e
        if pos < len(text):
            _segment(cut, text, pos, len(text), tag_of, tokens, starts, tags)
        ends = [s + len(t) for s, t in zip(starts, tokens)]
        return pd.DataFrame({"token": tokens, "start": starts, "end": ends, "tag": tags})


def _new_jieba():
    """A fresh ``jieba.Tokenizer`` with jieba's dictionary, its own copy of the word table."""
    import jieba

    base = _base_dictionary(str(cache_dir()))
    tk = jieba.Tokenizer()
    tk.tmp_dir, tk.cache_file = base.tmp_dir, base.cache_file
    # Copying the loaded table (tens of ms) instead of re-reading the cache (~0.5 s) keeps
    # the plain, lexicon-free and policy tokenizers cheap; each may add words to its own copy.
    tk.FREQ, tk.total, tk.initialized = dict(base.FREQ), base.total, True
    return tk


@lru_cache(maxsize=4)
def _base_dictionary(folder: str):
    import jieba

    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
    except OSError:
        # A read-only home (some CI and container set-ups): a private temporary folder still
        # keeps us off the shared /tmp/jieba.cache.
        folder = tempfile.mkdtemp(prefix="policytext-jieba-")
    tk = jieba.Tokenizer()
    tk.tmp_dir = folder
    tk.cache_file = "jieba.cache"
    with _quiet_jieba():
        tk.initialize()
    return tk


_NO_SCORE = float("-inf")


class _DagCut:
    """``jieba.Tokenizer.cut(text)`` (accurate mode, HMM on), same words, about twice as fast.

    jieba builds a dict DAG, then scores it with a generator of tuples per character; most of
    the tokenizer's time went there. This walks each Han block once from the right, looking
    prefixes up in the tokenizer's live ``FREQ`` and caching ``log(freq) - log(total)`` per
    frequency, with jieba's arithmetic and its tie rule (the longer word wins), so the words
    are exactly jieba's. Unknown runs still go to jieba's HMM (``finalseg``).
    """

    def __init__(self, tk) -> None:
        import jieba
        from jieba import finalseg

        self.tk = tk
        self._han = jieba.re_han_default
        self._skip = jieba.re_skip_default
        self._hmm = finalseg.cut
        self._total = None
        self._logp: dict[int, float] = {}

    def words(self, sentence: str) -> list[str]:
        """The words jieba's ``cut(sentence)`` yields, as a list."""
        tk = self.tk
        if tk.total != self._total:  # add_word changes the total, hence every log-probability
            self._total, self._logp = tk.total, {}
        out: list[str] = []
        skip = self._skip
        # One capturing group: Han blocks sit at the odd positions of the split.
        for i, blk in enumerate(self._han.split(sentence)):
            if not blk:
                continue
            if i % 2:
                self._cut_han(blk, out)
            else:
                for x in skip.split(blk):
                    if skip.match(x):
                        out.append(x)
                    else:
                        out.extend(x)
        return out

    def _cut_han(self, s: str, out: list[str]) -> None:
        get = self.tk.FREQ.get
        logp = self._logp
        logp_get = logp.get
        logtotal = log(self._total)
        n = len(s)
        score = [0.0] * (n + 1)
        nxt = [0] * n
        unknown = log(1) - logtotal
        for k in range(n - 1, -1, -1):
            best = _NO_SCORE  # real scores are finite
            end = e = k + 1
            f = get(s[k])
            while f is not None:
                if f:
                    lp = logp_get(f)
                    if lp is None:
                        lp = logp[f] = log(f) - logtotal
                    v = lp + score[e]
                    if v >= best:  # jieba's max over (score, end): ties go to the longer word
                        best, end = v, e
                if e >= n:
                    break
                e += 1
                f = get(s[k:e])
            if best == _NO_SCORE:
                best = unknown + score[k + 1]
            score[k] = best
            nxt[k] = end
        x = 0
        buf = 0  # start of the run of single characters not yet emitted
        while x < n:
            y = nxt[x]
            if y - x > 1:
                if buf < x:
                    self._flush(s[buf:x], out)
                out.append(s[x:y])
                buf = y
            x = y
        if buf < n:
            self._flush(s[buf:n], out)

    def _flush(self, buf: str, out: list[str]) -> None:
        if len(buf) == 1:
            out.append(buf)
        elif not self.tk.FREQ.get(buf):
            out.extend(self._hmm(buf))
        else:
            out.extend(buf)


def _segment(cut, text, start, end, tag_of, tokens, starts, tags) -> None:
    pos = start
    for word in cut.words(text[start:end]):
        tag = tag_of.get(word)
        if tag is None:
            tag = tag_of[word] = _word_tag(word, tag_of)
        if tag != "space":
            tokens.append(word)
            starts.append(pos)
            tags.append(tag)
        pos += len(word)


def _word_tag(word: str, tag_of: dict[str, str]) -> str:
    if word.isspace():
        return "space"
    if _PUNCT.fullmatch(word):
        return "punct"
    if _NUM.fullmatch(word):
        return "num"
    return "word"


def _quantity_spans(text: str) -> list[tuple[int, int]]:
    from . import numbers  # written by the indicators engineer; imported late on purpose

    return list(numbers.quantity_spans(text))


def learn_terms(text: str) -> pd.DataFrame:
    """Terms this report teaches: columns term, kind ("quoted" or "place"), count.

    *quoted*: “散乱污”-style phrases of 2-6 Chinese characters. *place*: a stem of 2-7 Chinese
    characters plus a place suffix (区 县 镇 乡 村 街道 社区 河 渠 沟 湖 路 街 园 ...) that occurs
    at least twice and whose left neighbour varies (so the name starts where the text stops
    agreeing: 古荥大运河文化区, not 设古荥大运河文化区). Formulations are left to
    :func:`policytext.formulations.formulation_spans`.

    >>> t = "深入推进“散乱污”整治。建设索须河景观带，治理索须河。整治“散乱污”企业"
    >>> learn_terms(t)
      term   kind  count
    0  散乱污  quoted      2
    1  索须河   place      2
    """
    out = pd.DataFrame(list(_learned(text).items()), columns=["term", "kind"])
    out["count"] = [text.count(t) for t in out["term"]]
    return out.sort_values(["kind", "count", "term"], ascending=[False, False, True],
                           ignore_index=True)


def _learned(text: str) -> dict[str, str]:
    """term -> "quoted" | "place"; quoted wins when a phrase is both."""
    found = dict.fromkeys((m.group(1) for m in _QUOTED_TERM.finditer(text)), "quoted")
    for place in _learn_places(text):
        found.setdefault(place, "place")
    return found


def _learn_places(text: str) -> list[str]:
    freq = get_tokenizer().jieba.FREQ  # jieba's dictionary plus the policy lexicon
    ends = []  # (suffix start, suffix end, length of the usable stem before it)
    for m in _PLACE_SUFFIX.finditer(text):
        s, e = m.span()
        # The suffix must end a word: 渠道, 市场, 区域, 背街小巷 continue past it, so jieba's
        # dictionary knowing a word that straddles the suffix's end rules the place out.
        if (freq.get(text[s:e + 1]) or freq.get(text[s:e + 2])
                or (s and (freq.get(text[s - 1:e + 1]) or freq.get(text[s - 1:e + 2])))):
            continue
        stem_ok = 0
        while stem_ok < _MAX_STEM and stem_ok < s:
            ch = text[s - stem_ok - 1]
            if not ("\u4e00" <= ch <= "\u9fff") or ch in _NOT_IN_STEM:
                break
            stem_ok += 1
        if stem_ok >= 2:
            ends.append((s, e, stem_ok))
    # Count the left extensions of every suffix occurrence once: counts of identical strings
    # ending in a suffix equal their occurrence counts, without rescanning the text. Only
    # lengths 2..stem+1 are ever read, and an occurrence equal to a candidate has a stem at
    # least as long, so these counts are exact for every string looked up below.
    ext: Counter[str] = Counter()
    for s, e, stem_ok in ends:
        for k in range(2, min(stem_ok + 1, s) + 1):
            ext[text[s - k:e]] += 1
    found = set()
    for s, e, stem_ok in ends:
        for k in range(2, stem_ok + 1):
            cand = text[s - k:e]
            n = ext[cand]
            if n < 2:
                break
            longer = text[s - k - 1:e] if s - k - 1 >= 0 else None
            if longer is None or ext[longer] < n:
                # The left neighbour varies: the name starts here, unless it is a phrase.
                if not _generic_phrase(text[s - k:s], text[s:e], freq):
                    found.add(cand)
                break
    return sorted(found)


#: jieba dictionary frequency from which a word counts as common vocabulary, not a name.
_COMMON = 30


def _generic_phrase(stem: str, suffix: str, freq: dict[str, int]) -> bool:
    """True for common-noun phrases that merely end in a place suffix.

    Two shapes of the genre: a common word plus a class noun that swallows the suffix
    (中心+城市, 市政+道路, 庭院+花园, 湿地+公园), and an institution 园 after a common word
    (幼儿园, 商业园). Names keep an uncommon stem (惠济区, 索须河, 花园口村) or a stem of two
    characters (江山路, 大运河), so they pass.

    >>> from policytext.tokenizer import _plain_jieba
    >>> f = _plain_jieba().FREQ
    >>> [_generic_phrase(a, b, f) for a, b in [("中心城", "市"), ("幼儿", "园"), ("索须", "河")]]
    [True, True, False]
    """
    if len(suffix) != 1:
        return False
    if len(stem) >= 3 and freq.get(stem[-1] + suffix, 0) >= _COMMON \
            and freq.get(stem[:-1], 0) >= _COMMON:
        return True
    return suffix == "园" and freq.get(stem, 0) >= _COMMON


def protected_spans(
    text: str, *, extra_terms: Iterable[str] = (), learn: bool = True
) -> pd.DataFrame:
    """Non-overlapping spans kept whole by the tokenizer: columns start, end, tag.

    Longest span wins; ties go to quantity > date > code > formulation > term > place.

    >>> protected_spans("2019年PM2.5下降4.5%")
       start  end      tag
    0      0    5     date
    1      5   10     code
    2     12   16  quantity
    """
    cands: list[tuple[int, int, str]] = [(s, e, "quantity") for s, e in _quantity_spans(text)]
    cands += [(m.start(), m.end(), "date") for m in _DATE.finditer(text)]
    cands += [(m.start(), m.end(), "code") for m in _CODE.finditer(text)]
    f = formulation_spans(text)
    cands += [(s, e, "formulation") for s, e in zip(f["start"], f["end"])]
    words: dict[str, str] = {t: "term" for t in extra_terms if t}
    if learn:
        for term, kind in _learned(text).items():
            words.setdefault(term, "term" if kind == "quoted" else "place")
    if words:
        rx = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
        cands += [(m.start(), m.end(), words[m.group(0)]) for m in rx.finditer(text)]
    # A learned span inside a longer lexicon term (中心城市 in 国家中心城市) would cut that term;
    # leave such places to jieba, which knows the lexicon.
    cands = [c for c in cands if c[2] in _NUMERIC_TAGS or not _inside_lexicon_term(text, *c[:2])]
    cands.sort(key=lambda c: (-(c[1] - c[0]), _PRIORITY[c[2]], c[0]))
    taken = bytearray(len(text) + 1)
    kept = []
    for s, e, tag in cands:
        if e <= s or any(taken[s:e]):
            continue
        taken[s:e] = b"\x01" * (e - s)
        kept.append((s, e, tag))
    kept.sort()
    return pd.DataFrame(kept, columns=["start", "end", "tag"]).astype(
        {"start": "int64", "end": "int64"}
    )


_NUMERIC_TAGS = frozenset({"quantity", "date", "code"})


@lru_cache(maxsize=4096)
def _lexicon_containing(sub: str) -> tuple[tuple[str, int], ...]:
    """(lexicon word, offset of `sub` in it) for every longer lexicon word containing `sub`."""
    out = []
    for word in lexicon()["word"]:
        if len(word) > len(sub):
            i = word.find(sub)
            while i >= 0:
                out.append((word, i))
                i = word.find(sub, i + 1)
    return tuple(out)


def _inside_lexicon_term(text: str, start: int, end: int) -> bool:
    return any(
        start - off >= 0 and text.startswith(word, start - off)
        for word, off in _lexicon_containing(text[start:end])
    )


_DEFAULT: PolicyTokenizer | None = None
_DEFAULT_LOCK = threading.Lock()


def get_tokenizer() -> PolicyTokenizer:
    """The library's one :class:`PolicyTokenizer` (created on first call, not at import)."""
    global _DEFAULT
    if _DEFAULT is None:
        with _DEFAULT_LOCK:
            if _DEFAULT is None:
                _DEFAULT = PolicyTokenizer()
    return _DEFAULT


def tokenize(text: str, *, extra_terms: Iterable[str] = (), learn: bool = True) -> pd.DataFrame:
    """Policy-aware tokens: DataFrame(token, start, end, tag) with offsets into `text`.

    >>> tokenize("整治“散乱污”企业253家")[["token", "tag"]]
      token       tag
    0    整治      word
    1     “     punct
    2   散乱污      term
    3     ”     punct
    4    企业      word
    5  253家  quantity
    """
    return get_tokenizer().tokenize(text, extra_terms=extra_terms, learn=learn)


def _plain_jieba():
    """jieba with its own dictionary only: the loaded base tokenizer itself, never changed.

    Sharing it instead of copying its word table saves ~35 MB in every process.
    """
    return _base_dictionary(str(cache_dir()))


def plain_tokenize(text: str) -> pd.DataFrame:
    """Plain jieba (own default-dictionary tokenizer, nothing protected), same columns.

    The baseline against which :func:`term_integrity` shows what the policy tokenizer adds.

    >>> plain_tokenize("整治散乱污")["token"].tolist()
    ['整治', '散乱', '污']
    """
    rows = []
    for word, s, e in _plain_jieba().tokenize(text):
        if not word.isspace():
            rows.append((word, s, e, "punct" if _PUNCT.fullmatch(word) else "word"))
    return pd.DataFrame(rows, columns=TOKEN_COLUMNS)


def integrity_by_term(text: str, terms: Iterable[str], tokens: pd.DataFrame) -> pd.DataFrame:
    """Per term: occurrences in `text`, how many no token boundary cuts, and the share.

    >>> integrity_by_term("散乱污", ["散乱污"], plain_tokenize("散乱污"))
      term  occurrences  intact  share
    0  散乱污            1       0    0.0
    """
    bounds = sorted(set(tokens["start"]).union(tokens["end"]))
    rows = []
    for term in sorted(set(terms)):
        n = intact = 0
        i = text.find(term)
        while term and i >= 0:
            j = i + len(term)
            n += 1
            # A cut is any token boundary strictly inside the occurrence.
            k = bisect.bisect_right(bounds, i)
            intact += not (k < len(bounds) and bounds[k] < j)
            i = text.find(term, j)
        rows.append((term, n, intact, intact / n if n else float("nan")))
    return pd.DataFrame(rows, columns=["term", "occurrences", "intact", "share"])


def term_integrity(text: str, terms: Iterable[str], tokens: pd.DataFrame) -> float:
    """Share of all occurrences of `terms` in `text` that no token boundary cuts.

    >>> term_integrity("整治散乱污", ["散乱污"], tokenize("整治散乱污", learn=False))
    1.0
    """
    table = integrity_by_term(text, terms, tokens)
    total = int(table["occurrences"].sum())
    return float(table["intact"].sum() / total) if total else float("nan")


def policy_terms(text: str) -> list[str]:
    """The policy terms `text` holds: lexicon entries, learned terms and formulations, sorted.

    These are the units whose integrity :func:`integrity_table` measures. For the policy
    tokenizer the measure is partly circular (it was given these terms); it shows how much
    plain jieba breaks, and that nothing in the protection machinery breaks them again.

    >>> policy_terms("整治“散乱污”，打好三大攻坚战，优化营商环境")
    ['三大攻坚战', '散乱污', '营商环境']
    """
    found = {w for w in lexicon()["word"] if w in text}
    found.update(_learned(text))
    found.update(formulation_spans(text)["formulation"])
    return sorted(found)


def integrity_table(
    text: str, *, terms: Iterable[str] | None = None, tokens: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Plain jieba against the policy tokenizer: tokenizer, terms, occurrences, intact, share.

    `terms` defaults to :func:`policy_terms`; `tokens` (the policy tokens of `text`) is
    computed when not given.

    >>> integrity_table("整治“散乱污”，整治散乱污")[["tokenizer", "occurrences", "intact"]]
         tokenizer  occurrences  intact
    0  plain jieba            2       0
    1   policytext            2       2
    """
    terms = policy_terms(text) if terms is None else sorted(set(terms))
    rows = []
    for name, toks in (("plain jieba", plain_tokenize(text)),
                       ("policytext", tokenize(text) if tokens is None else tokens)):
        table = integrity_by_term(text, terms, toks)
        n, intact = int(table["occurrences"].sum()), int(table["intact"].sum())
        rows.append((name, len(terms), n, intact, intact / n if n else float("nan")))
    return pd.DataFrame(rows, columns=["tokenizer", "terms", "occurrences", "intact", "share"])


def segmentation_example(
    text: str, sentences: pd.DataFrame, *, max_chars: int = 80,
    tokens: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The sentence (≤ `max_chars`) where plain jieba cuts the most policy terms, both ways.

    Columns: tokenizer, sentence_id, n_tokens, cut_terms (policy terms cut), segmentation
    (tokens joined by " | "). Ties go to the earlier sentence. The policy tokens are cut
    from the whole-text tokenization, so report-level learning (places, quoted terms) shows.

    >>> t = "加强管理。整治“散乱污”企业，打好三大攻坚战。"
    >>> s = pd.DataFrame({"sentence_id": [0, 1], "start": [0, 5], "end": [5, 23]})
    >>> segmentation_example(t, s)[["tokenizer", "cut_terms", "segmentation"]]
         tokenizer  cut_terms                                      segmentation
    0  plain jieba  三大攻坚战 散乱污  整治 | “ | 散乱 | 污 | ” | 企业 | ， | 打好 | 三大 | 攻坚战 | 。
    1   policytext                整治 | “ | 散乱污 | ” | 企业 | ， | 打 | 好 | 三大攻坚战 | 。
    """
    terms = policy_terms(text)
    plain = plain_tokenize(text)
    policy = tokenize(text) if tokens is None else tokens
    best = None
    for sid, s, e in sentences[["sentence_id", "start", "end"]].itertuples(index=False):
        if e - s > max_chars:
            continue
        sub = text[s:e]
        inside = [t for t in terms if t in sub]
        cut = integrity_by_term(text[s:e], inside, _slice(plain, s, e))
        n_cut = int((cut["occurrences"] - cut["intact"]).sum())
        if best is None or n_cut > best[0]:
            best = (n_cut, sid, s, e)
    if best is None:
        raise ValueError(f"segmentation_example: no sentence of at most {max_chars} characters")
    _, sid, s, e = best
    rows = []
    for name, toks in (("plain jieba", plain), ("policytext", policy)):
        part = _slice(toks, s, e)
        table = integrity_by_term(text[s:e], [t for t in terms if t in text[s:e]], part)
        cut = " ".join(table.loc[table["intact"] < table["occurrences"], "term"])
        rows.append((name, sid, len(part), cut, " | ".join(part["token"])))
    return pd.DataFrame(rows, columns=["tokenizer", "sentence_id", "n_tokens", "cut_terms",
                                       "segmentation"])


def _slice(tokens: pd.DataFrame, start: int, end: int) -> pd.DataFrame:
    """Tokens inside [start, end), offsets shifted to the slice."""
    part = tokens[(tokens["start"] >= start) & (tokens["end"] <= end)].copy()
    part["start"] -= start
    part["end"] -= start
    return part
