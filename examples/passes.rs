//! Classifies the authority messages of a request-thread corpus a given number of times, for
//! instruction and cache counts of one pass (run it with 1 and with 3 passes under cachegrind and
//! halve the difference, so that building the classifier and first-use work cancel out).
//!
//! ```sh
//! cargo run --release --example passes -- ../shared/corpus/wdtk-sheffield 3
//! ```

use std::path::{Path, PathBuf};

#[path = "../benches/threads/mod.rs"]
mod threads;

use foi_refusal::Classifier;

fn messages(dir: &Path) -> Vec<String> {
    let threads = dir.join("requests");
    let dir = if threads.is_dir() { &threads } else { dir };
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("corpus directory")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let raw = std::fs::read_to_string(&path).expect("thread file");
        let thread: serde_json::Value = serde_json::from_str(&raw).expect("thread JSON");
        for event in thread["events"].as_array().into_iter().flatten() {
            if event["type"] == "incoming" {
                out.push(threads::own_text(&event["content"]));
            }
        }
    }
    out
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().expect("usage: passes CORPUS [PASSES]"));
    let passes: usize = args
        .next()
        .map_or(1, |n| n.parse().expect("a number of passes"));
    let letters = messages(&dir);
    let classifier = Classifier::new();
    let mut findings = 0usize;
    for _ in 0..passes {
        for l in &letters {
            findings += std::hint::black_box(classifier.classify(std::hint::black_box(l)))
                .findings
                .len();
        }
    }
    println!(
        "{} letters, {passes} passes, {findings} findings",
        letters.len()
    );
}
