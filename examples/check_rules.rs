//! Validates your own rule files and runs their examples, as the test suite does for the
//! embedded ones.
//!
//! ```sh
//! cargo run --example check_rules -- my-rules/            # a folder of .toml files
//! cargo run --example check_rules -- my-rules/foia/s43.toml
//! ```
//!
//! The files are loaded on top of the embedded rules (a file with an embedded rule's id replaces
//! it). Every problem is printed as `file:line:column: rule ID: message`; the exit code is 0 when
//! all is well, 1 otherwise, 2 for a usage error.

use std::process::ExitCode;

use foi_refusal::Classifier;

fn main() -> ExitCode {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() || paths.iter().any(|p| p == "-h" || p == "--help") {
        eprintln!("usage: check_rules PATH...   (rule files, or folders of them)");
        return ExitCode::from(2);
    }
    let mut builder = Classifier::builder();
    for p in &paths {
        builder = builder.rule_path(p);
    }
    let classifier = match builder.build() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let mine: Vec<_> = classifier
        .rules()
        .rules()
        .iter()
        .filter(|r| paths.iter().any(|p| r.source.starts_with(p.as_str())))
        .collect();
    let failures = classifier.check_rules(mine.iter().copied());
    for f in &failures {
        eprintln!("{f}");
    }
    let examples: usize = mine
        .iter()
        .map(|r| r.examples.len() + r.counter_examples.len())
        .sum();
    println!(
        "{} rule file(s), {examples} example(s): {}",
        mine.len(),
        if failures.is_empty() {
            "all pass".to_string()
        } else {
            format!("{} failure(s)", failures.len())
        }
    );
    if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
