//! The matching stage: every cue phrase of every rule in one Aho-Corasick automaton (DFA,
//! leftmost-longest, ASCII case folding), run once over the letter.
//!
//! Curly apostrophes and en/em dashes are handled by adding pattern variants, and line breaks
//! and tabs by matching over a copy of the text in which they are spaces (a byte-for-byte
//! substitution, so offsets are unchanged).

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::error::{Error, ErrorKind};
use crate::rules::RuleSet;
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
    /// For each pattern, the (rule, cue) pairs it stands for.
    targets: Vec<Vec<(usize, usize)>>,
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
        let mut targets: Vec<Vec<(usize, usize)>> = Vec::new();
        let mut ids: HashMap<String, usize> = HashMap::new();
        for (ri, rule) in rules.rules().iter().enumerate() {
            for (ci, cue) in rule.cues.iter().enumerate() {
                for v in &cue.variants {
                    for s in spellings(v) {
                        let id = *ids.entry(s.clone()).or_insert_with(|| {
                            patterns.push(s);
                            targets.push(Vec::new());
                            patterns.len() - 1
                        });
                        if !targets[id].contains(&(ri, ci)) {
                            targets[id].push((ri, ci));
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

    /// Finds cue phrases in `text` that stand on word boundaries.
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
        for m in ac.find_iter(&flat) {
            let span = Span::new(m.start(), m.end());
            if !on_word_boundaries(text, span) {
                continue;
            }
            for &(rule, cue) in &self.targets[m.pattern().as_usize()] {
                out.push(CueHit { span, rule, cue });
            }
        }
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
