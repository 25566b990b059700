//! Any file: a document or a clear error, never a panic; a document classifies.
//!
//! pdf-extract panics on some damaged PDFs; `read_document` catches those panics. libFuzzer's
//! panic hook would abort on them even though they are caught, so this target installs a hook
//! that stays quiet for panics raised inside the PDF libraries and aborts on any other.
#![no_main]

use std::sync::Once;

use libfuzzer_sys::fuzz_target;

static HOOK: Once = Once::new();

fuzz_target!(|data: &[u8]| {
    HOOK.call_once(|| {
        let fuzzer_hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let in_pdf_library = info
                .location()
                .is_some_and(|l| l.file().contains("pdf-extract") || l.file().contains("lopdf"));
            if !in_pdf_library {
                fuzzer_hook(info);
            }
        }));
    });
    // A 16 MiB limit on what a Word or OpenDocument file may unpack to (the default is 256 MiB)
    // keeps zip bombs quick: the limit is what is tested, not its size.
    if let Ok(doc) = foi_refusal::input::read_document_with_limit(data, "fuzz-input", 16 << 20) {
        let report = foi_refusal::Classifier::new().classify_document(&doc);
        // The quoted ranges of each part lie inside it, on char boundaries.
        for p in &report.parts {
            for q in &p.quoted {
                assert!(p.span.start <= q.start && q.start <= q.end && q.end <= p.span.end);
                assert!(doc.text.get(q.start..q.end).is_some());
            }
        }
        for f in &report.findings {
            for e in &f.evidence {
                assert_eq!(doc.text.get(e.start..e.end), Some(e.text.as_str()));
            }
        }
    }
});
