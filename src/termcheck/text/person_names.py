"""Personal names in the slots where government pages put them: 副市长孙云娜出席, 任命唐梅洋为….

The unlisted-typo detectors read many given names as misspelt words (贾强 as 加强, 春杰 as 春节,
廖宁 as 辽宁), and personnel notices are full of them. jieba's name tagging does not help: it
tags the real slips in 要贾强管理 or 确保春杰期间 as names too. What does tell a name apart is
its slot: a surname first, and a title, an appointment verb or 同志 right next to it, or a
list of such names joined by 、. A typo that happens to sit in such a slot is missed; that is
the price of not flagging every personnel notice.
"""

from __future__ import annotations

from .normalize import is_han

# Common single-character surnames of mainland China. Characters that are mostly function words
# (和, 国, 平, 由, 都, 来…) are left out: a name slot must start with a surname.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
    "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤温康施牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘"
    "祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍喻祁蒲房滕屈饶解牟艾"
    "尤穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟应臧闵苟邬边卞姬师仇"
    "栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝封谈匡鞠惠荆乐冀郁胥班储栗燕楚鄢劳谌奚皮粟"
    "冼蔺楼闻厉伊仝郜阚帅屠朴盖练廉禹井祖漆巴丰支卿狄计索宣晋相初云容敬扈晁芮普阙浦戈伏鹿薄邸"
    "雍辜羊乌母裘亓修邰赫杭况宿鲜逯隆茹诸战慕危银亢嵇湛宾戎勾茅揭尉冶檀衣阴昝幸奉植衡富尧闭"
)
# fmt: off
COMPOUND_SURNAMES = frozenset({
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐",
    "端木", "西门", "南宫", "独孤", "呼延", "申屠",
})
TITLES = (
    "书记", "副书记", "省长", "副省长", "市长", "副市长", "州长", "副州长", "县长", "副县长", "区长", "副区长",
    "镇长", "副镇长", "乡长", "副乡长", "村长", "主任", "副主任", "局长", "副局长", "厅长", "副厅长", "部长",
    "副部长", "司长", "处长", "副处长", "科长", "主席", "副主席", "委员", "常委", "秘书长", "院长", "副院长",
    "校长", "副校长", "所长", "站长", "社长", "行长", "董事长", "总经理", "经理", "组长", "副组长", "队长",
    "检察长", "庭长", "审判长", "审判员", "法官", "检察官", "律师", "教授", "研究员", "专家", "院士", "记者",
    "通讯员", "编辑", "责任编辑", "摄影", "撰稿", "作者", "联系人", "负责人", "监督员", "调解员", "网格员",
    "总理", "副总理", "国务委员", "委员长", "副委员长", "旗长", "盟长", "主编", "审核", "校对", "编审", "成员",
)
APPOINTING = ("任命", "免去", "提名", "聘任", "聘请", "选举", "推选", "推荐", "委派")
LEFT_CUES = frozenset(TITLES + APPOINTING)
RIGHT_CUES = frozenset(
    (*TITLES, "同志", "先生", "女士", "老师", "（男", "（女", "(男", "(女", "出席", "主持", "共同主持", "陪同",
     "讲话", "致辞", "调研", "带队", "一行", "等同志", "等人", "担任", "兼任", "当选")
)
# fmt: on
LONGEST_CUE = max(map(len, LEFT_CUES | RIGHT_CUES))
LIST_JOINER = "、"
# A name known only by what follows it must also open cleanly: after punctuation or one of these.
# Otherwise 局党祖书记 and 社会冶理处处长 would pass as names followed by a title.
NAME_OPENERS = frozenset("由和与及同向对请让给")
MAX_LIST = 8  # names walked over in a 、 list in search of the list's cue


def in_name_slot(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` lies inside a name of 2-4 characters that stands in a name slot,
    or is such a name's opener and its start (由韦 in 会议由韦芳、王秀成共同主持, read as 由于)."""
    if end - start > 1 and text[start] in NAME_OPENERS:
        start += 1
    for first in range(max(0, start - 3), start + 1):
        for last in _name_ends(text, first):
            if last >= end and (
                _cue_before(text, first, MAX_LIST)
                or (
                    _opens_cleanly(text, first)
                    and _cue_after(text, last, MAX_LIST, text[first - 1 : first] == LIST_JOINER)
                )
            ):
                return True
    return False


def _name_ends(text: str, first: int) -> tuple[int, ...]:
    """Where a name starting at ``first`` may end: its surname and one or two more characters."""
    if text[first : first + 2] in COMPOUND_SURNAMES:
        surname_end = first + 2
    elif text[first] in SURNAMES:
        surname_end = first + 1
    else:
        return ()
    return tuple(e for e in (surname_end + 1, surname_end + 2) if e <= len(text) and all(map(is_han, text[first:e])))


def _opens_cleanly(text: str, first: int) -> bool:
    return first == 0 or not is_han(text[first - 1]) or text[first - 1] in NAME_OPENERS


def _cue_before(text: str, position: int, names_left: int) -> bool:
    """A left cue (副市长, 任命, 联系人：) ends at ``position``, or a 、 list of names led by one."""
    cue_end = position - 1 if position > 0 and text[position - 1] in "：:" else position
    if any(text[cue_end - size : cue_end] in LEFT_CUES for size in range(1, min(LONGEST_CUE, cue_end) + 1)):
        return True
    if names_left == 0 or position == 0 or text[position - 1] != LIST_JOINER:
        return False
    starts = (first for first in range(max(0, position - 5), position - 2) if position - 1 in _name_ends(text, first))
    return any(_cue_before(text, first, names_left - 1) for first in starts)


def _cue_after(text: str, position: int, names_left: int, listed: bool = False) -> bool:
    """A right cue (同志, 出席, （女) starts at ``position``, or a 、 list of names followed by one.
    ``listed``: the name before ``position`` already follows a 、."""
    if any(text[position : position + size] in RIGHT_CUES for size in range(1, LONGEST_CUE + 1)):
        return True
    if listed and text[position : position + 1] == "等":
        return True  # a 、 list of surname-led names closed by 等: 乐韶凤、宋濂等撰
    if names_left == 0 or position >= len(text) or text[position] != LIST_JOINER:
        return False
    return any(_cue_after(text, last, names_left - 1, True) for last in _name_ends(text, position + 1))
