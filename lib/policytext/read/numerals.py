"""Chinese numerals (一千五百, 两千, 百亿, 三点五) to numbers.

Government reports mostly write digits, but magnitudes in rhetoric (突破百亿元, 超千万人次)
and percentages (百分之三) use Chinese numerals; this module reads them.
"""

from __future__ import annotations

import math

__all__ = ["CN_DIGITS", "CN_NUMERAL_CHARS", "as_number", "cn_int", "cn_to_number"]

CN_DIGITS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "十百千万亿"


def _below_wan(s: str) -> float:
    """Value of a numeral without 万/亿 (一千五百, 十三, 一千五 = 1500)."""
    if s and all(ch in CN_DIGITS for ch in s):
        # digit-by-digit writing such as 二〇一九
        return float("".join(str(CN_DIGITS[ch]) for ch in s))
    value = 0
    digit: int | None = None
    last_unit = 0
    prev_was_unit = False
    saw_zero = False
    for ch in s:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
            saw_zero = saw_zero or digit == 0
            prev_was_unit = False
        elif ch in _SMALL_UNITS:
            unit = _SMALL_UNITS[ch]
            value += (digit if digit is not None else 1) * unit
            digit, last_unit, prev_was_unit = None, unit, True
            saw_zero = False
        else:
            raise ValueError(f"not a Chinese numeral: {s!r}")
    if digit is not None:
        # colloquial 一千五 means 1500: a trailing digit right after a unit scales down one step
        if last_unit >= 100 and not saw_zero and not prev_was_unit and s[-2] in _SMALL_UNITS:
            value += digit * last_unit // 10
        else:
            value += digit
    return float(value)


def cn_to_number(s: str) -> float:
    """Read a Chinese numeral, with 万/亿 sections and an optional 点 decimal part.

    A run of scale words that is no numeral (千万千万千万…) raises ``ValueError``; so does any
    other character.

    >>> cn_to_number("一千五百"), cn_to_number("百亿"), cn_to_number("三点五")
    (1500.0, 10000000000.0, 3.5)
    """
    s = s.strip()
    if not s:
        raise ValueError("empty numeral")
    # a numeral has one 亿 section and at most a 万 on each side of it (三千万亿, 一亿二千万);
    # checking first also bounds the recursion below
    if s.count("亿") > 1 or s.count("万") > 2 or s.count("点") > 1:
        raise ValueError(f"not a Chinese numeral: {s[:20]!r}")
    if "点" in s:
        whole, frac = s.split("点", 1)
        if not frac or any(ch not in CN_DIGITS for ch in frac):
            raise ValueError(f"not a Chinese numeral: {s[:20]!r}")
        digits = "".join(str(CN_DIGITS[ch]) for ch in frac)
        return _sections(whole or "零") + float("0." + digits)
    return _sections(s)


def _sections(s: str) -> float:
    """A numeral without 点, split at 亿 then 万 (depth at most three: checked by the caller)."""
    if not s:
        raise ValueError("empty numeral")
    for mark, factor in (("亿", 1e8), ("万", 1e4)):
        if mark in s:
            head, tail = s.split(mark, 1)
            high = _sections(head) if head else 1.0
            low = 0.0
            if tail:
                low = _sections(tail)
                # 一万二 means 12000: a lone trailing digit counts in the next lower order
                if len(tail) == 1 and tail in CN_DIGITS:
                    low = CN_DIGITS[tail] * factor / 10
            return high * factor + low
    return _below_wan(s)


def cn_int(s: str) -> int:
    """A whole number written in Arabic digits or Chinese numerals (years, months, headings).

    >>> cn_int("14"), cn_int("十四"), cn_int("二〇一九"), cn_int("一九五四"), cn_int("二○二五")
    (14, 14, 2019, 1954, 2025)
    """
    if s.isdigit():
        return int(s)
    return int(cn_to_number(s.replace("○", "〇")))


def as_number(value: object) -> float:
    """A table cell as a float: NaN for empty cells, None, <NA> and text that is not a number.

    >>> as_number("7.5"), as_number(None), as_number("左右")
    (7.5, nan, nan)
    """
    try:
        return float(value)
    except (TypeError, ValueError):
        return math.nan
