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

/// The letter's text with every evidence span highlighted (overlaps keep the earlier span).
fn highlighted(text: &str, report: &Report) -> String {
    let mut spans: Vec<(usize, usize, &'static str, String)> = report
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
    spans.sort_by_key(|s| (s.0, std::cmp::Reverse(s.1)));
    let mut out = String::new();
    let mut at = 0;
    for (start, end, class, title) in spans {
        if start < at
            || end > text.len()
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            continue;
        }
        out.push_str(&esc(&text[at..start]));
        let _ = write!(
            out,
            "<mark class=\"{class}\" title=\"{}\">{}</mark>",
            esc(&title),
            esc(&text[start..end])
        );
        at = end;
    }
    out.push_str(&esc(&text[at..]));
    out
}

/// One letter's section.
pub fn letter(n: usize, letter: &Letter, report: &Report) -> String {
    let mut s = String::new();
    let _ = write!(
        s,
        "<section class=\"letter\" id=\"letter-{n}\">\n<h2>{}</h2>\n<pre class=\"text\">{}</pre>\n<aside>\n",
        esc(&letter.id),
        highlighted(letter.text(), report)
    );
    let _ = write!(
        s,
        "<div><b>Outcome:</b> {} &middot; <b>Regime:</b> {}</div>\n<h3>Grounds</h3>\n",
        esc(&report.outcome.kind.to_string()),
        esc(&report.jurisdiction.to_string())
    );
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
            let _ = writeln!(
                s,
                "<li><span class=\"{class}\">{word}</span> {} <span class=\"muted\">{}</span><br>{}</li>",
                esc(&c.id),
                esc(&c.provision),
                esc(&c.detail)
            );
        }
        s.push_str("</ul>\n");
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
}
