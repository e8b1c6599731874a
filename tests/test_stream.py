"""Large files are checked in overlapping windows: nothing is lost or doubled at a cut."""

import codecs
import os
import tempfile

import pytest

from termcheck import InputError
from termcheck.sources import stream
from termcheck.sources.stream import check_stream, check_text_stream, context_margin, longest_pattern, windows

from .conftest import AS_OF

# hypothesis caches data in ./.hypothesis unless told otherwise; keep the checkout clean
os.environ.setdefault("HYPOTHESIS_STORAGE_DIRECTORY", os.path.join(tempfile.gettempdir(), "termcheck-hypothesis"))

CLEAN = [
    "各级行政机关要认真落实政府信息公开条例，",
    "依法依规做好主动公开和依申请公开工作，",
    "进一步提升政务服务水平，",
    "切实保障人民群众的知情权、参与权和监督权。",
]
PLANTED = ("截止目前", "再接再励", "中华人民共合国")


def filler(chars: int, with_lines: bool) -> str:
    parts, size, i = [], 0, 0
    while size < chars:
        piece = CLEAN[i % len(CLEAN)] + ("\n" if with_lines and i % 4 == 3 else "")
        parts.append(piece)
        size += len(piece)
        i += 1
    return "".join(parts)[:chars]


def edges(checker, text: str, chunk_chars: int) -> list[int]:
    """Every cut between windows and every boundary where ownership passes to the next window."""
    longest = longest_pattern(checker.compiled)
    found = []
    for w in windows([text], chunk_chars=chunk_chars, margin=context_margin(longest), longest=longest):
        if w.keep_to is not None:
            found += [w.keep_to, w.start + len(w.text)]
    return found


def plant(text: str, positions: list[int]) -> tuple[str, list[tuple[int, str]]]:
    """Overwrite a typo straddling each position (or, at a line break, right after it)."""
    chars = list(text)
    planted = []
    for n, position in enumerate(sorted(positions)):
        term = PLANTED[n % len(PLANTED)]
        start = position - len(term) // 2
        while "\n" in text[start : start + len(term)]:  # keep every line break, so no cut moves
            start += 1
        chars[start : start + len(term)] = term
        planted.append((start, term))
    return "".join(chars), planted


@pytest.mark.parametrize("with_lines", [False, True])
def test_a_typo_across_every_chunk_edge_is_found_once_at_its_global_offset(core_checker, with_lines):
    chunk = 2400
    clean = filler(40_000, with_lines)
    assert core_checker.check(clean, as_of=AS_OF) == []
    positions = edges(core_checker, clean, chunk)
    assert len(positions) >= 20
    text, planted = plant(clean, positions)
    assert edges(core_checker, text, chunk) == positions  # planting moved no cut
    pieces = [text[i : i + 997] for i in range(0, len(text), 997)]
    streamed = check_text_stream(core_checker, pieces, as_of=AS_OF, chunk_chars=chunk)
    assert [(f.start, f.text) for f in streamed] == planted
    for f in streamed:
        assert text[f.start : f.end] == f.text
    # identical to checking the whole text at once: offsets, lines, columns, context
    assert streamed == core_checker.check(text, as_of=AS_OF)


def test_chunk_size_never_drops_below_the_overlap(core_checker):
    longest = longest_pattern(core_checker.compiled)
    margin = context_margin(longest)
    parts = list(windows(["政" * 50_000], chunk_chars=10, margin=margin, longest=longest))
    assert all(len(w.text) >= 4 * (longest + 2 * margin) for w in parts[:-1])
    assert [w.keep_from for w in parts[1:]] == [w.keep_to for w in parts[:-1]]


@pytest.mark.parametrize(
    ("bom", "encoding", "newline"),
    [(b"", "utf-8", "\n"), (codecs.BOM_UTF8, "utf-8", "\r\n"), (b"", "gb18030", "\r\n"), (codecs.BOM_UTF16_LE, "utf-16-le", "\n")],
)
def test_check_file_streams_above_the_threshold(tmp_path, core_checker, monkeypatch, bom, encoding, newline):
    clean = filler(30_000, True)
    text, planted = plant(clean, edges(core_checker, clean, 2400))
    text = text.replace("\n", newline)
    planted_texts = [t for _, t in planted]
    path = tmp_path / "archive.txt"
    path.write_bytes(bom + text.encode(encoding))
    monkeypatch.setattr(stream, "STREAM_THRESHOLD_BYTES", 10_000)
    monkeypatch.setattr(stream, "CHUNK_CHARS", 2400)
    calls = []
    real = stream.check_stream
    monkeypatch.setattr(stream, "check_stream", lambda *a, **k: calls.append(1) or real(*a, block_bytes=4099, **k))
    report = core_checker.check_file(path, as_of=AS_OF)
    assert calls == [1]
    assert [f.text for f in report.findings] == planted_texts
    whole = core_checker.check(text, as_of=AS_OF)
    assert list(report.findings) == whole


def test_streamed_file_takes_its_date_from_the_signature(tmp_path, core_checker):
    body = filler(20_000, True) + "\n\n某某市人民政府办公室\n2023年5月6日\n"
    path = tmp_path / "notice.txt"
    path.write_text(body, encoding="utf-8")
    report = check_stream(core_checker, path, chunk_chars=2400)
    assert (str(report.as_of), report.as_of_source) == ("2023-05-06", "signature")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x00\x01binary" * 100, "binary file (contains NUL bytes), not checked"),
        ("政府信息公开".encode() * 3000 + b"\xff\xfe\xfd" + b"\x80" * 3, "cannot decode as UTF-8 (byte 54000) or GB18030"),
        (codecs.BOM_UTF8 + "通知".encode() * 5000 + b"\xff", "invalid utf-8 (byte 30003) after its byte-order mark"),
    ],
)
def test_undecodable_large_file_is_one_line_and_nothing_checked(tmp_path, core_checker, data, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        check_stream(core_checker, path, block_bytes=1000)
    assert str(caught.value) == f"{path}: {message}" or message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_unreadable_large_file_is_one_line(tmp_path, core_checker):
    with pytest.raises(InputError, match=r"missing.txt: no such file$"):
        check_stream(core_checker, tmp_path / "missing.txt")


def test_streaming_equals_checking_the_whole_text_for_random_documents(core_checker):
    from hypothesis import given, settings
    from hypothesis import strategies as st

    sentence = st.one_of(
        st.sampled_from(CLEAN + list(PLANTED) + ["\n", "\r\n", "习近平", "习近乎", "台独", "平台独立运营"]),
        st.text(alphabet=st.sampled_from("政务公开截止目前再接再励中华人民共合国，。 \n\u200b😀"), max_size=30),
    )
    seen = []

    @settings(max_examples=25, deadline=None, derandomize=True, database=None)
    @given(st.lists(sentence, min_size=200, max_size=900), st.integers(1, 5000), st.integers(1900, 4000))
    def same(parts, piece, chunk):
        text = "".join(parts)
        pieces = [text[i : i + piece] for i in range(0, len(text), piece)]
        streamed = check_text_stream(core_checker, pieces, as_of=AS_OF, chunk_chars=chunk)
        assert streamed == core_checker.check(text, as_of=AS_OF)
        seen.append(len(streamed))

    same()
    assert sum(seen) > 100
