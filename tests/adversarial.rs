//! Hostile input: huge letters, one enormous line, floods of citations, pathological nesting,
//! every kind of Unicode space and dash, NUL bytes, right-to-left marks. Nothing panics, every
//! span stays valid, and the work stays linear (the `adversarial` benchmarks measure it; the
//! 100 MB case is an ignored test: `cargo test --release --test adversarial -- --ignored`).

use foi_refusal::{Classifier, Report};

fn check(text: &str, report: &Report) {
    let ok = |s: usize, e: usize| {
        s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
    };
    for r in &report.references {
        assert!(ok(r.start, r.end));
    }
    for f in &report.findings {
        for e in &f.evidence {
            assert!(ok(e.start, e.end) && ok(e.sentence.start, e.sentence.end));
        }
    }
    for e in report
        .outcome
        .evidence
        .iter()
        .chain(report.checks.iter().flat_map(|c| c.evidence.iter()))
    {
        assert!(ok(e.start, e.end));
    }
}

fn run(text: &str) -> Report {
    let report = Classifier::new().classify(text);
    check(text, &report);
    report
}

#[test]
fn one_line_of_ten_megabytes() {
    let line = "The council withheld the rates under section 43(2) as commercially sensitive; "
        .repeat(10 * 1024 * 1024 / 80);
    let r = run(&line);
    assert!(r.finding("foia:s43").is_some());
}

#[test]
fn one_line_dense_with_citations_and_act_names() {
    // Every 40 bytes a citation, an act's abbreviation and a sentence end, with no line break:
    // the regime signals' windows run into one another across the whole line.
    let text = "Exempt under section 40(2) of the FOIA. ".repeat(2 * 1024 * 1024 / 40);
    let r = run(&text);
    let s40 = r.finding("foia:s40").expect("s.40 found");
    assert_eq!(s40.status, foi_refusal::Status::ReliedOn);
}

#[test]
fn a_hundred_thousand_citations_in_a_row() {
    let text = "s.40(2) ".repeat(100_000);
    let r = run(&text);
    assert_eq!(r.references.len(), 100_000);
}

#[test]
fn deeply_nested_parentheses() {
    let text = format!("s.1{}{}", "(".repeat(100_000), ")".repeat(100_000));
    run(&text);
    let text = format!("section 12{}", "(a)".repeat(50_000));
    run(&text);
}

#[test]
fn every_unicode_space_and_dash() {
    let spaces = [
        '\u{9}', '\u{a}', '\u{b}', '\u{c}', '\u{d}', '\u{20}', '\u{85}', '\u{a0}', '\u{1680}',
        '\u{2000}', '\u{2001}', '\u{2002}', '\u{2003}', '\u{2004}', '\u{2005}', '\u{2006}',
        '\u{2007}', '\u{2008}', '\u{2009}', '\u{200a}', '\u{2028}', '\u{2029}', '\u{202f}',
        '\u{205f}', '\u{3000}', '\u{feff}', '\u{200b}',
    ];
    let dashes = [
        '-', '\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2014}', '\u{2015}', '\u{2212}',
        '\u{fe58}', '\u{fe63}', '\u{ff0d}',
    ];
    for s in spaces {
        for d in dashes {
            let text = format!("sections{s}22{d}24{s}and{s}s.{s}40(2){s}commercially{s}sensitive{d}national{s}security");
            run(&text);
        }
    }
}

#[test]
fn nul_bytes_and_right_to_left_marks() {
    run(&"\0".repeat(100_000));
    run("section\u{0}43(2) \u{0}commercially sensitive\u{0}");
    let r = run("\u{202e}The rates are withheld under section 43(2)\u{202c} \u{200f}as commercially sensitive\u{200e}.");
    assert!(r.finding("foia:s43").is_some());
    run(&"\u{202e}\u{200f}\u{2066}\u{2069}".repeat(50_000));
}

#[test]
#[ignore = "100 MB: run with --release -- --ignored"]
fn a_letter_of_a_hundred_megabytes() {
    let letter = include_str!("../data/examples/council-refusal.txt");
    let text = letter.repeat(100 * 1024 * 1024 / letter.len());
    let started = std::time::Instant::now();
    let r = run(&text);
    eprintln!(
        "{} bytes in {:.2} s",
        text.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(r.finding("foia:s43").is_some());
}
