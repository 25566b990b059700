//! Reads a letter into parts and their dispositions (see [`super::outcome`]): each answer of a
//! question-and-answer letter is a part, the rest of the letter one more. The wording comes from
//! `data/outcome/*.toml` ([`super::wording`]); the grounds from the findings relied on, each at
//! the span of its evidence; figures from [`super::answer_figures`].

use crate::rules::RuleSet;
use crate::text::Text;
use crate::vocab::{Finding, GroundOutcome, LegalTest, Span, Status};

use super::outcome::{Disposition as D, Mark, Part};
use super::patterns::{RIGHTS_SENTENCE, SEE_ELSEWHERE};
use super::wording::{self, Wording};
use super::{answer_figures, in_question, own, sized_search, tests_of};

/// What a ground relied on does to the part it is applied in: its rule's `outcome` (published,
/// not held), else a refusal on cost, as vexatious or withheld, as its test says.
fn ground_disposition(rules: &RuleSet, f: &Finding) -> D {
    match rules.get(&f.id).and_then(|r| r.outcome) {
        Some(GroundOutcome::Published) => D::Published,
        Some(GroundOutcome::NotHeld) => D::NotHeldGround,
        _ => {
            let tests = tests_of(rules, f);
            if tests.contains(&LegalTest::Cost) {
                D::Cost
            } else if tests.contains(&LegalTest::Conduct) {
                D::Vexatious
            } else {
                D::Withheld
            }
        }
    }
}

/// The letter's parts: the rest of the letter first, then each answer.
pub(super) fn read(text: &Text<'_>, rules: &RuleSet, relied: &[&Finding]) -> Vec<Part> {
    let answers: Vec<Span> = text.question_answers().iter().map(|qa| qa.answer).collect();
    let mut parts: Vec<Part> = std::iter::once(false)
        .chain(answers.iter().map(|_| true))
        .map(|answer| Part {
            answer,
            marks: Vec::new(),
        })
        .collect();
    let part_of = |offset: usize| {
        answers
            .iter()
            .position(|a| a.start <= offset && offset < a.end)
            .map_or(0, |i| i + 1)
    };
    let cost_argument = cost_argument(text, rules, relied);
    let mut marks = wording_marks(text, &cost_argument);
    marks.extend(
        figures_given(text, rules, relied, &cost_argument)
            .into_iter()
            .map(|span| Mark {
                disposition: D::Figure,
                span,
            }),
    );
    let grounds = ground_marks(text, rules, relied, part_of);
    for m in marks {
        parts[part_of(m.span.start)].marks.push(m);
    }
    for (p, d, span) in grounds {
        parts[p].marks.push(Mark {
            disposition: d,
            span,
        });
    }
    mark_answers_given(text, &answers, &mut parts);
    for p in &mut parts {
        p.marks.sort_by_key(|m| m.span.start);
    }
    parts
}

/// Matches of `w` (at most `limit`) in the authority's own text, and (unless `in_questions`)
/// not in a question it repeats.
fn own_matches(text: &Text<'_>, w: Wording, limit: usize, in_questions: bool) -> Vec<Span> {
    wording::find(text, w, limit.saturating_mul(2))
        .into_iter()
        .filter(|s| own(text, s.start) && (in_questions || !in_question(text, s.start)))
        .take(limit)
        .collect()
}

/// The marks of the authority's words about the outcome, in the order they are read; a figure
/// in `cost_argument` sizes the search and gives nothing.
fn wording_marks(text: &Text<'_>, cost_argument: &[Span]) -> Vec<Mark> {
    let src = text.as_str();
    let mut marks: Vec<Mark> = Vec::new();
    let mut add = |d: D, spans: Vec<Span>| {
        marks.extend(spans.into_iter().map(|span| Mark {
            disposition: d,
            span,
        }));
    };
    // The authority's words about the outcome.
    let said = |w: Wording, limit: usize| own_matches(text, w, limit, false);
    let own_only = |w: Wording, limit: usize| own_matches(text, w, limit, true);
    add(D::Ncnd, own_only(Wording::Ncnd, 3));
    add(D::AttachmentOnly, own_only(Wording::AttachmentOnly, 2));
    let response_attached = said(Wording::ResponseAttached, 2);
    // "Please find attached our response": the attachment is the response, not what it gives.
    let cover: Vec<Span> = response_attached
        .iter()
        .map(|s| text.sentence_at(s.start))
        .collect();
    // "Please see the attached sheet on your right to appeal" gives no information.
    let not_rights = |s: &Span| {
        let sentence = text.sentence_at(s.start);
        !RIGHTS_SENTENCE.is_match(sentence.slice(src))
    };
    let (enclosed, attached): (Vec<Span>, Vec<Span>) = said(Wording::Attached, 3)
        .into_iter()
        .filter(not_rights)
        .partition(|s| cover.iter().any(|c| c.start <= s.start && s.start < c.end));
    add(D::ResponseAttached, response_attached);
    add(D::Attached, attached);
    add(D::Enclosed, enclosed);
    // "There were 41 cardholders" where the cost is argued sizes the search: no answer.
    let sizes_search = |m: &Span| {
        m.slice(src).contains(|c: char| c.is_ascii_digit())
            && cost_argument
                .iter()
                .any(|c| c.start <= m.start && m.start < c.end)
    };
    add(
        D::Provided,
        said(Wording::Provided, 3)
            .into_iter()
            .filter(|m| not_rights(m) && !sizes_search(m))
            .collect(),
    );
    add(D::Framing, said(Wording::Framing, 2));
    add(
        D::PublishedPointer,
        said(Wording::PublishedPointer, 2)
            .into_iter()
            .filter(not_rights)
            .collect(),
    );
    add(D::NotHeld, said(Wording::NotHeld, 3));
    add(D::PartlyHeld, said(Wording::PartlyHeld, 2));
    add(D::Transferred, said(Wording::Transferred, 2));
    // "If you are dissatisfied, please send your request for a review to ...": not another body.
    add(
        D::Referred,
        said(Wording::Referred, 2)
            .into_iter()
            .filter(not_rights)
            .take(1)
            .collect(),
    );
    add(D::Declined, said(Wording::Declined, 2));
    add(D::PartlyWithheld, said(Wording::PartlyWithheld, 2));
    add(D::Invalid, said(Wording::Invalid, 1));
    add(D::ReviewUpheld, said(Wording::ReviewUpheld, 1));
    add(D::ExemptionsEngaged, said(Wording::ExemptionsEngaged, 1));
    add(D::Acknowledgement, said(Wording::Acknowledgement, 3));
    add(D::Clarification, said(Wording::Clarification, 3));
    add(D::Extension, said(Wording::Extension, 3));
    marks
}

/// Where the letter argues a cost refusal: each sentence of its evidence, with the two
/// sentences before it and the one after, in its paragraph. Figures there size the search.
fn cost_argument(text: &Text<'_>, rules: &RuleSet, relied: &[&Finding]) -> Vec<Span> {
    let mut cost_argument: Vec<Span> = Vec::new();
    for f in relied
        .iter()
        .filter(|f| tests_of(rules, f).contains(&LegalTest::Cost))
    {
        for e in f.evidence.iter().filter(|e| e.status == Status::ReliedOn) {
            let sentences = text.paragraph_sentences(e.start);
            let Some(i) = sentences
                .iter()
                .position(|s| s.start <= e.start && e.start < s.end)
            else {
                continue;
            };
            let from = sentences[i.saturating_sub(2)].start;
            let to = sentences[(i + 1).min(sentences.len() - 1)].end;
            let span = Span::new(from, to);
            if !cost_argument.contains(&span) {
                cost_argument.push(span);
            }
        }
    }
    cost_argument
}

/// Grounds relied on: each finding in each part where its evidence lies (first span there), as
/// `(part, disposition, span)`; `part_of` gives the part of an offset.
fn ground_marks(
    text: &Text<'_>,
    rules: &RuleSet,
    relied: &[&Finding],
    part_of: impl Fn(usize) -> usize,
) -> Vec<(usize, D, Span)> {
    let mut grounds: Vec<(usize, D, Span)> = Vec::new();
    for f in relied {
        let d = ground_disposition(rules, f);
        // A ground relied on because a review upholds the earlier decision that named it has
        // only the spans that recount that decision.
        let upheld_only = f.evidence.iter().all(|e| e.status != Status::ReliedOn);
        for e in f
            .evidence
            .iter()
            .filter(|e| upheld_only || e.status == Status::ReliedOn)
        {
            let p = part_of(e.start);
            if !grounds.iter().any(|&(q, g, _)| q == p && g == d) {
                grounds.push((p, d, e.span()));
            }
            // Applied by redaction: documents were released with parts removed.
            if e.text.to_ascii_lowercase().contains("redact") && !in_question(text, e.start) {
                grounds.push((p, D::Redacted, e.span()));
            }
        }
    }
    grounds
}

/// The figures that count as information given (none when they do not).
fn figures_given(
    text: &Text<'_>,
    rules: &RuleSet,
    relied: &[&Finding],
    cost_argument: &[Span],
) -> Vec<Span> {
    let redirect_only = !relied.is_empty()
        && relied
            .iter()
            .all(|f| ground_disposition(rules, f) == D::Published);
    let cost_refusal = relied
        .iter()
        .any(|f| tests_of(rules, f).contains(&LegalTest::Cost));

    // Figures given in the letter count as information given; beside a ground relied on, even
    // one figure is an answer given (unless it sizes the search of a cost refusal).
    // A request refused as a burden (vexatious, manifestly unreasonable): a lone figure sizes
    // the request ("there are around 1,900 files"), it does not answer it.
    let burden_refusal = relied
        .iter()
        .any(|f| tests_of(rules, f).contains(&LegalTest::Conduct));
    let figures = answer_figures(text, 3, cost_refusal, cost_argument);
    let lone_answer = figures.len() == 1
        && !relied.is_empty()
        && !redirect_only
        && !burden_refusal
        && (!cost_refusal || !sized_search(text, figures[0]));
    if figures.len() >= 2 || lone_answer {
        figures
    } else {
        Vec::new()
    }
}

/// Marks each answer that gives something: not empty, not a pointer to another answer, not
/// refused and not said to be not held (`parts[i + 1]` is the part of `answers[i]`).
fn mark_answers_given(text: &Text<'_>, answers: &[Span], parts: &mut [Part]) {
    let src = text.as_str();
    let refusing = [
        D::Withheld,
        D::Cost,
        D::Vexatious,
        D::Published,
        D::NotHeldGround,
    ];
    // Wording that an answer does not give what it was asked: found near its anchors once for
    // the whole letter, then looked up per answer.
    let withholding: Vec<Span> = if answers.is_empty() {
        Vec::new()
    } else {
        [
            Wording::NotHeld,
            Wording::PartlyHeld,
            Wording::Transferred,
            Wording::Declined,
        ]
        .into_iter()
        .flat_map(|w| wording::find(text, w, usize::MAX))
        .collect()
    };
    for (i, a) in answers.iter().enumerate() {
        let body = a.slice(src).trim();
        if !body.chars().any(char::is_alphanumeric) || SEE_ELSEWHERE.is_match(body) {
            continue;
        }
        let part = &mut parts[i + 1];
        if part.marks.iter().any(|m| refusing.contains(&m.disposition)) {
            continue;
        }
        if withholding
            .iter()
            .any(|s| a.start <= s.start && s.end <= a.end)
        {
            continue;
        }
        // Its first line, as evidence.
        let start = a.start + (a.slice(src).len() - a.slice(src).trim_start().len());
        let end = src[start..a.end].find('\n').map_or(a.end, |i| start + i);
        part.marks.push(Mark {
            disposition: D::Answered,
            span: Span::new(start, end),
        });
    }
}
