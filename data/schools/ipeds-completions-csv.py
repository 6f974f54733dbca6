# Writes NCES's completions file (C2024_A) in NCES's own CSV layout from a parquet column subset of it.
"""
The schools import reads NCES's completions file as NCES publishes it: `c2024_a.csv` from
`C2024_A.zip` (IPEDS Data Center, "Complete data files", 2024, Completions). The copy this repository
was built from is a parquet file holding a column subset of that file (see
../shared/notes/data-sources.md). This script writes it back in NCES's layout:

- only the columns of NCES's file that the parquet holds, under NCES's headings and in NCES's
  order (UNITID, CIPCODE, MAJORNUM, AWLEVEL, CTOTALT, CTOTALM, CTOTALW); a column NCES does not
  publish (the copy's IS_CIP_6DIGIT) is left out;
- numbers as integers, CIP codes as NCES writes them (`51.0707`), lines ending in CRLF as in NCES's
  CSV files, no byte order mark (NCES's C files have none).

It prints the `[file.converted_from]` table to paste under the completions entry of the import
folder's files.toml, so the extract records what the CSV was made from.

Needs pyarrow. Usage:

    python data/schools/ipeds-completions-csv.py ../shared/data/ipeds/c2024_a.parquet /tmp/schools/c2024_a.csv
"""

import csv
import hashlib
import os
import sys

import pyarrow.parquet as pq

# NCES's C2024_A headings in NCES's order, as far as a copy may hold them (the X* columns are
# NCES's imputation flags).
NCES_COLUMNS = [
    "UNITID", "CIPCODE", "MAJORNUM", "AWLEVEL",
    "XCTOTALT", "CTOTALT", "XCTOTALM", "CTOTALM", "XCTOTALW", "CTOTALW",
]


def main(parquet_path: str, csv_path: str) -> None:
    table = pq.read_table(parquet_path)
    present = set(table.column_names)
    columns = [c for c in NCES_COLUMNS if c in present]
    for needed in ("UNITID", "CIPCODE", "MAJORNUM", "AWLEVEL", "CTOTALT"):
        if needed not in present:
            sys.exit(f"{parquet_path}: no column {needed}, which the import reads")
    data = table.select(columns).to_pydict()
    with open(csv_path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(columns)
        for row in zip(*(data[c] for c in columns)):
            writer.writerow("" if v is None else v for v in row)
    with open(parquet_path, "rb") as f:
        raw = f.read()
    name = os.path.basename(parquet_path)
    by = f"python data/schools/ipeds-completions-csv.py {name} {os.path.basename(csv_path)}"
    print(f"wrote {csv_path}: {table.num_rows} rows, columns {','.join(columns)}", file=sys.stderr)
    print("[file.converted_from]")
    print(f'name = "{name}"')
    print(f"bytes = {len(raw)}")
    print(f'sha256 = "{hashlib.sha256(raw).hexdigest()}"')
    print(f'by = "{by}"')


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
