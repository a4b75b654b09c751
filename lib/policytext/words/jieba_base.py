"""jieba underneath the policy tokenizer: loading, caching, the lexicon and a fast exact cut.

Everything here is about jieba itself, so the rest of the library never touches its
internals: one cached base dictionary per process (shared, never changed), fresh tokenizers
that copy its word table, the reviewed policy lexicon, and :class:`FastCut`, which gives
jieba's own words (accurate mode, HMM on) about twice as fast.
"""

from __future__ import annotations

import logging
import os
import tempfile
from contextlib import contextmanager
from functools import lru_cache
from math import log
from pathlib import Path

import pandas as pd

__all__ = ["HMM_CHUNK", "FastCut", "cache_dir", "lexicon", "new_jieba", "plain_jieba", "policy_jieba",
           "quiet_jieba", "read_resource_list"]


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
def quiet_jieba():
    """Silence jieba's loader log while a dictionary loads, then restore the caller's level."""
    # jieba logs "Building prefix dict ..." at DEBUG through its module logger; mute it only
    # while we load, so a user's own logging choice for jieba is restored afterwards.
    logger = logging.getLogger("jieba")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


def read_resource_list(name: str) -> list[str]:
    """Non-blank, non-comment lines of a file in ``policytext/resources``."""
    text = (Path(__file__).resolve().parents[1] / "resources" / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def lexicon() -> pd.DataFrame:
    """The reviewed policy lexicon: columns word, freq, tag (one row per entry).

    >>> lex = lexicon()
    >>> "规模以上工业增加值" in set(lex.word)
    True
    """
    rows = []
    for line in read_resource_list("policy_lexicon.txt"):
        parts = line.split()
        if len(parts) != 3 or not parts[1].isdigit():
            raise ValueError(f"policy_lexicon.txt: expected 'word freq tag', got {line!r}")
        rows.append((parts[0], int(parts[1]), parts[2]))
    return pd.DataFrame(rows, columns=["word", "freq", "tag"])


def new_jieba():
    """A fresh ``jieba.Tokenizer`` with jieba's dictionary, its own copy of the word table."""
    import jieba

    base = base_dictionary(str(cache_dir()))
    tk = jieba.Tokenizer()
    tk.tmp_dir, tk.cache_file = base.tmp_dir, base.cache_file
    # Copying the loaded table (tens of ms) instead of re-reading the cache (~0.5 s) keeps
    # the plain, lexicon-free and policy tokenizers cheap; each may add words to its own copy.
    tk.FREQ, tk.total, tk.initialized = dict(base.FREQ), base.total, True
    return tk


@lru_cache(maxsize=4)
def base_dictionary(folder: str):
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
    with quiet_jieba():
        tk.initialize()
    return tk


def plain_jieba():
    """jieba with its own dictionary only: the loaded base tokenizer itself, never changed.

    Sharing it instead of copying its word table saves ~35 MB in every process.
    """
    return base_dictionary(str(cache_dir()))


@lru_cache(maxsize=1)
def policy_jieba():
    """A jieba tokenizer holding jieba's dictionary plus the reviewed policy lexicon (cached).

    >>> policy_jieba().FREQ.get("规模以上工业增加值", 0) > 0
    True
    """
    tk = new_jieba()
    with quiet_jieba():
        for word, freq, tag in lexicon().itertuples(index=False):
            # The file's frequency is a floor; suggest_freq says what jieba needs to
            # keep the word whole against its own dictionary.
            tk.add_word(word, max(freq, tk.suggest_freq(word)), tag)
    return tk


_NO_SCORE = float("-inf")
#: Longest run of unknown characters handed to jieba's HMM at once.
HMM_CHUNK = 200
#: Han blocks whose words are remembered (a few MB); the memory starts afresh when full.
_MEMO_BLOCKS = 50_000


class FastCut:
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
        self._memo: dict[str, list[str]] = {}
        self._hmm_memo: dict[str, list[str]] = {}

    def forget(self) -> None:
        """Drop the remembered blocks (benchmarks time a cold cut with this)."""
        self._memo, self._hmm_memo = {}, {}

    def words(self, sentence: str) -> list[str]:
        """The words jieba's ``cut(sentence)`` yields, as a list."""
        tk = self.tk
        if tk.total != self._total:  # add_word changes the total, hence every log-probability
            self._total, self._logp, self._memo = tk.total, {}, {}
        out: list[str] = []
        skip = self._skip
        memo = self._memo
        # One capturing group: Han blocks sit at the odd positions of the split.
        for i, blk in enumerate(self._han.split(sentence)):
            if not blk:
                continue
            if i % 2:
                # Reports repeat their clauses (同比增长, 全年, whole pages scraped six times):
                # a block's words depend on the block alone, so they are cut once.
                words = memo.get(blk)
                if words is None:
                    words = []
                    self._cut_han(blk, words)
                    if len(memo) >= _MEMO_BLOCKS:
                        memo.clear()
                    memo[blk] = words
                out.extend(words)
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
            # jieba's Viterbi copies its path at every character: quadratic on a long run of
            # unknown characters ('年' * 200000 took a minute). Runs that long are not prose,
            # so bounded chunks keep the time linear and change nothing on real text.
            for i in range(0, len(buf), HMM_CHUNK):
                chunk = buf[i:i + HMM_CHUNK]
                # Names and rare words recur in a report; the HMM's answer depends on the run alone.
                words = self._hmm_memo.get(chunk)
                if words is None:
                    if len(self._hmm_memo) >= _MEMO_BLOCKS:
                        self._hmm_memo.clear()
                    words = self._hmm_memo[chunk] = list(self._hmm(chunk))
                out.extend(words)
        else:
            out.extend(buf)
