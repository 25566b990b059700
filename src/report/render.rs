//! A human-readable rendering of a report.

use std::fmt::Write;

use crate::vocab::{
    Act, Advice, Basis, CheckResult, Excerpt, OutcomeKind, Qualification, Report, Span, Status,
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
///
/// What the requester can argue ([`Report::advice`]) is listed under what it is about: under
/// its ground, after the line of its notice check, or under the outcome. Each argument is
/// wrapped to about 96 columns after `argue: `, and followed by its statutory hook
/// and the place of its first evidence (`line:col`).
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
    let mut shown = vec![false; report.advice.len()];
    for f in &report.findings {
        render_finding(&mut out, f, text);
        render_advice(&mut out, report, &mut shown, &f.id, ARGUE);
    }
    let _ = writeln!(out, "\noutcome: {}", outcome_name(report.outcome.kind));
    for e in report.outcome.evidence.iter().take(3) {
        let _ = writeln!(out, "  {}", excerpt_line(e, 160));
    }
    let outcome_about = format!("outcome:{}", report.outcome.kind);
    render_advice(&mut out, report, &mut shown, &outcome_about, ARGUE);
    render_checks(&mut out, report, &mut shown);
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
    if shown.iter().any(|s| !s) {
        let _ = writeln!(out, "\nother advice:");
        for (i, a) in report.advice.iter().enumerate() {
            if !shown[i] {
                let _ = writeln!(out, "  about {}", a.about);
                advice_lines(&mut out, a, ARGUE);
            }
        }
    }
    out
}

/// One finding: its heading, public interest arguments, equivalents and evidence.
fn render_finding(out: &mut String, f: &crate::vocab::Finding, text: &str) {
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

/// The notice checks that apply, each followed by the arguments about it.
fn render_checks(out: &mut String, report: &Report, shown: &mut [bool]) {
    let applicable: Vec<_> = report.applicable_checks().collect();
    if applicable.is_empty() {
        return;
    }
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
        render_advice(out, report, shown, &c.id, CHECK_ARGUE);
    }
}

/// How wide an argument is wrapped, in columns, indent included.
const ADVICE_WIDTH: usize = 96;

/// The lead of an argument under a finding or the outcome.
const ARGUE: &str = "  argue: ";

/// The lead of an argument under a notice check (indented as the check's evidence).
const CHECK_ARGUE: &str = "        argue: ";

/// Writes the advice items about `about` that are not yet shown, each after `lead`.
fn render_advice(out: &mut String, report: &Report, shown: &mut [bool], about: &str, lead: &str) {
    for (i, a) in report.advice.iter().enumerate() {
        if a.about == about && !shown[i] {
            shown[i] = true;
            advice_lines(out, a, lead);
        }
    }
}

/// One argument: wrapped after `lead`, then its hook and where its first evidence is.
fn advice_lines(out: &mut String, a: &Advice, lead: &str) {
    let indent = " ".repeat(lead.len());
    let lines = wrap(&a.argument, ADVICE_WIDTH.saturating_sub(lead.len()).max(20));
    for (i, line) in lines.iter().enumerate() {
        let _ = writeln!(out, "{}{line}", if i == 0 { lead } else { &indent });
    }
    let at = match a.evidence.first() {
        Some(e) => format!("evidence {}:{}", e.line, e.column),
        None => "nothing in the letter to point to (the letter is silent)".to_string(),
    };
    let _ = writeln!(out, "{indent}hook: {}, {at}", a.provision);
}

/// `text`'s words in lines of at most `width` columns (a longer word has a line of its own).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut cols = 0;
    for word in text.split_whitespace() {
        let w = word.chars().count();
        if cols > 0 && cols + 1 + w > width {
            lines.push(std::mem::take(&mut line));
            cols = 0;
        }
        if cols > 0 {
            line.push(' ');
            cols += 1;
        }
        line.push_str(word);
        cols += w;
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
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
    fn arguments_are_wrapped_under_what_they_are_about() {
        let text = "The unit rates are withheld under section 43(2) of the Freedom of Information \
Act 2000, as releasing them would harm the supplier.";
        let report = crate::Classifier::new().classify(text);
        assert!(!report.advice.is_empty());
        let out = render_text(&report, text);
        let lines: Vec<&str> = out.lines().collect();
        for a in &report.advice {
            let first = a
                .argument
                .split_whitespace()
                .take(6)
                .collect::<Vec<_>>()
                .join(" ");
            let at = lines
                .iter()
                .position(|l| l.trim_start().starts_with(&format!("argue: {first}")))
                .unwrap_or_else(|| panic!("{} not shown:\n{out}", a.rule));
            // Under its ground, or after its check's line.
            let owner = lines[..at]
                .iter()
                .rev()
                .find(|l| {
                    let t = l.trim_start();
                    (!l.starts_with(' ') && !l.is_empty())
                        || t.starts_with("FAIL ")
                        || t.starts_with("pass ")
                })
                .unwrap();
            // An outcome's argument sits under its "outcome: refused" line.
            assert!(
                owner.contains(&a.about) || owner.contains(&a.about.replacen(':', ": ", 1)),
                "{} under {owner:?}:\n{out}",
                a.rule
            );
        }
        for l in &lines {
            assert!(
                !l.trim_start().starts_with("argue: ") || l.chars().count() <= ADVICE_WIDTH,
                "{l}"
            );
        }
        assert!(out.contains("hook: foia:s43(2), evidence 1:"), "{out}");
    }

    #[test]
    fn words_wrap_to_the_width() {
        assert_eq!(wrap("aa bb cc", 5), ["aa bb", "cc"]);
        assert_eq!(wrap("", 5), [""]);
        assert_eq!(wrap("abcdefgh ij", 5), ["abcdefgh", "ij"]);
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
