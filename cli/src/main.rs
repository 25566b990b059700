//! `foi-refusal`: classify refusal letters in bulk. Files, directories, standard input, JSON
//! Lines or request-thread JSON in; text, JSON, JSON Lines, CSV, an HTML page or drafted review
//! requests out; a summary table for the whole run. Letters are classified in parallel and
//! written in input order.
//!
//! A folder gives the files in it that look like letters (decided from their content, by
//! [`foi_refusal::input::looks_like_letter`]); `--all-files` reads them all.
//!
//! Exit codes: 0 when every input was read, 1 when some could not be (each reported on standard
//! error with its path; the run goes on), 2 for a usage error. Empty inputs and folders without
//! letters are warned about on standard error, and do not change the exit code.

mod html;
mod input;
mod output;
mod summary;
mod table;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use foi_refusal::{Classifier, Report};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use input::{Mode, Sources};

/// Output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Human-readable, one report after another (in colour on a terminal unless NO_COLOR is set).
    Text,
    /// One JSON document: the report for a single letter, else an array of {id, authority, report}.
    Json,
    /// One JSON object per line: {id, authority, report}.
    Jsonl,
    /// One row per letter, findings or none: letter, authority, outcome, regime, the grounds
    /// relied on, mentioned and disclaimed and the failed notice checks (space-separated ids),
    /// public_interest_test (true, false, or empty when no qualified ground is in play),
    /// review_rights and the number of arguments for a review. Values are the names the JSON
    /// uses (partial, not_held, unknown, ...).
    Csv,
    /// One row per finding: letter, authority, ground, title, status, basis, kind, confidence,
    /// provisions, and the first evidence (offsets, line, column, text, sentence).
    CsvFindings,
    /// One self-contained HTML page: a legend, a table of the letters with filters by ground and
    /// failed check, then each letter with its cited spans highlighted (a colour per ground) and
    /// its grounds, outcome, checks and arguments beside it. The page is written at the end, so
    /// the whole run is held in memory: meant for runs a person reads, not whole corpora.
    Html,
    /// A drafted request for an internal review of each letter (from what it can argue), one
    /// after another; a short note instead for a letter with nothing to argue.
    Review,
}

/// Reads Freedom of Information refusal letters and reports which grounds each relies on, with
/// the spans of text that show it.
#[derive(Parser, Debug)]
#[command(name = "foi-refusal", version, about, long_about = None)]
struct Cli {
    /// Letters to read: files, directories (read recursively, in name order), or - for standard
    /// input. A file named here is always read; in a directory, only the files that look like
    /// letters from their content (text, e-mail, HTML, PDF, Word, OpenDocument), unless
    /// --all-files. A missing or unreadable input is reported and the others are read (exit 1).
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,

    /// In directories, read every file, not only those that look like letters (configuration,
    /// data, code and binary files are left out otherwise).
    #[arg(long)]
    all_files: bool,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Text)]
    format: Format,

    /// Inputs are JSON Lines: one object per line with an id and a text field.
    #[arg(long, conflicts_with = "threads")]
    jsonl: bool,

    /// Inputs are request-thread JSON files (a WhatDoTheyKnow-style export): every authority
    /// message (`type: incoming`) is classified, without the earlier mail folded below
    /// "show quoted sections".
    #[arg(long)]
    threads: bool,

    /// With --jsonl: the field that holds each letter's id.
    #[arg(long, default_value = "id", value_name = "NAME")]
    id_field: String,

    /// With --jsonl: the field that holds each letter's text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    text_field: String,

    /// With --jsonl: the field that names the authority (used by --summary).
    #[arg(long, default_value = "authority", value_name = "NAME")]
    authority_field: String,

    /// Print a summary table for the whole run instead of one report per letter.
    #[arg(long)]
    summary: bool,

    /// With --summary: list the letters behind each count (each ground's letters relying on it,
    /// each failed check's, those relying on a qualified ground without a public interest test,
    /// each outcome's), in the text, JSON and CSV forms.
    #[arg(long, requires = "summary")]
    details: bool,

    /// Your own rule files (a file, or a folder of .toml files), loaded on top of the embedded
    /// rules: a file with an embedded rule's id replaces it. Repeatable.
    #[arg(long, value_name = "PATH")]
    rules: Vec<PathBuf>,

    /// Worker threads (default: one per core).
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,

    /// Never show a progress bar (one is shown on a terminal otherwise).
    #[arg(long)]
    no_progress: bool,
}

/// How many letters are read, classified and written at a time: memory stays bounded however
/// large the corpus.
const BATCH: usize = 512;

fn main() -> ExitCode {
    // pdf-extract panics on some damaged PDFs; the library catches that and reports the file as
    // damaged, so the panic message itself would only be noise.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let in_pdf_library = info
            .location()
            .is_some_and(|l| l.file().contains("pdf-extract") || l.file().contains("lopdf"));
        if !in_pdf_library {
            default_hook(info);
        }
    }));
    let cli = Cli::parse();
    if let Some(n) = cli.jobs {
        if let Err(e) = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
        {
            eprintln!("foi-refusal: cannot start {n} threads: {e}");
            return ExitCode::from(2);
        }
    }
    let mode = if cli.jsonl {
        Mode::Jsonl {
            id: cli.id_field.clone(),
            text: cli.text_field.clone(),
            authority: cli.authority_field.clone(),
        }
    } else if cli.threads {
        Mode::Threads
    } else {
        Mode::Plain
    };
    let plain = matches!(mode, Mode::Plain);
    let mut sources = Sources::new(&cli.inputs, mode, cli.all_files);

    let classifier = if cli.rules.is_empty() {
        Classifier::new()
    } else {
        let builder = cli
            .rules
            .iter()
            .fold(Classifier::builder(), |b, p| b.rule_path(p));
        match builder.build() {
            Ok(c) => c,
            Err(e) => {
                eprintln!("foi-refusal: {e}");
                return ExitCode::from(2);
            }
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    // In plain mode a file is a letter, so the number of letters is known: a bar with the total.
    let total = plain.then(|| sources.file_count() as u64);
    let progress = progress_bar(&cli, sources.file_count(), total);
    let colour = io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut writer = output::Writer::new(cli.format, cli.summary, colour);
    let mut totals = summary::Summary::new(cli.details);
    let mut failed = 0usize;

    let result: io::Result<()> = (|| {
        writer.begin(&mut out)?;
        loop {
            let batch = sources.next_batch(BATCH);
            progress.suspend(|| {
                for e in &batch.errors {
                    eprintln!("foi-refusal: {e}");
                }
                for w in &batch.warnings {
                    eprintln!("foi-refusal: warning: {w}");
                }
            });
            failed += batch.errors.len();
            if batch.letters.is_empty() && sources.is_done() {
                break;
            }
            let reports: Vec<Report> = batch
                .letters
                .par_iter()
                .map(|l| classifier.classify_document(&l.doc))
                .collect();
            for (letter, report) in batch.letters.iter().zip(&reports) {
                totals.add(letter, report);
                writer.letter(&mut out, letter, report)?;
            }
            if total.is_some() {
                progress.set_position(sources.files_done() as u64);
            } else {
                progress.inc(batch.letters.len() as u64);
            }
        }
        if cli.summary {
            writer.summary(&mut out, &totals)?;
        }
        writer.end(&mut out)?;
        out.flush()
    })();
    progress.finish_and_clear();
    let skipped = sources.skipped();
    if skipped > 0 {
        eprintln!(
            "foi-refusal: skipped {} (--all-files to read them)",
            input::not_letters(skipped)
        );
    }
    match result {
        Ok(()) => {}
        // `foi-refusal ... | head` closing the pipe is not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        Err(e) => {
            eprintln!("foi-refusal: cannot write output: {e}");
            return ExitCode::from(1);
        }
    }
    if failed > 0 {
        eprintln!("foi-refusal: {failed} input(s) could not be read");
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

/// A progress bar on standard error when it is a terminal (and not --no-progress), unless the
/// run reads a single letter: see [`new_progress`].
fn progress_bar(cli: &Cli, files: usize, total: Option<u64>) -> ProgressBar {
    if cli.no_progress || !io::stderr().is_terminal() || (total.is_some() && files < 2) {
        return ProgressBar::hidden();
    }
    new_progress(total)
}

/// A bar towards `total` files when the number of letters is known (plain files, one letter
/// each), else a spinner counting letters (JSON Lines and request threads hold an unknown
/// number).
fn new_progress(total: Option<u64>) -> ProgressBar {
    match total {
        Some(n) => {
            let bar = ProgressBar::new(n);
            bar.set_style(
                ProgressStyle::with_template(
                    "{bar:40} {pos}/{len} files, {per_sec}, {eta} left [{elapsed}]",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar
        }
        None => {
            let bar = ProgressBar::new_spinner();
            bar.set_style(
                ProgressStyle::with_template("{spinner} {pos} letters, {per_sec} [{elapsed}]")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_is_a_bar_with_a_total_when_the_letters_are_counted() {
        assert_eq!(new_progress(Some(40)).length(), Some(40));
        assert_eq!(new_progress(None).length(), None, "a spinner");
        let cli = Cli::parse_from(["foi-refusal", "--no-progress", "a", "b"]);
        assert!(progress_bar(&cli, 2, Some(2)).is_hidden());
    }

    #[test]
    fn details_need_the_summary() {
        assert!(Cli::try_parse_from(["foi-refusal", "--details", "a"]).is_err());
        assert!(Cli::try_parse_from(["foi-refusal", "--summary", "--details", "a"]).is_ok());
    }
}
