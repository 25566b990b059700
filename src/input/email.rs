//! E-mail (RFC 5322 / MIME): headers kept as metadata, the text body preferred over the HTML
//! one, attachments handed to the right reader (PDF, HTML, text, Word, OpenDocument, e-mail).
//! Quoted earlier messages stay in the text, where the zone stage marks them as quoted; each
//! part is a zone of its own, so a quote at the foot of the body ends where the body ends.

use mail_parser::{MessageParser, MimeHeaders};

use super::office::{self, Budget};
use super::{detect_format, html, Document};
use crate::error::{Error, ErrorKind};
use crate::vocab::InputFormat;

fn corrupt(name: &str, why: impl std::fmt::Display) -> Error {
    Error::new(
        ErrorKind::CorruptInput,
        format!("{name}: cannot read this e-mail: {why}"),
    )
}

/// True when a multipart message is cut short: its closing boundary never comes.
fn truncated(raw: &[u8], boundary: &str) -> bool {
    let closing = format!("--{boundary}--");
    !raw.windows(closing.len()).any(|w| w == closing.as_bytes())
}

/// Reads an e-mail; Word and OpenDocument attachments share `budget` (bytes they may unpack to).
pub(super) fn read(raw: &[u8], name: &str, budget: &mut Budget) -> Result<Document, Error> {
    let message = MessageParser::default()
        .parse(raw)
        .ok_or_else(|| corrupt(name, "no message headers found"))?;
    if let Some(ct) = message.content_type() {
        if ct.ctype().eq_ignore_ascii_case("multipart") {
            match ct.attribute("boundary") {
                Some(b) if truncated(raw, b) => {
                    return Err(corrupt(
                        name,
                        format!("it is truncated (the MIME boundary {b:?} is never closed)"),
                    ))
                }
                None => return Err(corrupt(name, "a multipart message without a boundary")),
                _ => {}
            }
        }
    }
    let mut doc = Document::empty(InputFormat::Email);
    doc.subject = message.subject().map(str::to_string);
    doc.from = message
        .from()
        .and_then(|a| a.first())
        .map(|a| match (&a.name, &a.address) {
            (Some(n), Some(addr)) => format!("{n} <{addr}>"),
            (None, Some(addr)) => addr.to_string(),
            (Some(n), None) => n.to_string(),
            (None, None) => String::new(),
        });
    doc.date = message.date().map(|d| d.to_rfc3339());

    // The body: the plain-text alternative when there is one, else the HTML one.
    if message.text_body_count() > 0 && !message.text_body.is_empty() {
        let body: Vec<String> = (0..message.text_body.len())
            .filter_map(|i| message.body_text(i).map(|t| t.into_owned()))
            .collect();
        doc.push_part("body", InputFormat::Text, body.join("\n\n").trim(), true);
    } else if let Some(h) = message.body_html(0) {
        doc.push_part("body", InputFormat::Html, &html::visible_text(&h), true);
    }

    for (i, part) in message.attachments().enumerate() {
        let file = part
            .attachment_name()
            .map(str::to_string)
            .unwrap_or_else(|| format!("attachment {}", i + 1));
        let bytes = part.contents();
        match detect_format(bytes, Some(&file)) {
            InputFormat::Pdf => {
                // A damaged attachment is reported; the rest of the message is still read.
                #[cfg(feature = "pdf")]
                if let Err(e) =
                    super::pdf::append(&mut doc, bytes, &format!("{name} ({file})"), &file)
                {
                    doc.warnings.push(e.to_string());
                }
                #[cfg(not(feature = "pdf"))]
                doc.warnings.push(format!(
                    "{file}: PDF attachment not read (built without the pdf feature)"
                ));
            }
            InputFormat::Html => doc.push_part(
                &file,
                InputFormat::Html,
                &html::visible_text(&String::from_utf8_lossy(bytes)),
                true,
            ),
            InputFormat::Text if part.is_text() || std::str::from_utf8(bytes).is_ok() => {
                let text = part.text_contents().map_or_else(
                    || String::from_utf8_lossy(bytes).into_owned(),
                    str::to_string,
                );
                doc.push_part(&file, InputFormat::Text, text.trim(), true);
            }
            format @ (InputFormat::Docx | InputFormat::Odt) => {
                // Like a damaged PDF, a damaged, encrypted or oversized document is reported
                // and the rest of the message is still read.
                if let Err(e) = office::append(
                    &mut doc,
                    bytes,
                    &format!("{name} ({file})"),
                    &file,
                    format,
                    budget,
                ) {
                    doc.warnings.push(e.to_string());
                }
            }
            InputFormat::Doc => doc
                .warnings
                .push(office::ole_error(bytes, &format!("{name} ({file})")).to_string()),
            InputFormat::Email => match read(bytes, &format!("{name} ({file})"), budget) {
                Ok(inner) => doc.push_part(&file, InputFormat::Email, &inner.text, true),
                Err(e) => doc.warnings.push(e.to_string()),
            },
            other => doc
                .warnings
                .push(format!("{file}: {} attachment not read", other.as_str())),
        }
    }
    Ok(doc)
}
