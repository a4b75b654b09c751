"""Character-level normalisation of one line of a report, without changing its meaning.

Spaces (NBSP, ideographic, zero-width), full-width digits and Latin letters, and
ASCII punctuation typed inside Chinese text.  The inside of a number or a code is
never touched: ``171.31``, ``2.2:38.4:59.4``, ``PM2.5``, ``5-10``, ``S312``, ``6#``,
``9:00-18:00``.

>>> normalize_line("\\u3000\\u3000全区生产总值完成１７１．３１亿元,增长9.5%;比例为2.2:38.4:59.4。")
'全区生产总值完成171.31亿元，增长9.5%；比例为2.2:38.4:59.4。'
"""

from __future__ import annotations

import re

__all__ = ["CJK", "CJK_CONTEXT", "cjk_count", "decode_escapes", "normalize_line", "to_halfwidth"]

#: Chinese ideographs (basic, extension A, compatibility).
CJK = "\u3400-\u9fff\uf900-\ufaff"
#: Characters that make their neighbourhood "Chinese text": ideographs, CJK and
#: full-width punctuation, curly quotes, ellipsis, dashes.
CJK_CONTEXT = CJK + "\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2026\u2014\u00b7"

_IS_CJK_CONTEXT = re.compile(f"[{CJK_CONTEXT}]")
_IS_CJK = re.compile(f"[{CJK}]")
_CJK_RUN = re.compile(f"[{CJK}]+")

# Full-width digits and Latin letters (and ％ ＃, which belong to numbers and codes).
_HALFWIDTH = {cp: cp - 0xFEE0 for r in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
              for cp in range(r[0], r[1] + 1)}
_HALFWIDTH.update({ord("％"): "%", ord("＃"): "#"})
# Full-width separators inside a number written in full-width digits: １７１．３１, ９：００.
_NUMBER_PUNCT = re.compile(r"(?<=\d)([．：－])(?=\d)|(?<=\d)(．)")
_NUMBER_PUNCT_MAP = {"．": ".", "：": ":", "－": "-"}
# Any character _HALFWIDTH maps: translating with a dict costs a lookup per character.
_FULLWIDTH = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a％＃]")

# Spaces that render as blanks; zero-width characters that render as nothing.
_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_RUNS = re.compile(r" {2,}")

# URLs and e-mail addresses keep their ASCII punctuation.  The look-behinds let a match
# start only at the beginning of a run: without them the e-mail branch rescans a long run
# of \\w (a whole Chinese clause, which \\w matches) from each of its positions, quadratic
# on a page scraped onto one line.
_PROTECTED = re.compile(
    r"(?:https?|ftp)://\S+|www\.[\w.-]+\S*|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+",
    re.IGNORECASE,
)
# A scraper's literal escape for a character it could not write: <U+00A0> is a no-break
# space, <U+3000> an ideographic one.
_ESCAPE = re.compile(r"<U\+([0-9A-Fa-f]{4,6})>")
# A parenthesised aside of at most 60 characters without nested parentheses.
_PAREN_PAIR = re.compile(r"\(([^()\n]{0,60})\)")
_ASCII_PUNCT = re.compile(r"[,:;!?()]")
_BETWEEN_CHINESE = re.compile(f"(?<=[{CJK_CONTEXT}])[,:;!?](?=[{CJK_CONTEXT}])")
_TO_FULL = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
# Full-width punctuation carries its own spacing; blanks next to it are leftovers.
_SPACE_AROUND_PUNCT = re.compile(r" *([，。、；：！？（）《》“”【】]) *")


def cjk_count(text: str) -> int:
    """How many Chinese characters `text` holds (counted by runs: far fewer matches).

    >>> cjk_count("2019年GDP增长7%")
    3
    """
    return sum(map(len, _CJK_RUN.findall(text)))


def to_halfwidth(text: str) -> str:
    """Full-width digits and Latin letters to ASCII (and ．：－ inside such numbers).

    >>> to_halfwidth("ＰＭ２．５下降１２％，６＃楼")
    'PM2.5下降12%，6#楼'
    """
    if _FULLWIDTH.search(text):
        text = text.translate(_HALFWIDTH)
    return _NUMBER_PUNCT.sub(lambda m: _NUMBER_PUNCT_MAP[m.group(1) or m.group(2)], text)


def decode_escapes(text: str) -> str:
    """Turn literal ``<U+XXXX>`` escapes left by a scraper back into their characters.

    >>> decode_escapes("各位代表：<U+00A0><U+00A0>现在") == "各位代表：\\xa0\\xa0现在"
    True
    """
    if "<U+" not in text:
        return text
    return _ESCAPE.sub(_decoded, text)


def _decoded(m: re.Match) -> str:
    code = int(m.group(1), 16)
    return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else m.group()


def normalize_line(line: str) -> str:
    """Normalise one line: blanks, indentation, full-width alphanumerics, ASCII punctuation.

    >>> normalize_line("  (一)持续发展特色产业,质量效益同步提高。")
    '（一）持续发展特色产业，质量效益同步提高。'
    >>> normalize_line("<U+00A0><U+00A0>各位代表：")
    '各位代表：'
    >>> normalize_line("营业时间9:00-18:00,PM2.5下降5-10个;S312改造(M0)模式")
    '营业时间9:00-18:00，PM2.5下降5-10个；S312改造（M0）模式'
    """
    line = _ZERO_WIDTH.sub("", decode_escapes(line))
    line = _SPACES.sub(" ", line)
    line = _RUNS.sub(" ", line).strip()
    if not line:
        return ""
    line = _unspace_letterspaced(line)
    line = to_halfwidth(line)
    line = _chinese_punctuation(line)
    if " " in line:  # without a blank the substitution below changes nothing
        line = _SPACE_AROUND_PUNCT.sub(r"\1", line)
    return line.strip()


def _unspace_letterspaced(line: str) -> str:
    # "政 府 工 作 报 告": a title typeset with a blank between characters.
    tokens = line.split(" ")
    singles = sum(1 for t in tokens if len(t) == 1 and _IS_CJK.match(t))
    if len(tokens) >= 4 and singles >= 0.6 * len(tokens):
        out = tokens[0]
        for tok in tokens[1:]:
            ascii_pair = out[-1:].isascii() and out[-1:].isalnum() and tok[:1].isascii()
            out += (" " if ascii_pair and tok[:1].isalnum() else "") + tok
        return out
    return line


def _full(m: re.Match) -> str:
    return _TO_FULL[m.group()]


def _chinese_punctuation(line: str) -> str:
    if not _ASCII_PUNCT.search(line):
        return line  # most lines: nothing to convert (every rule below starts at one of these)
    # _PROTECTED needs "@", "://" or "www."; skipping the scan matters because its e-mail
    # branch rescans every run of \\w (a whole Chinese clause) from each position.
    maybe_link = "@" in line or "://" in line or "www." in line.lower()
    if not maybe_link:
        # The common case in one pass: a mark with Chinese on both sides (区委,市政府). Such a
        # mark touches no other ASCII mark, so the careful loop below decides the rest alike.
        line = _BETWEEN_CHINESE.sub(_full, line)
        if not _ASCII_PUNCT.search(line):
            return line
    protected = [m.span() for m in _PROTECTED.finditer(line)] if maybe_link else []
    n_cjk = cjk_count(line)
    chinese_line = n_cjk >= 10 or n_cjk >= 0.3 * len(line.replace(" ", ""))
    chars = list(line)

    def free(i: int) -> bool:
        return not any(a <= i < b for a, b in protected)

    def is_ctx(ch: str | None) -> bool:
        return ch is not None and bool(_IS_CJK_CONTEXT.match(ch))

    # Neighbours skipping blanks, found by walking (slicing would be quadratic on a
    # page scraped onto one long line).
    def before_of(i: int) -> str | None:
        while i > 0 and chars[i - 1] == " ":
            i -= 1
        return chars[i - 1] if i > 0 else None

    def after_of(i: int) -> str | None:
        while i + 1 < len(chars) and chars[i + 1] == " ":
            i += 1
        return chars[i + 1] if i + 1 < len(chars) else None

    for m in _PAREN_PAIR.finditer(line):
        i, j = m.start(), m.end() - 1
        before, after = before_of(i), after_of(j)
        if free(i) and (is_ctx(before) or is_ctx(after) or _IS_CJK.search(m.group(1))):
            chars[i], chars[j] = "（", "）"

    for m in _ASCII_PUNCT.finditer(line):
        i = m.start()
        if chars[i] != m.group() or (protected and not free(i)):
            continue
        before, after = before_of(i), after_of(i)
        ascii_before = before is not None and before.isascii() and before.isalnum()
        ascii_after = after is not None and after.isascii() and after.isalnum()
        if ascii_before and ascii_after and (
            (before.isdigit() and after.isdigit()) or not chinese_line
        ):
            # 2.2:38.4:59.4, 9:00, 1,234, or an English phrase: inside a number or code.
            continue
        if m.group() in "!?" and before is not None and before.isascii() and before.isalnum():
            continue  # index.php?id=1, Yahoo!
        if is_ctx(before) or is_ctx(after) or (chinese_line and m.group() in ",;:"):
            chars[i] = _TO_FULL[m.group()]
    return "".join(chars)
