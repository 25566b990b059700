//! Measures the classifier against hand-labelled authority messages.
//!
//! ```sh
//! cargo run --release --example evaluate -- --corpus ../shared/corpus/wdtk-sheffield \
//!     --labels ../shared/corpus/wdtk-sheffield/labels-dev.jsonl [--predictions OUT.jsonl] \
//!     [--errors look|held-out|all|none] [--min-precision P] [--min-recall R] [--min-f1 F] \
//!     [--min-outcome O] [--quiet]
//! cargo run --release --example evaluate -- --corpus ../shared/corpus/uk-mixed \
//!     --labels ../shared/corpus/uk-mixed/labels.jsonl
//! ```
//!
//! Two corpus layouts are read. Request threads (`DIR/requests/*.json`): every authority
//! message (`type: incoming`) is classified, with text after "show quoted sections" (earlier
//! mail folded by the site) left out; labels are keyed by `message_id`. A folder of letters
//! (`DIR/letters/ID.txt`, an optional first line `# source: ...` left out): labels are keyed by
//! `id`.
//!
//! The `relied_on` grounds are compared with the labels. Comparison level: FOIA and FOISA at
//! section (`foia:s40(2)` counts as `foia:s40`); EIR and EISR at the exception
//! (`eir:r12(5)(e)`), with `eir:r12(3)` counted as `eir:r13`. The outcome is compared on
//! decisions and internal reviews.
//!
//! **Folds.** Each labelled message falls in one of five folds by a hash of its id (FNV-1a over
//! the id's decimal or text form, modulo 5). Folds 0, 1 and 2 are the ones development looks
//! at ("look"); folds 3 and 4 are held out: their scores are printed, their errors are not
//! (unless `--errors held-out` or `all` is asked for). Scores are printed for the look folds,
//! the held-out folds and all. Floors (`--min-*`) apply to all messages.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[path = "../benches/threads/mod.rs"]
mod threads;
use threads::own_text;

use foi_refusal::{Classifier, Finding, Report, Status};
use serde::Deserialize;
use serde_json::{json, Value};

#[derive(Deserialize)]
struct Label {
    /// The letter's id (folder-of-letters layout).
    #[serde(default)]
    id: Option<String>,
    /// The message id (request-thread layout).
    #[serde(default)]
    message_id: Option<u64>,
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

impl Label {
    fn key(&self) -> Option<String> {
        self.id
            .clone()
            .or_else(|| self.message_id.map(|m| m.to_string()))
    }
}

#[derive(Deserialize)]
struct LabelEvidence {
    id: String,
    quote: String,
}

/// Which folds' errors are listed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Show {
    Look,
    HeldOut,
    All,
    None,
}

struct Args {
    corpus: PathBuf,
    labels: PathBuf,
    predictions: Option<PathBuf>,
    min_precision: Option<f64>,
    min_recall: Option<f64>,
    min_f1: Option<f64>,
    min_outcome: Option<f64>,
    errors: Show,
    quiet: bool,
}

const USAGE: &str = "usage: evaluate --corpus DIR --labels FILE [--predictions OUT.jsonl] [--errors look|held-out|all|none] [--min-precision P] [--min-recall R] [--min-f1 F] [--min-outcome O] [--quiet]";

/// The number of folds, and the folds development looks at (the rest are held out).
const FOLDS: u64 = 5;
const LOOK_FOLDS: u64 = 3;

/// The fold of a labelled message: FNV-1a (64-bit) over its id, modulo [`FOLDS`].
fn fold_of(id: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in id.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h % FOLDS
}

fn parse_args() -> Result<Args, String> {
    let mut corpus = None;
    let mut labels = None;
    let mut predictions = None;
    let mut min_precision = None;
    let mut min_recall = None;
    let mut min_f1 = None;
    let mut min_outcome = None;
    let mut errors = Show::Look;
    let mut quiet = false;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        let mut number = |name: &str| -> Result<Option<f64>, String> {
            let v = value(name)?;
            v.parse().map(Some).map_err(|e| format!("{name}: {e}"))
        };
        match a.as_str() {
            "--corpus" => corpus = Some(PathBuf::from(value("--corpus")?)),
            "--labels" => labels = Some(PathBuf::from(value("--labels")?)),
            "--predictions" => predictions = Some(PathBuf::from(value("--predictions")?)),
            "--min-precision" => min_precision = number("--min-precision")?,
            "--min-recall" => min_recall = number("--min-recall")?,
            "--min-f1" => min_f1 = number("--min-f1")?,
            "--min-outcome" => min_outcome = number("--min-outcome")?,
            "--errors" => {
                errors = match value("--errors")?.as_str() {
                    "look" => Show::Look,
                    "held-out" => Show::HeldOut,
                    "all" => Show::All,
                    "none" => Show::None,
                    other => return Err(format!("--errors: unknown value {other}")),
                }
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
        min_f1,
        min_outcome,
        errors,
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

/// One authority message of the corpus.
struct Message {
    /// The key its label has (message id or letter id).
    key: String,
    /// How it is named in error lists.
    name: String,
    text: String,
    /// The request it answers (thread layout).
    request_id: Option<u64>,
}

/// The messages of a request-thread corpus (`DIR/requests/*.json`).
fn thread_messages(dir: &Path) -> Result<Vec<Message>, String> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut out = Vec::new();
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
            out.push(Message {
                key: message_id.to_string(),
                name: format!("request {request_id} message {message_id}"),
                text: own_text(&event["content"]),
                request_id: Some(request_id),
            });
        }
    }
    Ok(out)
}

/// The messages of a folder of letters (`DIR/letters/ID.txt`).
fn letter_messages(dir: &Path) -> Result<Vec<Message>, String> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let raw = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let text = match raw.strip_prefix("# source:") {
            Some(rest) => rest.split_once('\n').map_or("", |(_, t)| t).to_string(),
            None => raw,
        };
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        out.push(Message {
            name: format!("letter {id}"),
            key: id,
            text,
            request_id: None,
        });
    }
    Ok(out)
}

/// Counts for one set of folds.
#[derive(Default)]
struct Tally {
    /// Per ground: true positives, false positives, false negatives.
    grounds: BTreeMap<String, [usize; 3]>,
    messages: usize,
    exact: usize,
    decisions: usize,
    outcome_ok: usize,
    outcome_errors: BTreeMap<String, usize>,
    pit_ok: usize,
    pit_ok_dec: usize,
    rr_ok: usize,
    rr_ok_dec: usize,
}

impl Tally {
    fn micro(&self) -> (usize, usize, usize) {
        self.grounds
            .values()
            .fold((0, 0, 0), |a, c| (a.0 + c[0], a.1 + c[1], a.2 + c[2]))
    }

    fn outcome_rate(&self) -> f64 {
        self.outcome_ok as f64 / self.decisions.max(1) as f64
    }

    fn summary_line(&self, what: &str) -> String {
        let (tp, fp, fn_) = self.micro();
        let (p, r, f) = prf(tp, fp, fn_);
        format!(
            "{what:<9} messages {:>4}  relied-on P {p:.3} R {r:.3} F1 {f:.3} (tp {tp}, fp {fp}, fn {fn_})  exact {:.3}  outcome {:.3} ({}/{})",
            self.messages,
            self.exact as f64 / self.messages.max(1) as f64,
            self.outcome_rate(),
            self.outcome_ok,
            self.decisions
        )
    }
}

fn evidence_of(report: &Report, g: &str) -> String {
    report
        .findings
        .iter()
        .find(|f| normalise(&f.id) == g)
        .map(|f| {
            f.evidence
                .iter()
                .map(|e| format!("{}:{} {:?}", e.line, e.column, e.text))
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default()
}

fn run(args: &Args) -> Result<bool, String> {
    let labels_text =
        fs::read_to_string(&args.labels).map_err(|e| format!("{}: {e}", args.labels.display()))?;
    let mut labels: HashMap<String, Label> = HashMap::new();
    for (n, line) in labels_text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let l: Label = serde_json::from_str(line)
            .map_err(|e| format!("{}:{}: {e}", args.labels.display(), n + 1))?;
        let key = l.key().ok_or_else(|| {
            format!(
                "{}:{}: a label needs `id` or `message_id`",
                args.labels.display(),
                n + 1
            )
        })?;
        labels.insert(key, l);
    }

    let requests = args.corpus.join("requests");
    let letters = args.corpus.join("letters");
    let messages = if requests.is_dir() {
        thread_messages(&requests)?
    } else if letters.is_dir() {
        letter_messages(&letters)?
    } else {
        return Err(format!(
            "{}: neither requests/ (request threads) nor letters/ (one letter a file) is there",
            args.corpus.display()
        ));
    };

    let classifier = Classifier::new();
    let mut out = match &args.predictions {
        Some(p) => Some(fs::File::create(p).map_err(|e| format!("{}: {e}", p.display()))?),
        None => None,
    };

    // Tallies: [look folds, held-out folds, all].
    let mut tallies: [Tally; 3] = Default::default();
    let mut errors: Vec<String> = Vec::new();
    let mut outcome_ids: Vec<String> = Vec::new();
    let mut other_errors: Vec<String> = Vec::new();
    let mut bytes = 0usize;
    let mut seen_labels = 0usize;
    let started = std::time::Instant::now();
    for m in &messages {
        bytes += m.text.len();
        let report = classifier.classify(&m.text);
        let relied = ids(&report.findings, Status::ReliedOn);
        if let Some(f) = out.as_mut() {
            let mut line = json!({
                "id": m.key,
                "fold": fold_of(&m.key),
                "relied_on": relied,
                "mentioned": ids(&report.findings, Status::Mentioned),
                "disclaimed": ids(&report.findings, Status::Disclaimed),
                "outcome": report.outcome.kind,
                "public_interest_test": report.public_interest_test,
                "review_rights": report.review_rights,
            });
            if let Some(r) = m.request_id {
                line["request_id"] = json!(r);
                line["message_id"] = json!(m.key.parse::<u64>().unwrap_or(0));
            }
            writeln!(f, "{line}").map_err(|e| format!("writing predictions: {e}"))?;
        }
        let Some(label) = labels.get(&m.key) else {
            continue;
        };
        seen_labels += 1;
        let fold = fold_of(&m.key);
        let look = fold < LOOK_FOLDS;
        let show = match args.errors {
            Show::Look => look,
            Show::HeldOut => !look,
            Show::All => true,
            Show::None => false,
        };
        let name = format!("{} (fold {fold})", m.name);
        let predicted_outcome = serde_json::to_value(report.outcome.kind).unwrap_or_default();
        let predicted_outcome = predicted_outcome.as_str().unwrap_or("").to_string();
        let decision = matches!(label.kind.as_deref(), Some("decision" | "internal_review"));
        let gold: BTreeSet<String> = label.relied_on.iter().map(|g| normalise(g)).collect();
        for (i, t) in tallies.iter_mut().enumerate() {
            if (i == 0 && !look) || (i == 1 && look) {
                continue;
            }
            t.messages += 1;
            if decision {
                t.decisions += 1;
                if label.outcome.as_deref() == Some(predicted_outcome.as_str()) {
                    t.outcome_ok += 1;
                } else {
                    *t.outcome_errors
                        .entry(format!(
                            "{} -> {predicted_outcome}",
                            label.outcome.as_deref().unwrap_or("none")
                        ))
                        .or_default() += 1;
                }
            }
            if label.public_interest_test == report.public_interest_test {
                t.pit_ok += 1;
                t.pit_ok_dec += usize::from(decision);
            }
            if label.review_rights == Some(report.review_rights) {
                t.rr_ok += 1;
                t.rr_ok_dec += usize::from(decision);
            }
            if gold == relied {
                t.exact += 1;
            }
            for g in gold.union(&relied) {
                let c = t.grounds.entry(g.clone()).or_default();
                match (gold.contains(g), relied.contains(g)) {
                    (true, true) => c[0] += 1,
                    (false, true) => c[1] += 1,
                    (true, false) => c[2] += 1,
                    (false, false) => {}
                }
            }
        }
        if !show {
            continue;
        }
        if decision && label.outcome.as_deref() != Some(predicted_outcome.as_str()) {
            outcome_ids.push(format!(
                "outcome {} -> {predicted_outcome}: {name}",
                label.outcome.as_deref().unwrap_or("none")
            ));
        }
        if label.public_interest_test != report.public_interest_test {
            other_errors.push(format!(
                "public_interest_test {:?} -> {:?}: {name}",
                label.public_interest_test, report.public_interest_test
            ));
        }
        if label.review_rights != Some(report.review_rights) {
            other_errors.push(format!(
                "review_rights {:?} -> {}: {name}",
                label.review_rights, report.review_rights
            ));
        }
        for g in gold.symmetric_difference(&relied) {
            if relied.contains(g) {
                errors.push(format!("FP {g} {name}: {}", evidence_of(&report, g)));
            } else {
                let quote: Vec<&str> = label
                    .evidence
                    .iter()
                    .filter(|e| normalise(&e.id) == *g)
                    .map(|e| e.quote.as_str())
                    .collect();
                errors.push(format!("FN {g} {name}: label quote {quote:?}"));
            }
        }
    }
    let elapsed = started.elapsed();

    let all = &tallies[2];
    let (tp, fp, fn_) = all.micro();
    let (p, r, f) = prf(tp, fp, fn_);
    println!("ground (all folds)     gold  tp  fp  fn   prec  recall  f1");
    let mut macro_sum = (0.0, 0.0, 0.0);
    for (g, c) in &all.grounds {
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
    let n = all.grounds.len().max(1) as f64;
    println!();
    println!(
        "messages compared: {} (labels: {}, found in corpus: {seen_labels})",
        all.messages,
        labels.len()
    );
    println!("micro: precision {p:.3} recall {r:.3} f1 {f:.3} (tp {tp}, fp {fp}, fn {fn_})");
    println!(
        "macro: precision {:.3} recall {:.3} f1 {:.3} over {} grounds",
        macro_sum.0 / n,
        macro_sum.1 / n,
        macro_sum.2 / n,
        all.grounds.len()
    );
    println!(
        "exact match per message: {:.3} ({}/{})",
        all.exact as f64 / all.messages.max(1) as f64,
        all.exact,
        all.messages
    );
    let rate = |n: usize, d: usize| n as f64 / d.max(1) as f64;
    println!(
        "outcome agrees on decisions and reviews: {:.3} ({}/{})",
        all.outcome_rate(),
        all.outcome_ok,
        all.decisions
    );
    println!(
        "public_interest_test agrees: {:.3} on decisions and reviews ({}/{}), {:.3} on all ({}/{})",
        rate(all.pit_ok_dec, all.decisions),
        all.pit_ok_dec,
        all.decisions,
        rate(all.pit_ok, all.messages),
        all.pit_ok,
        all.messages
    );
    println!(
        "review_rights agrees: {:.3} on decisions and reviews ({}/{}), {:.3} on all ({}/{})",
        rate(all.rr_ok_dec, all.decisions),
        all.rr_ok_dec,
        all.decisions,
        rate(all.rr_ok, all.messages),
        all.rr_ok,
        all.messages
    );
    println!();
    println!("by folds (look = folds 0-2, held-out = folds 3-4):");
    for (t, what) in tallies.iter().zip(["look", "held-out", "all"]) {
        println!("  {}", t.summary_line(what));
    }
    let shown = match args.errors {
        Show::Look => Some(&tallies[0]),
        Show::HeldOut => Some(&tallies[1]),
        Show::All => Some(&tallies[2]),
        Show::None => None,
    };
    if let Some(t) = shown.filter(|t| !t.outcome_errors.is_empty()) {
        let by_kind: Vec<String> = t
            .outcome_errors
            .iter()
            .map(|(k, n)| format!("{k}: {n}"))
            .collect();
        println!(
            "outcome disagreements in the listed folds (label -> predicted): {}",
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
    let mut floor = |name: &str, value: f64, min: Option<f64>| {
        if let Some(min) = min {
            if value < min {
                eprintln!("evaluate: {name} {value:.3} is below the floor {min}");
                ok = false;
            }
        }
    };
    floor("micro precision", p, args.min_precision);
    floor("micro recall", r, args.min_recall);
    floor("micro F1", f, args.min_f1);
    floor("outcome agreement", all.outcome_rate(), args.min_outcome);
    Ok(ok)
}

#[cfg(test)]
mod tests {
    use super::{fold_of, normalise};

    #[test]
    fn folds_are_stable_and_spread() {
        // FNV-1a: the same id always falls in the same fold.
        assert_eq!(fold_of("504338"), fold_of("504338"));
        let mut seen = [0usize; 5];
        for i in 0..1000u32 {
            seen[fold_of(&i.to_string()) as usize] += 1;
        }
        assert!(seen.iter().all(|&n| n > 150), "{seen:?}");
    }

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
