//! A human-readable rendering of a report.

use std::fmt::Write;

use crate::vocab::{
    Act, Basis, CheckResult, Excerpt, OutcomeKind, Qualification, Report, Span, Status,
};

/// Longest sentence excerpt shown, in bytes (cut on char boundaries).
const EXCERPT: usize = 220;

fn floor(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The sentence with the cited span between `[` and `]`, on one line, shortened around the span.
fn marked_sentence(text: &str, sentence: Span, cited: Span) -> String {
    let s = Span::new(sentence.start.min(cited.start), sentence.end.max(cited.end));
    let half = EXCERPT.saturating_sub(cited.len()) / 2;
    let from = ceil(text, s.start.max(cited.start.saturating_sub(half)));
    let to = floor(text, s.end.min(cited.end.saturating_add(half)));
    let one_line = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let pre = one_line(text.get(from..cited.start).unwrap_or(""));
    let mid = one_line(cited.slice(text));
    let post = one_line(text.get(cited.end..to.max(cited.end)).unwrap_or(""));
    let lead = if from > s.start { "..." } else { "" };
    let tail = if to < s.end { "..." } else { "" };
    let gap_pre = if pre.is_empty() || text[..cited.start].ends_with(char::is_alphanumeric) {
        ""
    } else {
        " "
    };
    let gap_post = if post.is_empty() || text[cited.end..].starts_with(char::is_alphanumeric) {
        ""
    } else {
        " "
    };
    format!("{lead}{pre}{gap_pre}[{mid}]{gap_post}{post}{tail}")
}

/// `text` on one line, cut to about `max` bytes on a char boundary.
fn one_line(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.len() <= max {
        return flat;
    }
    format!("{}...", &flat[..floor(&flat, max)])
}

/// `line:col text` for an excerpt, on one line.
fn excerpt_line(e: &Excerpt, max: usize) -> String {
    format!("{:>4}:{:<3} {}", e.line, e.column, one_line(&e.text, max))
}

fn outcome_name(kind: OutcomeKind) -> &'static str {
    match kind {
        OutcomeKind::Granted => "granted",
        OutcomeKind::Partial => "partly granted",
        OutcomeKind::Refused => "refused",
        OutcomeKind::NotHeld => "information not held",
        OutcomeKind::Ncnd => "neither confirmed nor denied",
        OutcomeKind::Redirected => "redirected (published elsewhere, or held by another body)",
        OutcomeKind::Acknowledgement => "acknowledgement",
        OutcomeKind::Clarification => "clarification sought",
        OutcomeKind::Extension => "extension",
        _ => "unclear",
    }
}

/// Renders `report` for people: each ground with its title, kind, basis and confidence, then
/// its evidence as `line:col` and the sentence with the cited span in brackets. `text` must be
/// the letter the report was made from.
pub fn render_text(report: &Report, text: &str) -> String {
    let mut out = String::new();
    let relied: Vec<_> = report.relied_on().collect();
    let jurisdiction = match report.jurisdiction {
        crate::vocab::Jurisdiction::Foia => "FOIA 2000",
        crate::vocab::Jurisdiction::Eir => "EIR 2004",
        crate::vocab::Jurisdiction::Foisa => "FOISA 2002",
        crate::vocab::Jurisdiction::Eisr => "EISR 2004",
        crate::vocab::Jurisdiction::Mixed => "mixed regimes",
        crate::vocab::Jurisdiction::Named(name) => name,
        _ => "regime not stated",
    };
    let _ = writeln!(
        out,
        "{} ground{} relied on; {jurisdiction} (rules {})",
        relied.len(),
        if relied.len() == 1 { "" } else { "s" },
        report.rules_version
    );
    for w in &report.warnings {
        let _ = writeln!(out, "warning: {w}");
    }
    for f in &report.findings {
        let kind = match f.kind {
            Qualification::Absolute => "absolute",
            Qualification::Qualified => "qualified",
        };
        let basis = match f.basis {
            Basis::Cited => "cited",
            Basis::Inferred => "inferred",
        };
        let status = match f.status {
            Status::ReliedOn => "relied on",
            Status::Mentioned => "mentioned",
            Status::Disclaimed => "disclaimed",
        };
        let provisions = if f.provisions.is_empty() {
            String::new()
        } else {
            let prefix = match f.act {
                Act::Eir | Act::Eisr => "reg. ",
                _ => "s.",
            };
            let listed: Vec<String> = f
                .provisions
                .iter()
                .map(|p| format!("{prefix}{p}"))
                .collect();
            format!(" {}", listed.join(", "))
        };
        let _ = writeln!(
            out,
            "\n{}{provisions}  {}\n  {status}, {kind}, {basis}, confidence {:.2}",
            f.id, f.title, f.confidence
        );
        if let Some(pi) = &f.public_interest {
            for (label, list) in [
                ("for disclosure", &pi.for_disclosure),
                ("for withholding", &pi.for_withholding),
            ] {
                for e in list.iter().take(2) {
                    let _ = writeln!(out, "  public interest {label}: {}", one_line(&e.text, 150));
                }
            }
            if let Some(c) = &pi.conclusion {
                let _ = writeln!(
                    out,
                    "  public interest conclusion: {}",
                    one_line(&c.text, 150)
                );
            }
        }
        if !f.equivalents.is_empty() {
            let _ = writeln!(out, "  equivalents: {}", f.equivalents.join(", "));
        }
        for e in &f.evidence {
            let part = e
                .part
                .as_deref()
                .map_or(String::new(), |p| format!("  (in {p})"));
            let _ = writeln!(
                out,
                "  {:>4}:{:<3} {}{part}",
                e.line,
                e.column,
                marked_sentence(text, e.sentence, e.span())
            );
        }
    }
    let _ = writeln!(out, "\noutcome: {}", outcome_name(report.outcome.kind));
    for e in report.outcome.evidence.iter().take(3) {
        let _ = writeln!(out, "  {}", excerpt_line(e, 160));
    }
    let applicable: Vec<_> = report.applicable_checks().collect();
    if !applicable.is_empty() {
        let _ = writeln!(out, "\nrefusal notice checks:");
        for c in applicable {
            let mark = if c.result == CheckResult::Pass {
                "pass"
            } else {
                "FAIL"
            };
            let _ = writeln!(
                out,
                "  {mark:<4}  {:<24} {:<18} {}",
                c.id, c.provision, c.detail
            );
            if let Some(e) = c.evidence.first() {
                let _ = writeln!(out, "        {}", excerpt_line(e, 150));
            }
        }
    }
    let others: Vec<_> = report
        .references
        .iter()
        .filter(|r| r.role != crate::vocab::RefRole::Ground)
        .collect();
    if !others.is_empty() {
        let list: Vec<String> = others
            .iter()
            .map(|r| format!("{} {} ({:?})", r.act, r.provision, r.role).to_lowercase())
            .collect();
        let _ = writeln!(out, "\nother references: {}", list.join("; "));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_the_span_inside_its_sentence() {
        let text = "Intro. We rely on section 43(2) here. Bye.";
        let start = text.find("section").unwrap();
        let cited = Span::new(start, start + "section 43(2)".len());
        let sentence = Span::new(7, 37);
        assert_eq!(
            marked_sentence(text, sentence, cited),
            "We rely on [section 43(2)] here."
        );
    }

    #[test]
    fn long_sentences_are_cut_on_char_boundaries() {
        let text = format!("{}section 43{}", "é".repeat(400), "ü".repeat(400));
        let start = text.find("section").unwrap();
        let cited = Span::new(start, start + 10);
        let s = marked_sentence(&text, Span::new(0, text.len()), cited);
        assert!(s.starts_with("...") && s.ends_with("...") && s.contains("[section 43]"));
    }
}
