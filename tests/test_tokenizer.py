"""Policy-aware tokenizer: whole numbers, whole policy terms, offsets, own cache, quiet loader."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import policytext
import pytest
from policytext.words import (
    PolicyTokenizer,
    cache_dir,
    learn_terms,
    lexicon,
    plain_tokenize,
    term_integrity,
    tokenize,
)

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_ad79a472d2986914.txt"

#: Held-out check list from issue 4 plus genre terms; some are lexicon entries, some are not.
HAND_TERMS = [
    "散乱污", "放管服", "四个意识", "两个维护", "四个自信", "高质量发展", "一般公共预算收入",
    "规模以上工业增加值", "供给侧结构性改革", "三大攻坚战", "双随机一公开", "一核三带六园",
    "四重点一稳定一保证", "新发展理念", "以人民为中心", "固定资产投资", "黑臭水体", "河长制",
    "营商环境", "社会消费品零售总额", "居民人均可支配收入", "扫黑除恶", "古荥大运河文化区",
]


@pytest.fixture(scope="module")
def text() -> str:
    return policytext.load_report(SEED).text


@pytest.fixture(scope="module")
def tokens(text):
    return tokenize(text)


def test_offsets_point_into_text(text, tokens):
    assert list(tokens.columns) == ["token", "start", "end", "tag"]
    assert all(text[s:e] == t for t, s, e in zip(tokens.token, tokens.start, tokens.end))
    assert (tokens.start.diff().dropna() > 0).all()
    assert (tokens.start.iloc[1:].to_numpy() >= tokens.end.iloc[:-1].to_numpy()).all()


def test_numbers_dates_codes_come_out_whole():
    t = "2019年3月15日，生产总值完成171.31亿元，PM2.5年均浓度，推进S312征迁，动漫6#楼，年底前完成"
    tok = tokenize(t).set_index("token")["tag"]
    assert tok["2019年3月15日"] == "date"
    assert tok["171.31亿元"] == "quantity"
    assert tok["PM2.5"] == "code" and tok["S312"] == "code" and tok["6#"] == "code"
    assert tok["年底前"] == "date"
    assert "171" not in tok.index and "." not in tok.index


def test_seed_frequency_table_has_no_number_debris(tokens):
    assert not tokens.token.isin(["171", "31", ".", "%", "PM2", "5"]).any()


def test_term_integrity_beats_plain_jieba(text, tokens):
    plain = plain_tokenize(text)
    lex_terms = [w for w in lexicon().word if w in text]
    assert len(lex_terms) > 50
    # Circular for our tokenizer (it was given the lexicon), so also the hand list below.
    assert term_integrity(text, lex_terms, tokens) >= 0.98
    assert term_integrity(text, lex_terms, plain) < 0.5
    assert term_integrity(text, HAND_TERMS, tokens) >= 0.95
    assert term_integrity(text, HAND_TERMS, plain) < 0.3


def test_learning_alone_keeps_report_specific_terms(text):
    # Without the lexicon, quoted phrases, formulations and place names still stay whole.
    bare = PolicyTokenizer(use_lexicon=False).tokenize(text)
    learned_only = ["散乱污", "放管服", "四个意识", "两个维护", "古荥大运河文化区", "一核三带六园"]
    assert term_integrity(text, learned_only, bare) == 1.0


def test_quoted_phrase_learned_and_reused_unquoted():
    t = "开展“绿化认领”活动。全年绿化认领面积扩大。"
    toks = tokenize(t)
    assert (toks.token == "绿化认领").sum() == 2


def test_place_names_start_where_contexts_diverge():
    t = "建设望湖镇中心，改造望湖镇老街。治理清溪河，清溪河两岸绿化。"
    learned = learn_terms(t)
    places = set(learned.loc[learned.kind == "place", "term"])
    assert {"望湖镇", "清溪河"} <= places
    assert not any(p.startswith(("设", "造", "理")) for p in places)


def test_place_learning_skips_common_phrases(text):
    places = set(learn_terms(text).query("kind == 'place'").term)
    assert {"惠济区", "索须河", "贾鲁河", "古荥大运河文化区", "花园口村"} <= places
    assert not places & {"中心城市", "文明城市", "市政道路", "庭院花园", "幼儿园", "湿地公园"}
    # The same rules on phrases no seed holds: names stay, common phrases go.
    t = "。".join(c + p + "，" for p in ("青龙河", "人民路", "碧沙岗公园", "宜居城市", "口袋公园",
                                          "美丽乡村", "物流园") for c in ("建设", "推进"))
    assert set(learn_terms(t).query("kind == 'place'").term) == {"青龙河", "人民路", "碧沙岗公园"}


def test_extra_terms_are_kept_whole():
    toks = tokenize("推进智慧停车示范工程", extra_terms=["智慧停车示范工程"])
    assert "智慧停车示范工程" in set(toks.token)


def test_own_cache_file_and_quiet_loader(tmp_path, monkeypatch, capfd):
    monkeypatch.setenv("POLICYTEXT_CACHE_DIR", str(tmp_path))
    assert cache_dir() == tmp_path
    tk = PolicyTokenizer(use_lexicon=False)
    tk.tokenize("测试")
    assert (tmp_path / "jieba.cache").is_file()
    assert "Building prefix dict" not in capfd.readouterr().err


def test_tokenizer_is_not_built_at_import():
    code = (
        "import policytext.words, policytext.words.tokenizer as t, sys;"
        "assert t._DEFAULT is None; print('ok')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "ok" and "prefix dict" not in out.stderr
