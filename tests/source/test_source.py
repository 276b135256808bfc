"""The archive: byte-for-byte copy with its hash; robust decoding; one-line errors."""

import pytest

from conftest import REPORT, ROOT
from reportfigures.errors import InputError, IntegrityError
from reportfigures.extract.extraction import extract
from reportfigures.source.archive import archive_report, load_meta, verify_archive
from reportfigures.source.read import decode_bytes, read_text, sha256_file


def test_archive_is_the_seed_byte_for_byte():
    seed = ROOT.parent / "shared" / "seeds" / "000_6492da1267bcb9a4.txt"
    if not seed.exists():
        pytest.skip("shared/seeds not beside the checkout")
    assert REPORT.read_bytes() == seed.read_bytes()


def test_metadata_records_hash_and_context():
    meta = load_meta(ROOT, 2024)
    assert meta["sha256"] == sha256_file(REPORT)
    assert (meta["reviewed_year"], meta["task_year"]) == (2024, 2025)
    assert meta["starts_mid_report"] is True and meta["starts_with"] == "(上接1版)"
    assert any("一是" in m for m in meta["missing"])


def test_verify_passes_on_archive_and_fails_when_text_changed(project):
    assert verify_archive(project, 2024).sha256 == load_meta(project, 2024)["sha256"]
    path = project / "data" / "raw" / "2024" / "report.txt"
    path.write_bytes(path.read_bytes().replace("1551".encode(), "1552".encode()))
    with pytest.raises(IntegrityError, match=r"report.txt: SHA-256 .* the archived text was changed"):
        verify_archive(project, 2024)


def test_archive_refuses_to_replace_a_different_text(project, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("另一份报告,共100件。", encoding="utf-8")
    with pytest.raises(IntegrityError, match="never replaced in place"):
        archive_report(other, project, 2024, {"title": "x"})
    dest = archive_report(other, project, 2030, {"title": "x", "reviewed_year": 2030, "task_year": 2031})
    assert verify_archive(project, 2030).text == other.read_text(encoding="utf-8")
    assert dest.read_bytes() == other.read_bytes()


@pytest.mark.parametrize("data,message", [
    (b"", "file is empty"),
    (b"   \n\n", "file is empty"),
    (b"\x00\x01\x02binary\x00", "looks binary"),
    (bytes(range(128, 256)) * 20, "neither UTF-8 nor GB18030|looks binary"),
])
def test_bad_bytes_give_one_line_errors(tmp_path, data, message):
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    with pytest.raises(InputError, match=message) as e:
        read_text(p)
    assert "\n" not in str(e.value) and str(p) in str(e.value)


def test_missing_path_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_text(tmp_path)


def test_gb18030_is_detected_and_decoded(tmp_path, report_text):
    p = tmp_path / "gbk.txt"
    p.write_bytes(report_text.encode("gb18030"))
    src = read_text(p)
    assert src.encoding == "gb18030" and src.text == report_text


def test_bom_is_dropped_and_offsets_stay_exact(tmp_path, report_text):
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbf" + report_text.encode("utf-8"))
    src = read_text(p)
    assert src.had_bom and src.text == report_text
    assert [(m.start, m.surface) for m in extract(src.text)] == [(m.start, m.surface) for m in extract(report_text)]


def test_crlf_keeps_offsets_exact(tmp_path, report_text):
    p = tmp_path / "crlf.txt"
    p.write_bytes(report_text.replace("\n", "\r\n").encode("utf-8"))
    text = read_text(p).text
    assert "\r\n" in text
    lf = extract(report_text)
    crlf = extract(text)
    assert [m.surface for m in crlf] == [m.surface for m in lf]
    assert all(text[m.start:m.end] == m.surface for m in crlf)
    assert [m.kind for m in crlf] == [m.kind for m in lf]


def test_decode_utf16_with_bom():
    text, enc, bom = decode_bytes("共1551件。".encode("utf-16"))
    assert text.lstrip("\ufeff") == "共1551件。" and bom


# --- decoding what users really hand in (issue 11) ------------------------------------------------

TEXT = "共收到提案1551件，立案1364件。"


@pytest.mark.parametrize("data", [
    TEXT.encode("utf-8")[:-1],  # the 。 cut after its first two bytes
    TEXT.encode("utf-8")[:5],  # 共 and two bytes of 收
    ("提案" * 5000).encode("utf-8")[:-2],
])
def test_utf8_cut_mid_character_is_an_error_not_gb18030(tmp_path, data):
    p = tmp_path / "cut.txt"
    p.write_bytes(data)
    with pytest.raises(InputError, match="ends in the middle of a UTF-8 character") as e:
        read_text(p)
    cut = len(data) - len(data.decode("utf-8", errors="ignore").encode("utf-8"))
    assert f"at byte {len(data) - cut}" in str(e.value)
    assert "\n" not in str(e.value) and str(p) in str(e.value)


def test_invalid_byte_deep_in_utf8_is_reported_where_it_is(tmp_path):
    good = ("第一行。\n" + "提案" * 4000 + "\n共").encode("utf-8")
    p = tmp_path / "bad.txt"
    p.write_bytes(good + b"\xff" + "件。".encode("utf-8"))
    with pytest.raises(InputError, match=rf"not valid UTF-8 at byte {len(good)} \(line 3, character 2\)") as e:
        read_text(p)
    assert "0xff" in str(e.value) and "\n" not in str(e.value)


@pytest.mark.parametrize("text", [TEXT, "发展" + TEXT, "展" + TEXT * 20, "镇，" + TEXT])
def test_gbk_is_still_gbk_even_when_its_first_bytes_look_like_utf8(tmp_path, text):
    p = tmp_path / "gbk.txt"
    p.write_bytes(text.encode("gbk"))
    src = read_text(p)
    assert (src.encoding, src.text) == ("gb18030", text)


def test_input_size_limit_is_one_line_error(tmp_path, monkeypatch):
    import reportfigures.source.read as source

    monkeypatch.setattr(source, "MAX_INPUT_BYTES", 1000)
    p = tmp_path / "big.txt"
    p.write_text(TEXT * 100, encoding="utf-8")
    with pytest.raises(InputError, match=r"is 4,100 bytes, over the 1,000 bytes input limit") as e:
        read_text(p)
    assert "\n" not in str(e.value) and str(p) in str(e.value)
    p.write_text(TEXT, encoding="utf-8")
    assert read_text(p).text == TEXT


def test_a_device_that_never_ends_is_not_read_without_limit():
    import os

    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    with pytest.raises(InputError, match="input limit") as e:
        read_text("/dev/zero")
    assert str(e.value).startswith("/dev/zero: ")


def test_the_limit_is_stated():
    import reportfigures.source.read as source

    assert source.MAX_INPUT_BYTES == 64 * 2**20 and "64 MiB" in source.__doc__
