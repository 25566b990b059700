//! One refusal letter (s.40(2) and s.43(2) relied on) in every shape it arrives in: as Word and
//! OpenDocument files, and attached (PDF or Word) to e-mails whose body quotes the request (which
//! names s.36 and s.42) in each of the usual ways. Every shape gives the same relied-on grounds,
//! nothing from the quoted request is relied on, and the report shows the quoted ranges.
//!
//! The Word and OpenDocument files are built here, from `tests/formats/letter.txt`.
#![cfg(all(feature = "formats", feature = "pdf"))]

use std::collections::BTreeSet;
use std::io::{Cursor, Write};
use std::path::Path;

use foi_refusal::input::{read_document, read_document_with_limit, Document};
use foi_refusal::InputFormat;
use foi_refusal::{Classifier, ErrorKind, Report};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/formats")
            .join(name),
    )
    .unwrap()
}

/// The letter's paragraphs, each on one line (as a word processor holds them).
fn paragraphs() -> Vec<String> {
    String::from_utf8(fixture("letter.txt"))
        .unwrap()
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn zip_of(members: &[(&str, &str, bool)]) -> Vec<u8> {
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, body, stored) in members {
        let method = if *stored {
            CompressionMethod::Stored
        } else {
            CompressionMethod::Deflated
        };
        w.start_file(
            *name,
            SimpleFileOptions::default().compression_method(method),
        )
        .unwrap();
        w.write_all(body.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

fn w_para(text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
        esc(text)
    )
}

/// The letter as a Word document: a header and footer, the paragraphs, a table of the request's
/// details, a footnote.
fn docx() -> Vec<u8> {
    let mut body = String::new();
    for p in paragraphs() {
        body.push_str(&w_para(&p));
    }
    body.push_str(
        "<w:tbl><w:tblPr/><w:tr><w:tc><w:p><w:r><w:t>Our reference</w:t></w:r></w:p></w:tc>\
         <w:tc><w:p><w:r><w:t>LS-2025-031</w:t></w:r></w:p></w:tc></w:tr>\
         <w:tr><w:tc><w:p><w:r><w:t>Date received</w:t></w:r></w:p></w:tc>\
         <w:tc><w:p><w:r><w:t>20 February 2025</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
    );
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let header = format!(r#"<w:hdr {W}>{}</w:hdr>"#, w_para("Leisure Services"));
    let footer = format!(r#"<w:ftr {W}>{}</w:ftr>"#, w_para("Page 1 of 1"));
    let footnotes = format!(
        r#"<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1">{}</w:footnote></w:footnotes>"#,
        w_para("The contract runs until March 2026.")
    );
    zip_of(&[
        (
            "[Content_Types].xml",
            r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#,
            false,
        ),
        ("_rels/.rels", "<Relationships/>", false),
        ("word/document.xml", &document, false),
        ("word/header1.xml", &header, false),
        ("word/footer1.xml", &footer, false),
        ("word/footnotes.xml", &footnotes, false),
    ])
}

const ODF: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0""#;

const MANIFEST: &str = r#"<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/></manifest:manifest>"#;

/// The letter as an OpenDocument text.
fn odt() -> Vec<u8> {
    let mut body = String::new();
    for p in paragraphs() {
        body.push_str(&format!(
            "<text:p text:style-name=\"P1\">{}</text:p>",
            esc(&p)
        ));
    }
    body.push_str(
        "<table:table><table:table-row><table:table-cell><text:p>Our reference</text:p></table:table-cell>\
         <table:table-cell><text:p>LS-2025-031</text:p></table:table-cell></table:table-row></table:table>",
    );
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF}><office:body><office:text>{body}</office:text></office:body></office:document-content>"#
    );
    let styles = format!(
        r#"<office:document-styles {ODF}><office:master-styles><style:master-page style:name="Standard"><style:header><text:p>Leisure Services</text:p></style:header><style:footer><text:p>Page 1</text:p></style:footer></style:master-page></office:master-styles></office:document-styles>"#
    );
    zip_of(&[
        ("mimetype", "application/vnd.oasis.opendocument.text", true),
        ("META-INF/manifest.xml", MANIFEST, false),
        ("content.xml", &content, false),
        ("styles.xml", &styles, false),
    ])
}

fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for (i, c) in bytes.chunks(3).enumerate() {
        if i > 0 && i % 19 == 0 {
            out.push_str("\r\n");
        }
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for k in 0..4 {
            if k <= c.len() {
                out.push(A[(n >> (18 - 6 * k) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// An e-mail whose body is `body`, with `file` attached.
fn email(body: &str, file: &str, mime: &str, bytes: &[u8]) -> Vec<u8> {
    format!(
        "From: Leisure Services <foi@example.gov.uk>\r\nTo: Sam Harper <request-1@example.org>\r\n\
         Subject: RE: Leisure centre contract\r\nDate: Mon, 3 Mar 2025 10:15:00 +0000\r\n\
         MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n\
         --b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{}\r\n\
         --b1\r\nContent-Type: {mime}\r\nContent-Disposition: attachment; filename=\"{file}\"\r\n\
         Content-Transfer-Encoding: base64\r\n\r\n{}\r\n--b1--\r\n",
        body.replace('\n', "\r\n"),
        base64(bytes)
    )
    .into_bytes()
}

const OPENING: &str =
    "Dear Sam Harper,\n\nPlease find attached our response to your request.\n\nLeisure Services\n";

/// The request, in the requester's words: it names s.36 and s.42 as an authority relying on them
/// would, so read as the authority's own it would give them as grounds.
const REQUEST: &str = "Please send me the leisure centre management contract.\n\
The report is exempt under section 36 of the Freedom of Information Act and the legal advice\n\
is withheld under section 42, as your colleague told me last year; I ask you to look again.";

/// The body of a reply that quotes the request in each of the usual ways.
fn quoted_bodies() -> Vec<(&'static str, String)> {
    let gt: String = REQUEST.lines().map(|l| format!("> {l}\n")).collect();
    vec![
        (
            "Original Message",
            format!("{OPENING}\n-----Original Message-----\nFrom: Sam Harper <request-1@example.org>\nSent: 20 February 2025 09:00\nTo: FOI\nSubject: Leisure centre contract\n\n{REQUEST}\n"),
        ),
        (
            "On ... wrote:",
            format!("{OPENING}\nOn Thu, 20 Feb 2025 at 09:00, Sam Harper <request-1@example.org> wrote:\n{gt}"),
        ),
        (
            "On ... wrote: (wrapped)",
            format!("{OPENING}\nOn Thu, 20 Feb 2025 at 09:00, Sam Harper <\nrequest-1@example.org> wrote:\n\n{REQUEST}\n"),
        ),
        (
            "Outlook header block",
            format!("{OPENING}\nFrom: Sam Harper <request-1@example.org>\nSent: Thursday, February 20, 2025 9:00 AM\nTo: FOI <foi@example.gov.uk>\nSubject: Leisure centre contract\n\n{REQUEST}\n"),
        ),
        ("> lines", format!("{OPENING}\n{gt}")),
        (
            "forwarded banner",
            format!("{OPENING}\n---------- Forwarded message ---------\nFrom: Sam Harper <request-1@example.org>\nDate: Thu, 20 Feb 2025 at 09:00\nSubject: Leisure centre contract\nTo: <foi@example.gov.uk>\n\n{REQUEST}\n"),
        ),
        (
            "Begin forwarded message",
            format!("{OPENING}\nBegin forwarded message:\n\n{REQUEST}\n"),
        ),
        (
            "FOI site marker",
            format!("{OPENING}\nshow quoted sections\n\n{REQUEST}\n"),
        ),
    ]
}

fn relied(report: &Report) -> BTreeSet<String> {
    report.relied_on().map(|f| f.id.clone()).collect()
}

fn expected() -> BTreeSet<String> {
    ["foia:s40".to_string(), "foia:s43".to_string()].into()
}

fn classify(doc: &Document) -> Report {
    let report = Classifier::new().classify_document(doc);
    for f in &report.findings {
        for e in &f.evidence {
            assert_eq!(doc.text.get(e.start..e.end), Some(e.text.as_str()));
        }
    }
    report
}

#[test]
fn the_request_would_be_relied_on_if_it_were_the_authoritys_own() {
    // The control: without the quote markers the request's wording gives s.36 and s.42.
    let report = Classifier::new().classify(REQUEST);
    let got = relied(&report);
    assert!(
        got.contains("foia:s36") && got.contains("foia:s42"),
        "{got:?}"
    );
}

#[test]
fn word_and_opendocument_letters_read_as_the_text_does() {
    for (name, bytes, format) in [
        ("letter.docx", docx(), InputFormat::Docx),
        ("letter.odt", odt(), InputFormat::Odt),
    ] {
        // Detected from the content, whatever the file is called.
        for file in [name, "letter.bin"] {
            let doc = read_document(&bytes, file).unwrap_or_else(|e| panic!("{file}: {e}"));
            assert_eq!(doc.format, format, "{file}");
            assert!(
                doc.text
                    .starts_with("Leisure Services\n\nDear Ms Harper,\n\n"),
                "{file}: {:?}",
                doc.text
            );
            assert!(
                doc.text.contains("\n\nOur reference | LS-2025-031"),
                "{file}: tables are rows of cells"
            );
            let report = classify(&doc);
            assert_eq!(relied(&report), expected(), "{file}");
            assert!(report.parts.iter().all(|p| p.quoted.is_empty()), "{file}");
        }
    }
    let doc = read_document(&docx(), "letter.docx").unwrap();
    assert!(doc
        .text
        .contains("Our reference | LS-2025-031\nDate received | 20 February 2025"));
    assert!(doc
        .text
        .contains("\n\nThe contract runs until March 2026.\n\nPage 1 of 1"));
    let doc = read_document(&odt(), "letter.odt").unwrap();
    assert!(doc.text.ends_with("\n\nPage 1"));
}

#[test]
fn every_shape_of_reply_gives_the_letters_grounds_and_none_of_the_requests() {
    let attachments: Vec<(&str, &str, Vec<u8>)> = vec![
        ("response.pdf", "application/pdf", fixture("letter.pdf")),
        (
            "response.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            docx(),
        ),
        (
            "response.odt",
            "application/vnd.oasis.opendocument.text",
            odt(),
        ),
    ];
    for (style, body) in quoted_bodies() {
        for (file, mime, bytes) in &attachments {
            let raw = email(&body, file, mime, bytes);
            let doc = read_document(&raw, "reply.eml").unwrap();
            let what = format!("{style}, {file}");
            assert_eq!(doc.parts.len(), 2, "{what}: {:?}", doc.warnings);
            let report = classify(&doc);
            assert_eq!(relied(&report), expected(), "{what}");
            // The quoted request is read as quoted, in the body only.
            let body_part = &report.parts[0];
            assert_eq!(body_part.name, "body");
            assert!(!body_part.quoted.is_empty(), "{what}: the quote is shown");
            let quoted: String = body_part
                .quoted
                .iter()
                .map(|q| &doc.text[q.start..q.end])
                .collect();
            assert!(
                quoted.contains("section 36") && quoted.contains("section 42"),
                "{what}: {quoted:?}"
            );
            assert!(body_part.quoted.iter().all(|q| q.end <= body_part.span.end));
            assert!(
                report.parts[1].quoted.is_empty(),
                "{what}: the attachment is the authority's own"
            );
            for id in ["foia:s36", "foia:s42"] {
                assert!(
                    report
                        .findings
                        .iter()
                        .filter(|f| f.id == id)
                        .all(|f| f.status != foi_refusal::Status::ReliedOn),
                    "{what}: {id}"
                );
            }
            // The JSON report lists the quoted ranges with the parts.
            let json = serde_json::to_value(&report).unwrap();
            assert!(json["parts"][0]["quoted"][0]["start"].is_u64(), "{what}");
            assert!(json["parts"][1].get("quoted").is_none(), "{what}");
        }
    }
}

#[test]
fn an_attachment_that_starts_with_its_own_heading_is_not_quoted_mail() {
    let mut paras = vec![
        "From: Leisure Services".to_string(),
        "To: Sam Harper".to_string(),
        "Date: 3 March 2025".to_string(),
    ];
    paras.extend(paragraphs());
    let body: String = paras.iter().map(|p| w_para(p)).collect();
    let document = format!(r#"<w:document {W}><w:body>{body}</w:body></w:document>"#);
    let memo = zip_of(&[("word/document.xml", &document, false)]);
    let doc = read_document(
        &email(OPENING, "memo.docx", "application/octet-stream", &memo),
        "reply.eml",
    )
    .unwrap();
    let report = classify(&doc);
    assert_eq!(relied(&report), expected());
    let doc = read_document(&memo, "memo.docx").unwrap();
    assert_eq!(relied(&classify(&doc)), expected());
}

#[test]
fn unsupported_and_encrypted_files_are_named() {
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(512, 0);
    let e = read_document(&ole, "old.doc").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::UnsupportedFormat);
    assert!(
        e.to_string().contains("old.doc") && e.to_string().contains("doc"),
        "{e}"
    );

    let mut enc = ole.clone();
    enc.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
    let e = read_document(&enc, "secret.docx").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Encrypted);
    assert!(
        e.to_string().contains("secret.docx") && e.to_string().contains("encrypted"),
        "{e}"
    );

    let e = read_document(b"{\\rtf1\\ansi We rely on s.43.}", "letter.rtf").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::UnsupportedFormat);
    assert!(
        e.to_string().contains("letter.rtf") && e.to_string().contains("rtf"),
        "{e}"
    );

    let manifest = r#"<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data manifest:checksum-type="SHA1"/></manifest:file-entry></manifest:manifest>"#;
    let locked = zip_of(&[
        ("mimetype", "application/vnd.oasis.opendocument.text", true),
        ("META-INF/manifest.xml", manifest, false),
        ("content.xml", "\u{1}\u{2}not xml", false),
    ]);
    let e = read_document(&locked, "locked.odt").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Encrypted);
    assert!(e.to_string().contains("locked.odt"), "{e}");

    let e = read_document(&zip_of(&[("notes.txt", "s.43", false)]), "x.zip").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::UnsupportedFormat);

    // Attached, they are warnings; the rest of the message is read.
    let doc = read_document(
        &email(OPENING, "old.doc", "application/msword", &ole),
        "r.eml",
    )
    .unwrap();
    assert!(
        doc.warnings.iter().any(|w| w.contains("old.doc")),
        "{:?}",
        doc.warnings
    );
    let doc = read_document(
        &email(OPENING, "locked.odt", "application/octet-stream", &locked),
        "r.eml",
    )
    .unwrap();
    assert!(
        doc.warnings
            .iter()
            .any(|w| w.contains("locked.odt") && w.contains("encrypted")),
        "{:?}",
        doc.warnings
    );
}

#[test]
fn a_zip_bomb_hits_the_size_limit() {
    // 8 MiB of one repeated paragraph deflates to a few kilobytes.
    let para = w_para("We rely on section 43(2). ");
    let body = para.repeat(8 * 1024 * 1024 / para.len());
    let document = format!(r#"<w:document {W}><w:body>{body}</w:body></w:document>"#);
    let bomb = zip_of(&[("word/document.xml", &document, false)]);
    assert!(bomb.len() < document.len() / 50);
    let e = read_document_with_limit(&bomb, "bomb.docx", 1024 * 1024).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InputTooLarge);
    assert!(e.to_string().contains("bomb.docx"), "{e}");
    // Under a limit it fits, it is read.
    assert!(read_document_with_limit(&bomb, "bomb.docx", 16 * 1024 * 1024).is_ok());
}

#[test]
fn damaged_word_files_are_errors_naming_the_file() {
    let mut bytes = docx();
    bytes.truncate(bytes.len() / 2);
    let e = read_document(&bytes, "cut.docx").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::CorruptInput);
    assert!(e.to_string().contains("cut.docx"), "{e}");
    let bad = zip_of(&[("word/document.xml", "<w:document><w:body><w:p>", false)]);
    let e = read_document(&bad, "bad.docx").unwrap_err();
    assert!(e.to_string().contains("bad.docx"), "{e}");
}

/// Writes the fuzzing seeds of the `read_document` target (fuzz/seeds/read_document): the Word
/// and OpenDocument letters, an encrypted and a legacy file, and replies with a Word or
/// OpenDocument attachment. Run with `cargo test --test formats_shapes -- --ignored`.
#[test]
#[ignore]
fn write_fuzz_seeds() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/read_document");
    std::fs::create_dir_all(&dir).unwrap();
    let mut seeds: Vec<(String, Vec<u8>)> =
        vec![("letter.docx".into(), docx()), ("letter.odt".into(), odt())];
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(64, 0);
    ole.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
    seeds.push(("encrypted.docx".into(), ole));
    for (i, (_, body)) in quoted_bodies().into_iter().enumerate().take(3) {
        let (file, bytes) = if i % 2 == 0 {
            ("response.docx", docx())
        } else {
            ("response.odt", odt())
        };
        seeds.push((
            format!("reply-{i}.eml"),
            email(&body, file, "application/octet-stream", &bytes),
        ));
    }
    for (name, bytes) in seeds {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
}
