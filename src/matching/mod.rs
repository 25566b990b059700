//! The matching stage: every cue phrase of every rule in one Aho-Corasick automaton (DFA,
//! leftmost-longest, ASCII case folding), run once over the letter.
//!
//! Curly apostrophes and en/em dashes are handled by adding pattern variants, and line breaks
//! and tabs by matching over a copy of the text in which they are spaces (a byte-for-byte
//! substitution, so offsets are unchanged).

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::error::{Error, ErrorKind};
use crate::rules::{RuleSet, MAX_GAP_WORDS};
use crate::span::Span;

/// A cue phrase found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CueHit {
    /// Where.
    pub span: Span,
    /// Index of the rule in the rule set.
    pub rule: usize,
    /// Index of the cue in the rule.
    pub cue: usize,
}

/// All cue phrases of a rule set, compiled.
#[derive(Debug)]
pub(crate) struct CueIndex {
    automaton: Option<AhoCorasick>,
    /// For each pattern, the cue parts it stands for.
    targets: Vec<Vec<Target>>,
}

/// One part of one cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Target {
    rule: usize,
    cue: usize,
    part: usize,
    parts: usize,
}

/// True when the text between two parts of a gapped cue may join them: at most
/// [`MAX_GAP_WORDS`] words and no sentence punctuation.
fn gap_ok(gap: &str) -> bool {
    !gap.contains(['.', '?', '!', ';']) && gap.split_whitespace().count() <= MAX_GAP_WORDS
}

/// The spellings of one phrase variant: as written, with curly apostrophes, with en/em dashes.
fn spellings(v: &str) -> Vec<String> {
    let mut out = vec![v.to_string()];
    if v.contains('\'') {
        out.push(v.replace('\'', "\u{2019}"));
    }
    if v.contains('-') {
        out.push(v.replace('-', "\u{2013}"));
        out.push(v.replace('-', "\u{2014}"));
    }
    out
}

impl CueIndex {
    /// Compiles the cues of `rules`.
    pub(crate) fn build(rules: &RuleSet) -> Result<CueIndex, Error> {
        let mut patterns: Vec<String> = Vec::new();
        let mut targets: Vec<Vec<Target>> = Vec::new();
        let mut ids: HashMap<String, usize> = HashMap::new();
        for (ri, rule) in rules.rules().iter().enumerate() {
            for (ci, cue) in rule.cues.iter().enumerate() {
                for (pi, part) in cue.parts.iter().enumerate() {
                    let target = Target {
                        rule: ri,
                        cue: ci,
                        part: pi,
                        parts: cue.parts.len(),
                    };
                    for v in part {
                        for s in spellings(v) {
                            let id = *ids.entry(s.clone()).or_insert_with(|| {
                                patterns.push(s);
                                targets.push(Vec::new());
                                patterns.len() - 1
                            });
                            if !targets[id].contains(&target) {
                                targets[id].push(target);
                            }
                        }
                    }
                }
            }
        }
        let automaton = if patterns.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .kind(Some(AhoCorasickKind::DFA))
                    .match_kind(MatchKind::LeftmostLongest)
                    .ascii_case_insensitive(true)
                    .build(&patterns)
                    .map_err(|e| Error::new(ErrorKind::Build, format!("cue automaton: {e}")))?,
            )
        };
        Ok(CueIndex { automaton, targets })
    }

    /// How many parts cue `cue` of rule `rule` has.
    fn parts_of(&self, rule: usize, cue: usize) -> usize {
        self.targets
            .iter()
            .flatten()
            .find(|t| t.rule == rule && t.cue == cue)
            .map_or(1, |t| t.parts)
    }

    /// Finds cue phrases in `text` that stand on word boundaries; a gapped phrase is found when
    /// its parts stand in order with short gaps between them.
    pub(crate) fn find(&self, text: &str) -> Vec<CueHit> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        let flat: Vec<u8> = text
            .bytes()
            .map(|b| {
                if matches!(b, b'\n' | b'\r' | b'\t') {
                    b' '
                } else {
                    b
                }
            })
            .collect();
        let mut out = Vec::new();
        // Parts of gapped cues, by (rule, cue): (part, span), in text order.
        let mut partial: HashMap<(usize, usize), Vec<(usize, Span)>> = HashMap::new();
        for m in ac.find_iter(&flat) {
            let span = Span::new(m.start(), m.end());
            if !on_word_boundaries(text, span) {
                continue;
            }
            for t in &self.targets[m.pattern().as_usize()] {
                if t.parts == 1 {
                    out.push(CueHit {
                        span,
                        rule: t.rule,
                        cue: t.cue,
                    });
                } else {
                    partial
                        .entry((t.rule, t.cue))
                        .or_default()
                        .push((t.part, span));
                }
            }
        }
        for ((rule, cue), hits) in partial {
            let parts = self.parts_of(rule, cue);
            for (i, &(part, first)) in hits.iter().enumerate() {
                if part != 0 {
                    continue;
                }
                // Chain each next part to the nearest following hit of it.
                let mut end = first;
                let mut next = 1;
                for &(p, span) in &hits[i + 1..] {
                    if next == parts {
                        break;
                    }
                    if p == next && span.start >= end.end {
                        if !gap_ok(&text[end.end..span.start]) {
                            break;
                        }
                        end = span;
                        next += 1;
                    } else if span.start > end.end && !gap_ok(&text[end.end..span.start]) {
                        break;
                    }
                }
                if next == parts {
                    out.push(CueHit {
                        span: Span::new(first.start, end.end),
                        rule,
                        cue,
                    });
                }
            }
        }
        out.sort_by_key(|h| (h.span.start, h.span.end, h.rule, h.cue));
        out
    }
}

/// True when the span is on char boundaries and does not start or end inside a word.
fn on_word_boundaries(text: &str, span: Span) -> bool {
    let Some(inner) = text.get(span.range()) else {
        return false;
    };
    let word = |c: char| c.is_alphanumeric();
    let first_is_word = inner.chars().next().is_some_and(word);
    let last_is_word = inner.chars().next_back().is_some_and(word);
    let before_is_word = text[..span.start].chars().next_back().is_some_and(word);
    let after_is_word = text[span.end..].chars().next().is_some_and(word);
    !(first_is_word && before_is_word || last_is_word && after_is_word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gapped_cues_join_their_parts() {
        let rules = RuleSet::from_sources([(
            "foia/s99.toml",
            r#"
id = "foia:s99"
act = "foia"
provision = "99"
title = "T"
role = "ground"
kind = "qualified"
test = "class"
summary = "S."
[[cues]]
phrase = "contact details ... withheld"
weight = "strong"
"#,
        )])
        .unwrap();
        let idx = CueIndex::build(&rules).unwrap();
        let text = "The contact details of staff below director level have been withheld.";
        let hits = idx.find(text);
        assert_eq!(hits.len(), 1);
        assert_eq!(
            hits[0].span.slice(text),
            "contact details of staff below director level have been withheld"
        );
        assert!(idx.find("contact details. Nothing was withheld").is_empty());
        assert!(idx
            .find("contact details a b c d e f g h i j withheld")
            .is_empty());
    }

    #[test]
    fn word_boundaries() {
        let t = "the commercially sensitive bits";
        assert!(on_word_boundaries(t, Span::new(4, 26)));
        assert!(!on_word_boundaries(t, Span::new(5, 26)));
        assert!(on_word_boundaries("£450 limit", Span::new(0, 5)));
        assert!(!on_word_boundaries("a£b", Span::new(1, 2)));
    }

    #[test]
    fn curly_and_wrapped_text_matches() {
        let rules = RuleSet::embedded().unwrap();
        let idx = CueIndex::build(&rules).unwrap();
        let text = "This is COMMERCIALLY\nsensitive.";
        let hits = idx.find(text);
        assert!(hits
            .iter()
            .any(|h| h.span.slice(text) == "COMMERCIALLY\nsensitive"));
        assert!(spellings("council's").contains(&"council\u{2019}s".to_string()));
    }
}
