//! Writing reports in each format, in input order.

use std::io::{self, Write};

use foi_refusal::{draft_review_with, render_text, Report, ReviewOptions};
use serde_json::json;

use crate::html;
use crate::input::Letter;
use crate::summary::Summary;
use crate::table;
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
    /// For `html`: the page, written at the end, since its table of letters comes first (the
    /// sections are kept until then; see [`html::Page`]).
    html: html::Page,
}

fn io_err(e: impl std::fmt::Display) -> io::Error {
    io::Error::other(e.to_string())
}

/// Bold ground ids, cited spans in yellow, failed checks in red and passed ones in green, and
/// the requester's arguments (an `argue: ` line and the lines indented under it) in cyan, whole:
/// their brackets and colons are the argument's, not marks.
fn colourise(body: &str) -> String {
    let mut out = String::with_capacity(body.len() + 256);
    // The indent of the argument being written, while its lines go on.
    let mut argument: Option<usize> = None;
    for line in body.lines() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if let Some(lead) = argue_indent(line) {
            argument = Some(lead);
        } else if argument.is_some_and(|lead| indent != lead || trimmed.is_empty()) {
            argument = None;
        }
        let coloured = if argument.is_some() {
            format!("\x1b[36m{line}\x1b[0m")
        } else if trimmed.starts_with("FAIL ") {
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

/// For the first line of an argument (`  argue: ...`): the indent of the lines that go on with
/// it, under its first word.
fn argue_indent(line: &str) -> Option<usize> {
    let trimmed = line.trim_start();
    trimmed
        .starts_with("argue: ")
        .then(|| line.len() - trimmed.len() + "argue: ".len())
}

/// The drafted review request for `letter`: addressed to the authority the input names, else to
/// the e-mail's sender when that is an authority's name, else to the one the letter names.
fn review(letter: &Letter, report: &Report) -> String {
    let mut options = ReviewOptions::new();
    if let Some(a) = &letter.authority {
        options = options.authority(a.clone());
    }
    if let Some(name) = letter.doc.from.as_deref().and_then(display_name) {
        options = options.sender(name);
    }
    draft_review_with(report, letter.text(), &options)
}

/// The display name of a `From` header (`"Kingsmere Council" <foi@example.org>`), if it has one.
fn display_name(from: &str) -> Option<String> {
    let (name, _) = from.split_once('<')?;
    let name = name.trim().trim_matches('"').trim();
    (!name.is_empty()).then(|| name.to_string())
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
            html: html::Page::new(!summary_only),
        }
    }

    pub fn begin(&mut self, out: &mut impl Write) -> io::Result<()> {
        if self.summary_only {
            return Ok(());
        }
        match self.format {
            // Written whole at the end.
            Format::Html => Ok(()),
            Format::Csv | Format::CsvFindings => {
                out.write_all(&table::header(self.format == Format::CsvFindings)?)
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
        if self.format == Format::Html {
            // Kept for the table of letters (and, without --summary, the letter's section).
            self.html.add(self.count, letter, report);
        }
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
            Format::Csv | Format::CsvFindings => out.write_all(&table::rows(
                self.format == Format::CsvFindings,
                letter,
                report,
            )?),
            Format::Html => Ok(()),
            Format::Review => {
                writeln!(out, "== {}", letter.id)?;
                writeln!(out, "{}", review(letter, report))
            }
        }
    }

    pub fn summary(&mut self, out: &mut impl Write, summary: &Summary) -> io::Result<()> {
        match self.format {
            Format::Json | Format::Jsonl => {
                serde_json::to_writer_pretty(&mut *out, &summary.to_json()).map_err(io_err)?;
                writeln!(out)
            }
            Format::Csv | Format::CsvFindings => {
                out.write_all(summary.to_csv().map_err(io_err)?.as_bytes())
            }
            Format::Html => out.write_all(self.html.summary(summary).as_bytes()),
            Format::Text | Format::Review => out.write_all(summary.to_text().as_bytes()),
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
            Format::Html => out.write_all(self.html.finish().as_bytes()),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_of_senders() {
        assert_eq!(
            display_name("\"Kingsmere Council\" <foi@example.org>").as_deref(),
            Some("Kingsmere Council")
        );
        assert_eq!(display_name("foi@example.org"), None);
        assert_eq!(display_name("<foi@example.org>"), None);
    }

    #[test]
    fn arguments_are_coloured_whole_and_their_brackets_left_alone() {
        let body = "foia:s43 s.43(2)  Commercial interests\n     3:10  the [section 43(2)] cite\n  argue: Ask [which] part: foia:s43 applies.\n         and [this] goes on\n         hook: foia:s43(2), evidence 3:10\n\noutcome: refused\n  FAIL  exemption_specified\n        argue: Say which.\n               hook: foia:s17(1)(b), evidence 1:1\n";
        let out = colourise(body);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines[0],
            "\x1b[1mfoia:s43 s.43(2)  Commercial interests\x1b[0m"
        );
        assert!(
            lines[1].contains("\x1b[33m[section 43(2)]\x1b[0m"),
            "{}",
            lines[1]
        );
        for i in [2, 3, 4, 8, 9] {
            assert!(
                lines[i].starts_with("\x1b[36m") && !lines[i].contains("\x1b[33m"),
                "{i}: {:?}",
                lines[i]
            );
        }
        assert_eq!(lines[5], "");
        assert!(lines[7].starts_with("\x1b[31m"), "{:?}", lines[7]);
    }
}
