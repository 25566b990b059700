//! The advice stage: what the requester can argue in asking for a review. It reads the report the
//! earlier stages made (the grounds relied on, the notice checks, the outcome) and gives, for
//! each advice entry of the rule set (`data/advice/`) whose trigger the letter meets, the entry's
//! argument with the spans that led to it.
//!
//! An entry is keyed to a ground relied on (`on = "ground"`, by id or by kind and test), a notice
//! check (`on = "check"`, failed by default) or the outcome (`on = "outcome"`); `requires` and
//! `unless` patterns, read in the authority's own text, narrow it further. An entry whose
//! argument names a date or count of the report's timing (`{review_by}`, `{working_days}`, ...) is
//! given only when that is known.

use crate::checks::{excerpt, own_regions};
use crate::rules::{AdviceEntry, AdviceOn, RuleSet};
use crate::text::Text;
use crate::vocab::{
    Act, Advice, Basis, Check, Date, Excerpt, Finding, Jurisdiction, Report, Span, Status, Timing,
};

/// Most evidence spans given for one argument.
const MAX_EVIDENCE: usize = 4;

/// The advice for `report`, the report of `text`: grounds first (in the report's order), then
/// failed checks (in check order), then the outcome; within each, in the rule set's entry order.
pub(crate) fn advise(text: &Text<'_>, rules: &RuleSet, report: &Report) -> Vec<Advice> {
    if rules.advice().is_empty() {
        return Vec::new();
    }
    let mut ctx = Context {
        text,
        rules,
        own: std::cell::OnceCell::new(),
        checks_hook: report
            .checks
            .iter()
            .map(|c| (c.id.as_str(), c.provision.as_str()))
            .collect(),
        timing: report.timing.as_ref(),
        out: Vec::new(),
    };
    let relied: Vec<&Finding> = report.relied_on().collect();
    for f in &relied {
        for entry in rules.advice().iter().filter(|e| e.on == AdviceOn::Ground) {
            if ground_matches(rules, entry, f) {
                let evidence = f
                    .evidence
                    .iter()
                    .filter(|e| e.status == Status::ReliedOn)
                    .map(|e| excerpt(text, e.span()))
                    .collect();
                ctx.give(entry, &f.id, &[f], evidence);
            }
        }
    }
    for c in &report.checks {
        for entry in rules.advice().iter().filter(|e| e.on == AdviceOn::Check) {
            if entry.checks.contains(&c.id)
                && entry.result == c.result
                && acts_match(entry, check_act(c))
            {
                let named: Vec<&Finding> = relied
                    .iter()
                    .copied()
                    .filter(|f| names_ground(&c.detail, &f.id))
                    .collect();
                let evidence = if c.evidence.is_empty() {
                    named
                        .iter()
                        .filter_map(|f| f.evidence.iter().find(|e| e.status == Status::ReliedOn))
                        .map(|e| excerpt(text, e.span()))
                        .collect()
                } else {
                    c.evidence.clone()
                };
                let about = if named.is_empty() { &relied } else { &named };
                ctx.give(entry, &c.id, about, evidence);
            }
        }
    }
    let kind = report.outcome.kind;
    for entry in rules.advice().iter().filter(|e| e.on == AdviceOn::Outcome) {
        if entry.outcomes.contains(&kind) && acts_match(entry, letter_act(report)) {
            let about = format!("outcome:{kind}");
            ctx.give(entry, &about, &relied, report.outcome.evidence.clone());
        }
    }
    ctx.out
}

struct Context<'t, 'r> {
    text: &'t Text<'t>,
    rules: &'r RuleSet,
    /// The authority's own text, found the first time an entry's patterns need it.
    own: std::cell::OnceCell<Vec<Span>>,
    /// Check id -> its provision in the letter's regime.
    checks_hook: std::collections::HashMap<&'r str, &'r str>,
    /// The report's timing.
    timing: Option<&'r Timing>,
    out: Vec<Advice>,
}

impl Context<'_, '_> {
    /// Adds `entry`'s argument about `about` if its patterns allow and its placeholders can be
    /// filled, with `evidence`, the first match of its `requires` patterns and, for an argument
    /// that names the timing's dates, the letter's words that state them.
    fn give(
        &mut self,
        entry: &AdviceEntry,
        about: &str,
        grounds: &[&Finding],
        mut evidence: Vec<Excerpt>,
    ) {
        if self
            .out
            .iter()
            .any(|a| a.rule == entry.id && a.about == about)
        {
            return;
        }
        let src = self.text.as_str();
        let find = |re: &regex::Regex| {
            self.own
                .get_or_init(|| own_regions(self.text))
                .iter()
                .find_map(|r| {
                    re.find(r.slice(src))
                        .map(|m| Span::new(r.start + m.start(), r.start + m.end()))
                })
        };
        if entry.unless.iter().any(|re| find(re).is_some()) {
            return;
        }
        if !entry.requires.is_empty() {
            match entry.requires.iter().find_map(find) {
                Some(span) => evidence.push(excerpt(self.text, span)),
                None => return,
            }
        }
        let provision = entry
            .provision
            .clone()
            .or_else(|| {
                self.checks_hook
                    .get(about)
                    .map(|p| p.split_whitespace().next().unwrap_or("").to_string())
            })
            .unwrap_or_default();
        let Some(argument) = fill(
            &entry.argument,
            self.rules,
            grounds,
            &provision,
            self.timing,
        ) else {
            return;
        };
        if let Some(t) = self.timing {
            let (request, reply) = timing_dates(&entry.argument);
            evidence.extend(
                [(request, &t.requested), (reply, &t.replied)]
                    .into_iter()
                    .filter(|(named, _)| *named)
                    .filter_map(|(_, d)| d.as_ref()?.evidence.clone()),
            );
        }
        evidence.sort_by_key(|e| (e.start, e.end));
        evidence.dedup();
        evidence.truncate(MAX_EVIDENCE);
        self.out.push(Advice {
            about: about.to_string(),
            rule: entry.id.clone(),
            argument,
            provision,
            evidence,
        });
    }
}

/// True when `entry` (keyed to grounds) applies to the relied-on finding `f`.
fn ground_matches(rules: &RuleSet, entry: &AdviceEntry, f: &Finding) -> bool {
    if !entry.grounds.is_empty() && !entry.grounds.contains(&f.id) {
        return false;
    }
    if !acts_match(entry, f.act) {
        return false;
    }
    if entry.kind.is_some_and(|k| k != f.kind) {
        return false;
    }
    match entry.test {
        None => true,
        Some(test) => rules.get(&f.id).is_some_and(|rule| {
            let of_found: Vec<_> = f
                .provisions
                .iter()
                .filter_map(|p| {
                    rule.subsections
                        .iter()
                        .find(|s| &s.provision == p)
                        .and_then(|s| s.test)
                })
                .collect();
            if of_found.is_empty() {
                rule.test == Some(test)
            } else {
                of_found.contains(&test)
            }
        }),
    }
}

fn acts_match(entry: &AdviceEntry, act: Act) -> bool {
    entry.acts.is_empty() || entry.acts.contains(&act)
}

/// The act of a check's provision (`foia:s17(3)` -> FOIA).
fn check_act(c: &Check) -> Act {
    c.provision
        .split_once(':')
        .and_then(|(a, _)| Act::from_name(a))
        .unwrap_or(Act::Foia)
}

/// The regime of the letter: its jurisdiction when it names one, else that of its first ground
/// relied on, else FOIA.
fn letter_act(report: &Report) -> Act {
    match Jurisdiction::act(report.jurisdiction) {
        Some(act) => act,
        None => report.relied_on().next().map_or(Act::Foia, |f| f.act),
    }
}

/// True when a check's detail names ground `id` (`foia:s24, foia:s43`): as a whole id, not a
/// prefix of a longer one (`foia:s4` in `foia:s40`).
fn names_ground(detail: &str, id: &str) -> bool {
    detail.match_indices(id).any(|(i, _)| {
        !detail[i + id.len()..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '(')
    })
}

/// How a ground is named in an argument: "section 43(2) (commercial interests)" when the letter
/// cites it, "commercial interests (section 43(2), going by the letter's wording)" when the
/// ground is inferred from plain words, so that the argument never says the letter cited a
/// number it did not.
pub(crate) fn ground_name(rules: &RuleSet, f: &Finding) -> String {
    let word = match rules.regime(f.act).map(|r| r.numbering) {
        Some(crate::rules::Numbering::Regulation) => ("regulation", "regulations"),
        _ => ("section", "sections"),
    };
    let numbers: Vec<String> = if f.provisions.is_empty() {
        rules
            .get(&f.id)
            .map(|r| vec![r.provision.clone()])
            .unwrap_or_default()
    } else {
        f.provisions.clone()
    };
    let title = lower_first(&f.title);
    let cited = match numbers.as_slice() {
        [] => return title,
        [one] => format!("{} {one}", word.0),
        many => format!("{} {}", word.1, join(many)),
    };
    match f.basis {
        Basis::Cited => format!("{cited} ({title})"),
        _ => format!("{title} ({cited}, going by the letter's wording)"),
    }
}

/// "a", "a and b", "a, b and c".
fn join(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// "National security" -> "national security"; "EU obligations" stays.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && !b.is_uppercase() => {
            a.to_lowercase().chain(s[a.len_utf8()..].chars()).collect()
        }
        _ => s.to_string(),
    }
}

/// A provision as a reader would cite it: `foia:s17(3)` -> "section 17(3) of the Freedom of
/// Information Act 2000"; the hook itself when its regime is not known.
pub(crate) fn cite_hook(rules: &RuleSet, hook: &str) -> String {
    let Some((act, number)) = crate::rules::split_hook(hook) else {
        return hook.to_string();
    };
    match rules.regime(act) {
        Some(r) => {
            let word = match r.numbering {
                crate::rules::Numbering::Regulation => "regulation",
                crate::rules::Numbering::Section => "section",
            };
            format!("{word} {number} of the {}", r.title)
        }
        None => hook.to_string(),
    }
}

/// A placeholder of the report's timing: its name, its value when known, and whether it follows
/// from the request's date and from the reply's.
type TimingPlaceholder = (&'static str, fn(&Timing) -> Option<String>, bool, bool);

/// The placeholders of the report's timing.
const TIMING_PLACEHOLDERS: [TimingPlaceholder; 7] = [
    (
        "{requested}",
        |t| t.requested.as_ref().map(|d| d.date.long()),
        true,
        false,
    ),
    (
        "{replied}",
        |t| t.replied.as_ref().map(|d| d.date.long()),
        false,
        true,
    ),
    (
        "{working_days}",
        |t| t.working_days.map(|n| n.to_string()),
        true,
        true,
    ),
    (
        "{reply_days}",
        |t| t.reply_days.map(|n| n.to_string()),
        true,
        false,
    ),
    ("{due}", |t| t.due.map(Date::long), true, false),
    (
        "{review_days}",
        |t| t.review_days.map(|n| n.to_string()),
        false,
        true,
    ),
    ("{review_by}", |t| t.review_by.map(Date::long), false, true),
];

/// Whether `argument` names a figure that follows from the request's date, and one that follows
/// from the reply's: the letter's words that state them are then evidence.
fn timing_dates(argument: &str) -> (bool, bool) {
    TIMING_PLACEHOLDERS
        .iter()
        .filter(|(p, ..)| argument.contains(p))
        .fold((false, false), |(a, b), &(_, _, request, reply)| {
            (a || request, b || reply)
        })
}

/// The argument with its placeholders filled: `{ground}` and `{title}` name the first of
/// `grounds`, `{grounds}` all of them, `{hook}` cites `provision`; the timing placeholders give
/// the dates ("3 March 2025") and counts of `timing`. `None` when the argument uses a timing
/// placeholder whose value is not known.
fn fill(
    argument: &str,
    rules: &RuleSet,
    grounds: &[&Finding],
    provision: &str,
    timing: Option<&Timing>,
) -> Option<String> {
    let names: Vec<String> = grounds.iter().map(|f| ground_name(rules, f)).collect();
    let first = names
        .first()
        .cloned()
        .unwrap_or_else(|| "the ground relied on".to_string());
    let title = grounds
        .first()
        .map_or_else(|| "the ground".to_string(), |f| lower_first(&f.title));
    let all = if names.is_empty() {
        "the grounds relied on".to_string()
    } else {
        join(&names)
    };
    let mut out = argument
        .replace("{grounds}", &all)
        .replace("{ground}", &first)
        .replace("{title}", &title)
        .replace("{hook}", &cite_hook(rules, provision));
    for (placeholder, value, ..) in TIMING_PLACEHOLDERS {
        if out.contains(placeholder) {
            out = out.replace(placeholder, &value(timing?)?);
        }
    }
    Some(out)
}

/// Checks the embedded advice file `name` (under `data/advice/`) with
/// [`crate::Classifier::check_advice`], and that the evidence of all advice given on its examples
/// lies in the letter.
#[cfg(test)]
fn check_advice_file(name: &str) {
    let classifier = crate::Classifier::new();
    let source = format!("advice/{name}");
    let entries: Vec<&AdviceEntry> = classifier
        .rules()
        .advice()
        .iter()
        .filter(|e| e.source == source)
        .collect();
    assert!(!entries.is_empty(), "{source} has no entries");
    let failures = classifier.check_advice(entries.iter().copied());
    let listed: Vec<String> = failures.iter().map(|f| f.to_string()).collect();
    assert!(failures.is_empty(), "{}", listed.join("\n"));
    for x in entries.iter().flat_map(|e| &e.examples) {
        for a in classifier.classify(&x.text).advice {
            for ev in &a.evidence {
                assert_eq!(
                    x.text.get(ev.start..ev.end),
                    Some(ev.text.as_str()),
                    "{source}"
                );
            }
        }
    }
}

#[cfg(test)]
mod generated {
    use super::check_advice_file;
    include!(concat!(env!("OUT_DIR"), "/advice_tests.rs"));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ground_is_named_with_its_number_and_title() {
        assert!(names_ground("foia:s24, foia:s43", "foia:s43"));
        assert!(!names_ground("foia:s40", "foia:s4"));
        assert_eq!(lower_first("National security"), "national security");
        assert_eq!(lower_first("EU obligations"), "EU obligations");
        assert_eq!(join(&["a".into(), "b".into(), "c".into()]), "a, b and c");
    }
}
