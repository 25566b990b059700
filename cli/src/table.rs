//! The CSV formats: one row per letter (`--format csv`) and one row per finding
//! (`--format csv-findings`). Values are the names the JSON uses (`partial`, `not_held`,
//! `unknown`, `relied_on`), lists are space-separated ids, and a value there is none of is
//! empty, so that the tables read as data.

use std::io;

use foi_refusal::{Report, Status};

use crate::input::Letter;

/// The columns of `--format csv`.
const LETTER_COLUMNS: [&str; 11] = [
    "letter",
    "authority",
    "outcome",
    "regime",
    "relied_on",
    "mentioned",
    "disclaimed",
    "failed_checks",
    "public_interest_test",
    "review_rights",
    "advice",
];

/// The columns of `--format csv-findings`.
const FINDING_COLUMNS: [&str; 15] = [
    "letter",
    "authority",
    "ground",
    "title",
    "status",
    "basis",
    "kind",
    "confidence",
    "provisions",
    "start",
    "end",
    "line",
    "column",
    "evidence",
    "sentence",
];

fn io_err(e: impl std::fmt::Display) -> io::Error {
    io::Error::other(e.to_string())
}

/// `rows` written as CSV.
fn csv_bytes<R, F>(rows: impl IntoIterator<Item = R>) -> io::Result<Vec<u8>>
where
    R: IntoIterator<Item = F>,
    F: AsRef<[u8]>,
{
    let mut w = csv::Writer::from_writer(Vec::new());
    for row in rows {
        w.write_record(row).map_err(io_err)?;
    }
    w.into_inner().map_err(io_err)
}

/// The header line: of the per-finding table when `per_finding`, else of the per-letter one.
pub fn header(per_finding: bool) -> io::Result<Vec<u8>> {
    if per_finding {
        csv_bytes([FINDING_COLUMNS])
    } else {
        csv_bytes([LETTER_COLUMNS])
    }
}

/// The rows of one letter: its row, or its findings' rows when `per_finding`.
pub fn rows(per_finding: bool, letter: &Letter, report: &Report) -> io::Result<Vec<u8>> {
    if per_finding {
        csv_bytes(finding_rows(letter, report))
    } else {
        csv_bytes([letter_row(letter, report)])
    }
}

/// The ids of the findings with `status`, space-separated.
fn grounds(report: &Report, status: Status) -> String {
    report
        .findings
        .iter()
        .filter(|f| f.status == status)
        .map(|f| f.id.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// One letter's row: every letter has one, with findings or without.
fn letter_row(letter: &Letter, report: &Report) -> [String; 11] {
    let failed = report.failed_checks();
    [
        letter.id.clone(),
        letter.authority.clone().unwrap_or_default(),
        report.outcome.kind.to_string(),
        report.jurisdiction.to_string(),
        grounds(report, Status::ReliedOn),
        grounds(report, Status::Mentioned),
        grounds(report, Status::Disclaimed),
        failed.join(" "),
        report
            .public_interest_test
            .map_or(String::new(), |b| b.to_string()),
        report.review_rights.to_string(),
        report.advice.len().to_string(),
    ]
}

/// One row per finding, with its first evidence.
fn finding_rows(letter: &Letter, report: &Report) -> Vec<[String; 15]> {
    let text = letter.text();
    report
        .findings
        .iter()
        .map(|f| {
            let first = f.evidence.first();
            let at = |v: fn(&foi_refusal::Evidence) -> usize| {
                first.map_or(String::new(), |e| v(e).to_string())
            };
            let sentence = first
                .map(|e| {
                    e.sentence
                        .slice(text)
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .unwrap_or_default();
            [
                letter.id.clone(),
                letter.authority.clone().unwrap_or_default(),
                f.id.clone(),
                f.title.clone(),
                f.status.to_string(),
                f.basis.to_string(),
                f.kind.to_string(),
                format!("{:.2}", f.confidence),
                f.provisions.join(" "),
                at(|e| e.start),
                at(|e| e.end),
                at(|e| e.line),
                at(|e| e.column),
                first.map_or(String::new(), |e| e.text.clone()),
                sentence,
            ]
        })
        .collect()
}
