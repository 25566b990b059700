//! The public interest arguments of a letter, each given to the qualified ground it follows.
//! The stage returns them ([`arguments`]); the caller attaches them to the findings.
//!
//! The wording is data (`data/outcome/public_interest_*.toml`): arguments for disclosure, for
//! withholding, and the conclusion that says which way the balance falls. A sentence is read
//! clause by clause (its clauses turn at a semicolon or a contrasting word: "..., but we
//! consider that the public interest favours withholding"): a clause that concludes is the
//! conclusion whatever argument it also names, and a sentence that argues one side and then
//! concludes is the conclusion, its arguing clause an argument too.

use crate::matching::gate;
use crate::text::{window, Text};
use crate::vocab::{Excerpt, Finding, PublicInterest, Qualification, Span, Status};

use super::patterns::{CLAUSE_BREAK, PUBLIC_INTEREST};
use super::wording::{self, Wording};
use super::{authority_says, excerpt, own_regions, read_as};
use crate::resolve::context::Category;

/// The public interest arguments in the authority's own text, as `(index into findings,
/// arguments)` in index order: each sentence that weighs the public interest goes to the
/// qualified ground (relied on or weighed) whose evidence comes last before it (the first one,
/// when none comes before). A finding that gets no argument is left out.
pub(crate) fn arguments(text: &Text<'_>, findings: &[Finding]) -> Vec<(usize, PublicInterest)> {
    let anchors: Vec<(usize, usize)> = findings
        .iter()
        .enumerate()
        .filter(|(_, f)| f.kind == Qualification::Qualified && f.status != Status::Disclaimed)
        .flat_map(|(i, f)| f.evidence.iter().map(move |e| (e.start, i)))
        .collect();
    if anchors.is_empty() {
        return Vec::new();
    }
    let marks = Marks::find(text);
    let mut out: Vec<PublicInterest> = vec![PublicInterest::default(); findings.len()];
    let mut seen: Vec<Span> = Vec::new();
    for m in hits(text, &marks) {
        let sentence = text.sentence_at(m.start);
        if seen.contains(&sentence) {
            continue;
        }
        seen.push(sentence);
        let owner = anchors
            .iter()
            .filter(|(at, _)| *at <= sentence.end)
            .max_by_key(|(at, _)| *at)
            .or_else(|| anchors.iter().min_by_key(|(at, _)| *at))
            .map(|&(_, i)| i);
        let Some(i) = owner else { continue };
        sort_sentence(
            text,
            window(text.as_str(), sentence, m),
            &marks,
            &mut out[i],
        );
    }
    out.into_iter()
        .enumerate()
        .filter(|(_, p)| {
            !(p.for_disclosure.is_empty() && p.for_withholding.is_empty() && p.conclusion.is_none())
        })
        .collect()
}

/// Where the authority's own words argue or conclude the public interest test, by role.
struct Marks {
    conclusion: Vec<Span>,
    withholding: Vec<Span>,
    disclosure: Vec<Span>,
}

impl Marks {
    /// The matches of each wording in the authority's own words ([`authority_says`]: not quoted
    /// mail, the request repeated back, or someone else's argument reported: "you argued that
    /// the public interest in openness outweighs ..."), leaving out the test framed rather than
    /// weighed ([`FRAMED`]: "we must assess whether the public interest in maintaining the
    /// exemption outweighs ...", "an authority can withhold only if ...", "time to decide if
    /// ...").
    fn find(text: &Text<'_>) -> Marks {
        let find = |w: Wording| -> Vec<Span> {
            wording::find(text, w, 64)
                .into_iter()
                .filter(|m| authority_says(text, *m) && !read_as(text, *m, &FRAMED))
                .collect()
        };
        Marks {
            conclusion: find(Wording::PublicInterestConclusion),
            withholding: find(Wording::PublicInterestForWithholding),
            disclosure: find(Wording::PublicInterestForDisclosure),
        }
    }

    /// The role of the clause `c`: a conclusion when one starts in it (and it may conclude:
    /// `conclude`), else an argument for withholding, else one for disclosure.
    ///
    /// A mark inside an indirect question ("consideration must be given to whether the public
    /// interest favouring disclosure outweighs ..."), with "whether" before it in the clause and
    /// no comma or "and" between, frames the test: it plays no role.
    fn role(&self, src: &str, c: Span, conclude: bool) -> Option<Role> {
        let starts_in = |ms: &[Span]| {
            ms.iter()
                .any(|m| c.start <= m.start && m.start < c.end && !asked(src, c, *m))
        };
        if conclude && starts_in(&self.conclusion) {
            Some(Role::Conclusion)
        } else if starts_in(&self.withholding) {
            Some(Role::Withholding)
        } else if starts_in(&self.disclosure) {
            Some(Role::Disclosure)
        } else {
            None
        }
    }
}

/// The context categories (`data/context/`) of a public interest test framed rather than
/// weighed: the question asked ("whether"), a supposition ("if"), a decision not yet made, the
/// law explained in general.
const FRAMED: [Category; 4] = [
    Category::Considered,
    Category::Conditional,
    Category::Pending,
    Category::General,
];

/// True when the mark `m` in the clause `c` of `src` stands in an indirect question: the last
/// "whether" before it in the clause has no comma or "and" after it up to the mark.
fn asked(src: &str, c: Span, m: Span) -> bool {
    let before = src[c.start..m.start.max(c.start)].to_ascii_lowercase();
    let word = |at: usize| {
        !before[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
            && !before[at + "whether".len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
    };
    before
        .match_indices("whether")
        .map(|(at, _)| at)
        .filter(|&at| word(at))
        .last()
        .is_some_and(|at| {
            let rest = &before[at..];
            !rest.contains(',') && !rest.contains(" and ")
        })
}

/// What a clause does in the public interest test.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Conclusion,
    Withholding,
    Disclosure,
}

/// Where the authority's own text speaks of the public interest, in order: its mentions of the
/// public interest and the argument and conclusion wording (`marks`).
fn hits(text: &Text<'_>, marks: &Marks) -> Vec<Span> {
    let own_text = own_regions(text);
    let mut hits: Vec<Span> = gate::find_iter_in(text, &PUBLIC_INTEREST, &own_text)
        .filter(|m| authority_says(text, *m))
        .chain(marks.conclusion.iter().copied())
        .chain(marks.withholding.iter().copied())
        .chain(marks.disclosure.iter().copied())
        .collect();
    hits.sort_by_key(|m| m.start);
    hits
}

/// Adds the sentence `s` to `pi` as its clauses argue ([`Marks::role`]): a sentence with one
/// role is an argument for that side, or the conclusion, as a whole; a sentence whose clauses
/// play several is the conclusion when one of them concludes (the whole sentence), and each
/// clause that argues is an argument of its side.
fn sort_sentence(text: &Text<'_>, s: Span, marks: &Marks, pi: &mut PublicInterest) {
    // A heading or a line that opens a list ("Reasons why the public interest favours
    // withholding:") introduces the arguments after it: it concludes nothing.
    let opens_list = s.slice(text.as_str()).trim_end().ends_with(':');
    let roles: Vec<(Span, Role)> = clauses(text.as_str(), s)
        .into_iter()
        .filter_map(|c| marks.role(text.as_str(), c, !opens_list).map(|r| (c, r)))
        .collect();
    let Some(&(_, first)) = roles.first() else {
        return;
    };
    if roles.iter().all(|&(_, r)| r == first) {
        push(pi, first, excerpt(text, s));
        return;
    }
    for (c, role) in roles {
        let at = if role == Role::Conclusion { s } else { c };
        push(pi, role, excerpt(text, at));
    }
}

/// Adds `ex` to `pi` in its `role`; a later conclusion replaces an earlier one.
fn push(pi: &mut PublicInterest, role: Role, ex: Excerpt) {
    match role {
        Role::Conclusion => pi.conclusion = Some(ex),
        Role::Withholding => pi.for_withholding.push(ex),
        Role::Disclosure => pi.for_disclosure.push(ex),
    }
}

/// The clauses of the sentence `s` of `src`, each trimmed of the word that opens it ("but",
/// "however") and of the punctuation and white space around it; empty ones left out. A clause
/// turns at [`CLAUSE_BREAK`] (not at "but also", "but (are) not limited to", "but for", "all
/// but" or "as though"); a clause opened by a conceding word ("although", "though",
/// "while", "whilst") at the start of the sentence or after a comma runs to the next comma.
fn clauses(src: &str, s: Span) -> Vec<Span> {
    let body = s.slice(src);
    let lower = body.to_ascii_lowercase();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for m in CLAUSE_BREAK.find_iter(body) {
        let word = &lower[m.start()..m.end()];
        let before = lower[..m.start()].trim_end();
        let after = lower[m.end()..].trim_start();
        let skip = match word {
            "but" => {
                after.starts_with("also")
                    || after.starts_with("not limited")
                    || after.starts_with("are not limited")
                    || after.starts_with("is not limited")
                    || after.starts_with("for ")
                    || before.ends_with(" all")
                    || before == "all"
            }
            "though" => before.ends_with(" as"),
            _ => false,
        };
        if skip {
            continue;
        }
        cuts.push((m.start(), m.end()));
        let conceding = matches!(word, "although" | "though" | "while" | "whilst");
        if conceding && (before.is_empty() || before.ends_with(',')) {
            if let Some(comma) = body[m.end()..].find(',') {
                let at = m.end() + comma;
                cuts.push((at, at + 1));
            }
        }
    }
    cuts.sort_unstable();
    let mut out = Vec::new();
    let mut from = 0;
    for (start, end) in cuts
        .into_iter()
        .chain(std::iter::once((body.len(), body.len())))
    {
        if start < from {
            continue;
        }
        let piece = &body[from..start];
        let lead = piece.len()
            - piece
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .len();
        let trail = piece.len()
            - piece
                .trim_end_matches([' ', ',', ';', '\n', '\t', '\r'])
                .len();
        if lead + trail < piece.len() {
            out.push(Span::new(s.start + from + lead, s.start + start - trail));
        }
        from = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The clauses of `s` as text.
    fn split(s: &str) -> Vec<&str> {
        clauses(s, Span::new(0, s.len()))
            .into_iter()
            .map(|c| c.slice(s))
            .collect()
    }

    #[test]
    fn a_sentence_turns_at_a_contrasting_word_or_a_semicolon() {
        assert_eq!(
            split("We see the case for openness, which we have met in part, but we consider that the balance favours withholding."),
            [
                "We see the case for openness, which we have met in part",
                "we consider that the balance favours withholding."
            ]
        );
        assert_eq!(
            split("Openness matters; however, the risk is greater."),
            ["Openness matters", "the risk is greater."]
        );
        // A conceding clause at the start runs to its comma.
        assert_eq!(
            split("Although openness matters, we have concluded that it is outweighed."),
            [
                "openness matters",
                "we have concluded that it is outweighed."
            ]
        );
        // "but also", "not limited to", "as though" and "all but" do not turn it.
        for s in [
            "This covers not only the rates but also the terms.",
            "Factors include, but are not limited to, cost.",
            "It reads as though the matter were settled.",
            "The work is all but done.",
        ] {
            assert_eq!(split(s), [s]);
        }
        // Nothing but punctuation gives no clause; spans stay on char boundaries.
        assert!(split(" ; , ").is_empty());
        assert_eq!(split("Ça va; but “déjà vu”."), ["Ça va", "déjà vu”."]);
    }
}
