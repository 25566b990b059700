//! Any file: a document or a clear error, never a panic; a document classifies.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = foi_refusal::input::read_document(data, "fuzz-input") {
        let report = foi_refusal::Classifier::new().classify_document(&doc);
        for f in &report.findings {
            for e in &f.evidence {
                assert_eq!(doc.text.get(e.start..e.end), Some(e.text.as_str()));
            }
        }
    }
});
