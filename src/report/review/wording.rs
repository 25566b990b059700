//! Review wording files (`data/review/*.toml`): the fixed wording of a drafted review request
//! (note, salutations, opening, the regime's procedure, the deadline for asking, closing), the
//! shapes of an authority's name and reference that the drafting reads in a reply, and the
//! rewrites that turn an argument written for the requester into the requester's point. The
//! file `default.toml` is the base and the neutral wording; a file per regime replaces its text
//! and adds to its lists. See `docs/rule-format.md`, "Review wording files".

use std::sync::OnceLock;

use regex::Regex;
use serde::Deserialize;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_review.rs"));
}

/// The name of the base file's regime.
pub(super) const BASE: &str = "default";

/// The placeholders a text may use.
const PLACEHOLDERS: [&str; 5] = [
    "{authority}",
    "{reference}",
    "{deadline}",
    "{replied}",
    "{review_by}",
];

/// One text field of every file: `Option` in a file, filled from the base once merged.
macro_rules! texts {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {
        #[derive(Clone, Debug, Default, Deserialize)]
        #[serde(deny_unknown_fields)]
        struct TextFile {
            $($name: Option<String>,)*
        }

        /// The fixed wording of a letter (see `data/review/default.toml` for each field).
        #[derive(Clone, Debug, Default)]
        pub(super) struct Texts {
            $($(#[$doc])* pub(super) $name: String,)*
        }

        impl Texts {
            /// `file`'s texts over these; with `complete`, every field must be given.
            fn merged(&self, file: &TextFile, complete: bool) -> Result<Texts, String> {
                let mut out = self.clone();
                $(
                    match &file.$name {
                        Some(t) => out.$name = flat(t),
                        None if complete => {
                            return Err(format!("[text] needs {}", stringify!($name)))
                        }
                        None => {}
                    }
                )*
                Ok(out)
            }

            /// Every field with its name.
            fn fields(&self) -> Vec<(&'static str, &str)> {
                vec![$((stringify!($name), self.$name.as_str()),)*]
            }
        }
    };
}

texts! {
    /// The note above the letter: a draft, not legal advice; `{deadline}`.
    note,
    /// Instead of a letter, when the reply gives nothing to argue and refuses nothing.
    no_letter,
    /// Instead of a letter, when the reply refuses something but gives nothing to argue.
    no_letter_refused,
    /// The address line without the authority's name.
    to,
    /// The address line with `{authority}`.
    to_named,
    /// The subject line.
    subject,
    /// The line quoting the authority's `{reference}`.
    reference,
    /// The line in its place when the reply gives none.
    no_reference,
    /// The salutation without a name.
    dear,
    /// The salutation with `{authority}`.
    dear_named,
    /// The first paragraph: what the letter is, under which provision.
    opening,
    /// The line before the numbered points.
    points,
    /// The paragraph after the points: the regime's procedure and what comes after the review.
    procedure,
    /// For a letter under several regimes: this regime's paragraph asking for its review too.
    also,
    /// The sentence giving the time for asking ([`super::deadline`]).
    deadline,
    /// The same when the reply's date and the last day to ask are known
    /// ([`crate::vocab::Timing`]): `{replied}`, `{review_by}`, then the `deadline` sentence.
    deadline_dated,
    /// The paragraph asking for the outcome in writing.
    closing,
    /// The sign-off.
    sign_off,
    /// The requester's name, when the caller does not give it.
    name,
    /// The line for the requester's address.
    address,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct AuthorityFile {
    #[serde(default)]
    endings: Vec<String>,
    #[serde(default)]
    beginnings: Vec<String>,
    #[serde(default)]
    connectors: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    split_at: Vec<String>,
    max_words: Option<usize>,
    letterhead_lines: Option<usize>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReferenceFile {
    pattern: String,
    unless: Option<String>,
}

/// A letter a wording file's drafting must handle: the draft of its report must hold every
/// `contains` and no `lacks`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(test), allow(dead_code))]
pub(super) struct Example {
    pub(super) text: String,
    #[serde(default)]
    pub(super) contains: Vec<String>,
    #[serde(default)]
    pub(super) lacks: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    regime: String,
    description: String,
    #[serde(default)]
    text: TextFile,
    authority: Option<AuthorityFile>,
    #[serde(default)]
    reference: Vec<ReferenceFile>,
    #[serde(default)]
    points: PointsFile,
    #[serde(default)]
    examples: Vec<Example>,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PointsFile {
    #[serde(default)]
    drop: Vec<String>,
    #[serde(default)]
    prompt: Vec<String>,
    #[serde(default)]
    rewrite: Vec<(String, String)>,
}

/// What an authority's name looks like (see `[authority]` in `data/review/default.toml`).
#[derive(Clone, Debug, Default)]
pub(super) struct AuthorityShape {
    pub(super) endings: Vec<String>,
    pub(super) beginnings: Vec<String>,
    pub(super) connectors: Vec<String>,
    pub(super) exclude: Vec<String>,
    pub(super) split_at: Vec<String>,
    pub(super) max_words: usize,
    pub(super) letterhead_lines: usize,
}

/// The wording for one regime, merged over the base.
#[derive(Clone, Debug, Default)]
pub(super) struct Wording {
    pub(super) regime: String,
    pub(super) text: Texts,
    pub(super) authority: AuthorityShape,
    /// Patterns with a group `ref`, tried in order, each with a pattern that voids a match.
    pub(super) references: Vec<(Regex, Option<Regex>)>,
    /// Sentences of an argument that speak only to the requester.
    pub(super) drop: Vec<Regex>,
    /// Sentences of an argument that tell the requester what to add: kept, as written, in
    /// brackets for the requester to fill in.
    pub(super) prompt: Vec<Regex>,
    /// (pattern, replacement), in order.
    pub(super) rewrite: Vec<(Regex, String)>,
    /// The file's own examples (read by its test).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(super) examples: Vec<Example>,
}

/// Every wording: the base, and each regime's merged over it.
#[derive(Debug, Default)]
pub(super) struct Wordings {
    pub(super) base: Wording,
    pub(super) regimes: Vec<Wording>,
}

impl Wordings {
    /// The wording of `regime` (its short name), if it has a file.
    pub(super) fn regime(&self, regime: &str) -> Option<&Wording> {
        self.regimes.iter().find(|w| w.regime == regime)
    }

    /// The wording read from `source` (a file's name under `data/review/`).
    #[cfg(test)]
    pub(super) fn of_file(&self, file: &str) -> Option<&Wording> {
        let regime = file.trim_end_matches(".toml");
        if regime == BASE {
            Some(&self.base)
        } else {
            self.regime(regime)
        }
    }
}

/// The embedded files: (name under `data/review/`, contents).
#[cfg(test)]
pub(super) fn embedded_files() -> &'static [(&'static str, &'static str)] {
    embedded::EMBEDDED_REVIEW
}

/// The embedded wordings, parsed on first use. The files are checked by their tests
/// (`review_wording_<file>`); should one not parse all the same, the letter is drafted with
/// empty fixed wording rather than a panic.
pub(super) fn wordings() -> &'static Wordings {
    static WORDINGS: OnceLock<Wordings> = OnceLock::new();
    WORDINGS.get_or_init(|| load(embedded::EMBEDDED_REVIEW).unwrap_or_default())
}

/// Parses `files` ((name, contents)): the base first, then each regime over it.
pub(super) fn load(files: &[(&str, &str)]) -> Result<Wordings, String> {
    let mut parsed = Vec::with_capacity(files.len());
    for (name, src) in files {
        let file: File = toml::from_str(src).map_err(|e| format!("review/{name}: {e}"))?;
        if file.description.trim().is_empty() {
            return Err(format!("review/{name}: the description is empty"));
        }
        parsed.push((*name, file));
    }
    let Some(at) = parsed.iter().position(|(_, f)| f.regime == BASE) else {
        return Err(format!("no review wording file has regime = {BASE:?}"));
    };
    let (base_name, base_file) = parsed.remove(at);
    let base = wording(&Wording::default(), base_file, true)
        .map_err(|e| format!("review/{base_name}: {e}"))?;
    let mut regimes: Vec<Wording> = Vec::new();
    for (name, file) in parsed {
        let regime = file.regime.clone();
        if regime == BASE || regimes.iter().any(|w| w.regime == regime) {
            return Err(format!(
                "review/{name}: a second file for regime {regime:?}"
            ));
        }
        regimes.push(wording(&base, file, false).map_err(|e| format!("review/{name}: {e}"))?);
    }
    Ok(Wordings { base, regimes })
}

/// `file` merged over `base` (with `complete`: every text must be given).
fn wording(base: &Wording, file: File, complete: bool) -> Result<Wording, String> {
    let text = base.text.merged(&file.text, complete)?;
    for (name, t) in text.fields() {
        check_text(name, t)?;
    }
    let mut authority = base.authority.clone();
    if let Some(a) = file.authority {
        authority.endings.extend(a.endings);
        authority.beginnings.extend(a.beginnings);
        authority.connectors.extend(a.connectors);
        authority.exclude.extend(a.exclude);
        authority.split_at.extend(a.split_at);
        authority.max_words = a.max_words.unwrap_or(authority.max_words);
        authority.letterhead_lines = a.letterhead_lines.unwrap_or(authority.letterhead_lines);
    }
    if complete && (authority.endings.is_empty() || authority.max_words < 2) {
        return Err("[authority] needs endings and a max_words of at least 2".into());
    }
    let compile = |p: &str| Regex::new(p).map_err(|e| format!("bad pattern {p:?}: {e}"));
    let mut references = base.references.clone();
    for r in &file.reference {
        let re = compile(&r.pattern)?;
        if !re.capture_names().any(|n| n == Some("ref")) {
            return Err(format!(
                "reference pattern {:?} has no group (?P<ref>...)",
                r.pattern
            ));
        }
        let unless = r.unless.as_deref().map(compile).transpose()?;
        references.push((re, unless));
    }
    let mut drop = base.drop.clone();
    for p in &file.points.drop {
        drop.push(compile(p)?);
    }
    let mut prompt = base.prompt.clone();
    for p in &file.points.prompt {
        prompt.push(compile(p)?);
    }
    let mut rewrite = base.rewrite.clone();
    for (p, with) in &file.points.rewrite {
        rewrite.push((compile(p)?, with.clone()));
    }
    if file.examples.is_empty() {
        return Err("a wording file needs at least one [[examples]] letter".into());
    }
    Ok(Wording {
        regime: file.regime,
        text,
        authority,
        references,
        drop,
        prompt,
        rewrite,
        examples: file.examples,
    })
}

/// What makes a text field wrong, if anything: an unknown placeholder, or an overclaim.
fn check_text(name: &str, t: &str) -> Result<(), String> {
    crate::rules::check_wording(t, &PLACEHOLDERS).map_err(|why| format!("[text] {name} {why}"))
}

/// A text of a file on one line: its whitespace (line breaks of a multi-line string) made
/// single spaces.
fn flat(t: &str) -> String {
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE_FILE: &str = r#"
regime = "default"
description = "d"
[text]
note = "n {deadline}"
no_letter = "x"
no_letter_refused = "x"
to = "t"
to_named = "t {authority}"
subject = "s"
reference = "r {reference}"
no_reference = "r"
dear = "d"
dear_named = "d {authority}"
opening = "o"
points = "p"
procedure = "p"
also = ""
deadline = "within 40 working days"
deadline_dated = "dated {replied}, by {review_by}"
closing = "c"
sign_off = "y"
name = "n"
address = "a"
[authority]
endings = ["Council"]
max_words = 6
letterhead_lines = 8
[[reference]]
pattern = '(?i)our ref:\s*(?P<ref>\S+)'
[[examples]]
text = "x"
"#;

    #[test]
    fn a_regime_file_replaces_text_and_adds_to_lists() {
        let regime = "regime = \"foia\"\ndescription = \"f\"\n[text]\nopening = \"FOIA opening\"\n[authority]\nendings = [\"Trust\"]\n[[examples]]\ntext = \"y\"\n";
        let w = load(&[("default.toml", BASE_FILE), ("foia.toml", regime)]).unwrap();
        let foia = w.regime("foia").unwrap();
        assert_eq!(foia.text.opening, "FOIA opening");
        assert_eq!(foia.text.closing, "c");
        assert_eq!(foia.authority.endings, ["Council", "Trust"]);
        assert_eq!(foia.references.len(), 1);
        assert!(w.regime("eir").is_none());
    }

    #[test]
    fn bad_files_are_errors_that_say_why() {
        for (from, to, why) in [
            ("closing = \"c\"\n", "", "needs closing"),
            ("opening = \"o\"", "opening = \"{nonsense}\"", "placeholder"),
            (
                "opening = \"o\"",
                "opening = \"you failed to\"",
                "failed to",
            ),
            ("(?P<ref>\\S+)", "(\\S+)", "group"),
            ("[[examples]]\ntext = \"x\"\n", "", "examples"),
            (
                "regime = \"default\"",
                "regime = \"foia\"",
                "no review wording file",
            ),
            (
                "max_words = 6",
                "max_words = 6\nmaximum = 3",
                "unknown field",
            ),
        ] {
            let err = load(&[("default.toml", &BASE_FILE.replace(from, to))]).unwrap_err();
            assert!(err.contains(why), "{from} -> {to}: {err}");
        }
        let twice = load(&[
            ("default.toml", BASE_FILE),
            (
                "a.toml",
                "regime = \"foia\"\ndescription = \"f\"\n[[examples]]\ntext = \"y\"\n",
            ),
            (
                "b.toml",
                "regime = \"foia\"\ndescription = \"f\"\n[[examples]]\ntext = \"y\"\n",
            ),
        ]);
        assert!(twice.unwrap_err().contains("second file"));
    }
}
