//! Classifies one refusal letter and prints what it relies on.
//!
//! ```sh
//! cargo run --release --example classify -- LETTER        # human-readable report
//! cargo run --release --example classify -- --json LETTER # the Report as JSON
//! cargo run --release --example classify -- -             # read the letter from stdin
//! ```

use std::io::{Read, Write};
use std::process::ExitCode;

use foi_refusal::{report::render_text, Classifier};

const USAGE: &str =
    "usage: classify [--json] LETTER   (LETTER is a file path, or - for standard input)";

fn main() -> ExitCode {
    let mut json = false;
    let mut path: Option<String> = None;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json = true,
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
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            eprintln!(
                "classify: {path} is not valid UTF-8 text (first bad byte at offset {}); convert it to UTF-8 first",
                e.utf8_error().valid_up_to()
            );
            return ExitCode::FAILURE;
        }
    };

    let report = Classifier::new().classify(&text);
    let output = if json {
        match serde_json::to_string_pretty(&report) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("classify: cannot serialise the report: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        format!("{path}: {}", render_text(&report, &text))
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
