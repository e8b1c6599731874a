"""jieba's dictionary served from termcheck's cache: the same frequencies, without importing jieba."""

import json
import os
import subprocess
import sys

import jieba

from termcheck.text import segment

PROBE = """
import json, sys
from termcheck.text import segment
segment.add_words(["乡村振兴局", "两个维护"])
found = {w: segment.word_frequency(w) for w in ("政府", "审议", "乡村振兴局", "两个维护", "攻府")}
print(json.dumps({"found": found, "jieba": "jieba" in sys.modules}))
"""


def _probe(cache_dir) -> dict:
    env = {**os.environ, "TERMCHECK_CACHE_DIR": str(cache_dir)}
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_word_frequencies_come_from_the_cache_without_jieba(tmp_path):
    first = _probe(tmp_path)
    second = _probe(tmp_path)
    assert first["jieba"] is True  # the first run builds the dictionary with jieba
    assert second["jieba"] is False  # the next one reads it from the cache only
    assert second["found"] == first["found"]
    reference = jieba.Tokenizer()
    reference.initialize()
    assert second["found"]["政府"] == reference.FREQ["政府"]
    assert second["found"]["审议"] == reference.FREQ["审议"]
    assert second["found"]["攻府"] == 0
    assert second["found"]["乡村振兴局"] >= segment.DOMAIN_WORD_FREQUENCY


def test_words_added_after_the_dictionary_loaded_are_known_to_both():
    segment.word_frequency("政府")  # loads the dictionary
    word = "市域社会治理现代化试点"
    segment.add_words([word])
    assert segment.word_frequency(word) >= segment.DOMAIN_WORD_FREQUENCY
    assert word in segment.tokens(f"推进{word}工作")


SENTENCES = [
    "各级人民政府要认真贯彻落实党中央、国务院决策部署。",
    "市急救指挥中心统一调度，救护车二十分钟内到达现场。",
    "攻府工作报告提出，今年国内生产总值增长5%左右。",
    "乡村振兴局会同有关部门推进两个维护落到实处。",
    "",
    "ABC公司2024年第3季度营收12.5亿元",
]


def test_best_segmentation_is_jiebas_own_route(monkeypatch):
    from termcheck.text.word_table import WordTable

    reference = jieba.Tokenizer()
    reference.initialize()
    monkeypatch.setattr(segment, "_dictionary", WordTable(reference.FREQ))
    monkeypatch.setattr(segment, "_dictionary_total", reference.total)
    monkeypatch.setattr(segment, "_tokenizer", None)
    for by_bisection in (True, False):
        if not by_bisection:
            segment._dictionary.as_dict()
        for text in SENTENCES:
            route: dict = {}
            reference.calc(text, reference.get_DAG(text), route)
            cuts, position = [], 0
            while position < len(text):
                cuts.append((position, route[position][1] + 1))
                position = route[position][1] + 1
            assert segment.best_segmentation(text) == (route[0][0], cuts)


def test_the_word_table_answers_like_the_dict_it_was_built_from():
    from termcheck.text.word_table import WordTable

    source = {"政府": 5, "政": 0, "政府工": 0, "政府工作": 9, "审议": 3}
    table = WordTable(source)
    for word in [*source, "攻府", "", "政府工作报告", "审"]:
        assert table.get(word) == source.get(word)
        assert (word in table) == (word in source)
    assert table.as_dict() == source
    assert table.mapping() is table.as_dict()
