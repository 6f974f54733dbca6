//! The import: BLS's occupation workbook (`occupation.xlsx`, Employment Projections) read with
//! calamine, the rows of the occupations the guide names taken from Table 1.2 (employment, change,
//! openings, wage, entry requirements) and Table 1.10 (exits, transfers and their rates), and
//! every column checked by its heading, so a workbook laid out differently is refused rather than
//! read into the wrong fields.

use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use oews::Soc;

use crate::{OccupationProjection, Projections, Release, Tenths};

/// What the import needs besides the workbook: which occupations, and what the workbook does not
/// say about itself.
pub struct ImportOptions<'a> {
    pub socs: &'a [Soc],
    pub published: diagnostics::Date,
    pub retrieved: diagnostics::Date,
    pub url: String,
    pub tables_url: String,
    pub command: String,
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read {path}: {message}")]
    Read { path: String, message: String },
    #[error("{sheet}: no column headed `{heading}` (the workbook's layout has changed)")]
    MissingColumn { sheet: String, heading: String },
    #[error("{sheet}: no heading row naming `{heading}` in its first ten rows")]
    NoHeader { sheet: String, heading: String },
    #[error("{sheet}, row {row}: `{value}` in `{heading}` is not {expected}")]
    BadCell {
        sheet: String,
        row: u32,
        heading: String,
        value: String,
        expected: &'static str,
    },
    #[error("{sheet}: no row for {soc}")]
    MissingOccupation { sheet: String, soc: Soc },
    #[error("{sheet}: the heading `{heading}` does not name the window's years as `{expected}`")]
    Window {
        sheet: String,
        heading: String,
        expected: String,
    },
}

const TABLE_PROJECTIONS: &str = "Table 1.2";
const TABLE_SEPARATIONS: &str = "Table 1.10";
const CODE_HEADING: &str = "2024 National Employment Matrix code";
const TITLE_HEADING: &str = "2024 National Employment Matrix title";

/// Reads the workbook at `path` and returns the extract for `options.socs`, in that order.
pub fn import(path: &Path, options: &ImportOptions<'_>) -> Result<Projections, ImportError> {
    let read_error = |message: String| ImportError::Read {
        path: path.display().to_string(),
        message,
    };
    let bytes = std::fs::read(path).map_err(|err| read_error(err.to_string()))?;
    let mut workbook =
        Xlsx::new(std::io::Cursor::new(&bytes[..])).map_err(|err| read_error(err.to_string()))?;
    let mut sheet = |name: &str| {
        workbook
            .worksheet_range(name)
            .map(|range| Sheet::new(name, &range))
            .map_err(|err| read_error(format!("{name}: {err}")))
    };
    let projections = sheet(TABLE_PROJECTIONS)?;
    let separations = sheet(TABLE_SEPARATIONS)?;
    // The window's years, from the heading of the first employment column: "Employment, 2024".
    let (start_year, end_year) = projections.window()?;
    let (start, end) = (start_year.to_string(), end_year.to_string());
    let short_window = format!("{start}–{}", &end[2..]);
    let mut occupations = Vec::new();
    for &soc in options.socs {
        let p = projections.row(soc)?;
        let s = separations.row(soc)?;
        let per_year = |what: &str| format!("{what}, {short_window} annual average");
        occupations.push(OccupationProjection {
            soc,
            title: projections.text(p, TITLE_HEADING)?.trim().to_string(),
            employment_start: projections.thousands(p, &format!("Employment, {start}"))?,
            employment_end: projections.thousands(p, &format!("Employment, {end}"))?,
            change: projections
                .thousands(p, &format!("Employment change, numeric, {short_window}"))?,
            change_percent: projections
                .tenths(p, &format!("Employment change, percent, {short_window}"))?,
            openings_per_year: projections.thousands(p, &per_year("Occupational openings"))?,
            exits_per_year: separations.thousands(s, &per_year("Labor force exits"))?,
            transfers_per_year: separations.thousands(s, &per_year("Occupational transfers"))?,
            separations_per_year: separations
                .thousands(s, &per_year("Total occupational separations"))?,
            exit_rate: separations.tenths(s, &per_year("Labor force exit rate"))?,
            transfer_rate: separations.tenths(s, &per_year("Occupational transfer rate"))?,
            separations_rate: separations
                .tenths(s, &per_year("Total occupational separations rate"))?,
            median_wage: projections.wage(p, &format!("Median annual wage, dollars, {start}"))?,
            education: projections.text(p, "Typical education needed for entry")?,
            experience: projections.text(p, "Work experience in a related occupation")?,
            training: projections.text(
                p,
                "Typical on-the-job training needed to attain competency in the occupation",
            )?,
        });
    }
    Ok(Projections {
        release: Release {
            edition: format!("{start}-{}", &end[2..]),
            start_year,
            end_year,
            published: options.published,
            retrieved: options.retrieved,
            url: options.url.clone(),
            tables_url: options.tables_url.clone(),
            read_bytes: bytes.len() as u64,
            read_sha256: oews::Sha256Sum::of(&bytes).to_string(),
            command: options.command.clone(),
        },
        occupations,
    })
}

/// One table of the workbook: its rows of cells, the row of headings, and the Excel row number of
/// its first row (for messages).
struct Sheet {
    name: String,
    rows: Vec<Vec<Data>>,
    first_row: u32,
    headings: Vec<String>,
}

impl Sheet {
    fn new(name: &str, range: &calamine::Range<Data>) -> Sheet {
        let rows: Vec<Vec<Data>> = range.rows().map(<[Data]>::to_vec).collect();
        Sheet {
            name: name.to_string(),
            first_row: range.start().map_or(1, |(row, _)| row + 1),
            headings: Vec::new(),
            rows,
        }
        .with_headings()
    }

    /// Finds the heading row: the one whose cells include the code column's heading.
    fn with_headings(mut self) -> Sheet {
        if let Some(row) = self.rows.iter().take(10).find(|row| {
            row.iter()
                .any(|cell| cell.to_string().trim() == CODE_HEADING)
        }) {
            self.headings = row
                .iter()
                .map(|cell| heading_text(&cell.to_string()))
                .collect();
        }
        self
    }

    fn column(&self, heading: &str) -> Result<usize, ImportError> {
        if self.headings.is_empty() {
            return Err(ImportError::NoHeader {
                sheet: self.name.clone(),
                heading: CODE_HEADING.into(),
            });
        }
        self.headings
            .iter()
            .position(|h| h == heading)
            .ok_or_else(|| ImportError::MissingColumn {
                sheet: self.name.clone(),
                heading: heading.into(),
            })
    }

    /// The window's first and last years, from the headings `Employment, 2024` and
    /// `Employment, 2034`.
    fn window(&self) -> Result<(u16, u16), ImportError> {
        let years: Vec<u16> = self
            .headings
            .iter()
            .filter_map(|h| h.strip_prefix("Employment, ")?.parse().ok())
            .collect();
        match years[..] {
            [start, end] if end == start + 10 => Ok((start, end)),
            _ => Err(ImportError::Window {
                sheet: self.name.clone(),
                heading: "Employment, YEAR".into(),
                expected: "two years ten apart".into(),
            }),
        }
    }

    /// The index of `soc`'s row.
    fn row(&self, soc: Soc) -> Result<usize, ImportError> {
        let code = self.column(CODE_HEADING)?;
        let wanted = soc.to_string();
        self.rows
            .iter()
            .position(|row| {
                row.get(code)
                    .is_some_and(|c| c.to_string().trim() == wanted)
            })
            .ok_or_else(|| ImportError::MissingOccupation {
                sheet: self.name.clone(),
                soc,
            })
    }

    fn cell(&self, row: usize, heading: &str) -> Result<&Data, ImportError> {
        let column = self.column(heading)?;
        Ok(self.rows[row].get(column).unwrap_or(&Data::Empty))
    }

    fn bad(&self, row: usize, heading: &str, value: &Data, expected: &'static str) -> ImportError {
        ImportError::BadCell {
            sheet: self.name.clone(),
            row: self.first_row + row as u32,
            heading: heading.into(),
            value: value.to_string(),
            expected,
        }
    }

    fn number(&self, row: usize, heading: &str) -> Result<Option<f64>, ImportError> {
        Ok(match self.cell(row, heading)? {
            Data::Float(x) => Some(*x),
            Data::Int(n) => Some(*n as f64),
            _ => None,
        })
    }

    /// A number BLS publishes with one decimal, as tenths. The workbook stores 616.2 as
    /// 616.20000000000005: one decimal, rounded, is what BLS published.
    fn tenths_of(&self, row: usize, heading: &str) -> Result<i64, ImportError> {
        match self.number(row, heading)? {
            Some(x) => Ok((x * 10.0).round() as i64),
            None => Err(self.bad(row, heading, self.cell(row, heading)?, "a number")),
        }
    }

    /// A count BLS gives in thousands with one decimal, as whole jobs.
    fn thousands(&self, row: usize, heading: &str) -> Result<i64, ImportError> {
        Ok(self.tenths_of(row, heading)? * 100)
    }

    fn tenths(&self, row: usize, heading: &str) -> Result<Tenths, ImportError> {
        self.tenths_of(row, heading).map(Tenths)
    }

    /// Whole dollars, or `None` where BLS shows no number (a dash, or a note for wages above its
    /// top figure).
    fn wage(&self, row: usize, heading: &str) -> Result<Option<u32>, ImportError> {
        Ok(self
            .number(row, heading)?
            .filter(|x| *x >= 0.0 && x.fract() == 0.0)
            .map(|x| x as u32))
    }

    fn text(&self, row: usize, heading: &str) -> Result<String, ImportError> {
        let value = self.cell(row, heading)?;
        match value {
            Data::String(text) if !text.trim().is_empty() => Ok(text.trim().to_string()),
            other => Err(self.bad(row, heading, other, "text")),
        }
    }
}

/// A heading without BLS's footnote marks (`Median annual wage, dollars, 2024[1]`) and with its
/// spaces as one.
fn heading_text(text: &str) -> String {
    let without_note = match text.find('[') {
        Some(at) if text.ends_with(']') => &text[..at],
        _ => text,
    };
    without_note
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_lose_footnote_marks_and_extra_spaces() {
        assert_eq!(
            heading_text("Median annual wage, dollars, 2024[1]"),
            "Median annual wage, dollars, 2024"
        );
        assert_eq!(heading_text("  Employment,\n 2034 "), "Employment, 2034");
    }
}
