//! Any rule file: a rule set or an error with a location, never a panic; and a rule set that
//! builds can classify.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    match foi_refusal::Classifier::builder()
        .without_default_rules()
        .rule_source("foia/s99.toml", src)
        .build()
    {
        Ok(c) => {
            let _ = c.classify("We rely on section 99 and the test phrase here.");
        }
        Err(e) => {
            assert!(e.file().is_some(), "a rule error names its file: {e}");
        }
    }
});
