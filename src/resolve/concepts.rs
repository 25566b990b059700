//! Grounds inferred from *concepts*: a letter that argues a ground in its own words ("the
//! residents' e-mail addresses have been taken out, as they are personal to them") relies on it
//! even with no section number and no fixed phrase.
//!
//! The lexicons are data (`data/concepts/*.toml`, see `docs/concept-format.md`), matched on word
//! stems (Snowball English), so that "redacted", "redaction" and "redacting" are one word. Five
//! kinds of concept:
//!
//! - *action*: the authority withholds, redacts, removes, refuses ...;
//! - *harm*: release would cause harm ("if the rates were known", "would prejudice");
//! - *support*: a concept other concepts may require (the cost limit);
//! - *ground*: what the withheld information is or why it is withheld (personal data, commercial
//!   interests, cost ...), naming the grounds it supports in each regime;
//! - *conclusion*: words that make a sentence the decision drawn from the sentences before it
//!   ("therefore", "for these reasons"): a withholding there stands beside their ground terms.
//!
//! A ground concept infers its ground when, in one clause of one sentence, it stands with what
//! its file requires (an action, a harm, the cost limit) and holds at least its minimum number of
//! distinct terms. A negated action or harm ("have not been redacted", "would not harm") counts
//! for nothing; zones (quoted mail, the request repeated back, signatures) never infer; and the
//! status of the spans comes from [`super::status::assess`], so rights boilerplate, hedges and
//! general explanation only mention.
//!
//! Cost: the words of action, harm and support concepts are anchors of one gated pattern, found by
//! the matching stage's one automaton; only the sentences that hold one are tokenised and
//! stemmed. A letter with none costs nothing more. A token allocates nothing: its lower-case
//! form is a slice of the letter (or, for a word not written in lower case ASCII, of one buffer
//! per window), and its stem is the number the lexicon gave that stem when it was built
//! ([`StemTable`]), so that a term word matches it by comparing two numbers; a word whose stem
//! no term word has gets [`NO_STEM`], and one no term word can begin is not stemmed at all.

use std::collections::HashMap;

use once_cell::sync::Lazy;
use regex::Regex;
use rust_stemmers::{Algorithm, Stemmer};
use serde::Deserialize;

use super::{status, DetectedRegime, ResolvedRef};
use crate::matching::gate::{self, Gated};
use crate::rules::{expand_phrase, RuleSet};
use crate::text::{window, Text};
use crate::vocab::{Act, Qualification, Span, Status};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_concepts.rs"));
}

/// Most words a gap (`...`) in a term may hold.
const GAP: usize = 4;
/// How many words before an action or harm a negation is looked for (same phrase).
const NEG_BACK: usize = 8;
/// The gap marker in a term.
const GAP_MARK: &str = "...";

/// How far (bytes) from an action, harm or support word a ground term is looked for: a clause
/// or sentence that argues a ground holds both well within this.
const REACH: usize = 120;
/// How far (bytes) from an action word a conclusion word ("therefore") is looked for.
const CARRY_NEAR: usize = 60;
/// How many sentences before a concluding sentence its ground terms may stand in.
const CARRY_SENTENCES: usize = 2;
/// The longest sentence (bytes) a concluding sentence reads back into.
const CARRY_REACH: usize = 400;
/// The most white space (bytes) between a concluding sentence and the one before it.
const CARRY_GAP: usize = 8;
/// The longest sentence (bytes) read as a decision that gives no reasons of its own, before or
/// after its reasons: such a decision is short ("We have decided to withhold all of it.").
const DECISION_REACH: usize = 200;
/// How many sentences after a bare decision its reasons may stand in.
const LEAD_SENTENCES: usize = 4;
/// The most words after a bare decision's action word ("we have decided to withhold all of it").
const LEAD_TAIL: usize = 5;
/// Words after the action that give the decision a reason or condition of its own ("as it is not
/// held", "until the report is published"): such a decision is no bare one.
const LEAD_STOP: &[&str] = &[
    "as", "because", "since", "under", "due", "until", "unless", "if", "which", "given", "when",
    "where", "while", "once",
];
/// The fewest distinct terms of a ground concept the reasons after a bare decision hold.
const LEAD_TERMS: usize = 2;
/// Words that negate an action or harm ("not", "no", "never", "nothing", "without").
const NEGATORS: &[&str] = &[
    "not", "no", "never", "nothing", "none", "neither", "nor", "without", "cannot",
];
/// Words right after an action that empty it ("redacted nothing").
const NEGATORS_AFTER: &[&str] = &["nothing", "none"];
/// Words too common to anchor a term when it has another ("would", "than").
const ANCHOR_STOP: &[&str] = &[
    "would", "could", "might", "may", "more", "than", "the", "and", "been", "being", "make", "out",
    "put", "not", "each", "every", "likely", "if", "from", "were", "was", "are", "have", "has",
    "had", "them", "their", "this", "that", "with",
];
/// Function words: a term matches them as written, not by stem.
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "of", "to", "at", "in", "on", "by", "for", "from", "with", "and", "or", "as",
    "if", "be", "been", "is", "are", "was", "were", "it", "its", "our", "their", "them", "they",
    "we", "us", "you", "your", "this", "that", "these", "those", "would", "could", "might", "may",
    "will", "not", "no", "more", "than", "each", "every", "what", "whether", "which", "who", "him",
    "her", "his", "out", "back", "up", "then",
];
/// The longest of [`FUNCTION_WORDS`], in bytes.
const MAX_FUNCTION_WORD: usize = 7;
/// Words whose Snowball English stem does not begin with their first three letters.
const STEM_EXCEPTIONS: &[&str] = &["being", "skies", "dying", "lying", "tying"];
/// Words common in letters, that anchor a term only when it has no rarer word ("releasing ...
/// would harm" anchors on "harm").
const ANCHOR_COMMON: &[&str] = &[
    "held",
    "hold",
    "keep",
    "kept",
    "give",
    "given",
    "gave",
    "provide",
    "provided",
    "share",
    "shared",
    "supply",
    "supplied",
    "public",
    "take",
    "taken",
    "took",
    "taking",
    "cost",
    "lead",
    "result",
    "known",
    "sent",
    "regulations",
    "reasonable",
    "reasonably",
    "release",
    "released",
    "releasing",
    "disclose",
    "disclosed",
    "disclosure",
    "disclosing",
    "publication",
    "publishing",
    "publish",
    "published",
    "revealing",
    "information",
    "set",
    "allow",
    "permit",
    "result",
    "back",
    "through",
    "require",
    "required",
    "involve",
    "mean",
    "will",
    "council",
    "officer",
    "officers",
    "staff",
    "member",
    "members",
    "service",
    "services",
    "report",
    "plan",
    "read",
    "look",
    "go",
    "search",
    "resident",
    "residents",
    "supplier",
    "suppliers",
    "people",
    "person",
    "persons",
    "individual",
    "individuals",
    "authority",
    "department",
    "us",
    "case",
    "file",
    "record",
    "document",
    "email",
    "form",
    "details",
    "employee",
    "employees",
    "patient",
    "patients",
    "public",
    "trust",
    "team",
    "box",
    "folder",
    "company",
    "companies",
    "firm",
    "firms",
    "business",
    "businesses",
    "him",
    "her",
    "them",
];

/// Words that make an action only a possibility ("would have to redact").
const HYPOTHETICALS: &[&str] = &["would", "could", "might", "may", "if", "need", "needs"];
/// How many words before an action a modal is looked for.
const HYPOTHETICAL_BACK: usize = 16;
/// Words that start a new clause for co-occurrence and negation ("... but ...").
const CLAUSE_WORDS: &[&str] = &["but", "however", "whereas", "although"];
/// Words that start a new clause after a comma ("we have removed the duplicates, and the staff
/// details are below").
const COMMA_CLAUSE_WORDS: &[&str] = &["and", "or", "while"];
/// Pronoun subjects that make a clause after ", and" go on with the one before ("the details
/// are personal to the residents, and they have been removed").
const CONTINUING_SUBJECTS: &[&str] = &["they", "it", "these", "those", "this", "such"];
/// Words that end the reach of a negation looked for before an action ("no ... and ...").
const NEG_STOP: &[&str] = &[
    "and", "or", "which", "that", "as", "because", "since", "so", "while",
];

/// What a concept is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum ConceptKind {
    /// Withholding, redacting, refusing.
    Action,
    /// Harm from disclosure.
    Harm,
    /// A concept others require (the cost limit); infers nothing itself.
    Support,
    /// What is withheld or why: names the grounds it supports.
    Ground,
    /// Words that make a sentence the conclusion of the argument before it ("therefore", "for
    /// these reasons"): a withholding in such a sentence stands beside the ground terms of the
    /// sentences just before it. Infers nothing itself.
    Conclusion,
}

impl ConceptKind {
    /// Action, harm and support concepts are looked for through the automaton's anchors.
    fn anchored(self) -> bool {
        matches!(
            self,
            ConceptKind::Action | ConceptKind::Harm | ConceptKind::Support
        )
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConceptFile {
    name: String,
    kind: ConceptKind,
    #[allow(dead_code)]
    summary: Option<String>,
    terms: Vec<String>,
    #[serde(default)]
    except: Vec<String>,
    #[serde(default)]
    requires: Vec<String>,
    #[serde(default = "one")]
    min_terms: usize,
    #[serde(default)]
    scope: Scope,
    #[serde(default)]
    grounds: Vec<GroundFile>,
    /// Ground concepts: infer only in a letter that shows a regime one of `grounds` belongs to
    /// (never by default, in a letter that names no regime).
    #[serde(default)]
    needs_regime: bool,
    /// Conclusion concepts: words that, opening a sentence, refer it back to the one before
    /// ("This", "Doing so"), as written.
    #[serde(default)]
    openers: Vec<String>,
    /// Conclusion concepts: words that join a decision to the reasons before it inside its
    /// sentence (", so"), as written, in lower case.
    #[serde(default)]
    joiners: Vec<String>,
    /// Support concepts: a sentence holding two distinct terms of it concludes the sentences
    /// just before it, as a conclusion word does ("It would take about 300 hours. The law sets
    /// a limit of £450, which is 18 hours."): stating the limit after the estimate is the
    /// comparison.
    #[serde(default)]
    concludes: bool,
    #[serde(default)]
    examples: Vec<ConceptExample>,
    #[serde(default)]
    counter_examples: Vec<ConceptExample>,
}

fn one() -> usize {
    1
}

/// Where a ground concept's requirement must stand.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Scope {
    /// In the clause of one of its terms (`;`, "but", ", and" end a clause).
    #[default]
    Clause,
    /// Anywhere in the sentence (a cost argument states the work, then the limit).
    Sentence,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GroundFile {
    rule: String,
    provision: Option<String>,
}

/// An example or counter-example of a concept file.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) struct ConceptExample {
    /// The letter text.
    pub text: String,
    /// The ground it must (example) or must not (counter-example) be read as relying on.
    pub ground: Option<String>,
    #[allow(dead_code)]
    note: Option<String>,
}

/// What a ground concept needs beside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Requirement {
    Qualification(ConceptKind),
    Concept(usize),
}

/// One concept, loaded.
#[derive(Debug)]
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) struct Concept {
    /// Its name (`personal_data`).
    pub name: String,
    /// The file it came from.
    pub file: String,
    /// Its kind.
    pub kind: ConceptKind,
    requires: Vec<Requirement>,
    min_terms: usize,
    scope: Scope,
    /// (rule id, provision) in order of preference.
    grounds: Vec<(String, Option<String>)>,
    /// Infers only where the letter shows one of its grounds' regimes.
    needs_regime: bool,
    /// A support concept whose terms conclude the sentences before (see [`ConceptFile`]).
    concludes: bool,
    /// Examples.
    pub examples: Vec<ConceptExample>,
    /// Counter-examples.
    pub counter_examples: Vec<ConceptExample>,
}

/// One word of a term.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Word {
    /// Matches a token with this stem (its number in the lexicon's [`StemTable`]).
    Stem(StemId),
    /// A function word ("the", "of", "would"): matches the token as written, in lower case, so
    /// that a letter's function words need no stemming.
    Exact(String),
    /// Matches a token whose lower-case form starts with this (`identif*`).
    Prefix(String),
}

/// One expansion of one term as written.
#[derive(Debug)]
struct Term {
    /// Parts joined by gaps of up to [`GAP`] words.
    parts: Vec<Vec<Word>>,
    concept: usize,
    /// The term as written (its expansions share it), counted once for `min_terms`.
    written: usize,
    /// The term holds a negation itself ("not ... released"), so none is looked for around it.
    negative: bool,
    /// Words (lower case) its concept never matches, though they share a stem with a term
    /// ("refusal" beside "refuse").
    except: Vec<String>,
}

/// A term as a candidate for a match at a token that its first word matches, with the two words
/// most candidates fail on (see [`Lexicon::hits`]) kept beside its number, so that a candidate
/// turned down costs no read of the term.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    /// The term's index in [`Lexicon::terms`].
    term: u32,
    /// How many words the term's first part has.
    first_len: u32,
    /// The first part's second word.
    second: Quick,
    /// The second part's first word.
    next: Quick,
}

/// A word of a term as a [`Candidate`] holds it.
#[derive(Clone, Copy, Debug)]
enum Quick {
    /// There is no such word.
    Absent,
    /// [`Word::Stem`].
    Stem(StemId),
    /// [`Word::Exact`] of a word of up to 8 bytes: its length and bytes.
    Exact(u8, [u8; 8]),
    /// Any other word: the term's own word is read.
    InTerm,
}

impl Quick {
    fn of(word: Option<&Word>) -> Quick {
        match word {
            None => Quick::Absent,
            Some(Word::Stem(s)) => Quick::Stem(*s),
            Some(Word::Exact(e)) if e.len() <= 8 => {
                let mut bytes = [0u8; 8];
                bytes[..e.len()].copy_from_slice(e.as_bytes());
                Quick::Exact(e.len() as u8, bytes)
            }
            Some(_) => Quick::InTerm,
        }
    }

    /// [`word_matches`] of the word this stands for; `word` gives the term's own word.
    fn matches<'w>(self, t: &Token<'_>, word: impl FnOnce() -> Option<&'w Word>) -> bool {
        match self {
            Quick::Absent => false,
            Quick::Stem(s) => t.stem == s,
            Quick::Exact(len, bytes) => t.lower.as_bytes() == &bytes[..usize::from(len)],
            Quick::InTerm => word().is_some_and(|w| word_matches(w, t)),
        }
    }
}

impl Candidate {
    fn of(term: usize, t: &Term) -> Candidate {
        Candidate {
            term: term as u32,
            first_len: t.parts.first().map_or(0, Vec::len) as u32,
            second: Quick::of(t.parts.first().and_then(|p| p.get(1))),
            next: Quick::of(t.parts.get(1).and_then(|p| p.first())),
        }
    }
}

/// Whether two expansions of a term are the same words (stems merge "redact" and "redacted").
fn same_words(a: &[Vec<Word>], b: &[Vec<Word>]) -> bool {
    a == b
}

/// FNV-1a: the maps here are keyed by short words, for which it is several times cheaper than
/// the standard library's default hash (their keys come from the lexicon and the letter being
/// read, so flooding is no concern beyond the letter's own size).
#[derive(Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FnvMap<V> = HashMap<String, V, std::hash::BuildHasherDefault<Fnv>>;

/// A stem of a term word, by number (see [`StemTable`]); [`NO_STEM`] for a letter's word whose
/// stem no term word has.
type StemId = u32;

/// The stem of a word no term word can match.
const NO_STEM: StemId = StemId::MAX;

/// The stems of the lexicon's term words, numbered as they are first met, so that a letter's
/// token and a term word match by comparing two numbers.
#[derive(Debug, Default)]
struct StemTable {
    ids: FnvMap<StemId>,
    names: Vec<String>,
    /// While the lexicon is built: the term words met and their stems' numbers, so that each
    /// distinct word is stemmed once.
    words: FnvMap<StemId>,
}

impl StemTable {
    /// The number of `stem`, given it if it has none yet (the lexicon being built).
    fn intern(&mut self, stem: &str) -> StemId {
        if let Some(&id) = self.ids.get(stem) {
            return id;
        }
        let id = StemId::try_from(self.names.len()).unwrap_or(NO_STEM);
        self.ids.insert(stem.to_string(), id);
        self.names.push(stem.to_string());
        id
    }

    /// The number of the stem of `word` (in lower case), given it if it has none yet.
    fn intern_word(&mut self, word: &str) -> StemId {
        if let Some(&id) = self.words.get(word) {
            return id;
        }
        let id = self.intern(&full_stem(word));
        self.words.insert(word.to_string(), id);
        id
    }

    /// The number of `stem`, or [`NO_STEM`] when no term word has it.
    fn get(&self, stem: &str) -> StemId {
        self.ids.get(stem).copied().unwrap_or(NO_STEM)
    }

    /// The stem numbered `id` (empty for [`NO_STEM`]).
    fn name(&self, id: StemId) -> &str {
        usize::try_from(id)
            .ok()
            .and_then(|i| self.names.get(i))
            .map_or("", String::as_str)
    }

    /// How many stems are numbered.
    fn len(&self) -> usize {
        self.names.len()
    }
}

/// Letter words and the numbers of their stems, so that a word read again is not stemmed
/// again. Its numbers are those of the embedded lexicon's [`StemTable`] (the only one letters
/// are read with).
///
/// A cache of two ways a set, the set chosen by the word's hash: each slot holds one word (up
/// to [`SLOT_WORD`] bytes) inline beside its number, and a set is one cache line, so a look-up
/// reads one line and follows no pointer. A word pushed out of its set since only costs a
/// stemming again (a stem is a function of the word); longer words are stemmed each time.
#[derive(Default)]
struct Stems {
    /// [`STEM_SETS`] sets once the first word is kept.
    sets: Vec<StemSet>,
}

/// The longest word a [`Slot`] holds.
const SLOT_WORD: usize = 27;

/// How many sets a thread's [`Stems`] has (64 bytes each, 256 KiB in all): the words of
/// letters repeat from one letter to the next.
const STEM_SETS: usize = 1 << 12;

/// One word of [`Stems`] and its stem's number; `len` 0 when empty.
#[derive(Clone, Copy)]
#[repr(C)]
struct Slot {
    len: u8,
    word: [u8; SLOT_WORD],
    id: StemId,
}

/// The two slots of a set, the one used last first.
#[derive(Clone, Copy)]
#[repr(C, align(64))]
struct StemSet([Slot; 2]);

impl Slot {
    fn holds(&self, w: &[u8]) -> bool {
        usize::from(self.len) == w.len() && &self.word[..w.len()] == w
    }
}

impl Stems {
    /// The set `word` belongs in.
    fn set(word: &[u8]) -> usize {
        use std::hash::Hasher;
        let mut h = Fnv::default();
        h.write(word);
        let h = h.finish();
        ((h ^ h >> 29) as usize) & (STEM_SETS - 1)
    }

    /// The number kept for `word`, if it is kept.
    fn get(&self, word: &str) -> Option<StemId> {
        let w = word.as_bytes();
        let set = self.sets.get(Stems::set(w))?;
        set.0.iter().find(|s| s.holds(w)).map(|s| s.id)
    }

    /// Keeps `id` for `word` (in place of the word of its set used least lately).
    fn insert(&mut self, word: &str, id: StemId) {
        let w = word.as_bytes();
        if w.is_empty() || w.len() > SLOT_WORD {
            return;
        }
        if self.sets.is_empty() {
            let empty = Slot {
                len: 0,
                word: [0; SLOT_WORD],
                id: NO_STEM,
            };
            self.sets = vec![StemSet([empty; 2]); STEM_SETS];
        }
        let set = &mut self.sets[Stems::set(w)];
        set.0[1] = set.0[0];
        let slot = &mut set.0[0];
        slot.len = w.len() as u8;
        slot.word = [0; SLOT_WORD];
        slot.word[..w.len()].copy_from_slice(w);
        slot.id = id;
    }
}

impl std::fmt::Debug for Stems {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Stems")
    }
}

/// What the reading of one window leaves for the next: the thread's [`Stems`], and a buffer
/// for the lower-case forms of words (see [`tokenize_with`]).
struct Scratch {
    stems: Stems,
    lowered: String,
}

thread_local! {
    /// The stems of the words read on this thread (a stem is a function of the word).
    static STEMS: std::cell::RefCell<Stems> = std::cell::RefCell::new(Stems::default());
}

/// Which three-byte beginnings term words have: one bit per beginning, folded to five bits a
/// byte (a collision only costs a word a needless stemming).
struct Heads(Vec<u64>);

impl Default for Heads {
    fn default() -> Heads {
        Heads(vec![0; (1 << 15) / 64])
    }
}

impl std::fmt::Debug for Heads {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Heads")
    }
}

impl Heads {
    fn index(word: &[u8]) -> Option<usize> {
        let h = word.get(..3)?;
        Some(usize::from(h[0] & 31) << 10 | usize::from(h[1] & 31) << 5 | usize::from(h[2] & 31))
    }

    fn insert(&mut self, word: &[u8]) {
        if let Some(i) = Heads::index(word) {
            self.0[i / 64] |= 1 << (i % 64);
        } else if let [a, b] = *word {
            // A two-letter term word ("go" in "go through") heads every longer word it begins
            // ("going", "goes"), whatever the third letter.
            for c in 0..32u8 {
                if let Some(i) = Heads::index(&[a, b, c]) {
                    self.0[i / 64] |= 1 << (i % 64);
                }
            }
        }
    }

    /// False when no term word begins with `word`'s first three bytes.
    fn may_hold(&self, word: &[u8]) -> bool {
        Heads::index(word).is_some_and(|i| self.0[i / 64] >> (i % 64) & 1 == 1)
    }
}

/// The compiled lexicons.
#[derive(Debug)]
pub(crate) struct Lexicon {
    /// Every concept.
    pub concepts: Vec<Concept>,
    terms: Vec<Term>,
    /// The stems of the term words.
    stems: StemTable,
    /// Terms by the stem of their first word: those of stem `s` are
    /// `by_first[first_at[s]..first_at[s + 1]]`.
    first_at: Vec<u32>,
    by_first: Vec<Candidate>,
    /// Terms whose first word is a function word, by that word.
    by_exact: FnvMap<Vec<Candidate>>,
    /// Terms whose first word is a prefix.
    by_prefix: Vec<(String, Candidate)>,
    /// The first three bytes of the prefixes of [`Lexicon::by_prefix`].
    prefix_heads: Heads,
    /// For each first byte of a key of [`Lexicon::by_exact`], a bit for each length (in bytes,
    /// at most [`MAX_FUNCTION_WORD`]) of the keys with it: most words need no look-up.
    exact_lens: Vec<u8>,
    /// The anchor words of action, harm and support terms.
    gated: Gated,
    /// The anchor words of ground terms.
    gated_ground: Gated,
    /// The anchor words of conclusion terms (none without a conclusion concept).
    gated_conclusion: Option<Gated>,
    /// The openers of conclusion concepts, each followed by a space.
    openers: Vec<String>,
    /// The joiners of conclusion concepts, each followed by a space.
    joiners: Vec<String>,
    /// The joiners as one automaton, ASCII case aside (they are in lower case): a stretch of
    /// the letter holds one in lower case exactly when it holds one in any ASCII case. `None`
    /// when there are none.
    joiner_ac: Option<aho_corasick::AhoCorasick>,
    /// The first three bytes of every term word.
    heads: Heads,
}

static STEMMER: Lazy<Stemmer> = Lazy::new(|| Stemmer::create(Algorithm::English));

/// The stems of [`NEGATORS`].
static NEGATOR_STEMS: Lazy<Vec<String>> = Lazy::new(|| {
    NEGATORS
        .iter()
        .map(|n| STEMMER.stem(n).into_owned())
        .collect()
});

static LEXICON: Lazy<Result<Lexicon, String>> =
    Lazy::new(|| Lexicon::load(embedded::EMBEDDED_CONCEPTS.iter().copied()));

/// The embedded lexicons, or why they do not load (the crate's tests rule that out).
pub(crate) fn lexicon() -> Result<&'static Lexicon, &'static str> {
    LEXICON.as_ref().map_err(String::as_str)
}

/// The gated pattern of the concept anchors (none when the lexicons do not load).
pub(crate) fn gated() -> impl Iterator<Item = &'static Gated> {
    lexicon()
        .ok()
        .into_iter()
        .flat_map(|l| {
            [
                Some(&l.gated),
                Some(&l.gated_ground),
                l.gated_conclusion.as_ref(),
            ]
        })
        .flatten()
}

/// A word token of a sentence.
#[derive(Debug)]
struct Token<'a> {
    span: Span,
    /// The word in lower case: a slice of the letter when it is written in lower case ASCII
    /// (most words are), else of the window's buffer of lower-cased words; "not" for "n't".
    lower: &'a str,
    /// The number of its stem ([`NO_STEM`] when no term word has it).
    stem: StemId,
    /// Clauses are split by `;` and "but", "however" ...
    clause: u32,
    /// Phrases are clauses split further by `,` `:` and brackets (negation scope).
    phrase: u32,
}

/// Where a token's lower-case form is while its window is read (see [`Token::lower`]).
#[derive(Clone, Copy, Debug)]
enum Lower {
    /// The letter's bytes `a..b`, written in lower case.
    Src(usize, usize),
    /// The buffer's bytes `a..b`.
    Buf(usize, usize),
    /// "not", for "n't".
    Not,
}

/// A [`Token`] while its window is read.
struct RawToken {
    span: Span,
    lower: Lower,
    stem: StemId,
    clause: u32,
    phrase: u32,
    /// This word (", and", ", or") started a clause after a comma.
    comma_clause: bool,
    /// This word is one of [`CONTINUING_SUBJECTS`].
    pronoun: bool,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// A word (in lower case) as the stemmer would have it: words of one or two letters are their
/// own stem.
fn full_stem(lower: &str) -> std::borrow::Cow<'_, str> {
    if lower.len() <= 2 {
        std::borrow::Cow::Borrowed(lower)
    } else {
        STEMMER.stem(lower)
    }
}

/// The word tokens of `src[w]`: runs of letters and digits, lower-cased, each with the number of
/// its stem from `stem_of` (given the word in lower case); "n't" becomes "not" and a possessive
/// "'s" is dropped. `buf` receives the lower-case forms of the words not written in lower case
/// ASCII, so that a word allocates nothing of its own.
fn tokenize_with<'a>(
    src: &'a str,
    w: Span,
    buf: &'a mut String,
    mut stem_of: impl FnMut(&str) -> StemId,
) -> Vec<Token<'a>> {
    buf.clear();
    let s = w.slice(src);
    // About a word to every six bytes of prose.
    let mut out: Vec<RawToken> = Vec::with_capacity(s.len() / 6 + 1);
    let (mut clause, mut phrase) = (0u32, 0u32);
    let mut start: Option<usize> = None;
    let mut prev: Option<char> = None;
    let mut before_word: Option<char> = None;
    let mut comma = false;
    let mut push = |out: &mut Vec<RawToken>,
                    a: usize,
                    b: usize,
                    before: Option<char>,
                    c: &mut u32,
                    comma: &mut bool| {
        let word = &s[a..b];
        let after_apostrophe = before.filter(|&c| is_apostrophe(c)).is_some_and(|c| {
            s.get(..a.saturating_sub(c.len_utf8()))
                .and_then(|b| b.chars().next_back())
                .is_some_and(char::is_alphanumeric)
        });
        let lower = if after_apostrophe && matches!(word, "s" | "S") {
            return;
        } else if after_apostrophe && matches!(word, "t" | "T") {
            Lower::Not
        } else if word
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        {
            Lower::Src(w.start + a, w.start + b)
        } else {
            let from = buf.len();
            if word.is_ascii() {
                buf.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            } else {
                buf.push_str(&word.to_lowercase());
            }
            Lower::Buf(from, buf.len())
        };
        let text = match lower {
            Lower::Src(x, y) => &src[x..y],
            Lower::Buf(x, y) => &buf[x..y],
            Lower::Not => "not",
        };
        let comma_clause = *comma && COMMA_CLAUSE_WORDS.contains(&text);
        if CLAUSE_WORDS.contains(&text) || comma_clause {
            *c += 1;
        }
        *comma = false;
        let stem = stem_of(text);
        out.push(RawToken {
            span: Span::new(w.start + a, w.start + b),
            lower,
            stem,
            clause: *c,
            phrase: 0,
            comma_clause,
            pronoun: CONTINUING_SUBJECTS.contains(&text),
        });
    };
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // An ASCII byte is its char; any other char is decoded where it starts.
        let (ch, word) = if b.is_ascii() {
            (char::from(b), b.is_ascii_alphanumeric())
        } else {
            let Some(c) = s.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            (c, c.is_alphanumeric())
        };
        let at = i;
        i += ch.len_utf8();
        if word {
            if start.is_none() {
                start = Some(at);
                before_word = prev;
            }
        } else {
            if let Some(a) = start.take() {
                push(&mut out, a, at, before_word, &mut clause, &mut comma);
                if let Some(t) = out.last_mut() {
                    t.phrase = phrase;
                }
            }
            match ch {
                ';' => {
                    clause += 1;
                    phrase += 1;
                }
                ',' => {
                    phrase += 1;
                    comma = true;
                }
                ':' | '(' | ')' | '\u{2013}' | '\u{2014}' => phrase += 1,
                _ => {}
            }
        }
        prev = Some(ch);
    }
    if let Some(a) = start {
        push(&mut out, a, s.len(), before_word, &mut clause, &mut comma);
        if let Some(t) = out.last_mut() {
            t.phrase = phrase;
        }
    }
    // ", and they have been removed": a clause whose subject is a pronoun goes on with the one
    // before it (what "they" are is said there).
    let mut merged = 0;
    for k in 0..out.len() {
        out[k].clause -= merged;
        if out[k].comma_clause && out.get(k + 1).is_some_and(|t| t.pronoun) {
            merged += 1;
            out[k].clause -= 1;
        }
    }
    // A clause word also starts a new phrase.
    let mut extra = 0;
    let mut last_clause = 0;
    for t in &mut out {
        if t.clause != last_clause {
            extra += 1;
            last_clause = t.clause;
        }
        t.phrase += extra;
    }
    let buf: &'a str = buf;
    out.into_iter()
        .map(|t| Token {
            span: t.span,
            lower: match t.lower {
                Lower::Src(x, y) => &src[x..y],
                Lower::Buf(x, y) => &buf[x..y],
                Lower::Not => "not",
            },
            stem: t.stem,
            clause: t.clause,
            phrase: t.phrase,
        })
        .collect()
}

/// The tokens of a term word or words, stems numbered in `table` (the lexicon being built).
fn term_tokens<'a>(src: &'a str, buf: &'a mut String, table: &mut StemTable) -> Vec<Token<'a>> {
    tokenize_with(src, Span::new(0, src.len()), buf, |l| table.intern_word(l))
}

/// The longest common prefix of two strings, on a char boundary.
fn common_prefix<'a>(a: &'a str, b: &str) -> &'a str {
    let n = a
        .char_indices()
        .zip(b.chars())
        .take_while(|((_, x), y)| x == y)
        .last()
        .map_or(0, |((i, x), _)| i + x.len_utf8());
    &a[..n]
}

/// A lexicon as its concept files are read into it, one at a time.
#[derive(Default)]
struct Loader {
    terms: Vec<Term>,
    /// The anchors of action, harm and support terms.
    anchors: Vec<String>,
    ground_anchors: Vec<String>,
    conclusion_anchors: Vec<String>,
    openers: Vec<String>,
    joiners: Vec<String>,
    /// How many terms have been read, as written (before expansion).
    written: usize,
    table: StemTable,
}

/// The terms indexed by their first word (see [`Lexicon`]'s fields of the same names).
struct FirstWords {
    first_at: Vec<u32>,
    by_first: Vec<Candidate>,
    by_exact: FnvMap<Vec<Candidate>>,
    by_prefix: Vec<(String, Candidate)>,
}

impl Loader {
    /// Reads concept file `f` (number `ci`, from `file`); `index` numbers every concept by name.
    fn concept(
        &mut self,
        ci: usize,
        file: String,
        f: ConceptFile,
        index: &HashMap<String, usize>,
    ) -> Result<Concept, String> {
        let err = |m: String| format!("{file}: {m}");
        let requires = requirements(&f, index).map_err(err)?;
        check_concept_file(&f, &requires).map_err(err)?;
        self.openers
            .extend(f.openers.iter().map(|o| format!("{} ", o.trim())));
        self.joiners.extend(
            f.joiners
                .iter()
                .map(|o| format!("{} ", o.trim().to_lowercase())),
        );
        self.terms_of(ci, &f).map_err(err)?;
        Ok(Concept {
            name: f.name,
            file,
            kind: f.kind,
            requires,
            min_terms: f.min_terms,
            scope: f.scope,
            grounds: f
                .grounds
                .into_iter()
                .map(|g| (g.rule, g.provision))
                .collect(),
            needs_regime: f.needs_regime,
            concludes: f.concludes,
            examples: f.examples,
            counter_examples: f.counter_examples,
        })
    }

    /// Reads the terms of concept file `f` (number `ci`): each expansion of each, with its
    /// anchor (a term that expands into the same words twice is kept once).
    fn terms_of(&mut self, ci: usize, f: &ConceptFile) -> Result<(), String> {
        let except: Vec<String> = f.except.iter().map(|w| w.to_lowercase()).collect();
        for t in &f.terms {
            let first = self.terms.len();
            for v in expand_phrase(t).map_err(|e| format!("term {t:?}: {e}"))? {
                let mut term = Lexicon::term(&v, ci, self.written, &mut self.table)?;
                term.except.clone_from(&except);
                let anchor = Lexicon::anchor(&v, &mut self.table).ok_or_else(|| {
                    format!("term {v:?} has no ASCII word of 3 letters to anchor it")
                })?;
                match f.kind {
                    ConceptKind::Ground => self.ground_anchors.push(anchor),
                    ConceptKind::Conclusion => self.conclusion_anchors.push(anchor),
                    _ => {
                        if f.concludes {
                            self.conclusion_anchors.push(anchor.clone());
                        }
                        self.anchors.push(anchor);
                    }
                }
                if !self.terms[first..]
                    .iter()
                    .any(|o: &Term| same_words(&o.parts, &term.parts))
                {
                    self.terms.push(term);
                }
            }
            self.written += 1;
        }
        Ok(())
    }

    /// The terms indexed by their first word: a stem, a function word or a prefix.
    fn first_words(&self) -> Result<FirstWords, String> {
        let mut stem_lists: Vec<Vec<Candidate>> = vec![Vec::new(); self.table.len()];
        let mut by_exact: FnvMap<Vec<Candidate>> = FnvMap::default();
        let mut by_prefix = Vec::new();
        if u32::try_from(self.terms.len()).is_err() {
            return Err("too many terms".into());
        }
        for (i, t) in self.terms.iter().enumerate() {
            let c = Candidate::of(i, t);
            match t.parts.first().and_then(|p| p.first()) {
                Some(Word::Stem(s)) => {
                    match usize::try_from(*s).ok().and_then(|s| stem_lists.get_mut(s)) {
                        Some(list) => list.push(c),
                        None => return Err("too many stems".into()),
                    }
                }
                Some(Word::Exact(e)) => by_exact.entry(e.clone()).or_default().push(c),
                Some(Word::Prefix(p)) => by_prefix.push((p.clone(), c)),
                None => return Err("an empty term".into()),
            }
        }
        let mut first_at = Vec::with_capacity(stem_lists.len() + 1);
        let mut by_first = Vec::new();
        for list in stem_lists {
            first_at.push(by_first.len() as u32);
            by_first.extend(list);
        }
        first_at.push(by_first.len() as u32);
        Ok(FirstWords {
            first_at,
            by_first,
            by_exact,
            by_prefix,
        })
    }

    /// The lexicon of `concepts` and the terms read.
    fn finish(mut self, concepts: Vec<Concept>) -> Result<Lexicon, String> {
        self.table.words = FnvMap::default();
        let FirstWords {
            first_at,
            by_first,
            by_exact,
            by_prefix,
        } = self.first_words()?;
        let mut prefix_heads = Heads::default();
        for (p, _) in &by_prefix {
            prefix_heads.insert(p.as_bytes());
        }
        let mut exact_lens = vec![0u8; 256];
        for k in by_exact.keys() {
            if let (Some(&b), 1..=MAX_FUNCTION_WORD) = (k.as_bytes().first(), k.len()) {
                exact_lens[usize::from(b)] |= 1 << k.len();
            }
        }
        let mut heads = Heads::default();
        for w in self.terms.iter().flat_map(|t| t.parts.iter().flatten()) {
            match w {
                Word::Stem(s) => heads.insert(self.table.name(*s).as_bytes()),
                Word::Prefix(p) => heads.insert(p.as_bytes()),
                Word::Exact(_) => {}
            }
        }
        let joiners = self.joiners;
        Ok(Lexicon {
            heads,
            stems: self.table,
            concepts,
            terms: self.terms,
            first_at,
            by_first,
            by_exact,
            by_prefix,
            prefix_heads,
            exact_lens,
            gated: Lexicon::gated(self.anchors),
            gated_ground: Lexicon::gated(self.ground_anchors),
            gated_conclusion: (!self.conclusion_anchors.is_empty())
                .then(|| Lexicon::gated(self.conclusion_anchors)),
            openers: self.openers,
            joiner_ac: (!joiners.is_empty())
                .then(|| {
                    aho_corasick::AhoCorasick::builder()
                        .ascii_case_insensitive(true)
                        .build(&joiners)
                        .ok()
                })
                .flatten(),
            joiners,
        })
    }
}

/// What concept file `f` requires: kinds of concept, or concepts by name (`index`).
fn requirements(
    f: &ConceptFile,
    index: &HashMap<String, usize>,
) -> Result<Vec<Requirement>, String> {
    let mut requires = Vec::new();
    for r in &f.requires {
        let req = match r.as_str() {
            "action" => Requirement::Qualification(ConceptKind::Action),
            "harm" => Requirement::Qualification(ConceptKind::Harm),
            other => match index.get(other) {
                Some(&i) => Requirement::Concept(i),
                None => return Err(format!("requires unknown concept {other:?}")),
            },
        };
        requires.push(req);
    }
    Ok(requires)
}

/// Checks what concept file `f` (requiring `requires`) may have for its kind.
fn check_concept_file(f: &ConceptFile, requires: &[Requirement]) -> Result<(), String> {
    if f.kind == ConceptKind::Ground {
        if requires.is_empty() || f.grounds.is_empty() {
            return Err("a ground concept needs `requires` and `grounds`".into());
        }
        if f.examples.iter().any(|e| e.ground.is_none()) {
            return Err("each example of a ground concept names its ground".into());
        }
    } else if !f.grounds.is_empty() {
        return Err("only ground concepts name grounds".into());
    }
    if f.min_terms == 0 {
        return Err("min_terms must be at least 1".into());
    }
    if f.concludes && f.kind != ConceptKind::Support {
        return Err("only support concepts conclude".into());
    }
    if (!f.openers.is_empty() || !f.joiners.is_empty()) && f.kind != ConceptKind::Conclusion {
        return Err("only conclusion concepts have openers and joiners".into());
    }
    Ok(())
}

impl Lexicon {
    /// Loads and checks concept files given as `(file name, contents)`.
    fn load<'a>(sources: impl Iterator<Item = (&'a str, &'a str)>) -> Result<Lexicon, String> {
        let mut files: Vec<(String, ConceptFile)> = Vec::new();
        for (name, src) in sources {
            let f: ConceptFile = toml::from_str(src).map_err(|e| format!("{name}: {e}"))?;
            files.push((name.to_string(), f));
        }
        let index: HashMap<String, usize> = files
            .iter()
            .enumerate()
            .map(|(i, (_, f))| (f.name.clone(), i))
            .collect();
        if index.len() != files.len() {
            return Err("two concept files share a name".into());
        }
        let mut loader = Loader::default();
        let mut concepts = Vec::new();
        for (ci, (file, f)) in files.into_iter().enumerate() {
            concepts.push(loader.concept(ci, file, f, &index)?);
        }
        for c in &concepts {
            for r in &c.requires {
                if let Requirement::Concept(i) = r {
                    if !concepts[*i].kind.anchored() {
                        return Err(format!(
                            "{}: a required concept must be an action, harm or support concept",
                            c.file
                        ));
                    }
                }
            }
        }
        loader.finish(concepts)
    }

    /// A gated pattern that finds each of `anchors` at the start of a word, as the matching
    /// stage finds anchors. The lexicon lives as long as the program, so its strings do too.
    fn gated(mut anchors: Vec<String>) -> Gated {
        anchors.sort();
        anchors.dedup();
        let pattern = format!(
            "(?i-u:\\b(?:{}))",
            anchors
                .iter()
                .map(|a| regex::escape(a))
                .collect::<Vec<_>>()
                .join("|")
        );
        let anchors: Vec<&'static str> = anchors
            .into_iter()
            .map(|a| &*Box::leak(a.into_boxed_str()))
            .collect();
        let anchors: &'static [&'static str] = Box::leak(anchors.into_boxed_slice());
        let pattern: &'static str = Box::leak(pattern.into_boxed_str());
        Gated::new(anchors, pattern)
    }

    /// Compiles one expansion of a term.
    fn term(
        v: &str,
        concept: usize,
        written: usize,
        table: &mut StemTable,
    ) -> Result<Term, String> {
        let mut buf = String::new();
        let mut parts = Vec::new();
        for part in v.split(GAP_MARK) {
            let mut words = Vec::new();
            for w in part.split_whitespace() {
                if let Some(p) = w.strip_suffix('*') {
                    // "counter-terror*": stems, then the last word as a prefix.
                    let toks = term_tokens(p, &mut buf, table);
                    let Some((last, before)) = toks.split_last() else {
                        return Err(format!("prefix {w:?} is empty"));
                    };
                    if last.lower.len() < 3 || !p.ends_with(char::is_alphanumeric) {
                        return Err(format!("prefix {w:?} must end in 3 letters or more"));
                    }
                    words.extend(before.iter().map(|t| Word::Stem(t.stem)));
                    words.push(Word::Prefix(last.lower.to_string()));
                } else {
                    for t in term_tokens(w, &mut buf, table) {
                        if FUNCTION_WORDS.contains(&t.lower) {
                            words.push(Word::Exact(t.lower.to_string()));
                        } else {
                            words.push(Word::Stem(t.stem));
                        }
                    }
                }
            }
            if words.is_empty() {
                return Err(format!("term {v:?} has an empty part"));
            }
            parts.push(words);
        }
        let negative = parts.iter().flatten().any(|w| match w {
            Word::Stem(s) => NEGATOR_STEMS.iter().any(|n| n == table.name(*s)),
            Word::Exact(e) => NEGATORS.contains(&e.as_str()),
            Word::Prefix(_) => false,
        });
        Ok(Term {
            parts,
            concept,
            written,
            negative,
            except: Vec::new(),
        })
    }

    /// The anchor of a term: the longest of its words' stable beginnings (a word and its stem
    /// share it: "redact" for "redacted"), at least 3 ASCII letters.
    fn anchor(v: &str, table: &mut StemTable) -> Option<String> {
        let mut buf = String::new();
        v.split(GAP_MARK)
            .flat_map(str::split_whitespace)
            .flat_map(|w| {
                if let Some(p) = w.strip_suffix('*') {
                    let last = term_tokens(p, &mut buf, table).pop();
                    return last
                        .map(|t| (t.lower.to_string(), t.lower.to_string()))
                        .into_iter()
                        .collect();
                }
                term_tokens(w, &mut buf, table)
                    .into_iter()
                    .map(|t| {
                        (
                            common_prefix(t.lower, table.name(t.stem)).to_string(),
                            t.lower.to_string(),
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .filter(|(a, _)| a.len() >= 3 && a.is_ascii())
            // Rare words first, then the longest, then the first: "cost more than" anchors on
            // "cost", "{kept|held} back" on "back".
            .enumerate()
            .max_by_key(|(i, (a, word))| {
                let rank = if ANCHOR_STOP.contains(&word.as_str()) {
                    0
                } else if ANCHOR_COMMON.contains(&word.as_str()) {
                    1
                } else {
                    2
                };
                (rank, a.len(), usize::MAX - i)
            })
            .map(|(_, (a, _))| a)
    }
}

/// One match of a term in a sentence.
#[derive(Clone, Copy, Debug)]
struct Hit {
    concept: usize,
    written: usize,
    first: usize,
    last: usize,
    negated: bool,
}

fn word_matches(w: &Word, t: &Token<'_>) -> bool {
    match w {
        Word::Stem(s) => t.stem == *s,
        Word::Exact(e) => t.lower == *e,
        Word::Prefix(p) => t.lower.starts_with(p.as_str()),
    }
}

/// The last token of a match of `parts` starting at token `i`, if there is one.
fn match_parts(parts: &[Vec<Word>], toks: &[Token<'_>], i: usize) -> Option<usize> {
    let (first, rest) = parts.split_first()?;
    let end = i + first.len();
    if end > toks.len()
        || !first
            .iter()
            .zip(&toks[i..end])
            .all(|(w, t)| word_matches(w, t))
    {
        return None;
    }
    if rest.is_empty() {
        return Some(end - 1);
    }
    (end..=end + GAP)
        .take_while(|&j| j < toks.len())
        .find_map(|j| match_parts(rest, toks, j))
}

/// A ground inferred from concepts in one sentence.
#[derive(Clone, Debug)]
pub(crate) struct Inference {
    /// Index of the rule in the rule set.
    pub rule: usize,
    /// The provision the concept file names for it.
    pub provision: Option<String>,
    /// Relied on, mentioned or disclaimed, from the spans' context.
    pub status: Status,
    /// The spans that made it, each with its concept's name (the ground concept's terms and
    /// the action, harm or support term beside them).
    pub spans: Vec<(Span, &'static str)>,
}

impl Lexicon {
    /// Whether a letter's word needs stemming: only one whose first three bytes begin a term
    /// word can match one (a Snowball English stem keeps a word's first three letters, but for
    /// the few words in [`STEM_EXCEPTIONS`]). Words of one or two letters are their own stem.
    fn may_match(&self, lower: &str) -> bool {
        lower.len() > 2
            && (self.heads.may_hold(lower.as_bytes()) || STEM_EXCEPTIONS.contains(&lower))
    }

    /// The number of the stem of a letter's word (in lower case) for matching: [`NO_STEM`]
    /// when no term word can match it, and asked of the stemmer once per distinct word read on
    /// the thread (`stems`).
    fn stem_of(&self, lower: &str, stems: &mut Stems) -> StemId {
        if lower.len() <= 2 {
            return self.stems.get(lower);
        }
        if !self.may_match(lower) {
            return NO_STEM;
        }
        if let Some(id) = stems.get(lower) {
            return id;
        }
        let id = self.stems.get(&STEMMER.stem(lower));
        stems.insert(lower, id);
        id
    }

    /// False when no key of [`Lexicon::by_exact`] has `lower`'s first byte and length.
    fn may_be_exact(&self, lower: &str) -> bool {
        match (lower.as_bytes().first(), lower.len()) {
            (Some(&b), 1..=MAX_FUNCTION_WORD) => {
                self.exact_lens[usize::from(b)] >> lower.len() & 1 == 1
            }
            _ => false,
        }
    }

    /// Every term match in `toks`.
    fn hits(&self, toks: &[Token<'_>]) -> Vec<Hit> {
        let mut hits = Vec::new();
        for (i, tok) in toks.iter().enumerate() {
            let by_stem: &[Candidate] = match usize::try_from(tok.stem) {
                Ok(st) if st + 1 < self.first_at.len() => {
                    &self.by_first[self.first_at[st] as usize..self.first_at[st + 1] as usize]
                }
                _ => &[],
            };
            let by_stem = by_stem.iter().chain(
                self.may_be_exact(tok.lower)
                    .then(|| self.by_exact.get(tok.lower))
                    .flatten()
                    .into_iter()
                    .flatten(),
            );
            // A prefix (3 bytes or more) shares the word's first three bytes.
            let prefixes: &[(String, Candidate)] =
                if self.prefix_heads.may_hold(tok.lower.as_bytes()) {
                    &self.by_prefix
                } else {
                    &[]
                };
            let by_prefix = prefixes
                .iter()
                .filter(|(p, _)| tok.lower.starts_with(p.as_str()))
                .map(|(_, c)| c);
            for c in by_stem.chain(by_prefix) {
                // Most candidates fail on their second word, or on the first word of their
                // second part within a gap's reach: those are tested first, from the candidate.
                let term_word = |part: usize, k: usize| {
                    move || {
                        self.terms[c.term as usize]
                            .parts
                            .get(part)
                            .and_then(|p| p.get(k))
                    }
                };
                if !matches!(c.second, Quick::Absent)
                    && toks
                        .get(i + 1)
                        .is_none_or(|t| !c.second.matches(t, term_word(0, 1)))
                {
                    continue;
                }
                if !matches!(c.next, Quick::Absent) {
                    let first_len = c.first_len as usize;
                    let from = (i + first_len).min(toks.len());
                    let to = (i + first_len + GAP + 1).min(toks.len());
                    if !toks[from..to]
                        .iter()
                        .any(|t| c.next.matches(t, term_word(1, 0)))
                    {
                        continue;
                    }
                }
                let term = &self.terms[c.term as usize];
                let Some(last) = match_parts(&term.parts, toks, i) else {
                    continue;
                };
                if !term.except.is_empty()
                    && toks[i..=last]
                        .iter()
                        .any(|t| term.except.iter().any(|e| e == t.lower))
                {
                    continue;
                }
                let kind = self.concepts[term.concept].kind;
                let negated = !term.negative
                    && match kind {
                        ConceptKind::Action => {
                            negated(toks, i, last)
                                || hypothetical(toks, i) && !in_any_event(toks, last)
                        }
                        ConceptKind::Harm => negated(toks, i, last),
                        // "not provided in confidence": the term itself denied.
                        ConceptKind::Ground => {
                            i > 0 && matches!(toks[i - 1].lower, "not" | "never")
                        }
                        _ => false,
                    };
                hits.push(Hit {
                    concept: term.concept,
                    written: term.written,
                    first: i,
                    last,
                    negated,
                });
            }
        }
        hits
    }

    /// True when the concluding sentence (from byte `from`) states a concluding support concept
    /// in full: two distinct terms of it ("a limit of £450, which is 18 hours"), not a passing
    /// "limit".
    fn states_support(&self, hits: &[Hit], toks: &[Token<'_>], from: usize) -> bool {
        let mut seen: Vec<(usize, usize)> = hits
            .iter()
            .filter(|h| {
                self.concepts[h.concept].concludes && !h.negated && toks[h.first].span.start >= from
            })
            .map(|h| (h.concept, h.written))
            .collect();
        seen.sort_unstable();
        seen.dedup();
        seen.windows(2).any(|w| w[0].0 == w[1].0)
    }

    /// [`Lexicon::infer_window`] for a decision read beside reasons that no conclusion word joins
    /// to it: the reasons argue the decision, so only what they rely on is kept.
    fn infer_relied(
        &self,
        text: &Text<'_>,
        at: &Grounds<'_>,
        w: Span,
        carry: Carry,
        scratch: &mut Scratch,
        out: &mut Vec<Inference>,
    ) {
        let before = out.len();
        self.infer_window(text, at, w, Some(carry), scratch, out);
        let relied: Vec<Inference> = out
            .drain(before..)
            .filter(|i| i.status == Status::ReliedOn)
            .collect();
        out.extend(relied);
    }

    /// The grounds the sentence window `w` infers. With a [`Carry`], the window is more than one
    /// sentence: only a withholding (or what else the ground requires) in the deciding sentence
    /// pairs with ground terms in the others. [`Carry::Back`]: the deciding sentence concludes the
    /// sentences before it, and only when it is shown to conclude (by an opener or joiner), holds a
    /// conclusion term, or states a concluding support concept in full
    /// ([`Lexicon::states_support`]). [`Carry::Forward`]: the deciding sentence is a bare decision
    /// and the sentences after it give its reasons; a ground needs [`LEAD_TERMS`] distinct terms
    /// there.
    fn infer_window(
        &self,
        text: &Text<'_>,
        at: &Grounds<'_>,
        w: Span,
        carry: Option<Carry>,
        scratch: &mut Scratch,
        out: &mut Vec<Inference>,
    ) {
        let src = text.as_str();
        let Scratch { stems, lowered } = scratch;
        let mut toks = tokenize_with(src, w, lowered, |word| self.stem_of(word, stems));
        if let Some(Carry::Back { from, .. } | Carry::Forward { to: from }) = carry {
            // The deciding sentence (or the reasons after it) is a clause and phrase of its own:
            // no negation or modal of the sentences before reaches into it.
            let (clause, phrase) = toks.last().map_or((0, 0), |t| (t.clause + 1, t.phrase + 1));
            for t in toks.iter_mut().filter(|t| t.span.start >= from) {
                t.clause += clause;
                t.phrase += phrase;
            }
        }
        let hits: Vec<Hit> = self
            .hits(&toks)
            .into_iter()
            .filter(|h| text.zone_at(toks[h.first].span.start).is_none())
            .collect();
        if let Some(Carry::Back {
            from,
            shown,
            full: false,
        }) = carry
        {
            let concludes = shown
                || hits.iter().any(|h| {
                    self.concepts[h.concept].kind == ConceptKind::Conclusion
                        && toks[h.first].span.start >= from
                })
                || self.states_support(&hits, &toks, from);
            if !concludes {
                return;
            }
        }
        let win = Window {
            text,
            w,
            carry,
            toks: &toks,
            hits: &hits,
        };
        for (ci, c) in self.concepts.iter().enumerate() {
            if c.kind != ConceptKind::Ground {
                continue;
            }
            if let Some(inference) = self.infer_ground(&win, at, ci, c) {
                out.push(inference);
            }
        }
    }

    /// The ground that ground concept `c` (number `ci`) infers in the window, if it does: enough
    /// distinct terms of it, a requirement beside one ([`Lexicon::pair`]), a ground of the
    /// letter's regime not already settled by a citation.
    fn infer_ground(
        &self,
        win: &Window<'_, '_>,
        at: &Grounds<'_>,
        ci: usize,
        c: &Concept,
    ) -> Option<Inference> {
        let Grounds {
            rules,
            regime,
            settled,
            refs,
        } = *at;
        let toks = win.toks;
        let mine: Vec<&Hit> = win
            .hits
            .iter()
            .filter(|h| h.concept == ci && !h.negated)
            .collect();
        if mine.is_empty() {
            return None;
        }
        // Reasons after a bare decision argue the ground in full: more than one passing word.
        let (need, after, before) = match win.carry {
            Some(Carry::Forward { to }) => (c.min_terms.max(LEAD_TERMS), to, usize::MAX),
            Some(Carry::Back {
                from, full: true, ..
            }) => (c.min_terms.max(LEAD_TERMS), 0, from),
            _ => (c.min_terms, 0, usize::MAX),
        };
        let mut distinct: Vec<usize> = mine
            .iter()
            .filter(|h| (after..before).contains(&toks[h.first].span.start))
            .map(|h| h.written)
            .collect();
        distinct.sort_unstable();
        distinct.dedup();
        if distinct.len() < need {
            return None;
        }
        let (g, r) = self.pair(win, c, &mine)?;
        let (rule, provision) = choose_ground(rules, regime, &c.grounds, c.needs_regime)?;
        if settled.binary_search(&rule).is_ok() || cites_equivalent(rules, refs, win.w, rule) {
            return None;
        }
        let qualified = rules.rules()[rule].kind == Some(Qualification::Qualified);
        let status = pair_status(win, g, r, qualified);
        Some(Inference {
            rule,
            provision,
            status,
            spans: inference_spans(win, &mine, r),
        })
    }

    /// A term of `mine` (of ground concept `c`) and a hit beside it that satisfies what `c`
    /// requires: in the term's clause (or sentence, for a sentence-scoped concept); carried, a
    /// withholding in the deciding sentence beside a term in the others.
    fn pair<'h>(
        &self,
        win: &Window<'_, 'h>,
        c: &Concept,
        mine: &[&'h Hit],
    ) -> Option<(&'h Hit, &'h Hit)> {
        let (toks, hits, carry) = (win.toks, win.hits, win.carry);
        let satisfies = |h: &Hit| {
            !h.negated
                && c.requires.iter().any(|r| match *r {
                    Requirement::Qualification(k) => self.concepts[h.concept].kind == k,
                    Requirement::Concept(i) => h.concept == i,
                })
        };
        // A withholding said not to happen in the term's clause ("..., so they have not
        // been withheld") settles that clause: nothing is inferred from it.
        let refused_in = |g: &Hit| {
            hits.iter().any(|r| {
                r.negated
                    && self.concepts[r.concept].kind == ConceptKind::Action
                    && toks[r.first].clause == toks[g.first].clause
            })
        };
        mine.iter().filter(|g| !refused_in(g)).find_map(|g| {
            hits.iter()
                .find(|r| match carry {
                    Some(Carry::Back { from, full, .. }) => {
                        satisfies(r)
                            && toks[g.first].span.start < from
                            && toks[r.first].span.start >= from
                            && (!full
                                || self.concepts[r.concept].kind == ConceptKind::Action
                                    && no_reason_after(toks, r.last))
                    }
                    Some(Carry::Forward { to }) => {
                        satisfies(r)
                            && self.concepts[r.concept].kind == ConceptKind::Action
                            && toks[r.first].span.start < to
                            && toks[g.first].span.start >= to
                            && bare_decision(toks, r.last, to)
                    }
                    None => {
                        satisfies(r)
                            && (c.scope == Scope::Sentence
                                || toks[r.first].clause == toks[g.first].clause)
                    }
                })
                .map(|r| (*g, r))
        })
    }
}

/// One sentence window as [`Lexicon::infer_window`] reads it: its tokens and the concept hits
/// among them (none in a zone).
struct Window<'t, 'h> {
    text: &'t Text<'t>,
    w: Span,
    carry: Option<Carry>,
    toks: &'h [Token<'h>],
    hits: &'h [Hit],
}

impl Window<'_, '_> {
    /// Where hit `h` stands in the letter.
    fn span_of(&self, h: &Hit) -> Span {
        Span::new(self.toks[h.first].span.start, self.toks[h.last].span.end)
    }
}

/// The status of an inference from its ground term `g` and the requirement `r` beside it: the
/// weaker of the two spans' statuses.
fn pair_status(win: &Window<'_, '_>, g: &Hit, r: &Hit, qualified: bool) -> Status {
    let text = win.text;
    // Harm from disclosure is argued on a supposition ("if the rates were known, rivals
    // could undercut the firm"): under a harm requirement a supposition does not make
    // the argument a mere mention.
    let harm = lexicon().is_ok_and(|l| l.concepts[r.concept].kind == ConceptKind::Harm);
    let read = |s: Span| {
        let d = status::assess_detail(text, s, qualified);
        if harm && d.category == Some(super::context::Category::Conditional) {
            Status::ReliedOn
        } else {
            d.status
        }
    };
    // The ground term gives the reason, often as a possibility ("the marks could be
    // linked to particular pupils, so we have withheld them"): a hedge or supposition
    // over it does not make the argument a mere mention; the action decides.
    let a = {
        let d = status::assess_detail(text, win.span_of(g), qualified);
        match d.category {
            Some(super::context::Category::Considered | super::context::Category::Conditional) => {
                Status::ReliedOn
            }
            _ => d.status,
        }
    };
    let b = read(win.span_of(r));
    if a == Status::Disclaimed || b == Status::Disclaimed {
        Status::Disclaimed
    } else if a == Status::Mentioned || b == Status::Mentioned {
        Status::Mentioned
    } else {
        Status::ReliedOn
    }
}

/// The spans of an inference: its ground terms `mine` and the requirement `r`, each with its
/// concept's name; longest first at each start, and none that another span holds
/// ("radicalisation" in "counter-radicalisation").
fn inference_spans(win: &Window<'_, '_>, mine: &[&Hit], r: &Hit) -> Vec<(Span, &'static str)> {
    let mut spans: Vec<(Span, &'static str)> = Vec::new();
    let name =
        |h: &Hit| -> &'static str { lexicon().map_or("", |l| l.concepts[h.concept].name.as_str()) };
    for h in mine.iter().copied().chain(std::iter::once(r)) {
        spans.push((win.span_of(h), name(h)));
    }
    spans.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
    let mut kept: Vec<(Span, &'static str)> = Vec::with_capacity(spans.len());
    for (s, name) in spans {
        if kept.last().is_none_or(|(k, _)| s.end > k.end) {
            kept.push((s, name));
        }
    }
    kept
}

/// True when the action ending at token `last` ends its sentence (which ends at byte `to`) but
/// for at most [`LEAD_TAIL`] words, none of [`LEAD_STOP`]: a decision with no reason or condition
/// of its own ("we have decided to withhold all of it").
fn bare_decision(toks: &[Token<'_>], last: usize, to: usize) -> bool {
    let tail = toks[last + 1..].iter().take_while(|t| t.span.start < to);
    let mut n = 0;
    for t in tail {
        n += 1;
        if n > LEAD_TAIL || LEAD_STOP.contains(&t.lower) {
            return false;
        }
    }
    true
}

/// True when no word of [`LEAD_STOP`] follows the action ending at token `last` in its
/// sentence (the last tokens of the window): the decision gives no reason or condition of its own.
fn no_reason_after(toks: &[Token<'_>], last: usize) -> bool {
    !toks[last + 1..]
        .iter()
        .any(|t| LEAD_STOP.contains(&t.lower))
}

/// True when the action or harm at tokens `first..=last` is negated: a negation inside it
/// ("would not harm"), a few words before it in the same phrase ("have not been redacted"), or
/// "nothing" right after it ("redacted nothing").
fn negated(toks: &[Token<'_>], first: usize, last: usize) -> bool {
    let is_neg = |t: &Token<'_>| NEGATORS.contains(&t.lower);
    let phrase = toks[first].phrase;
    toks[first..=last].iter().any(is_neg)
        || toks[first.saturating_sub(NEG_BACK)..first]
            .iter()
            .rev()
            .take_while(|t| t.phrase == phrase && !NEG_STOP.contains(&t.lower))
            .any(is_neg)
        || toks
            .get(last + 1)
            .is_some_and(|t| NEGATORS_AFTER.contains(&t.lower))
}

/// True when the action at token `first` is only what the authority would have to do ("we would
/// have to redact the names", "may need to remove"): a modal a few words before it.
fn hypothetical(toks: &[Token<'_>], first: usize) -> bool {
    let phrase = toks[first].phrase;
    let from = first.saturating_sub(HYPOTHETICAL_BACK);
    toks[from..first].iter().enumerate().any(|(k, t)| {
        t.phrase == phrase
            && HYPOTHETICALS.contains(&t.lower)
            // "we would like to explain that ..." is a courtesy, not a condition.
            && toks.get(from + k + 1).is_none_or(|n| n.lower != "like")
    })
}

/// Words right after an action that make a modal one actual: "they would be withheld in any
/// event" is a decision made in the alternative, not a possibility.
const ACTUAL_AFTER: &[&[&str]] = &[
    &["in", "any", "event"],
    &["in", "any", "case"],
    &["anyway"],
    &["regardless"],
];

/// True when the action ending at token `last` is followed, in its phrase, by words of
/// [`ACTUAL_AFTER`].
fn in_any_event(toks: &[Token<'_>], last: usize) -> bool {
    let phrase = toks[last].phrase;
    let after: Vec<&str> = toks[last + 1..]
        .iter()
        .take_while(|t| t.phrase == phrase)
        .take(4)
        .map(|t| t.lower)
        .collect();
    ACTUAL_AFTER.iter().any(|w| after.starts_with(w))
}

/// A statute named by its title and year ("the Local Government Act 1972").
static NAMED_ACT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?:(?-u:\b)[A-Z][A-Za-z]+\s+(?:(?:of|and|for)\s+)?){1,6}Act\s+(?:1[89]|20)\d\d(?-u:\b)",
    )
    .expect("valid pattern")
});

/// True when `sentence` names a statute other than the information and data protection laws.
fn names_other_act(sentence: &str) -> bool {
    // Every name of an Act holds "Act": most sentences are not searched.
    if memchr::memmem::find(sentence.as_bytes(), b"Act").is_none() {
        return false;
    }
    NAMED_ACT.find_iter(sentence).any(|m| {
        let t = m.as_str();
        !t.contains("Information") && !t.contains("Data Protection")
    })
}

/// True when window `w` cites, as a ground, another regime's equivalent of `rule`: the
/// sentence argues the ground it cites ("the names are withheld under section 40(2) FOIA", in a
/// letter under both FOIA and the EIR, infers no regulation 13 beside it).
fn cites_equivalent(rules: &RuleSet, refs: &[ResolvedRef], w: Span, rule: usize) -> bool {
    let id = &rules.rules()[rule].id;
    super::rules_cited_in(refs, w)
        .any(|q| q != rule && rules.rules()[q].equivalents.iter().any(|e| e == id))
}

/// How a window of more than one sentence is read: where its deciding sentence stands.
#[derive(Clone, Copy, Debug)]
enum Carry {
    /// The deciding sentence starts at byte `from` and concludes the sentences before it;
    /// `shown`: an opener or joiner shows it concludes. `full`: nothing shows it concludes, and
    /// only a ground argued in full before it (two distinct terms) stands beside a decision that
    /// gives no reason of its own.
    Back {
        from: usize,
        shown: bool,
        full: bool,
    },
    /// The deciding sentence, a bare decision, ends at byte `to`; its reasons follow.
    Forward { to: usize },
}

/// What decides which ground a concept infers in a letter.
#[derive(Clone, Copy)]
struct Grounds<'a> {
    rules: &'a RuleSet,
    regime: &'a DetectedRegime,
    /// Sorted rule indices already settled by citation.
    settled: &'a [usize],
    /// The letter's citations, in text order.
    refs: &'a [ResolvedRef],
}

/// The ground of the letter's regime among `grounds`: one of the primary regime, else one of a
/// regime the letter also shows.
fn choose_ground(
    rules: &RuleSet,
    regime: &DetectedRegime,
    grounds: &[(String, Option<String>)],
    needs_regime: bool,
) -> Option<(usize, Option<String>)> {
    let found: Vec<(usize, &Option<String>)> = grounds
        .iter()
        .filter_map(|(id, p)| {
            rules
                .rules()
                .iter()
                .position(|r| r.id == *id)
                .map(|i| (i, p))
        })
        .collect();
    let act = |i: usize| rules.rules()[i].act;
    found
        .iter()
        .find(|(i, _)| act(*i) == regime.primary)
        .or_else(|| found.iter().find(|(i, _)| regime.has(act(*i))))
        // A letter that shows no regime and argues a ground only one regime has (the
        // protection of the environment is an exception of the EIR alone) is under it.
        .or_else(|| {
            (regime.jurisdiction == crate::vocab::Jurisdiction::Unknown && !needs_regime)
                .then(|| found.first())
                .flatten()
        })
        .map(|(i, p)| (*i, (*p).clone()))
}

/// The sentence window around the action, harm or support anchor `a` when a ground term stands
/// in it (`grounds`: the ground anchors, in order); `None` when none does, found as cheaply as
/// possible (a ground anchor within reach, then in the paragraph, before any segmenting).
fn own_window(text: &Text<'_>, grounds: &[Span], a: Span) -> Option<Span> {
    let reach = a.start.saturating_sub(REACH);
    let g = grounds.partition_point(|g| g.start < reach);
    if grounds
        .get(g)
        .is_none_or(|g| g.start > a.end.saturating_add(REACH))
    {
        return None;
    }
    // No ground term in the paragraph (or the stretch of it) the sentence is found in, within
    // the window's reach: the sentence is not segmented.
    let bound = text.window_bound(a);
    let g = grounds.partition_point(|g| g.start < bound.start);
    if !grounds[g..]
        .iter()
        .take_while(|g| g.start <= bound.end)
        .any(|g| g.end <= bound.end)
    {
        return None;
    }
    let w = window(text.as_str(), text.sentence_at(a.start), a);
    let g = grounds.partition_point(|g| g.start < w.start);
    if grounds.get(g).is_none_or(|g| g.end > w.end) {
        return None;
    }
    Some(w)
}

/// For an anchor `a` whose sentence holds no ground term but concludes ("the advice is
/// therefore withheld", "for these reasons we are not providing it"): the window of that
/// sentence and up to [`CARRY_SENTENCES`] sentences before it, and where the concluding sentence
/// starts. `None` unless a conclusion anchor stands near `a` and a ground term in the sentences
/// before. Each sentence before must lie outside any zone, be at most [`CARRY_REACH`] bytes
/// long, and be parted from the next by no more than a paragraph break.
fn carried_window(
    text: &Text<'_>,
    grounds: &[Span],
    conclusions: &[Span],
    openers: &[String],
    (joiners, joiner_ac): (&[String], Option<&aho_corasick::AhoCorasick>),
    a: Span,
) -> Option<(Span, usize, bool)> {
    let near = a.start.saturating_sub(CARRY_NEAR);
    let c = conclusions.partition_point(|c| c.start < near);
    let mut near = conclusions[c..]
        .iter()
        .take_while(|c| c.start <= a.end.saturating_add(CARRY_NEAR))
        .peekable();
    let src = text.as_str();
    // A sentence that opens by referring back ("This exceeds the limit") starts within reach.
    let opens = |s: Span| {
        openers.iter().any(|o| {
            src.get(s.start..)
                .is_some_and(|t| t.starts_with(o.as_str()))
        })
    };
    let lo = gate::floor(src, a.start.saturating_sub(CARRY_NEAR));
    let may_open =
        !openers.is_empty() && (lo == 0 || src[lo..a.start].contains(['.', '\n', '!', '?']));
    // A decision joined to what came before inside its sentence ("..., so we cannot release it"),
    // also when the joiner falls inside the anchor's own gap ("not required to comply, so we are
    // unable to provide").
    let joined_in = |from: usize| match joiner_ac {
        Some(ac) => ac.is_match(&src[from..a.end]),
        None => {
            let before = src[from..a.end].to_ascii_lowercase();
            joiners.iter().any(|j| before.contains(j.as_str()))
        }
    };
    let may_join = !joiners.is_empty() && joined_in(lo);
    if near.peek().is_none() && !may_open && !may_join {
        return None;
    }
    let s = text.sentence_at(a.start);
    let words = opens(s) || (may_join && joined_in(lo.max(s.start)));
    if !words && !near.any(|c| c.start >= s.start && c.end <= s.end) {
        return None;
    }
    reasons_before(text, grounds, s, a, CARRY_SENTENCES).map(|w| (w, s.start, words))
}

/// True when ground anchors of [`LEAD_TERMS`] distinct words lie inside `w` (sorted `grounds`,
/// in `src`): the fewest a ground argued in full can have.
fn grounds_in(src: &str, grounds: &[Span], w: Span) -> bool {
    let g = grounds.partition_point(|g| g.start < w.start);
    let mut inside = grounds[g..]
        .iter()
        .take_while(|g| g.start < w.end)
        .filter(|g| g.end <= w.end)
        .map(|g| g.slice(src));
    let Some(first) = inside.next() else {
        return false;
    };
    inside.any(|o| !o.eq_ignore_ascii_case(first))
}

/// True when a word of [`LEAD_STOP`] follows byte `from` in `rest` (as written, any case).
fn reason_in(rest: &str) -> bool {
    rest.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .any(|w| LEAD_STOP.iter().any(|x| w.eq_ignore_ascii_case(x)))
}

/// The window of sentence `s` (which holds anchor `a`) and up to `n` sentences
/// before it, each outside any zone, at most [`CARRY_REACH`] bytes long and parted from the next
/// by at most a paragraph break; `None` unless they hold a ground term.
fn reasons_before(text: &Text<'_>, grounds: &[Span], s: Span, a: Span, n: usize) -> Option<Span> {
    let src = text.as_str();
    let mut from = s.start;
    for _ in 0..n {
        let before = src[..from].trim_end();
        if before.is_empty() || from - before.len() > CARRY_GAP {
            break;
        }
        let p = text.sentence_at(before.len() - 1);
        if p.start >= from || from - p.start > CARRY_REACH || text.zone_at(p.start).is_some() {
            break;
        }
        from = p.start;
    }
    if from == s.start {
        return None;
    }
    let g = grounds.partition_point(|g| g.start < from);
    if grounds.get(g).is_none_or(|g| g.end > s.start) {
        return None;
    }
    Some(Span::new(from, s.end.max(a.end)))
}

/// For an action anchor `a` in a bare decision ("We hold the papers, but we have decided to
/// withhold all of it."), a sentence that argued nothing itself, whose action word is followed by
/// at most [`LEAD_TAIL`] words, none of [`LEAD_STOP`] (no reason or condition of its own). The window
/// of that sentence and up to [`LEAD_SENTENCES`] sentences after it, which give its reasons, and
/// where the decision ends. Each sentence after must lie outside any zone, be at most
/// [`CARRY_REACH`] bytes long, and be parted from the one before by at most a paragraph break;
/// `None` unless they hold a ground term.
fn leading_window(text: &Text<'_>, grounds: &[Span], a: Span) -> Option<(Span, usize)> {
    let src = text.as_str();
    let s = text.sentence_at(a.start);
    if a.end > s.end || s.len() > DECISION_REACH {
        return None;
    }
    let tail = src[a.end..s.end].trim_start_matches(|c: char| c.is_alphanumeric());
    let mut words = 0;
    for w in tail.split(|c: char| !(c.is_alphanumeric() || c == '\'')) {
        if w.is_empty() {
            continue;
        }
        words += 1;
        if words > LEAD_TAIL || LEAD_STOP.iter().any(|x| w.eq_ignore_ascii_case(x)) {
            return None;
        }
    }
    let mut to = s.end;
    for _ in 0..LEAD_SENTENCES {
        let rest = &src[to..];
        let after = rest.trim_start();
        if after.is_empty() || rest.len() - after.len() > CARRY_GAP {
            break;
        }
        let at = to + (rest.len() - after.len());
        let n = text.sentence_at(at);
        if n.end <= to || n.len() > CARRY_REACH || text.zone_at(at).is_some() {
            break;
        }
        to = n.end;
    }
    if !grounds_in(src, grounds, Span::new(s.end, to)) {
        return None;
    }
    Some((Span::new(s.start, to), s.end))
}

/// The grounds the letter argues in its own words, one inference per sentence and ground.
/// Only sentences holding both an anchor of an action, harm or support term and an anchor of a
/// ground term are tokenised and stemmed.
///
/// A sentence that cites another statute (Local Government Act 1972, Housing Act 1985) is read
/// as about that statute: its "exempt" is not an FOI ground. `refs` are in text order.
/// `settled` (sorted rule indices) are grounds already decided by citation, for which nothing is
/// inferred.
pub(crate) fn infer(
    text: &Text<'_>,
    rules: &RuleSet,
    regime: &DetectedRegime,
    refs: &[ResolvedRef],
    settled: &[usize],
) -> Vec<Inference> {
    let Ok(lex) = lexicon() else {
        return Vec::new();
    };
    let src = text.as_str();
    let mut out = Vec::new();
    // Read up to here: own windows; windows that inferred something; carried windows.
    let mut done_to = 0;
    let mut inferred_to = 0;
    let mut carried_to = 0;
    let mut led_to = 0;
    let mut adjoined_to = 0;
    let mut grounds: Option<Vec<Span>> = None;
    let mut scratch = Scratch {
        stems: STEMS.with(|s| std::mem::take(&mut *s.borrow_mut())),
        lowered: String::new(),
    };
    // The automaton found the anchors: no regex needs to find them again.
    let spans = |g: &'static Gated| -> Vec<Span> {
        gate::anchor_spans(text, g).unwrap_or_else(|| gate::find_iter(text, g).collect())
    };
    let mut conclusions: Option<Vec<Span>> = None;
    let at = Grounds {
        rules,
        regime,
        settled,
        refs,
    };
    // A window citing or naming another statute is read for nothing.
    let other_act = |w: Span| {
        let from = refs.partition_point(|r| r.cit.span.start < w.start);
        refs[from..]
            .iter()
            .take_while(|r| r.cit.span.start < w.end)
            .any(|r| r.cit.act == Act::Other)
            || names_other_act(w.slice(src))
    };
    for a in spans(&lex.gated) {
        if a.start < inferred_to || text.zone_at(a.start).is_some() {
            continue;
        }
        let grounds = grounds.get_or_insert_with(|| spans(&lex.gated_ground));
        let inferred = out.len();
        if a.start >= done_to {
            if let Some(w) = own_window(text, grounds, a) {
                done_to = w.end.max(a.end);
                if other_act(w) {
                    continue;
                }
                lex.infer_window(text, &at, w, None, &mut scratch, &mut out);
                if out.len() > inferred {
                    inferred_to = done_to;
                }
            }
        }
        // Nothing argued in the anchor's own sentence: it may conclude the sentences before
        // (a later anchor of the same sentence too: "..., so we are unable to provide it").
        if out.len() > inferred || a.start < carried_to {
            continue;
        }
        // A sentence (from byte `from`) that cites a provision states its own ground ("These
        // are personal data and exempt under s.40(2)"): it concludes nothing before it, and
        // reasons that cite give their own ground.
        let cited = |from: usize, to: usize| {
            let k = refs.partition_point(|r| r.cit.span.start < from);
            refs.get(k).is_some_and(|r| r.cit.span.start < to)
        };
        if let Some(g) = &lex.gated_conclusion {
            let conclusions = conclusions.get_or_insert_with(|| spans(g));
            if let Some((w, from, words)) = carried_window(
                text,
                grounds,
                conclusions,
                &lex.openers,
                (&lex.joiners, lex.joiner_ac.as_ref()),
                a,
            ) {
                done_to = done_to.max(w.end).max(a.end);
                if !cited(from, w.end) && !other_act(w) {
                    let carry = Carry::Back {
                        from,
                        shown: words,
                        full: false,
                    };
                    lex.infer_window(text, &at, w, Some(carry), &mut scratch, &mut out);
                }
                // A window that concluded nothing from this anchor may still conclude from a
                // later one of its sentence (the joiner after it: "... £450, so we will not be
                // answering").
                if out.len() > inferred || words {
                    carried_to = w.end.max(a.end);
                }
            }
        }
        // Nothing shows it concludes: it may still decide on a ground argued in full just before.
        if out.len() == inferred && a.start >= carried_to && a.start >= adjoined_to {
            let s = text.sentence_at(a.start);
            let argued = |w: &Span| {
                s.len() <= DECISION_REACH
                    && grounds_in(src, grounds, Span::new(w.start, s.start))
                    && !reason_in(&src[a.end.min(s.end)..s.end])
            };
            if let Some(w) = reasons_before(text, grounds, s, a, 1).filter(argued) {
                adjoined_to = w.end;
                if !cited(s.start, w.end) && !other_act(w) {
                    let carry = Carry::Back {
                        from: s.start,
                        shown: false,
                        full: true,
                    };
                    lex.infer_relied(text, &at, w, carry, &mut scratch, &mut out);
                }
            }
        }
        // Nor does it conclude: it may be a bare decision whose reasons follow.
        if out.len() > inferred || a.start < led_to {
            continue;
        }
        if let Some((w, to)) = leading_window(text, grounds, a) {
            led_to = to;
            if !cited(w.start, w.end) && !other_act(w) {
                let carry = Carry::Forward { to };
                lex.infer_relied(text, &at, w, carry, &mut scratch, &mut out);
            }
        }
    }
    STEMS.with(|s| *s.borrow_mut() = scratch.stems);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::Via;
    use crate::Classifier;

    /// The tokens of `src[w]`, every word stemmed (none left out as one no term can match).
    fn tokenize<'a>(src: &'a str, w: Span, buf: &'a mut String) -> Vec<Token<'a>> {
        tokenize_with(src, w, buf, |l| lex().stems.get(&full_stem(l)))
    }

    fn lex() -> &'static Lexicon {
        lexicon().expect("the embedded concept files are valid")
    }

    /// Runs one concept file's examples and counter-examples through the classifier.
    fn check_concept_file(file: &str) {
        let lex = lex();
        let c = lex
            .concepts
            .iter()
            .find(|c| c.file == file)
            .unwrap_or_else(|| panic!("no concept from {file}"));
        assert!(
            !c.examples.is_empty() && !c.counter_examples.is_empty(),
            "{file}: a concept needs examples and counter-examples"
        );
        let classifier = Classifier::new();
        let mut failures = Vec::new();
        let by_me = |f: &crate::vocab::Finding| {
            f.evidence
                .iter()
                .any(|e| e.via == Via::Concept && e.cue.as_deref() == Some(c.name.as_str()))
        };
        let by_concepts =
            |f: &crate::vocab::Finding| f.evidence.iter().any(|e| e.via == Via::Concept);
        for (n, ex) in c.examples.iter().enumerate() {
            let report = classifier.classify(&ex.text);
            // A concept term that is also a cue phrase gives its evidence as the cue.
            let ok = report
                .relied_on()
                .any(|f| Some(&f.id) == ex.ground.as_ref() && by_concepts(f));
            if !ok {
                let got: Vec<&str> = report.relied_on().map(|f| f.id.as_str()).collect();
                failures.push(format!(
                    "example {}: expected {:?} from {}, found {got:?} in {:?}",
                    n + 1,
                    ex.ground,
                    c.name,
                    ex.text
                ));
            }
        }
        for (n, ex) in c.counter_examples.iter().enumerate() {
            let report = classifier.classify(&ex.text);
            let bad: Vec<&str> = report
                .relied_on()
                .filter(|f| by_me(f) || Some(&f.id) == ex.ground.as_ref())
                .map(|f| f.id.as_str())
                .collect();
            if !bad.is_empty() {
                failures.push(format!(
                    "counter-example {}: {bad:?} relied on in {:?}",
                    n + 1,
                    ex.text
                ));
            }
        }
        assert!(failures.is_empty(), "{file}:\n{}", failures.join("\n"));
    }

    include!(concat!(env!("OUT_DIR"), "/concept_tests.rs"));

    #[test]
    fn the_lexicons_load() {
        let lex = lex();
        assert!(lex.concepts.len() >= 10);
        assert!(lex.gated.anchors().contains(&"redact"));
    }

    #[test]
    fn tokens_are_stemmed_with_negation_and_clauses() {
        let src =
            "The names haven't been redacted; the rates weren't, but the residents' emails are.";
        let mut buf = String::new();
        let toks = tokenize(src, Span::new(0, src.len()), &mut buf);
        let words: Vec<&str> = toks.iter().map(|t| t.lower).collect();
        assert_eq!(
            words,
            [
                "the",
                "names",
                "haven",
                "not",
                "been",
                "redacted",
                "the",
                "rates",
                "weren",
                "not",
                "but",
                "the",
                "residents",
                "emails",
                "are"
            ]
        );
        assert_eq!(lex().stems.name(toks[5].stem), "redact");
        assert_eq!(lex().stems.name(toks[1].stem), "name");
        // A word no term word shares a stem with has none.
        let mut other = String::new();
        let odd = tokenize("Zqxvw", Span::new(0, 5), &mut other);
        assert_eq!((odd[0].lower, odd[0].stem), ("zqxvw", NO_STEM));
        assert_eq!(toks[5].clause, 0);
        assert_eq!(toks[6].clause, 1);
        assert_eq!(toks[10].clause, 2);
        assert_eq!(toks[3].span.slice(src), "t");
        let curly = "It isn\u{2019}t the council\u{2019}s.";
        let mut buf = String::new();
        let words: Vec<&str> = tokenize(curly, Span::new(0, curly.len()), &mut buf)
            .into_iter()
            .map(|t| t.lower)
            .collect();
        assert_eq!(words, ["it", "isn", "not", "the", "council"]);
    }

    #[test]
    fn negation_is_found_around_an_action() {
        let cases = [
            ("The names have not been redacted.", true),
            ("The names have been redacted.", false),
            ("Although not required, we have redacted the names.", false),
            ("We have redacted nothing.", true),
            ("No names have been redacted.", true),
        ];
        for (src, want) in cases {
            let mut buf = String::new();
            let toks = tokenize(src, Span::new(0, src.len()), &mut buf);
            let hits = lex().hits(&toks);
            let action = hits
                .iter()
                .find(|h| lex().concepts[h.concept].kind == ConceptKind::Action)
                .unwrap_or_else(|| panic!("no action in {src:?}"));
            assert_eq!(action.negated, want, "{src:?}");
        }
    }

    #[test]
    fn only_words_that_may_match_are_stemmed() {
        assert_eq!(
            FUNCTION_WORDS.iter().map(|w| w.len()).max(),
            Some(MAX_FUNCTION_WORD)
        );
        let lex = lex();
        assert!(lex.may_match("redacted"));
        // ("the" may: it begins "therefore", a conclusion word.)
        assert!(!lex.may_match("and"));
        assert!(!lex.may_match("quietly"));
        // Stemmed or not, a letter's words match the same terms: the test letters and examples.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut compared = 0;
        for dir in ["tests/letters", "data/examples"] {
            for entry in std::fs::read_dir(root.join(dir))
                .into_iter()
                .flatten()
                .flatten()
            {
                let Ok(src) = std::fs::read_to_string(entry.path()) else {
                    continue;
                };
                let mut buf = String::new();
                let all = lex.hits(&tokenize(&src, Span::new(0, src.len()), &mut buf));
                let mut stems = Stems::default();
                let mut buf = String::new();
                let some = lex.hits(&tokenize_with(
                    &src,
                    Span::new(0, src.len()),
                    &mut buf,
                    |w| lex.stem_of(w, &mut stems),
                ));
                let key = |h: &Hit| (h.concept, h.written, h.first, h.last);
                assert_eq!(
                    all.iter().map(key).collect::<Vec<_>>(),
                    some.iter().map(key).collect::<Vec<_>>(),
                    "{:?}",
                    entry.path()
                );
                compared += all.len();
            }
        }
        assert!(compared > 100, "only {compared} hits compared");
    }

    /// The grounds `text` relies on.
    fn relied(text: &str) -> Vec<String> {
        Classifier::new()
            .classify(text)
            .relied_on()
            .map(|f| f.id.clone())
            .collect()
    }

    /// Reasons that argue legal privilege but, alone, name no withholding.
    const PRIVILEGE: &str = "It is legal advice that our solicitors gave the council on the appeal, and privilege still attaches to it.";

    #[test]
    fn a_bare_decision_pairs_with_the_reasons_after_it() {
        assert!(relied(PRIVILEGE).is_empty());
        let text =
            format!("We hold the note, but we have decided not to release it.\n\n{PRIVILEGE}");
        assert_eq!(relied(&text), vec!["foia:s42".to_string()]);
    }

    #[test]
    fn a_decision_with_a_reason_or_condition_of_its_own_leads_nothing() {
        // The decision gives its own reason (not held), or is made only on a condition.
        for first in [
            "We cannot provide the note as we do not hold it.",
            "We will withhold it if the court asks.",
        ] {
            let text = format!("{first} {PRIVILEGE}");
            assert!(relied(&text).is_empty(), "{text}: {:?}", relied(&text));
        }
        // The decision's reason is in its sentence; a later sentence only describes a contract.
        let text = "We are unable to provide this, as it is not held. The contract prices and the tender rates were agreed in 2019 with a competitor of the old supplier.";
        assert!(relied(text).is_empty(), "{:?}", relied(text));
    }

    /// A commercial argument in two distinct terms, naming no withholding and no cue phrase.
    const RATES: &str = "The supplier's day rates are set for each contract, and rival firms bid against it every year.";

    #[test]
    fn a_decision_right_after_a_ground_argued_in_full_pairs_with_it() {
        assert!(relied(RATES).is_empty());
        let text = format!("{RATES} We have decided to withhold them.");
        assert_eq!(relied(&text), vec!["foia:s43".to_string()]);
        // A decision with a reason of its own decides on that reason.
        let text = format!("{RATES} We have decided to withhold them as the contract has ended.");
        assert!(relied(&text).is_empty(), "{:?}", relied(&text));
        // One passing word of the ground before a decision argues nothing.
        let text =
            "The supplier's day rates are set for each contract. We have decided to withhold them.";
        assert!(relied(text).is_empty(), "{:?}", relied(text));
    }

    #[test]
    fn reasons_after_a_decision_argue_the_ground_in_more_than_one_passing_word() {
        // One passing word of a ground after the decision is no argument for it.
        let text = "Having weighed the public interest, we have decided to withhold the draft in full. The final report will be published with the committee papers.";
        assert!(!relied(text).contains(&"foia:s22".to_string()));
    }

    #[test]
    fn a_gap_term_matches_across_a_few_words() {
        let src = "checking each of 900 files by hand";
        let mut buf = String::new();
        let toks = tokenize(src, Span::new(0, src.len()), &mut buf);
        let parts = vec![
            vec![Word::Exact("each".into())],
            vec![Word::Stem(lex().stems.get("file"))],
        ];
        assert_ne!(lex().stems.get("file"), NO_STEM);
        assert_eq!(match_parts(&parts, &toks, 1), Some(4));
        assert_eq!(match_parts(&parts, &toks, 0), None);
    }

    #[test]
    fn other_statutes_are_recognised() {
        assert!(names_other_act(
            "treated as exempt under Schedule 12A to the Local Government Act 1972"
        ));
        assert!(names_other_act("possession under the Housing Act 1985"));
        assert!(!names_other_act(
            "it would be unlawful under the Data Protection Act 2018"
        ));
        assert!(!names_other_act(
            "exempt under the Freedom of Information Act 2000"
        ));
        assert!(!names_other_act("the act of 2000"));
    }

    #[test]
    fn a_bad_file_is_refused() {
        let bad = [
            "name = \"x\"\nkind = \"ground\"\nterms = [\"a b\"]\n",
            "name = \"x\"\nkind = \"action\"\nterms = [\"to\"]\n",
            "name = \"x\"\nkind = \"ground\"\nterms = [\"data\"]\nrequires = [\"nothing\"]\n[[grounds]]\nrule = \"foia:s40\"\n",
        ];
        for src in bad {
            assert!(
                Lexicon::load([("x.toml", src)].into_iter()).is_err(),
                "{src}"
            );
        }
    }

    #[test]
    fn a_letter_without_anchors_is_not_tokenised() {
        let src = "Thank you for your email. Please find the figures attached.";
        let text = Text::new(src);
        let anchors = gate::vocabulary(&crate::resolve::gated());
        let index =
            crate::matching::CueIndex::build(&RuleSet::embedded().unwrap(), &anchors).unwrap();
        let scan = index.scan(src);
        text.set_anchors(scan.anchors, scan.anchor_ids);
        assert_eq!(gate::find_iter(&text, &lex().gated).count(), 0);
    }
}
