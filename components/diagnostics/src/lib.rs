//! What every loader shares: a problem reported with its file, line and fix, the list of them, the
//! line of a byte offset, calendar dates read from TOML, and the one rule for ids and URL segments.

use std::fmt;
use std::path::{Path, PathBuf};

/// One thing wrong with the content, said so that an editor can find and fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file, relative to the site folder (for example `content/guide/salary.md`).
    pub file: PathBuf,
    /// The 1-based line in that file, where the problem has one.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub fix: String,
}

impl Problem {
    pub fn new(
        file: impl AsRef<Path>,
        line: Option<usize>,
        message: impl Into<String>,
        fix: impl Into<String>,
    ) -> Self {
        Problem {
            file: file.as_ref().to_path_buf(),
            line,
            message: message.into(),
            fix: fix.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": {}\n   fix: {}", self.message, self.fix)
    }
}

/// Every problem found while loading a site; loading reports them all at once rather than the first.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Problems(pub Vec<Problem>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.0.len();
        let noun = if count == 1 { "problem" } else { "problems" };
        writeln!(f, "found {count} {noun} in the content:")?;
        for (number, problem) in self.0.iter().enumerate() {
            writeln!(f, "{:>3}. {problem}", number + 1)?;
        }
        Ok(())
    }
}

/// A calendar date as written in `updated = 2026-11-22`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

/// Stands in for a date that failed to parse, once its problem is reported: 1 January 1970.
impl Default for Date {
    fn default() -> Date {
        Date {
            year: 1970,
            month: 1,
            day: 1,
        }
    }
}

impl Date {
    /// `2026-11-22`, as the sitemap wants it.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Date {
    const MONTHS: [&'static str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];

    /// The month named `name` in English, as publishers write their release dates: `February` is 2.
    pub fn month_from_name(name: &str) -> Option<u8> {
        let index = Self::MONTHS.iter().position(|m| *m == name)?;
        u8::try_from(index + 1).ok()
    }

    fn month_name(&self) -> &'static str {
        Self::MONTHS[usize::from(self.month.clamp(1, 12)) - 1]
    }

    /// `2026, November 22`, as an APA citation dates a web page.
    pub fn apa(&self) -> String {
        format!("{}, {} {}", self.year, self.month_name(), self.day)
    }

    /// `22 Nov. 2026`, as an MLA citation does (May, June and July are not shortened).
    pub fn mla(&self) -> String {
        let name = self.month_name();
        let month = match name {
            "May" | "June" | "July" => name.to_string(),
            "September" => "Sept.".to_string(),
            _ => format!("{}.", &name[..3]),
        };
        format!("{} {month} {}", self.day, self.year)
    }
}

/// `22 November 2026`, as readers see it.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.day, self.month_name(), self.year)
    }
}

/// The date in a TOML date value, or `None` if it carries a time or an offset (or no date).
pub fn toml_date(value: &toml::value::Datetime) -> Option<Date> {
    match value {
        toml::value::Datetime {
            date: Some(date),
            time: None,
            offset: None,
        } => Some(Date {
            year: date.year,
            month: date.month,
            day: date.day,
        }),
        _ => None,
    }
}

/// Whether `text` may be an id, an anchor or a URL segment: lowercase letters, digits and hyphens.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The 1-based line on which `offset` (a byte offset into `text`) falls.
pub fn line_at(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Reads an extract's table of tab-separated values, as our imports write them: lines starting with
/// `#` are comments, the first other line must be `columns`, and each row after it, cut at its
/// tabs, must have as many cells and is read by `read_row`, whose error becomes a problem naming
/// `path`, the row's line and `fix`. Every bad row is reported, not only the first.
pub fn read_tsv<T>(
    text: &str,
    path: &std::path::Path,
    columns: &[&str],
    fix: &str,
    mut read_row: impl FnMut(&[&str]) -> Result<T, String>,
) -> Result<Vec<T>, Vec<Problem>> {
    read_numbered_tsv(text, path, columns, fix, |_, cells| read_row(cells))
}

/// [`read_tsv`], giving `read_row` each row's line number too, for problems found later.
pub fn read_numbered_tsv<T>(
    text: &str,
    path: &std::path::Path,
    columns: &[&str],
    fix: &str,
    mut read_row: impl FnMut(usize, &[&str]) -> Result<T, String>,
) -> Result<Vec<T>, Vec<Problem>> {
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line))
        .filter(|(_, line)| !line.starts_with('#'));
    let header = lines.next();
    if header.map(|(_, line)| line) != Some(columns.join("\t").as_str()) {
        return Err(vec![Problem::new(
            path,
            Some(header.map_or(1, |(number, _)| number)),
            format!(
                "the header is not the extract's columns ({})",
                columns.join(", ")
            ),
            fix,
        )]);
    }
    let mut problems = Vec::new();
    let mut rows = Vec::new();
    for (number, line) in lines {
        let cells: Vec<&str> = line.split('\t').collect();
        let row = if cells.len() == columns.len() {
            read_row(number, &cells)
        } else {
            Err(format!(
                "{} cells where the header has {}",
                cells.len(),
                columns.len()
            ))
        };
        match row {
            Ok(row) => rows.push(row),
            Err(message) => problems.push(Problem::new(path, Some(number), message, fix)),
        }
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tsv_table_is_read_row_by_row_with_each_bad_rows_line() {
        let path = std::path::Path::new("content/x/table.tsv");
        let read = |text: &str| {
            read_tsv(text, path, &["a", "b"], "import it again", |cells| {
                cells[1]
                    .parse::<u32>()
                    .map(|n| (cells[0].to_string(), n))
                    .map_err(|_| format!("`{}` is not a number", cells[1]))
            })
        };
        assert_eq!(
            read("# written by an import\na\tb\nx\t1\ny\t2\n"),
            Ok(vec![("x".into(), 1), ("y".into(), 2)])
        );
        let problems = read("a\tb\nx\tone\ny\t2\tz\n").unwrap_err();
        let found: Vec<_> = problems
            .iter()
            .map(|p| (p.line, p.message.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (Some(2), "`one` is not a number"),
                (Some(3), "3 cells where the header has 2")
            ]
        );
        assert_eq!(problems[0].file, path);
        assert_eq!(problems[0].fix, "import it again");
        let header = read("# comment\nb\ta\n").unwrap_err();
        assert_eq!(header[0].line, Some(2));
        assert!(
            header[0].message.contains("(a, b)"),
            "{}",
            header[0].message
        );
        assert_eq!(read("").unwrap_err()[0].line, Some(1));
    }

    #[test]
    fn counts_lines_from_one() {
        let text = "a\nb\nc";
        assert_eq!(line_at(text, 0), 1);
        assert_eq!(line_at(text, 2), 2);
        assert_eq!(line_at(text, 4), 3);
        assert_eq!(line_at(text, 99), 3);
    }

    #[test]
    fn lists_every_problem_with_file_line_and_fix() {
        let problems = Problems(vec![
            Problem::new("content/a.md", Some(3), "bad thing", "do the good thing"),
            Problem::new("content/b.md", None, "other thing", "undo it"),
        ]);
        let text = problems.to_string();
        assert!(text.starts_with("found 2 problems in the content:"));
        assert!(text.contains("  1. content/a.md:3: bad thing\n   fix: do the good thing"));
        assert!(text.contains("  2. content/b.md: other thing\n   fix: undo it"));
    }
}
