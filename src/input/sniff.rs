//! Does a file look like a letter? Decided from the content, with [`detect_format`] for the
//! document formats and a look at the lines for text: prose is a letter, configuration, data and
//! code are not. A tool reading a whole folder uses it to leave out the files beside the letters
//! (expectation files, labels, scripts, images) without going by their names.

use crate::vocab::InputFormat;

use super::detect_format;

/// How much of a text file is looked at.
const HEAD: usize = 64 * 1024;
/// How many non-blank lines of it are weighed.
const LINES: usize = 200;

/// Whether `bytes` look like a letter: something [`super::read_document`] reads as one, or a
/// document format it recognises and would report as unreadable (so that a letter in a format
/// it cannot read is not left out unseen). `name` only breaks ties, as in [`detect_format`].
///
/// - yes: an e-mail, an HTML page, a PDF, a Word document (`.docx`, and a legacy `.doc`, an
///   Outlook message or an encrypted Office file: the OLE files a letter arrives in), an
///   OpenDocument text, an RTF file; and text whose lines are mostly prose, including text in
///   another encoding than UTF-8 (Latin-1, UTF-16 with its byte-order mark), which
///   [`super::read_document`] then reports as not UTF-8.
/// - no: nothing but white space; binary data (NUL bytes, control characters, or bytes that are
///   neither UTF-8 nor text in another encoding); other zip archives and OLE files
///   (spreadsheets, presentations, thumbnails); JSON; XML that is not HTML; text whose lines are
///   mostly configuration or code (`key = value`, `[table]`, `"key": value`, `key: value` with a
///   lower-case key, quoted list items, lines that open or close a brace) or a table of values
///   (each line with the same two or more commas, tabs or semicolons).
///
/// ```
/// use foi_refusal::input::looks_like_letter;
///
/// let letter = "Dear Ms Smith,\n\nWe hold the information you asked for, but it is \
///               withheld under section 43(2) of the Act.\n\nYours sincerely,\nThe FOI team\n";
/// assert!(looks_like_letter(letter.as_bytes(), Some("reply.txt")));
/// let expectations = "relied_on = [\"foia:s43\"]\noutcome = \"refused\"\n";
/// assert!(!looks_like_letter(expectations.as_bytes(), Some("reply.toml")));
/// assert!(!looks_like_letter(b"{\"id\": 1, \"text\": \"We withhold it.\"}", None));
/// assert!(!looks_like_letter(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", None));
/// ```
pub fn looks_like_letter(bytes: &[u8], name: Option<&str>) -> bool {
    match detect_format(bytes, name) {
        // A page starts with its markup; a program or a note that only holds `<body` somewhere
        // is read as text.
        InputFormat::Html if starts_with_markup(bytes) => true,
        InputFormat::Email
        | InputFormat::Pdf
        | InputFormat::Docx
        | InputFormat::Odt
        | InputFormat::Rtf => true,
        InputFormat::Doc => ole_letter(bytes),
        InputFormat::Text | InputFormat::Html => text_letter(&bytes[..bytes.len().min(HEAD)]),
        _ => false,
    }
}

/// Bytes whose first character other than white space and a byte-order mark is `<`.
fn starts_with_markup(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<')
}

/// An OLE compound file holding a Word document, an Outlook message or an encrypted Office
/// document (whose kind cannot be told), found by the names of their streams (UTF-16LE).
fn ole_letter(bytes: &[u8]) -> bool {
    ["WordDocument", "__substg1.0_", "EncryptionInfo"]
        .iter()
        .any(|stream| {
            let utf16: Vec<u8> = stream.encode_utf16().flat_map(u16::to_le_bytes).collect();
            memchr::memmem::find(bytes, &utf16).is_some()
        })
}

/// Text (the first [`HEAD`] bytes of it) whose lines are mostly prose.
fn text_letter(head: &[u8]) -> bool {
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        // UTF-16 with its byte-order mark: text, which the reader reports as not UTF-8.
        return true;
    }
    let text = match std::str::from_utf8(head) {
        Ok(t) => std::borrow::Cow::Borrowed(t),
        // Cut inside a character at the end of the head: the part before it.
        Err(e) if e.error_len().is_none() => {
            std::borrow::Cow::Borrowed(std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or(""))
        }
        Err(_) if single_byte_text(head) => String::from_utf8_lossy(head),
        Err(_) => return false,
    };
    if text.contains(|c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c')) {
        return false;
    }
    let text = text.trim_start_matches('\u{feff}').trim_start();
    if text.starts_with('{') || text.starts_with("<?xml") || json_array(text) {
        return false;
    }
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(LINES)
        .collect();
    if separated_values(&lines) {
        return false;
    }
    let (mut prose, mut structure) = (0usize, 0usize);
    let mut in_string = false;
    for line in &lines {
        // The lines of a multi-line string (TOML's `"""`, Python's `'''`) are neither.
        let toggles = line.matches("\"\"\"").count() + line.matches("'''").count();
        let was_in_string = in_string;
        in_string ^= toggles % 2 == 1;
        if was_in_string && toggles == 0 {
            continue;
        }
        if structured_line(line) {
            structure += 1;
        } else if !was_in_string && words(line) >= 3 {
            prose += 1;
        }
    }
    // A short note of a few words is a letter too, when nothing in it is structured.
    prose > structure || (structure == 0 && lines.iter().any(|l| words(l) > 0))
}

/// Text in a single-byte encoding (Latin-1, Windows-1252): bytes above 0x7F are a small share.
fn single_byte_text(head: &[u8]) -> bool {
    let high = head.iter().filter(|b| **b >= 0x80).count();
    high * 10 <= head.len()
}

/// A JSON array: `[` and then an object, a string, a number, another array or its end.
fn json_array(text: &str) -> bool {
    text.strip_prefix('[').is_some_and(|rest| {
        rest.trim_start()
            .starts_with(|c: char| matches!(c, '{' | '"' | '[' | ']') || c.is_ascii_digit())
    })
}

/// Lines that each hold the same number (two or more) of one separator: a CSV or TSV table.
fn separated_values(lines: &[&str]) -> bool {
    if lines.len() < 3 {
        return false;
    }
    [',', '\t', ';', '|'].iter().any(|sep| {
        let first = lines[0].matches(*sep).count();
        first >= 2 && lines.iter().all(|l| l.matches(*sep).count() == first)
    })
}

/// Alphabetic words on a line.
fn words(line: &str) -> usize {
    line.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count()
}

/// A line of configuration, data or code rather than prose.
fn structured_line(line: &str) -> bool {
    let key_char =
        |c: char| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '"' | '\'' | '[' | ']');
    // `key = value` (TOML, INI, shell, `m["key"] = value`), not `==`.
    let assignment = line.split_once('=').is_some_and(|(key, value)| {
        let key = key.trim_end();
        !key.is_empty() && key.chars().all(key_char) && !value.starts_with('=')
    });
    // `[table]`, `[[array]]`.
    let table = line.starts_with('[')
        && line.ends_with(']')
        && !line.contains(char::is_whitespace)
        && line.len() > 2;
    // `"key": value` (JSON), `key: value` with a lower-case key (YAML), `- key: value`.
    let keyed = {
        let l = line.strip_prefix("- ").unwrap_or(line);
        let quoted_key = l.starts_with('"')
            && l[1..]
                .find('"')
                .is_some_and(|i| l[1 + i + 1..].trim_start().starts_with(':'));
        let yaml_key = l.split_once(':').is_some_and(|(key, rest)| {
            !key.is_empty()
                && key.starts_with(|c: char| c.is_ascii_lowercase())
                && key
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                && (rest.is_empty() || rest.starts_with(' '))
                && key.contains('_')
        });
        quoted_key || yaml_key
    };
    // A quoted item of a list: `"text",`.
    let item = (line.starts_with('"') && (line.ends_with("\",") || line.ends_with("\"]")))
        || (line.starts_with('\'') && line.ends_with("',"));
    // Code: a line that opens or closes a block, a comment of C's family, a tag alone.
    let code = ["{", "}", "};", ");", "],", "},", "(", "["]
        .iter()
        .any(|end| line.ends_with(end))
        || ["}", "]", ")", "//", "/*", "*/", "#!"]
            .iter()
            .any(|start| line.starts_with(start))
        || (line.starts_with('<') && line.ends_with('>'))
        || call(line);
    assignment || table || keyed || item || code
}

/// A function call: a lower-case name and `(` with no space between, as in `open(name)` (not
/// `section 40(2)`, where a number comes first, nor the plurals `officer(s)`, `box(es)`).
fn call(line: &str) -> bool {
    let b = line.as_bytes();
    b.windows(2).enumerate().any(|(i, w)| {
        (w[0].is_ascii_lowercase() || w[0] == b'_')
            && w[1] == b'('
            && !b[i + 2..].starts_with(b"s)")
            && !b[i + 2..].starts_with(b"es)")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const LETTER: &str = "Dear Mr Jones,\n\nThank you for your request of 3 March.\n\n\
        We hold the figures, but the unit prices are withheld under section 43(2), as \
        their release would harm the supplier.\nThe rest is attached.\n\nYours sincerely,\n\
        Information Governance\n";

    fn yes(text: &str) {
        assert!(looks_like_letter(text.as_bytes(), None), "{text:?}");
    }

    fn no(text: &str) {
        assert!(!looks_like_letter(text.as_bytes(), None), "{text:?}");
    }

    #[test]
    fn letters_in_text_are_letters() {
        yes(LETTER);
        yes(&format!("# source: https://example.org/answer/1\n{LETTER}"));
        yes("We are withholding the list under section 40(2).");
        yes("See attached.");
        yes("The name(s) of the officer(s) in box(es) 3 are withheld under s.40(2)(a).");
        // A letter with a few lines that look like settings, a table and a redaction mark.
        yes(&format!(
            "[REDACTED]\nTotal = 40 hours\n{LETTER}Year | Cost | Notes\n2023 | 400 | none\n"
        ));
        // A markdown note is prose too: the content decides, not the name.
        yes("# Notes\n\nThese are the replies we had from the council this spring.\n");
    }

    #[test]
    fn configuration_data_and_code_are_not() {
        no(
            "description = \"A council withholds the rates under s.43 in its reply to the \
            requester, and says the public interest favours withholding.\"\n\
            relied_on = [\"foia:s43\"]\noutcome = \"refused\"\njurisdiction = \"foia\"\n",
        );
        no(
            "[rule]\nid = \"foia:s43\"\ntitle = \"Commercial interests\"\n\n[[cue]]\n\
            phrase = \"commercial interests\"\nexamples = [\n  \"We withhold the prices as \
            commercially sensitive.\",\n  \"The rates are withheld under section 43.\",\n]\n",
        );
        no(
            "notes = \"\"\"\nThe reply refuses the request in words only, with no section \
            number anywhere in it.\nIt is a long note.\nOf several lines of prose.\n\"\"\"\n\
            relied_on = []\n",
        );
        no("{\"id\": \"a\", \"text\": \"We withhold it under section 43.\"}\n");
        no("[{\"id\": 1}, {\"id\": 2}]");
        no("<?xml version=\"1.0\"?>\n<letters><letter>We refuse it.</letter></letters>\n");
        no(
            "id,authority,outcome,relied_on\n1,A council,refused,foia:s43\n\
            2,Another council,granted,\n3,A third one,partial,foia:s40\n",
        );
        no("relied_on:\n  - foia:s43\nkind: decision\npublic_interest_test: true\n");
        no("//! A module.\n\nuse std::io;\n\nfn main() {\n    let letters = read();\n}\n");
        no("\"\"\"Makes the fixtures from the letter and its notes in this folder.\n\"\"\"\n\
            import datetime\nfrom email.message import EmailMessage\n\ntext = open(\"a.txt\").read()\n\
            for para in text.split(\"\\n\\n\"):\n    print(para.replace(\"a\", \"b\"))\n\
            m[\"From\"] = \"Leisure Services <foi@example.org>\"\n");
        no(
            "//! Writes a page.\n\nconst HEAD: &str = r#\"<!DOCTYPE html>\n<html>\n<body>\"#;\n\
            fn page() -> String {\n    format!(\"{HEAD}</body>\")\n}\n",
        );
        no("#!/bin/sh\nset -e\ncargo test --workspace --all-features --release\n");
    }

    #[test]
    fn empty_and_binary_input_is_not() {
        no("");
        no("  \n\t\n");
        assert!(!looks_like_letter(
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0",
            None
        ));
        assert!(!looks_like_letter(b"\xff\xd8\xff\xe0\0\x10JFIF\0", None));
        let noise: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        assert!(!looks_like_letter(&noise, None));
        // A zip that is neither Word nor OpenDocument, an OLE spreadsheet.
        assert!(!looks_like_letter(b"PK\x03\x04....xl/workbook.xml", None));
        let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        let mut xls = ole.to_vec();
        xls.extend("Workbook".encode_utf16().flat_map(u16::to_le_bytes));
        assert!(!looks_like_letter(&xls, Some("figures.xls")));
    }

    #[test]
    fn documents_are_letters_whatever_their_name() {
        assert!(looks_like_letter(b"%PDF-1.4\n...", Some("a.bin")));
        assert!(looks_like_letter(
            b"From: foi@example.org\nTo: me@example.org\nSubject: FOI 123\n\nWe refuse.",
            Some("a.dat")
        ));
        assert!(looks_like_letter(b"<html><body><p>We refuse.</p>", None));
        assert!(looks_like_letter(b"PK\x03\x04....word/document.xml", None));
        assert!(looks_like_letter(b"{\\rtf1\\ansi We refuse.}", None));
        let mut doc = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        doc.extend("WordDocument".encode_utf16().flat_map(u16::to_le_bytes));
        assert!(looks_like_letter(&doc, Some("reply.doc")));
    }

    #[test]
    fn text_in_other_encodings_is_a_letter_the_reader_reports() {
        let latin1: Vec<u8> = LETTER
            .replace("request", "requ\u{ea}te")
            .chars()
            .map(|c| c as u32 as u8)
            .collect();
        assert!(std::str::from_utf8(&latin1).is_err());
        assert!(looks_like_letter(&latin1, None));
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(LETTER.encode_utf16().flat_map(u16::to_le_bytes));
        assert!(looks_like_letter(&utf16, None));
        // A head cut inside a character is not a reason to refuse.
        let long = format!("{LETTER}{}", "é".repeat(HEAD));
        assert!(looks_like_letter(long.as_bytes(), None));
    }
}
