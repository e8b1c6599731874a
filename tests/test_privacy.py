import datetime as dt

import pytest

from termcheck import Checker, Severity
from termcheck.detect.privacy import PrivacyDetector, is_resident_id, passes_luhn

from .conftest import AS_OF

VALID_ID = "110101199003074514"
VALID_ID_WITH_X = "33010619851224302X"
CARD_16 = "6228480012345671"
CARD_19 = "6222021001123456789"


@pytest.fixture(scope="module")
def checker():
    return Checker(bundled=False, detectors=[PrivacyDetector()])


def found(checker, text):
    findings = checker.check(text, as_of=AS_OF)
    assert all(text[f.start : f.end] == f.text for f in findings)
    return [(f.rule, f.text, f.severity, f.suggestions) for f in findings]


def test_resident_id_checksum_and_birth_date():
    assert is_resident_id(VALID_ID)
    assert is_resident_id(VALID_ID_WITH_X)
    assert is_resident_id(VALID_ID_WITH_X.lower())
    assert not is_resident_id(VALID_ID[:-1] + "5")  # wrong check digit
    assert not is_resident_id("110101199013074518")  # valid check digit, but month 13
    assert not is_resident_id("990101199003074518")  # valid check digit, but no province 99
    assert not is_resident_id(VALID_ID, as_of=dt.date(1989, 1, 1))  # born after the document date


def test_luhn():
    assert passes_luhn(CARD_16) and passes_luhn(CARD_19)
    assert not passes_luhn(CARD_16[:-1] + "2")


def test_id_number_in_a_notice_is_an_error_with_a_masked_form(checker):
    text = f"经公示无异议，拟确定张某（身份证号：{VALID_ID}）为低保对象。"
    assert found(checker, text) == [("privacy/id-number", VALID_ID, Severity.error, ("110101********4514",))]


def test_number_failing_the_checksum_is_not_an_id_number(checker):
    assert found(checker, f"项目编号{VALID_ID[:-1]}5已登记。") == []


def test_mobile_number_is_a_warning_with_the_middle_masked(checker):
    text = "联系人：王明，联系电话：13812345678。"
    assert found(checker, text) == [("privacy/mobile", "13812345678", Severity.warning, ("138****5678",))]


def test_mobile_number_written_in_groups(checker):
    assert [r[1] for r in found(checker, "咨询请拨打139-1234-5678或者 150 1234 5678。")] == [
        "139-1234-5678",
        "150 1234 5678",
    ]


def test_bank_card_numbers_are_errors(checker):
    text = f"补贴资金已拨付至户主银行卡{CARD_16}，另一户卡号{CARD_19}。"
    assert found(checker, text) == [
        ("privacy/bank-card", CARD_16, Severity.error, ("6228 **** **** 5671",)),
        ("privacy/bank-card", CARD_19, Severity.error, ("6222 **** **** ***6 789",)),
    ]


def test_card_number_written_in_groups_of_four(checker):
    text = "开户行：农业银行，卡号：6228 4800 1234 5671。"
    assert [r[1] for r in found(checker, text)] == ["6228 4800 1234 5671"]


def test_personal_email_is_masked(checker):
    text = "申请人可将材料发送至zhangsan1990@163.com。"
    assert found(checker, text) == [("privacy/email", "zhangsan1990@163.com", Severity.warning, ("z***@163.com",))]


@pytest.mark.parametrize(
    "text",
    [
        "群众可拨打12345政务服务便民热线，或拨打12315、110反映问题。",
        "咨询电话：0571-87001234，传真：0571-87005678。",
        "客服热线400-810-1234，免费电话800-820-8820。",
        "电子邮箱：xxgk@beijing.gov.cn，xxgk@moushi.gov.cn。",
        "统一社会信用代码：11330000002487392X。",
        f"编号{CARD_16}。",  # codes that name themselves are not card numbers
        "全年完成投资1380000000000元，增长3.5%。",
        "索引号：000014349/2021-00123，发文字号：国办发〔2021〕5号。",
        "订单号202103151234567890123已处理。",
    ],
)
def test_organisation_contacts_and_codes_are_not_personal_data(checker, text):
    assert found(checker, text) == []


def test_mobile_number_inside_a_longer_run_of_digits_is_not_reported(checker):
    assert found(checker, "流水号2021138123456789。") == []
