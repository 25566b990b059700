//! The input stage: a file as it arrives (plain text, an e-mail, an HTML page, a PDF) turned into
//! the plain text the classifier reads, with a map of its parts (the body, each attachment) so
//! that every span can be traced to where the user sees it.
//!
//! Format is detected from the content, with the file name only as a hint. E-mail and HTML need
//! the `formats` feature, PDF the `pdf` feature; without them those inputs get a clear
//! "unsupported format" error.

#[cfg(feature = "formats")]
mod email;
#[cfg(feature = "formats")]
mod html;
#[cfg(feature = "formats")]
mod office;
#[cfg(feature = "pdf")]
mod pdf;

use serde::Serialize;

use crate::error::{Error, ErrorKind};
use crate::vocab::{InputFormat, Part, Span, DEFAULT_MAX_INPUT};

/// A file turned into text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Document {
    /// The text the classifier reads: the parts one after another, separated by blank lines.
    pub text: String,
    /// The format of the whole input.
    pub format: InputFormat,
    /// The parts, in order.
    pub parts: Vec<Part>,
    /// The e-mail's subject, when there is one.
    pub subject: Option<String>,
    /// The e-mail's sender, when there is one.
    pub from: Option<String>,
    /// The date of the reply (RFC 3339, or `YYYY-MM-DD`): the e-mail's `Date` header, when there
    /// is one. Set it yourself for a letter you know the date of; the report's
    /// [`crate::vocab::Timing`] counts working days from it.
    pub date: Option<String>,
    /// The date the request was made (RFC 3339, or `YYYY-MM-DD`), when the caller knows it (the
    /// command-line tool's `--threads` mode sets it from the thread's first outgoing message).
    /// The readers never set it; without it the classifier reads the request's date from the
    /// letter's words ("your request of 3 March 2025").
    pub requested: Option<String>,
    /// Things the reader could not do but that did not stop it (an attachment in an unsupported
    /// format, a PDF without a text layer).
    pub warnings: Vec<String>,
}

impl Document {
    /// The part holding byte `offset` of [`Document::text`].
    pub fn part_at(&self, offset: usize) -> Option<&Part> {
        self.parts
            .iter()
            .find(|p| p.span.start <= offset && offset < p.span.end.max(p.span.start + 1))
    }

    /// A document of one plain-text part.
    pub fn from_text(text: impl Into<String>) -> Document {
        let text = text.into();
        let span = Span::new(0, text.len());
        Document {
            text,
            format: InputFormat::Text,
            parts: vec![Part {
                name: "body".into(),
                format: InputFormat::Text,
                span,
                has_text: true,
                quoted: Vec::new(),
            }],
            subject: None,
            from: None,
            date: None,
            requested: None,
            warnings: Vec::new(),
        }
    }

    /// Appends a part, separated from the previous one by a blank line.
    #[cfg_attr(not(feature = "formats"), allow(dead_code))]
    pub(crate) fn push_part(
        &mut self,
        name: &str,
        format: InputFormat,
        text: &str,
        has_text: bool,
    ) {
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        let start = self.text.len();
        self.text.push_str(text);
        self.parts.push(Part {
            name: name.to_string(),
            format,
            span: Span::new(start, self.text.len()),
            has_text,
            quoted: Vec::new(),
        });
    }

    #[cfg_attr(not(feature = "formats"), allow(dead_code))]
    pub(crate) fn empty(format: InputFormat) -> Document {
        Document {
            text: String::new(),
            format,
            parts: Vec::new(),
            subject: None,
            from: None,
            date: None,
            requested: None,
            warnings: Vec::new(),
        }
    }
}

/// Guesses the format of `bytes` from their content; `name` (a file name) only breaks ties.
pub fn detect_format(bytes: &[u8], name: Option<&str>) -> InputFormat {
    let head = &bytes[..bytes.len().min(4096)];
    let lower_name = name.map(str::to_ascii_lowercase).unwrap_or_default();
    if head.starts_with(b"%PDF-") {
        return InputFormat::Pdf;
    }
    if head.starts_with(b"PK\x03\x04") {
        return detect_zip(bytes);
    }
    if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return InputFormat::Doc;
    }
    if head.starts_with(b"{\\rtf") {
        return InputFormat::Rtf;
    }
    let text = String::from_utf8_lossy(head);
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    let lower = trimmed.to_ascii_lowercase();
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") || lower.contains("<body")
    {
        return InputFormat::Html;
    }
    // An e-mail starts with header fields, and has at least two of the usual ones.
    let headers = [
        "from:",
        "to:",
        "subject:",
        "date:",
        "mime-version:",
        "content-type:",
        "message-id:",
        "received:",
        "return-path:",
    ];
    let header_block = lower.split("\n\n").next().unwrap_or("");
    let first_is_header = lower.lines().next().is_some_and(|l| {
        l.split_once(':')
            .is_some_and(|(k, _)| !k.is_empty() && !k.contains(' '))
    });
    let known = headers
        .iter()
        .filter(|h| header_block.lines().any(|l| l.starts_with(*h)))
        .count();
    if first_is_header && known >= 2 {
        return InputFormat::Email;
    }
    if lower_name.ends_with(".eml") && first_is_header {
        return InputFormat::Email;
    }
    if (lower_name.ends_with(".html") || lower_name.ends_with(".htm")) && lower.contains('<') {
        return InputFormat::Html;
    }
    InputFormat::Text
}

/// A zip archive's format from the names of its members: an OpenDocument text stores its media
/// type in a first, uncompressed `mimetype` member; a Word document has `word/document.xml`.
/// Member names are stored uncompressed (in each member's header and the central directory), so
/// they are found in the bytes without unpacking anything.
fn detect_zip(bytes: &[u8]) -> InputFormat {
    use memchr::memmem::find;
    let head = &bytes[..bytes.len().min(200)];
    if find(head, b"mimetype").is_some() {
        if let Some(i) = find(head, b"application/vnd.oasis.opendocument.") {
            let rest = &head[i + b"application/vnd.oasis.opendocument.".len()..];
            // `text` and not `text-template`, `text-master`...: those are read as text too.
            return if rest.starts_with(b"text") {
                InputFormat::Odt
            } else {
                InputFormat::Zip
            };
        }
    }
    if find(bytes, b"word/document.xml").is_some() {
        return InputFormat::Docx;
    }
    if find(bytes, b"content.xml").is_some() && find(bytes, b"META-INF/manifest.xml").is_some() {
        return InputFormat::Odt;
    }
    InputFormat::Zip
}

fn unsupported(name: &str, format: InputFormat, why: &str) -> Error {
    Error::new(
        ErrorKind::UnsupportedFormat,
        format!("{name}: {} input is not supported ({why})", format.as_str()),
    )
}

/// Reads a file's bytes as a [`Document`]. `name` names the file in errors and hints at its
/// format. A Word or OpenDocument file may unpack to at most [`DEFAULT_MAX_INPUT`]
/// bytes; [`read_document_with_limit`] sets another limit.
///
/// # Errors
///
/// [`ErrorKind::InvalidUtf8`] for text that is not UTF-8; [`ErrorKind::CorruptInput`] for an
/// e-mail, HTML page, PDF, Word or OpenDocument file that cannot be read (a truncated e-mail, a
/// damaged PDF), naming the file and the format; [`ErrorKind::Encrypted`] for a
/// password-protected Word or OpenDocument file; [`ErrorKind::InputTooLarge`] for a Word or
/// OpenDocument file that unpacks past the limit (a zip bomb); [`ErrorKind::UnsupportedFormat`]
/// for a legacy Word `.doc`, an RTF file or another zip archive, or for formats whose feature
/// (`formats`, `pdf`) the crate was built without.
pub fn read_document(bytes: &[u8], name: &str) -> Result<Document, Error> {
    read_document_with_limit(bytes, name, DEFAULT_MAX_INPUT)
}

/// [`read_document`] with a limit on the bytes a Word or OpenDocument file (or one attached to an
/// e-mail) may unpack to: all the XML parts read, together. Past it the reader stops and
/// returns [`ErrorKind::InputTooLarge`]; it never holds more than the limit.
///
/// # Errors
///
/// As [`read_document`].
pub fn read_document_with_limit(bytes: &[u8], name: &str, limit: usize) -> Result<Document, Error> {
    #[cfg(not(feature = "formats"))]
    let _ = limit;
    match detect_format(bytes, Some(name)) {
        InputFormat::Text => {
            let text = std::str::from_utf8(bytes).map_err(|e| {
                Error::new(
                    ErrorKind::InvalidUtf8,
                    format!(
                        "{name}: not valid UTF-8 text (first bad byte at offset {})",
                        e.valid_up_to()
                    ),
                )
            })?;
            Ok(Document::from_text(text.trim_start_matches('\u{feff}')))
        }
        #[cfg(feature = "formats")]
        InputFormat::Doc => Err(office::ole_error(bytes, name)),
        InputFormat::Rtf => Err(unsupported(
            name,
            InputFormat::Rtf,
            "save it as .docx, PDF or text first",
        )),
        InputFormat::Zip => Err(unsupported(
            name,
            InputFormat::Zip,
            "a zip archive that is neither a Word document nor an OpenDocument text",
        )),
        #[cfg(feature = "formats")]
        format @ (InputFormat::Docx | InputFormat::Odt) => {
            let mut doc = Document::empty(format);
            office::append(
                &mut doc,
                bytes,
                name,
                "body",
                format,
                &mut office::Budget::new(limit),
            )?;
            Ok(doc)
        }
        #[cfg(feature = "formats")]
        InputFormat::Email => email::read(bytes, name, &mut office::Budget::new(limit)),
        #[cfg(feature = "formats")]
        InputFormat::Html => {
            let mut doc = Document::empty(InputFormat::Html);
            let text = html::visible_text(&String::from_utf8_lossy(bytes));
            doc.push_part("body", InputFormat::Html, &text, true);
            Ok(doc)
        }
        #[cfg(feature = "pdf")]
        InputFormat::Pdf => {
            let mut doc = Document::empty(InputFormat::Pdf);
            pdf::append(&mut doc, bytes, name, "body")?;
            Ok(doc)
        }
        #[allow(unreachable_patterns)]
        other => Err(unsupported(
            name,
            other,
            "this build lacks the feature that reads it",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_detected_from_content() {
        assert_eq!(
            detect_format(b"%PDF-1.4 ...", Some("x.txt")),
            InputFormat::Pdf
        );
        assert_eq!(
            detect_format(b"<!DOCTYPE html><p>x", None),
            InputFormat::Html
        );
        assert_eq!(
            detect_format(
                b"From: a@b.c\nTo: d@e.f\nSubject: FOI\n\nBody",
                Some("x.txt")
            ),
            InputFormat::Email
        );
        assert_eq!(
            detect_format(b"Dear Sir,\nFrom: the council", Some("x.eml")),
            InputFormat::Text
        );
        assert_eq!(detect_format(b"PK\x03\x04....", None), InputFormat::Zip);
        assert_eq!(
            detect_format(b"PK\x03\x04....word/document.xml....", Some("a.zip")),
            InputFormat::Docx
        );
        assert_eq!(
            detect_format(
                b"PK\x03\x04\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0mimetypeapplication/vnd.oasis.opendocument.text",
                Some("a.docx")
            ),
            InputFormat::Odt
        );
        assert_eq!(
            detect_format(
                b"PK\x03\x04mimetypeapplication/vnd.oasis.opendocument.spreadsheet",
                None
            ),
            InputFormat::Zip
        );
        assert_eq!(
            detect_format(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0], None),
            InputFormat::Doc
        );
        assert_eq!(
            detect_format(b"{\\rtf1\\ansi x}", Some("a.txt")),
            InputFormat::Rtf
        );
        assert_eq!(detect_format(b"Plain letter.", None), InputFormat::Text);
    }

    #[test]
    fn text_and_errors() {
        let d = read_document("We rely on s.43.".as_bytes(), "a.txt").unwrap();
        assert_eq!(d.parts.len(), 1);
        assert_eq!(d.part_at(3).unwrap().name, "body");
        let e = read_document(b"ab\xff", "b.txt").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidUtf8);
        assert!(e.to_string().contains("b.txt"));
        let e = read_document(b"PK\x03\x04rest", "c.docx").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::UnsupportedFormat);
        assert!(e.to_string().contains("c.docx") && e.to_string().contains("docx"));
    }
}
