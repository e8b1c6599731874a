"""Generate lexicons/sensitive/*.yaml from the compact lists in this folder.

    python scripts/sensitive/build.py            # write the YAML files
    python scripts/sensitive/build.py --check    # also run every example through check.py
"""
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import ad
import cult
import drugs
import gamb
import insult
import porn
import sep
import viol
from common import SRC

MODULES = [porn, gamb, drugs, viol, cult, sep, insult, ad]
FILES = {"pornography": "pornography.yaml", "gambling": "gambling.yaml", "drugs": "drugs.yaml",
         "violence_terrorism": "violence_terrorism.yaml", "cult": "cult.yaml", "separatism": "separatism.yaml",
         "insult_discrimination": "insult_discrimination.yaml", "ad_absolute": "ad_absolute.yaml"}
TITLES = {
    "pornography": "淫秽色情及色情引流用语",
    "gambling": "赌博、博彩引流用语（不含打击赌博报道中的中性词）",
    "drugs": "毒品买卖、制毒及吸毒黑话（不含禁毒宣传中的中性毒品名称）",
    "violence_terrorism": "涉枪涉爆、暴力恐怖、教唆犯罪用语及新华社相关禁用词",
    "cult": "邪教组织名称（警示）及邪教宣传口号（错误）",
    "separatism": "分裂国家用语（须处于明确反对语境）及新华社涉台港澳禁用词",
    "insult_discrimination": "侮辱、歧视性用语及残疾人、民族规范称谓",
    "ad_absolute": "《广告法》绝对化用语及违法广告用语",
}
ROOT = HERE.parent.parent
OUT = ROOT / "lexicons" / "sensitive"


def dedupe(seq):
    seen, out = set(), []
    for x in seq:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


def build_module(mod):
    d = mod.DEFAULTS
    entries = []
    for n, raw in enumerate(mod.ENTRIES, 1):
        rid = f"{mod.PREFIX}-{n:04d}"
        terms = dedupe(raw["terms"])
        sev = raw["sev"] or d["sev"]
        src_key = raw["src"] or d["src"]
        ex_text = raw["ex"] or (raw["tpl"] or d["tpl"]).format(t=terms[0])
        examples = [{"text": ex_text, "expect": [rid]}]
        examples += [{"text": t, "expect": [rid]} for t in raw["exs"]]
        examples += [{"text": t, "expect": []} for t in raw["clean"]]
        if n == 1:
            examples += [{"text": t, "expect": []} for t in mod.CLEAN]
        e = {"id": rid, "kind": "term", "terms": terms, "subcategory": mod.SUB}
        if sev != "error":
            e["severity"] = sev
        e["boundary"] = raw["b"] or d["b"]
        allow = dedupe(a for a in raw["allow"] if any(t in a for t in terms))
        if allow:
            e["allow_contexts"] = allow
        if raw.get("only_with"):
            e["only_with"] = raw["only_with"]
        if raw["sug"]:
            e["suggest"] = raw["sug"]
        e["message"] = raw["msg"] or d["msg"]
        e["source"] = SRC[src_key]
        if raw["unverified"]:
            e["unverified"] = True
        if raw["note"]:
            e["note"] = raw["note"]
        e["examples"] = examples
        entries.append(e)
    return entries


class Dumper(yaml.SafeDumper):
    pass


def _flow_list(dumper, data):
    flow = all(isinstance(x, str) for x in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


def _dict(dumper, data):
    flow = set(data) == {"text", "expect"}
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=flow)


Dumper.add_representer(list, _flow_list)
Dumper.add_representer(dict, _dict)


def write(mod, entries):
    doc = {
        "lexicon": f"sensitive-{mod.SUB.replace('_', '-')}",
        "category": "sensitive",
        "description": TITLES[mod.SUB] + "。由 scripts/sensitive/build.py 生成，请修改生成脚本后重新生成。",
        "entries": entries,
    }
    text = yaml.dump(doc, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=100000)
    text = text.replace("\n- id:", "\n\n- id:")
    (OUT / FILES[mod.SUB]).write_text(text, encoding="utf-8")
    return text


def longer_terms_win(all_entries):
    """A term of one entry that contains a term of another entry is added to the other
    entry's allow_contexts, so one span is reported once, by its most specific entry."""
    flat = [e for es in all_entries.values() for e in es]
    for e in flat:
        mine = set(e["terms"])
        extra = []
        for other in flat:
            if other is e:
                continue
            for t in other["terms"]:
                if t not in mine and any(m in t for m in mine):
                    extra.append(t)
        if extra:
            allow = dedupe(e.get("allow_contexts", []) + sorted(extra))
            items = list(e.items())
            if "allow_contexts" not in e:
                i = [k for k, _ in items].index("boundary") + 1
                items.insert(i, ("allow_contexts", allow))
            e.clear()
            e.update(items)
            e["allow_contexts"] = allow


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    all_entries = {}
    for mod in MODULES:
        all_entries[mod.SUB] = build_module(mod)
    longer_terms_win(all_entries)
    for mod in MODULES:
        entries = all_entries[mod.SUB]
        write(mod, entries)
        nterms = sum(len(e["terms"]) for e in entries)
        print(f"{mod.SUB}: {len(entries)} entries, {nterms} terms")
    print("total terms:", sum(len(e["terms"]) for es in all_entries.values() for e in es))
    if "--check" in sys.argv:
        import check
        return check.run([e for es in all_entries.values() for e in es])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
