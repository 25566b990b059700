//! PDF text extraction (pdf-extract, pure Rust). A PDF with no text layer (a scan) is reported
//! as such rather than read as an empty letter.

use std::panic::{catch_unwind, AssertUnwindSafe};

use super::Document;
use crate::error::{Error, ErrorKind};
use crate::vocab::InputFormat;

/// Appends the text of the PDF `bytes` to `doc` as part `part`. `name` names it in errors.
pub(super) fn append(
    doc: &mut Document,
    bytes: &[u8],
    name: &str,
    part: &str,
) -> Result<(), Error> {
    let corrupt = |why: String| {
        Error::new(
            ErrorKind::CorruptInput,
            format!("{name}: cannot read this PDF: {why}"),
        )
    };
    // The extractor may panic on damaged files (the fuzz target found some); that must not reach
    // the caller. This relies on unwinding: a program built with `panic = "abort"` should not
    // read untrusted PDFs with the `pdf` feature.
    let extracted = catch_unwind(AssertUnwindSafe(|| {
        pdf_extract::extract_text_from_mem(bytes)
    }))
    .map_err(|_| corrupt("the file is damaged".into()))?
    .map_err(|e| corrupt(e.to_string()))?;
    let text = tidy(&extracted);
    if text.trim().is_empty() {
        doc.warnings.push(format!(
            "{name}: the PDF has no text layer (a scanned image?); it could not be read"
        ));
        doc.push_part(part, InputFormat::Pdf, "", false);
    } else {
        doc.push_part(part, InputFormat::Pdf, &text, true);
    }
    Ok(())
}

/// Trims trailing spaces and runs of blank lines that PDF extraction leaves.
fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = 0;
    for line in s.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.trim().to_string()
}
