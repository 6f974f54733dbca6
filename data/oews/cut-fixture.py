#!/usr/bin/env python3
# Cuts an OEWS extract written by `him-guide data import-oews` down to a test fixture's size: the
# areas a reference extract lists (its areas.tsv), each occupation's cross-industry rows there, and
# each occupation's national rows in the six three-digit industries that employ the most of it.
# Lines are only dropped, never edited, so what is kept is byte for byte what the import wrote.
#
#   python3 data/oews/cut-fixture.py FULL_EXTRACT REFERENCE_EXTRACT OUT
#
# Applied to the shipped content/oews/ with tests/fixtures/pay-site/content/oews/ as the reference,
# it writes the pay-site fixture's extract again (tests/fixtures/four-occupations/README.md).

import os
import shutil
import sys

CROSS_INDUSTRY = "000000"
INDUSTRIES_PER_OCCUPATION = 6
THREE_DIGIT = "3"


def read_table(path):
    """The comment lines, the header line and the rows of a .tsv the import wrote."""
    comments, header, rows = [], None, []
    with open(path, encoding="utf-8", newline="") as f:
        for line in f:
            if line.startswith("#"):
                comments.append(line)
            elif header is None:
                header = line
            else:
                rows.append(line)
    return comments, header, rows


def first_field(line):
    return line.rstrip("\n").split("\t", 1)[0]


def write_table(path, table, keep):
    comments, header, rows = table
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.writelines(comments)
        f.write(header)
        f.writelines(row for row in rows if keep(row))


def employment(row):
    try:
        return int(row.split("\t")[1])
    except ValueError:  # `-`, a footnote or nothing: BLS released no count
        return -1


def main(full, reference, out):
    areas = {first_field(row) for row in read_table(os.path.join(reference, "areas.tsv"))[2]}
    industries_table = read_table(os.path.join(full, "industries.tsv"))
    levels = {first_field(row): row.split("\t")[1] for row in industries_table[2]}
    series_table = read_table(os.path.join(full, "series.tsv"))

    # Series keys: OEU, area type (1), area (7), industry (6), SOC without its hyphen (6).
    def parts(row):
        key = first_field(row)
        return key[3], key[4:11], key[11:17], key[17:]

    national_industries = {}
    for row in series_table[2]:
        area_type, _, industry, soc = parts(row)
        if area_type == "N" and levels.get(industry) == THREE_DIGIT:
            national_industries.setdefault(soc, []).append((employment(row), industry))
    top = {
        (soc, industry)
        for soc, ranked in national_industries.items()
        for _, industry in sorted(ranked, key=lambda e: -e[0])[:INDUSTRIES_PER_OCCUPATION]
    }

    def keep_series(row):
        _, area, industry, soc = parts(row)
        if industry == CROSS_INDUSTRY:
            return area in areas
        return area == "0000000" and (soc, industry) in top

    kept = [parts(row) for row in series_table[2] if keep_series(row)]
    used_areas = {area for _, area, _, _ in kept}
    used_industries = {industry for _, _, industry, _ in kept}
    used_socs = {soc for _, _, _, soc in kept}

    os.makedirs(out, exist_ok=True)
    write_table(os.path.join(out, "series.tsv"), series_table, keep_series)
    write_table(
        os.path.join(out, "areas.tsv"),
        read_table(os.path.join(full, "areas.tsv")),
        lambda row: first_field(row) in used_areas,
    )
    write_table(
        os.path.join(out, "industries.tsv"),
        industries_table,
        lambda row: first_field(row) in used_industries,
    )
    write_table(
        os.path.join(out, "occupations.tsv"),
        read_table(os.path.join(full, "occupations.tsv")),
        lambda row: first_field(row).replace("-", "") in used_socs,
    )
    for name in ("footnotes.tsv", "release.toml"):
        shutil.copyfile(os.path.join(full, name), os.path.join(out, name))
    print(f"kept {len(kept)} series rows, {len(used_areas)} areas, "
          f"{len(used_industries)} industries, {len(used_socs)} occupations in {out}")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: cut-fixture.py FULL_EXTRACT REFERENCE_EXTRACT OUT")
    main(*sys.argv[1:])
