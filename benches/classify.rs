//! Throughput of `classify`, in bytes per second, and the cost of building the rule set.
//! Run with `cargo bench`. Each benchmark first checks the number of findings it expects, so a
//! benchmark that silently stopped finding anything would fail rather than look fast.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use foi_refusal::{Classifier, RuleSet};
use std::hint::black_box;

const HOME_OFFICE: &str = include_str!("../data/examples/home-office-style.txt");
const COUNCIL: &str = include_str!("../data/examples/council-refusal.txt");

fn bench(c: &mut Criterion) {
    c.bench_function("rule_set_build", |b| {
        b.iter(|| {
            let set = RuleSet::embedded().expect("embedded rules are valid");
            black_box(set.rules().len())
        })
    });
    c.bench_function("classifier_build_uncached", |b| {
        b.iter(|| {
            black_box(
                Classifier::builder()
                    .build()
                    .expect("embedded rules are valid"),
            )
        })
    });

    let classifier = Classifier::new();
    let mut group = c.benchmark_group("classify");

    let cases: Vec<(&str, String, usize)> = vec![
        ("empty", String::new(), 0),
        (
            "no_match_64k",
            "The library opens at nine on weekdays and the car park is free after six. "
                .repeat(880),
            0,
        ),
        ("home_office_letter", HOME_OFFICE.to_string(), 3),
        ("council_letter", COUNCIL.to_string(), 2),
        // About 1 MB: the two letters, over and over, as one long text.
        (
            "long_letter_1mb",
            format!("{HOME_OFFICE}\n\n{COUNCIL}\n\n").repeat(250),
            4,
        ),
    ];
    for (name, text, expected) in &cases {
        let found = classifier.classify(text).findings.len();
        assert_eq!(
            found, *expected,
            "{name}: expected {expected} findings, got {found}"
        );
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*name, |b| {
            b.iter(|| black_box(classifier.classify(black_box(text))))
        });
    }
    group.finish();
}

/// Hostile inputs at growing sizes: time per byte should stay flat (linear work).
fn adversarial(c: &mut Criterion) {
    let classifier = Classifier::new();
    let mut group = c.benchmark_group("adversarial");
    group.sample_size(10);
    let one_line = "The council withheld the rates under section 43(2) as commercially sensitive; ";
    for size in [256 * 1024, 1024 * 1024, 4 * 1024 * 1024] {
        let cases = [
            ("one_line", one_line.repeat(size / one_line.len())),
            ("citations", "s.40(2) ".repeat(size / 8)),
            (
                "letters",
                format!("{COUNCIL}\n\n").repeat(size / COUNCIL.len()),
            ),
        ];
        for (name, text) in &cases {
            assert!(
                !classifier.classify(text).findings.is_empty(),
                "{name}: expected findings"
            );
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_function(format!("{name}_{}k", size / 1024), |b| {
                b.iter(|| black_box(classifier.classify(black_box(text))))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench, adversarial);
criterion_main!(benches);
