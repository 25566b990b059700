//! A report written as JSON reads back into [`foi_refusal::Report`] unchanged: every letter of
//! the project (`tests/letters/`, `data/examples/`) and documents with parts, quoted mail and
//! warnings (`tests/formats/`).

use std::fs;
use std::path::{Path, PathBuf};

use foi_refusal::{Classifier, Report};

/// `report` through serde_json and back, compared whole.
fn round_trip(what: &str, report: &Report) {
    let json = serde_json::to_string(report).expect("a report serialises");
    let back: Report =
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("{what}: {e}\n{json}"));
    assert_eq!(&back, report, "{what}");
    // The pretty form the tool writes reads back too.
    let pretty = serde_json::to_string_pretty(report).expect("a report serialises");
    let back: Report = serde_json::from_str(&pretty).expect("pretty JSON reads back");
    assert_eq!(&back, report, "{what} (pretty)");
}

fn text_files(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
}

#[test]
fn reports_of_letters_read_back_equal() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let classifier = Classifier::new();
    let mut letters = 0;
    let mut findings = 0;
    for dir in ["tests/letters", "data/examples"] {
        for path in text_files(&root.join(dir)) {
            let text = fs::read_to_string(&path).expect("a UTF-8 letter");
            let report = classifier.classify(&text);
            letters += 1;
            findings += report.findings.len();
            round_trip(&path.display().to_string(), &report);
        }
    }
    assert!(
        letters >= 10 && findings > 0,
        "{letters} letters, {findings} findings"
    );
}

#[cfg(all(feature = "formats", feature = "pdf"))]
#[test]
fn reports_of_documents_read_back_equal() {
    use foi_refusal::input::read_document;

    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/formats");
    let classifier = Classifier::new();
    let mut parts = 0;
    let mut warnings = 0;
    for name in ["letter.eml", "letter.html", "letter.pdf", "blank.pdf"] {
        let bytes = fs::read(dir.join(name)).expect("a fixture");
        let doc = read_document(&bytes, name).unwrap_or_else(|e| panic!("{name}: {e}"));
        let report = classifier.classify_document(&doc);
        parts += report.parts.len();
        warnings += report.warnings.len();
        round_trip(name, &report);
    }
    assert!(parts > 0, "some document has parts");
    assert!(warnings > 0, "some document has warnings");
}

#[test]
fn a_report_without_its_optional_fields_reads_back() {
    // `parts`, `warnings` and the evidence's `cue` and `part` are left out of JSON when empty.
    let report = Classifier::new().classify("The names are withheld under section 40(2).");
    let json = serde_json::to_value(&report).expect("serialises");
    assert!(json.get("parts").is_none() && json.get("warnings").is_none());
    let back: Report = serde_json::from_value(json).expect("reads back");
    assert_eq!(back, report);
}
