//! A minimal ZIP archive: stored entries (no compression), CRC-32, UTF-8 names.
//!
//! Written by hand rather than taken from a crate because it is a few dozen lines
//! and every dependency weighs on the WebAssembly download. Multi-file exports (brat,
//! one HTML report per document) become one archive; the reader opens archives this
//! writer made (and any other with stored entries) so they can be imported back.
//! Timestamps are fixed (1980-01-01) so the same export gives the same bytes.

use thiserror::Error;

use super::OutputFile;

/// Why an archive could not be written or read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ArchiveError {
    /// More than ZIP's 65 535 entries or 4 GiB.
    #[error("too large for a ZIP archive without ZIP64 ({0})")]
    TooLarge(&'static str),
    /// Not a ZIP archive, or a damaged one.
    #[error("not a readable ZIP archive: {0}")]
    Malformed(String),
    /// An entry is compressed; only stored entries are read.
    #[error("entry {0:?} is compressed; unzip the archive and import its files")]
    Compressed(String),
    /// An entry's checksum does not match its contents.
    #[error("entry {0:?} is damaged (CRC-32 mismatch)")]
    Checksum(String),
}

/// The CRC-32 (IEEE 802.3, as ZIP uses) of `bytes`.
pub fn crc32(bytes: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut table = [0u32; 256];
        let mut i = 0;
        while i < 256 {
            let mut c = i as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
                k += 1;
            }
            table[i] = c;
            i += 1;
        }
        table
    };
    !bytes.iter().fold(!0u32, |c, &b| {
        TABLE[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8)
    })
}

const LOCAL: u32 = 0x0403_4b50;
const CENTRAL: u32 = 0x0201_4b50;
const END: u32 = 0x0605_4b50;
/// General-purpose flag bit 11: names are UTF-8.
const UTF8_NAMES: u16 = 0x0800;
/// MS-DOS date of 1980-01-01.
const DOS_DATE: u16 = (1 << 5) | 1;

fn u16_of(n: usize, what: &'static str) -> Result<u16, ArchiveError> {
    u16::try_from(n).map_err(|_| ArchiveError::TooLarge(what))
}
fn u32_of(n: usize, what: &'static str) -> Result<u32, ArchiveError> {
    u32::try_from(n).map_err(|_| ArchiveError::TooLarge(what))
}

/// Packs `files` into a ZIP archive, in order, uncompressed.
///
/// # Errors
/// [`ArchiveError::TooLarge`] past ZIP's limits without ZIP64.
pub fn zip(files: &[OutputFile]) -> Result<Vec<u8>, ArchiveError> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for f in files {
        let name = f.name.as_bytes();
        let offset = u32_of(out.len(), "archive size")?;
        let crc = crc32(&f.bytes);
        let size = u32_of(f.bytes.len(), "file size")?;
        let name_len = u16_of(name.len(), "file name")?;
        let common = |buf: &mut Vec<u8>| {
            put16(buf, 20); // version needed: 2.0
            put16(buf, UTF8_NAMES);
            put16(buf, 0); // method: stored
            put16(buf, 0); // time 00:00
            put16(buf, DOS_DATE);
            put32(buf, crc);
            put32(buf, size);
            put32(buf, size);
            put16(buf, name_len);
            put16(buf, 0); // extra field length
        };
        put32(&mut out, LOCAL);
        common(&mut out);
        out.extend_from_slice(name);
        out.extend_from_slice(&f.bytes);

        put32(&mut central, CENTRAL);
        put16(&mut central, 20); // made by: 2.0, MS-DOS attributes
        common(&mut central);
        put16(&mut central, 0); // comment length
        put16(&mut central, 0); // disk number
        put16(&mut central, 0); // internal attributes
        put32(&mut central, 0); // external attributes
        put32(&mut central, offset);
        central.extend_from_slice(name);
    }
    let count = u16_of(files.len(), "number of files")?;
    let cd_offset = u32_of(out.len(), "archive size")?;
    let cd_size = u32_of(central.len(), "archive size")?;
    out.extend_from_slice(&central);
    put32(&mut out, END);
    put16(&mut out, 0);
    put16(&mut out, 0);
    put16(&mut out, count);
    put16(&mut out, count);
    put32(&mut out, cd_size);
    put32(&mut out, cd_offset);
    put16(&mut out, 0);
    Ok(out)
}

fn put16(buf: &mut Vec<u8>, v: u16) {
    buf.extend_from_slice(&v.to_le_bytes());
}
fn put32(buf: &mut Vec<u8>, v: u32) {
    buf.extend_from_slice(&v.to_le_bytes());
}

/// `len` bytes at `at`; offsets come from the file, so the sums are checked.
fn take(b: &[u8], at: usize, len: usize) -> Result<&[u8], ArchiveError> {
    at.checked_add(len)
        .and_then(|end| b.get(at..end))
        .ok_or_else(|| ArchiveError::Malformed("truncated".into()))
}
fn get16(b: &[u8], at: usize) -> Result<u16, ArchiveError> {
    take(b, at, 2).map(|s| u16::from_le_bytes([s[0], s[1]]))
}
fn get32(b: &[u8], at: usize) -> Result<u32, ArchiveError> {
    take(b, at, 4).map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

/// Reads the files of a ZIP archive with stored entries; folders are skipped.
///
/// # Errors
/// Not a ZIP archive, truncated, a compressed entry, or a checksum mismatch.
pub fn read(bytes: &[u8]) -> Result<Vec<OutputFile>, ArchiveError> {
    // The end record is the last 22 bytes plus a comment of at most 65 535 bytes.
    let lowest = bytes.len().saturating_sub(22 + 0xFFFF);
    let end = (lowest..=bytes.len().saturating_sub(22))
        .rev()
        .find(|&i| get32(bytes, i) == Ok(END))
        .ok_or_else(|| ArchiveError::Malformed("no end-of-archive record".into()))?;
    let count = usize::from(get16(bytes, end + 10)?);
    let mut at = get32(bytes, end + 16)? as usize;
    let mut out = Vec::with_capacity(count);
    // Stored entries cannot hold more than the archive itself: a larger total means
    // entries share their contents, which a small file could use to fill memory.
    let mut total = 0usize;
    for _ in 0..count {
        if get32(bytes, at)? != CENTRAL {
            return Err(ArchiveError::Malformed("bad central directory".into()));
        }
        let method = get16(bytes, at + 10)?;
        let crc = get32(bytes, at + 16)?;
        let size = get32(bytes, at + 20)? as usize;
        let name_len = usize::from(get16(bytes, at + 28)?);
        let extra_len = usize::from(get16(bytes, at + 30)?);
        let comment_len = usize::from(get16(bytes, at + 32)?);
        let local = get32(bytes, at + 42)? as usize;
        let name_bytes = take(bytes, at + 46, name_len)?;
        let name = String::from_utf8_lossy(name_bytes).into_owned();
        at += 46 + name_len + extra_len + comment_len;
        if name.ends_with('/') {
            continue;
        }
        if method != 0 {
            return Err(ArchiveError::Compressed(name));
        }
        if get32(bytes, local)? != LOCAL {
            return Err(ArchiveError::Malformed(format!(
                "bad local header for {name:?}"
            )));
        }
        let header =
            30 + usize::from(get16(bytes, local + 26)?) + usize::from(get16(bytes, local + 28)?);
        let contents = take(bytes, local.saturating_add(header), size)?;
        total = total.saturating_add(size);
        if total > bytes.len() {
            return Err(ArchiveError::Malformed(
                "entries overlap (their contents add up to more than the archive)".into(),
            ));
        }
        if crc32(contents) != crc {
            return Err(ArchiveError::Checksum(name));
        }
        out.push(OutputFile {
            name,
            bytes: contents.to_vec(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_sharing_their_contents_are_refused() {
        let one = zip(&[OutputFile {
            name: "a.txt".into(),
            bytes: vec![b'x'; 1000],
        }])
        .unwrap();
        // Append a second central entry pointing at the same local header.
        let end = one.len() - 22;
        let cd_offset = get32(&one, end + 16).unwrap() as usize;
        let entry = one[cd_offset..end].to_vec();
        let mut bomb = one[..end].to_vec();
        bomb.extend_from_slice(&entry);
        let mut tail = one[end..].to_vec();
        tail[8..10].copy_from_slice(&2u16.to_le_bytes());
        tail[10..12].copy_from_slice(&2u16.to_le_bytes());
        let cd_size = (entry.len() * 2) as u32;
        tail[12..16].copy_from_slice(&cd_size.to_le_bytes());
        bomb.extend_from_slice(&tail);
        let err = read(&bomb).unwrap_err();
        assert!(err.to_string().contains("overlap"), "{err}");
    }

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn archives_read_back() {
        let files = vec![
            OutputFile {
                name: "a.txt".into(),
                bytes: b"hello".to_vec(),
            },
            OutputFile {
                name: "dir/é😀.ann".into(),
                bytes: Vec::new(),
            },
        ];
        let bytes = zip(&files).unwrap();
        assert_eq!(read(&bytes).unwrap(), files);
        assert_eq!(zip(&files).unwrap(), bytes, "same input, same bytes");
    }

    #[test]
    fn damage_is_reported() {
        let files = vec![OutputFile {
            name: "a.txt".into(),
            bytes: b"hello".to_vec(),
        }];
        let mut bytes = zip(&files).unwrap();
        bytes[36] ^= 1; // inside the contents (30-byte header, 5-byte name)
        assert!(matches!(read(&bytes), Err(ArchiveError::Checksum(_))));
        assert!(read(b"not a zip").is_err());
        assert!(read(&bytes[..20]).is_err());
    }
}
