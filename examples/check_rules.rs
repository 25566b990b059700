//! Validates your own rule files and advice files and runs their examples, as the test suite
//! does for the embedded ones; with `--reference`, also checks that every advice entry's
//! provision appears in the legal reference tables.
//!
//! ```sh
//! cargo run --example check_rules -- my-rules/            # a folder of .toml files
//! cargo run --example check_rules -- my-rules/foia/s43.toml
//! cargo run --example check_rules -- --reference ../shared/reference/foi-law.md  # embedded advice
//! ```
//!
//! The files are loaded on top of the embedded rules (a file with an embedded rule's id replaces
//! it; files in a folder named `advice` are advice files). Every problem is printed as
//! `file:line:column: rule ID: message`; the exit code is 0 when all is well, 1 otherwise, 2 for
//! a usage error.

use std::process::ExitCode;

use foi_refusal::{AdviceEntry, Classifier};

const USAGE: &str = "usage: check_rules [--reference FOI-LAW.md] [PATH...]   (rule or advice files, or folders of them)";

fn main() -> ExitCode {
    let mut paths: Vec<String> = Vec::new();
    let mut reference: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            "--reference" => match args.next() {
                Some(p) => reference = Some(p),
                None => {
                    eprintln!("{USAGE}");
                    return ExitCode::from(2);
                }
            },
            _ => paths.push(a),
        }
    }
    if paths.is_empty() && reference.is_none() {
        eprintln!("{USAGE}");
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
    let mine_rule = |source: &str| paths.iter().any(|p| source.starts_with(p.as_str()));
    let mine: Vec<_> = classifier
        .rules()
        .rules()
        .iter()
        .filter(|r| mine_rule(&r.source))
        .collect();
    let advice: Vec<&AdviceEntry> = classifier
        .rules()
        .advice()
        .iter()
        .filter(|e| mine_rule(&e.source))
        .collect();
    let mut failures = classifier.check_rules(mine.iter().copied());
    failures.extend(classifier.check_advice(advice.iter().copied()));
    for f in &failures {
        eprintln!("{f}");
    }
    let mut missing = 0;
    if let Some(path) = &reference {
        match std::fs::read_to_string(path) {
            Ok(text) => {
                for e in classifier.rules().advice() {
                    if let Some(p) = &e.provision {
                        if !in_reference(&text, p) {
                            eprintln!(
                                "{}: advice {}: provision {p} is not in {path}",
                                e.source, e.id
                            );
                            missing += 1;
                        }
                    }
                }
                println!(
                    "{} advice entries: {}",
                    classifier.rules().advice().len(),
                    if missing == 0 {
                        format!("every provision is in {path}")
                    } else {
                        format!("{missing} provision(s) not in {path}")
                    }
                );
            }
            Err(e) => {
                eprintln!("cannot read {path}: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    let examples: usize = mine
        .iter()
        .map(|r| r.examples.len() + r.counter_examples.len())
        .sum::<usize>()
        + advice.iter().map(|e| e.examples.len()).sum::<usize>();
    if !paths.is_empty() {
        println!(
            "{} rule file(s), {} advice entries, {examples} example(s): {}",
            mine.len(),
            advice.len(),
            if failures.is_empty() {
                "all pass".to_string()
            } else {
                format!("{} failure(s)", failures.len())
            }
        );
    }
    if failures.is_empty() && missing == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The parts of the reference tables that cover a regime: FOIA in sections 1 and 2, the EIR in
/// 2 and 3, FOISA and the EISR in 2 and 4 (section 2 sets the notice duties side by side).
fn regime_text<'t>(text: &'t str, act: &str) -> Vec<&'t str> {
    let sections: Vec<(usize, &str)> = text
        .match_indices("\n## ")
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect::<Vec<_>>()
        .windows(2)
        .map(|w| (w[0], &text[w[0]..w[1]]))
        .filter_map(|(_, s)| {
            let n = s.trim_start_matches("\n## ").split('.').next()?;
            n.parse::<usize>().ok().map(|n| (n, s))
        })
        .collect();
    let wanted: &[usize] = match act {
        "foia" => &[1, 2],
        "eir" => &[2, 3],
        "foisa" | "eisr" => &[2, 4],
        _ => &[],
    };
    sections
        .into_iter()
        .filter(|(n, _)| wanted.contains(n))
        .map(|(_, s)| s)
        .collect()
}

/// True when provision `hook` (`foia:s17(3)`) is in the reference: its number, or failing that
/// its section or regulation with the first bracketed part and then alone, appears in the
/// regime's sections, not as part of a longer number.
fn in_reference(text: &str, hook: &str) -> bool {
    let Some((act, rest)) = hook.split_once(':') else {
        return false;
    };
    let number = rest.trim_start_matches(['s', 'r']);
    let parts = regime_text(text, act);
    let mut candidates = vec![number.to_string()];
    let mut cut = number;
    while let Some(i) = cut.rfind('(') {
        cut = &cut[..i];
        candidates.push(cut.to_string());
    }
    candidates.iter().any(|c| {
        parts.iter().any(|p| {
            p.match_indices(c.as_str()).any(|(i, _)| {
                let before = p[..i].chars().next_back();
                let after = p[i + c.len()..].chars().next();
                !before.is_some_and(|b| b.is_ascii_digit())
                    && !after.is_some_and(|a| a.is_ascii_digit() || a.is_ascii_uppercase())
            })
        })
    })
}
