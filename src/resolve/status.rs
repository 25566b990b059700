//! What the authority does with each citation or cue: relies on it, only mentions it, or says
//! it does not rely on it. Decided from where the span stands (zones) and from the words of its
//! sentence, with negation scoped to the clause.

use once_cell::sync::Lazy;
use regex::Regex;

use crate::report::Status;
use crate::span::Span;
use crate::text::{window, Text};

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("status patterns are valid")
}

/// Negation of reliance, to be found in the same clause as the span.
static DISCLAIM: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)(?-u:\b)(?:not|no\s+longer|never)\s+(?:be\s+|being\s+|been\s+)?(?:seeking\s+to\s+|intend(?:ing)?\s+to\s+|going\s+to\s+)?(?:rely|relying|relied|apply|applying|applied|applicable|engaged?|used?|using|cite|citing|invoke|invoking|claim|claiming|withhold|withholding|withheld|exempt)(?-u:\b)|(?-u:\b)(?:does|do|did)\s*(?:not|n[’']t)\s+(?:apply|engage|cover)(?-u:\b)|(?-u:\b)no\s+(?:exemptions?|exceptions?)\s+(?:(?:has|have)\s+been\s+|(?:is|are|was|were)\s+(?:being\s+)?)?(?:applied|used|relied|engaged|claimed|cited)(?-u:\b)|(?-u:\b)(?:withdraw|withdrawn|withdrawing)(?-u:\b)|(?-u:\b)not\s+(?:been\s+)?withheld(?-u:\b)",
    )
});

/// Words that end a clause for negation scope.
static CLAUSE_BREAK: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)[;:]|,\s*(?:but|however|although|though|whereas|and)(?-u:\b)|\s(?:but|however|although|whereas)\s|\.\s",
    )
});

/// The grounds are being considered, not yet applied (public interest extensions).
static UNDER_CONSIDERATION: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)not\s+yet\s+(?:reached|made|been\s+able\s+to\s+reach)\s+a\s+decision|(?-u:\b)extend(?:ing|ed)?\s+the\s+(?:deadline|time|response)|(?-u:\b)further\s+time\s+to\s+consider|(?-u:\b)extension(?-u:\b)|(?-u:\b)additional\s+time(?-u:\b)|(?-u:\b)more\s+time\s+to\s+(?:consider|determine)",
    )
});

/// The public interest came down on the side of release, so the exemption is not relied on.
static PIT_FAVOURS_RELEASE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)(?:public\s+interest|balance)\s+(?:lies|falls|rests|is|was|weighs)\s+(?:in\s+favour\s+of|towards)\s+(?:the\s+)?(?:disclos|releas|publi)|favou?rs?\s+(?:the\s+)?(?:disclosure|release)(?-u:\b)|(?-u:\b)decided\s+to\s+(?:disclose|release)(?-u:\b)|(?-u:\b)we\s+have\s+(?:therefore\s+)?(?:disclosed|released)(?-u:\b)|(?:not|n't)\s+(?:consider|think|believe)\s+that\s+(?:maintaining|the\s+public\s+interest\s+in\s+maintaining)\s+the\s+exemption\s+outweighs|public\s+interest\s+in\s+(?:disclosure|disclosing|release|releasing)[^.]{0,40}(?-u:\b)outweighs(?-u:\b)",
    )
});

/// The law explained in general, a list of what could apply, or a hypothetical.
static GENERAL: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)(?-u:\b)(?:for\s+example|for\s+instance|such\s+as|e\.g\.|including)[,:]?\s+(?:the\s+)?(?:sections?|s\.|ss\.|regulations?|regs?\.|exemptions?|exceptions?)(?-u:\b)|(?-u:\b)exemptions?\s+(?:include|such|available|which\s+(?:may|might|could))|(?-u:\b)(?:may|might|could)\s+(?:potentially\s+)?(?:apply|be\s+applied|be\s+engaged|be\s+exempt|rely|withhold|refuse)(?-u:\b)|(?-u:\b)the\s+act\s+(?:allows|provides|permits|sets\s+out|contains|includes)(?-u:\b)|(?-u:\b)it\s+is\s+(?:standard|normal|usual)\s+practice(?-u:\b)|(?-u:\b)in\s+general(?-u:\b)|(?-u:\b)generally(?-u:\b)|(?-u:\b)where\s+(?:an?\s+)?(?:exemption|authority|public\s+authority)(?-u:\b)",
    )
});

/// The requester's words: a question, or a request.
static REQUESTER: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)^\s*(?:[\d.()a-z]{1,4}[.)]\s*)?(?:[•·*-]\s*)?(?:please\s+(?:provide|could|can|send|supply|give|tell|confirm|identify|produce|list|share|advise|disclose|explain|let)|could\s+you|can\s+you|would\s+you|i\s+would\s+like|i\s+request|i\s+am\s+requesting|i\s+wish\s+to|under\s+the\s+freedom\s+of\s+information\s+act[^.]{0,40}(?-u:\b)(?:i|please)(?-u:\b)|in\s+your\s+request|you\s+asked|you\s+requested|you\s+have\s+asked)",
    )
});

/// The subject line of an attached or forwarded e-mail ("See attached: RE_ Confidential -
/// Commercially Sensitive"): words in a title, not reasoning.
static EMAIL_SUBJECT: Lazy<Regex> =
    Lazy::new(|| re(r"(?i)^\s*(?:see\s+attached:?\s*)?(?:RE|FW|FWD)\s?[_:]\s"));

/// A hedge right before the span: "potentially commercially sensitive", "may be exempt".
static HEDGE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)(?-u:\b)(?:potentially|possibly|perhaps|arguably|may\s+be|might\s+be|could\s+be|may\s+contain|might\s+contain|if\s+it\s+is)\s*$",
    )
});

/// Rights boilerplate: review and complaint.
static RIGHTS: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)(?-u:\b)internal\s+review(?-u:\b)|(?-u:\b)make\s+a\s+complaint(?-u:\b)|(?-u:\b)complain\s+to(?-u:\b)|(?-u:\b)complaints?\s+(?:procedure|process)(?-u:\b)|(?-u:\b)(?:if\s+you\s+are|you\s+remain)\s+(?:dissatisfied|not\s+satisfied|unhappy)(?-u:\b)|(?-u:\b)right\s+to\s+(?:appeal|request\s+a\s+review|ask\s+for\s+a\s+review|complain)(?-u:\b)|(?-u:\b)(?:apply|appeal|refer|write)\s+(?:directly\s+)?to\s+the\s+information\s+commissioner",
    )
});

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

/// The clause of `sentence` that holds `span`.
fn clause(text: &str, sentence: Span, span: Span) -> Span {
    let s = sentence.slice(text);
    let rel_start = span.start.saturating_sub(sentence.start);
    let rel_end = span.end.saturating_sub(sentence.start).min(s.len());
    let mut start = 0;
    let mut end = s.len();
    for m in CLAUSE_BREAK.find_iter(s) {
        if m.end() <= rel_start {
            start = m.end();
        } else if m.start() >= rel_end {
            end = m.start();
            break;
        }
    }
    Span::new(sentence.start + start, sentence.start + end.max(start))
}

/// How many sentences, from the span's own, are searched for the public interest outcome.
const PIT_SENTENCES: usize = 8;

/// The status of one citation or cue at `span`. `qualified` says whether the ground takes a
/// public interest test (only then can the test's outcome make it merely mentioned).
pub(crate) fn assess(text: &Text<'_>, span: Span, qualified: bool) -> Status {
    // Quoted mail, the request repeated back, signatures and footers are not the authority's
    // reasoning in this letter.
    if text.zone_at(span.start).is_some() {
        return Status::Mentioned;
    }
    let src = text.as_str();
    let sentence = window(src, text.sentence_at(span.start), span);
    let sentence_text = sentence.slice(src);
    let clause_span = clause(src, sentence, span);
    if DISCLAIM.is_match(clause_span.slice(src)) {
        return Status::Disclaimed;
    }
    let lead_in = text.as_str().get(sentence.start..span.start).unwrap_or("");
    if HEDGE.is_match(lead_in) {
        return Status::Mentioned;
    }
    // What the sentence as a whole says, asked once per sentence.
    let sentence_mentions = || {
        sentence_text.trim_end().ends_with('?')
            || REQUESTER.is_match(sentence_text)
            || EMAIL_SUBJECT.is_match(sentence_text)
            || UNDER_CONSIDERATION.is_match(sentence_text)
            || GENERAL.is_match(sentence_text)
            || RIGHTS.is_match(sentence_text)
    };
    if text.memo(0, sentence, sentence_mentions) || in_quotation_marks(src, sentence, span) {
        return Status::Mentioned;
    }
    if qualified {
        // The outcome of the public interest test comes within a few sentences.
        if text
            .sentences_from(span.start, PIT_SENTENCES)
            .iter()
            .any(|s| {
                let w = window(src, *s, Span::new(s.start, s.start));
                text.memo(1, w, || PIT_FAVOURS_RELEASE.is_match(w.slice(src)))
            })
        {
            return Status::Mentioned;
        }
    }
    Status::ReliedOn
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
    fn negation_is_scoped_to_the_clause() {
        assert_eq!(
            status_of("We are not relying on section 43.", "section 43", true),
            Status::Disclaimed
        );
        assert_eq!(
            status_of(
                "Section 43 does not apply to this information.",
                "Section 43",
                true
            ),
            Status::Disclaimed
        );
        assert_eq!(
            status_of(
                "Section 36 does not apply, but the names are withheld under section 40(2).",
                "section 40(2)",
                false
            ),
            Status::ReliedOn
        );
    }

    #[test]
    fn mentions() {
        assert_eq!(
            status_of(
                "Exemptions such as section 42 may apply to legal advice.",
                "section 42",
                true
            ),
            Status::Mentioned
        );
        assert_eq!(
            status_of("We considered section 42. However, the public interest lies in favour of disclosure.", "section 42", true),
            Status::Mentioned
        );
        assert_eq!(
            status_of(
                "We have not yet reached a decision on section 36 and are extending the deadline.",
                "section 36",
                true
            ),
            Status::Mentioned
        );
        assert_eq!(
            status_of(
                "Emails were marked “covered by legal privilege” by officers.",
                "legal privilege",
                true
            ),
            Status::Mentioned
        );
        assert_eq!(
            status_of(
                "Could you confirm whether section 12 applies?",
                "section 12",
                false
            ),
            Status::Mentioned
        );
    }
}
