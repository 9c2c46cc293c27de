#!/usr/bin/env python3
"""Regenerates the binary gettext fixtures from the .po files next to this script.

Needs GNU gettext (msgfmt) and iconv: apt-get install -y gettext. The outputs are committed; the tests
never run this script. Run it from anywhere: python3 make_fixtures.py
"""
import pathlib
import struct
import subprocess

HERE = pathlib.Path(__file__).resolve().parent
GETTEXT = HERE / "Gettext"
MALFORMED = GETTEXT / "Malformed"


def msgfmt(source, target, endianness="little"):
    subprocess.run(["msgfmt", f"--endianness={endianness}", "-o", str(target), str(source)], check=True)


def patched(data, offset, replacement):
    return data[:offset] + replacement + data[offset + len(replacement):]


def main():
    msgfmt(GETTEXT / "sample.po", GETTEXT / "sample.mo")
    msgfmt(GETTEXT / "sample.po", GETTEXT / "sample-be.mo", endianness="big")
    msgfmt(GETTEXT / "plural-fr.po", GETTEXT / "plural-fr.mo")
    msgfmt(HERE / "Sources" / "viewer.po", HERE / "Corpus" / "viewer.mo")

    gb2312 = subprocess.run(["iconv", "-f", "UTF-8", "-t", "GB2312", str(HERE / "Sources" / "gb2312-utf8.po")],
                            check=True, capture_output=True).stdout
    (GETTEXT / "gb2312.po").write_bytes(gb2312)
    msgfmt(GETTEXT / "gb2312.po", GETTEXT / "gb2312.mo")

    # Malformed .mo files: sample.mo (little-endian) with one defect each.
    MALFORMED.mkdir(exist_ok=True)
    good = (GETTEXT / "sample.mo").read_bytes()
    count, originals, translations = struct.unpack_from("<III", good, 8)
    size = len(good)
    (MALFORMED / "bad-magic.mo").write_bytes(patched(good, 0, b"RAMP"))
    (MALFORMED / "truncated-header.mo").write_bytes(good[:20])
    (MALFORMED / "bad-revision.mo").write_bytes(patched(good, 4, struct.pack("<I", 2 << 16)))
    (MALFORMED / "table-past-end.mo").write_bytes(patched(good, 16, struct.pack("<I", size - 8)))
    (MALFORMED / "string-past-end.mo").write_bytes(patched(good, translations + 8 + 4, struct.pack("<I", size + 100)))
    # Entry 1 (after the header) gets a byte that can never occur in UTF-8.
    _, string_offset = struct.unpack_from("<II", good, translations + 8)
    (MALFORMED / "invalid-utf8.mo").write_bytes(patched(good, string_offset, b"\xff"))
    (HERE / "Corpus" / "broken.mo").write_bytes(patched(good, 0, b"RAMP"))
    print(f"sample.mo: {count} strings, tables at {originals} and {translations}, {size} bytes")


if __name__ == "__main__":
    main()
