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
