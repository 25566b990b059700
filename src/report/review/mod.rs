//! A drafted internal review request: the report's advice written as the requester's letter to
//! the authority, in the wording of the letter's regime (`data/review/`).
//!
//! The letter is addressed to the authority when the reply names it (or the caller does), quotes
//! the authority's reference when the reply gives one, makes one numbered point per argument of
//! [`Report::advice`] (each re-phrased from advice to the requester into the requester's point,
//! sentences already made left out), then gives the regime's procedure and asks for the outcome
//! in writing. A note above it says it is a draft to check and edit, not legal advice, and when
//! to send it. A reply with no advice gets the note alone, saying so: no letter.

mod find;
mod wording;

use std::collections::HashSet;

use crate::vocab::{Jurisdiction, OutcomeKind, Report};

use wording::{wordings, Wording};

/// How wide the letter is wrapped, in columns.
const WIDTH: usize = 80;

/// What the caller knows that the reply may not say, for [`draft_review_with`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReviewOptions {
    /// The authority's name (from the e-mail's sender, say): used instead of the one read in
    /// the reply.
    pub authority: Option<String>,
    /// The requester's name, to sign the letter with.
    pub requester: Option<String>,
    /// The authority's reference for the request: used instead of the one read in the reply.
    pub reference: Option<String>,
    /// The display name of the e-mail's sender: used as the authority's name when it has the
    /// shape of one ("Kingsmere Council", not "Jo Bloggs"), before the reply's own lines.
    pub sender: Option<String>,
}

impl ReviewOptions {
    /// No names: the letter uses what the reply gives, and leaves the rest to fill in.
    pub fn new() -> ReviewOptions {
        ReviewOptions::default()
    }

    /// The authority's name.
    pub fn authority(mut self, name: impl Into<String>) -> ReviewOptions {
        self.authority = Some(name.into());
        self
    }

    /// The requester's name.
    pub fn requester(mut self, name: impl Into<String>) -> ReviewOptions {
        self.requester = Some(name.into());
        self
    }

    /// The display name of the e-mail's sender.
    pub fn sender(mut self, name: impl Into<String>) -> ReviewOptions {
        self.sender = Some(name.into());
        self
    }

    /// The authority's reference for the request.
    pub fn reference(mut self, reference: impl Into<String>) -> ReviewOptions {
        self.reference = Some(reference.into());
        self
    }
}

/// Drafts a request for an internal review of the reply `text`, from its `report` (see
/// [`draft_review_with`]); the authority's name and reference are read in the reply.
pub fn draft_review(report: &Report, text: &str) -> String {
    draft_review_with(report, text, &ReviewOptions::default())
}

/// Drafts a request for an internal review of the reply `text` from its `report`, as plain text:
/// a note (a draft to check and edit, not legal advice; when to send it), then the letter.
///
/// The letter is in the wording of the reply's regime (`data/review/<regime>.toml`; neutral
/// wording for a regime without a file): under FOIA a request for an internal review, under
/// the EIR representations under regulation 11, under FOISA a requirement for review under
/// section 20, under the EISR one under regulation 16, each with what comes after it. It makes
/// one numbered point per argument of [`Report::advice`].
///
/// When the report has no advice (nothing refused, or nothing to argue) there is no letter: the
/// text returned is a short note saying so.
pub fn draft_review_with(report: &Report, text: &str, options: &ReviewOptions) -> String {
    let all = wordings();
    let names = regimes_of(report);
    let mut found: Vec<&Wording> = names.iter().filter_map(|n| all.regime(n)).collect();
    let w = if found.is_empty() {
        &all.base
    } else {
        found.remove(0)
    };
    let points = points(report, w);
    if points.is_empty() {
        return no_letter(report, w);
    }
    let given = |o: &Option<String>| {
        o.as_deref()
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|s| !s.is_empty())
    };
    let authority = given(&options.authority)
        .or_else(|| given(&options.sender).and_then(|s| find::name_in(&s, &w.authority)))
        .or_else(|| find::authority(report, text, &w.authority));
    let reference = given(&options.reference).or_else(|| find::reference(report, text, w));
    let letter = Letter {
        w,
        others: &found,
        deadline: deadline(report, w),
        authority,
        reference,
        requester: given(&options.requester),
    };
    letter.write(&points)
}

/// The regimes the letter is answered under, by short name: its jurisdiction's, or for a mixed
/// (or unstated) one, those of the grounds it relies on, in order.
fn regimes_of(report: &Report) -> Vec<&'static str> {
    match report.jurisdiction {
        Jurisdiction::Mixed | Jurisdiction::Unknown => {
            let mut out: Vec<&'static str> = Vec::new();
            for f in report.relied_on() {
                let name = Jurisdiction::of(f.act).as_str();
                if !out.contains(&name) {
                    out.push(name);
                }
            }
            out
        }
        j => vec![j.as_str()],
    }
}

/// The sentence that says when to send the request: the regime's wording (40 working days of
/// the date of the authority's reply), after the date itself when the report's timing gives the
/// reply's date and the last day to ask.
fn deadline(report: &Report, w: &Wording) -> String {
    let dated = report.timing.as_ref().and_then(|t| {
        let replied = t.replied.as_ref()?;
        let by = t.review_by?;
        Some(
            w.text
                .deadline_dated
                .replace("{replied}", &replied.date.to_string())
                .replace("{review_by}", &by.to_string()),
        )
    });
    match dated {
        Some(d) => format!("{d} {}", w.text.deadline),
        None => w.text.deadline.clone(),
    }
}

/// The note given instead of a letter.
fn no_letter(report: &Report, w: &Wording) -> String {
    let refuses = report.relied_on().next().is_some()
        || matches!(
            report.outcome.kind,
            OutcomeKind::Refused | OutcomeKind::Partial | OutcomeKind::Ncnd | OutcomeKind::NotHeld
        );
    let note = if refuses {
        &w.text.no_letter_refused
    } else {
        &w.text.no_letter
    };
    let mut out = wrap(
        &note.replace("{deadline}", &deadline(report, w)),
        WIDTH,
        "",
        "",
    );
    out.push('\n');
    out
}

/// One point per advice item, as the requester's: its sentences that speak only to the
/// requester dropped, those that tell the requester what to add kept in brackets, the rest
/// rewritten, and sentences already made in an earlier point left out.
fn points(report: &Report, w: &Wording) -> Vec<String> {
    let mut seen: HashSet<String> = HashSet::new();
    report
        .advice
        .iter()
        .filter_map(|a| point(&a.argument, w, &mut seen))
        .collect()
}

/// `argument` as the requester's point, leaving out the sentences in `seen` (and adding its
/// own); `None` when nothing is left.
fn point(argument: &str, w: &Wording, seen: &mut HashSet<String>) -> Option<String> {
    let mut kept: Vec<String> = Vec::new();
    for s in sentences(argument) {
        if w.drop.iter().any(|re| re.is_match(s)) {
            continue;
        }
        let rewritten = if w.prompt.iter().any(|re| re.is_match(s)) {
            format!("[{s}]")
        } else {
            rewrite(s, w)
        };
        for s in sentences(&rewritten) {
            let s = capitalised(s);
            let key: String = s
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            if seen.insert(key) {
                kept.push(s);
            }
        }
    }
    (!kept.is_empty()).then(|| kept.join(" "))
}

/// `s` with the wording's rewrites applied in order.
fn rewrite(s: &str, w: &Wording) -> String {
    let mut out = s.to_string();
    for (re, with) in &w.rewrite {
        if re.is_match(&out) {
            out = re.replace_all(&out, with.as_str()).into_owned();
        }
    }
    out
}

/// The sentences of `text`: cut after `.`, `?` or `!` (and any closing bracket or quotation
/// mark) followed by a space and a capital letter, a bracket or a quotation mark ("s. 40" stays
/// whole).
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut from = 0;
    for (i, c) in text.char_indices() {
        if !matches!(c, '.' | '?' | '!') || i < from {
            continue;
        }
        let after = &text[i + 1..];
        let closed = after.trim_start_matches([')', ']', '"', '\'']);
        let end = text.len() - closed.len();
        if !closed.starts_with(char::is_whitespace) {
            continue;
        }
        let next = closed.trim_start();
        if next.starts_with(|n: char| n.is_uppercase() || matches!(n, '[' | '(' | '"')) {
            let s = text[from..end].trim();
            if !s.is_empty() {
                out.push(s);
            }
            from = end;
        }
    }
    let s = text[from..].trim();
    if !s.is_empty() {
        out.push(s);
    }
    out
}

/// `s` with its first letter a capital.
fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `text` wrapped to `width` columns, its first line after `first`, the others after `rest`;
/// each line ends in a newline but the last.
fn wrap(text: &str, width: usize, first: &str, rest: &str) -> String {
    let mut out = String::from(first);
    let mut cols = first.chars().count();
    let mut line_empty = true;
    for word in text.split_whitespace() {
        let n = word.chars().count();
        if !line_empty && cols + 1 + n > width {
            out.push('\n');
            out.push_str(rest);
            cols = rest.chars().count();
            line_empty = true;
        }
        if !line_empty {
            out.push(' ');
            cols += 1;
        }
        out.push_str(word);
        cols += n;
        line_empty = false;
    }
    out
}

/// Everything the letter needs besides its points.
struct Letter<'a> {
    w: &'a Wording,
    /// The other regimes of a letter under several.
    others: &'a [&'a Wording],
    deadline: String,
    authority: Option<String>,
    reference: Option<String>,
    requester: Option<String>,
}

impl Letter<'_> {
    /// The note and the letter.
    fn write(&self, points: &[String]) -> String {
        let t = &self.w.text;
        let fill = |s: &str| {
            s.replace("{deadline}", &self.deadline)
                .replace("{authority}", self.authority.as_deref().unwrap_or(""))
                .replace("{reference}", self.reference.as_deref().unwrap_or(""))
        };
        let para = |s: &str| wrap(&fill(s), WIDTH, "", "");
        let rule = "-".repeat(WIDTH);
        let mut out: Vec<String> = vec![para(&t.note), String::new(), rule.clone()];
        let (to, dear) = match self.authority {
            Some(_) => (&t.to_named, &t.dear_named),
            None => (&t.to, &t.dear),
        };
        out.push(fill(to));
        out.push(fill(&t.subject));
        out.push(match self.reference {
            Some(_) => fill(&t.reference),
            None => fill(&t.no_reference),
        });
        out.extend([String::new(), fill(dear), String::new(), para(&t.opening)]);
        for o in self.others {
            if !o.text.also.is_empty() {
                out.extend([String::new(), para(&o.text.also)]);
            }
        }
        out.extend([String::new(), para(&t.points)]);
        for (i, p) in points.iter().enumerate() {
            let lead = format!("{}. ", i + 1);
            let hang = " ".repeat(lead.len());
            out.extend([String::new(), wrap(p, WIDTH, &lead, &hang)]);
        }
        out.extend([String::new(), para(&t.procedure)]);
        for o in self.others {
            out.extend([String::new(), para(&o.text.procedure)]);
        }
        out.extend([
            String::new(),
            para(&t.closing),
            String::new(),
            fill(&t.sign_off),
        ]);
        out.extend([
            String::new(),
            self.requester.clone().unwrap_or_else(|| fill(&t.name)),
            fill(&t.address),
            rule,
        ]);
        let mut s = out.join("\n");
        s.push('\n');
        s
    }
}

/// Checks the embedded review wording file `name` (under `data/review/`): it loads, and each of
/// its example letters, classified and drafted with the embedded rules, gives a draft that holds
/// every `contains` and no `lacks`; a regime file's letters are under its regime.
#[cfg(test)]
fn check_review_file(name: &str) {
    let all = wordings();
    let loaded = wording::load(wording_files()).unwrap_or_else(|e| panic!("{e}"));
    assert!(!loaded.base.text.note.is_empty());
    let w = all
        .of_file(name)
        .unwrap_or_else(|| panic!("review/{name}: its regime has no wording"));
    let classifier = crate::Classifier::new();
    for x in &w.examples {
        let report = classifier.classify(&x.text);
        if w.regime != wording::BASE {
            assert_eq!(
                report.jurisdiction.as_str(),
                w.regime,
                "review/{name}: the example is not read as under its regime:\n{}",
                x.text
            );
        }
        let draft = draft_review(&report, &x.text);
        let flat = draft.split_whitespace().collect::<Vec<_>>().join(" ");
        for c in &x.contains {
            assert!(
                flat.contains(c.as_str()),
                "review/{name}: no {c:?} in:\n{draft}"
            );
        }
        for l in &x.lacks {
            assert!(
                !flat.contains(l.as_str()),
                "review/{name}: {l:?} in:\n{draft}"
            );
        }
    }
}

#[cfg(test)]
fn wording_files() -> &'static [(&'static str, &'static str)] {
    wording::embedded_files()
}

#[cfg(test)]
mod generated {
    use super::check_review_file;
    include!(concat!(env!("OUT_DIR"), "/review_tests.rs"));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_are_cut_after_stops_before_capitals() {
        assert_eq!(
            sentences("Under s. 40 it is. Ask (why). [Fill in.] And so on. not cut"),
            [
                "Under s. 40 it is.",
                "Ask (why).",
                "[Fill in.]",
                "And so on. not cut"
            ]
        );
        assert_eq!(sentences("section 17(3). Then"), ["section 17(3).", "Then"]);
    }

    #[test]
    fn an_argument_becomes_the_requesters_point() {
        let w = wordings().regime("foia").expect("FOIA wording");
        let mut seen = HashSet::new();
        let arg = "The letter relies on section 43(2). Set out why the prices matter to you. \
Ask whose interests are at stake, and ask for the rest. The authority regards them as \
sensitive, so ask which parts you could have. You may also go to court.";
        assert_eq!(
            point(arg, w, &mut seen).as_deref(),
            Some(
                "Your reply relies on section 43(2). [Set out why the prices matter to you.] \
Please tell me whose interests are at stake, and I ask for the rest. You regard them as \
sensitive, so please tell me which parts I could have."
            )
        );
        // The same sentences again make no point.
        assert_eq!(
            point("The letter relies on section 43(2).", w, &mut seen),
            None
        );
    }

    #[test]
    fn wrapping_keeps_words_and_hangs_the_rest() {
        let s = wrap("one two three four", 9, "1. ", "   ");
        assert_eq!(s, "1. one\n   two\n   three\n   four");
        assert!(wrap(&"x".repeat(100), 20, "", "").len() == 100);
    }
}
