from termcheck.text.normalize import fold


def test_separators_between_chinese_are_dropped_with_offsets_kept():
    folded = fold("法*轮*功")
    assert folded.text == "法轮功"
    assert folded.span(0, 3) == (0, 5)


def test_full_width_and_traditional_fold_one_for_one():
    folded = fold("國務院ＡＢＣ１２")
    assert folded.text == "国务院ABC12"
    assert list(folded.origin) == list(range(8))


def test_numbers_and_line_breaks_are_untouched():
    assert fold("增长3.5个百分点").text == "增长3.5个百分点"
    assert fold("台\n独").text == "台\n独"


def test_zero_width_characters_inside_a_term_do_not_hide_it():
    import datetime

    import termcheck

    day = datetime.date(2025, 6, 1)
    for text, flagged in [
        ("截\u200b止目前，各单位要按时报送。", "截\u200b止目前"),
        ("国家主席习近\u200b乎出席会议。", "习近\u200b乎"),
        ("依据《中华人民共\u200d合国宪法》开展工作。", "中华人民共\u200d合国宪法"),
        ("截\ufeff止\u2060目前，各单位要按时报送。", "截\ufeff止\u2060目前"),
    ]:
        found = [f.text for f in termcheck.check(text, as_of=day)]
        assert flagged in found, (text, found)
    assert fold("习\u200b近平").text == "习近平"
    assert fold("a\u200bb").text == "a\u200bb"  # only between Chinese characters
