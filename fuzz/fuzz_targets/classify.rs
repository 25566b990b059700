//! Any input: a report or an InvalidUtf8 error, never a panic, and every span in bounds, on char
//! boundaries, slicing to its text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use once_cell_free::classifier;

mod once_cell_free {
    use std::sync::OnceLock;

    pub fn classifier() -> &'static foi_refusal::Classifier {
        static C: OnceLock<foi_refusal::Classifier> = OnceLock::new();
        C.get_or_init(foi_refusal::Classifier::new)
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(report) = classifier().classify_bytes(data) else {
        return;
    };
    let text = std::str::from_utf8(data).expect("classify_bytes accepted it");
    for r in &report.references {
        assert_eq!(text.get(r.start..r.end), Some(r.text.as_str()));
    }
    for f in &report.findings {
        for e in &f.evidence {
            assert_eq!(text.get(e.start..e.end), Some(e.text.as_str()));
            assert!(text.get(e.sentence.start..e.sentence.end).is_some());
        }
    }
    for e in report.outcome.evidence.iter().chain(report.checks.iter().flat_map(|c| c.evidence.iter())) {
        assert_eq!(text.get(e.start..e.end), Some(e.text.as_str()));
    }
});
