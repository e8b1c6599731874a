"""Extract the authoritative texts that scripts/phrases/mine_official.py mines, into a folder.

The texts stay out of the project. Each comes from a public GitHub repository, brought here as
a git snapshot (the ``fetch`` tool of this workshop, or ``git clone --mirror``) under MIRRORS as
``owner+name/repo``. Laws, administrative regulations and the Constitution are not subject to
copyright (著作权法 第五条), nor are the report of the 20th Party Congress and the 2024 government
work report as official documents; the repositories only carry them. Each text gets a header
naming its key, title, date, authoritative URL and the exact repository, commit and path.

    python scripts/phrases/extract_texts.py /work/.mirror /tmp/official_texts
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

FLK = "https://flk.npc.gov.cn/"
# key, title, date, authoritative URL, repository, path in it
DOCUMENTS = [
    ("XIANFA", "中华人民共和国宪法（2018年修正）", "2018-03-11", "https://www.gov.cn/guoqing/2018-03/22/content_5276318.htm", "LawRefBook/Laws", "宪法/宪法.md"),
    ("ERSHIDA-BAOGAO", "高举中国特色社会主义伟大旗帜 为全面建设社会主义现代化国家而团结奋斗——在中国共产党第二十次全国代表大会上的报告", "2022-10-16", "https://www.gov.cn/xinwen/2022-10/25/content_5721685.htm", "ChujinQQ/wordcloud-of-20th-congress-report", "二十大报告.txt"),
    ("ZFGZBG-2024", "政府工作报告（2024年3月5日在第十四届全国人民代表大会第二次会议上）", "2024-03-05", "https://www.gov.cn/yaowen/liebiao/202403/content_6939153.htm", "Qqi-W/python_learning", "2024年政府工作报告.txt"),
    ("LIFAFA", "中华人民共和国立法法（2023年修正）", "2023-03-13", "https://www.gov.cn/xinwen/2023-03/14/content_5746569.htm", "LawRefBook/Laws", "宪法相关法/立法法(2023-03-13).md"),
    ("ZFXXGK", "中华人民共和国政府信息公开条例（2019年修订）", "2019-04-03", "http://www.gov.cn/zhengce/content/2019-04/15/content_5382991.htm", "LawRefBook/Laws", "行政法规/政府信息公开条例(2019-04-03).md"),
    ("JIANCHAFA", "中华人民共和国监察法（2024年修正）", "2024-12-25", FLK, "LawRefBook/Laws", "宪法相关法/监察法(2024-12-25).md"),
    ("JIANCHAGUANFA", "中华人民共和国监察官法", "2021-08-20", FLK, "LawRefBook/Laws", "宪法相关法/监察官法(2021-08-20).md"),
    ("ZHENGWUCHUFEN", "中华人民共和国公职人员政务处分法", "2020-06-20", FLK, "LawRefBook/Laws", "宪法相关法/公职人员政务处分法(2020-06-20).md"),
    ("GONGWUYUANFA", "中华人民共和国公务员法（2018年修订）", "2018-12-29", FLK, "LawRefBook/Laws", "行政法/公务员法(2018-12-29).md"),
    ("DIFANG-ZUZHIFA", "中华人民共和国地方各级人民代表大会和地方各级人民政府组织法（2022年修正）", "2022-03-11", FLK, "LawRefBook/Laws", "宪法相关法/地方各级人民代表大会和地方各级人民政府组织法(2022-03-11).md"),
    ("QUANGUO-RENDA-ZUZHIFA", "中华人民共和国全国人民代表大会组织法（2021年修正）", "2021-03-11", FLK, "LawRefBook/Laws", "宪法相关法/全国人民代表大会组织法(2021-03-11).md"),
    ("QUANGUO-RENDA-YISHI", "中华人民共和国全国人民代表大会议事规则（2021年修正）", "2021-03-11", FLK, "LawRefBook/Laws", "宪法相关法/全国人民代表大会议事规则(2021-03-11).md"),
    ("GUOWUYUAN-ZUZHIFA", "中华人民共和国国务院组织法（2024年修订）", "2024-03-11", FLK, "LawRefBook/Laws", "宪法相关法/国务院组织法(2024-03-11).md"),
    ("JIANDUFA", "中华人民共和国各级人民代表大会常务委员会监督法（2024年修正）", "2024-11-08", FLK, "LawRefBook/Laws", "宪法相关法/各级人民代表大会常务委员会监督法(2024-11-08).md"),
    ("DAIBIAOFA", "中华人民共和国全国人民代表大会和地方各级人民代表大会代表法（2025年修正）", "2025-03-11", FLK, "LawRefBook/Laws", "宪法相关法/全国人民代表大会和地方各级人民代表大会代表法(2025-03-11).md"),
    ("XUANJUFA", "中华人民共和国全国人民代表大会和地方各级人民代表大会选举法（2020年修正）", "2020-10-17", FLK, "LawRefBook/Laws", "宪法相关法/全国人民代表大会和地方各级人民代表大会选举法(2020-10-17).md"),
    ("GUOJIA-ANQUANFA", "中华人民共和国国家安全法", "2015-07-01", FLK, "LawRefBook/Laws", "宪法相关法/国家安全法(2015-07-01).md"),
    ("YINGLIE-BAOHUFA", "中华人民共和国英雄烈士保护法", "2018-04-27", FLK, "LawRefBook/Laws", "宪法相关法/英雄烈士保护法(2018-04-27).md"),
    ("GUOQIFA", "中华人民共和国国旗法（2020年修正）", "2020-10-17", FLK, "LawRefBook/Laws", "宪法相关法/国旗法(2020-10-17).md"),
    ("GUOHUIFA", "中华人民共和国国徽法（2020年修正）", "2020-10-17", FLK, "LawRefBook/Laws", "宪法相关法/国徽法(2020-10-17).md"),
    ("GUOGEFA", "中华人民共和国国歌法", "2017-09-01", FLK, "LawRefBook/Laws", "宪法相关法/国歌法(2017-09-01).md"),
    ("XUNZHANG-RONGYU", "中华人民共和国国家勋章和国家荣誉称号法", "2015-12-27", FLK, "LawRefBook/Laws", "宪法相关法/国家勋章和国家荣誉称号法(2015-12-27).md"),
    ("CUNWEIHUI-ZUZHIFA", "中华人民共和国村民委员会组织法（2018年修正）", "2018-12-29", FLK, "LawRefBook/Laws", "宪法相关法/村民委员会组织法(2018-12-29).md"),
    ("JUWEIHUI-ZUZHIFA", "中华人民共和国城市居民委员会组织法（2018年修正）", "2018-12-29", FLK, "LawRefBook/Laws", "宪法相关法/城市居民委员会组织法(2018-12-29).md"),
    ("BAOMIFA", "中华人民共和国保守国家秘密法（2024年修订）", "2024-02-27", FLK, "LawRefBook/Laws", "行政法/保守国家秘密法(2024-02-27).md"),
    ("DANGANFA", "中华人民共和国档案法（2020年修订）", "2020-06-20", FLK, "LawRefBook/Laws", "行政法/档案法(2020-06-20).md"),
    ("DUIWAI-GUANXIFA", "中华人民共和国对外关系法", "2023-06-28", FLK, "LawRefBook/Laws", "行政法/对外关系法(2023-06-28).md"),
    ("AIGUO-JIAOYUFA", "中华人民共和国爱国主义教育法", "2023-10-24", FLK, "LawRefBook/Laws", "社会法/爱国主义教育法(2023-10-24).md"),
    ("XIANGCUN-ZHENXING", "中华人民共和国乡村振兴促进法", "2021-04-29", FLK, "LawRefBook/Laws", "经济法/乡村振兴促进法(2021-04-29).md"),
    ("LIANGSHI-ANQUAN", "中华人民共和国粮食安全保障法", "2023-12-29", FLK, "LawRefBook/Laws", "行政法/粮食安全保障法(2023-12-29).md"),
    ("XINGZHENG-FUYI", "中华人民共和国行政复议法（2023年修订）", "2023-09-01", FLK, "LawRefBook/Laws", "诉讼与非诉讼程序法/行政复议法(2023-09-01).md"),
    ("XINGZHENG-CHUFA", "中华人民共和国行政处罚法（2021年修订）", "2021-01-22", FLK, "LawRefBook/Laws", "行政法/行政处罚法(2021-01-22).md"),
    ("SHENJIFA", "中华人民共和国审计法（2021年修正）", "2021-10-23", FLK, "LawRefBook/Laws", "经济法/审计法(2021-10-23).md"),
    ("XINFANG-TIAOLI", "信访工作条例（中共中央、国务院印发）", "2022-02-25", "https://www.gov.cn/", "LawRefBook/Laws", "行政法规/信访工作条例(2022-02-25).md"),
    ("ZHONGDA-JUECE", "重大行政决策程序暂行条例", "2019-04-20", "https://www.gov.cn/", "LawRefBook/Laws", "行政法规/重大行政决策程序暂行条例(2019-04-20).md"),
    ("YINGSHANG-HUANJING", "优化营商环境条例", "2019-10-22", "https://www.gov.cn/", "LawRefBook/Laws", "行政法规/优化营商环境条例(2019-10-22).md"),
    ("XZFG-ZHIDING", "行政法规制定程序条例（2017年修订）", "2017-12-22", "https://www.gov.cn/", "LawRefBook/Laws", "行政法规/行政法规制定程序条例(2017-12-22).md"),
    ("GUIZHANG-ZHIDING", "规章制定程序条例（2017年修订）", "2017-12-22", "https://www.gov.cn/", "LawRefBook/Laws", "行政法规/规章制定程序条例(2017-12-22).md"),
    ("LIESHI-BAOYANG", "烈士褒扬条例（2024年修订）", "2024-09-27", "https://www.gov.cn/", "LawRefBook/Laws", "行政法规/烈士褒扬条例(2024-09-27).md"),
    ("JIGUAN-SHIWU", "机关事务管理条例", "2012-06-28", "https://www.gov.cn/", "LawRefBook/Laws", "行政法规/机关事务管理条例(2012-06-28).md"),
    ("RENMIN-JIANCHAYUAN-ZUZHIFA", "中华人民共和国人民检察院组织法（2018-10-26 文本）", "2018-10-26", FLK, "LawRefBook/Laws", "宪法相关法/人民检察院组织法(2018-10-26).md"),
    ("RENMIN-FAYUAN-ZUZHIFA", "中华人民共和国人民法院组织法（2018-10-26 文本）", "2018-10-26", FLK, "LawRefBook/Laws", "宪法相关法/人民法院组织法(2018-10-26).md"),
    ("FAN-FENLIE", "中华人民共和国反分裂国家法（2005-03-14 文本）", "2005-03-14", FLK, "LawRefBook/Laws", "宪法相关法/反分裂国家法(2005-03-14).md"),
    ("FAN-KONGBU", "中华人民共和国反恐怖主义法（2018-04-27 文本）", "2018-04-27", FLK, "LawRefBook/Laws", "宪法相关法/反恐怖主义法(2018-04-27).md"),
    ("FAN-YOUZUZHI-FANZUI", "中华人民共和国反有组织犯罪法（2021-12-24 文本）", "2021-12-24", FLK, "LawRefBook/Laws", "宪法相关法/反有组织犯罪法(2021-12-24).md"),
    ("GUOJIA-PEICHANG", "中华人民共和国国家赔偿法（2012-10-26 文本）", "2012-10-26", FLK, "LawRefBook/Laws", "宪法相关法/国家赔偿法(2012-10-26).md"),
    ("GUOFANGFA", "中华人民共和国国防法（2020-12-26 文本）", "2020-12-26", FLK, "LawRefBook/Laws", "宪法相关法/国防法(2020-12-26).md"),
    ("JIANCHAGUAN", "中华人民共和国检察官法（2019-04-23 文本）", "2019-04-23", FLK, "LawRefBook/Laws", "宪法相关法/检察官法(2019-04-23).md"),
    ("MINZU-QUYU-ZIZHI", "中华人民共和国民族区域自治法（2001-02-28 文本）", "2001-02-28", FLK, "LawRefBook/Laws", "宪法相关法/民族区域自治法(2001-02-28).md"),
    ("FAGUANFA", "中华人民共和国法官法（2019-04-23 文本）", "2019-04-23", FLK, "LawRefBook/Laws", "宪法相关法/法官法(2019-04-23).md"),
    ("LAODONGFA", "中华人民共和国劳动法（2018-12-29 文本）", "2018-12-29", FLK, "LawRefBook/Laws", "社会法/劳动法(2018-12-29).md"),
    ("FUNV-QUANYI", "中华人民共和国妇女权益保障法（2022-10-30 文本）", "2022-10-30", FLK, "LawRefBook/Laws", "社会法/妇女权益保障法(2022-10-30).md"),
    ("ANQUAN-SHENGCHAN", "中华人民共和国安全生产法（2021-06-10 文本）", "2021-06-10", FLK, "LawRefBook/Laws", "社会法/安全生产法(2021-06-10).md"),
    ("JIUYE-CUJIN", "中华人民共和国就业促进法（2015-04-24 文本）", "2015-04-24", FLK, "LawRefBook/Laws", "社会法/就业促进法(2015-04-24).md"),
    ("GONGHUIFA", "中华人民共和国工会法（2021-12-24 文本）", "2021-12-24", FLK, "LawRefBook/Laws", "社会法/工会法(2021-12-24).md"),
    ("CISHANFA", "中华人民共和国慈善法（2023-12-29 文本）", "2023-12-29", FLK, "LawRefBook/Laws", "社会法/慈善法(2023-12-29).md"),
    ("WEICHENGNIANREN", "中华人民共和国未成年人保护法（2024-04-26 文本）", "2024-04-26", FLK, "LawRefBook/Laws", "社会法/未成年人保护法(2024-04-26).md"),
    ("CANJIREN", "中华人民共和国残疾人保障法（2018-10-26 文本）", "2018-10-26", FLK, "LawRefBook/Laws", "社会法/残疾人保障法(2018-10-26).md"),
    ("SHEHUI-BAOXIAN", "中华人民共和国社会保险法（2018-12-29 文本）", "2018-12-29", FLK, "LawRefBook/Laws", "社会法/社会保险法(2018-12-29).md"),
    ("LAONIANREN", "中华人民共和国老年人权益保障法（2018-12-29 文本）", "2018-12-29", FLK, "LawRefBook/Laws", "社会法/老年人权益保障法(2018-12-29).md"),
    ("TUIYI-JUNREN", "中华人民共和国退役军人保障法（2020-11-11 文本）", "2020-11-11", FLK, "LawRefBook/Laws", "社会法/退役军人保障法(2020-11-11).md"),
    ("ZHENGFU-CAIGOU", "中华人民共和国政府采购法（2014-08-31 文本）", "2014-08-31", FLK, "LawRefBook/Laws", "经济法/政府采购法(2014-08-31).md"),
    ("TONGJIFA", "中华人民共和国统计法（2024-09-13 文本）", "2024-09-13", FLK, "LawRefBook/Laws", "经济法/统计法(2024-09-13).md"),
    ("CHANGJIANG", "中华人民共和国长江保护法（2020-12-26 文本）", "2020-12-26", FLK, "LawRefBook/Laws", "经济法/长江保护法(2020-12-26).md"),
    ("YUSUANFA", "中华人民共和国预算法（2018-12-29 文本）", "2018-12-29", FLK, "LawRefBook/Laws", "经济法/预算法(2018-12-29).md"),
    ("GEREN-XINXI", "中华人民共和国个人信息保护法（2021-08-20 文本）", "2021-08-20", FLK, "LawRefBook/Laws", "行政法/个人信息保护法(2021-08-20).md"),
    ("YIWU-JIAOYU", "中华人民共和国义务教育法（2018-12-29 文本）", "2018-12-29", FLK, "LawRefBook/Laws", "行政法/义务教育法(2018-12-29).md"),
    ("GONGGONG-WENHUA", "中华人民共和国公共文化服务保障法（2016-12-25 文本）", "2016-12-25", FLK, "LawRefBook/Laws", "行政法/公共文化服务保障法(2016-12-25).md"),
    ("BINGYIFA", "中华人民共和国兵役法（2021-08-20 文本）", "2021-08-20", FLK, "LawRefBook/Laws", "行政法/兵役法(2021-08-20).md"),
    ("FAN-JIANDIE", "中华人民共和国反间谍法（2023-04-26 文本）", "2023-04-26", FLK, "LawRefBook/Laws", "行政法/反间谍法(2023-04-26).md"),
    ("TONGYONG-YUYAN", "中华人民共和国国家通用语言文字法（2000-10-31 文本）", "2000-10-31", FLK, "LawRefBook/Laws", "行政法/国家通用语言文字法(2000-10-31).md"),
    ("TUDI-GUANLI", "中华人民共和国土地管理法（2019-08-26 文本）", "2019-08-26", FLK, "LawRefBook/Laws", "行政法/土地管理法(2019-08-26).md"),
    ("JIAOYUFA", "中华人民共和国教育法（2021-04-29 文本）", "2021-04-29", FLK, "LawRefBook/Laws", "行政法/教育法(2021-04-29).md"),
    ("SHUJU-ANQUAN", "中华人民共和国数据安全法（2021-06-10 文本）", "2021-06-10", FLK, "LawRefBook/Laws", "行政法/数据安全法(2021-06-10).md"),
    ("WENWU-BAOHU", "中华人民共和国文物保护法（2024-11-08 文本）", "2024-11-08", FLK, "LawRefBook/Laws", "行政法/文物保护法(2024-11-08).md"),
    ("FALV-YUANZHU", "中华人民共和国法律援助法（2021-08-20 文本）", "2021-08-20", FLK, "LawRefBook/Laws", "行政法/法律援助法(2021-08-20).md"),
    ("XIAOFANGFA", "中华人民共和国消防法（2021-04-29 文本）", "2021-04-29", FLK, "LawRefBook/Laws", "行政法/消防法(2021-04-29).md"),
    ("HUANJING-BAOHU", "中华人民共和国环境保护法（2014-04-24 文本）", "2014-04-24", FLK, "LawRefBook/Laws", "行政法/环境保护法(2014-04-24).md"),
    ("KEJI-JINBU", "中华人民共和国科学技术进步法（2021-12-24 文本）", "2021-12-24", FLK, "LawRefBook/Laws", "行政法/科学技术进步法(2021-12-24).md"),
    ("TUFA-SHIJIAN", "中华人民共和国突发事件应对法（2024-06-28 文本）", "2024-06-28", FLK, "LawRefBook/Laws", "行政法/突发事件应对法(2024-06-28).md"),
    ("WANGLUO-ANQUAN", "中华人民共和国网络安全法（2016-11-07 文本）", "2016-11-07", FLK, "LawRefBook/Laws", "行政法/网络安全法(2016-11-07).md"),
    ("XINGZHENG-XUKE", "中华人民共和国行政许可法（2019-04-23 文本）", "2019-04-23", FLK, "LawRefBook/Laws", "行政法/行政许可法(2019-04-23).md"),
    ("HUANGHE", "中华人民共和国黄河保护法（2022-10-30 文本）", "2022-10-30", FLK, "LawRefBook/Laws", "行政法/黄河保护法(2022-10-30).md"),
    ("XINGZHENG-SUSONG", "中华人民共和国行政诉讼法（2017-06-27 文本）", "2017-06-27", FLK, "LawRefBook/Laws", "诉讼与非诉讼程序法/行政诉讼法(2017-06-27).md"),
    ("ZHIYUAN-FUWU", "志愿服务条例（2017-08-22 文本）", "2017-08-22", "https://www.gov.cn/", "LawRefBook/Laws", "行政法规/志愿服务条例(2017-08-22).md"),
    ("WANGLUO-SHUJU", "网络数据安全管理条例（2024-09-24 文本）", "2024-09-24", "https://www.gov.cn/", "LawRefBook/Laws", "行政法规/网络数据安全管理条例(2024-09-24).md"),
]


def git(gitdir: Path, *args: str) -> str:
    return subprocess.run(
        ["git", f"--git-dir={gitdir}", "-c", "core.quotepath=off", *args], capture_output=True, text=True, check=True
    ).stdout


def body_of(text: str) -> str:
    """The text without the repository's front matter and markdown heading marks."""
    if "<!-- INFO END -->" in text:
        text = text.split("<!-- INFO END -->", 1)[1]
    lines = (re.sub(r"^#+\s*", "", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: extract_texts.py MIRRORS OUT_FOLDER", file=sys.stderr)
        return 2
    mirrors, out = Path(argv[0]), Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for key, title, issued, url, repo, path in DOCUMENTS:
        gitdir = mirrors / repo.replace("/", "+") / "repo"
        commit = git(gitdir, "rev-parse", "HEAD").strip()
        text = body_of(git(gitdir, "show", f"HEAD:{path}"))
        header = f"#key: {key}\n#title: {title}\n#date: {issued}\n#url: {url}\n#source: github:{repo}@{commit}:{path}\n"
        (out / f"{key}.txt").write_text(header + text + "\n", encoding="utf-8")
        print(f"{key}\t{len(text)} characters")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
