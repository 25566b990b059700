//! Layer 2: the citation stage against a table of inputs and expected references
//! (`tests/data/citations.toml`). Every failing case is reported before the test fails.
//! Set `CITATION=substring` to run only the cases whose input contains it.

use foi_refusal::{Classifier, RefKind};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    input: String,
    refs: Vec<Expected>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    text: String,
    provision: String,
    kind: Option<String>,
    act: Option<String>,
}

fn kind_name(k: RefKind) -> &'static str {
    match k {
        RefKind::Section => "section",
        RefKind::Regulation => "regulation",
        RefKind::Article => "article",
        _ => "unknown",
    }
}

#[test]
fn citation_table() {
    let table: Table =
        toml::from_str(include_str!("data/citations.toml")).expect("citations.toml parses");
    let filter = std::env::var("CITATION").ok();
    let classifier = Classifier::new();
    let mut failures = Vec::new();
    let mut ran = 0;
    for case in &table.case {
        if filter.as_deref().is_some_and(|f| !case.input.contains(f)) {
            continue;
        }
        ran += 1;
        let report = classifier.classify(&case.input);
        let got: Vec<String> = report
            .references
            .iter()
            .map(|r| format!("{}={} {} {}", r.text, r.provision, kind_name(r.kind), r.act))
            .collect();
        if report.references.len() != case.refs.len() {
            failures.push(format!(
                "{:?}: got {got:?}, expected {} refs",
                case.input,
                case.refs.len()
            ));
            continue;
        }
        for (r, e) in report.references.iter().zip(&case.refs) {
            let mut ok = r.text == e.text && r.provision == e.provision;
            ok &= e.kind.as_deref().is_none_or(|k| k == kind_name(r.kind));
            ok &= e.act.as_deref().is_none_or(|a| a == r.act.as_str());
            ok &= case.input.get(r.start..r.end) == Some(r.text.as_str());
            if !ok {
                failures.push(format!(
                    "{:?}: got {got:?}, expected {}={} {:?} {:?}",
                    case.input, e.text, e.provision, e.kind, e.act
                ));
            }
        }
    }
    assert!(ran > 0, "no case matched the filter");
    assert!(
        failures.is_empty(),
        "{} failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
