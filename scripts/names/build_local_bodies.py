#!/usr/bin/env python3
"""Build lexicons/names/local_bodies.yaml: the standard names of the local Party, people's congress,
government and CPPCC bodies after the 2018 institutional reform, protected against slips.

A local body is named by its place and its standard name (浙江省 + 人力资源和社会保障厅, 杭州市 +
卫生健康委员会). The standard names below are those of the provincial reform plans approved in
2018 (《深化党和国家机构改革方案》, 中共中央 2018-03-21, and the provincial plans modelled on it) and
of the 2023 reform (社会工作部, 数据局). Each is protected: a slip of it (发展与改革委员会,
人力资源和社会保证厅) is reported; another kind of body (科学技术局 beside 科学技术部) never is.

Each entry's examples: the name in a sentence of a notice is clean; where a slip of it is found by
the checker (the first that is, of 和→与 and of each inner character's sound-alikes), it is reported.

    python scripts/names/build_local_bodies.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
OUT = ROOT / "lexicons" / "names" / "local_bodies.yaml"

REFORM_2018 = "《深化党和国家机构改革方案》(中共中央2018-03-21印发，新华社2018-03-21电)及各省(区、市)2018年机构改革方案"
REFORM_2023 = "《党和国家机构改革方案》(中共中央、国务院2023-03-16印发，新华社2023-03-16电)及各省(区、市)2023—2024年机构改革方案"

# (standard name, level it is written after, note); 厅 for a province, 局 for a city or county.
BODIES_2018 = [
    ("发展和改革委员会", "省", "政府组成部门；县级多为发展和改革局"),
    ("发展和改革局", "县", "县级政府工作部门"),
    ("科学技术厅", "省", "省级政府组成部门"),
    ("科学技术局", "市", "市县政府工作部门"),
    ("工业和信息化厅", "省", "省级政府组成部门"),
    ("工业和信息化局", "市", "市县政府工作部门"),
    ("民族宗教事务委员会", "省", "多数省份的政府组成部门"),
    ("民族事务委员会", "省", "部分省份的政府组成部门"),
    ("人力资源和社会保障厅", "省", "省级政府组成部门"),
    ("人力资源和社会保障局", "市", "市县政府工作部门"),
    ("自然资源厅", "省", "省级政府组成部门"),
    ("自然资源局", "市", "市县政府工作部门"),
    ("自然资源和规划局", "市", "部分市县的名称"),
    ("规划和自然资源局", "市", "部分市县的名称"),
    ("生态环境厅", "省", "省级政府组成部门"),
    ("生态环境局", "市", "市级政府工作部门"),
    ("住房和城乡建设厅", "省", "省级政府组成部门"),
    ("住房和城乡建设局", "市", "市县政府工作部门"),
    ("住房和城乡建设委员会", "市", "直辖市等的名称"),
    ("交通运输厅", "省", "省级政府组成部门"),
    ("交通运输局", "市", "市县政府工作部门"),
    ("农业农村厅", "省", "省级政府组成部门"),
    ("农业农村局", "市", "市县政府工作部门"),
    ("文化和旅游厅", "省", "省级政府组成部门"),
    ("文化和旅游局", "市", "市县政府工作部门"),
    ("卫生健康委员会", "省", "政府组成部门"),
    ("卫生健康局", "县", "部分县级政府工作部门"),
    ("退役军人事务厅", "省", "省级政府组成部门"),
    ("退役军人事务局", "市", "市县政府工作部门"),
    ("应急管理厅", "省", "省级政府组成部门"),
    ("应急管理局", "市", "市县政府工作部门"),
    ("外事办公室", "省", "政府外事工作机构"),
    ("国有资产监督管理委员会", "省", "政府直属特设机构"),
    ("市场监督管理局", "省", "政府直属机构"),
    ("市场监督管理所", "县", "县级市场监督管理局的派出机构"),
    ("医疗保障局", "省", "政府直属机构"),
    ("林业和草原局", "省", "政府直属机构或部门管理机构"),
    ("广播电视局", "省", "政府直属机构"),
    ("机关事务管理局", "省", "政府直属机构"),
    ("粮食和物资储备局", "省", "政府部门管理机构"),
    ("人民防空办公室", "市", "政府工作部门"),
    ("纪律检查委员会", "省", "党的纪律检查机关"),
    ("监察委员会", "省", "国家监察机关"),
    ("统一战线工作部", "省", "党委工作机关"),
    ("政法委员会", "省", "党委职能部门"),
    ("机构编制委员会办公室", "省", "党委机构编制工作机构"),
    ("网络安全和信息化委员会办公室", "省", "党委议事协调机构的办事机构"),
    ("外事工作委员会办公室", "省", "党委议事协调机构的办事机构"),
    ("全面深化改革委员会办公室", "省", "党委议事协调机构的办事机构"),
    ("人民代表大会常务委员会", "省", "地方国家权力机关的常设机关"),
    ("检察委员会", "市", "人民检察院的议事决策机构；与监察委员会一音之差，须各自保护"),
    ("审判委员会", "市", "人民法院的审判组织"),
    ("人民政府办公厅", "省", "省级政府办公机构"),
    ("人民政府办公室", "市", "市县政府办公机构"),
]
BODIES_2023 = [
    ("社会工作部", "省", "2023年机构改革后组建的党委职能部门"),
    ("数据局", "省", "2023年机构改革后组建的政府机构"),
]
SENTENCE = "{level}{name}印发通知，部署做好有关工作。"


def slipped_examples(entries: list[dict]) -> None:
    """Give each entry a misspelt example that the checker, with this file in place, reports."""
    import termcheck
    from termcheck.text import segment

    checker = termcheck.Checker()
    confusion = checker.compiled.confusion
    for item in entries:
        name, level = item["term"], item["_level"]
        slips = [name.replace("和", "与", 1)] if "和" in name else []
        for index in range(1, len(name) - 1):
            # the commonest sound-alikes first: the slips a writer makes
            others = sorted(confusion.get(name[index], {}), key=lambda c: (-segment.word_frequency(c), c))
            slips += [name[:index] + other + name[index + 1 :] for other in others]
        for slip in slips:
            text = SENTENCE.format(level=level, name=slip)
            if item["id"] in {f.rule.split("/")[0] for f in checker.check(text)}:
                item["examples"].append({"text": text, "expect": [item["id"]]})
                break


def main() -> int:
    entries = []
    for number, (name, level, note, source) in enumerate(
        [(*b, REFORM_2018) for b in BODIES_2018] + [(*b, REFORM_2023) for b in BODIES_2023], 1
    ):
        item = {"id": f"NAME-LB-{number:03d}", "kind": "protected", "term": name}
        if len(name) <= 4:
            item["near_miss"] = False  # the last character of a short name is too often another word's
        item.update({"source": source, "note": note, "_level": level})
        item["examples"] = [{"text": SENTENCE.format(level=level, name=name), "expect": []}]
        entries.append(item)
    write(entries)
    slipped_examples([e for e in entries if e.get("near_miss", True)])
    write(entries)
    slipped = sum(len(e["examples"]) > 1 for e in entries)
    print(f"{OUT.relative_to(ROOT)}: {len(entries)} entries, {slipped} with a misspelt example")
    return 0


def write(entries: list[dict]) -> None:
    doc = {
        "lexicon": "names-local-bodies",
        "category": "name",
        "description": "地方党委、人大、政府、政协工作机构的规范名称（2018年、2023年机构改革后），如人力资源和社会保障厅、卫生健康委员会",
        "source": f"{REFORM_2018}；{REFORM_2023}",
        "entries": [{k: v for k, v in e.items() if not k.startswith("_")} for e in entries],
    }
    header = "# Generated by scripts/names/build_local_bodies.py; edit the list there.\n"
    OUT.write_text(header + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
