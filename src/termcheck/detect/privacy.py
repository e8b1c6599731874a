"""Personal data that must not be published: resident ID numbers, bank card numbers,
mobile numbers and personal e-mail addresses, each with a masked form as the suggestion.

Organisation contacts are not personal data and are left alone: service numbers (12345,
12315, 110), 400/800 hotlines and landlines with an area code (0571-12345678), and
e-mail addresses on government domains (xxgk@beijing.gov.cn).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator

from ..models import Category, Severity
from .base import Candidate, Detector, Scan

_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])[1-9]\d{16}[\dXx](?![0-9A-Za-z])")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_CHARS = "10X98765432"
# First two digits of mainland province-level codes (GB/T 2260), plus 71/81/82 used on IDs.
_PROVINCE_CODES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82".split()
)

# A card number is written as one run of digits or in groups of four.
_CARD_NUMBER = re.compile(r"(?<![0-9A-Za-z\-])(?:\d{16,19}|\d{4}(?: \d{4}){3}(?: \d{1,3})?)(?![0-9A-Za-z\-])")
# Codes of the same shape that are not card numbers name themselves just before the digits.
_NOT_A_CARD = re.compile(r"(信用代码|税号|纳税人识别号|编号|编码|文号|单号|索引号|代码|流水号|批准号|登记号)[:：\s]*$")

_MOBILE = re.compile(r"(?<![0-9A-Za-z\-/.])1[3-9]\d(?:\d{8}|-\d{4}-\d{4}| \d{4} \d{4})(?![0-9A-Za-z])")

_EMAIL = re.compile(r"(?<![A-Za-z0-9._%+\-])([A-Za-z0-9._%+\-]+)@((?:[A-Za-z0-9\-]+\.)+[A-Za-z]{2,})(?![A-Za-z0-9\-])")
_ORGANISATION_DOMAIN = re.compile(r"(?:^|\.)gov\.cn$", re.IGNORECASE)


def _candidate(start: int, end: int, name: str, severity: Severity, message: str, masked: str) -> Candidate:
    return PrivacyDetector.candidate(
        start, end, f"privacy/{name}", Category.privacy, severity, message, on_original=True, suggestions=(masked,)
    )


def is_resident_id(number: str, as_of: _dt.date | None = None) -> bool:
    """An 18-character mainland resident ID: province code, plausible birth date, GB 11643 check."""
    if len(number) != 18 or not number[:17].isdigit() or number[:2] not in _PROVINCE_CODES:
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS))
    if _ID_CHECK_CHARS[total % 11] != number[17].upper():
        return False
    try:
        born = _dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    return _dt.date(1900, 1, 1) <= born <= (as_of or _dt.date.today())


def passes_luhn(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def _mask_card(digits: str) -> str:
    masked = digits[:4] + "*" * (len(digits) - 8) + digits[-4:]
    return " ".join(masked[i : i + 4] for i in range(0, len(masked), 4))


def _mask_email(local: str, domain: str) -> str:
    return f"{local[0]}***@{domain}"


def _id_numbers(text: str, as_of: _dt.date) -> Iterator[Candidate]:
    for match in _ID_NUMBER.finditer(text):
        number = match.group()
        if is_resident_id(number, as_of):
            yield _candidate(
                match.start(),
                match.end(),
                "id-number",
                Severity.error,
                "疑似公民身份号码（校验码与出生日期均有效），公开发布前应去标识化处理",
                number[:6] + "*" * 8 + number[-4:],
            )


def _card_numbers(text: str, as_of: _dt.date) -> Iterator[Candidate]:
    for match in _CARD_NUMBER.finditer(text):
        digits = match.group().replace(" ", "")
        if digits[0] not in "3456" or not 16 <= len(digits) <= 19 or is_resident_id(digits, as_of):
            continue
        line_start = text.rfind("\n", 0, match.start()) + 1
        if _NOT_A_CARD.search(text[max(line_start, match.start() - 12) : match.start()]):
            continue
        if passes_luhn(digits):
            yield _candidate(
                match.start(),
                match.end(),
                "bank-card",
                Severity.error,
                "疑似银行卡号（通过 Luhn 校验），公开发布前应去标识化处理",
                _mask_card(digits),
            )


def _mobile_numbers(text: str) -> Iterator[Candidate]:
    for match in _MOBILE.finditer(text):
        digits = re.sub(r"[ \-]", "", match.group())
        yield _candidate(
            match.start(),
            match.end(),
            "mobile",
            Severity.warning,
            "疑似个人手机号码，公开发布前应隐去中间四位",
            digits[:3] + "****" + digits[-4:],
        )


def _emails(text: str) -> Iterator[Candidate]:
    for match in _EMAIL.finditer(text):
        local, domain = match.group(1), match.group(2)
        if _ORGANISATION_DOMAIN.search(domain):
            continue  # official mailboxes (xxgk@beijing.gov.cn) are published on purpose
        yield _candidate(
            match.start(),
            match.end(),
            "email",
            Severity.warning,
            "疑似个人电子邮箱，公开发布前应隐去用户名",
            _mask_email(local, domain),
        )


class PrivacyDetector(Detector):
    name = "privacy"

    def detect(self, scan: Scan) -> list[Candidate]:
        text = scan.text
        return [
            *_id_numbers(text, scan.as_of),
            *_card_numbers(text, scan.as_of),
            *_mobile_numbers(text),
            *_emails(text),
        ]
