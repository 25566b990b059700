//! A context engine in the manner of ConText (Chapman et al.; pyConTextNLP, medspaCy): trigger
//! phrases, each of a category and a direction, open a scope of a few words; a target span (a
//! citation or a cue) that lies in the scope takes the trigger's category, and the category
//! gives its status. Scopes end at terminators ("but", ";", "and" before a clause with its own
//! verb ...), and pseudo-triggers ("not only", "whether or not") block the triggers they
//! overlap.
//!
//! The triggers are data: `data/context/*.toml`, compiled in (see `docs/rule-format.md`). They
//! are found with one small Aho-Corasick automaton over the target's sentence only (at most
//! [`crate::text::CONTEXT`] bytes either side of the target), so the work per target is
//! bounded.

use std::cell::RefCell;
use std::rc::Rc;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use once_cell::sync::{Lazy, OnceCell};
use serde::Deserialize;

use crate::rules::expand_phrase;
use crate::vocab::{Span, Status};

include!(concat!(env!("OUT_DIR"), "/embedded_context.rs"));

/// Most words a `...` gap in a trigger phrase may hold.
const GAP_WORDS: usize = 8;

/// Most bytes a gap may span (eight long words), so that finding a gapped trigger's next part
/// reads a bounded stretch.
const MAX_GAP_BYTES: usize = 160;

/// Longest pseudo-trigger, in bytes: a pseudo-trigger blocking a trigger starts at most this far
/// before it. Longer ones are refused when the files are compiled.
const MAX_PSEUDO_BYTES: usize = 120;

/// What a trigger says about the targets in its scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Category {
    /// "not relying on", "does not apply": the ground is disclaimed.
    Negated,
    /// An earlier decision now reversed or withdrawn: disclaimed.
    Reversed,
    /// A review that upholds a decision to withhold: reliance.
    Upheld,
    /// Words that apply a ground ("withheld under", "is engaged"): reliance, explicitly.
    Applied,
    /// Considered or hedged ("whether", "may apply", "looked at whether"): mentioned.
    Considered,
    /// Supposed ("if", "in the event that"): mentioned; concept inference reads a harm
    /// argument past it, since harm from disclosure is conditional by nature.
    Conditional,
    /// Someone else's words (the requester's, a third party's claim): mentioned.
    OthersWords,
    /// The law explained in general, examples of exemptions: mentioned.
    General,
    /// Not yet decided (a public interest extension): mentioned.
    Pending,
    /// The public interest came out for release: mentioned.
    PublicInterestRelease,
    /// Rights, review and complaint paragraphs, e-mail subjects: mentioned.
    Boilerplate,
    /// An earlier decision reported (the original response): mentioned.
    Earlier,
}

impl Category {
    fn parse(s: &str) -> Option<Category> {
        Some(match s {
            "negated" => Category::Negated,
            "reversed" => Category::Reversed,
            "upheld" => Category::Upheld,
            "applied" => Category::Applied,
            "considered" => Category::Considered,
            "conditional" => Category::Conditional,
            "others_words" => Category::OthersWords,
            "general" => Category::General,
            "pending" => Category::Pending,
            "public_interest_release" => Category::PublicInterestRelease,
            "boilerplate" => Category::Boilerplate,
            "earlier" => Category::Earlier,
            _ => return None,
        })
    }

    /// The status a target in this category's scope takes.
    pub(crate) fn status(self) -> Status {
        match self {
            Category::Negated | Category::Reversed => Status::Disclaimed,
            Category::Upheld | Category::Applied => Status::ReliedOn,
            _ => Status::Mentioned,
        }
    }

    /// Precedence when several triggers reach one target (lower wins): someone else's words
    /// beat everything (a requester's claim that a ground "cannot apply" is not the authority
    /// disclaiming it); then a negation; a decision not yet made beats any reading of one; a review that upholds beats the mentioning categories (its sentence often
    /// names the review); those beat an explicit application in the same scope ("may be
    /// withheld under", "you asked for what was withheld under").
    fn rank(self) -> u8 {
        match self {
            Category::OthersWords => 0,
            Category::Negated | Category::Reversed => 1,
            Category::Pending => 2,
            Category::Upheld => 3,
            Category::Applied => 5,
            _ => 4,
        }
    }
}

/// Which way a trigger's scope runs from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Direction {
    Forward,
    Backward,
    Both,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TriggerDef {
    phrase: String,
    #[serde(default)]
    direction: Option<Direction>,
    #[serde(default)]
    scope: Option<usize>,
    #[serde(default)]
    terminators: Vec<String>,
    #[serde(default)]
    anchored: bool,
    #[serde(default)]
    sentences: usize,
}

/// One example of a context file: a text with the target marked by `«` and `»`.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) struct ExampleDef {
    /// The text, with the target marked.
    pub text: String,
    /// The status the target must take (examples; default: the file category's status).
    #[serde(default)]
    pub status: Option<String>,
    /// Whether the target's ground takes a public interest test (default true).
    #[serde(default)]
    pub qualified: Option<bool>,
    /// Why the example reads as it does (shown when it fails).
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileDef {
    #[serde(default)]
    category: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    direction: Option<Direction>,
    #[serde(default)]
    scope: Option<usize>,
    #[serde(default)]
    terminators: Vec<String>,
    #[serde(default)]
    clause_joiners: Vec<String>,
    /// Terminators that are prepositions before a number ("since 2020") and end nothing there.
    #[serde(default)]
    not_before_number: Vec<String>,
    /// Terminators that are adverbs inside a verb group when a verb of `verbs` stands right
    /// before them ("has therefore not been applied") and end nothing there.
    #[serde(default)]
    not_after_verb: Vec<String>,
    #[serde(default = "yes")]
    global_terminators: bool,
    /// Words that deny what follows them ("not", "never"); global file only.
    #[serde(default)]
    negations: Vec<String>,
    /// A trigger of this file with one of the global `negations` in the this many words before
    /// it, in its clause, is denied and void ("we do not consider that the public interest in
    /// transparency outweighs ..."); 0: never.
    #[serde(default)]
    negatable: usize,
    #[serde(default)]
    verbs: Vec<String>,
    #[serde(default)]
    pseudo: Vec<String>,
    #[serde(default)]
    triggers: Vec<TriggerDef>,
    #[serde(default)]
    examples: Vec<ExampleDef>,
    #[serde(default)]
    counter_examples: Vec<ExampleDef>,
}

fn yes() -> bool {
    true
}

/// Who a terminator or pseudo-trigger applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Owner {
    /// A sentence boundary the sentence splitter did not make: ends every scope.
    Always,
    All,
    Category(Category),
    Trigger(usize),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pat {
    /// Part `part` of trigger `trigger`.
    Trigger { trigger: usize, part: usize },
    /// A terminator; `clause` ones end a scope only before or after a clause with a verb.
    Terminator { owner: Owner, clause: bool },
    /// A pseudo-trigger.
    Pseudo(Owner),
    /// A verb, for clause joiners.
    Verb,
    /// A negation word, for `negatable` triggers.
    Negation,
}

#[derive(Debug)]
struct Trigger {
    category: Category,
    direction: Direction,
    scope: usize,
    parts: usize,
    anchored: bool,
    sentences: usize,
    phrase: String,
    /// False when the file's scopes run to the sentence's end whatever global terminators say.
    global_terminators: bool,
    /// Words before the trigger in which a negation voids it (0: none).
    negatable: usize,
}

/// One file's examples: (path, category, examples, counter-examples).
type FileExamples = (String, Option<Category>, Vec<ExampleDef>, Vec<ExampleDef>);

/// The compiled trigger files.
#[derive(Debug)]
pub(crate) struct Engine {
    ac: Option<AhoCorasick>,
    pats: Vec<Pat>,
    triggers: Vec<Trigger>,
    /// Terminator words that end nothing before a number (lower case).
    not_before_number: Vec<String>,
    /// Terminator words that end nothing right after a verb (lower case).
    not_after_verb: Vec<String>,
    /// The verbs of the global file (lower case), for `not_after_verb`.
    verb_words: Vec<String>,
    /// For each file: (path, category, examples, counter-examples).
    #[cfg_attr(not(test), allow(dead_code))]
    files: Vec<FileExamples>,
    /// The spellings of each trigger's first part: (trigger, spelling).
    first_parts: Vec<(usize, String)>,
    /// For each category with triggers, the words they need (see [`Precheck`]), made on first
    /// use; `None` when one of its triggers needs no word of three letters or more.
    prechecks: Vec<(Category, OnceCell<Option<Precheck>>)>,
    /// The same for the triggers that reach the next sentences.
    carried_check: OnceCell<Option<Precheck>>,
}

/// Words a set of triggers cannot be found without: for each spelling of each trigger's first
/// part, its longest run of ASCII letters and digits (three bytes or more). Folding a stretch of
/// the letter only lowers the case of its ASCII letters and turns white space, apostrophes and
/// dashes into others of their kind, so a run of the folded text is a run of the letter's own
/// text in some case: a stretch that holds none of the words (in any case) holds none of the
/// triggers, and is not folded and scanned to find so.
#[derive(Debug)]
struct Precheck {
    /// The words, ASCII case aside; `None` when the set has no trigger.
    ac: Option<AhoCorasick>,
}

impl Precheck {
    /// The check of `spellings` (as the engine's automaton has them); `None` when one has no
    /// run of three bytes or more.
    fn new<'a>(spellings: impl Iterator<Item = &'a str>) -> Option<Precheck> {
        let mut words: Vec<&str> = Vec::new();
        for v in spellings {
            let mut longest: Option<&str> = None;
            for run in v
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|r| r.len() >= 3)
            {
                if longest.is_none_or(|l| run.len() > l.len()) {
                    longest = Some(run);
                }
            }
            words.push(longest?);
        }
        words.sort_unstable();
        words.dedup();
        if words.is_empty() {
            return Some(Precheck { ac: None });
        }
        let ac = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&words)
            .ok()?;
        Some(Precheck { ac: Some(ac) })
    }

    /// False when `text` holds none of the words.
    fn may_hold(&self, text: &str) -> bool {
        self.ac.as_ref().is_some_and(|ac| ac.is_match(text))
    }
}

/// A trigger found near a target, with its scope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Reading {
    /// The category that applies.
    pub category: Category,
    /// Where the trigger stands in the letter.
    pub trigger: Span,
    /// The trigger's phrase as written in its file.
    pub phrase: String,
}

/// The spellings a pattern is looked for in: as written, with `'` for curly apostrophes (the
/// text is folded so), lower case.
fn spellings(v: &str) -> String {
    v.to_ascii_lowercase().replace('\u{2019}', "'")
}

fn compile() -> Result<Engine, String> {
    let mut c = Compiler::default();
    for (path, src) in EMBEDDED_CONTEXT {
        let def: FileDef = toml::from_str(src).map_err(|e| format!("data/context/{path}: {e}"))?;
        c.file(path, def)?;
    }
    c.finish()
}

/// The engine as its trigger files are read into it, one at a time.
#[derive(Default)]
struct Compiler {
    /// The automaton's patterns, one spelling each; `pats[i]` is what `patterns[i]` is.
    patterns: Vec<String>,
    pats: Vec<Pat>,
    triggers: Vec<Trigger>,
    not_before_number: Vec<String>,
    not_after_verb: Vec<String>,
    verb_words: Vec<String>,
    files: Vec<FileExamples>,
    /// The spellings of each trigger's first part, for the prechecks.
    first_parts: Vec<(usize, String)>,
}

impl Compiler {
    /// Adds every spelling of `phrase` as a pattern that is `p`.
    fn add(&mut self, phrase: &str, p: Pat) -> Result<(), String> {
        let variants = expand_phrase(phrase).map_err(|e| format!("{phrase:?}: {e}"))?;
        for v in variants {
            self.patterns.push(spellings(&v));
            self.pats.push(p);
        }
        Ok(())
    }

    /// Reads one trigger file (`path` under `data/context/`).
    fn file(&mut self, path: &str, def: FileDef) -> Result<(), String> {
        let _ = &def.description;
        let category = match def.category.as_deref() {
            Some(c) => Some(
                Category::parse(c)
                    .ok_or_else(|| format!("data/context/{path}: unknown category {c:?}"))?,
            ),
            None => None,
        };
        let owner = category.map_or(Owner::All, Owner::Category);
        self.not_before_number
            .extend(def.not_before_number.iter().map(|w| w.to_lowercase()));
        self.not_after_verb
            .extend(def.not_after_verb.iter().map(|w| spellings(w)));
        self.verb_words
            .extend(def.verbs.iter().map(|w| spellings(w)));
        for t in &def.terminators {
            let clause = false;
            self.add(t, Pat::Terminator { owner, clause })?;
        }
        for t in &def.clause_joiners {
            let clause = true;
            self.add(t, Pat::Terminator { owner, clause })?;
        }
        for v in &def.verbs {
            self.add(v, Pat::Verb)?;
        }
        if !def.negations.is_empty() && category.is_some() {
            return Err(format!(
                "data/context/{path}: negations belong in the global file (no category)"
            ));
        }
        for v in &def.negations {
            self.add(v, Pat::Negation)?;
        }
        for p in &def.pseudo {
            if expand_phrase(p)?.iter().any(|v| v.len() > MAX_PSEUDO_BYTES) {
                return Err(format!(
                    "data/context/{path}: pseudo-trigger {p:?} is longer than {MAX_PSEUDO_BYTES} bytes"
                ));
            }
            self.add(p, Pat::Pseudo(owner))?;
        }
        if !def.triggers.is_empty() && category.is_none() {
            return Err(format!(
                "data/context/{path}: triggers need a file category"
            ));
        }
        for t in &def.triggers {
            let category = category.expect("checked above");
            self.trigger(path, &def, category, t)?;
        }
        self.files.push((
            path.to_string(),
            category,
            def.examples,
            def.counter_examples,
        ));
        Ok(())
    }

    /// Reads trigger `t` of file `def` (`path`), of `category`: each part of its phrase, and
    /// its own terminators.
    fn trigger(
        &mut self,
        path: &str,
        def: &FileDef,
        category: Category,
        t: &TriggerDef,
    ) -> Result<(), String> {
        let id = self.triggers.len();
        let parts: Vec<&str> = t
            .phrase
            .split("...")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        if parts.is_empty() {
            return Err(format!("data/context/{path}: an empty trigger phrase"));
        }
        for (i, part) in parts.iter().enumerate() {
            let from = self.patterns.len();
            let pat = Pat::Trigger {
                trigger: id,
                part: i,
            };
            self.add(part, pat)?;
            if i == 0 {
                let first = self.patterns[from..].iter().map(|v| (id, v.clone()));
                self.first_parts.extend(first);
            }
        }
        for term in &t.terminators {
            let owner = Owner::Trigger(id);
            let clause = false;
            self.add(term, Pat::Terminator { owner, clause })?;
        }
        self.triggers.push(Trigger {
            category,
            direction: t.direction.or(def.direction).unwrap_or(Direction::Both),
            scope: t.scope.or(def.scope).unwrap_or(8),
            parts: parts.len(),
            anchored: t.anchored,
            sentences: t.sentences,
            phrase: t.phrase.clone(),
            global_terminators: def.global_terminators,
            negatable: def.negatable,
        });
        Ok(())
    }

    /// The engine: the automaton over every pattern, and a precheck (made on first use) for
    /// each category with triggers.
    fn finish(self) -> Result<Engine, String> {
        let ac = if self.patterns.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .kind(Some(AhoCorasickKind::ContiguousNFA))
                    .build(&self.patterns)
                    .map_err(|e| e.to_string())?,
            )
        };
        let mut prechecks: Vec<(Category, OnceCell<Option<Precheck>>)> = Vec::new();
        for t in &self.triggers {
            if prechecks.iter().all(|(c, _)| *c != t.category) {
                prechecks.push((t.category, OnceCell::new()));
            }
        }
        Ok(Engine {
            ac,
            pats: self.pats,
            triggers: self.triggers,
            not_before_number: self.not_before_number,
            not_after_verb: self.not_after_verb,
            verb_words: self.verb_words,
            files: self.files,
            first_parts: self.first_parts,
            prechecks,
            carried_check: OnceCell::new(),
        })
    }
}

/// The engine over the embedded trigger files.
pub(crate) static ENGINE: Lazy<Engine> =
    Lazy::new(|| compile().unwrap_or_else(|e| panic!("context trigger files: {e}")));

/// Sentences kept read per thread (see [`Engine::scan`]).
const SCAN_CACHE: usize = 32;

/// One sentence read: its folded text, pattern hits and triggers.
struct Scanned {
    span: Span,
    text: String,
    folded: Folded,
    hits: Vec<Hit>,
    triggers: Vec<(usize, usize, usize)>,
}

thread_local! {
    static SCANNED: RefCell<Vec<Rc<Scanned>>> = const { RefCell::new(Vec::new()) };
}

/// A stretch of the letter folded for matching: ASCII lower case, every run of white space one
/// space, curly apostrophes `'`, dashes `-`; `map[i]` is the letter offset of byte `i`.
/// True when a gap between a trigger's parts holds the end of a sentence or clause ("?", "!",
/// ";", or a full stop). The point of an abbreviated citation is no full stop: "S.27(1)(a)",
/// "s. 40", "reg. 12(5)(e)" (a point before a letter or digit, or before a space and a digit).
fn gap_ends_sentence(gap: &[u8]) -> bool {
    gap.iter().enumerate().any(|(i, &b)| match b {
        b'?' | b'!' | b';' => true,
        b'.' => {
            let next = gap.get(i + 1).copied();
            let after = gap.get(i + 2).copied();
            !(next.is_some_and(|c| c.is_ascii_alphanumeric())
                || (next == Some(b' ') && after.is_some_and(|c| c.is_ascii_digit())))
        }
        _ => false,
    })
}

struct Folded {
    s: Vec<u8>,
    map: Vec<usize>,
    end: usize,
}

fn fold(src: &str, span: Span) -> Folded {
    let text = span.slice(src);
    let mut s = Vec::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len());
    let mut space = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let at = span.start + i;
        let b = bytes[i];
        if b.is_ascii() {
            // What the general case below does with an ASCII character; a run of ASCII
            // characters other than white space is copied in one go.
            let is_space = |b: u8| matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ');
            if !is_space(b) {
                let run = bytes[i..]
                    .iter()
                    .position(|&c| !c.is_ascii() || is_space(c))
                    .unwrap_or(bytes.len() - i);
                s.extend(bytes[i..i + run].iter().map(u8::to_ascii_lowercase));
                map.extend(at..at + run);
                space = false;
                i += run;
                continue;
            }
            i += 1;
            if !space && !s.is_empty() {
                s.push(b' ');
                map.push(at);
            }
            space = true;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        i += c.len_utf8();
        if c.is_whitespace() {
            if !space && !s.is_empty() {
                s.push(b' ');
                map.push(at);
            }
            space = true;
            continue;
        }
        space = false;
        match c {
            '\u{2019}' | '\u{2018}' => {
                s.push(b'\'');
                map.push(at);
            }
            '\u{2013}' | '\u{2014}' => {
                s.push(b'-');
                map.push(at);
            }
            _ => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    s.push(b.to_ascii_lowercase());
                    map.push(at);
                }
            }
        }
    }
    Folded {
        s,
        map,
        end: span.end,
    }
}

impl Folded {
    /// The folded offset of letter offset `at` (the first folded byte at or after it).
    fn index(&self, at: usize) -> usize {
        self.map.partition_point(|&m| m < at)
    }

    /// Full stops that end a sentence the splitter left whole: a stop and a space before a
    /// capital letter or a list mark ("b)", "2."), not after an abbreviation ("s. 40").
    fn breaks(&self, src: &str) -> Vec<usize> {
        let s = &self.s;
        let mut out = Vec::new();
        for i in memchr::memchr_iter(b'.', s) {
            if s.get(i + 1) != Some(&b' ') || i == 0 {
                continue;
            }
            let word_start = s[..i]
                .iter()
                .rposition(|&b| !b.is_ascii_alphanumeric() && b != b'.')
                .map_or(0, |p| p + 1);
            let word = &s[word_start..i];
            if word.is_empty()
                || matches!(
                    word,
                    b"s" | b"ss"
                        | b"reg"
                        | b"regs"
                        | b"r"
                        | b"no"
                        | b"nos"
                        | b"para"
                        | b"e.g"
                        | b"i.e"
                        | b"mr"
                        | b"mrs"
                        | b"ms"
                        | b"dr"
                        | b"st"
                        | b"sch"
                        | b"art"
                        | b"pt"
                        | b"cf"
                        | b"etc"
                        | b"vs"
                        | b"v"
                )
            {
                continue;
            }
            let next = &s[i + 2..];
            let at = self.offset(i + 2);
            let upper = src
                .get(at..)
                .and_then(|t| t.chars().next())
                .is_some_and(char::is_uppercase);
            let mark = next.len() >= 2
                && next
                    .iter()
                    .take(3)
                    .position(|&b| b == b')' || b == b'.')
                    .is_some_and(|p| p >= 1 && next[..p].iter().all(u8::is_ascii_alphanumeric));
            if upper || mark {
                out.push(i);
            }
        }
        out
    }

    /// The letter offset of folded offset `i`.
    fn offset(&self, i: usize) -> usize {
        self.map.get(i).copied().unwrap_or(self.end)
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// A hit of one pattern in the folded text.
#[derive(Clone, Copy, Debug)]
struct Hit {
    start: usize,
    end: usize,
    pat: Pat,
}

/// Words in `s` (spaces between them, plus one).
fn word_count(s: &[u8]) -> usize {
    let t = s.trim_ascii();
    if t.is_empty() {
        0
    } else {
        t.iter().filter(|&&b| b == b' ').count() + 1
    }
}

/// The folded offset `n` words after `from` (or the end).
fn words_after(s: &[u8], from: usize, n: usize) -> usize {
    let mut seen = 0;
    let mut in_word = false;
    for (i, &b) in s.iter().enumerate().skip(from) {
        if b == b' ' {
            if in_word {
                seen += 1;
                if seen == n {
                    return i;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    s.len()
}

/// The folded offset `n` words before `from` (or 0).
fn words_before(s: &[u8], from: usize, n: usize) -> usize {
    let mut seen = 0;
    let mut in_word = false;
    let mut i = from.min(s.len());
    while i > 0 {
        let b = s[i - 1];
        if b == b' ' {
            if in_word {
                seen += 1;
                if seen == n {
                    return i;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
        i -= 1;
    }
    0
}

/// True when a trigger of `category` numbered `trigger` listens to a terminator or pseudo of
/// `owner`.
fn owns(owner: Owner, t: &Trigger, trigger: usize) -> bool {
    let category = t.category;
    match owner {
        Owner::Always => true,
        Owner::All => t.global_terminators,
        Owner::Category(c) => c == category,
        Owner::Trigger(t) => t == trigger,
    }
}

impl Engine {
    /// The [`Precheck`] of the triggers `keep` keeps.
    fn precheck(&self, keep: impl Fn(&Trigger) -> bool) -> Option<Precheck> {
        Precheck::new(
            self.first_parts
                .iter()
                .filter(|(t, _)| keep(&self.triggers[*t]))
                .map(|(_, v)| v.as_str()),
        )
    }

    fn hits(&self, src: &str, f: &Folded) -> Vec<Hit> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        let s = &f.s;
        let mut out = Vec::new();
        for m in ac.find_overlapping_iter(s.as_slice()) {
            let (a, b) = (m.start(), m.end());
            let pat = self.pats[m.pattern().as_usize()];
            let first = s[a];
            let last = s[b - 1];
            if is_word_byte(first) && a > 0 && is_word_byte(s[a - 1]) {
                continue;
            }
            if is_word_byte(last) && b < s.len() && is_word_byte(s[b]) {
                continue;
            }
            // "since 2020": a preposition before a number, not the start of a clause.
            if matches!(pat, Pat::Terminator { .. })
                && self
                    .not_before_number
                    .iter()
                    .any(|w| w.as_bytes() == &s[a..b])
                && s[b..]
                    .iter()
                    .find(|c| !c.is_ascii_whitespace())
                    .is_some_and(u8::is_ascii_digit)
            {
                continue;
            }
            // "has therefore not been applied": an adverb inside a verb group.
            if matches!(pat, Pat::Terminator { .. })
                && self.not_after_verb.iter().any(|w| w.as_bytes() == &s[a..b])
                && self.after_verb(&s[..a])
            {
                continue;
            }
            out.push(Hit {
                start: a,
                end: b,
                pat,
            });
        }
        out.extend(f.breaks(src).into_iter().map(|i| Hit {
            start: i,
            end: i + 1,
            pat: Pat::Terminator {
                owner: Owner::Always,
                clause: false,
            },
        }));
        out.sort_by_key(|h| (h.start, h.end));
        out
    }

    /// True when `before` ends with a verb of the global file and a space.
    fn after_verb(&self, before: &[u8]) -> bool {
        let Some(t) = before.strip_suffix(b" ") else {
            return false;
        };
        let start = t
            .iter()
            .rposition(|&b| !(is_word_byte(b) || b == b'\''))
            .map_or(0, |i| i + 1);
        let word = &t[start..];
        !word.is_empty() && self.verb_words.iter().any(|v| v.as_bytes() == word)
    }

    /// Whole triggers (gapped parts joined) in `hits`: (trigger, start, end), pseudo-blocked
    /// ones left out.
    fn triggers_in(&self, f: &Folded, hits: &[Hit]) -> Vec<(usize, usize, usize)> {
        let s = &f.s;
        let mut out = Vec::new();
        for h in hits {
            let Pat::Trigger { trigger, part: 0 } = h.pat else {
                continue;
            };
            let t = &self.triggers[trigger];
            if t.anchored {
                let lead = &s[..h.start];
                if lead
                    .iter()
                    .any(|&b| b.is_ascii_alphanumeric() || b == b',' || b == b'.')
                {
                    continue;
                }
            }
            let mut end = h.end;
            let mut ok = true;
            for part in 1..t.parts {
                // Hits are in order of start: look only at those a gap may reach.
                let from = hits.partition_point(|n| n.start < end);
                let next = hits[from..]
                    .iter()
                    .take_while(|n| n.start - end <= MAX_GAP_BYTES)
                    .find(|n| {
                        n.pat == Pat::Trigger { trigger, part } && {
                            let gap = &s[end..n.start];
                            !gap_ends_sentence(gap) && word_count(gap) <= GAP_WORDS
                        }
                    });
                match next {
                    Some(n) => end = n.end,
                    None => {
                        ok = false;
                        break;
                    }
                }
            }
            if !ok {
                continue;
            }
            let from = hits.partition_point(|p| p.start + MAX_PSEUDO_BYTES < h.start);
            let blocked = hits[from..]
                .iter()
                .take_while(|p| p.start < end)
                .any(|p| match p.pat {
                    Pat::Pseudo(owner) => {
                        owns(owner, t, trigger) && p.start < end && h.start < p.end
                    }
                    _ => false,
                });
            if !blocked && !self.denied(f, hits, trigger, h.start) {
                out.push((trigger, h.start, end));
            }
        }
        out
    }

    /// True when trigger `trigger`, starting at `ts`, is `negatable` and a negation stands in
    /// the words before it with none of its terminators between: "we do not consider that the
    /// public interest in transparency outweighs ..." denies the outcome it would report.
    fn denied(&self, f: &Folded, hits: &[Hit], trigger: usize, ts: usize) -> bool {
        let t = &self.triggers[trigger];
        if t.negatable == 0 {
            return false;
        }
        let from = words_before(&f.s, ts, t.negatable);
        let lo = hits.partition_point(|h| h.start < from);
        let before = &hits[lo..hits.partition_point(|h| h.start < ts)];
        let Some(neg) = before.iter().rposition(|h| h.pat == Pat::Negation) else {
            return false;
        };
        !before[neg + 1..].iter().any(|h| match h.pat {
            Pat::Terminator { owner, clause } => !clause && owns(owner, t, trigger),
            _ => false,
        })
    }

    /// True when the clause on the far side of a clause joiner at `j` (looking away from the
    /// trigger) holds a verb: then the joiner starts or ends a clause of its own.
    /// Only the hard terminators the trigger listens to (`listens`) bound that clause.
    fn joins_clause(
        hits: &[Hit],
        j: &Hit,
        forward: bool,
        len: usize,
        listens: impl Fn(Owner) -> bool,
    ) -> bool {
        let hard = |h: &Hit| match h.pat {
            Pat::Terminator {
                owner,
                clause: false,
            } => listens(owner),
            _ => false,
        };
        let (from, to) = if forward {
            let to = hits
                .iter()
                .filter(|h| h.start >= j.end && hard(h))
                .map(|h| h.start)
                .min()
                .unwrap_or(len);
            (j.end, to)
        } else {
            let from = hits
                .iter()
                .filter(|h| h.end <= j.start && hard(h))
                .map(|h| h.end)
                .max()
                .unwrap_or(0);
            (from, j.start)
        };
        hits.iter()
            .any(|h| h.pat == Pat::Verb && h.start >= from && h.end <= to)
    }

    /// The scope of a trigger found at `[ts, te)`: (start, end) in folded offsets for each
    /// direction it runs.
    fn scopes(
        &self,
        f: &Folded,
        hits: &[Hit],
        trigger: usize,
        ts: usize,
        te: usize,
    ) -> [Option<(usize, usize)>; 2] {
        let t = &self.triggers[trigger];
        let s = &f.s;
        let stops = |h: &&Hit, forward: bool| match h.pat {
            Pat::Terminator { owner, clause } => {
                owns(owner, t, trigger)
                    && (!clause
                        || Self::joins_clause(hits, h, forward, s.len(), |o| owns(o, t, trigger)))
            }
            _ => false,
        };
        let forward = matches!(t.direction, Direction::Forward | Direction::Both).then(|| {
            let mut end = words_after(s, te, t.scope);
            if let Some(h) = hits
                .iter()
                .filter(|h| h.start >= te && h.start < end)
                .find(|h| stops(h, true))
            {
                end = h.start;
            }
            (te, end)
        });
        let backward = matches!(t.direction, Direction::Backward | Direction::Both).then(|| {
            let mut start = words_before(s, ts, t.scope);
            if let Some(h) = hits
                .iter()
                .rev()
                .filter(|h| h.end <= ts && h.end > start)
                .find(|h| stops(h, false))
            {
                start = h.end;
            }
            (start, ts)
        });
        [forward, backward]
    }

    /// The folded text, pattern hits and triggers of `sentence`, from a small cache of the
    /// sentences last read on this thread: the spans of one sentence are read one after another
    /// (citations, then cues), and each is read once. An entry is used only when its text is
    /// byte for byte the text asked about.
    fn scan(&self, src: &str, sentence: Span) -> Rc<Scanned> {
        let text = sentence.slice(src);
        let cached = SCANNED.with(|c| {
            c.borrow()
                .iter()
                .find(|s| s.span == sentence && s.text == text)
                .cloned()
        });
        if let Some(s) = cached {
            return s;
        }
        let folded = fold(src, sentence);
        let hits = self.hits(src, &folded);
        let triggers = self.triggers_in(&folded, &hits);
        let scanned = Rc::new(Scanned {
            span: sentence,
            text: text.to_string(),
            folded,
            hits,
            triggers,
        });
        SCANNED.with(|c| {
            let mut c = c.borrow_mut();
            if c.len() >= SCAN_CACHE {
                c.remove(0);
            }
            c.push(Rc::clone(&scanned));
        });
        scanned
    }

    /// Every trigger of `sentence` (a span of `src`) whose scope reaches `target`.
    pub(crate) fn readings(&self, src: &str, sentence: Span, target: Span) -> Vec<Reading> {
        let scanned = self.scan(src, sentence);
        let (f, hits) = (&scanned.folded, &scanned.hits);
        let (a, b) = (
            f.index(target.start),
            f.index(target.end).max(f.index(target.start)),
        );
        let mut out = Vec::new();
        for &(trigger, ts, te) in &scanned.triggers {
            // A scope that runs away from the target cannot reach it.
            match self.triggers[trigger].direction {
                Direction::Forward if ts >= b => continue,
                Direction::Backward if te <= a => continue,
                _ => {}
            }
            // A trigger inside the target (a cue phrase holding "whether") reads it only when
            // it negates it ("names ... have not been redacted"); one that straddles it ("do
            // not think ... can be relied") reads it whatever its category.
            let category = self.triggers[trigger].category;
            let inside = ts >= a && te <= b;
            let overlaps = ts < b
                && a < te
                && (!inside || matches!(category, Category::Negated | Category::Reversed));
            let [forward, backward] = self.scopes(f, hits, trigger, ts, te);
            let in_scope = overlaps
                || forward.is_some_and(|(s, e)| a >= s && a < e)
                || backward.is_some_and(|(s, e)| a >= s && b <= e);
            if in_scope {
                let t = &self.triggers[trigger];
                out.push(Reading {
                    category: t.category,
                    trigger: Span::new(f.offset(ts), f.offset(te).max(f.offset(ts))),
                    phrase: t.phrase.clone(),
                });
            }
        }
        out.sort_by_key(|r| (r.category.rank(), r.trigger.start));
        out
    }

    /// The triggers of `category` in `sentence` that reach the sentences after theirs
    /// (`sentences` in their file), with how many sentences they reach.
    pub(crate) fn carried(&self, src: &str, sentence: Span) -> Vec<(Category, usize, Span)> {
        if self
            .carried_check
            .get_or_init(|| self.precheck(|t| t.sentences > 0))
            .as_ref()
            .is_some_and(|p| !p.may_hold(sentence.slice(src)))
        {
            return Vec::new();
        }
        let scanned = self.scan(src, sentence);
        let f = &scanned.folded;
        scanned
            .triggers
            .iter()
            .copied()
            .filter(|&(t, _, _)| self.triggers[t].sentences > 0)
            .map(|(t, ts, te)| {
                (
                    self.triggers[t].category,
                    self.triggers[t].sentences,
                    Span::new(f.offset(ts), f.offset(te).max(f.offset(ts))),
                )
            })
            .collect()
    }

    /// True when `sentence` holds a trigger of `category` anywhere (scope aside).
    pub(crate) fn has(&self, src: &str, sentence: Span, category: Category) -> bool {
        // A category with no triggers has none here; one whose triggers' words are not all
        // here neither.
        let Some((_, check)) = self.prechecks.iter().find(|(c, _)| *c == category) else {
            return false;
        };
        let check = check.get_or_init(|| self.precheck(|t| t.category == category));
        if check
            .as_ref()
            .is_some_and(|p| !p.may_hold(sentence.slice(src)))
        {
            return false;
        }
        self.scan(src, sentence)
            .triggers
            .iter()
            .any(|&(t, _, _)| self.triggers[t].category == category)
    }

    /// Where triggers of `category` stand in `span` of `src` (a whole letter, say), read in
    /// one pass.
    pub(crate) fn find(&self, src: &str, span: Span, category: Category) -> Vec<Span> {
        let f = fold(src, span);
        let hits = self.hits(src, &f);
        self.triggers_in(&f, &hits)
            .into_iter()
            .filter(|&(t, _, _)| self.triggers[t].category == category)
            .map(|(_, ts, te)| Span::new(f.offset(ts), f.offset(te).max(f.offset(ts))))
            .collect()
    }

    /// The files' examples: (path, category, examples, counter-examples).
    #[cfg(test)]
    pub(crate) fn files(&self) -> &[FileExamples] {
        &self.files
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cats(text: &str, target: &str) -> Vec<Category> {
        let start = text.find(target).unwrap();
        ENGINE
            .readings(
                text,
                Span::new(0, text.len()),
                Span::new(start, start + target.len()),
            )
            .into_iter()
            .map(|r| r.category)
            .collect()
    }

    /// The text of an example with its `«...»` mark taken out, and the marked span.
    fn unmark(text: &str) -> Option<(String, Span)> {
        let open = text.find('«')?;
        let close = text.find('»')?;
        let inner = text.get(open + '«'.len_utf8()..close)?;
        let plain = format!(
            "{}{}{}",
            &text[..open],
            inner,
            &text[close + '»'.len_utf8()..]
        );
        Some((plain, Span::new(open, open + inner.len())))
    }

    fn parse_status(s: &str) -> Option<Status> {
        Some(match s {
            "relied_on" => Status::ReliedOn,
            "mentioned" => Status::Mentioned,
            "disclaimed" => Status::Disclaimed,
            _ => return None,
        })
    }

    /// Runs one context file's examples through the whole status decision.
    fn check_context_file(path: &str) {
        let (_, category, examples, counter) = ENGINE
            .files()
            .iter()
            .find(|f| f.0 == path)
            .unwrap_or_else(|| panic!("no context file {path}"));
        let mut failures = Vec::new();
        if examples.is_empty() || counter.is_empty() {
            failures.push(format!(
                "{path}: needs [[examples]] and [[counter_examples]]"
            ));
        }
        for (ex, is_counter) in examples
            .iter()
            .map(|e| (e, false))
            .chain(counter.iter().map(|e| (e, true)))
        {
            let Some((plain, span)) = unmark(&ex.text) else {
                failures.push(format!("{path}: no «...» mark in {:?}", ex.text));
                continue;
            };
            let before = failures.len();
            let text = crate::text::Text::new(&plain);
            let got = crate::resolve::assess_detail(&text, span, ex.qualified.unwrap_or(true));
            let want = match ex.status.as_deref() {
                Some(s) => parse_status(s),
                None if is_counter => None,
                None => category.map(Category::status),
            };
            if ex.status.is_some() && want.is_none() {
                failures.push(format!("{path}: unknown status in {:?}", ex.text));
            }
            if let Some(w) = want {
                if got.status != w {
                    failures.push(format!("{path}: {:?}: want {w:?}, got {got:?}", ex.text));
                }
            }
            if is_counter && category.is_some() && got.category == *category {
                failures.push(format!(
                    "{path}: counter-example {:?} took the category: {got:?}",
                    ex.text
                ));
            }
            if !is_counter && ex.status.is_none() && category.is_some() && got.category != *category
            {
                failures.push(format!(
                    "{path}: {:?}: want {category:?}, got {got:?}",
                    ex.text
                ));
            }
            if failures.len() > before {
                if let Some(note) = &ex.note {
                    failures.push(format!("  (the example's note: {note})"));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    include!(concat!(env!("OUT_DIR"), "/context_tests.rs"));

    #[test]
    fn the_prechecks_hide_no_trigger() {
        // Every example of every file, and a few spellings the folding evens out: what `has`
        // and `carried` say with their prechecks is what a scan of the sentence finds.
        let mut texts: Vec<String> = ENGINE
            .files()
            .iter()
            .flat_map(|(_, _, ex, counter)| ex.iter().chain(counter))
            .filter_map(|e| unmark(&e.text).map(|(t, _)| t))
            .collect();
        texts.extend(
            [
                "The PUBLIC  Interest\nFAVOURS the release of the report.",
                "We are currently\u{a0}considering whether s.36 applies.",
                "We don\u{2019}t think that maintaining the exemption outweighs it.",
                "Nothing here at all.",
            ]
            .map(String::from),
        );
        for text in &texts {
            let all = Span::new(0, text.len());
            let scanned = ENGINE.scan(text, all);
            for (c, _) in &ENGINE.prechecks {
                let found = scanned
                    .triggers
                    .iter()
                    .any(|&(t, _, _)| ENGINE.triggers[t].category == *c);
                assert_eq!(ENGINE.has(text, all, *c), found, "{c:?} in {text:?}");
            }
            let reaching = scanned
                .triggers
                .iter()
                .any(|&(t, _, _)| ENGINE.triggers[t].sentences > 0);
            assert_eq!(!ENGINE.carried(text, all).is_empty(), reaching, "{text:?}");
        }
    }

    #[test]
    fn the_files_compile() {
        assert!(compile().is_ok());
        assert!(!ENGINE.triggers.is_empty());
    }

    #[test]
    fn scope_follows_direction() {
        // "not relying on" looks forward: what comes before it is outside.
        assert!(
            cats("We are not relying on section 43.", "section 43").contains(&Category::Negated)
        );
        assert!(!cats(
            "Section 40 applies to the names; we are not relying on section 43.",
            "Section 40"
        )
        .contains(&Category::Negated));
    }

    #[test]
    fn a_clause_joiner_ends_scope_only_before_a_clause() {
        let t = "Staff names are redacted under section 40(2) and section 43 is not being used.";
        assert!(!cats(t, "section 40(2)").contains(&Category::Negated));
        assert!(cats(t, "section 43").contains(&Category::Negated));
        let t = "Sections 40 and 43 do not apply to this information.";
        assert!(cats(t, "Sections 40").contains(&Category::Negated));
    }

    #[test]
    fn pseudo_triggers_block() {
        assert!(!cats(
            "The figures are not only sensitive but exempt under section 43.",
            "section 43"
        )
        .contains(&Category::Negated));
    }

    #[test]
    fn a_trigger_terminator_ends_only_its_own_scope() {
        // "if" stops at its comma; what follows is the decision.
        let t =
            "If the figures were released, the contractor would be harmed, so section 43 applies.";
        assert!(!cats(t, "section 43").contains(&Category::Conditional));
        assert!(cats("If section 31 applied we would say so.", "section 31")
            .contains(&Category::Conditional));
    }

    #[test]
    fn anchored_triggers_open_the_sentence() {
        assert!(
            cats("RE: Commercially sensitive terms", "Commercially sensitive")
                .contains(&Category::Boilerplate)
        );
        assert!(!cats(
            "The terms are commercially sensitive, re: the tender.",
            "commercially sensitive"
        )
        .contains(&Category::Boilerplate));
    }

    #[test]
    fn a_missed_sentence_end_ends_every_scope() {
        let t = "It is exempt under section 21. b) Please provide the list.";
        assert!(!cats(t, "section 21").contains(&Category::OthersWords));
        // An abbreviation is no sentence end.
        let t = "Please provide the papers held under s. 43 by the team.";
        assert!(cats(t, "43").contains(&Category::OthersWords));
    }

    #[test]
    fn carried_triggers_reach_the_next_sentence() {
        let src = "We are currently considering the public interest. We do so under section 31.";
        let first = Span::new(0, src.find(" We do").unwrap());
        assert_eq!(ENGINE.carried(src, first).len(), 1);
    }

    #[test]
    fn find_reads_a_whole_letter() {
        let src = "Dear Sir\n\nThe report is withheld.\n\nI uphold the original decision.\n";
        let found = ENGINE.find(src, Span::new(0, src.len()), Category::Upheld);
        assert_eq!(found.len(), 1);
        assert!(found[0].slice(src).starts_with("uphold"));
    }

    #[test]
    fn an_abbreviated_citation_in_a_gap_ends_no_sentence() {
        assert!(!gap_ends_sentence(b" s.27(1)(a) "));
        assert!(!gap_ends_sentence(b" reg. 12(5)(e) "));
        assert!(gap_ends_sentence(b" it. we "));
        assert!(gap_ends_sentence(b" it; we "));
    }

    #[test]
    fn folding_keeps_offsets() {
        let src = "We   are NOT\nrelying on s.43 \u{2019}here\u{2019}.";
        let f = fold(src, Span::new(0, src.len()));
        assert_eq!(
            std::str::from_utf8(&f.s).unwrap(),
            "we are not relying on s.43 'here'."
        );
        assert_eq!(
            f.offset(f.index(src.find("s.43").unwrap())),
            src.find("s.43").unwrap()
        );
    }
}
