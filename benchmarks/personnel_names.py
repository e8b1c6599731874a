"""False alarms of the unlisted-typo detectors on personnel-notice sentences full of names.

Given names read as misspelt words (贾强 as 加强, 春杰 as 春节). This builds 3,000 sentences
from common surnames, common given-name characters and seven personnel-notice templates
(seeded, so reruns agree) and counts the typo warnings, with and without the name-slot guard
(``termcheck.text.person_names``). Every warning here is a false alarm.

    python benchmarks/personnel_names.py
"""

from __future__ import annotations

import random
from unittest import mock

import termcheck
from termcheck.text import person_names

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤乐"
GIVEN = "伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华玉兰萍红建国文辉力林斌波宁鹏飞宇浩志忠海峰云凤春晓燕婷雪梅琳俊德东亮成新民永龙松振清智韶"
TEMPLATES = (
    "经研究，任命{a}为市发展和改革委员会主任。",
    "{a}同志主持会议并讲话。",
    "副市长{a}出席活动。",
    "免去{a}的县人民政府副县长职务。",
    "会议由{a}、{b}共同主持。",
    "{a}（女，1975年生）任区教育局局长。",
    "联系人：{a}，电话：0571-87654321。",
)
SENTENCES = 3000


def sentences() -> list[str]:
    chooser = random.Random(20261126)

    def name() -> str:
        return chooser.choice(SURNAMES) + "".join(chooser.choice(GIVEN) for _ in range(chooser.choice((1, 2, 2))))

    return [chooser.choice(TEMPLATES).format(a=name(), b=name()) for _ in range(SENTENCES)]


def warnings(checker: termcheck.Checker, texts: list[str]) -> list[tuple[str, str]]:
    return [(f.text, f.message) for text in texts for f in checker.check(text) if f.severity.value != "info"]


def main() -> int:
    texts = sentences()
    characters = sum(map(len, texts))
    print(f"{len(texts)} sentences, {characters} characters")
    print("| sensitivity | name-slot guard | warnings | per 10k characters |")
    print("|---|---|---|---|")
    for sensitivity in ("default", "high"):
        checker = termcheck.Checker(select=["typo/confusable", "typo/char-ngram"], typo_sensitivity=sensitivity)
        with mock.patch.object(person_names, "in_name_slot", lambda *_: False):
            unguarded = warnings(checker, texts)
        guarded = warnings(checker, texts)
        for label, found in (("off", unguarded), ("on", guarded)):
            print(f"| {sensitivity} | {label} | {len(found)} | {len(found) / characters * 10_000:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
