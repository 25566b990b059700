//! Throughput of `classify`, in bytes per second, beside a bare Aho-Corasick scan of the same
//! cue phrases over the same input (the reference the pipeline is measured against), and the
//! cost of building the rule set. Run with `cargo bench`; see BENCHMARKS.md.
//!
//! Each benchmark first checks the findings it expects, so a benchmark that silently stopped
//! finding anything would fail rather than look fast. The generated corpus knows which grounds
//! it planted in each letter; the real corpus (`FOI_CORPUS`, default
//! `../shared/corpus/wdtk-sheffield`, skipped when absent) is checked against its labels.

mod corpus;
mod threads;

use std::hint::black_box;
use std::path::{Path, PathBuf};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use foi_refusal::{Classifier, Report, RuleSet, Status};

const HOME_OFFICE: &str = include_str!("../data/examples/home-office-style.txt");
const COUNCIL: &str = include_str!("../data/examples/council-refusal.txt");

/// Size of the generated corpus.
const CORPUS_BYTES: usize = 50 * 1024 * 1024;

/// The bare reference: every cue phrase of the rule set (each spelling variant, gaps split into
/// their parts) in one DFA with the same settings as the classifier's, and nothing else.
fn bare_scanner(rules: &RuleSet) -> AhoCorasick {
    let mut phrases: Vec<&str> = rules
        .rules()
        .iter()
        .flat_map(|r| &r.cues)
        .flat_map(|c| c.parts.iter().flatten())
        .map(String::as_str)
        .collect();
    phrases.sort_unstable();
    phrases.dedup();
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(&phrases)
        .expect("cue phrases build")
}

fn relied(report: &Report) -> Vec<&str> {
    let mut ids: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.status == Status::ReliedOn)
        .map(|f| f.id.as_str())
        .collect();
    ids.sort_unstable();
    ids
}

fn build(c: &mut Criterion) {
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
}

/// Benchmarks `classify` over `letters` one at a time, and the bare scan over the same letters,
/// in one group so that their ratio is from one run.
fn bench_letters(c: &mut Criterion, name: &str, letters: &[String], samples: usize) {
    let classifier = Classifier::new();
    let bare = bare_scanner(classifier.rules());
    let bytes: usize = letters.iter().map(String::len).sum();
    let mut group = c.benchmark_group(name);
    group.sample_size(samples);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("classify", |b| {
        b.iter(|| {
            letters
                .iter()
                .map(|l| classifier.classify(black_box(l)).findings.len())
                .sum::<usize>()
        })
    });
    group.bench_function("bare_scan", |b| {
        b.iter(|| {
            letters
                .iter()
                .map(|l| bare.find_iter(black_box(l.as_bytes())).count())
                .sum::<usize>()
        })
    });
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("thread pool");
        group.bench_function(format!("classify_many_{threads}_threads"), |b| {
            b.iter(|| {
                pool.install(|| {
                    classifier
                        .classify_many(letters.iter())
                        .map(|(_, r)| r.findings.len())
                        .sum::<usize>()
                })
            })
        });
    }
    group.finish();
}

fn generated(c: &mut Criterion) {
    let classifier = Classifier::new();
    let letters = corpus::generate(CORPUS_BYTES, 2026);
    for (i, l) in letters.iter().enumerate() {
        let report = classifier.classify(&l.text);
        assert_eq!(
            relied(&report),
            l.relied,
            "generated letter {i}:\n{}",
            l.text
        );
    }
    let texts: Vec<String> = letters.into_iter().map(|l| l.text).collect();
    bench_letters(c, "generated_corpus", &texts, 10);
}

fn real(c: &mut Criterion) {
    let dir = std::env::var_os("FOI_CORPUS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/wdtk-sheffield"),
        PathBuf::from,
    );
    let messages = threads::authority_messages(&dir);
    if messages.is_empty() {
        eprintln!(
            "real_corpus: no corpus at {} (set FOI_CORPUS); skipped",
            dir.display()
        );
        return;
    }
    // The check: of the labelled messages, those relying on at least one ground number within
    // 5% of those the labels say rely on one.
    let classifier = Classifier::new();
    let labels = std::fs::read_to_string(dir.join("labels-dev.jsonl")).unwrap_or_default();
    let mut gold = std::collections::HashMap::new();
    for line in labels.lines() {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
            let refuses = v["relied_on"].as_array().is_some_and(|a| !a.is_empty());
            gold.insert(v["message_id"].as_u64().unwrap_or(0), refuses);
        }
    }
    let (mut want, mut got) = (0usize, 0usize);
    for (id, text) in &messages {
        if let Some(&refuses) = gold.get(id) {
            want += usize::from(refuses);
            got += usize::from(!relied(&classifier.classify(text)).is_empty());
        }
    }
    assert!(
        want == 0 || got.abs_diff(want) * 20 <= want,
        "real corpus: labels say {want} messages rely on a ground, the classifier {got}"
    );
    let texts: Vec<String> = messages.into_iter().map(|(_, t)| t).collect();
    bench_letters(c, "real_corpus", &texts, 20);
}

fn small_cases(c: &mut Criterion) {
    let classifier = Classifier::new();
    let bare = bare_scanner(classifier.rules());
    let long = corpus::long_letter(10 * 1024 * 1024, 7);
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
        ("letter_10mb", long.text, long.relied.len()),
    ];
    let mut group = c.benchmark_group("classify");
    group.sample_size(10);
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
        group.bench_function(format!("{name}_bare_scan"), |b| {
            b.iter(|| bare.find_iter(black_box(text.as_bytes())).count())
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

/// One line dense with citations and act names, at 1, 4 and 16 MB: MiB/s should stay flat.
fn dense_line(c: &mut Criterion) {
    let classifier = Classifier::new();
    let mut group = c.benchmark_group("dense_line");
    group.sample_size(10);
    let unit = "Exempt under section 40(2) of the FOIA. ";
    for mb in [1usize, 4, 16] {
        let text = unit.repeat(mb * 1024 * 1024 / unit.len());
        assert!(
            classifier.classify(&text).finding("foia:s40").is_some(),
            "dense_line: expected foia:s40"
        );
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("{mb}m"), |b| {
            b.iter(|| black_box(classifier.classify(black_box(&text))))
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    build,
    generated,
    real,
    small_cases,
    adversarial,
    dense_line
);
criterion_main!(benches);
