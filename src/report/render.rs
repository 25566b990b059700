//! A human-readable rendering of a report.

use std::fmt::Write;

use super::words;
use crate::vocab::{Advice, CheckResult, Excerpt, Report, Span};

/// The widest line of the rendering, in characters.
pub(crate) const WIDTH: usize = 100;

/// The indent of a finding's evidence lines: two spaces and `line:col ` (`{:>4}:{:<3} `).
const EVIDENCE_LEAD: usize = 2 + 4 + 1 + 3 + 1;

/// The sentence with the cited span between `[` and `]`, on one line of at most `max`
/// characters (more only when the span itself is longer), shortened around the span with `...`.
/// The brackets sit where the span's own ends are: a space is kept beside a bracket only where
/// the letter has one.
fn marked_sentence(text: &str, sentence: Span, cited: Span, max: usize) -> String {
    let s = Span::new(sentence.start.min(cited.start), sentence.end.max(cited.end));
    let flat = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let before = text.get(s.start..cited.start).unwrap_or("");
    let after = text.get(cited.end..s.end).unwrap_or("");
    let mut pre = flat(before);
    let mut post = flat(after);
    if !pre.is_empty() && before.ends_with(char::is_whitespace) {
        pre.push(' ');
    }
    if !post.is_empty() && after.starts_with(char::is_whitespace) {
        post.insert(0, ' ');
    }
    // A span too long for the line keeps its two ends, and leaves room for the `...` of each
    // side of it that is cut.
    let cited_words = flat(cited.slice(text));
    let n = cited_words.chars().count();
    let (pre_n, post_n) = (pre.chars().count(), post.chars().count());
    let cut_sides = if n + 2 + pre_n + post_n > max {
        usize::from(pre_n > 0) + usize::from(post_n > 0)
    } else {
        0
    };
    let mid = if n + 2 + 3 * cut_sides > max {
        let max = max.saturating_sub(3 * cut_sides);
        let keep = max.saturating_sub(7) / 2;
        let head: String = cited_words.chars().take(keep).collect();
        let tail: String = cited_words.chars().skip(n - keep).collect();
        format!("[{head}...{tail}]")
    } else {
        format!("[{cited_words}]")
    };
    let room = max.saturating_sub(mid.chars().count());
    // Half the room each side; a side that needs less leaves the rest to the other.
    let half = room / 2;
    let keep_pre = if post_n < room - half {
        pre_n.min(room - post_n)
    } else {
        pre_n.min(half)
    };
    let keep_post = post_n.min(room - keep_pre);
    // A side cut short is cut at a space, so that no word is shown in part.
    let pre = if keep_pre < pre_n {
        let tail: String = pre
            .chars()
            .skip(pre_n - keep_pre.saturating_sub(3))
            .collect();
        let whole = match tail.find(' ') {
            Some(i) if i + 1 < tail.len() => &tail[i + 1..],
            _ => "",
        };
        format!("...{whole}")
    } else {
        pre
    };
    let post = if keep_post < post_n {
        let head: String = post.chars().take(keep_post.saturating_sub(3)).collect();
        let whole = head.rfind(' ').map_or("", |i| head[..i].trim_end());
        format!("{whole}...")
    } else {
        post
    };
    format!("{pre}{mid}{post}")
}

/// `text` on one line, cut to at most `max` characters (with `...`).
fn one_line(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max.saturating_sub(3)).collect();
    format!("{cut}...")
}

/// `line:col text` for an excerpt, on one line, the whole at most `max` characters.
fn excerpt_line(e: &Excerpt, max: usize) -> String {
    let place = format!("{:>4}:{:<3} ", e.line, e.column);
    let room = max.saturating_sub(place.chars().count()).max(20);
    format!("{place}{}", one_line(&e.text, room))
}

/// Writes `label` and `body` wrapped to [`WIDTH`]: the first line after `lead` and `label`,
/// the rest indented as `indent`.
fn wrapped(out: &mut String, lead: &str, label: &str, body: &str, indent: usize) {
    let first = lead.chars().count() + label.chars().count();
    let pad = " ".repeat(indent);
    let mut lines = wrap(body, WIDTH.saturating_sub(first.max(indent)).max(20)).into_iter();
    let _ = writeln!(out, "{lead}{label}{}", lines.next().unwrap_or_default());
    let rest: Vec<String> = lines.collect();
    if !rest.is_empty() {
        for line in wrap(&rest.join(" "), WIDTH.saturating_sub(indent).max(20)) {
            let _ = writeln!(out, "{pad}{line}");
        }
    }
}

/// Renders `report` for people, in lines of at most 100 characters and in the same words as
/// the tool's HTML page ([`words`]): a heading with how many grounds are relied on, the regime
/// and the outcome; then each ground with its title, status (and, when it is only mentioned or
/// disclaimed, why), kind, basis and confidence in words, its public interest arguments, and
/// its evidence as `line:col` and the sentence with the cited span in brackets; the outcome
/// with its evidence; the notice checks with what each found; and the version of the rule set
/// that read the letter. `text` must be the letter the report was made from.
///
/// What the requester can argue ([`Report::advice`]) is listed under what it is about: under
/// its ground, after the line of its notice check, or under the outcome. Each argument is
/// wrapped to about 96 columns after `argue: `, and followed by its statutory hook
/// and the place of its first evidence (`line:col`).
pub fn render_text(report: &Report, text: &str) -> String {
    let mut out = String::new();
    let relied = report.relied_on().count();
    let heading = format!(
        "{} ground{} relied on; {}; outcome: {}",
        relied,
        if relied == 1 { "" } else { "s" },
        words::regime(&report.jurisdiction),
        words::outcome(report.outcome.kind)
    );
    wrapped(&mut out, "", "", &heading, 2);
    for w in &report.warnings {
        wrapped(&mut out, "", "warning: ", w, 2);
    }
    let mut shown = vec![false; report.advice.len()];
    for f in &report.findings {
        render_finding(&mut out, f, text, report.parts.len() > 1);
        render_advice(&mut out, report, &mut shown, &f.id, ARGUE);
    }
    let _ = writeln!(out, "\noutcome: {}", words::outcome(report.outcome.kind));
    for e in report.outcome.evidence.iter().take(3) {
        let _ = writeln!(out, "  {}", excerpt_line(e, WIDTH - 2));
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
            .map(|r| format!("{} {} ({})", r.act, r.provision, r.role).to_lowercase())
            .collect();
        let _ = writeln!(out);
        wrapped(&mut out, "", "other references: ", &list.join("; "), 2);
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
    let _ = writeln!(
        out,
        "\nread with rule set {}; confidence is how strongly the wording supports a reading",
        report.rules_version
    );
    out
}

/// One finding: its heading, public interest arguments, equivalents and evidence.
fn render_finding(out: &mut String, f: &crate::vocab::Finding, text: &str, several_parts: bool) {
    let provisions = match words::provisions(f) {
        listed if listed.is_empty() => listed,
        listed => format!(" {listed}"),
    };
    let _ = writeln!(out);
    wrapped(
        out,
        "",
        "",
        &format!("{}{provisions}  {}", f.id, f.title),
        4,
    );
    let line = format!(
        "{}, {}, {}, {} confidence",
        words::finding_status(f),
        words::kind(f.kind),
        words::basis(f.basis),
        words::confidence(f.confidence)
    );
    wrapped(out, "  ", "", &line, 4);
    if let Some(pi) = &f.public_interest {
        for (label, list) in [
            (words::PUBLIC_INTEREST_FOR_DISCLOSURE, &pi.for_disclosure),
            (words::PUBLIC_INTEREST_FOR_WITHHOLDING, &pi.for_withholding),
        ] {
            for e in list.iter().take(2) {
                let label = format!("{label}: ");
                wrapped(out, "  ", &label, &one_line(&e.text, 300), 4);
            }
        }
        if let Some(c) = &pi.conclusion {
            let body = one_line(&c.text, 300);
            let label = format!("{}: ", words::PUBLIC_INTEREST_CONCLUSION);
            wrapped(out, "  ", &label, &body, 4);
        }
    }
    if !f.equivalents.is_empty() {
        wrapped(out, "  ", "equivalents: ", &f.equivalents.join(", "), 4);
    }
    for e in &f.evidence {
        let note = words::evidence_note(f, e, several_parts);
        // A note too long to share the line with the sentence goes on a line of its own.
        let own_line = EVIDENCE_LEAD + note.chars().count() + 40 > WIDTH;
        let room = if own_line {
            WIDTH - EVIDENCE_LEAD
        } else {
            WIDTH - EVIDENCE_LEAD - note.chars().count()
        };
        let sentence = marked_sentence(text, e.sentence, e.span(), room);
        let (same, below) = if own_line {
            ("", note.trim_start())
        } else {
            (note.as_str(), "")
        };
        let _ = writeln!(out, "  {:>4}:{:<3} {sentence}{same}", e.line, e.column);
        if !below.is_empty() {
            wrapped(out, &" ".repeat(EVIDENCE_LEAD), "", below, EVIDENCE_LEAD);
        }
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
        let name = words::check(&c.id).unwrap_or(&c.id);
        let _ = writeln!(out, "  {mark:<4}  {name}  [{}, {}]", c.id, c.provision);
        wrapped(out, "        ", "", &c.detail, 8);
        if let Some(e) = c.evidence.first() {
            let _ = writeln!(out, "        {}", excerpt_line(e, WIDTH - 8));
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
            marked_sentence(text, sentence, cited, 100),
            "We rely on [section 43(2)] here."
        );
    }

    #[test]
    fn brackets_add_no_spaces_the_letter_does_not_have() {
        let text = "The details were provided in confidence. Then (section 41) applied.";
        let at = text.find("provided").unwrap();
        let cited = Span::new(at, at + "provided in confidence".len());
        assert_eq!(
            marked_sentence(text, Span::new(0, 40), cited, 100),
            "The details were [provided in confidence]."
        );
        let at = text.find("section").unwrap();
        let cited = Span::new(at, at + "section 41".len());
        assert_eq!(
            marked_sentence(text, Span::new(41, text.len()), cited, 100),
            "Then ([section 41]) applied."
        );
    }

    #[test]
    fn a_span_longer_than_the_line_keeps_its_ends() {
        let text = format!("We withheld {} at once.", "the names of staff ".repeat(10));
        let at = text.find("the names").unwrap();
        let cited = Span::new(at, text.find(" at once").unwrap());
        let s = marked_sentence(&text, Span::new(0, text.len()), cited, 60);
        assert!(s.chars().count() <= 60, "{s}");
        assert!(s.contains("[the names") && s.contains("staff]"), "{s}");
    }

    #[test]
    fn every_line_fits_the_width_and_terms_are_words() {
        let text = "Dear Ms Smith,\n\nThe schedule of rates, the names of every member of staff \
who worked on the contract and the minutes of the meetings between the council and the operator \
have been withheld under section 43(2) and section 40(2) of the Freedom of Information Act 2000, \
because releasing the rates now would harm the operator's commercial interests in a tender that \
is due to open next spring and because the staff would not expect their names to be published.\n\n\
The cost limit is £450, and we do not rely on section 12 of the Act.\n";
        let report = crate::Classifier::new().classify(text);
        let out = render_text(&report, text);
        for line in out.lines() {
            assert!(
                line.chars().count() <= WIDTH,
                "{} > {WIDTH}: {line}",
                line.chars().count()
            );
        }
        assert!(
            !out.contains(" ]") && !out.contains("[ ") && !out.contains("] ."),
            "{out}"
        );
        assert!(
            out.contains("relied on, qualified, cited by number"),
            "{out}"
        );
        assert!(!out.contains("confidence 0."), "{out}");
        assert!(out.contains("outcome: refused"), "{out}");
        assert!(out.contains("read with rule set"), "{out}");
    }

    #[test]
    fn a_mentioned_ground_says_why() {
        let text = "We have released the report in full.\n\nIf you are unhappy with this reply \
you may ask for an internal review. Please note that a review may consider whether section 43 of \
the Freedom of Information Act 2000 applies.\n";
        let report = crate::Classifier::new().classify(text);
        let out = render_text(&report, text);
        let f = report
            .findings
            .iter()
            .find(|f| f.id == "foia:s43")
            .expect("s.43 found");
        assert_eq!(f.reason(), Some(crate::vocab::Reason::Considered), "{out}");
        assert!(out.contains("mentioned only (only considered)"), "{out}");
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
        let s = marked_sentence(&text, Span::new(0, text.len()), cited, 90);
        assert!(
            s.starts_with("...") && s.ends_with("...") && s.contains("[section 43]"),
            "{s}"
        );
        assert!(s.chars().count() <= 90, "{s}");
    }
}
