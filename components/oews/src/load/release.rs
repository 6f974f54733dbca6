//! `release.toml`, the extract's record of its release and where each BLS file came from: read
//! with each key's line, so a problem names the line to correct.

use serde::Deserialize;
use toml::Spanned;

use super::Checker;
use crate::codes::ReleaseCode;
use crate::extract::{Conversion, Input, Published, RELEASE_FILE, Release};
use crate::flat::{Fingerprint, Sha256Sum};
use diagnostics::{Date, line_at};

impl Checker {
    /// `release.toml`: the release, and the provenance of each BLS file it was imported from.
    pub(super) fn release(&mut self, text: &str) -> Option<Release> {
        let raw: RawRelease = match toml::from_str(text) {
            Ok(raw) => raw,
            Err(err) => {
                let line = err.span().map(|span| line_at(text, span.start));
                self.problem(
                    RELEASE_FILE,
                    line,
                    format!("cannot read it: {}", err.message()),
                    "import again, or correct the line (keys and tables are as the import writes them)",
                );
                return None;
            }
        };
        let before = self.problems.len();
        let line = |span: std::ops::Range<usize>| Some(line_at(text, span.start));
        let code = ReleaseCode::parse(raw.code.get_ref());
        if code.is_none() {
            self.problem(
                RELEASE_FILE,
                line(raw.code.span()),
                format!("`{}` is not a BLS release code", raw.code.get_ref()),
                "write the code as in oe.release, for example \"2025A01\"",
            );
        }
        let published = self.date(text, &raw.published, "published");
        let retrieved = self.date(text, &raw.retrieved, "retrieved");
        let conversion = raw.conversion.and_then(|c| {
            Some(Conversion {
                package: c.package,
                wheel: match (c.wheel, c.wheel_sha256) {
                    (Some(wheel), Some(sha)) => Some((wheel, self.sha256(text, &sha)?)),
                    _ => None,
                },
                database_file: c.database_file,
                database_file_sha256: self.sha256(text, &c.database_file_sha256)?,
                database_sha256: match c.database_sha256 {
                    Some(sha) => Some(self.sha256(text, &sha)?),
                    None => None,
                },
                script: c.script,
            })
        });
        let mut inputs = Vec::new();
        for input in raw.input {
            let span = input.span();
            let input = input.into_inner();
            let published = match (
                input.published,
                input.published_bytes,
                input.published_sha256,
            ) {
                (None, None, None) => None,
                (Some(date), Some(bytes), Some(sha)) => Some(Published {
                    date: self.date(text, &date, "published")?,
                    bytes,
                    sha256: self.sha256(text, &sha)?,
                }),
                _ => {
                    self.problem(
                        RELEASE_FILE,
                        line(span),
                        format!("input {} has some of published, published_bytes and published_sha256 but not all", input.file),
                        "give all three, as BLS's download recorded them, or none",
                    );
                    None
                }
            };
            inputs.push(Input {
                file: input.file,
                url: input.url,
                published,
                read: Fingerprint {
                    bytes: input.read_bytes,
                    sha256: self.sha256(text, &input.read_sha256)?,
                },
            });
        }
        if self.problems.len() > before {
            return None;
        }
        Some(Release {
            code: code?,
            name: raw.name,
            published: published?,
            retrieved: retrieved?,
            command: raw.command,
            conversion,
            inputs,
        })
    }

    fn date(
        &mut self,
        text: &str,
        date: &Spanned<toml::value::Datetime>,
        key: &str,
    ) -> Option<Date> {
        let value = date.get_ref();
        let parsed = match (value.date, value.time, value.offset) {
            (Some(d), None, None) => Some(Date {
                year: d.year,
                month: d.month,
                day: d.day,
            }),
            _ => None,
        };
        if parsed.is_none() {
            self.problem(
                RELEASE_FILE,
                Some(line_at(text, date.span().start)),
                format!("{key} should be a date without a time, not {value}"),
                "write the date as YYYY-MM-DD",
            );
        }
        parsed
    }

    fn sha256(&mut self, text: &str, sha: &Spanned<String>) -> Option<Sha256Sum> {
        let parsed = Sha256Sum::parse(sha.get_ref());
        if parsed.is_none() {
            self.problem(
                RELEASE_FILE,
                Some(line_at(text, sha.span().start)),
                format!("`{}` is not a SHA-256 (64 hex digits)", sha.get_ref()),
                "copy the SHA-256 from the import's output, or import again",
            );
        }
        parsed
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRelease {
    code: Spanned<String>,
    name: String,
    published: Spanned<toml::value::Datetime>,
    retrieved: Spanned<toml::value::Datetime>,
    command: String,
    conversion: Option<RawConversion>,
    #[serde(default)]
    input: Vec<Spanned<RawInput>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConversion {
    package: String,
    wheel: Option<String>,
    wheel_sha256: Option<Spanned<String>>,
    database_file: String,
    database_file_sha256: Spanned<String>,
    database_sha256: Option<Spanned<String>>,
    script: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawInput {
    file: String,
    url: String,
    published: Option<Spanned<toml::value::Datetime>>,
    published_bytes: Option<u64>,
    published_sha256: Option<Spanned<String>>,
    read_bytes: u64,
    read_sha256: Spanned<String>,
}
