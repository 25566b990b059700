//! Writing reports in each format, in input order.

use std::io::{self, Write};

use foi_refusal::render_text;
use foi_refusal::Report;
use serde_json::json;

use crate::html;
use crate::input::Letter;
use crate::summary::Summary;
use crate::Format;

/// Writes one run's output.
pub struct Writer {
    format: Format,
    /// ANSI colours in the text format (a terminal, and `NO_COLOR` unset).
    colour: bool,
    summary_only: bool,
    count: usize,
    /// For `json`: the first letter is held back until we know whether there is a second.
    held: Option<serde_json::Value>,
    csv: Option<csv::Writer<Vec<u8>>>,
}

fn io_err(e: impl std::fmt::Display) -> io::Error {
    io::Error::other(e.to_string())
}

/// Bold ground ids, cited spans in yellow, failed checks in red and passed ones in green.
fn colourise(body: &str) -> String {
    let mut out = String::with_capacity(body.len() + 256);
    for line in body.lines() {
        let trimmed = line.trim_start();
        let coloured = if trimmed.starts_with("FAIL ") {
            format!("\x1b[31m{line}\x1b[0m")
        } else if trimmed.starts_with("pass ") {
            format!("\x1b[32m{line}\x1b[0m")
        } else if line
            .split(':')
            .next()
            .is_some_and(|a| ["foia", "eir", "foisa", "eisr"].contains(&a))
        {
            format!("\x1b[1m{line}\x1b[0m")
        } else {
            line.replace('[', "\x1b[33m[").replace(']', "]\x1b[0m")
        };
        out.push_str(&coloured);
        out.push('\n');
    }
    out
}

fn entry(letter: &Letter, report: &Report) -> serde_json::Value {
    json!({ "id": letter.id, "authority": letter.authority, "report": report })
}

impl Writer {
    pub fn new(format: Format, summary_only: bool, colour: bool) -> Writer {
        Writer {
            format,
            colour,
            summary_only,
            count: 0,
            held: None,
            csv: None,
        }
    }

    pub fn begin(&mut self, out: &mut impl Write) -> io::Result<()> {
        if self.summary_only {
            return Ok(());
        }
        match self.format {
            Format::Html => out.write_all(html::HEAD.as_bytes()),
            Format::Csv => {
                let mut w = csv::Writer::from_writer(Vec::new());
                w.write_record([
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
                ])
                .map_err(io_err)?;
                out.write_all(&w.into_inner().map_err(io_err)?)
            }
            _ => Ok(()),
        }
    }

    pub fn letter(
        &mut self,
        out: &mut impl Write,
        letter: &Letter,
        report: &Report,
    ) -> io::Result<()> {
        self.count += 1;
        if self.summary_only {
            return Ok(());
        }
        match self.format {
            Format::Text => {
                let body = render_text(report, letter.text());
                if self.colour {
                    writeln!(out, "\x1b[1m== {}\x1b[0m", letter.id)?;
                    writeln!(out, "{}", colourise(&body))
                } else {
                    writeln!(out, "== {}", letter.id)?;
                    writeln!(out, "{body}")
                }
            }
            Format::Jsonl => {
                serde_json::to_writer(&mut *out, &entry(letter, report)).map_err(io_err)?;
                writeln!(out)
            }
            Format::Json => {
                let e = entry(letter, report);
                match self.count {
                    1 => {
                        self.held = Some(e);
                        Ok(())
                    }
                    2 => {
                        writeln!(out, "[")?;
                        if let Some(first) = self.held.take() {
                            serde_json::to_writer_pretty(&mut *out, &first).map_err(io_err)?;
                        }
                        writeln!(out, ",")?;
                        serde_json::to_writer_pretty(&mut *out, &e).map_err(io_err)
                    }
                    _ => {
                        writeln!(out, ",")?;
                        serde_json::to_writer_pretty(&mut *out, &e).map_err(io_err)
                    }
                }
            }
            Format::Csv => {
                let w = self
                    .csv
                    .get_or_insert_with(|| csv::Writer::from_writer(Vec::new()));
                for f in &report.findings {
                    let first = f.evidence.first();
                    let sentence = first
                        .map(|e| {
                            e.sentence
                                .slice(letter.text())
                                .split_whitespace()
                                .collect::<Vec<_>>()
                                .join(" ")
                        })
                        .unwrap_or_default();
                    w.write_record([
                        letter.id.as_str(),
                        letter.authority.as_deref().unwrap_or(""),
                        f.id.as_str(),
                        f.title.as_str(),
                        &f.status.to_string(),
                        &f.basis.to_string(),
                        &f.kind.to_string(),
                        &format!("{:.2}", f.confidence),
                        &f.provisions.join(" "),
                        &first.map_or(String::new(), |e| e.start.to_string()),
                        &first.map_or(String::new(), |e| e.end.to_string()),
                        &first.map_or(String::new(), |e| e.line.to_string()),
                        &first.map_or(String::new(), |e| e.column.to_string()),
                        first.map_or("", |e| e.text.as_str()),
                        &sentence,
                    ])
                    .map_err(io_err)?;
                }
                let buf = std::mem::replace(w, csv::Writer::from_writer(Vec::new()))
                    .into_inner()
                    .map_err(io_err)?;
                out.write_all(&buf)
            }
            Format::Html => out.write_all(html::letter(self.count, letter, report).as_bytes()),
        }
    }

    pub fn summary(&mut self, out: &mut impl Write, summary: &Summary) -> io::Result<()> {
        match self.format {
            Format::Json | Format::Jsonl => {
                serde_json::to_writer_pretty(&mut *out, &summary.to_json()).map_err(io_err)?;
                writeln!(out)
            }
            Format::Csv => out.write_all(summary.to_csv().map_err(io_err)?.as_bytes()),
            Format::Html => {
                out.write_all(html::HEAD.as_bytes())?;
                out.write_all(html::summary(summary).as_bytes())?;
                out.write_all(html::TAIL.as_bytes())
            }
            Format::Text => out.write_all(summary.to_text().as_bytes()),
        }
    }

    pub fn end(&mut self, out: &mut impl Write) -> io::Result<()> {
        if self.summary_only {
            return Ok(());
        }
        match self.format {
            Format::Json => match (self.count, self.held.take()) {
                (0, _) => writeln!(out, "[]"),
                (1, Some(first)) => {
                    // A single letter: its report alone.
                    let report = first.get("report").cloned().unwrap_or(first);
                    serde_json::to_writer_pretty(&mut *out, &report).map_err(io_err)?;
                    writeln!(out)
                }
                _ => writeln!(out, "\n]"),
            },
            Format::Html => out.write_all(html::TAIL.as_bytes()),
            _ => Ok(()),
        }
    }
}
