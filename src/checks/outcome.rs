//! The answers of a letter laid out as questions and answers, read one by one: which questions
//! are answered, which are said not to be held, and which are refused under a ground. A reply
//! that answers some questions and not others is a partial answer, whatever its first lines say.

use crate::report::{Finding, Status};
use crate::span::Span;
use crate::text::Text;

use super::patterns::{NOT_HELD, PARTLY_HELD, SEE_ELSEWHERE};

/// How the answers of a letter fall out.
#[derive(Debug, Default)]
pub(super) struct Answers {
    /// Answers that give something: words, figures, a list.
    pub answered: usize,
    /// Answers that say the information is not held.
    pub not_held: usize,
    /// Answers that apply a ground relied on.
    pub refused: usize,
    /// The first answer that gives something.
    pub first_answered: Option<Span>,
}

/// Reads each answer of the letter's question-and-answer blocks (none unless the letter has two
/// or more). An answer is refused when the evidence of a ground relied on lies in it, not held
/// when it says so, empty or a pointer to another answer ("see above") when it adds nothing,
/// and answered otherwise.
pub(super) fn read_answers(text: &Text<'_>, relied: &[&Finding]) -> Answers {
    let src = text.as_str();
    let mut out = Answers::default();
    for qa in text.question_answers() {
        let a = qa.answer;
        let body = a.slice(src).trim();
        if !body.chars().any(char::is_alphanumeric) || SEE_ELSEWHERE.is_match(body) {
            continue;
        }
        let refused = relied.iter().any(|f| {
            f.evidence
                .iter()
                .any(|e| e.status == Status::ReliedOn && a.start <= e.start && e.start < a.end)
        });
        if refused {
            out.refused += 1;
        } else if NOT_HELD.is_match(body) || PARTLY_HELD.is_match(body) {
            out.not_held += 1;
        } else {
            out.answered += 1;
            if out.first_answered.is_none() {
                // Its first line, as evidence.
                let start = a.start + (a.slice(src).len() - a.slice(src).trim_start().len());
                let end = src[start..a.end].find('\n').map_or(a.end, |i| start + i);
                out.first_answered = Some(Span::new(start, end));
            }
        }
    }
    out
}
