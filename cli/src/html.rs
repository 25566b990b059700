//! One self-contained HTML page per run, for a reader who has no other help: a legend; for a
//! run of several letters, a table of the letters at the top (outcome, regime, grounds relied
//! on, failed checks) with filters; then each letter with its cited spans highlighted, one
//! colour per ground shared with the ground's card beside the letter, and its outcome, public
//! interest arguments, notice checks and advice, each linked to the spans that show it. Quoted
//! mail, the request repeated back, signatures, footers and the rights paragraph are shaded and
//! labelled. Every word is the text rendering's ([`foi_refusal::words`]); the codes of the JSON
//! are in tooltips (`title`).
//!
//! The page needs no network and no script to read: the filters are a few lines of inline
//! script, and the page reads whole without them.
//!
//! The table at the top needs every letter before the first letter's section is written, so a
//! [`Page`] keeps the sections it renders until the end of the run: memory grows with the run
//! (roughly the size of the letters' text, twice over). HTML reports are for runs a person reads;
//! for large corpora use JSON Lines or CSV, which stream.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

use foi_refusal::{words, CheckResult, Excerpt, Finding, OutcomeKind, Report, Status, ZoneKind};

use crate::input::Letter;
use crate::summary::Summary;

/// The light fill and the dark edge of each ground's colour, in the order they are given out:
/// orange, blue, green, magenta, yellow, teal, red, violet. The fills keep black text readable;
/// the edges are dark enough to read as text on white.
const PALETTE: [(&str, &str); 8] = [
    ("#ffd89b", "#9c4f00"),
    ("#b9dcff", "#1d5fa8"),
    ("#c4ecb9", "#2d6e1f"),
    ("#f7c5e6", "#9a2c78"),
    ("#fff09a", "#6f5d00"),
    ("#b5ece6", "#0d6b61"),
    ("#ffc4bd", "#a82a1c"),
    ("#dccfff", "#5b3fb8"),
];

/// The styles of the page.
const STYLE: &str = r#"
body { font: 15px/1.45 system-ui, sans-serif; margin: 0; background: #f4f4f1; color: #1d1d1b; }
header { background: #24344d; color: #fff; padding: 12px 24px; }
header h1 { font-size: 18px; margin: 0; }
[hidden] { display: none !important; }
a { color: #1d4f91; }
.muted { color: #5f5f5a; }
.box { margin: 16px 24px; background: #fff; border: 1px solid #d6d6d0; border-radius: 6px; padding: 12px 16px; }
.box h2 { font-size: 16px; margin: 0 0 8px; }
details.legend summary { font-weight: 600; cursor: pointer; }
.legend table.key { margin: 8px 0; font-size: 14px; }
.legend table.key td { border: 0; padding: 3px 10px 3px 0; }
.legend table.key td:first-child { font: 13px/1.6 ui-monospace, monospace; white-space: nowrap; }
.legend .zone { margin: 0; }
.legend dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 8px 0 0; font-size: 14px; }
.legend dt { font-weight: 600; }
.legend dd { margin: 0; }
section.letter { display: grid; grid-template-columns: minmax(0, 3fr) minmax(280px, 2fr); gap: 16px;
  margin: 16px 24px; background: #fff; border: 1px solid #d6d6d0; border-radius: 6px; padding: 16px; }
section.letter > header { grid-column: 1 / -1; background: none; color: inherit; padding: 0; }
section.letter h2 { font-size: 16px; margin: 0; word-break: break-all; }
.headline { margin: 2px 0 0; }
pre.text { white-space: pre-wrap; overflow-wrap: anywhere; font: 13px/1.6 ui-monospace, monospace; margin: 0; }
mark { background: none; color: inherit; border-radius: 3px; padding: 0 1px;
  -webkit-box-decoration-break: clone; box-decoration-break: clone; }
mark.relied_on { background: var(--fill); box-shadow: inset 0 -2px 0 var(--edge); }
mark.mentioned { border: 1.5px dashed var(--edge, #777); }
mark.disclaimed { border: 1.5px dashed var(--edge, #777); text-decoration: line-through 1.5px var(--edge, #777); }
mark.outcome, mark.check { border-bottom: 2px dotted #3f5677; border-radius: 0; }
mark.pi { border-bottom: 2px solid var(--edge, #3f5677); border-radius: 0; }
mark.advice { background: #dff3e6; border-bottom: 2px solid #3c8c5a; border-radius: 0; }
mark[data-tag]::after { content: attr(data-tag); font: 700 10px/1 system-ui, sans-serif; vertical-align: super;
  color: var(--edge); margin-left: 2px; }
mark:target { outline: 3px solid #24344d; outline-offset: 1px; }
.zone { display: block; background: #ededE8; border-left: 4px solid #a3a39a; padding: 2px 8px; margin: 2px 0; color: #45453f; }
.zone-rights { background: #edf1f7; border-left-color: #8ea3c2; }
.zone-label, .part-label { display: block; font: 700 11px/1.6 system-ui, sans-serif; letter-spacing: .04em;
  text-transform: uppercase; color: #5f5f5a; }
.part-label { border-top: 1px solid #c9c9c2; margin-top: 6px; padding-top: 2px; }
aside h3 { font-size: 14px; margin: 14px 0 4px; }
aside > :first-child { margin-top: 0; }
.card { border: 1px solid #dcdcd5; border-left: 6px solid var(--edge, #999); border-radius: 4px; padding: 6px 10px; margin: 6px 0; }
.card.mentioned, .card.disclaimed { border-left-style: dashed; background: #fafaf8; }
.card h4 { font-size: 14px; margin: 0; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; vertical-align: -1px;
  background: var(--fill, #eee); border: 1.5px solid var(--edge, #999); margin-right: 4px; }
.facts { margin: 2px 0; font-size: 13px; }
.facts span[title], .code[title] { text-decoration: underline dotted #9a9a92; text-underline-offset: 2px; }
ul.ev, ul.pi, ul.advice { list-style: none; padding-left: 0; margin: 4px 0; font-size: 13px; }
ul.ev li, ul.pi li { margin: 2px 0; }
ul.advice li { border-left: 3px solid #3c8c5a; padding: 2px 0 2px 8px; margin: 4px 0; font-size: 14px; }
.label { font-weight: 600; }
.argue { font-weight: 600; color: #2c6e45; }
q { quotes: "\201C" "\201D"; color: #33332f; }
ul.checks { list-style: none; padding-left: 0; margin: 4px 0; }
ul.checks > li { margin: 6px 0; padding-left: 22px; position: relative; }
.result { position: absolute; left: 0; font-weight: 700; }
.pass { color: #1d6b2f; } .fail { color: #a32020; }
li.check-fail .name { font-weight: 600; }
table { border-collapse: collapse; font-size: 13px; }
table.letters td:nth-child(4) { white-space: nowrap; }
td, th { border-bottom: 1px solid #e2e2dc; padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #f0f0eb; }
.chip { display: inline-block; white-space: nowrap; border: 1px solid var(--edge, #999); background: var(--fill, #eee);
  border-radius: 3px; padding: 0 4px; margin: 1px 2px 1px 0; }
.filters { margin: 4px 0 10px; display: flex; flex-wrap: wrap; gap: 8px 20px; align-items: center; }
.filters select { font: inherit; max-width: 420px; }
.top { font-size: 13px; margin-left: 8px; }
@media (max-width: 900px) { section.letter { grid-template-columns: 1fr; } }
"#;

/// The script of the filters: each select hides the letters (rows of the table and sections)
/// whose `data-grounds` / `data-failed` lists lack the chosen value; the count says how many
/// are shown. Without script the controls stay hidden and every letter is shown.
const SCRIPT: &str = r#"
(function () {
  var box = document.getElementById('filters');
  if (!box) return;
  var ground = document.getElementById('f-ground'), check = document.getElementById('f-check');
  var count = document.getElementById('f-count');
  function has(el, name, value) {
    return !value || (' ' + el.getAttribute(name) + ' ').indexOf(' ' + value + ' ') >= 0;
  }
  function apply() {
    var rows = document.querySelectorAll('tr[data-letter]'), shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      var ok = has(r, 'data-grounds', ground.value) && has(r, 'data-failed', check.value);
      r.hidden = !ok;
      var s = document.getElementById(r.getAttribute('data-letter'));
      if (s) s.hidden = !ok;
      if (ok) shown++;
    }
    count.textContent = shown + ' of ' + rows.length + ' letters shown';
  }
  ground.addEventListener('change', apply);
  check.addEventListener('change', apply);
  box.hidden = false;
  apply();
})();
"#;

/// The start of the page, with its styles.
fn head(title: &str) -> String {
    let mut palette = String::new();
    for (i, (fill, edge)) in PALETTE.iter().enumerate() {
        let _ = writeln!(
            palette,
            "[data-g=\"{i}\"] {{ --fill: {fill}; --edge: {edge}; }}"
        );
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>{}</title>\n<style>{STYLE}{palette}</style>\n</head>\n<body>\n\
<header id=\"top\"><h1>{}</h1></header>\n",
        esc(title),
        esc(title)
    )
}

/// The end of the page, with the filters' script.
fn tail() -> String {
    format!("<script>{SCRIPT}</script>\n</body>\n</html>\n")
}

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

/// `text` on one line, cut to at most `max` characters (with `…`).
fn one_line(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

fn status_class(s: Status) -> &'static str {
    match s {
        Status::ReliedOn => "relied_on",
        Status::Mentioned => "mentioned",
        _ => "disclaimed",
    }
}

/// A check's name in words (its id when this version has none).
fn check_name(id: &str) -> &str {
    words::check(id).unwrap_or(id)
}

/// The legend: what the highlights and shading mean, the colours of the grounds relied on in
/// the run (`key`: short name, title and colour of each, in order of first appearance), and
/// the terms ([`words::LEGEND`]).
fn legend(key: &[(String, String, usize)]) -> String {
    let mut s = String::from(
        "<details class=\"legend box\" open id=\"legend\">\n<summary>How to read this report</summary>\n<table class=\"key\">\n",
    );
    // The sample of grounds relied on: the run's first two, else two made up.
    let mut grounds: Vec<String> = key
        .iter()
        .take(2)
        .map(|(name, title, c)| {
            format!(
                "<mark class=\"relied_on\" data-g=\"{c}\" data-tag=\"{}\">{}</mark>",
                esc(name),
                esc(&title.to_lowercase())
            )
        })
        .collect();
    if grounds.len() < 2 {
        grounds = vec![
            "<mark class=\"relied_on\" data-g=\"0\" data-tag=\"s.40\">section 40(2)</mark>".into(),
            "<mark class=\"relied_on\" data-g=\"1\" data-tag=\"s.43\">commercial interests</mark>"
                .into(),
        ];
    }
    let grounds = grounds.join(" ");
    let rows: [(&str, &str); 8] = [
        (
            &grounds,
            "a ground relied on: each ground has a colour of its own, shared with its card beside the letter; the small label names it",
        ),
        (
            "<mark class=\"mentioned\" data-g=\"2\">section 21</mark>",
            "a ground mentioned only (dashed): named, not applied; its card says why",
        ),
        (
            "<mark class=\"disclaimed\" data-g=\"3\">section 12</mark>",
            "a ground disclaimed (struck through): the letter says it does not apply",
        ),
        (
            "<mark class=\"pi\" data-g=\"1\">the public interest favours</mark>",
            "a public interest argument, underlined in its ground's colour",
        ),
        (
            "<mark class=\"outcome\">is attached</mark>",
            "what shows the outcome, or a notice check (dotted underline)",
        ),
        (
            "<mark class=\"advice\">the letter's words</mark>",
            "what an argument for a review answers",
        ),
        (
            "<span class=\"zone\"><span class=\"zone-label\">earlier mail quoted below</span>-----Original Message-----</span>",
            "shaded: not the authority's reasoning in this letter (earlier mail, the request repeated back, a signature or footer, the rights paragraph)",
        ),
        (
            "<span class=\"code\" title=\"the code in the JSON and CSV\">hover</span>",
            "a dotted word, a highlight or a label shows the code the JSON and CSV use",
        ),
    ];
    for (sample, meaning) in rows {
        let _ = writeln!(s, "<tr><td>{sample}</td><td>{}</td></tr>", esc(meaning));
    }
    s.push_str("</table>\n");
    // A key of colours only while each ground has its own; the cards are the key otherwise.
    if !key.is_empty() && key.len() <= PALETTE.len() {
        s.push_str(
            "<p class=\"facts\"><span class=\"label\">colours of the grounds relied on:</span> ",
        );
        for (name, title, c) in key {
            let _ = write!(
                s,
                "<span class=\"chip\" data-g=\"{c}\">{} {}</span> ",
                esc(name),
                esc(title)
            );
        }
        s.push_str("</p>\n");
    }
    let _ = writeln!(
        s,
        "<p class=\"facts muted\">A ground keeps its colour from letter to letter where it can; \
{} colours go round, and no two grounds of one letter share one: the cards beside each letter \
are its key.</p>",
        PALETTE.len()
    );
    s.push_str("<dl>\n");
    for (term, meaning) in words::LEGEND {
        let _ = writeln!(s, "<dt>{}</dt><dd>{}</dd>", esc(term), esc(meaning));
    }
    s.push_str("</dl>\n</details>\n");
    s
}

/// The colours of the grounds: each ground keeps the colour it was first given in the run, so
/// that s.43 looks the same in every letter, unless another ground of the same letter has it;
/// then it takes the next one free in that letter. Only a letter of more than
/// [`PALETTE`]`.len()` grounds repeats a colour.
#[derive(Debug, Default)]
struct Colours {
    first: HashMap<String, usize>,
    /// The ground ids in order of first appearance.
    order: Vec<String>,
}

impl Colours {
    /// The colour of each finding of `report`, in order: the grounds relied on choose first.
    fn of(&mut self, report: &Report) -> Vec<usize> {
        let n = PALETTE.len();
        let mut out = vec![0; report.findings.len()];
        let mut taken = [false; PALETTE.len()];
        let mut order: Vec<usize> = (0..report.findings.len()).collect();
        order.sort_by_key(|&i| report.findings[i].status != Status::ReliedOn);
        for i in order {
            let id = &report.findings[i].id;
            let wanted = match self.first.get(id) {
                Some(&c) => c,
                None => {
                    let c = self.order.len();
                    self.first.insert(id.clone(), c);
                    self.order.push(id.clone());
                    c
                }
            } % n;
            let c = (0..n)
                .map(|k| (wanted + k) % n)
                .find(|&c| !taken[c])
                .unwrap_or(wanted);
            taken[c] = true;
            out[i] = c;
        }
        out
    }
}

/// What a mark is for.
#[derive(Clone, Debug, PartialEq)]
enum MarkKind {
    /// Evidence of finding `i`, of this status.
    Finding(usize, Status),
    /// A public interest argument of finding `i`.
    PublicInterest(usize),
    /// What shows the outcome.
    Outcome,
    /// What shows a notice check.
    Check,
    /// What an argument answers.
    Advice,
}

/// One highlighted span.
#[derive(Clone, Debug)]
struct Mark {
    start: usize,
    end: usize,
    kind: MarkKind,
    /// The tooltip, in words.
    title: String,
    /// The ground's colour, for a finding's or a public interest argument's mark.
    colour: Option<usize>,
    /// The ground's short name, shown beside the first of its marks in a sentence.
    tag: Option<String>,
}

/// A shaded stretch of the letter: a zone, or the rights paragraph.
#[derive(Clone, Debug)]
struct Shade {
    start: usize,
    end: usize,
    class: &'static str,
    label: &'static str,
}

/// The highlighted spans of a letter, in text order, and its shaded stretches. Mark `k` of
/// letter `n` has the id `l{n}-m{k}`.
struct Marks {
    placed: Vec<Mark>,
    shades: Vec<Shade>,
    /// (offset, label) of the start of each attachment, in a document of several parts.
    parts: Vec<(usize, String)>,
}

/// The tooltip of a finding's evidence: `s.43(2) Commercial interests — relied on, citation`.
fn finding_title(f: &Finding, e: &foi_refusal::Evidence) -> String {
    let status = match e.reason {
        Some(r) if e.status != Status::ReliedOn => {
            format!("{} ({})", words::status(e.status), words::reason(r))
        }
        _ => words::status(e.status).to_string(),
    };
    format!(
        "{} {} — {status}, {}",
        words::ground(f),
        f.title,
        words::via(e.via)
    )
}

impl Marks {
    /// The marks of `report` on `text`: the findings' spans first (of overlapping spans the
    /// earlier is kept); then the spans of the public interest arguments, the outcome, the
    /// checks and the advice that overlap none placed yet. `colours` are the findings'.
    fn new(text: &str, report: &Report, colours: &[usize], zones: &[foi_refusal::Zone]) -> Marks {
        let fits = |start: usize, end: usize| {
            start < end
                && end <= text.len()
                && text.is_char_boundary(start)
                && text.is_char_boundary(end)
        };
        let mut findings: Vec<(Mark, usize)> = Vec::new();
        for (i, f) in report.findings.iter().enumerate() {
            for e in &f.evidence {
                let mark = Mark {
                    start: e.start,
                    end: e.end,
                    kind: MarkKind::Finding(i, e.status),
                    title: finding_title(f, e),
                    colour: colours.get(i).copied(),
                    tag: Some(words::ground(f)),
                };
                findings.push((mark, e.sentence.start));
            }
        }
        findings.sort_by_key(|(m, _)| (m.start, std::cmp::Reverse(m.end)));
        let mut placed: Vec<Mark> = Vec::new();
        let mut tagged: Vec<(usize, usize)> = Vec::new();
        let mut at = 0;
        for (mut m, sentence) in findings {
            if m.start < at || !fits(m.start, m.end) {
                continue;
            }
            at = m.end;
            let MarkKind::Finding(i, _) = m.kind else {
                continue;
            };
            if tagged.contains(&(i, sentence)) {
                m.tag = None;
            } else {
                tagged.push((i, sentence));
            }
            placed.push(m);
        }
        let mut others: Vec<Mark> = Vec::new();
        let plain = |e: &Excerpt, kind: MarkKind, title: String, colour: Option<usize>| Mark {
            start: e.start,
            end: e.end,
            kind,
            title,
            colour,
            tag: None,
        };
        for (i, f) in report.findings.iter().enumerate() {
            for (label, e) in public_interest(f) {
                let title = format!("{} {}: {label}", words::ground(f), f.title);
                let colour = colours.get(i).copied();
                others.push(plain(e, MarkKind::PublicInterest(i), title, colour));
            }
        }
        let outcome = words::outcome(report.outcome.kind);
        for e in &report.outcome.evidence {
            let title = format!("what shows the outcome: {outcome}");
            others.push(plain(e, MarkKind::Outcome, title, None));
        }
        for c in report.applicable_checks() {
            for e in &c.evidence {
                let title = format!(
                    "notice check: {} ({})",
                    check_name(&c.id),
                    words::result(c.result)
                );
                others.push(plain(e, MarkKind::Check, title, None));
            }
        }
        for a in &report.advice {
            for e in &a.evidence {
                let title = format!(
                    "what an argument answers ({})",
                    about_words(report, &a.about)
                );
                others.push(plain(e, MarkKind::Advice, title, None));
            }
        }
        for m in others {
            let overlaps = placed.iter().any(|p| m.start < p.end && p.start < m.end);
            if fits(m.start, m.end) && !overlaps {
                placed.push(m);
            }
        }
        placed.sort_by_key(|m| m.start);
        let shades = shades(text, report, zones, &placed);
        Marks {
            placed,
            shades,
            parts: Vec::new(),
        }
    }

    /// The mark to link for a span of evidence: the one placed on it, else the first that
    /// overlaps it.
    fn target(&self, start: usize, end: usize) -> Option<usize> {
        self.placed
            .iter()
            .position(|p| p.start == start && p.end == end)
            .or_else(|| {
                self.placed
                    .iter()
                    .position(|p| start < p.end && p.start < end.max(start + 1))
            })
    }

    /// The letter's text of letter `n` with its marks, shading and part labels.
    fn html(&self, n: usize, text: &str) -> String {
        // (offset, order at one offset, what): shades close before anything opens there.
        enum Event<'a> {
            Close,
            Open(&'a Shade),
            Part(&'a str),
            Mark(usize),
        }
        let mut events: Vec<(usize, u8, Event)> = Vec::new();
        for s in &self.shades {
            events.push((s.start, 1, Event::Open(s)));
            events.push((s.end, 0, Event::Close));
        }
        for (at, label) in &self.parts {
            events.push((*at, 2, Event::Part(label)));
        }
        for (k, m) in self.placed.iter().enumerate() {
            events.push((m.start, 3, Event::Mark(k)));
        }
        events.sort_by_key(|e| (e.0, e.1));
        let mut out = String::new();
        let mut at = 0;
        for (pos, _, event) in events {
            if pos > at {
                out.push_str(&esc(&text[at..pos]));
                at = pos;
            }
            match event {
                Event::Close => {
                    out.push_str("</span>");
                    // The shade is a block and ends its line: the letter's own line break after
                    // it would add an empty line.
                    if !text[..at].ends_with('\n') && text[at..].starts_with('\n') {
                        at += 1;
                    }
                }
                Event::Open(s) => {
                    let _ = write!(
                        out,
                        "<span class=\"zone {}\"><span class=\"zone-label\">{}</span>",
                        s.class,
                        esc(s.label)
                    );
                }
                Event::Part(label) => {
                    let _ = write!(out, "<span class=\"part-label\">{}</span>", esc(label));
                }
                Event::Mark(k) => {
                    let m = &self.placed[k];
                    let class = match m.kind {
                        MarkKind::Finding(_, s) => status_class(s),
                        MarkKind::PublicInterest(_) => "pi",
                        MarkKind::Outcome => "outcome",
                        MarkKind::Check => "check",
                        MarkKind::Advice => "advice",
                    };
                    let _ = write!(out, "<mark class=\"{class}\" id=\"l{n}-m{k}\"");
                    if let Some(c) = m.colour {
                        let _ = write!(out, " data-g=\"{c}\"");
                    }
                    if let Some(t) = &m.tag {
                        let _ = write!(out, " data-tag=\"{}\"", esc(t));
                    }
                    let _ = write!(
                        out,
                        " title=\"{}\">{}</mark>",
                        esc(&m.title),
                        esc(&text[m.start.max(at)..m.end.max(at)])
                    );
                    at = at.max(m.end);
                }
            }
        }
        out.push_str(&esc(&text[at..]));
        out
    }
}

/// The public interest arguments of a finding with their labels ([`words`]).
fn public_interest(f: &Finding) -> Vec<(&'static str, &Excerpt)> {
    let Some(pi) = &f.public_interest else {
        return Vec::new();
    };
    let mut out: Vec<(&'static str, &Excerpt)> = Vec::new();
    out.extend(
        pi.for_disclosure
            .iter()
            .map(|e| (words::PUBLIC_INTEREST_FOR_DISCLOSURE, e)),
    );
    out.extend(
        pi.for_withholding
            .iter()
            .map(|e| (words::PUBLIC_INTEREST_FOR_WITHHOLDING, e)),
    );
    out.extend(
        pi.conclusion
            .iter()
            .map(|e| (words::PUBLIC_INTEREST_CONCLUSION, e)),
    );
    out
}

/// What an argument is about, in words: a ground's short name and title, a check's words, or
/// the outcome.
fn about_words(report: &Report, about: &str) -> String {
    if let Some(f) = report.finding(about) {
        return format!("{} {}", words::ground(f), f.title);
    }
    if about.starts_with("outcome:") {
        return format!("the outcome: {}", words::outcome(report.outcome.kind));
    }
    check_name(about).to_string()
}

/// The paragraphs of `text`: runs of lines that are not blank.
fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        match (start, blank) {
            (None, false) => start = Some(at),
            (Some(s), true) => {
                out.push((s, at));
                start = None;
            }
            _ => {}
        }
        at += line.len();
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// The shaded stretches: the zones, and the paragraphs that hold what the review and
/// Commissioner checks found (the rights paragraph) when no ground relied on is argued in them
/// and no zone overlaps them. Their ends are moved out of any mark, so that marks nest inside.
fn shades(text: &str, report: &Report, zones: &[foi_refusal::Zone], marks: &[Mark]) -> Vec<Shade> {
    let mut out: Vec<Shade> = zones
        .iter()
        .filter(|z| z.span.start < z.span.end && z.span.end <= text.len())
        .map(|z| {
            let class = match z.kind {
                ZoneKind::Quoted | ZoneKind::Forwarded => "zone-quoted",
                ZoneKind::Request => "zone-request",
                _ => "zone-signature",
            };
            Shade {
                start: z.span.start,
                end: z.span.end,
                class,
                label: words::zone(z.kind),
            }
        })
        .collect();
    let rights: Vec<&Excerpt> = report
        .checks
        .iter()
        .filter(|c| {
            c.result == CheckResult::Pass
                && matches!(c.id.as_str(), "review_procedure" | "commissioner_rights")
        })
        .flat_map(|c| &c.evidence)
        .collect();
    let relied: Vec<(usize, usize)> = report
        .relied_on()
        .flat_map(|f| &f.evidence)
        .filter(|e| e.status == Status::ReliedOn)
        .map(|e| (e.start, e.end))
        .collect();
    let mut found: Vec<(usize, usize)> = Vec::new();
    for (start, end) in paragraphs(text) {
        let trimmed = start + text[start..end].trim_end().len();
        let holds = |a: usize, b: usize| a < trimmed && start < b;
        if rights.iter().any(|e| holds(e.start, e.end))
            && !relied.iter().any(|&(a, b)| holds(a, b))
            && !out.iter().any(|z| holds(z.start, z.end))
        {
            match found.last_mut() {
                // Paragraphs one after another are one stretch.
                Some(last) if text[last.1..start].trim().is_empty() => last.1 = trimmed,
                _ => found.push((start, trimmed)),
            }
        }
    }
    out.extend(found.into_iter().map(|(start, end)| Shade {
        start,
        end,
        class: "zone-rights",
        label: words::RIGHTS_PARAGRAPH,
    }));
    fit(&mut out, marks);
    out
}

/// Sorts `shades`, moves their ends out of any mark (so that marks nest inside them) and keeps
/// them apart from each other.
fn fit(shades: &mut Vec<Shade>, marks: &[Mark]) {
    shades.sort_by_key(|s| s.start);
    let mut done = 0;
    for s in shades.iter_mut() {
        if let Some(m) = marks.iter().find(|m| m.start < s.start && s.start < m.end) {
            s.start = m.start;
        }
        if let Some(m) = marks.iter().find(|m| m.start < s.end && s.end < m.end) {
            s.end = m.end;
        }
        s.start = s.start.max(done);
        done = done.max(s.end);
    }
    shades.retain(|s| s.start < s.end);
}

/// A span of the letter shown as evidence: where it is, and its text.
struct Place<'a> {
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    text: &'a str,
}

impl<'a> From<&'a Excerpt> for Place<'a> {
    fn from(e: &'a Excerpt) -> Place<'a> {
        Place {
            start: e.start,
            end: e.end,
            line: e.line,
            column: e.column,
            text: &e.text,
        }
    }
}

impl<'a> From<&'a foi_refusal::Evidence> for Place<'a> {
    fn from(e: &'a foi_refusal::Evidence) -> Place<'a> {
        Place {
            start: e.start,
            end: e.end,
            line: e.line,
            column: e.column,
            text: &e.text,
        }
    }
}

/// `list` without the spans shown already.
fn unique(list: &[Excerpt]) -> Vec<&Excerpt> {
    let mut out: Vec<&Excerpt> = Vec::new();
    for e in list {
        if !out.iter().any(|o| o.span() == e.span()) {
            out.push(e);
        }
    }
    out
}

/// A link to the mark of a span, with its place (`line:col`) and a short quote.
fn evidence_link<'a>(n: usize, marks: &Marks, e: impl Into<Place<'a>>) -> String {
    let e = e.into();
    let place = format!("{}:{}", e.line, e.column);
    let quote = esc(&one_line(e.text, 90));
    match marks.target(e.start, e.end) {
        Some(k) => format!(
            "<a href=\"#l{n}-m{k}\" title=\"line {}, column {}\">{place}</a> <q>{quote}</q>",
            e.line, e.column
        ),
        None => format!("{place} <q>{quote}</q>"),
    }
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
            "<li><span class=\"argue\" title=\"advice entry {}\">argue:</span> {} \
<span class=\"muted\">hook: <span class=\"code\" title=\"{}\">{}</span></span>",
            esc(&a.rule),
            esc(&a.argument),
            esc(&a.provision),
            esc(&words::provision(&a.provision))
        );
        let links: Vec<String> = a
            .evidence
            .iter()
            .map(|e| {
                let place = format!("{}:{}", e.line, e.column);
                match marks.target(e.start, e.end) {
                    Some(k) => format!(
                        "<a href=\"#l{n}-m{k}\" title=\"{}\">{place}</a>",
                        esc(&one_line(&e.text, 200))
                    ),
                    None => place,
                }
            })
            .collect();
        if links.is_empty() {
            items.push_str(" <span class=\"muted\">&middot; the letter is silent on this</span>");
        } else {
            let _ = write!(
                items,
                " <span class=\"muted\">&middot; evidence</span> {}",
                links.join(", ")
            );
        }
        items.push_str("</li>\n");
    }
    if !items.is_empty() {
        let _ = write!(s, "<ul class=\"advice\">\n{items}</ul>\n");
    }
}

/// A ground's card: its name and title in its colour, what the report says of it in words (the
/// codes in tooltips), its evidence and public interest arguments linked to their marks, and
/// the arguments about it.
#[allow(clippy::too_many_arguments)]
fn card(
    s: &mut String,
    n: usize,
    i: usize,
    f: &Finding,
    colour: usize,
    report: &Report,
    marks: &Marks,
    shown: &mut [bool],
) {
    let _ = write!(
        s,
        "<div class=\"card {}\" data-g=\"{colour}\" id=\"l{n}-g{i}\">\n\
<h4 title=\"{}\"><span class=\"swatch\"></span>{} {}</h4>\n",
        status_class(f.status),
        esc(&f.id),
        esc(&words::ground(f)),
        esc(&f.title)
    );
    let status_code = match f.reason() {
        Some(r) => format!("status: {}, reason: {r}", f.status),
        None => format!("status: {}", f.status),
    };
    let _ = writeln!(
        s,
        "<p class=\"facts\"><span title=\"{}\">{}</span>, <span title=\"kind: {}\">{}</span>, \
<span title=\"basis: {}\">{}</span>, <span title=\"confidence: {:.2}\">{} confidence</span></p>",
        esc(&status_code),
        esc(&words::finding_status(f)),
        f.kind,
        words::kind(f.kind),
        f.basis,
        words::basis(f.basis),
        f.confidence,
        words::confidence(f.confidence)
    );
    s.push_str("<ul class=\"ev\">\n");
    for e in &f.evidence {
        let note = words::evidence_note(f, e, report.parts.len() > 1);
        let note = if note.is_empty() {
            note
        } else {
            format!("<span class=\"muted\">{}</span>", esc(&note))
        };
        let _ = writeln!(s, "<li>{}{note}</li>", evidence_link(n, marks, e));
    }
    s.push_str("</ul>\n");
    let pi = public_interest(f);
    if !pi.is_empty() {
        s.push_str("<ul class=\"pi\">\n");
        for (label, e) in pi {
            let _ = writeln!(
                s,
                "<li><span class=\"label\">{}:</span> {}</li>",
                esc(label),
                evidence_link(n, marks, e)
            );
        }
        s.push_str("</ul>\n");
    }
    if !f.equivalents.is_empty() {
        let names: Vec<String> = f
            .equivalents
            .iter()
            .map(|id| {
                format!(
                    "<span class=\"code\" title=\"{}\">{}</span>",
                    esc(id),
                    esc(&words::provision(id))
                )
            })
            .collect();
        let _ = writeln!(
            s,
            "<p class=\"facts muted\">equivalents: {}</p>",
            names.join(", ")
        );
    }
    advice_list(s, n, report, marks, shown, &f.id);
    s.push_str("</div>\n");
}

/// The first line of the text rendering, in its words: `2 grounds relied on; FOIA 2000;
/// outcome: partly granted`.
fn headline(report: &Report) -> String {
    let relied = report.relied_on().count();
    format!(
        "{relied} ground{} relied on; {}; outcome: {}",
        if relied == 1 { "" } else { "s" },
        words::regime(&report.jurisdiction),
        words::outcome(report.outcome.kind)
    )
}

/// One letter's section: its text with marks, and beside it the outcome, grounds, checks and
/// advice. `colours` are the findings' ([`Colours::of`]), `zones` the letter's
/// ([`foi_refusal::zones`]).
fn letter_section(
    n: usize,
    letter: &Letter,
    report: &Report,
    colours: &[usize],
    zones: &[foi_refusal::Zone],
) -> String {
    let text = letter.text();
    let mut marks = Marks::new(text, report, colours, zones);
    if letter.doc.parts.len() > 1 {
        marks.parts = letter
            .doc
            .parts
            .iter()
            .skip(1)
            .filter(|p| p.span.start < text.len() && text.is_char_boundary(p.span.start))
            .filter(|p| {
                !marks
                    .placed
                    .iter()
                    .any(|m| m.start < p.span.start && p.span.start < m.end)
                    && !marks
                        .shades
                        .iter()
                        .any(|z| z.start < p.span.start && p.span.start < z.end)
            })
            .map(|p| {
                (
                    p.span.start,
                    format!("attachment: {} ({})", p.name, p.format),
                )
            })
            .collect();
    }
    let mut shown = vec![false; report.advice.len()];
    let mut s = String::new();
    let _ = write!(
        s,
        "<section class=\"letter\" id=\"letter-{n}\">\n<header><h2>{n}. {}<a class=\"top\" href=\"#top\">top</a></h2>\n",
        esc(&letter.id)
    );
    if let Some(a) = &letter.authority {
        let _ = writeln!(s, "<div class=\"muted\">{}</div>", esc(a));
    }
    let _ = write!(
        s,
        "<p class=\"headline\">{}</p>\n</header>\n<pre class=\"text\">{}</pre>\n<aside>\n",
        esc(&headline(report)),
        marks.html(n, text)
    );
    for w in &report.warnings {
        let _ = writeln!(s, "<p><b>warning:</b> {}</p>", esc(w));
    }
    let _ = writeln!(
        s,
        "<h3>Outcome: <span class=\"code\" title=\"outcome: {}\">{}</span></h3>",
        report.outcome.kind,
        esc(words::outcome(report.outcome.kind))
    );
    if !report.outcome.evidence.is_empty() {
        s.push_str("<ul class=\"ev\">\n");
        for e in unique(&report.outcome.evidence) {
            let _ = writeln!(s, "<li>{}</li>", evidence_link(n, &marks, e));
        }
        s.push_str("</ul>\n");
    }
    let outcome = format!("outcome:{}", report.outcome.kind);
    advice_list(&mut s, n, report, &marks, &mut shown, &outcome);
    s.push_str("<h3>Grounds</h3>\n");
    if report.findings.is_empty() {
        s.push_str("<p class=\"muted\">No ground found.</p>\n");
    }
    for (i, f) in report.findings.iter().enumerate() {
        let colour = colours.get(i).copied().unwrap_or(0);
        card(&mut s, n, i, f, colour, report, &marks, &mut shown);
    }
    let applicable: Vec<_> = report.applicable_checks().collect();
    if !applicable.is_empty() {
        s.push_str("<h3>Refusal notice checks</h3>\n<ul class=\"checks\">\n");
        for c in applicable {
            let (class, sign) = if c.result == CheckResult::Pass {
                ("pass", "&#10003;")
            } else {
                ("fail", "&#10007;")
            };
            let _ = write!(
                s,
                "<li class=\"check-{class}\" id=\"l{n}-c-{}\"><span class=\"result {class}\" title=\"{}\">{sign}</span>\
<span class=\"{class}\">{}</span> <span class=\"name code\" title=\"{}, {}\">{}</span> \
<span class=\"muted\">({})</span><br>{}",
                esc(&c.id),
                c.result,
                words::result(c.result),
                esc(&c.id),
                esc(&c.provision),
                esc(check_name(&c.id)),
                esc(&words::provision(&c.provision)),
                esc(&c.detail)
            );
            if !c.evidence.is_empty() {
                s.push_str("<ul class=\"ev\">\n");
                for e in unique(&c.evidence) {
                    let _ = writeln!(s, "<li>{}</li>", evidence_link(n, &marks, e));
                }
                s.push_str("</ul>\n");
            }
            advice_list(&mut s, n, report, &marks, &mut shown, &c.id);
            s.push_str("</li>\n");
        }
        s.push_str("</ul>\n");
    }
    let others: Vec<String> = report
        .references
        .iter()
        .filter(|r| r.role != foi_refusal::RefRole::Ground)
        .map(|r| format!("{} {} ({})", r.act, r.provision, r.role).to_lowercase())
        .collect();
    if !others.is_empty() {
        let _ = writeln!(
            s,
            "<p class=\"facts muted\">other references: {}</p>",
            esc(&others.join("; "))
        );
    }
    if shown.iter().any(|x| !x) {
        s.push_str("<h3>Other advice</h3>\n");
        let abouts: Vec<String> = report.advice.iter().map(|a| a.about.clone()).collect();
        for about in abouts {
            advice_list(&mut s, n, report, &marks, &mut shown, &about);
        }
    }
    let _ = writeln!(
        s,
        "<p class=\"facts muted\">read with rule set {}; confidence is how strongly the wording supports a reading</p>",
        esc(&report.rules_version)
    );
    s.push_str("</aside>\n</section>\n");
    s
}

/// What the table at the top shows of one letter.
#[derive(Clone, Debug)]
struct Row {
    n: usize,
    id: String,
    authority: Option<String>,
    outcome: OutcomeKind,
    regime: String,
    /// (id, short name, title, colour) of each ground relied on.
    grounds: Vec<(String, String, String, usize)>,
    /// The ids of the checks failed.
    failed: Vec<String>,
    arguments: usize,
}

/// The page of a run, built letter by letter and written at the end (see the module's note on
/// memory).
#[derive(Debug)]
pub struct Page {
    /// Keep the letters' sections (false with `--summary`: the table only).
    sections: Option<Vec<String>>,
    rows: Vec<Row>,
    colours: Colours,
    /// Ground id -> (letters relying on it, title).
    grounds: BTreeMap<String, (usize, String)>,
}

impl Page {
    /// An empty page; `sections` false keeps only the table of letters (for `--summary`).
    pub fn new(sections: bool) -> Page {
        Page {
            sections: sections.then(Vec::new),
            rows: Vec::new(),
            colours: Colours::default(),
            grounds: BTreeMap::new(),
        }
    }

    /// Adds letter `n` (from 1).
    pub fn add(&mut self, n: usize, letter: &Letter, report: &Report) {
        let colours = self.colours.of(report);
        let grounds: Vec<(String, String, String, usize)> = report
            .findings
            .iter()
            .zip(&colours)
            .filter(|(f, _)| f.status == Status::ReliedOn)
            .map(|(f, &c)| (f.id.clone(), words::ground(f), f.title.clone(), c))
            .collect();
        for (id, _, title, _) in &grounds {
            let e = self
                .grounds
                .entry(id.clone())
                .or_insert_with(|| (0, title.clone()));
            e.0 += 1;
        }
        self.rows.push(Row {
            n,
            id: letter.id.clone(),
            authority: letter.authority.clone(),
            outcome: report.outcome.kind,
            regime: words::regime(&report.jurisdiction).to_string(),
            grounds,
            failed: report
                .failed_checks()
                .into_iter()
                .map(str::to_string)
                .collect(),
            arguments: report.advice.len(),
        });
        if let Some(sections) = &mut self.sections {
            let zones = foi_refusal::zones(&letter.doc);
            sections.push(letter_section(n, letter, report, &colours, &zones));
        }
    }

    /// The table of letters with its filters; each row links to its letter's section when the
    /// page has one.
    fn overview(&self) -> String {
        let mut s = format!(
            "<section class=\"box\" id=\"letters\">\n<h2>{} letters</h2>\n",
            self.rows.len()
        );
        s.push_str("<div class=\"filters\" id=\"filters\" hidden>\n<label>ground relied on: <select id=\"f-ground\"><option value=\"\">any</option>\n");
        let mut grounds: Vec<_> = self.grounds.iter().collect();
        grounds.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
        for (id, (count, title)) in grounds {
            let _ = writeln!(
                s,
                "<option value=\"{}\">{} {} ({count})</option>",
                esc(id),
                esc(&words::ground_of_id(id)),
                esc(title)
            );
        }
        s.push_str("</select></label>\n<label>failed check: <select id=\"f-check\"><option value=\"\">any</option>\n");
        let mut failed: BTreeMap<&str, usize> = BTreeMap::new();
        for r in &self.rows {
            for c in &r.failed {
                *failed.entry(c).or_default() += 1;
            }
        }
        let mut failed: Vec<_> = failed.into_iter().collect();
        failed.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        for (id, count) in failed {
            let _ = writeln!(
                s,
                "<option value=\"{}\">{} ({count})</option>",
                esc(id),
                esc(check_name(id))
            );
        }
        s.push_str("</select></label>\n<span id=\"f-count\" class=\"muted\"></span>\n</div>\n");
        s.push_str("<table class=\"letters\">\n<thead><tr><th>#</th><th>letter</th><th>outcome</th><th>regime</th><th>grounds relied on</th><th>failed checks</th><th>arguments</th></tr></thead>\n<tbody>\n");
        for r in &self.rows {
            let ids: Vec<&str> = r.grounds.iter().map(|g| g.0.as_str()).collect();
            let _ = write!(
                s,
                "<tr data-letter=\"letter-{}\" data-grounds=\"{}\" data-failed=\"{}\"><td>{}</td><td>",
                r.n,
                esc(&ids.join(" ")),
                esc(&r.failed.join(" ")),
                r.n
            );
            if self.sections.is_some() {
                let _ = write!(s, "<a href=\"#letter-{}\">{}</a>", r.n, esc(&r.id));
            } else {
                s.push_str(&esc(&r.id));
            }
            if let Some(a) = &r.authority {
                let _ = write!(s, "<br><span class=\"muted\">{}</span>", esc(a));
            }
            let _ = write!(
                s,
                "</td><td><span class=\"code\" title=\"{}\">{}</span></td><td>{}</td><td>",
                r.outcome,
                esc(words::outcome(r.outcome)),
                esc(&r.regime)
            );
            for (id, name, title, c) in &r.grounds {
                let _ = write!(
                    s,
                    "<span class=\"chip\" data-g=\"{c}\" title=\"{} {}\">{}</span> ",
                    esc(id),
                    esc(title),
                    esc(name)
                );
            }
            s.push_str("</td><td>");
            let failed: Vec<String> = r
                .failed
                .iter()
                .map(|c| {
                    format!(
                        "<span class=\"code\" title=\"{}\">{}</span>",
                        esc(c),
                        esc(check_name(c))
                    )
                })
                .collect();
            s.push_str(&failed.join("; "));
            let _ = writeln!(s, "</td><td>{}</td></tr>", r.arguments);
        }
        s.push_str("</tbody>\n</table>\n</section>\n");
        s
    }

    /// The whole page: the legend, the table of letters when there are several, then each
    /// letter.
    pub fn finish(&self) -> String {
        let mut s = head("foi-refusal report");
        let key: Vec<(String, String, usize)> = self
            .colours
            .order
            .iter()
            .filter_map(|id| {
                let (_, title) = self.grounds.get(id)?;
                let c = self.colours.first.get(id)? % PALETTE.len();
                Some((words::ground_of_id(id), title.clone(), c))
            })
            .collect();
        s.push_str(&legend(&key));
        if self.rows.is_empty() {
            s.push_str("<p class=\"box\">No letter was read.</p>\n");
        }
        if self.rows.len() > 1 {
            s.push_str(&self.overview());
        }
        for section in self.sections.iter().flatten() {
            s.push_str(section);
        }
        s.push_str(&tail());
        s
    }

    /// The summary page (`--summary`): the run's totals, then the table of letters.
    pub fn summary(&self, summary: &Summary) -> String {
        let mut s = head("foi-refusal summary");
        s.push_str(&totals(summary));
        if !self.rows.is_empty() {
            s.push_str(&self.overview());
        }
        s.push_str(&tail());
        s
    }
}

/// The run's totals as tables, in words (the codes in tooltips).
fn totals(summary: &Summary) -> String {
    let mut s = format!(
        "<section class=\"box\" id=\"totals\"><h2>{} letters, {} relying on at least one ground, {} relying on a qualified ground without a public interest test, {} with arguments for a review</h2>\n",
        summary.letters, summary.with_grounds, summary.qualified_without_pit, summary.with_advice
    );
    s.push_str("<table>\n<tr><th>ground</th><th>relied on</th><th>cited by number</th><th>inferred from its wording</th><th>mentioned only</th><th>disclaimed</th></tr>\n");
    let mut rows: Vec<_> = summary.grounds.iter().collect();
    rows.sort_by(|a, b| b.1.relied_on.cmp(&a.1.relied_on).then(a.0.cmp(b.0)));
    for (id, g) in rows {
        let _ = writeln!(
            s,
            "<tr><td title=\"{}\">{} {}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(id),
            esc(&words::ground_of_id(id)),
            esc(&g.title),
            g.relied_on,
            g.cited,
            g.inferred,
            g.mentioned,
            g.disclaimed,
        );
    }
    s.push_str("</table>\n<h3>Outcomes</h3>\n<table>\n<tr><th>outcome</th><th>letters</th></tr>\n");
    for (code, n) in &summary.outcomes {
        let kind: Option<OutcomeKind> =
            serde_json::from_value(serde_json::Value::String(code.clone())).ok();
        let name: &str = match kind {
            Some(k) => words::outcome(k),
            None => code,
        };
        let _ = writeln!(
            s,
            "<tr><td title=\"{}\">{}</td><td>{n}</td></tr>",
            esc(code),
            esc(name)
        );
    }
    s.push_str("</table>\n<h3>Notice checks failed</h3>\n<table>\n<tr><th>check</th><th>letters failing it</th></tr>\n");
    for (id, n) in summary.ranked_checks() {
        let _ = writeln!(
            s,
            "<tr><td title=\"{}\">{}</td><td>{n}</td></tr>",
            esc(id),
            esc(check_name(id))
        );
    }
    s.push_str("</table>\n</section>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use foi_refusal::input::Document;

    fn letter(id: &str, text: &str) -> (Letter, Report) {
        let doc = Document::from_text(text);
        let report = foi_refusal::Classifier::new().classify_document(&doc);
        let letter = Letter {
            id: id.to_string(),
            authority: None,
            doc,
        };
        (letter, report)
    }

    /// Two grounds, public interest, a rights paragraph and quoted mail.
    const TWO_GROUNDS: &str = "Dear Ms Rowe,\n\n\
The names of the junior staff have been removed under section 40(2) of the Freedom of \
Information Act 2000, as releasing them would breach the data protection principles.\n\n\
The tender prices are withheld under section 43(2), as publishing them would harm the \
supplier's commercial interests. We recognise the public interest in openness about public \
spending, but we consider that the public interest favours withholding the prices.\n\n\
If you are unhappy with this reply you may ask for an internal review. You may also complain \
to the Information Commissioner.\n\n\
Yours sincerely,\n\nRecords Officer\n\n\
-----Original Message-----\nFrom: Ms Rowe\nSent: 2 May 2025\n\n\
Please send the tender file. I expect you may cite section 36 but I hope not.\n";

    /// The value of attribute `name` of the element that opens at `at` in `html`.
    fn attr<'a>(html: &'a str, at: usize, name: &str) -> Option<&'a str> {
        let tag = &html[at..at + html[at..].find('>')?];
        let key = format!(" {name}=\"");
        let from = tag.find(&key)? + key.len();
        Some(&tag[from..from + tag[from..].find('"')?])
    }

    /// The text of `html`, without its tags.
    fn text_of(html: &str) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        out
    }

    /// Every opening tag of `element` in `html`, as offsets.
    fn tags(html: &str, element: &str) -> Vec<usize> {
        let open = format!("<{element} ");
        html.match_indices(&open).map(|(i, _)| i).collect()
    }

    #[test]
    fn escapes_the_letter_and_its_ids() {
        assert_eq!(
            esc("<a & \"b\" 'c'>"),
            "&lt;a &amp; &quot;b&quot; &#39;c&#39;&gt;"
        );
        let (l, r) = letter(
            "<evil \"id\">.txt",
            "Withheld under section 43(2) <now> & \"then\".",
        );
        let mut page = Page::new(true);
        page.add(1, &l, &r);
        let html = page.finish();
        assert!(
            html.contains("&lt;now&gt; &amp; &quot;then&quot;"),
            "{html}"
        );
        assert!(html.contains("&lt;evil &quot;id&quot;&gt;.txt"), "{html}");
        assert!(!html.contains("<now>") && !html.contains("<evil"), "{html}");
    }

    #[test]
    fn the_legend_explains_the_colours_and_every_term() {
        let l = legend(&[("s.43".into(), "Commercial interests".into(), 0)]);
        for (term, meaning) in words::LEGEND {
            assert!(l.contains(&format!("<dt>{}</dt>", esc(term))), "{term}");
            assert!(l.contains(&esc(meaning)), "{meaning}");
        }
        for class in [
            "relied_on",
            "mentioned",
            "disclaimed",
            "pi",
            "outcome",
            "advice",
        ] {
            assert!(l.contains(&format!("<mark class=\"{class}\"")), "{class}");
        }
        assert!(l.contains("class=\"zone\""));
        assert!(l.contains("<span class=\"chip\" data-g=\"0\">s.43 Commercial interests</span>"));
        let (l, r) = letter("a.txt", TWO_GROUNDS);
        let mut page = Page::new(true);
        page.add(1, &l, &r);
        assert!(page.finish().contains("id=\"legend\""));
    }

    #[test]
    fn each_ground_has_its_colour_shared_by_its_marks_and_card() {
        let (l, r) = letter("a.txt", TWO_GROUNDS);
        let mut page = Page::new(true);
        page.add(1, &l, &r);
        let html = page.finish();
        let mut colour_of: HashMap<String, String> = HashMap::new();
        for (i, f) in r.findings.iter().enumerate() {
            let at = html
                .find(&format!("id=\"l1-g{i}\""))
                .expect("a card per finding");
            let open = html[..at].rfind("<div ").unwrap();
            let c = attr(&html, open, "data-g")
                .expect("card colour")
                .to_string();
            colour_of.insert(words::ground(f), c);
        }
        let s40 = &colour_of["s.40(2)"];
        let s43 = &colour_of["s.43(2)"];
        assert_ne!(s40, s43, "two grounds, two colours");
        let mut seen = 0;
        for at in tags(&html, "mark") {
            let (Some("relied_on"), Some(title)) =
                (attr(&html, at, "class"), attr(&html, at, "title"))
            else {
                continue;
            };
            let c = attr(&html, at, "data-g").expect("a relied-on mark has a colour");
            let name = if title.starts_with("s.40") { s40 } else { s43 };
            assert_eq!(c, name, "{title}");
            assert!(title.contains(" — relied on, "), "{title}");
            assert!(
                !title.contains("StrongCue") && !title.contains("foia:"),
                "{title}"
            );
            seen += 1;
        }
        assert!(seen >= 4, "{html}");
        // The same ground keeps its colour in the next letter, before the other ground.
        let (l2, r2) = letter(
            "b.txt",
            "The bids are withheld under section 43(2) of the Freedom of Information Act 2000.",
        );
        page.add(2, &l2, &r2);
        let html = page.finish();
        let at = html.find("id=\"l2-g0\"").unwrap();
        let open = html[..at].rfind("<div ").unwrap();
        assert_eq!(attr(&html, open, "data-g"), Some(s43.as_str()));
    }

    #[test]
    fn colours_differ_within_a_letter() {
        let mut colours = Colours::default();
        let (_, r) = letter("a.txt", TWO_GROUNDS);
        let first = colours.of(&r);
        assert_eq!(first.len(), r.findings.len());
        let mut relied: Vec<usize> = first
            .iter()
            .zip(&r.findings)
            .filter(|(_, f)| f.status == Status::ReliedOn)
            .map(|(c, _)| *c)
            .collect();
        relied.dedup();
        assert_eq!(relied.len(), 2, "{first:?}");
    }

    #[test]
    fn every_check_and_outcome_link_targets_a_mark_there() {
        let (l, r) = letter("a.txt", TWO_GROUNDS);
        assert!(r.applicable_checks().any(|c| !c.evidence.is_empty()));
        let mut page = Page::new(true);
        page.add(1, &l, &r);
        let html = page.finish();
        let checks = html.find("<h3>Refusal notice checks</h3>").expect("checks");
        let links: Vec<&str> = html[checks..]
            .split("href=\"#")
            .skip(1)
            .map(|p| &p[..p.find('"').unwrap()])
            .collect();
        assert!(!links.is_empty(), "a check links to its evidence");
        for part in html.split("href=\"#").skip(1) {
            let id = &part[..part.find('"').unwrap()];
            assert!(html.contains(&format!("id=\"{id}\"")), "no element {id}");
        }
        // The rights paragraph, which no ground's span covers, gets a check mark of its own.
        assert!(html.contains("<mark class=\"check\" id=\"l1-m"), "{html}");
        let outcome = html.find("<h3>Outcome: ").unwrap();
        let grounds = html.find("<h3>Grounds</h3>").unwrap();
        if !r.outcome.evidence.is_empty() {
            assert!(html[outcome..grounds].contains("href=\"#l1-m"), "{html}");
        }
    }

    #[test]
    fn public_interest_arguments_sit_in_their_grounds_card() {
        let (l, r) = letter("a.txt", TWO_GROUNDS);
        let s43 = r.finding("foia:s43").unwrap();
        let pi = s43.public_interest.as_ref().expect("s.43 weighed");
        assert!(!pi.for_disclosure.is_empty() || pi.conclusion.is_some());
        let mut page = Page::new(true);
        page.add(1, &l, &r);
        let html = page.finish();
        let i = r.findings.iter().position(|f| f.id == "foia:s43").unwrap();
        let card = &html[html.find(&format!("id=\"l1-g{i}\"")).unwrap()..];
        let card = &card[..card.find("</div>").unwrap()];
        assert!(card.contains("<ul class=\"pi\">"), "{card}");
        assert!(
            card.contains(words::PUBLIC_INTEREST_FOR_DISCLOSURE)
                || card.contains(words::PUBLIC_INTEREST_CONCLUSION),
            "{card}"
        );
        assert!(
            card.contains("argue:"),
            "the advice sits by its ground: {card}"
        );
        assert!(
            text_of(card).contains("relied on, qualified, cited by number, high confidence"),
            "{card}"
        );
        assert!(card.contains("title=\"kind: qualified\""), "{card}");
    }

    #[test]
    fn quoted_mail_and_boilerplate_are_shaded_and_labelled() {
        let (l, r) = letter("a.txt", TWO_GROUNDS);
        let mut page = Page::new(true);
        page.add(1, &l, &r);
        let html = page.finish();
        let quoted = html
            .find("<span class=\"zone zone-quoted\"><span class=\"zone-label\">earlier mail quoted below</span>-----Original Message-----")
            .expect("the quoted mail is wrapped");
        let rest = &html[quoted..];
        let end = rest.find("</pre>").unwrap();
        assert!(
            rest[..end].contains("section 36"),
            "the quoted mail runs on"
        );
        assert!(
            rest[..end].trim_end().ends_with("</span>"),
            "{}",
            &rest[..end]
        );
        assert!(html.contains(&format!(
            "<span class=\"zone zone-rights\"><span class=\"zone-label\">{}</span>",
            esc(words::RIGHTS_PARAGRAPH)
        )));
        assert!(html.contains("sign-off and signature"), "{html}");
        // The reasons are not shaded.
        let rights = html.find("<span class=\"zone zone-rights\">").unwrap();
        let pre_end = rights + html[rights..].find("</pre>").unwrap();
        assert!(!html[rights..pre_end].contains("junior staff"), "{html}");
        assert!(html[..rights].contains("junior staff"), "{html}");
        // s.36, in the quoted mail, is mentioned only and says why.
        assert!(
            html.contains("mentioned only (in quoted earlier mail)"),
            "{html}"
        );
    }

    #[test]
    fn shades_never_cut_a_mark() {
        let text = "abcdefghijkl";
        let mark = |start, end| Mark {
            start,
            end,
            kind: MarkKind::Outcome,
            title: String::new(),
            colour: None,
            tag: None,
        };
        let shade = |start, end| Shade {
            start,
            end,
            class: "zone-quoted",
            label: "x",
        };
        let placed = vec![mark(2, 6), mark(9, 11)];
        // One starts inside a mark, one ends inside one and overlaps the first.
        let mut shades = vec![shade(7, 10), shade(4, 8)];
        fit(&mut shades, &placed);
        assert_eq!(
            shades.iter().map(|s| (s.start, s.end)).collect::<Vec<_>>(),
            [(2, 8), (8, 11)]
        );
        let m = Marks {
            placed,
            shades,
            parts: vec![(1, "attachment: b.pdf (pdf)".into())],
        };
        assert_eq!(
            m.html(1, text),
            "a<span class=\"part-label\">attachment: b.pdf (pdf)</span>b\
<span class=\"zone zone-quoted\"><span class=\"zone-label\">x</span>\
<mark class=\"outcome\" id=\"l1-m0\" title=\"\">cdef</mark>gh</span>\
<span class=\"zone zone-quoted\"><span class=\"zone-label\">x</span>i\
<mark class=\"outcome\" id=\"l1-m1\" title=\"\">jk</mark></span>l"
        );
    }

    #[test]
    fn the_table_at_the_top_links_each_letter() {
        let (a, ra) = letter("a.txt", TWO_GROUNDS);
        let (b, rb) = letter(
            "b.txt",
            "The file is withheld. You may complain to the Information Commissioner.",
        );
        let mut page = Page::new(true);
        page.add(1, &a, &ra);
        page.add(2, &b, &rb);
        let html = page.finish();
        let table = html.find("<table class=\"letters\">").expect("a table");
        let first = html.find("<section class=\"letter\"").unwrap();
        assert!(table < first, "the table comes before the letters");
        let rows: Vec<usize> = tags(&html, "tr")
            .into_iter()
            .filter(|&at| attr(&html, at, "data-letter").is_some())
            .collect();
        assert_eq!(rows.len(), 2);
        for (k, at) in rows.into_iter().enumerate() {
            let id = attr(&html, at, "data-letter").unwrap();
            assert_eq!(id, format!("letter-{}", k + 1));
            let row = &html[at..at + html[at..].find("</tr>").unwrap()];
            assert!(row.contains(&format!("<a href=\"#{id}\">")), "{row}");
            assert!(html.contains(&format!("<section class=\"letter\" id=\"{id}\">")));
        }
        let row1 = &html[html.find("data-letter=\"letter-1\"").unwrap()..];
        assert!(
            row1.starts_with("data-letter=\"letter-1\" data-grounds=\"foia:s40 foia:s43\""),
            "{row1}"
        );
        assert!(
            html.contains("<option value=\"foia:s43\">s.43 Commercial interests (1)</option>"),
            "{html}"
        );
        let row2 = &html[html.find("data-letter=\"letter-2\"").unwrap()..];
        let row2 = &row2[..row2.find("</tr>").unwrap()];
        for c in &rb.checks {
            if c.result == CheckResult::Fail {
                assert!(row2.contains(check_name(&c.id)), "{row2}");
                assert!(
                    html.contains(&format!("<option value=\"{}\">", c.id)),
                    "{html}"
                );
            }
        }
        // The filters are hidden until the script shows them.
        assert!(html.contains("<div class=\"filters\" id=\"filters\" hidden>"));
        // One letter: no table.
        let mut one = Page::new(true);
        one.add(1, &a, &ra);
        assert!(!one.finish().contains("<table class=\"letters\">"));
    }

    #[test]
    fn the_summary_page_is_in_words() {
        let (a, ra) = letter("a.txt", TWO_GROUNDS);
        let mut page = Page::new(false);
        page.add(1, &a, &ra);
        let mut summary = Summary::default();
        summary.add(&a, &ra);
        let html = page.summary(&summary);
        assert!(
            html.contains("<td title=\"foia:s43\">s.43 Commercial interests</td>"),
            "{html}"
        );
        assert!(
            html.contains("<td title=\"partial\">partly granted</td>")
                || html.contains("<td title=\"refused\">refused</td>"),
            "{html}"
        );
        assert!(!html.contains("<section class=\"letter\""));
        assert!(html.contains("<table class=\"letters\">"));
        assert!(
            !html.contains("href=\"#letter-1\""),
            "no section to link to"
        );
    }
}
