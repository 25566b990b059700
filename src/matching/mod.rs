//! The matching stage: every cue phrase of every rule, and every anchor word of the gated
//! patterns later stages use ([`gate`]), in one Aho-Corasick automaton (a DFA laid out as a dense
//! table, see [`table`]), run once over the letter.
//!
//! The automaton is walked over the letter's bytes one at a time, each byte read with ASCII
//! letters folded to lower case and line breaks and tabs turned into spaces (byte for byte, so
//! offsets are unchanged); the automaton holds lower-case patterns and matches case-sensitively,
//! which keeps it half the size of a case-folding one. Curly apostrophes and en/em dashes are
//! handled by pattern variants, so no copy of the letter is made.
//!
//! The walk reports overlapping matches (every pattern ending at each byte), so that an anchor
//! inside or across a cue phrase is still seen; the cue phrases among them are then chosen
//! leftmost-longest, as a leftmost-longest automaton over the cue phrases alone would choose
//! them.

pub(crate) mod gate;
mod table;

use std::collections::HashMap;

use crate::error::{Error, ErrorKind};
use crate::rules::{RuleSet, MAX_GAP_WORDS};
pub(crate) use crate::text::AnchorHit;
use crate::vocab::Span;

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

/// What one scan of a letter found.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    /// Cue phrases, in order of position.
    pub cues: Vec<CueHit>,
    /// Anchor words of gated patterns, in order of position.
    pub anchors: Vec<AnchorHit>,
    /// One more than the largest anchor id the index can report (the ids are below it).
    pub anchor_ids: usize,
}

/// All cue phrases of a rule set and all anchor words, compiled.
#[derive(Debug)]
pub(crate) struct CueIndex {
    automaton: Option<table::Table>,
    /// For each pattern, the cue parts it stands for.
    targets: Vec<Vec<Target>>,
    /// The phrases behind each head of the automaton (a phrase cut to [`PREFIX`] bytes), those
    /// of one head together; the automaton gives each head's range.
    tails: Vec<Tail>,
    tail_bytes: Vec<u8>,
    /// One more than the largest anchor id of the anchor words.
    anchor_ids: usize,
}

/// A phrase behind a head, with all a match of it needs read (kept together, so that a match
/// is read from one place).
#[derive(Clone, Copy, Debug)]
struct Tail {
    /// The phrase's id (its index in [`CueIndex::targets`]).
    pattern: u32,
    /// The range of [`CueIndex::tail_bytes`] holding the phrase's bytes after the head.
    rest: (u32, u32),
    /// The anchor the phrase stands for, if any.
    anchor: Option<u16>,
    /// The bytes before the anchor word (a short anchor is looked for with the space or mark
    /// before it).
    skip: u8,
    /// True when the phrase is (part of) a cue.
    cue: bool,
}

/// The automaton holds each phrase's first `PREFIX` bytes, and the rest of the phrase is
/// compared where the prefix is found: phrases are found exactly as before, while the automaton
/// has a fraction of the states (it builds faster and takes less memory).
const PREFIX: usize = 16;

/// What may stand before a short anchor word: a space (line breaks and tabs are folded into
/// spaces; the start of the letter counts as one), a no-break space, a bracket, an opening
/// quotation mark, a slash, a hyphen or a full stop. A short word after anything else (a comma
/// with no space, a letter with an accent) is not looked at.
const BEFORE_SHORT: &[&str] = &[
    " ", "(", ")", "[", "]", "\"", "'", "/", "-", ".", "\u{a0}", "\u{201c}", "\u{2018}",
];

/// A short anchor: a word of up to five bytes with the space, dot or digit after it ("is ",
/// "no ", "s.", "s 4"). Such words end many longer words ("this ", "documents."), so they are
/// only looked for after what may stand before a word.
fn is_short(anchor: &str) -> bool {
    anchor.len() <= 5
        && anchor.starts_with(|c: char| c.is_ascii_alphabetic())
        && anchor.ends_with(|c: char| c == ' ' || c == '.' || c.is_ascii_digit())
}

/// One part of one cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Target {
    rule: usize,
    cue: usize,
    part: usize,
    parts: usize,
}

/// The parts of a gapped cue found in a letter: how many parts the cue has, and (part, span) of
/// each found, in text order.
type Parts = (usize, Vec<(usize, Span)>);

/// True when the text between two parts of a gapped cue may join them: at most
/// [`MAX_GAP_WORDS`] words and no sentence punctuation.
fn gap_ok(gap: &str) -> bool {
    !gap.contains(['.', '?', '!', ';']) && gap.split_whitespace().count() <= MAX_GAP_WORDS
}

/// The spellings of one phrase variant, in lower case: as written, with curly apostrophes, with
/// en/em dashes.
fn spellings(v: &str) -> Vec<String> {
    let v = v.to_ascii_lowercase();
    let mut out = Vec::with_capacity(1);
    if v.contains('\'') {
        out.push(v.replace('\'', "\u{2019}"));
    }
    if v.contains('-') {
        out.push(v.replace('-', "\u{2013}"));
        out.push(v.replace('-', "\u{2014}"));
    }
    out.insert(0, v);
    out
}

/// The byte a letter's byte is scanned as: ASCII letters in lower case, line breaks and tabs as
/// spaces.
const fn fold(b: u8) -> u8 {
    if b == b'\n' || b == b'\r' || b == b'\t' {
        b' '
    } else if b.wrapping_sub(b'A') < 26 {
        b | 0x20
    } else {
        b
    }
}

/// [`fold`] of every byte, so that the walk folds a byte with one look-up.
static FOLDED: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = fold(i as u8);
        i += 1;
    }
    t
};

impl CueIndex {
    /// Compiles the cues of `rules` and the anchor words of the gated patterns (`anchors`, as
    /// [`gate::vocabulary`] gives them: the caller gathers them from every stage that has
    /// gated patterns).
    pub(crate) fn build(
        rules: &RuleSet,
        anchors_of_gated: &[&'static str],
    ) -> Result<CueIndex, Error> {
        let mut patterns: Vec<String> = Vec::new();
        let mut targets: Vec<Vec<Target>> = Vec::new();
        let mut anchors: Vec<Option<u16>> = Vec::new();
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut id_of = |s: String, targets: &mut Vec<Vec<Target>>, anchors: &mut Vec<_>| {
            *ids.entry(s.clone()).or_insert_with(|| {
                patterns.push(s);
                targets.push(Vec::new());
                anchors.push(None);
                patterns.len() - 1
            })
        };
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
                            let id = id_of(s, &mut targets, &mut anchors);
                            if !targets[id].contains(&target) {
                                targets[id].push(target);
                            }
                        }
                    }
                }
            }
        }
        let mut skips: Vec<u8> = Vec::new();
        let mut anchor_ids = 0;
        for &word in anchors_of_gated {
            let anchor = gate::anchor_id(word)
                .ok_or_else(|| Error::new(ErrorKind::Build, "too many anchor words"))?;
            anchor_ids = anchor_ids.max(usize::from(anchor) + 1);
            for s in spellings(word) {
                if is_short(&s) {
                    // A short word is looked for with what may stand before a word, so that
                    // it is not found inside every longer word that ends with it.
                    for before in BEFORE_SHORT {
                        let id = id_of(format!("{before}{s}"), &mut targets, &mut anchors);
                        anchors[id] = Some(anchor);
                        skips.resize(anchors.len(), 0);
                        skips[id] = before.len() as u8;
                    }
                } else {
                    let id = id_of(s, &mut targets, &mut anchors);
                    anchors[id] = Some(anchor);
                }
            }
        }
        skips.resize(anchors.len(), 0);
        // Cut each phrase to its prefix; phrases that share a prefix share its pattern.
        let mut by_head: HashMap<&[u8], Vec<usize>> = HashMap::new();
        let mut head_order: Vec<&[u8]> = Vec::new();
        for (id, p) in patterns.iter().enumerate() {
            let head = &p.as_bytes()[..p.len().min(PREFIX)];
            by_head
                .entry(head)
                .or_insert_with(|| {
                    head_order.push(head);
                    Vec::new()
                })
                .push(id);
        }
        let (mut heads, mut tails, mut tail_bytes) = (Vec::new(), Vec::new(), Vec::new());
        for head in &head_order {
            let from = tails.len() as u32;
            for &id in &by_head[head] {
                let rest = &patterns[id].as_bytes()[head.len()..];
                let at = tail_bytes.len() as u32;
                tail_bytes.extend_from_slice(rest);
                tails.push(Tail {
                    pattern: id as u32,
                    rest: (at, tail_bytes.len() as u32),
                    anchor: anchors[id],
                    skip: skips[id],
                    cue: !targets[id].is_empty(),
                });
            }
            heads.push((from, tails.len() as u32));
        }
        let automaton = if head_order.is_empty() {
            None
        } else {
            Some(table::Table::build(&head_order, &heads, &FOLDED)?)
        };
        Ok(CueIndex {
            automaton,
            targets,
            tails,
            tail_bytes,
            anchor_ids,
        })
    }

    /// Every pattern match in `text` (overlapping), as (phrase, span), in order of end.
    ///
    /// The automaton is walked over the letter's bytes folded one at a time (see [`fold`]),
    /// after a space standing for what comes before the letter, so that a short anchor at its
    /// start is found; each state reached that matches names the heads ending there, and each
    /// head's tails are compared with the folded bytes after it.
    fn matches(&self, text: &str, mut f: impl FnMut(&Tail, Span)) {
        let Some(table) = &self.automaton else {
            return;
        };
        let b = text.as_bytes();
        // `end` is the offset in `text` just after the byte read (the space before the letter
        // stands at offset -1).
        table.walk(b, |ends, end| {
            for h in ends {
                // Where the head starts, one more than its offset in the letter (the space
                // before the letter is at 0).
                let Some(head_start) = (end + 1).checked_sub(h.len as usize) else {
                    continue;
                };
                for tail in &self.tails[h.from as usize..h.to as usize] {
                    let rest = &self.tail_bytes[tail.rest.0 as usize..tail.rest.1 as usize];
                    let tail_end = end + rest.len();
                    if !rest.is_empty()
                        && !b.get(end..tail_end).is_some_and(|t| {
                            t.iter()
                                .zip(rest)
                                .all(|(&x, &r)| FOLDED[usize::from(x)] == r)
                        })
                    {
                        continue;
                    }
                    let Some(start) = (head_start + usize::from(tail.skip)).checked_sub(1) else {
                        continue;
                    };
                    f(tail, Span::new(start, tail_end));
                }
            }
        });
    }

    /// Finds cue phrases in `text` that stand on word boundaries (a gapped phrase is found when
    /// its parts stand in order with short gaps between them), and every anchor word that starts
    /// a word.
    pub(crate) fn scan(&self, text: &str) -> Scan {
        // Room for what prose usually holds: an anchor word every twenty bytes or so, a cue
        // phrase far more rarely.
        let mut raw: Vec<(Span, usize)> = Vec::with_capacity(text.len() / 128 + 1);
        let mut anchors: Vec<AnchorHit> = Vec::with_capacity(text.len() / 16 + 1);
        self.matches(text, |tail, span| {
            if tail.cue {
                raw.push((span, tail.pattern as usize));
            }
            if let Some(anchor) = tail.anchor {
                if starts_word(text, span) {
                    anchors.push(AnchorHit { span, anchor });
                }
            }
        });
        anchors.sort_by_key(|a| (a.span.start, a.span.end, a.anchor));
        // Leftmost-longest among the cue phrases.
        raw.sort_by_key(|&(s, p)| (s.start, std::cmp::Reverse(s.end), p));
        let mut chosen: Vec<(Span, usize)> = Vec::with_capacity(raw.len());
        let mut covered = 0;
        for (span, pattern) in raw {
            if span.start >= covered && !span.is_empty() {
                covered = span.end;
                chosen.push((span, pattern));
            }
        }

        let mut out = Vec::new();
        // Parts of gapped cues, by (rule, cue).
        let mut partial: HashMap<(usize, usize), Parts> = HashMap::new();
        for (span, pattern) in chosen {
            if !on_word_boundaries(text, span) {
                continue;
            }
            for t in &self.targets[pattern] {
                if t.parts == 1 {
                    out.push(CueHit {
                        span,
                        rule: t.rule,
                        cue: t.cue,
                    });
                } else {
                    partial
                        .entry((t.rule, t.cue))
                        .or_insert_with(|| (t.parts, Vec::new()))
                        .1
                        .push((t.part, span));
                }
            }
        }
        for ((rule, cue), (parts, hits)) in partial {
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
        Scan {
            cues: out,
            anchors,
            anchor_ids: self.anchor_ids,
        }
    }

    /// The cue phrases of [`CueIndex::scan`] alone.
    #[cfg(test)]
    fn find(&self, text: &str) -> Vec<CueHit> {
        self.scan(text).cues
    }
}

/// True when the span starts on a char boundary not just after an ASCII letter: an anchor starts
/// a word in the sense of the ASCII `\b` the gated patterns use (a digit or a non-ASCII letter
/// before it is allowed, so that "18hours" and "éArticle 6" are still looked at).
fn starts_word(text: &str, span: Span) -> bool {
    text.is_char_boundary(span.start)
        && (span.start == 0 || !text.as_bytes()[span.start - 1].is_ascii_alphabetic())
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
        let idx = CueIndex::build(&rules, &[]).unwrap();
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
        let idx = CueIndex::build(&rules, &[]).unwrap();
        let text = "This is COMMERCIALLY\nsensitive.";
        let hits = idx.find(text);
        assert!(hits
            .iter()
            .any(|h| h.span.slice(text) == "COMMERCIALLY\nsensitive"));
        assert!(spellings("council's").contains(&"council\u{2019}s".to_string()));
    }
}
