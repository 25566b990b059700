//! A ground denied by a word that stands for it: "We thought regulation 12(5)(e) might apply.
//! The firm has no objection, so we have decided not to use this exception." The denial reaches
//! "this exception", not the citation; this module finds such a stand-in after a citation and
//! reads its status as the citation's own would be read.

use crate::text::Text;
use crate::vocab::{Span, Status};

/// Words and phrases that stand for a ground named just before ("it", "this exception"). A bare
/// "that" is left out: it is far more often the start of a clause ("we concluded that ...").
const STAND_INS: &[&str] = &[
    "this exception",
    "that exception",
    "the exception",
    "this exemption",
    "that exemption",
    "the exemption",
    "this section",
    "that section",
    "it",
    "this",
];

/// How many stand-ins after a citation are read.
const READ: usize = 3;

/// The stand-ins that are pronouns: read only in the citation's sentence and the next. A noun
/// ("the exemption") reads on to the end of the paragraph, where a weighing often ends ("...
/// the public interest favours disclosure, and the exemption has not been applied").
const PRONOUNS: &[&str] = &["it", "this"];

/// The span of a stand-in for the ground cited at `cite` that the letter denies: one of the
/// first few [`STAND_INS`] in the rest of the citation's sentence and the next sentence of its
/// paragraph (a noun stand-in: the rest of the paragraph), before any other provision is cited,
/// that the context engine reads as disclaimed.
pub(super) fn denied_stand_in(text: &Text<'_>, cite: Span, qualified: bool) -> Option<Span> {
    let src = text.as_str();
    let sentences = text.sentences_from(cite.start, 2);
    let near = sentences.last().map_or(cite.end, |s| s.end).max(cite.end);
    let end = text.paragraph_at(cite.start).end.max(near);
    let from = cite.end;
    let rest = src.get(from..end)?;
    let lower = rest.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let word_edge = |i: usize| i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
    let word_end = |i: usize| i >= bytes.len() || !bytes[i].is_ascii_alphanumeric();
    let mut read = 0;
    let mut i = 0;
    while i < bytes.len() && read < READ {
        // Another provision cited: what follows stands for that one.
        if word_edge(i)
            && ["section ", "regulation ", "s.", "reg.", "reg "]
                .iter()
                .any(|k| {
                    bytes[i..].starts_with(k.as_bytes()) && followed_by_digit(&bytes[i + k.len()..])
                })
        {
            return None;
        }
        if word_edge(i) {
            if let Some(w) = STAND_INS
                .iter()
                .find(|w| bytes[i..].starts_with(w.as_bytes()) && word_end(i + w.len()))
            {
                if from + i >= near && PRONOUNS.contains(w) {
                    i += w.len();
                    continue;
                }
                read += 1;
                let span = Span::new(from + i, from + i + w.len());
                if crate::resolve::assess_detail(text, span, qualified).status == Status::Disclaimed
                {
                    return Some(span);
                }
                i += w.len();
                continue;
            }
        }
        i += 1;
    }
    None
}

fn followed_by_digit(s: &[u8]) -> bool {
    s.iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(u8::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn denied(text: &str, cited: &str) -> Option<String> {
        let t = Text::new(text);
        let at = text.find(cited).expect("cited text");
        denied_stand_in(&t, Span::new(at, at + cited.len()), true)
            .map(|s| s.slice(text).to_string())
    }

    #[test]
    fn a_stand_in_carries_the_denial_to_the_ground() {
        assert_eq!(
            denied(
                "We thought regulation 12(5)(e) might apply. The firm has no objection, so we have decided not to use this exception.",
                "regulation 12(5)(e)"
            )
            .as_deref(),
            Some("this exception")
        );
        assert_eq!(
            denied(
                "We looked at whether section 38 might apply. We have concluded that it does not apply.",
                "section 38"
            )
            .as_deref(),
            Some("it")
        );
    }

    #[test]
    fn a_noun_stand_in_reaches_the_end_of_the_paragraph_and_a_pronoun_does_not() {
        let weighed = "We asked whether section 31(1)(a) should apply. Some risk exists. The figures are annual totals. Having weighed this, we found that the public interest favours release, and the exemption has not been applied.";
        assert_eq!(
            denied(weighed, "section 31(1)(a)").as_deref(),
            Some("the exemption")
        );
        assert_eq!(
            denied(
                "We asked whether section 31(1)(a) should apply. Some risk exists. The figures are annual totals. It does not apply to them.",
                "section 31(1)(a)"
            ),
            None
        );
    }

    #[test]
    fn a_stand_in_after_another_citation_or_not_denied_is_nothing() {
        assert_eq!(
            denied(
                "Section 43 was considered. Section 40 applies, and it does not apply to the totals.",
                "Section 43"
            ),
            None
        );
        assert_eq!(
            denied(
                "We looked at section 43. It covers the prices, which are withheld.",
                "section 43"
            ),
            None
        );
    }
}
