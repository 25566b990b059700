//! Classifies the authority messages of a request-thread corpus a given number of times, for
//! instruction and cache counts of one pass (run it with 1 and with 3 passes under cachegrind and
//! halve the difference, so that building the classifier and first-use work cancel out).
//!
//! ```sh
//! cargo run --release --example passes -- ../shared/corpus/wdtk-sheffield 3
//! ```

use std::path::PathBuf;

#[path = "../benches/threads/mod.rs"]
mod threads;

use foi_refusal::Classifier;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().expect("usage: passes CORPUS [PASSES]"));
    let passes: usize = args
        .next()
        .map_or(1, |n| n.parse().expect("a number of passes"));
    let letters: Vec<String> = threads::authority_messages(&dir)
        .into_iter()
        .map(|(_, text)| text)
        .collect();
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
