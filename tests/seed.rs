//! The motivating case: a department's reply, quoted in a journalist's blog post, that relies on
//! national security (s.24), information provided in confidence (s.41) and commercial interests
//! (s.43) without citing one section number. The blogger's own commentary must yield nothing.

use foi_refusal::{Basis, Classifier, Status};

const LETTER: &str = include_str!("../data/examples/home-office-style.txt");

/// The two paragraphs the blog quotes from the department's reply.
fn quoted_paragraphs() -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for para in LETTER.split("\n\n") {
        if para.starts_with("Giving out the names") || para.starts_with("The companies' details") {
            out.push((offset, offset + para.len()));
        }
        offset += para.len() + 2;
    }
    assert_eq!(
        out.len(),
        2,
        "the fixture quotes two paragraphs of the reply"
    );
    out
}

#[test]
fn seed_relies_on_s24_s41_s43_by_inference() {
    let report = Classifier::new().classify(LETTER);
    for id in ["foia:s24", "foia:s41", "foia:s43"] {
        let f = report
            .finding(id)
            .unwrap_or_else(|| panic!("{id} not found"));
        assert_eq!(f.status, Status::ReliedOn, "{id}");
        assert_eq!(f.basis, Basis::Inferred, "{id}");
        assert!(!f.evidence.is_empty(), "{id} has evidence");
        for e in &f.evidence {
            assert_eq!(
                &LETTER[e.start..e.end],
                e.text,
                "{id} evidence slices to its text"
            );
        }
    }
    assert_eq!(report.relied_on().count(), 3, "{:#?}", report.findings);
    assert!(report.references.is_empty(), "the reply cites no numbers");
}

#[test]
fn commentary_yields_nothing() {
    let quoted = quoted_paragraphs();
    let report = Classifier::new().classify(LETTER);
    for f in &report.findings {
        for e in &f.evidence {
            assert!(
                quoted.iter().any(|&(s, t)| s <= e.start && e.end <= t),
                "{} fired in the blogger's commentary: {:?}",
                f.id,
                e.text
            );
        }
    }
    // And the commentary alone, with the quoted reply cut out, gives no finding at all.
    let mut commentary = String::new();
    let mut last = 0;
    for (s, t) in quoted {
        commentary.push_str(&LETTER[last..s]);
        last = t;
    }
    commentary.push_str(&LETTER[last..]);
    assert!(commentary.contains("did not cover encryption"));
    let report = Classifier::new().classify(&commentary);
    assert!(report.findings.is_empty(), "{:#?}", report.findings);
}
