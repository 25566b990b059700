//! What the authority does with each citation or cue: relies on it, only mentions it, or says
//! it does not rely on it. Decided from where the span stands (zones: quoted mail, the request
//! repeated back, signatures) and from the context triggers of its sentence (see
//! [`super::context`]): a trigger whose scope reaches the span gives it its category, and the
//! category its status.

use super::context::{Category, ENGINE};
use crate::matching::gate;
use crate::text::{window, Text, CONTEXT};
use crate::vocab::{Reason, Span, Status};

/// How one span was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Assessment {
    /// Its status.
    pub status: Status,
    /// The category that decided it, if a trigger (or the sentence's form) did.
    pub category: Option<Category>,
    /// The trigger that decided it, if any.
    pub trigger: Option<Span>,
    /// True when words that apply a ground, or a review that upholds, reach the span.
    pub explicit: bool,
}

impl Assessment {
    fn plain(status: Status, category: Option<Category>) -> Assessment {
        Assessment {
            status,
            category,
            trigger: None,
            explicit: false,
        }
    }
}

/// True when `span` sits between quotation marks within `sentence`.
fn in_quotation_marks(text: &str, sentence: Span, span: Span) -> bool {
    let before = text.get(sentence.start..span.start).unwrap_or("");
    let after = text.get(span.end..sentence.end.max(span.end)).unwrap_or("");
    // One pass over the bytes: curly quotes are E2 80 98/99/9C/9D in UTF-8.
    let (mut opens, mut closes, mut straight) = (0usize, 0usize, 0usize);
    let b = before.as_bytes();
    for i in memchr::memchr2_iter(0xE2, b'"', b) {
        if b[i] == b'"' {
            straight += 1;
        } else if b.get(i + 1) == Some(&0x80) {
            match b.get(i + 2) {
                Some(0x98 | 0x9C) => opens += 1,
                Some(0x99 | 0x9D) => closes += 1,
                _ => {}
            }
        }
    }
    (opens > closes && (after.contains('”') || after.contains('’')))
        || (straight % 2 == 1 && after.contains('"'))
}

/// [`Text::memo`] questions of this stage: does a sentence hold a public interest outcome for
/// release; does it hold a trigger reaching the next sentence; does the letter say a review
/// upholds a decision (asked by the findings stage).
const MEMO_PIT: u8 = 1;
const MEMO_CARRIED: u8 = 0x21;
/// See [`MEMO_PIT`].
pub(crate) const MEMO_REVIEW: u8 = 0x22;

/// How many sentences, from the span's own, are searched for the public interest outcome.
const PIT_SENTENCES: usize = 8;

/// The stretch of `sentence` the triggers are read in for `span`: the sentence itself, or, in a
/// sentence too long to read whole (a line of thousands of citations with no full stop), the
/// few hundred bytes around the span, their ends aligned to a grid so that neighbouring spans
/// share one window and the engine's cache scans it once.
fn scan_window(src: &str, sentence: Span, span: Span) -> Span {
    const GRID: usize = CONTEXT / 2;
    if sentence.end - sentence.start <= 2 * CONTEXT {
        return window(src, sentence, span);
    }
    let start = span.start.saturating_sub(CONTEXT) / GRID * GRID;
    let end = span.end.saturating_add(CONTEXT).div_ceil(GRID) * GRID;
    let start = start.max(sentence.start).min(span.start);
    let end = end.min(sentence.end).max(span.end).min(src.len());
    Span::new(gate::floor(src, start), gate::ceil(src, end))
}

/// The status of one citation or cue at `span`. `qualified` says whether the ground takes a
/// public interest test (only then can the test's outcome make it merely mentioned).
pub(crate) fn assess(text: &Text<'_>, span: Span, qualified: bool) -> Status {
    assess_detail(text, span, qualified).status
}

/// Like [`assess`], with the category and trigger that decided the status.
pub(crate) fn assess_detail(text: &Text<'_>, span: Span, qualified: bool) -> Assessment {
    // Quoted mail, the request repeated back, signatures and footers are not the authority's
    // reasoning in this letter.
    if text.zone_at(span.start).is_some() {
        return Assessment::plain(Status::Mentioned, None);
    }
    let src = text.as_str();
    let sentence = scan_window(src, text.sentence_at(span.start), span);
    let mut readings = ENGINE.readings(src, sentence, span);
    // The public interest test's outcome bears only on a ground that takes one.
    readings.retain(|r| qualified || r.category != Category::PublicInterestRelease);
    let explicit = readings
        .iter()
        .any(|r| matches!(r.category, Category::Applied | Category::Upheld));
    if let Some(r) = readings.first() {
        if r.category != Category::Applied {
            return Assessment {
                status: r.category.status(),
                category: Some(r.category),
                trigger: Some(r.trigger),
                explicit,
            };
        }
    }
    // A question, or words between quotation marks, are not the authority's own decision.
    if sentence.slice(src).trim_end().ends_with('?')
        || in_quotation_marks(src, sentence, span)
        || quoted_from_sentence_before(text, sentence, span)
    {
        return Assessment::plain(Status::Mentioned, Some(Category::OthersWords));
    }
    // Triggers that reach into the next sentence ("we are currently considering ... We are
    // doing so under s.31"): the sentence before, in the same paragraph.
    if let Some(prev) = previous_sentence(text, sentence) {
        let w = window(src, prev, Span::new(prev.end, prev.end));
        if let Some(c) = text
            .memo(MEMO_CARRIED, w, || !ENGINE.carried(src, w).is_empty())
            .then(|| ENGINE.carried(src, w))
            .and_then(|v| v.first().copied())
        {
            return Assessment {
                status: c.0.status(),
                category: Some(c.0),
                trigger: Some(c.2),
                explicit,
            };
        }
    }
    if qualified {
        // The outcome of the public interest test comes within a few sentences.
        if text
            .sentences_from(span.start, PIT_SENTENCES)
            .iter()
            .any(|s| {
                let w = window(src, *s, Span::new(s.start, s.start));
                text.memo(MEMO_PIT, w, || {
                    ENGINE.has(src, w, Category::PublicInterestRelease)
                })
            })
        {
            return Assessment::plain(Status::Mentioned, Some(Category::PublicInterestRelease));
        }
    }
    Assessment {
        status: Status::ReliedOn,
        category: explicit.then_some(Category::Applied),
        trigger: readings.first().map(|r| r.trigger),
        explicit,
    }
}

/// Why the span at `span` is not relied on, with the status it is read as: where it stands
/// (a zone of the letter), else the category that decided it. `None` for a span relied on, or
/// one no single cause decided.
pub(crate) fn reason_of(text: &Text<'_>, span: Span, qualified: bool) -> (Status, Option<Reason>) {
    use crate::text::ZoneKind;
    if let Some(zone) = text.zone_at(span.start) {
        let reason = match zone {
            ZoneKind::Quoted | ZoneKind::Forwarded => Reason::QuotedMail,
            ZoneKind::Request => Reason::Request,
            _ => Reason::Signature,
        };
        return (Status::Mentioned, Some(reason));
    }
    let a = assess_detail(text, span, qualified);
    let reason = a.category.and_then(|c| {
        Some(match c {
            Category::Negated => Reason::Negated,
            Category::Reversed => Reason::Reversed,
            Category::Considered => Reason::Considered,
            Category::Conditional => Reason::Conditional,
            Category::OthersWords => Reason::OthersWords,
            Category::General => Reason::General,
            Category::Pending => Reason::Pending,
            Category::PublicInterestRelease => Reason::PublicInterestRelease,
            Category::Boilerplate => Reason::Boilerplate,
            Category::Earlier => Reason::Earlier,
            Category::Upheld | Category::Applied => return None,
        })
    });
    (a.status, reason)
}

/// The sentence before `sentence` in its paragraph, if there is one.
/// True when a quotation opened at the start of the sentence before `sentence` (in its
/// paragraph, and not closed there) closes after `span` in `sentence`, with no quotation mark
/// before `span`: a request of two sentences quoted back ("“The minutes of the meeting. If you
/// withhold any of it under section 31, please say so.”").
fn quoted_from_sentence_before(text: &Text<'_>, sentence: Span, span: Span) -> bool {
    let src = text.as_str();
    let before = src.get(sentence.start..span.start).unwrap_or("");
    let after = src.get(span.end..sentence.end.max(span.end)).unwrap_or("");
    let quotes = ['"', '“', '”'];
    if before.contains(quotes) || !after.contains(['"', '”']) {
        return false;
    }
    let Some(prev) = previous_sentence(text, sentence) else {
        return false;
    };
    let p = prev.slice(src).trim_start();
    let (open, close) = if let Some(rest) = p.strip_prefix('“') {
        (true, rest.contains('”'))
    } else if let Some(rest) = p.strip_prefix('"') {
        (true, rest.contains('"'))
    } else {
        (false, false)
    };
    open && !close
}

fn previous_sentence(text: &Text<'_>, sentence: Span) -> Option<Span> {
    let src = text.as_str();
    let para = text.paragraph_at(sentence.start);
    let before = src.get(para.start..sentence.start)?;
    let end = para.start + before.trim_end().len();
    if end <= para.start {
        return None;
    }
    let prev = text.sentence_at(end - 1);
    (prev.end <= sentence.start && prev.start >= para.start).then_some(prev)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status_of(text: &str, needle: &str, qualified: bool) -> Status {
        let t = Text::new(text);
        let start = text.find(needle).expect("needle in text");
        assess(&t, Span::new(start, start + needle.len()), qualified)
    }

    #[test]
    fn reliance_is_the_default() {
        assert_eq!(
            status_of(
                "The rates are withheld under section 43(2).",
                "section 43(2)",
                true
            ),
            Status::ReliedOn
        );
    }

    #[test]
    fn a_plain_and_joining_two_clauses_ends_the_negation() {
        let t = "Staff names are redacted under section 40(2) and section 43 is not being used.";
        assert_eq!(status_of(t, "section 40(2)", false), Status::ReliedOn);
        assert_eq!(status_of(t, "section 43", true), Status::Disclaimed);
    }

    #[test]
    fn a_concession_before_a_decision() {
        let t = "While section 22 does not apply, since no publication is planned, section 36 does apply to the minutes.";
        assert_eq!(status_of(t, "section 22", true), Status::Disclaimed);
        assert_eq!(status_of(t, "section 36", true), Status::ReliedOn);
    }

    #[test]
    fn considered_then_not_relied_on() {
        let t = "We looked at whether section 43(2) covers the contract value, as the contractor said it was commercially sensitive. After weighing it up we are not relying on section 43, and the value is given below.";
        assert_eq!(status_of(t, "section 43(2)", true), Status::Mentioned);
        assert_eq!(
            status_of(t, "commercially sensitive", true),
            Status::Mentioned
        );
        assert_eq!(status_of(t, "section 43,", true), Status::Disclaimed);
    }

    #[test]
    fn ways_of_saying_not_relied_on() {
        for (t, n) in [
            (
                "We have decided not to withhold them under section 43.",
                "section 43",
            ),
            (
                "We do not think section 43(2) can be relied upon.",
                "section 43(2)",
            ),
            (
                "We no longer consider the prices to be exempt under section 43.",
                "section 43",
            ),
            (
                "Section 43 does not apply to this information.",
                "Section 43",
            ),
            ("Sections 40 and 43 do not apply here.", "Sections 40"),
            ("Sections 40 and 43 do not apply here.", "43"),
            (
                "The exemption at section 36 has been withdrawn.",
                "section 36",
            ),
            (
                "The names of the councillors present have not been redacted.",
                "names of the councillors present have not been redacted",
            ),
        ] {
            assert_eq!(status_of(t, n, true), Status::Disclaimed, "{t}");
        }
    }

    #[test]
    fn hypotheticals_and_others_words_are_mentions() {
        for (t, n) in [
            ("If section 31 applied, we would have said so.", "section 31"),
            ("Exemptions such as section 42 may apply to legal advice.", "section 42"),
            ("We considered section 42. However, the public interest lies in favour of disclosure.", "section 42"),
            ("We have not yet reached a decision on section 36 and are extending the deadline.", "section 36"),
            ("Emails were marked “covered by legal privilege” by officers.", "legal privilege"),
            ("Could you confirm whether section 12 applies?", "section 12"),
            ("You argued that section 43 cannot cover the prices.", "section 43"),
            ("The supplier claimed that the rates were commercially sensitive.", "commercially sensitive"),
            ("If you are unhappy with our use of section 40, you may ask for an internal review.", "section 40"),
            ("The original response withheld the prices under section 43.", "section 43"),
            ("Thank you for your request of 2 May about the prison. You asked for:\n\"The minutes of the safety meeting held on 12 March at which the incident was discussed. If you intend to withhold any of it under section 31, please say so.\"\n\nWe do not hold any minutes.", "section 31"),
        ] {
            assert_eq!(status_of(t, n, true), Status::Mentioned, "{t}");
        }
    }

    #[test]
    fn a_review_that_upholds_is_reliance() {
        let t = "Having reviewed the file, I uphold the original decision to withhold the report under section 31.";
        let a = assess_detail(
            &Text::new(t),
            {
                let s = t.find("section 31").unwrap();
                Span::new(s, s + 10)
            },
            true,
        );
        assert_eq!(a.status, Status::ReliedOn);
        assert_eq!(a.category, Some(Category::Upheld));
        assert!(a.explicit);
        assert_eq!(
            status_of(
                "The original refusal under section 43 is upheld.",
                "section 43",
                true
            ),
            Status::ReliedOn
        );
    }
}
