//! Letters as they arrive: the same letter as plain text, as an e-mail with the letter in a PDF
//! attachment, as an HTML page and as a PDF gives the same findings; damaged inputs give clear
//! errors naming the file and the format.
#![cfg(all(feature = "formats", feature = "pdf"))]

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use foi_refusal::input::read_document;
use foi_refusal::InputFormat;
use foi_refusal::{Classifier, ErrorKind};

fn fixture(name: &str) -> Vec<u8> {
    fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/formats")
            .join(name),
    )
    .unwrap()
}

fn grounds(
    name: &str,
) -> (
    BTreeSet<(String, String)>,
    foi_refusal::Report,
    foi_refusal::input::Document,
) {
    let doc = read_document(&fixture(name), name).unwrap_or_else(|e| panic!("{name}: {e}"));
    let report = Classifier::new().classify_document(&doc);
    let set = report
        .relied_on()
        .map(|f| {
            (
                f.id.clone(),
                serde_json::to_value(f.basis)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_string(),
            )
        })
        .collect();
    for f in &report.findings {
        for e in &f.evidence {
            assert_eq!(
                &doc.text[e.start..e.end],
                e.text,
                "{name}: evidence slices to its text"
            );
        }
    }
    (set, report, doc)
}

#[test]
fn the_four_forms_of_one_letter_agree() {
    let (txt, _, d) = grounds("letter.txt");
    assert_eq!(d.format, InputFormat::Text);
    let expected: BTreeSet<(String, String)> = [("foia:s40", "cited"), ("foia:s43", "cited")]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(txt, expected);
    for name in ["letter.eml", "letter.html", "letter.pdf"] {
        let (got, _, _) = grounds(name);
        assert_eq!(got, txt, "{name} gives the same grounds as the text");
    }
}

#[test]
fn email_metadata_and_parts() {
    let (_, report, doc) = grounds("letter.eml");
    assert_eq!(doc.format, InputFormat::Email);
    assert_eq!(
        doc.subject.as_deref(),
        Some("Your request about the leisure centre contract")
    );
    assert!(doc.from.as_deref().unwrap().contains("foi@example.gov.uk"));
    assert!(doc.date.is_some());
    let names: Vec<&str> = doc.parts.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["body", "response.pdf"]);
    // The evidence is in the attachment, and says so.
    let s43 = report.finding("foia:s43").unwrap();
    assert!(s43
        .evidence
        .iter()
        .all(|e| e.part.as_deref() == Some("response.pdf")));
    assert_eq!(report.parts.len(), 2);
}

#[test]
fn html_drops_scripts_and_navigation_markup() {
    let (_, report, doc) = grounds("letter.html");
    assert!(!doc.text.contains("console.log"), "scripts are not text");
    assert!(!doc.text.contains('<'), "no markup left");
    assert!(
        report.finding("foia:s36").is_none(),
        "the script's words are not read"
    );
}

#[test]
fn damaged_inputs_give_clear_errors() {
    let e = read_document(&fixture("corrupt.pdf"), "corrupt.pdf").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::CorruptInput);
    assert!(
        e.to_string().contains("corrupt.pdf") && e.to_string().contains("PDF"),
        "{e}"
    );

    let e = read_document(&fixture("truncated.eml"), "truncated.eml").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::CorruptInput);
    assert!(
        e.to_string().contains("truncated.eml") && e.to_string().contains("e-mail"),
        "{e}"
    );
}

#[test]
fn a_pdf_without_text_is_reported_not_empty() {
    // A valid PDF whose only page has no text: what a scan looks like to a text extractor.
    let doc = read_document(&fixture("blank.pdf"), "blank.pdf").unwrap();
    assert!(!doc.parts[0].has_text);
    let report = Classifier::new().classify_document(&doc);
    assert!(
        report.warnings.iter().any(|w| w.contains("no text layer")),
        "{:?}",
        report.warnings
    );
}

#[test]
fn regression_a_pdf_that_makes_the_extractor_panic() {
    // Found by the read_document fuzz target: an e-mail whose PDF attachment makes pdf-extract panic. The panic is
    // caught and reported as a damaged PDF.
    let bytes = fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/formats/regressions/pdf-extract-panic-3bd9001e.eml"),
    )
    .unwrap();
    match read_document(&bytes, "crash.eml") {
        Err(e) => assert_eq!(e.kind(), ErrorKind::CorruptInput, "{e}"),
        Ok(doc) => {
            // Whatever text it yields must classify cleanly.
            Classifier::new().classify_document(&doc);
        }
    }
}

#[test]
fn an_email_subject_is_a_sign_of_the_regime_when_the_body_names_none() {
    let mail = "From: Records Team <records@example.gov.uk>\r\nTo: A Requester <a@example.org>\r\nSubject: RE: FOI request - bus shelter repairs\r\nDate: Mon, 2 Jun 2025 10:00:00 +0100\r\n\r\nDear A Requester\r\n\r\nWe hold no records of repairs to the shelter, which belongs to the county council.\r\n\r\nRegards\r\nRecords Team\r\n";
    let doc = read_document(mail.as_bytes(), "reply.eml").unwrap();
    assert_eq!(doc.format, InputFormat::Email);
    let report = Classifier::new().classify_document(&doc);
    assert_eq!(report.jurisdiction, foi_refusal::Jurisdiction::Foia);
    // The same body read alone names no regime.
    let body = Classifier::new().classify("We hold no records of repairs to the shelter.");
    assert_eq!(body.jurisdiction, foi_refusal::Jurisdiction::Unknown);
}
