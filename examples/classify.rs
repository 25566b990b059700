//! Classifies one refusal letter and prints what it relies on.
//!
//! ```sh
//! cargo run --release --example classify -- LETTER        # human-readable report
//! cargo run --release --example classify -- --json LETTER # the Report as JSON
//! cargo run --release --example classify -- --review LETTER  # a drafted internal review request
//! cargo run --release --example classify -- -             # read the letter from stdin
//! cargo run --release --example classify -- --rules my-rules/ LETTER  # with your own rules
//! ```
//!
//! The letter may be plain UTF-8 text, an e-mail (.eml, with PDF, HTML or text attachments), an
//! HTML page or a PDF.

use std::io::{Read, Write};
use std::process::ExitCode;

use foi_refusal::input::read_document;
use foi_refusal::{draft_review, render_text, Classifier};

const USAGE: &str =
    "usage: classify [--json | --review] [--rules PATH] LETTER   (LETTER is a file path, or - for standard input)";

fn main() -> ExitCode {
    let mut json = false;
    let mut review = false;
    let mut path: Option<String> = None;
    let mut rules: Vec<String> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--review" => review = true,
            "--rules" => match args.next() {
                Some(p) => rules.push(p),
                None => {
                    eprintln!("classify: --rules needs a path\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            a if a.starts_with("--") => {
                eprintln!("classify: unknown option {a}\n{USAGE}");
                return ExitCode::from(2);
            }
            a => {
                if path.replace(a.to_string()).is_some() {
                    eprintln!("classify: give one letter\n{USAGE}");
                    return ExitCode::from(2);
                }
            }
        }
    }
    let Some(path) = path else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    if json && review {
        eprintln!("classify: give --json or --review, not both\n{USAGE}");
        return ExitCode::from(2);
    }

    let bytes = if path == "-" {
        let mut buf = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut buf) {
            eprintln!("classify: cannot read standard input: {e}");
            return ExitCode::FAILURE;
        }
        buf
    } else {
        match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("classify: cannot read {path}: {e}");
                return ExitCode::FAILURE;
            }
        }
    };
    // Plain text, e-mail (.eml), HTML or PDF: the format is detected from the content.
    let name = if path == "-" {
        "<stdin>"
    } else {
        path.as_str()
    };
    let doc = match read_document(&bytes, name) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("classify: {e}");
            return ExitCode::FAILURE;
        }
    };
    let text = &doc.text;
    // Your own rule files (--rules), on top of the embedded ones.
    let classifier = if rules.is_empty() {
        Classifier::new()
    } else {
        let mut builder = Classifier::builder();
        for r in &rules {
            builder = builder.rule_path(r);
        }
        match builder.build() {
            Ok(c) => c,
            Err(e) => {
                eprintln!("classify: {e}");
                return ExitCode::FAILURE;
            }
        }
    };
    let report = classifier.classify_document(&doc);
    let output = if json {
        match serde_json::to_string_pretty(&report) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("classify: cannot serialise the report: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else if review {
        // The authority's name and reference are read in the letter itself.
        draft_review(&report, text)
    } else {
        format!("{path}: {}", render_text(&report, text))
    };
    let mut stdout = std::io::stdout().lock();
    match writeln!(stdout, "{output}").and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`classify ... | head`) is not an error worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("classify: cannot write the report: {e}");
            ExitCode::FAILURE
        }
    }
}
