//! `provenance.json`, which `data/oews/package-to-bls.py` writes beside BLS's files: read, checked
//! and typed, and each file the import read compared with its record there.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;

use super::{BLS_BASE_URL, BLS_FILES, ImportOptions, InputCheck, PROVENANCE_FILE, Run};
use crate::codes::{ReleaseCode, parse_date};
use crate::extract::{Conversion, Input, Published};
use crate::flat::{Fingerprint, Sha256Sum};
use diagnostics::Date;

/// `provenance.json`, checked and typed.
pub(super) struct Provenance {
    pub(super) code: Option<ReleaseCode>,
    published: Option<Date>,
    retrieved: Option<Date>,
    files: BTreeMap<String, (String, Published)>,
    pub(super) conversion: Option<Conversion>,
    written: BTreeMap<String, Fingerprint>,
}

const REWRITE: &str = "run data/oews/package-to-bls.py again to rewrite it";

impl Run {
    /// Reads `provenance.json` if there is one.
    pub(super) fn provenance(&mut self) -> Option<Provenance> {
        let path = self.dir.join(PROVENANCE_FILE);
        let text = std::fs::read_to_string(&path).ok()?;
        let raw: RawProvenance = match serde_json::from_str(&text) {
            Ok(raw) => raw,
            Err(err) => {
                self.problem(
                    PROVENANCE_FILE,
                    Some(err.line()),
                    format!("cannot read it: {err}"),
                    REWRITE,
                );
                return None;
            }
        };
        let before = self.problems.len();
        let published = self.provenance_date(&raw.published, "published");
        let retrieved = self.provenance_date(&raw.retrieved, "retrieved");
        let files = self.published_files(&raw.files);
        let (conversion, written) = match raw.conversion {
            Some(conversion) => {
                let written = self.written_files(&conversion.written);
                (self.conversion(conversion), written)
            }
            None => (None, BTreeMap::new()),
        };
        let code = ReleaseCode::parse(&raw.release.code);
        if code.is_none() {
            self.problem(
                PROVENANCE_FILE,
                None,
                format!(
                    "release.code `{}` is not a BLS release code",
                    raw.release.code
                ),
                REWRITE,
            );
        }
        (self.problems.len() == before).then_some(Provenance {
            code,
            published,
            retrieved,
            files,
            conversion,
            written,
        })
    }

    /// When BLS published the files and when they were downloaded: from the command line, else
    /// from `provenance.json`; a problem if either is known from neither.
    pub(super) fn dates(
        &mut self,
        options: &ImportOptions,
        provenance: Option<&Provenance>,
    ) -> (Option<Date>, Option<Date>) {
        let published = options.published.or(provenance.and_then(|p| p.published));
        let retrieved = options.retrieved.or(provenance.and_then(|p| p.retrieved));
        if published.is_none() || retrieved.is_none() {
            self.problem(
                PROVENANCE_FILE,
                None,
                "there is no provenance.json to say when BLS published the files and when they were \
                 downloaded",
                "pass --published YYYY-MM-DD (the date BLS's directory listing shows) and \
                 --retrieved YYYY-MM-DD (the day you downloaded them)",
            );
        }
        (published, retrieved)
    }

    /// `files`: BLS's URL and published record of each file, those whose date and SHA-256 read.
    fn published_files(
        &mut self,
        raw: &BTreeMap<String, RawPublished>,
    ) -> BTreeMap<String, (String, Published)> {
        let mut files = BTreeMap::new();
        for (name, file) in raw {
            let published = self.provenance_date(&file.date, &format!("files.{name}.date"));
            let sha256 = self.provenance_sha(&file.sha256, &format!("files.{name}.sha256"));
            if let (Some(date), Some(sha256)) = (published, sha256) {
                let record = Published {
                    date,
                    bytes: file.bytes,
                    sha256,
                };
                files.insert(name.clone(), (file.url.clone(), record));
            }
        }
        files
    }

    /// `conversion.written`: what the converter wrote, those whose SHA-256 reads.
    fn written_files(
        &mut self,
        raw: &BTreeMap<String, RawWritten>,
    ) -> BTreeMap<String, Fingerprint> {
        let mut written = BTreeMap::new();
        for (name, file) in raw {
            if let Some(sha256) =
                self.provenance_sha(&file.sha256, &format!("written.{name}.sha256"))
            {
                written.insert(
                    name.clone(),
                    Fingerprint {
                        bytes: file.bytes,
                        sha256,
                    },
                );
            }
        }
        written
    }

    /// `conversion`: the package the files were converted from; none once a SHA-256 fails to read.
    fn conversion(&mut self, raw: RawConversion) -> Option<Conversion> {
        let wheel = match raw.wheel {
            Some(w) => Some((w.file, self.provenance_sha(&w.sha256, "wheel.sha256")?)),
            None => None,
        };
        let database_sha256 = match raw.database_sha256 {
            Some(text) => Some(self.provenance_sha(&text, "database_sha256")?),
            None => None,
        };
        Some(Conversion {
            package: raw.package,
            wheel,
            database_file: raw.database_file,
            database_file_sha256: self
                .provenance_sha(&raw.database_file_sha256, "database_file_sha256")?,
            database_sha256,
            script: raw.script,
        })
    }

    fn provenance_date(&mut self, text: &str, what: &str) -> Option<Date> {
        let date = parse_date(text);
        if date.is_none() {
            self.problem(
                PROVENANCE_FILE,
                None,
                format!("{what} `{text}` is not a date written as YYYY-MM-DD"),
                REWRITE,
            );
        }
        date
    }

    fn provenance_sha(&mut self, text: &str, what: &str) -> Option<Sha256Sum> {
        let sha = Sha256Sum::parse(text);
        if sha.is_none() {
            self.problem(
                PROVENANCE_FILE,
                None,
                format!("{what} `{text}` is not a SHA-256"),
                REWRITE,
            );
        }
        sha
    }

    /// Each BLS file read, in the order of [`BLS_FILES`], with how it compared with its record.
    pub(super) fn compare_all(
        &mut self,
        fingerprints: &HashMap<&'static str, Fingerprint>,
        provenance: Option<&Provenance>,
    ) -> (Vec<(&'static str, InputCheck)>, Vec<Input>) {
        let mut checks = Vec::new();
        let mut inputs = Vec::new();
        for name in BLS_FILES {
            let Some(&read) = fingerprints.get(name) else {
                continue;
            };
            let (check, input) = self.compare(name, read, provenance);
            checks.push((name, check));
            inputs.push(input);
        }
        (checks, inputs)
    }

    /// How a file read compares with its record: refused if it matches neither BLS's published
    /// file nor the converter's output.
    fn compare(
        &mut self,
        name: &'static str,
        read: Fingerprint,
        provenance: Option<&Provenance>,
    ) -> (InputCheck, Input) {
        let record = provenance.and_then(|p| p.files.get(name));
        let written = provenance.and_then(|p| p.written.get(name));
        let input = Input {
            file: name.to_string(),
            url: record.map_or_else(|| format!("{BLS_BASE_URL}{name}"), |(url, _)| url.clone()),
            published: record.map(|(_, published)| *published),
            read,
        };
        let check = match (input.is_as_published(), written) {
            (Some(true), _) => InputCheck::AsPublished,
            (_, Some(written)) if *written == read => InputCheck::AsConverted,
            (None, None) => InputCheck::Unrecorded,
            (_, written) => {
                let expected = record
                    .map(|(_, p)| format!("BLS's published {} ({} bytes)", p.sha256, p.bytes))
                    .into_iter()
                    .chain(
                        written
                            .map(|w| format!("the converter's {} ({} bytes)", w.sha256, w.bytes)),
                    )
                    .collect::<Vec<_>>();
                let expected = match expected.as_slice() {
                    [one] => format!("is not {one}"),
                    many => format!("is neither {}", many.join(" nor ")),
                };
                self.problem(
                    name,
                    None,
                    format!(
                        "SHA-256 {} ({} bytes) {expected}: the file changed after it was downloaded or converted",
                        read.sha256, read.bytes
                    ),
                    "download the file again, or run data/oews/package-to-bls.py again",
                );
                InputCheck::Unrecorded
            }
        };
        (check, input)
    }
}

#[derive(Deserialize)]
struct RawProvenance {
    release: RawProvenanceRelease,
    published: String,
    retrieved: String,
    files: BTreeMap<String, RawPublished>,
    conversion: Option<RawConversion>,
}

#[derive(Deserialize)]
struct RawProvenanceRelease {
    code: String,
}

#[derive(Deserialize)]
struct RawPublished {
    url: String,
    bytes: u64,
    sha256: String,
    date: String,
}

#[derive(Deserialize)]
struct RawConversion {
    package: String,
    wheel: Option<RawWheel>,
    database_file: String,
    database_file_sha256: String,
    database_sha256: Option<String>,
    script: String,
    written: BTreeMap<String, RawWritten>,
}

#[derive(Deserialize)]
struct RawWheel {
    file: String,
    sha256: String,
}

#[derive(Deserialize)]
struct RawWritten {
    bytes: u64,
    sha256: String,
}
