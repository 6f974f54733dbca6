//! A problem found in the content, reported with its file, line and a fix, and the list of them.

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

/// The 1-based line on which `offset` (a byte offset into `text`) falls.
pub fn line_at(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

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
