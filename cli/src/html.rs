//! One self-contained HTML page per run: each letter with its cited spans highlighted, and its
//! findings, outcome and notice checks beside it.

use std::fmt::Write;

use foi_refusal::{CheckResult, Report, Status};

use crate::input::Letter;
use crate::summary::Summary;

/// The start of the page, with its styles.
pub const HEAD: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>foi-refusal report</title>
<style>
body { font: 15px/1.45 system-ui, sans-serif; margin: 0; background: #f4f4f1; color: #1d1d1b; }
header { background: #24344d; color: #fff; padding: 12px 24px; }
header h1 { font-size: 18px; margin: 0; }
section.letter { display: grid; grid-template-columns: minmax(0, 3fr) minmax(260px, 2fr); gap: 16px;
  margin: 16px 24px; background: #fff; border: 1px solid #d6d6d0; border-radius: 6px; padding: 16px; }
section.letter h2 { grid-column: 1 / -1; font-size: 15px; margin: 0; word-break: break-all; }
pre.text { white-space: pre-wrap; font: 13px/1.5 ui-monospace, monospace; margin: 0; max-height: 70vh; overflow: auto; }
mark { border-radius: 3px; padding: 0 1px; }
mark.relied_on { background: #ffd766; }
mark.mentioned { background: #d9e6f7; }
mark.disclaimed { background: #f3c6c6; text-decoration: line-through; }
mark.advice { background: #cdebd8; }
mark:target { outline: 2px solid #24344d; }
ul.advice { list-style: none; padding-left: 0; margin: 4px 0 8px; }
ul.advice li { border-left: 3px solid #3c8c5a; padding: 2px 0 2px 8px; margin: 4px 0; font-size: 14px; }
.argue { font-weight: 600; color: #2c6e45; }
aside h3 { font-size: 14px; margin: 12px 0 4px; }
ul { padding-left: 18px; margin: 4px 0; }
.pass { color: #1d6b2f; } .fail { color: #a32020; font-weight: 600; }
.muted { color: #6b6b66; }
table { border-collapse: collapse; font-size: 13px; }
td, th { border-bottom: 1px solid #e2e2dc; padding: 3px 8px; text-align: left; }
</style>
</head>
<body>
<header><h1>foi-refusal report</h1></header>
"#;

/// The end of the page.
pub const TAIL: &str = "</body>\n</html>\n";

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn status_class(s: Status) -> &'static str {
    match s {
        Status::ReliedOn => "relied_on",
        Status::Mentioned => "mentioned",
        _ => "disclaimed",
    }
}

/// The highlighted spans of a letter, in text order: the evidence of its findings, and the
/// evidence of its advice that no finding's span covers. Mark `k` of letter `n` has the id
/// `l{n}-m{k}`.
struct Marks {
    /// (start, end, class, title) of each mark placed.
    placed: Vec<(usize, usize, &'static str, String)>,
}

impl Marks {
    /// The marks of `report`: the findings' spans first (overlaps keep the earlier span, as
    /// before advice was shown), then each advice span that overlaps none of them, in a class
    /// of its own.
    fn new(text: &str, report: &Report) -> Marks {
        let mut findings: Vec<(usize, usize, &'static str, String)> = report
            .findings
            .iter()
            .flat_map(|f| {
                f.evidence.iter().map(move |e| {
                    (
                        e.start,
                        e.end,
                        status_class(e.status),
                        format!("{} ({:?})", f.id, e.via),
                    )
                })
            })
            .collect();
        findings.sort_by_key(|s| (s.0, std::cmp::Reverse(s.1)));
        let fits = |start: usize, end: usize| {
            start < end
                && end <= text.len()
                && text.is_char_boundary(start)
                && text.is_char_boundary(end)
        };
        let mut placed: Vec<(usize, usize, &'static str, String)> = Vec::new();
        let mut at = 0;
        for m in findings {
            if m.0 < at || !fits(m.0, m.1) {
                continue;
            }
            at = m.1;
            placed.push(m);
        }
        let mut advice: Vec<(usize, usize, &'static str, String)> = report
            .advice
            .iter()
            .flat_map(|a| {
                a.evidence
                    .iter()
                    .map(move |e| (e.start, e.end, "advice", format!("advice: {}", a.rule)))
            })
            .collect();
        advice.sort_by_key(|s| (s.0, std::cmp::Reverse(s.1)));
        for m in advice {
            let overlaps = placed.iter().any(|p| m.0 < p.1 && p.0 < m.1);
            if fits(m.0, m.1) && !overlaps {
                placed.push(m);
            }
        }
        placed.sort_by_key(|s| s.0);
        Marks { placed }
    }

    /// The mark to link for a span of evidence: the one placed on it, else the first that
    /// overlaps it.
    fn target(&self, start: usize, end: usize) -> Option<usize> {
        self.placed
            .iter()
            .position(|p| p.0 == start && p.1 == end)
            .or_else(|| {
                self.placed
                    .iter()
                    .position(|p| start < p.1 && p.0 < end.max(start + 1))
            })
    }

    /// The letter's text of letter `n` with its marks.
    fn html(&self, n: usize, text: &str) -> String {
        let mut out = String::new();
        let mut at = 0;
        for (k, (start, end, class, title)) in self.placed.iter().enumerate() {
            out.push_str(&esc(&text[at..*start]));
            let _ = write!(
                out,
                "<mark class=\"{class}\" id=\"l{n}-m{k}\" title=\"{}\">{}</mark>",
                esc(title),
                esc(&text[*start..*end])
            );
            at = *end;
        }
        out.push_str(&esc(&text[at..]));
        out
    }
}

/// The letter's text with every evidence span highlighted (overlaps keep the earlier span), as
/// letter 1.
#[cfg(test)]
fn highlighted(text: &str, report: &Report) -> String {
    Marks::new(text, report).html(1, text)
}

/// The arguments about `about` not yet shown, as a list: each with its hook and links to the
/// marks of its evidence.
fn advice_list(
    s: &mut String,
    n: usize,
    report: &Report,
    marks: &Marks,
    shown: &mut [bool],
    about: &str,
) {
    let mut items = String::new();
    for (i, a) in report.advice.iter().enumerate() {
        if shown[i] || a.about != about {
            continue;
        }
        shown[i] = true;
        let _ = write!(
            items,
            "<li><span class=\"argue\">argue:</span> {} <span class=\"muted\">(hook {})</span>",
            esc(&a.argument),
            esc(&a.provision)
        );
        let links: Vec<String> = a
            .evidence
            .iter()
            .map(|e| {
                let place = format!("{}:{}", e.line, e.column);
                match marks.target(e.start, e.end) {
                    Some(k) => format!(
                        "<a href=\"#l{n}-m{k}\" title=\"{}\">{place}</a>",
                        esc(&e.text)
                    ),
                    None => place,
                }
            })
            .collect();
        if links.is_empty() {
            items.push_str(" <span class=\"muted\">the letter is silent on this</span>");
        } else {
            let _ = write!(
                items,
                " <span class=\"muted\">see</span> {}",
                links.join(", ")
            );
        }
        items.push_str("</li>\n");
    }
    if !items.is_empty() {
        let _ = write!(s, "<ul class=\"advice\">\n{items}</ul>\n");
    }
}

/// One letter's section.
pub fn letter(n: usize, letter: &Letter, report: &Report) -> String {
    let mut s = String::new();
    let marks = Marks::new(letter.text(), report);
    let mut shown = vec![false; report.advice.len()];
    let _ = write!(
        s,
        "<section class=\"letter\" id=\"letter-{n}\">\n<h2>{}</h2>\n<pre class=\"text\">{}</pre>\n<aside>\n",
        esc(&letter.id),
        marks.html(n, letter.text())
    );
    let _ = writeln!(
        s,
        "<div><b>Outcome:</b> {} &middot; <b>Regime:</b> {}</div>",
        esc(&report.outcome.kind.to_string()),
        esc(&report.jurisdiction.to_string())
    );
    let outcome = format!("outcome:{}", report.outcome.kind);
    advice_list(&mut s, n, report, &marks, &mut shown, &outcome);
    s.push_str("<h3>Grounds</h3>\n");
    if report.findings.is_empty() {
        s.push_str("<p class=\"muted\">No ground found.</p>\n");
    } else {
        s.push_str("<ul>\n");
        for f in &report.findings {
            let _ = write!(
                s,
                "<li><mark class=\"{}\">{}</mark> {} <span class=\"muted\">({} &middot; {} &middot; {} &middot; {:.2})</span>",
                status_class(f.status),
                esc(&f.id),
                esc(&f.title),
                esc(&f.status.to_string()),
                esc(&f.basis.to_string()),
                esc(&f.kind.to_string()),
                f.confidence
            );
            if !f.equivalents.is_empty() {
                let _ = write!(
                    s,
                    "<br><span class=\"muted\">equivalents: {}</span>",
                    esc(&f.equivalents.join(", "))
                );
            }
            advice_list(&mut s, n, report, &marks, &mut shown, &f.id);
            s.push_str("</li>\n");
        }
        s.push_str("</ul>\n");
    }
    let applicable: Vec<_> = report.applicable_checks().collect();
    if !applicable.is_empty() {
        s.push_str("<h3>Refusal notice checks</h3>\n<ul>\n");
        for c in applicable {
            let (class, word) = if c.result == CheckResult::Pass {
                ("pass", "pass")
            } else {
                ("fail", "fail")
            };
            let _ = write!(
                s,
                "<li><span class=\"{class}\">{word}</span> {} <span class=\"muted\">{}</span><br>{}",
                esc(&c.id),
                esc(&c.provision),
                esc(&c.detail)
            );
            advice_list(&mut s, n, report, &marks, &mut shown, &c.id);
            s.push_str("</li>\n");
        }
        s.push_str("</ul>\n");
    }
    if shown.iter().any(|x| !x) {
        s.push_str("<h3>Other advice</h3>\n");
        let abouts: Vec<String> = report.advice.iter().map(|a| a.about.clone()).collect();
        for about in abouts {
            advice_list(&mut s, n, report, &marks, &mut shown, &about);
        }
    }
    s.push_str("</aside>\n</section>\n");
    s
}

/// The summary as a table.
pub fn summary(summary: &Summary) -> String {
    let mut s = format!(
        "<section class=\"letter\"><h2>{} letters, {} relying on at least one ground</h2>\n<div><table>\n<tr><th>ground</th><th>relied on</th><th>cited</th><th>inferred</th><th>mentioned</th><th>disclaimed</th><th>title</th></tr>\n",
        summary.letters, summary.with_grounds
    );
    let mut rows: Vec<_> = summary.grounds.iter().collect();
    rows.sort_by(|a, b| b.1.relied_on.cmp(&a.1.relied_on).then(a.0.cmp(b.0)));
    for (id, g) in rows {
        let _ = writeln!(
            s,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(id),
            g.relied_on,
            g.cited,
            g.inferred,
            g.mentioned,
            g.disclaimed,
            esc(&g.title)
        );
    }
    s.push_str("</table></div></section>\n");
    let _ = write!(
        s,
        "<section class=\"letter\"><h2>{} letters with arguments for a review; notice checks failed</h2>\n<div><table>\n<tr><th>check</th><th>letters failing it</th></tr>\n",
        summary.with_advice
    );
    for (id, n) in summary.ranked_checks() {
        let _ = writeln!(s, "<tr><td>{}</td><td>{n}</td></tr>", esc(id));
    }
    s.push_str("</table></div></section>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_highlights() {
        assert_eq!(esc("<a & \"b\">"), "&lt;a &amp; &quot;b&quot;&gt;");
        let text = "Withheld under section 43(2) <now>.";
        let report = foi_refusal::Classifier::new().classify(text);
        let h = highlighted(text, &report);
        assert!(h.contains("<mark class=\"relied_on\""), "{h}");
        assert!(h.contains("&lt;now&gt;"));
    }

    #[test]
    fn advice_evidence_no_finding_covers_gets_its_own_mark_and_link() {
        let text = "Withheld under section 43(2). Nothing else is said.";
        let mut report = foi_refusal::Classifier::new().classify(text);
        let mut advice = report
            .advice
            .first()
            .cloned()
            .expect("advice for a bare s.43");
        let mut e = report.advice[0]
            .evidence
            .first()
            .cloned()
            .expect("evidence");
        let at = text.find("Nothing").unwrap();
        (e.start, e.end, e.column) = (at, at + "Nothing".len(), at + 1);
        e.text = "Nothing".into();
        advice.evidence = vec![e];
        advice.about = report.findings[0].id.clone();
        report.advice = vec![advice];
        let marks = Marks::new(text, &report);
        let h = marks.html(3, text);
        let k = marks.target(at, at + 7).expect("a mark for it");
        assert!(
            h.contains(&format!("<mark class=\"advice\" id=\"l3-m{k}\"")),
            "{h}"
        );
        let mut aside = String::new();
        let mut shown = vec![false];
        advice_list(
            &mut aside,
            3,
            &report,
            &marks,
            &mut shown,
            &report.findings[0].id,
        );
        assert!(aside.contains(&format!("<a href=\"#l3-m{k}\"")), "{aside}");
        assert!(shown[0]);
    }
}
