//! The wording of each disposition of the outcome, read from `data/outcome/*.toml` (compiled
//! into the library by `build.rs`). Each file names one disposition and lists its patterns, each
//! with the anchor words every match holds (see [`crate::matching::gate`]), so a pattern only
//! runs around its anchors; optional `not_before` / `not_after` regexes veto a match by the words
//! just before or after it, and `not_within` by the words of the match itself. Each file also gives `[[examples]]` that must match and
//! `[[counter_examples]]` that must not; `cargo test` runs them, one test per file.

use once_cell::sync::{Lazy, OnceCell};
use regex::Regex;
use serde::Deserialize;

use crate::matching::gate::{self, Gated, GatedSet};
use crate::text::Text;
use crate::vocab::Span;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_wording.rs"));
}

/// The kinds of wording the outcome reads, one file each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Wording {
    Provided,
    Attached,
    ResponseAttached,
    Framing,
    NotHeld,
    PartlyHeld,
    Transferred,
    Referred,
    Declined,
    PartlyWithheld,
    Ncnd,
    Invalid,
    ReviewUpheld,
    ExemptionsEngaged,
    Acknowledgement,
    Clarification,
    Extension,
    AttachmentOnly,
    PublishedPointer,
    /// Not a disposition: the wording of a statement of the requester's rights, read by the
    /// notice checks.
    RightsContext,
    /// Not a disposition: where the letter says when the request was made or received ("your
    /// request of"), read by the timing of the reply.
    RequestDate,
    /// Not a disposition: the letter's own date line ("Date:"), read by the timing of the reply.
    LetterDate,
    /// Not a disposition: the letter answers a request for an internal review.
    ReviewResponse,
    /// Not a disposition: the requester speaking of their own next step ("I have asked for an
    /// internal review"), read by the notice checks: no statement of rights.
    RequesterVoice,
    /// Not a disposition: a statement of the cost limit itself ("the appropriate limit is
    /// £450"), read by the notice checks: no estimate of the request's cost.
    CostLimit,
    /// Not a disposition: the conclusion of a public interest test ("the public interest
    /// favours withholding"), read by the public interest arguments.
    PublicInterestConclusion,
    /// Not a disposition: an argument for disclosure in a public interest test.
    PublicInterestForDisclosure,
    /// Not a disposition: an argument for withholding in a public interest test.
    PublicInterestForWithholding,
}

impl Wording {
    /// Every kind, in file order.
    #[cfg(test)]
    pub(crate) const ALL: [Wording; 28] = [
        Wording::Provided,
        Wording::Attached,
        Wording::ResponseAttached,
        Wording::Framing,
        Wording::NotHeld,
        Wording::PartlyHeld,
        Wording::Transferred,
        Wording::Referred,
        Wording::Declined,
        Wording::PartlyWithheld,
        Wording::Ncnd,
        Wording::Invalid,
        Wording::ReviewUpheld,
        Wording::ExemptionsEngaged,
        Wording::Acknowledgement,
        Wording::Clarification,
        Wording::Extension,
        Wording::AttachmentOnly,
        Wording::PublishedPointer,
        Wording::RightsContext,
        Wording::RequestDate,
        Wording::LetterDate,
        Wording::ReviewResponse,
        Wording::RequesterVoice,
        Wording::CostLimit,
        Wording::PublicInterestConclusion,
        Wording::PublicInterestForDisclosure,
        Wording::PublicInterestForWithholding,
    ];

    /// The `disposition` its file declares.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Wording::Provided => "provided",
            Wording::Attached => "attached",
            Wording::ResponseAttached => "response_attached",
            Wording::Framing => "framing",
            Wording::NotHeld => "not_held",
            Wording::PartlyHeld => "partly_held",
            Wording::Transferred => "transferred",
            Wording::Referred => "referred",
            Wording::Declined => "declined",
            Wording::PartlyWithheld => "partly_withheld",
            Wording::Ncnd => "ncnd",
            Wording::Invalid => "invalid",
            Wording::ReviewUpheld => "review_upheld",
            Wording::ExemptionsEngaged => "exemptions_engaged",
            Wording::Acknowledgement => "acknowledgement",
            Wording::Clarification => "clarification",
            Wording::Extension => "extension",
            Wording::AttachmentOnly => "attachment_only",
            Wording::PublishedPointer => "published_pointer",
            Wording::RightsContext => "rights_context",
            Wording::RequestDate => "request_date",
            Wording::LetterDate => "letter_date",
            Wording::ReviewResponse => "review_response",
            Wording::RequesterVoice => "requester_voice",
            Wording::CostLimit => "cost_limit",
            Wording::PublicInterestConclusion => "public_interest_conclusion",
            Wording::PublicInterestForDisclosure => "public_interest_for_disclosure",
            Wording::PublicInterestForWithholding => "public_interest_for_withholding",
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    disposition: String,
    #[allow(dead_code)]
    description: String,
    /// Applies to every pattern of the file.
    not_before: Option<String>,
    not_after: Option<String>,
    #[serde(default)]
    patterns: Vec<PatternDef>,
    #[serde(default)]
    #[allow(dead_code)]
    examples: Vec<Example>,
    #[serde(default)]
    #[allow(dead_code)]
    counter_examples: Vec<Example>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PatternDef {
    anchors: Vec<String>,
    regex: String,
    #[serde(default)]
    leading: bool,
    not_before: Option<String>,
    not_after: Option<String>,
    /// A regex over the match itself that vetoes it.
    not_within: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Example {
    text: String,
    note: Option<String>,
}

/// One pattern of a wording file.
pub(crate) struct Pattern {
    gated: &'static Gated,
    /// Its index in [`SET`].
    index: usize,
    not_before: Vec<&'static Veto>,
    not_after: Vec<&'static Veto>,
    not_within: Option<&'static Veto>,
}

/// A veto regex (`not_before`, `not_after`, `not_within`), compiled the first time a match is
/// checked against it: most letters meet only a few of the files' vetoes, so start-up does not
/// compile them all. A file's own veto is one value shared by all its patterns.
pub(crate) struct Veto {
    pattern: String,
    regex: OnceCell<Regex>,
}

impl Veto {
    /// A veto of `pattern` (checked by parsing in the tests, which also compile it).
    fn new(pattern: &str) -> Result<&'static Veto, String> {
        #[cfg(test)]
        regex_automata::util::syntax::parse(pattern).map_err(|e| e.to_string())?;
        Ok(Box::leak(Box::new(Veto {
            pattern: pattern.to_string(),
            regex: OnceCell::new(),
        })))
    }

    /// The compiled regex.
    fn regex(&self) -> &Regex {
        self.regex
            .get_or_init(|| Regex::new(&self.pattern).expect("veto patterns are valid"))
    }

    /// True when the regex matches `s`.
    fn is_match(&self, s: &str) -> bool {
        self.regex().is_match(s)
    }
}

/// Bytes read before a match for `not_before`, and after it for `not_after`.
const BEFORE: usize = 40;
const AFTER: usize = 100;

impl Pattern {
    /// True unless the words around `m` veto it.
    fn accepts(&self, src: &str, m: Span) -> bool {
        let b = gate::floor(src, m.start.saturating_sub(BEFORE));
        let a = gate::ceil(src, m.end.saturating_add(AFTER).min(src.len()));
        let before = &src[b..m.start];
        let after = &src[m.end..a];
        !self.not_before.iter().any(|r| r.is_match(before))
            && !self.not_after.iter().any(|r| r.is_match(after))
            && !self
                .not_within
                .as_ref()
                .is_some_and(|r| r.is_match(m.slice(src)))
    }
}

/// Parses one wording file into its disposition name and patterns.
fn parse(name: &str, contents: &str) -> Result<(String, Vec<Pattern>), String> {
    let file: File = toml::from_str(contents).map_err(|e| format!("{name}: {e}"))?;
    // The file's own vetoes, shared by its patterns.
    let file_veto = |r: &Option<String>| {
        r.as_deref()
            .map(Veto::new)
            .transpose()
            .map_err(|e| format!("{name}: {e}"))
    };
    let file_before = file_veto(&file.not_before)?;
    let file_after = file_veto(&file.not_after)?;
    let mut patterns = Vec::new();
    for p in file.patterns {
        if p.anchors.is_empty() {
            return Err(format!("{name}: a pattern needs anchors"));
        }
        // The gated pattern compiles its own engine on first use; the tests (which parse the
        // files with this) check that it parses. The embedded files are not parsed again at
        // start-up.
        #[cfg(test)]
        regex_automata::util::syntax::parse(&p.regex).map_err(|e| format!("{name}: {e}"))?;
        let gated: &'static Gated = gate::interned(&p.anchors, &p.regex, p.leading);
        let veto = |r: &str| Veto::new(r).map_err(|e| format!("{name}: {e}"));
        let mut not_before: Vec<&'static Veto> = file_before.iter().copied().collect();
        let mut not_after: Vec<&'static Veto> = file_after.iter().copied().collect();
        if let Some(r) = &p.not_before {
            not_before.push(veto(r)?);
        }
        if let Some(r) = &p.not_after {
            not_after.push(veto(r)?);
        }
        let not_within = p.not_within.as_deref().map(veto).transpose()?;
        patterns.push(Pattern {
            gated,
            index: 0,
            not_before,
            not_after,
            not_within,
        });
    }
    Ok((file.disposition, patterns))
}

/// Every wording file, parsed once: (disposition, patterns).
static WORDINGS: Lazy<Vec<(String, Vec<Pattern>)>> = Lazy::new(|| {
    let mut files: Vec<(String, Vec<Pattern>)> = embedded::EMBEDDED_WORDING
        .iter()
        .map(|(name, contents)| {
            // The files are compiled in and each is tested: a failure here is a build error.
            parse(name, contents).expect("outcome wording files are valid")
        })
        .collect();
    for (index, p) in files
        .iter_mut()
        .flat_map(|(_, ps)| ps.iter_mut())
        .enumerate()
    {
        p.index = index;
    }
    files
});

/// Every pattern of every wording file, searched together: each letter is read once for all
/// of them (see [`GatedSet`]), whatever their number. Only the text the outcome and the notice
/// checks read is scanned (see [`read_regions`]).
static SET: Lazy<GatedSet> = Lazy::new(|| GatedSet::new(gated().collect()));

/// The text whose wording counts: the authority's own text (not quoted or forwarded mail, the
/// request repeated back or a footer: see [`super::own`]) and the answers of a
/// question-and-answer layout (read whatever zone they are in), in order and merged.
fn read_regions(text: &Text<'_>) -> Vec<Span> {
    let mut out = super::own_regions(text);
    out.extend(text.question_answers().iter().map(|qa| qa.answer));
    out.sort_unstable_by_key(|s| s.start);
    let mut merged: Vec<Span> = Vec::with_capacity(out.len());
    for s in out {
        match merged.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => merged.push(s),
        }
    }
    merged
}

/// The patterns of one kind of wording (none when its file is missing; a test checks each has
/// one).
pub(crate) fn patterns(w: Wording) -> &'static [Pattern] {
    WORDINGS
        .iter()
        .find(|(n, _)| n == w.name())
        .map_or(&[], |(_, p)| p.as_slice())
}

/// Every gated pattern of the wording files (their anchors go into the matching automaton).
pub(crate) fn gated() -> impl Iterator<Item = &'static Gated> {
    WORDINGS
        .iter()
        .flat_map(|(_, ps)| ps.iter().map(|p| p.gated))
}

/// Matches of wording `w` in `text`, in order of position, at most `limit` of each pattern:
/// those near an anchor in the text the checks read ([`read_regions`]; the callers keep only
/// matches in the authority's own text, in an answer, or in the sentence of an own match).
pub(crate) fn find(text: &Text<'_>, w: Wording, limit: usize) -> Vec<Span> {
    let src = text.as_str();
    let mut out: Vec<Span> = Vec::new();
    let scan = SET.scan_in(text, || read_regions(text));
    for p in patterns(w) {
        out.extend(
            SET.matches_in(text, p.index, scan.as_deref())
                .filter(|m| p.accepts(src, *m))
                .take(limit),
        );
    }
    out.sort_by_key(|s| (s.start, s.end));
    out.dedup();
    out
}

/// Runs the examples and counter-examples of one wording file (the tests `build.rs` generates).
#[cfg(test)]
fn check_wording_file(name: &str) {
    let contents = embedded::EMBEDDED_WORDING
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, c)| *c)
        .expect("the file is embedded");
    let file: File = toml::from_str(contents).expect("the file parses");
    let (_, patterns) = parse(name, contents).expect("the file's patterns compile");
    assert!(
        Wording::ALL.iter().any(|w| w.name() == file.disposition),
        "{name}: unknown disposition {}",
        file.disposition
    );
    assert!(!file.examples.is_empty(), "{name}: no examples");
    let mut failures = Vec::new();
    // Every veto compiles (they are compiled on first use, so a letter never meets a bad one).
    for p in &patterns {
        for v in p.not_before.iter().chain(&p.not_after).chain(&p.not_within) {
            if let Err(e) = Regex::new(&v.pattern) {
                failures.push(format!("veto {:?} does not compile: {e}", v.pattern));
            }
        }
    }
    let accepted = |s: &str| -> Vec<(usize, Span)> {
        patterns
            .iter()
            .enumerate()
            .flat_map(|(i, p)| {
                p.gated
                    .regex()
                    .find_iter(s)
                    .map(|m| Span::new(m.start(), m.end()))
                    .filter(|m| p.accepts(s, *m))
                    .map(move |m| (i, m))
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    for ex in &file.examples {
        let hits = accepted(&ex.text);
        if hits.is_empty() {
            failures.push(format!("example not matched: {:?}", ex.text));
        }
        // The gate's promise: every match holds one of its pattern's anchors at a word start
        // (a leading pattern's match starts with one).
        for (i, m) in hits {
            let g = patterns[i].gated;
            let low = m.slice(&ex.text).to_lowercase();
            let ok = g.anchors().iter().any(|a| {
                low.match_indices(a).any(|(at, _)| {
                    at == 0
                        || !low[..at]
                            .chars()
                            .next_back()
                            .is_some_and(char::is_alphanumeric)
                })
            });
            if !ok {
                failures.push(format!(
                    "match {:?} of {:?} holds none of its anchors {:?}",
                    m.slice(&ex.text),
                    ex.text,
                    g.anchors()
                ));
            }
        }
    }
    for ex in &file.counter_examples {
        if !accepted(&ex.text).is_empty() {
            failures.push(format!("counter-example matched: {:?}", ex.text));
        }
    }
    assert!(failures.is_empty(), "{name}:\n{}", failures.join("\n"));
}

#[cfg(test)]
mod generated {
    use super::check_wording_file;
    include!(concat!(env!("OUT_DIR"), "/wording_tests.rs"));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The set search finds, for every pattern, what the pattern's own gated search finds.
    /// Runs `f` on each test letter and each of `extra`, its anchors found by the automaton.
    fn for_each_letter(extra: &[&str], mut f: impl FnMut(&str, &Text<'_>)) {
        use crate::matching::CueIndex;
        use crate::rules::RuleSet;
        let mut letters = crate::test_support::letter_files();
        letters.extend(extra.iter().map(|l| l.to_string()));
        let anchors = crate::matching::gate::vocabulary(&crate::checks::gated());
        let index = CueIndex::build(&RuleSet::embedded().unwrap(), &anchors).unwrap();
        for letter in &letters {
            let text = Text::new(letter);
            let scan = index.scan(letter);
            text.set_anchors(scan.anchors, scan.anchor_ids);
            f(letter, &text);
        }
    }

    #[test]
    fn the_set_finds_what_each_pattern_finds() {
        let mut compared = 0;
        // Short letters of my own: matches at the very start and end, overlapping anchors,
        // a pattern that repeats letters, and text with no anchor at all.
        for_each_letter(
            &[
                "Please find attached the list. We do not hold the rest.",
                "We are unable to provide the names, which are withheld in part.",
                "The information is not held. Please see the attached table",
                "nothing to see",
                "",
            ],
            |letter, text| {
                for (_, ps) in WORDINGS.iter() {
                    for p in ps {
                        let alone: Vec<Span> = gate::find_iter(text, p.gated).collect();
                        let together: Vec<Span> = SET.find_iter(text, p.index).collect();
                        assert_eq!(together, alone, "{:?} in {letter:?}", p.gated);
                        compared += alone.len();
                    }
                }
            },
        );
        assert!(compared > 100, "only {compared} matches compared");
    }

    /// Searching only the text the checks read finds, there, what a search of the whole letter
    /// finds.
    #[test]
    fn the_regions_hold_what_the_whole_letter_holds_there() {
        let mut compared = 0;
        // Short letters of my own: wording in the letter, in the request quoted back and in
        // mail quoted below it.
        for_each_letter(&[
            "Your request:\nPlease provide the list. We do not hold the rest.\n\nWe do not hold the list.\n\n> We do not hold it either.\n> Please find attached the list.",
            "Please find attached the list.\n\n-----Original Message-----\nFrom: A\nWe do not hold it.",
        ], |letter, text| {
            let regions = read_regions(text);
            let inside = |s: &Span| {
                regions
                    .iter()
                    .any(|r| r.start <= s.start && s.start < r.end)
            };
            for (_, ps) in WORDINGS.iter() {
                for p in ps {
                    let whole: Vec<Span> = gate::find_iter(text, p.gated).filter(inside).collect();
                    let read: Vec<Span> = SET
                        .find_iter_in(text, p.index, || read_regions(text))
                        .filter(inside)
                        .collect();
                    assert_eq!(read, whole, "{:?} in {letter:?}", p.gated);
                    compared += whole.len();
                }
            }
        });
        assert!(compared > 100, "only {compared} matches compared");
    }

    #[test]
    fn every_wording_has_its_file() {
        for w in Wording::ALL {
            assert!(
                !patterns(w).is_empty(),
                "no data/outcome file for {}",
                w.name()
            );
        }
    }
}
