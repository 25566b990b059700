//! Layer 6: property tests. No input makes the classifier panic, and every span it reports is
//! inside the input, on char boundaries, and slices to its text.

use foi_refusal::{Classifier, Report};
use proptest::prelude::*;

fn check_spans(text: &str, report: &Report) {
    let ok = |s: usize, e: usize| {
        s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
    };
    for r in &report.references {
        assert!(
            ok(r.start, r.end),
            "reference span {}..{} in {text:?}",
            r.start,
            r.end
        );
        assert_eq!(&text[r.start..r.end], r.text);
    }
    for f in &report.findings {
        assert!(!f.evidence.is_empty());
        assert!((0.0..=1.0).contains(&f.confidence));
        for e in &f.evidence {
            assert!(
                ok(e.start, e.end),
                "evidence span {}..{} in {text:?}",
                e.start,
                e.end
            );
            assert_eq!(&text[e.start..e.end], e.text);
            assert!(
                ok(e.sentence.start, e.sentence.end),
                "sentence span in {text:?}"
            );
            assert!(e.line >= 1 && e.column >= 1);
        }
    }
}

/// Fragments that exercise the citation parser and the cue matcher.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("section ".to_string()),
        Just("s.".to_string()),
        Just("S".to_string()),
        Just("ss. ".to_string()),
        Just("reg. ".to_string()),
        Just("regulation ".to_string()),
        Just("Article ".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just(" and ".to_string()),
        Just(", ".to_string()),
        Just("–".to_string()),
        Just("/".to_string()),
        Just(" of the Act".to_string()),
        Just(" of the Data Protection Act 2018".to_string()),
        Just(" FOIA".to_string()),
        Just("commercially sensitive".to_string()),
        Just("national security".to_string()),
        Just("provided in confidence".to_string()),
        Just("exceed the appropriate limit".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("> ".to_string()),
        Just(". ".to_string()),
        Just("’".to_string()),
        Just("é".to_string()),
        Just("\u{0}".to_string()),
        Just("\u{200f}".to_string()),
        "[0-9]{1,4}".prop_map(|s| s),
        "[a-zA-Z]{1,3}".prop_map(|s| s),
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        let report = Classifier::new().classify(&text);
        check_spans(&text, &report);
    }

    #[test]
    fn citation_like_soup_keeps_spans_valid(parts in prop::collection::vec(fragment(), 0..40)) {
        let text: String = parts.concat();
        let report = Classifier::new().classify(&text);
        check_spans(&text, &report);
    }

    #[test]
    fn arbitrary_bytes_give_a_report_or_an_error(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        match Classifier::new().classify_bytes(&bytes) {
            Ok(report) => check_spans(std::str::from_utf8(&bytes).unwrap(), &report),
            Err(e) => prop_assert_eq!(e.kind(), foi_refusal::ErrorKind::InvalidUtf8),
        }
    }
}

#[test]
fn hostile_inputs() {
    let c = Classifier::new();
    let cases = [
        String::new(),
        "\u{0}".repeat(1000),
        "s.1".to_string() + &"(".repeat(10_000),
        "section 40(2), ".repeat(5_000),
        format!("section 12 {}", "x".repeat(200_000)),
        "\u{2028}\u{2029}\u{85}\u{a0}\u{2003}—–-".repeat(100),
        "\u{202e}section 43(2)\u{202c} commercially sensitive".to_string(),
        "«section 43»".to_string(),
    ];
    for text in &cases {
        let report = c.classify(text);
        check_spans(text, &report);
    }
}
