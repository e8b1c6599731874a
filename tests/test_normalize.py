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
