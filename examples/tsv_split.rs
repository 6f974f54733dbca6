//! Times splitting the OEWS extract's `series.tsv`, grown to the 6,000-page site's size, with the
//! tab split the loader uses against the `csv` crate (issue 18, item 5). Run it on a quiet machine:
//! `cargo run --release --example tsv_split`.

use std::time::Instant;

fn main() {
    let shipped =
        std::fs::read_to_string("content/oews/series.tsv").expect("run from the repository's root");
    let mut lines = shipped.lines();
    let head = format!(
        "{}\n{}\n",
        lines.next().unwrap_or_default(),
        lines.next().unwrap_or_default()
    );
    let rows: String = lines.map(|line| format!("{line}\n")).collect();
    // Nine copies of every row: about the size bench/scaling grows the extract to.
    let text = format!("{head}{}", rows.repeat(9));
    println!("{} bytes, {} lines", text.len(), text.lines().count());
    for round in 1..=5 {
        let start = Instant::now();
        let split: Vec<(usize, Vec<&str>)> = text
            .lines()
            .enumerate()
            .skip(2)
            .map(|(i, line)| (i + 1, line.split('\t').collect()))
            .collect();
        let ours = start.elapsed();
        let start = Instant::now();
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b'\t')
            .quoting(false)
            .has_headers(false)
            .flexible(true)
            .from_reader(&text.as_bytes()[head.len()..]);
        let records: Vec<(u64, csv::ByteRecord)> = reader
            .byte_records()
            .map(|record| {
                let record = record.expect("the extract reads");
                (record.position().map_or(0, |p| p.line()), record)
            })
            .collect();
        let theirs = start.elapsed();
        assert_eq!(
            split.iter().map(|(_, f)| f.len()).sum::<usize>(),
            records.iter().map(|(_, r)| r.len()).sum::<usize>(),
            "both read the same fields"
        );
        println!(
            "round {round}: tab split {:.2} ms, csv ByteRecord {:.2} ms",
            ours.as_secs_f64() * 1e3,
            theirs.as_secs_f64() * 1e3
        );
    }
}
