"""A synthetic corpus for benchmarks and corpus tests: the seed report, rewritten many times.

Each variant moves the seed to another (made-up but ordinary-looking) place and year,
renames the speaker and jitters every quantity, all drawn from a seeded
``random.Random``, so the same ``--seed`` always gives the same bytes. The page chrome
of the forum is kept: cleaning it away is part of the work being measured.

    python benchmarks/make_corpus.py --n 1000 --out benchmarks/_corpus

Functions: `seed_text`, `detect_place`, `rewrite_report`, `make_variants`, `write_corpus`.
"""

from __future__ import annotations

import argparse
import random
import re
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "SEED",
    "Place",
    "Variant",
    "detect_place",
    "make_variants",
    "rewrite_report",
    "seed_text",
    "write_corpus",
]

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_ad79a472d2986914.txt"
DEFAULT_OUT = Path(__file__).resolve().parent / "_corpus"

# Ordinary-looking place names; none of them is meant to be a particular real place.
PROVINCES = ("河北", "山西", "江苏", "浙江", "安徽", "江西", "山东", "湖北", "湖南", "四川")
CITY_STEMS = ("临江", "安平", "清源", "云溪", "丰泽", "永宁", "长乐", "新河", "平湖", "金沙",
              "东川", "南屏", "北陵", "西原", "青阳", "石桥")
DISTRICT_STEMS = ("城东", "河西", "高新", "龙山", "白沙", "桃源", "柳营", "松岗", "凤鸣", "望江",
                  "双塔", "梅林")
SPEAKERS = ("王建国", "李明华", "张晓东", "陈卫东", "刘志强", "杨丽萍", "赵文博", "黄海涛",
            "周春燕", "吴国平")

# Words that name the district's own organs; a county (县) says 全县, 县委, 县长 instead.
_COUNTY_WORDS = ("全区", "区委", "区政府", "区人大", "区政协", "区长", "区级", "区属", "我区",
                 "区人民政府", "区财政", "区直")

_TITLE = re.compile(r"((?:19|20)\d\d)年(\S{2,12}?(?:市|州|盟)\S{1,8}?(?:区|县|市|旗))政府工作报告")
_PROVINCE_TAG = re.compile(r"\[(\S{2,3})\]")
_SPEAKER = re.compile(r"^(\s*\S*(?:区长|县长|市长)\s+)(\S{2,4})\s*$", re.MULTILINE)

# A year: 19xx/20xx before 年, or at the head of a dashed date (2020-1-20).
_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d\d)(?=年|-\d{1,2}-\d)")
# A quantity worth jittering: digits not glued to letters, times, dates, phone numbers or
# ordinals, and not a heading number at the start of a line or inside （1）.
_NUMBER = re.compile(
    r"(?<![\dA-Za-z.:#/\-第（(])(\d+(?:\.\d+)?)(?![\d.:\-A-Za-z#）)年月日时号届])"
)


@dataclass(frozen=True)
class Place:
    province: str  # short form, e.g. 河南
    city: str  # e.g. 郑州市
    district: str  # e.g. 惠济区 or 某某县

    @property
    def region(self) -> str:
        return self.city + self.district


@dataclass(frozen=True)
class Variant:
    index: int
    year: int
    place: Place
    speaker: str
    text: str

    @property
    def file_name(self) -> str:
        return f"{self.index:04d}_{self.year}_{self.place.region}.txt"


def seed_text() -> str:
    """The seed page as a string (read only; the seed file is never written)."""
    return SEED.read_text(encoding="utf-8")


def detect_place(text: str) -> tuple[int, Place, str | None]:
    """Year, place and speaker of a report page, read from its title and signature lines."""
    title = _TITLE.search(text)
    if not title:
        raise ValueError("no '<year><region>政府工作报告' title found")
    year, region = int(title.group(1)), title.group(2)
    city_end = max(region.find("市"), region.find("州"), region.find("盟")) + 1
    tag = _PROVINCE_TAG.search(text)
    province = tag.group(1) if tag else ""
    speaker = _SPEAKER.search(text)
    return (year, Place(province, region[:city_end], region[city_end:]),
            speaker.group(2) if speaker else None)


def _jitter(match: re.Match, rng: random.Random, spread: float) -> str:
    raw = match.group(1)
    decimals = len(raw.split(".")[1]) if "." in raw else 0
    value = float(raw) * rng.uniform(1 - spread, 1 + spread)
    if decimals:
        value = max(value, 10 ** -decimals)
        return f"{value:.{decimals}f}"
    return str(max(1, round(value)))


def rewrite_report(text: str, *, year: int, place: Place, speaker: str | None = None,
                   rng: random.Random | None = None, spread: float = 0.2) -> str:
    """Move a report page to another place and year and jitter its quantities.

    >>> page = "[河南] 2019年郑州市惠济区政府工作报告\\n惠济区完成171.31亿元，增长9.5%。2018年全区"
    >>> rewrite_report(page, year=2021, place=Place("山东", "临江市", "双塔县"), spread=0)
    '[山东] 2021年临江市双塔县政府工作报告\\n双塔县完成171.31亿元，增长9.5%。2020年全县'
    """
    old_year, old, old_speaker = detect_place(text)
    rng = rng or random.Random(0)
    # Numbers first, while years still read as years and are skipped by _NUMBER.
    if spread:
        text = _NUMBER.sub(lambda m: _jitter(m, rng, spread), text)
    shift = year - old_year
    text = _YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
    # Longest names first, so 郑州市惠济区 is not half-replaced through 郑州市.
    pairs = [(old.region, place.region), (old.district, place.district), (old.city, place.city),
             (old.district[:-1], place.district[:-1]), (old.city[:-1], place.city[:-1])]
    if old.province:
        pairs.append((old.province, place.province))
    for before, after in pairs:
        if len(before) >= 2:
            text = text.replace(before, after)
    if old.district.endswith("区") and place.district.endswith("县"):
        for word in sorted(_COUNTY_WORDS, key=len, reverse=True):
            text = text.replace(word, word.replace("区", "县"))
    if speaker and old_speaker:
        text = text.replace(old_speaker, speaker)
    return text


def make_variants(n: int, *, seed: int = 0, base: str | None = None, spread: float = 0.2):
    """Yield `n` deterministic variants of the seed (or of `base`), distinct in content.

    >>> [v.file_name for v in make_variants(2, seed=1)]  # doctest: +SKIP
    ['0000_2017_云溪市凤鸣区.txt', '0001_2021_东川市桃源县.txt']
    """
    base = seed_text() if base is None else base
    rng = random.Random(seed)
    for index in range(n):
        place = Place(rng.choice(PROVINCES), rng.choice(CITY_STEMS) + "市",
                      rng.choice(DISTRICT_STEMS) + rng.choice("区区县"))
        year = rng.randint(2015, 2023)
        speaker = rng.choice(SPEAKERS)
        text = rewrite_report(base, year=year, place=place, speaker=speaker,
                              rng=random.Random(rng.getrandbits(64)), spread=spread)
        yield Variant(index, year, place, speaker, text)


def write_corpus(folder: str | Path = DEFAULT_OUT, n: int = 1000, *, seed: int = 0,
                 spread: float = 0.2) -> list[Path]:
    """Write `n` variants as UTF-8 files into `folder`; returns their paths (sorted)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for variant in make_variants(n, seed=seed, spread=spread):
        path = folder / variant.file_name
        path.write_text(variant.text, encoding="utf-8")
        paths.append(path)
    return sorted(paths)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="number of reports (default 1000)")
    parser.add_argument("--out", default=str(DEFAULT_OUT), help="folder (default benchmarks/_corpus)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    paths = write_corpus(args.out, args.n, seed=args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} reports, {size / 1e6:.1f} MB in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
