//! Reads BLS's flat files: tab-separated text under a header row, fields padded with spaces,
//! lines ending in CRLF; each file's size and SHA-256 taken from the very bytes read.

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use sha2::{Digest, Sha256};

/// A SHA-256 digest, written as 64 lower-case hex digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sha256Sum(pub [u8; 32]);

impl Sha256Sum {
    pub fn of(bytes: &[u8]) -> Sha256Sum {
        Sha256Sum(Sha256::digest(bytes).into())
    }

    /// Reads 64 hex digits (lower or upper case).
    pub fn parse(text: &str) -> Option<Sha256Sum> {
        if text.len() != 64 || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let mut out = [0u8; 32];
        for (byte, pair) in out.iter_mut().zip(text.as_bytes().chunks(2)) {
            let pair = std::str::from_utf8(pair).ok()?;
            *byte = u8::from_str_radix(pair, 16).ok()?;
        }
        Some(Sha256Sum(out))
    }
}

impl fmt::Display for Sha256Sum {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.iter().try_for_each(|b| write!(f, "{b:02x}"))
    }
}

/// What reading a file found: how many bytes, and their SHA-256.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint {
    pub bytes: u64,
    pub sha256: Sha256Sum,
}

/// A reader that hashes and counts every byte that passes through it.
struct Hashing<R> {
    inner: R,
    hasher: Sha256,
    bytes: u64,
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }
}

/// Reads a small file whole: its text and its fingerprint.
pub fn read_small(path: &Path) -> io::Result<(String, Fingerprint)> {
    let bytes = std::fs::read(path)?;
    let fingerprint = Fingerprint {
        bytes: bytes.len() as u64,
        sha256: Sha256Sum::of(&bytes),
    };
    Ok((decode(bytes), fingerprint))
}

/// Calls `line` with each 1-based line number and line (without its CR or LF) of a file too big
/// to hold whole, hashing it on the way; returns the file's fingerprint.
pub fn stream_lines(path: &Path, mut line: impl FnMut(usize, &str)) -> io::Result<Fingerprint> {
    let mut reader = BufReader::with_capacity(
        1 << 20,
        Hashing {
            inner: File::open(path)?,
            hasher: Sha256::new(),
            bytes: 0,
        },
    );
    let mut buf = Vec::with_capacity(256);
    let mut number = 0;
    loop {
        buf.clear();
        if reader.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        number += 1;
        let text = trim_line_end(&buf);
        match std::str::from_utf8(text) {
            Ok(text) => line(number, text),
            Err(_) => line(number, &decode(text.to_vec())),
        }
    }
    let hashing = reader.into_inner();
    Ok(Fingerprint {
        bytes: hashing.bytes,
        sha256: Sha256Sum(hashing.hasher.finalize().into()),
    })
}

fn trim_line_end(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// BLS's files are ASCII today. Should one carry other bytes, UTF-8 is tried first, then
/// Windows-1252, the code page older BLS files were read with; nothing is refused for its bytes.
pub fn decode(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|err| {
        err.into_bytes()
            .into_iter()
            .map(|b| match b {
                0x80..=0x9f => WINDOWS_1252[usize::from(b - 0x80)],
                _ => char::from(b),
            })
            .collect()
    })
}

/// Windows-1252's characters for bytes 0x80 to 0x9F (the rest of the page is Latin-1).
const WINDOWS_1252: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// The fields of a line, split at tabs, each without BLS's padding spaces.
pub fn fields(line: &str) -> Vec<&str> {
    line.split('\t').map(str::trim).collect()
}

/// Where each of `wanted` stands in a header row; the columns BLS adds or reorders are fine.
pub fn columns(header: &str, wanted: &[&str]) -> Result<Vec<usize>, String> {
    let names = fields(header);
    wanted
        .iter()
        .map(|want| {
            names.iter().position(|name| name == want).ok_or_else(|| {
                format!(
                    "the header has no `{want}` column (it has: {})",
                    names.join(", ")
                )
            })
        })
        .collect()
}

/// The rows of a small file after its header, with their 1-based line numbers; blank lines skipped.
pub fn rows(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .skip(1)
        .map(|(i, line)| (i + 1, line.strip_suffix('\r').unwrap_or(line)))
        .filter(|(_, line)| !line.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_as_sha256sum_does() {
        assert_eq!(
            Sha256Sum::of(b"abc").to_string(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        let text = Sha256Sum::of(b"").to_string();
        assert_eq!(Sha256Sum::parse(&text), Some(Sha256Sum::of(b"")));
        assert_eq!(
            Sha256Sum::parse(&text.to_uppercase()),
            Some(Sha256Sum::of(b""))
        );
        assert_eq!(Sha256Sum::parse(&text[1..]), None);
        assert_eq!(Sha256Sum::parse(&format!("{}g", &text[1..])), None);
    }

    #[test]
    fn finds_columns_by_name_in_a_padded_header() {
        let header = "series_id                     \tyear\tperiod\t       value\tfootnote_codes";
        assert_eq!(columns(header, &["value", "series_id"]), Ok(vec![3, 0]));
        let err = columns(header, &["area_code"]).unwrap_err();
        assert!(err.contains("no `area_code` column"), "{err}");
        assert_eq!(
            fields("OEUN000000000000029902113     \t2025\tA01\t       51140\t"),
            ["OEUN000000000000029902113", "2025", "A01", "51140", ""]
        );
    }

    #[test]
    fn numbers_rows_from_the_line_after_the_header() {
        let rows: Vec<_> = rows("h\r\na\r\n\r\nb\r\n").collect();
        assert_eq!(rows, [(2, "a"), (4, "b")]);
    }

    #[test]
    fn decodes_windows_1252_when_the_bytes_are_not_utf8() {
        assert_eq!(decode(b"caf\xe9 \x96 ok".to_vec()), "café – ok");
        assert_eq!(decode("café".as_bytes().to_vec()), "café");
    }

    #[test]
    fn streams_lines_and_fingerprints_the_bytes_read() {
        let dir = std::env::temp_dir().join(format!("him-guide-flat-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("oe.data.0.Current");
        let text = b"h\r\nOEU\t2025\r\nlast";
        std::fs::write(&path, text).unwrap();
        let mut seen = Vec::new();
        let fingerprint = stream_lines(&path, |n, line| seen.push((n, line.to_string()))).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(
            seen,
            [(1, "h".into()), (2, "OEU\t2025".into()), (3, "last".into())]
        );
        assert_eq!(fingerprint.bytes, text.len() as u64);
        assert_eq!(fingerprint.sha256, Sha256Sum::of(text));
    }
}
