//! The timing of a reply: when the request was made and when it was answered (from the input's
//! metadata, else from the letter's own words), the working days between them on the regime's
//! calendar (`[timing]` of its regime file, `data/calendar/`), the day the reply was due and the
//! last day to ask for a review; and the notice check `time_for_compliance` (FOIA s.10(1), EIR
//! reg 5(2), FOISA s.10(1), EISR reg 5(2)) read from them.
//!
//! The letter's words are read in the authority's own text only: where it says when the request
//! came (`data/outcome/request_date.toml`: "your request of 3 March 2025") and its own date line
//! (`letter_date.toml`: "Date: 14 April 2025"), each followed by a written date. Nothing here
//! reads the system clock: every figure follows from the two dates.

use once_cell::sync::Lazy;
use regex::Regex;

use super::wording::{self, Wording};
use super::{excerpt, in_question, own};
use crate::matching::gate;
use crate::rules::RuleSet;
use crate::text::Text;
use crate::vocab::{
    Act, CheckResult, Date, DateSource, Excerpt, KnownDate, OutcomeKind, Span, Timing, MONTHS,
};

/// The dates an input's metadata gives, as written there: RFC 3339 (`2025-03-03T09:12:00Z`) or
/// `YYYY-MM-DD`. A value that is neither is ignored.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Dated<'a> {
    /// The request's.
    pub requested: Option<&'a str>,
    /// The reply's.
    pub replied: Option<&'a str>,
}

/// The timing of a letter and what the check `time_for_compliance` needs besides.
pub(super) struct Reading {
    /// What goes in the report.
    pub timing: Option<Timing>,
    /// The letter's outcome.
    outcome: OutcomeKind,
    /// The letter answers a request for review.
    review: bool,
    /// The reply was counted against the regime's extended limit (the letter says the time was
    /// extended, and the regime sets how far it may be).
    extended: bool,
    /// When the metadata dates the request and the letter gives a later day for it: that day and
    /// the working days from it to the reply.
    later_request: Option<(KnownDate, u32)>,
}

/// True for the outcomes of a letter that answers the request (not an acknowledgement, a request
/// for clarification, an extension notice, or a letter whose kind cannot be told).
fn answers(outcome: OutcomeKind) -> bool {
    matches!(
        outcome,
        OutcomeKind::Granted
            | OutcomeKind::Partial
            | OutcomeKind::Refused
            | OutcomeKind::NotHeld
            | OutcomeKind::Ncnd
            | OutcomeKind::Redirected
    )
}

/// Matches of wording `w` in the authority's own text (not in the requester's questions repeated
/// above the answers), in order.
fn said(text: &Text<'_>, w: Wording) -> Vec<Span> {
    wording::find(text, w, 8)
        .into_iter()
        .filter(|s| own(text, s.start) && !in_question(text, s.start))
        .collect()
}

/// The timing of `text`, answered under `regime` with outcome `outcome`: its dates from `meta`
/// (else from the letter's words) and the figures that follow. `None` when no date is known.
pub(super) fn read(
    text: &Text<'_>,
    rules: &RuleSet,
    regime: Act,
    meta: Dated<'_>,
    outcome: OutcomeKind,
) -> Reading {
    let from_meta = |s: Option<&str>| {
        s.and_then(Date::parse).map(|date| KnownDate {
            date,
            source: DateSource::Metadata,
            evidence: None,
        })
    };
    let in_letter = stated(text, Wording::RequestDate);
    let requested = from_meta(meta.requested);
    // The letter's own day for the request, when the metadata gives another.
    let other = in_letter
        .clone()
        .filter(|l| requested.as_ref().is_some_and(|m| m.date != l.date));
    let requested = requested.or(in_letter);
    let replied = from_meta(meta.replied).or_else(|| stated(text, Wording::LetterDate));
    if requested.is_none() && replied.is_none() {
        return Reading {
            timing: None,
            outcome,
            review: false,
            extended: false,
            later_request: None,
        };
    }
    let review = !said(text, Wording::ReviewResponse).is_empty()
        || !said(text, Wording::ReviewUpheld).is_empty();
    let mut timing = Timing {
        requested,
        replied,
        extension: said(text, Wording::Extension)
            .first()
            .map(|s| excerpt(text, *s)),
        ..Timing::default()
    };
    let extended = figures(
        &mut timing,
        rules,
        regime,
        answers(outcome) && !review,
        review,
    );
    if let Some(o) = &other {
        timing.notes.push(format!(
            "the letter gives the request's date as {}",
            o.date.long()
        ));
    }
    let later_request = other
        .filter(|o| timing.requested.as_ref().is_some_and(|m| o.date > m.date))
        .and_then(|o| {
            let days = later_working_days(rules, regime, o.date, timing.replied.as_ref()?.date)?;
            Some((o, days))
        });
    Reading {
        timing: Some(timing),
        outcome,
        review,
        extended,
        later_request,
    }
}

/// The working days from `from` to `to` on `regime`'s calendar, as the reply is counted.
fn later_working_days(rules: &RuleSet, regime: Act, from: Date, to: Date) -> Option<u32> {
    let limits = rules.regime(regime)?.timing.as_ref()?;
    rules
        .calendar(&limits.calendar)?
        .working_days_between(from, to, limits.reply_holidays)
}

/// Fills in the working days, the due date and the last day for a review (`answer`: only for a
/// letter that answers the request), on the calendar of `regime`'s `[timing]`, with a note for
/// what cannot be worked out. Returns true when the reply is counted against the regime's
/// extended limit.
fn figures(t: &mut Timing, rules: &RuleSet, regime: Act, answer: bool, review: bool) -> bool {
    let Some(limits) = rules.regime(regime).and_then(|r| r.timing.as_ref()) else {
        t.notes.push(format!(
            "the regime file of {} gives no time limits",
            regime.as_str()
        ));
        return false;
    };
    // The rule set checks that the calendar exists.
    let Some(calendar) = rules.calendar(&limits.calendar) else {
        return false;
    };
    t.calendar = calendar.name.clone();
    if review {
        t.notes.push(
            "the letter answers a request for review: the time for the first reply, and for \
             asking for a review, do not apply to it"
                .to_string(),
        );
        return false;
    }
    let (reply_days, extended) = match (&t.extension, limits.extended_days) {
        (Some(_), Some(days)) => (days, true),
        _ => (limits.reply_days, false),
    };
    let mut outside = false;
    if let Some(requested) = &t.requested {
        match calendar.nth_working_day_after(requested.date, reply_days, limits.reply_holidays) {
            Some(due) => {
                t.due = Some(due);
                t.reply_days = Some(reply_days);
            }
            None => outside = true,
        }
        if let Some(replied) = &t.replied {
            if replied.date < requested.date {
                t.notes
                    .push("the reply is dated before the request".to_string());
            } else {
                t.working_days = calendar.working_days_between(
                    requested.date,
                    replied.date,
                    limits.reply_holidays,
                );
                outside |= t.working_days.is_none();
            }
        }
    }
    if let (true, Some(replied), Some(days)) = (answer, &t.replied, limits.review_days) {
        match calendar.nth_working_day_after(replied.date, days, limits.review_holidays) {
            Some(by) => {
                t.review_by = Some(by);
                t.review_days = Some(days);
            }
            None => outside = true,
        }
    }
    if outside {
        t.notes.push(format!(
            "working days are counted only in the years the {} calendar covers ({})",
            calendar.name,
            calendar.years()
        ));
    }
    extended
}

/// The first date the letter's own text states after wording `w` (a match of the letter's date
/// line counts only at the start of a line), with the words that state it as evidence.
fn stated(text: &Text<'_>, w: Wording) -> Option<KnownDate> {
    let src = text.as_str();
    said(text, w).into_iter().find_map(|m| {
        if w == Wording::LetterDate && !starts_line(src, m.start) {
            return None;
        }
        let (date, end) = date_after(src, m.end)?;
        Some(KnownDate {
            date,
            source: DateSource::Letter,
            evidence: Some(excerpt(text, Span::new(m.start, end))),
        })
    })
}

/// True when only white space stands between the start of its line and `at`.
fn starts_line(src: &str, at: usize) -> bool {
    src[..at]
        .rsplit('\n')
        .next()
        .is_some_and(|l| l.trim().is_empty())
}

/// A written date right after byte `at` of `src` (after white space, "on" and a weekday):
/// "3 March 2025", "3rd of March 2025", "March 3, 2025", "03/03/2025" (day first), "3.3.25",
/// "2025-03-03". Returns the date and the byte where it ends.
pub(crate) fn date_after(src: &str, at: usize) -> Option<(Date, usize)> {
    static WRITTEN: Lazy<Regex> = Lazy::new(|| {
        Regex::new(
            r"(?i)^[ \t]*(?:\r?\n[ \t]*)?(?:on[ \t]+)?(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\.?,?[ \t]+)?(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?(?P<m1>[a-z]{3,9})\.?,?[ \t]+(?P<y1>\d{4})|(?P<m2>[a-z]{3,9})\.?[ \t]+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?[ \t]+(?P<y2>\d{4})|(?P<d3>\d{1,2})[/.](?P<m3>\d{1,2})[/.](?P<y3>\d{4}|\d{2})|(?P<y4>\d{4})-(?P<m4>\d{2})-(?P<d4>\d{2}))(?-u:\b)",
        )
        .expect("the date pattern is valid")
    });
    let at = gate::ceil(src, at.min(src.len()));
    let end = gate::ceil(src, (at + 80).min(src.len()));
    let caps = WRITTEN.captures(&src[at..end])?;
    let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    let (day, month, year) = if let Some(d) = num("d1") {
        (d, month_named(caps.name("m1")?.as_str())?, num("y1")?)
    } else if let Some(d) = num("d2") {
        (d, month_named(caps.name("m2")?.as_str())?, num("y2")?)
    } else if let Some(d) = num("d3") {
        let y = caps.name("y3")?.as_str();
        let y: u32 = y.parse().ok()?;
        (d, num("m3")?, if y < 100 { 2000 + y } else { y })
    } else {
        (num("d4")?, num("m4")?, num("y4")?)
    };
    let date = Date::from_ymd(i32::try_from(year).ok()?, month, day)?;
    Some((date, at + caps.get(0)?.end()))
}

/// The month a word names: its English name or the first three or more letters of it ("Mar",
/// "Sept").
fn month_named(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|m| {
            let m = m.to_ascii_lowercase();
            w.len() >= 3 && m.starts_with(&w)
        })
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// "1st", "2nd", "20th", "21st", "40th".
fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

impl Reading {
    /// The result, detail and evidence of the check `time_for_compliance`: a reply after the
    /// last working day allowed fails, one by it passes; not applicable when either date is
    /// unknown, for a letter that is not the answer (an acknowledgement, a request for
    /// clarification, an extension notice, a letter whose kind cannot be told) or that answers a
    /// request for review, when the days cannot be counted, and when the reply is late on the
    /// ordinary count but the letter says the time was extended (where the regime sets no longer
    /// limit to count against).
    pub(super) fn compliance(&self) -> (CheckResult, String, Vec<Excerpt>) {
        let na = CheckResult::NotApplicable;
        let Some(t) = &self.timing else {
            return (
                na,
                "the dates of the request and the reply are not known (from the input's \
                 metadata or the letter's words)"
                    .to_string(),
                Vec::new(),
            );
        };
        let mut evidence: Vec<Excerpt> = [&t.requested, &t.replied]
            .into_iter()
            .flatten()
            .filter_map(|d| d.evidence.clone())
            .chain(t.extension.clone())
            .collect();
        evidence.sort_by_key(|e| (e.start, e.end));
        evidence.dedup();
        let (Some(requested), Some(replied)) = (&t.requested, &t.replied) else {
            let known = if t.requested.is_some() {
                "request"
            } else {
                "reply"
            };
            return (
                na,
                format!("only the date of the {known} is known"),
                evidence,
            );
        };
        if self.review {
            let why = "the letter answers a request for review: its time runs from that request";
            return (na, why.to_string(), evidence);
        }
        if !answers(self.outcome) {
            let why = format!(
                "the letter is not the answer to the request (its outcome is {})",
                self.outcome
            );
            return (na, why, evidence);
        }
        let (Some(days), Some(due), Some(limit)) = (t.working_days, t.due, t.reply_days) else {
            let why = if t.notes.is_empty() {
                "the working days could not be counted".to_string()
            } else {
                t.notes.join("; ")
            };
            return (na, why, evidence);
        };
        let plural = if days == 1 { "" } else { "s" };
        let took = format!(
            "the reply ({}) came {days} working day{plural} after the request ({})",
            replied.date.long(),
            requested.date.long()
        );
        let last = format!("the {} working day ({})", ordinal(limit), due.long());
        if days <= limit {
            return (CheckResult::Pass, format!("{took}, by {last}"), evidence);
        }
        if let Some((other, other_days)) = self.later_request.as_ref().filter(|(_, d)| *d <= limit)
        {
            evidence.extend(other.evidence.clone());
            evidence.sort_by_key(|e| (e.start, e.end));
            let why = format!(
                "{took}, after {last}; but the letter says the request was received on {}, \
                 and from that day the reply came within {limit} working days ({other_days})",
                other.date.long()
            );
            return (na, why, evidence);
        }
        match (&t.extension, self.extended) {
            (Some(_), false) => (
                na,
                format!(
                    "{took}, after {last}; the letter says the time was extended, so it is \
                     not counted as late on the {limit}-day count"
                ),
                evidence,
            ),
            (Some(_), true) => (
                CheckResult::Fail,
                format!("{took}, after {last}, the most the extension the letter mentions allows"),
                evidence,
            ),
            (None, _) => (CheckResult::Fail, format!("{took}, after {last}"), evidence),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn written_dates_are_read() {
        for (text, date, rest) in [
            (" 3 March 2025.", "2025-03-03", "."),
            (" on 3rd of March 2025, and", "2025-03-03", ", and"),
            (" Monday, 3 Mar. 2025", "2025-03-03", ""),
            (" March 3, 2025", "2025-03-03", ""),
            (" 03/03/2025", "2025-03-03", ""),
            (" 3.3.25", "2025-03-03", ""),
            (" 2025-03-03.", "2025-03-03", "."),
            ("\n  14 Sept 2024", "2024-09-14", ""),
            (" 25/01/2024.", "2024-01-25", "."),
        ] {
            let (got, end) = date_after(text, 0).unwrap_or_else(|| panic!("{text:?}"));
            assert_eq!(got, d(date), "{text:?}");
            assert_eq!(&text[end..], rest, "{text:?}");
        }
        for text in [
            " 3 March",
            " 31/02/2025",
            " 3 Marsh 2025",
            " 12 pages",
            " 03/03/20251",
            "\n\n3 March 2025",
            " the 3 March 2025",
        ] {
            assert_eq!(date_after(text, 0), None, "{text:?}");
        }
        // Past the end, or inside a character: nothing, and no panic.
        assert_eq!(
            date_after("é 3 March 2025", 1).map(|(d, _)| d),
            Some(d("2025-03-03"))
        );
        assert_eq!(date_after("abc", 10), None);
    }

    #[test]
    fn ordinals() {
        let got: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 20, 21, 22, 40, 111]
            .map(ordinal)
            .into();
        assert_eq!(
            got,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "20th", "21st", "22nd", "40th",
                "111th"
            ]
        );
        assert_eq!(month_named("sept"), Some(9));
        assert_eq!(month_named("Ma"), None);
        assert_eq!(month_named("may"), Some(5));
    }
}
