//! The articles bundle: many article files in one, so a page fetches its articles in one
//! request, separately from the engine, and hands them to the wasm as bytes (no decoding
//! to JavaScript strings and back).
//!
//! Format (`docs/format.md`): the line `article-explorer bundle 1`, then per file a header
//! line `<byte length> <file name>` and exactly that many bytes of the file, then a line
//! break. Lengths frame the files, so a file may hold any bytes; names are UTF-8 without
//! line breaks.

/// The first line of every bundle.
pub const MAGIC: &str = "article-explorer bundle 1\n";

/// Writes a bundle of `(file name, contents)`, in the order given.
pub fn write<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Vec<u8> {
    let mut out = MAGIC.as_bytes().to_vec();
    for (name, bytes) in files {
        out.extend_from_slice(format!("{} {}\n", bytes.len(), name.replace('\n', " ")).as_bytes());
        out.extend_from_slice(bytes);
        out.push(b'\n');
    }
    out
}

/// Reads a bundle into its `(file name, contents)`, in order; a bundle that is not one
/// is an error saying where and why.
pub fn read(bundle: &[u8]) -> Result<Vec<(&str, &[u8])>, String> {
    let rest = bundle
        .strip_prefix(MAGIC.as_bytes())
        .ok_or("not an articles bundle (it does not start with \"article-explorer bundle 1\")")?;
    files(rest, MAGIC.len())
}

/// The files of `rest`, the part of a bundle from byte `base` on (after its first line, at
/// a file's start); errors name bytes counted from the bundle's start.
pub fn files(mut rest: &[u8], base: usize) -> Result<Vec<(&str, &[u8])>, String> {
    let total = rest.len();
    let mut files = Vec::new();
    while !rest.is_empty() {
        let at = base + total - rest.len();
        let bad = |why: &str| format!("articles bundle, byte {at}: {why}");
        let line_end = rest
            .iter()
            .position(|&b| b == b'\n')
            .ok_or_else(|| bad("a header line without its line break"))?;
        let header = std::str::from_utf8(rest.get(..line_end).unwrap_or(&[]))
            .map_err(|_| bad("a header line that is not UTF-8"))?;
        let (len, name) = header
            .split_once(' ')
            .ok_or_else(|| bad("a header line that is not \"<length> <name>\""))?;
        let len: usize = len
            .parse()
            .map_err(|_| bad("a header line whose length is not a number"))?;
        let body = rest.get(line_end + 1..).unwrap_or(&[]);
        let bytes = body.get(..len).ok_or_else(|| {
            bad(&format!(
                "{name}: {len} bytes announced, {} left",
                body.len()
            ))
        })?;
        rest = body.get(len..).unwrap_or(&[]);
        rest = rest
            .strip_prefix(b"\n")
            .ok_or_else(|| bad(&format!("{name}: no line break after its {len} bytes")))?;
        files.push((name, bytes));
    }
    Ok(files)
}

/// The first whole file at the start of `rest` (what follows the bundle's first line, or
/// a later file's end): its name, its bytes and how many bytes of `rest` it takes. `None`
/// when `rest` does not hold a whole file yet — or is not a bundle at all, which [`read`]
/// then tells, once the bytes are all there.
pub fn first_file(rest: &[u8]) -> Option<(&str, &[u8], usize)> {
    let line_end = rest.iter().position(|&b| b == b'\n')?;
    let header = std::str::from_utf8(rest.get(..line_end)?).ok()?;
    let (len, name) = header.split_once(' ')?;
    let len: usize = len.parse().ok()?;
    let start = line_end + 1;
    let bytes = rest.get(start..start.checked_add(len)?)?;
    (rest.get(start + len) == Some(&b'\n')).then_some((name, bytes, start + len + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let files: [(&str, &[u8]); 3] = [
            ("a.txt", b"Title\n\nText.\n"),
            ("b c.txt", b"no final newline, \n\n and blank lines \xff"),
            ("empty.txt", b""),
        ];
        let bundle = write(files);
        assert_eq!(read(&bundle).unwrap(), files);
        assert_eq!(read(MAGIC.as_bytes()).unwrap(), []);
        // File by file, as a download arrives: none before its last byte (and line break).
        let mut rest = &bundle[MAGIC.len()..];
        for (name, bytes) in files {
            let whole = first_file(rest).unwrap();
            let (n, b, used) = whole;
            assert_eq!((n, b), (name, bytes));
            for cut in 0..used {
                assert_eq!(first_file(&rest[..cut]), None, "{name} cut at {cut}");
            }
            rest = &rest[used..];
        }
        assert!(rest.is_empty());
    }

    #[test]
    fn errors_say_where_and_why() {
        let cases: [(&[u8], &str); 6] = [
            (b"", "not an articles bundle"),
            (
                b"article-explorer bundle 1\n5 a.txt",
                "byte 26: a header line without",
            ),
            (
                b"article-explorer bundle 1\nx a.txt\n",
                "byte 26: a header line whose length",
            ),
            (
                b"article-explorer bundle 1\n9 a.txt\nabc",
                "a.txt: 9 bytes announced, 3 left",
            ),
            (
                b"article-explorer bundle 1\n3 a.txt\nabcd",
                "a.txt: no line break after",
            ),
            (b"article-explorer bundle 1\n3\n", "not \"<length> <name>\""),
        ];
        for (bytes, expected) in cases {
            let error = read(bytes).unwrap_err();
            assert!(
                error.contains(expected),
                "{error:?} should contain {expected:?}"
            );
        }
    }
}
