//! Measures the classifier against hand-labelled authority messages.
//!
//! ```sh
//! cargo run --release --example evaluate -- --corpus ../shared/corpus/wdtk-sheffield \
//!     --labels ../shared/corpus/wdtk-sheffield/labels-dev.jsonl [--predictions OUT.jsonl] \
//!     [--min-precision P] [--min-recall R] [--quiet]
//! ```
//!
//! Reads the request threads (`DIR/requests/*.json`), classifies every authority message
//! (`type: incoming`; text after "show quoted sections" is earlier mail folded by the site and
//! is ignored), and compares the `relied_on` grounds with the labels. Comparison level: FOIA and
//! FOISA at section (`foia:s40(2)` counts as `foia:s40`); EIR and EISR at the exception
//! (`eir:r12(5)(e)`), with `eir:r12(3)` counted as `eir:r13`. Prints per-ground counts, micro and
//! macro precision/recall/F1, the exact-match rate per message and every error with its evidence
//! (or the label's quote). With `--min-precision` / `--min-recall` it exits 1 below the floor.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[path = "../benches/threads/mod.rs"]
mod threads;
use threads::own_text;

use foi_refusal::{Classifier, Finding, Status};
use serde::Deserialize;
use serde_json::{json, Value};

#[derive(Deserialize)]
struct Label {
    request_id: u64,
    message_id: u64,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    outcome: Option<String>,
    #[serde(default)]
    public_interest_test: Option<bool>,
    #[serde(default)]
    review_rights: Option<bool>,
    relied_on: Vec<String>,
    #[serde(default)]
    evidence: Vec<LabelEvidence>,
}

#[derive(Deserialize)]
struct LabelEvidence {
    id: String,
    quote: String,
}

struct Args {
    corpus: PathBuf,
    labels: PathBuf,
    predictions: Option<PathBuf>,
    min_precision: Option<f64>,
    min_recall: Option<f64>,
    quiet: bool,
}

const USAGE: &str = "usage: evaluate --corpus DIR --labels FILE [--predictions OUT.jsonl] [--min-precision P] [--min-recall R] [--quiet]";

fn parse_args() -> Result<Args, String> {
    let mut corpus = None;
    let mut labels = None;
    let mut predictions = None;
    let mut min_precision = None;
    let mut min_recall = None;
    let mut quiet = false;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        match a.as_str() {
            "--corpus" => corpus = Some(PathBuf::from(value("--corpus")?)),
            "--labels" => labels = Some(PathBuf::from(value("--labels")?)),
            "--predictions" => predictions = Some(PathBuf::from(value("--predictions")?)),
            "--min-precision" => {
                min_precision = Some(
                    value("--min-precision")?
                        .parse()
                        .map_err(|e| format!("--min-precision: {e}"))?,
                )
            }
            "--min-recall" => {
                min_recall = Some(
                    value("--min-recall")?
                        .parse()
                        .map_err(|e| format!("--min-recall: {e}"))?,
                )
            }
            "--quiet" => quiet = true,
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(Args {
        corpus: corpus.ok_or("--corpus is required")?,
        labels: labels.ok_or("--labels is required")?,
        predictions,
        min_precision,
        min_recall,
        quiet,
    })
}

/// The comparison level: FOIA/FOISA sections, EIR/EISR exceptions; EIR 12(3) is 13.
fn normalise(id: &str) -> String {
    let Some((act, prov)) = id.split_once(':') else {
        return id.to_string();
    };
    let (letter, rest) = prov.split_at(1.min(prov.len()));
    let number_end = rest.find('(').unwrap_or(rest.len());
    let number = &rest[..number_end];
    match act {
        "eir" | "eisr" => {
            let parts: Vec<&str> = rest[number_end..]
                .trim_start_matches('(')
                .trim_end_matches(')')
                .split(")(")
                .filter(|p| !p.is_empty())
                .collect();
            let personal = if act == "eir" {
                ("12", "3", "13")
            } else {
                ("10", "3", "11")
            };
            if number == personal.0 && parts.first() == Some(&personal.1) || number == personal.2 {
                return format!("{act}:{letter}{}", personal.2);
            }
            // Exceptions are compared at paragraph level: 12(5)(e), 12(4)(b).
            let keep: Vec<&str> = parts.into_iter().take(2).collect();
            let mut s = format!("{act}:{letter}{number}");
            for p in keep {
                s.push_str(&format!("({p})"));
            }
            s
        }
        _ => format!("{act}:{letter}{number}"),
    }
}

fn ids(findings: &[Finding], status: Status) -> BTreeSet<String> {
    findings
        .iter()
        .filter(|f| f.status == status)
        .map(|f| normalise(&f.id))
        .collect()
}

fn prf(tp: usize, fp: usize, fn_: usize) -> (f64, f64, f64) {
    let p = if tp + fp == 0 {
        1.0
    } else {
        tp as f64 / (tp + fp) as f64
    };
    let r = if tp + fn_ == 0 {
        1.0
    } else {
        tp as f64 / (tp + fn_) as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("evaluate: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("evaluate: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &Args) -> Result<bool, String> {
    let labels_text =
        fs::read_to_string(&args.labels).map_err(|e| format!("{}: {e}", args.labels.display()))?;
    let mut labels: HashMap<u64, Label> = HashMap::new();
    for (n, line) in labels_text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let l: Label = serde_json::from_str(line)
            .map_err(|e| format!("{}:{}: {e}", args.labels.display(), n + 1))?;
        labels.insert(l.message_id, l);
    }

    let dir = args.corpus.join("requests");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();

    let classifier = Classifier::new();
    let mut out = match &args.predictions {
        Some(p) => Some(fs::File::create(p).map_err(|e| format!("{}: {e}", p.display()))?),
        None => None,
    };

    let mut counts: BTreeMap<String, [usize; 3]> = BTreeMap::new(); // tp, fp, fn
    let mut errors: Vec<String> = Vec::new();
    let (mut messages, mut exact, mut seen_labels) = (0usize, 0usize, 0usize);
    let mut bytes = 0usize;
    let (mut decisions, mut outcome_ok, mut pit_ok, mut rr_ok, mut pit_ok_dec, mut rr_ok_dec) =
        (0, 0, 0, 0, 0, 0);
    let mut outcome_errors: BTreeMap<String, usize> = BTreeMap::new();
    let mut outcome_ids: Vec<String> = Vec::new();
    let mut other_errors: Vec<String> = Vec::new();
    let started = std::time::Instant::now();
    for path in files {
        let raw = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let thread: Value =
            serde_json::from_str(&raw).map_err(|e| format!("{}: {e}", path.display()))?;
        let request_id = thread["id"].as_u64().unwrap_or(0);
        for event in thread["events"].as_array().into_iter().flatten() {
            if event["type"] != "incoming" {
                continue;
            }
            let Some(message_id) = event["message_id"].as_u64() else {
                continue;
            };
            let text = own_text(&event["content"]);
            bytes += text.len();
            let report = classifier.classify(&text);
            let relied = ids(&report.findings, Status::ReliedOn);
            if let Some(f) = out.as_mut() {
                let line = json!({
                    "request_id": request_id,
                    "message_id": message_id,
                    "relied_on": relied,
                    "mentioned": ids(&report.findings, Status::Mentioned),
                    "disclaimed": ids(&report.findings, Status::Disclaimed),
                    "outcome": report.outcome.kind,
                    "public_interest_test": report.public_interest_test,
                    "review_rights": report.review_rights,
                });
                writeln!(f, "{line}").map_err(|e| format!("writing predictions: {e}"))?;
            }
            let Some(label) = labels.get(&message_id) else {
                continue;
            };
            seen_labels += 1;
            messages += 1;
            let predicted_outcome = serde_json::to_value(report.outcome.kind).unwrap_or_default();
            let predicted_outcome = predicted_outcome.as_str().unwrap_or("");
            let decision = matches!(label.kind.as_deref(), Some("decision" | "internal_review"));
            if decision {
                decisions += 1;
                if label.outcome.as_deref() == Some(predicted_outcome) {
                    outcome_ok += 1;
                } else {
                    *outcome_errors
                        .entry(format!(
                            "{} -> {predicted_outcome}",
                            label.outcome.as_deref().unwrap_or("none")
                        ))
                        .or_default() += 1;
                    outcome_ids.push(format!(
                        "outcome {} -> {predicted_outcome}: request {} message {message_id}",
                        label.outcome.as_deref().unwrap_or("none"),
                        label.request_id
                    ));
                }
            }
            // Agreement on one field: counted overall and on decisions, or listed as an error.
            let mut tally = |agrees: bool, ok: &mut usize, ok_dec: &mut usize, what: String| {
                if agrees {
                    *ok += 1;
                    *ok_dec += usize::from(decision);
                } else {
                    other_errors.push(format!(
                        "{what}: request {} message {message_id}",
                        label.request_id
                    ));
                }
            };
            tally(
                label.public_interest_test == report.public_interest_test,
                &mut pit_ok,
                &mut pit_ok_dec,
                format!(
                    "public_interest_test {:?} -> {:?}",
                    label.public_interest_test, report.public_interest_test
                ),
            );
            tally(
                label.review_rights == Some(report.review_rights),
                &mut rr_ok,
                &mut rr_ok_dec,
                format!(
                    "review_rights {:?} -> {}",
                    label.review_rights, report.review_rights
                ),
            );
            let gold: BTreeSet<String> = label.relied_on.iter().map(|g| normalise(g)).collect();
            if gold == relied {
                exact += 1;
            }
            for g in gold.union(&relied) {
                let c = counts.entry(g.clone()).or_default();
                match (gold.contains(g), relied.contains(g)) {
                    (true, true) => c[0] += 1,
                    (false, true) => {
                        c[1] += 1;
                        let f = report.findings.iter().find(|f| normalise(&f.id) == *g);
                        let ev: Vec<String> = f
                            .map(|f| {
                                f.evidence
                                    .iter()
                                    .map(|e| format!("{}:{} {:?}", e.line, e.column, e.text))
                                    .collect()
                            })
                            .unwrap_or_default();
                        errors.push(format!(
                            "FP {g} request {} message {message_id}: {}",
                            label.request_id,
                            ev.join(", ")
                        ));
                    }
                    (true, false) => {
                        c[2] += 1;
                        let quote: Vec<&str> = label
                            .evidence
                            .iter()
                            .filter(|e| normalise(&e.id) == *g)
                            .map(|e| e.quote.as_str())
                            .collect();
                        errors.push(format!(
                            "FN {g} request {} message {message_id}: label quote {quote:?}",
                            label.request_id
                        ));
                    }
                    (false, false) => {}
                }
            }
        }
    }
    let elapsed = started.elapsed();

    let (tp, fp, fn_) = counts
        .values()
        .fold((0, 0, 0), |a, c| (a.0 + c[0], a.1 + c[1], a.2 + c[2]));
    let (p, r, f) = prf(tp, fp, fn_);
    println!("ground                 gold  tp  fp  fn   prec  recall  f1");
    let mut macro_sum = (0.0, 0.0, 0.0);
    for (g, c) in &counts {
        let (gp, gr, gf) = prf(c[0], c[1], c[2]);
        macro_sum = (macro_sum.0 + gp, macro_sum.1 + gr, macro_sum.2 + gf);
        println!(
            "{g:<22} {:>4} {:>3} {:>3} {:>3}  {gp:.3}  {gr:.3}  {gf:.3}",
            c[0] + c[2],
            c[0],
            c[1],
            c[2]
        );
    }
    let n = counts.len().max(1) as f64;
    println!();
    println!(
        "messages compared: {messages} (labels: {}, found in corpus: {seen_labels})",
        labels.len()
    );
    println!("micro: precision {p:.3} recall {r:.3} f1 {f:.3} (tp {tp}, fp {fp}, fn {fn_})");
    println!(
        "macro: precision {:.3} recall {:.3} f1 {:.3} over {} grounds",
        macro_sum.0 / n,
        macro_sum.1 / n,
        macro_sum.2 / n,
        counts.len()
    );
    println!(
        "exact match per message: {:.3} ({exact}/{messages})",
        exact as f64 / messages.max(1) as f64
    );
    let rate = |n: usize, d: usize| n as f64 / d.max(1) as f64;
    println!(
        "outcome agrees on decisions and reviews: {:.3} ({outcome_ok}/{decisions})",
        rate(outcome_ok, decisions)
    );
    println!(
        "public_interest_test agrees: {:.3} on decisions and reviews ({pit_ok_dec}/{decisions}), {:.3} on all ({pit_ok}/{messages})",
        rate(pit_ok_dec, decisions),
        rate(pit_ok, messages)
    );
    println!(
        "review_rights agrees: {:.3} on decisions and reviews ({rr_ok_dec}/{decisions}), {:.3} on all ({rr_ok}/{messages})",
        rate(rr_ok_dec, decisions),
        rate(rr_ok, messages)
    );
    if !outcome_errors.is_empty() {
        let by_kind: Vec<String> = outcome_errors
            .iter()
            .map(|(k, n)| format!("{k}: {n}"))
            .collect();
        println!(
            "outcome disagreements (label -> predicted): {}",
            by_kind.join(", ")
        );
    }
    println!("classified {bytes} bytes in {:.3} s", elapsed.as_secs_f64());
    if !args.quiet && !errors.is_empty() {
        println!("\nerrors:");
        for e in &errors {
            println!("  {e}");
        }
    }
    if !(args.quiet || outcome_ids.is_empty() && other_errors.is_empty()) {
        println!("\noutcome, public interest and rights disagreements:");
        for e in outcome_ids.iter().chain(&other_errors) {
            println!("  {e}");
        }
    }
    let mut ok = true;
    if let Some(min) = args.min_precision {
        if p < min {
            eprintln!("evaluate: micro precision {p:.3} is below the floor {min}");
            ok = false;
        }
    }
    if let Some(min) = args.min_recall {
        if r < min {
            eprintln!("evaluate: micro recall {r:.3} is below the floor {min}");
            ok = false;
        }
    }
    Ok(ok)
}

#[cfg(test)]
mod tests {
    use super::normalise;

    #[test]
    fn comparison_levels() {
        assert_eq!(normalise("foia:s40(2)"), "foia:s40");
        assert_eq!(normalise("foia:s22A"), "foia:s22A");
        assert_eq!(normalise("eir:r12(5)(e)"), "eir:r12(5)(e)");
        assert_eq!(normalise("eir:r12(3)"), "eir:r13");
        assert_eq!(normalise("eir:r13(1)"), "eir:r13");
        assert_eq!(normalise("foisa:s38(1)(b)"), "foisa:s38");
    }
}
