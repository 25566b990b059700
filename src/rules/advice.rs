//! Advice files (`data/advice/*.toml`): what a requester can argue in asking for a review, keyed
//! to the grounds a letter relies on, the notice checks it fails and its outcome. Each entry says
//! when it applies, the statutory hook, the argument in plain words, and carries examples (a
//! letter it must fire on, one it must not) that `cargo test` runs. See `docs/rule-format.md`.

use serde::Deserialize;
use toml::Spanned;

use crate::error::{Error, ErrorKind};
use crate::vocab::{Act, CheckResult, LegalTest, OutcomeKind, Qualification};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_advice.rs"));
}

/// The embedded advice files as `(name, contents)`, each named `advice/<file>` so that
/// [`is_advice_file`] tells them from rule files.
pub(crate) fn embedded_sources() -> impl Iterator<Item = (String, &'static str)> {
    embedded::EMBEDDED_ADVICE
        .iter()
        .map(|&(name, src)| (format!("advice/{name}"), src))
}

/// True when the file `name` is an advice file: it lies in a folder named `advice`.
pub(crate) fn is_advice_file(name: &str) -> bool {
    name.rsplit(['/', '\\']).nth(1) == Some("advice")
}

/// What an advice entry is keyed to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AdviceOn {
    /// A ground the letter relies on.
    Ground,
    /// A notice check (failed, unless `result` says otherwise).
    Check,
    /// The letter's outcome.
    Outcome,
}

/// A letter an advice entry must fire on (`fires = true`) or must not.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdviceExample {
    /// The letter.
    pub text: String,
    /// Whether the entry must give advice for it.
    pub fires: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AdviceFile {
    #[serde(default)]
    advice: Vec<Spanned<EntryFile>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryFile {
    id: String,
    on: AdviceOn,
    #[serde(default)]
    grounds: Vec<String>,
    #[serde(default)]
    acts: Vec<String>,
    kind: Option<Qualification>,
    test: Option<LegalTest>,
    #[serde(default)]
    checks: Vec<String>,
    result: Option<CheckResult>,
    #[serde(default)]
    outcomes: Vec<OutcomeKind>,
    #[serde(default)]
    requires: Vec<String>,
    #[serde(default)]
    unless: Vec<String>,
    provision: Option<String>,
    argument: String,
    #[serde(default)]
    examples: Vec<AdviceExample>,
}

/// One advice entry.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct AdviceEntry {
    /// Stable id, unique across the advice files.
    pub id: String,
    /// What it is keyed to.
    pub on: AdviceOn,
    /// For `on = "ground"`: the ground ids it applies to (any ground passing the other filters
    /// when empty).
    pub grounds: Vec<String>,
    /// The regimes it applies to (all when empty): the ground's act, the act of the check's
    /// provision, or the letter's regime for an outcome.
    pub acts: Vec<Act>,
    /// For a ground: only absolute, or only qualified, grounds.
    pub kind: Option<Qualification>,
    /// For a ground: only grounds whose test (of a provision found, or of the whole ground) is
    /// this one.
    pub test: Option<LegalTest>,
    /// For `on = "check"`: the check ids.
    pub checks: Vec<String>,
    /// For a check: the result it applies to (fail by default).
    pub result: CheckResult,
    /// For `on = "outcome"`: the outcomes.
    pub outcomes: Vec<OutcomeKind>,
    /// Regexes one of which must match the authority's own text (when any are given).
    pub requires: Vec<regex::Regex>,
    /// Regexes none of which may match the authority's own text.
    pub unless: Vec<regex::Regex>,
    /// The statutory hook (`foia:s17(3)`). `None` only for an entry keyed to checks: the hook is
    /// then the check's own provision in the letter's regime (from `data/regimes/`).
    pub provision: Option<String>,
    /// The argument, with `{ground}`, `{grounds}`, `{title}` and `{hook}` filled in when it is
    /// given, and the timing placeholders (`{requested}`, `{replied}`, `{working_days}`,
    /// `{reply_days}`, `{due}`, `{review_days}`, `{review_by}`); an argument that uses one whose
    /// value is not known is not given.
    pub argument: String,
    /// Letters it must, or must not, fire on.
    pub examples: Vec<AdviceExample>,
    /// The file it came from.
    pub source: String,
}

/// The placeholders an argument may use: the grounds and hook, then the dates and working days
/// of the report's timing (an entry that uses one of these is given only when it is known).
const PLACEHOLDERS: [&str; 11] = [
    "{ground}",
    "{grounds}",
    "{title}",
    "{hook}",
    "{requested}",
    "{replied}",
    "{working_days}",
    "{reply_days}",
    "{due}",
    "{review_days}",
    "{review_by}",
];

/// Words an argument (or the wording of a drafted review) must not use: it says what the
/// letter shows or does not say, and never that the authority broke the law.
const OVERCLAIMS: [&str; 4] = ["unlawful", "failed to", "illegal", "in breach of its duty"];

/// What is wrong with a text of the advice or review wording, if anything: a `{placeholder}`
/// not among `placeholders`, or a word of [`OVERCLAIMS`]. The message follows the text's name:
/// "has an unknown placeholder at ...", "says \"unlawful\": ...".
pub(crate) fn check_wording(text: &str, placeholders: &[&str]) -> Result<(), String> {
    let mut rest = text;
    while let Some(i) = rest.find('{') {
        let tail = &rest[i..];
        match placeholders.iter().find(|p| tail.starts_with(*p)) {
            Some(p) => rest = &tail[p.len()..],
            None => {
                return Err(format!(
                    "has an unknown placeholder at {:?} (expected one of {})",
                    tail.chars().take(12).collect::<String>(),
                    placeholders.join(", ")
                ))
            }
        }
    }
    let lower = text.to_lowercase();
    match OVERCLAIMS.iter().find(|w| lower.contains(*w)) {
        Some(word) => Err(format!(
            "says {word:?}: say what the letter shows or does not say, not that the authority broke the law"
        )),
        None => Ok(()),
    }
}

/// Parses one advice file: `name` is used in errors.
pub(crate) fn parse(name: &str, src: &str) -> Result<Vec<AdviceEntry>, Error> {
    let file: AdviceFile = toml::from_str(src).map_err(|e| {
        let err = Error::new(ErrorKind::RuleSyntax, e.message().trim().to_string()).in_file(name);
        match e.span() {
            Some(span) => err.at_offset(src, span.start),
            None => err,
        }
    })?;
    let mut out = Vec::with_capacity(file.advice.len());
    for spanned in file.advice {
        let at = spanned.span().start;
        let e = spanned.into_inner();
        let invalid = |msg: String| {
            Error::new(ErrorKind::RuleInvalid, msg)
                .in_file(name)
                .at_offset(src, at)
                .for_rule(&e.id)
        };
        check_fields(&e).map_err(invalid)?;
        let acts = e
            .acts
            .iter()
            .map(|a| {
                Act::from_name(a)
                    .filter(|a| a.is_regime())
                    .ok_or_else(|| invalid(format!("unknown regime {a:?} in acts")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let compile = |list: &[String]| {
            list.iter()
                .map(|p| {
                    regex::Regex::new(p).map_err(|err| invalid(format!("bad pattern {p:?}: {err}")))
                })
                .collect::<Result<Vec<_>, _>>()
        };
        out.push(AdviceEntry {
            requires: compile(&e.requires)?,
            unless: compile(&e.unless)?,
            result: e.result.unwrap_or(CheckResult::Fail),
            id: e.id,
            on: e.on,
            grounds: e.grounds,
            acts,
            kind: e.kind,
            test: e.test,
            checks: e.checks,
            outcomes: e.outcomes,
            provision: e.provision,
            argument: e.argument.split_whitespace().collect::<Vec<_>>().join(" "),
            examples: e.examples,
            source: name.to_string(),
        });
    }
    Ok(out)
}

/// What makes an entry inconsistent, if anything.
fn check_fields(e: &EntryFile) -> Result<(), String> {
    if e.id.is_empty()
        || !e
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    {
        return Err(format!(
            "advice id {:?} must be lower-case letters, digits and _",
            e.id
        ));
    }
    let keyed = [
        (AdviceOn::Ground, "grounds", !e.grounds.is_empty()),
        (AdviceOn::Check, "checks", !e.checks.is_empty()),
        (AdviceOn::Outcome, "outcomes", !e.outcomes.is_empty()),
    ];
    for (on, field, given) in keyed {
        if given && on != e.on {
            return Err(format!("{field} is only for on = {:?}", field_on(on)));
        }
    }
    match e.on {
        AdviceOn::Check if e.checks.is_empty() => return Err("on = \"check\" needs checks".into()),
        AdviceOn::Outcome if e.outcomes.is_empty() => {
            return Err("on = \"outcome\" needs outcomes".into())
        }
        AdviceOn::Ground if e.grounds.is_empty() && e.kind.is_none() && e.test.is_none() => {
            return Err("on = \"ground\" needs grounds, kind or test".into())
        }
        _ => {}
    }
    if e.on != AdviceOn::Ground && (e.kind.is_some() || e.test.is_some()) {
        return Err("kind and test are only for on = \"ground\"".into());
    }
    if e.on != AdviceOn::Check && e.result.is_some() {
        return Err("result is only for on = \"check\"".into());
    }
    if let Some(check) = e
        .checks
        .iter()
        .find(|c| !super::NOTICE_CHECKS.contains(&c.as_str()))
    {
        return Err(format!(
            "unknown check {check:?} (expected one of {})",
            super::NOTICE_CHECKS.join(", ")
        ));
    }
    match &e.provision {
        Some(p) if !is_provision(p) => {
            return Err(format!(
                "provision {p:?} must be an act and a provision: foia:s17(3), eir:r12(2)"
            ))
        }
        None if e.on != AdviceOn::Check => {
            return Err("provision is needed (only an entry keyed to checks may leave it out, to use the check's own)".into())
        }
        _ => {}
    }
    if e.argument.trim().is_empty() {
        return Err("the argument is empty".into());
    }
    check_wording(&e.argument, &PLACEHOLDERS).map_err(|why| format!("the argument {why}"))?;
    Ok(())
}

fn field_on(on: AdviceOn) -> &'static str {
    match on {
        AdviceOn::Ground => "ground",
        AdviceOn::Check => "check",
        AdviceOn::Outcome => "outcome",
    }
}

/// `foia:s17(3)`, `eir:r12(2)`: an act's short name, `:`, `s` or `r`, then a number with
/// optional bracketed parts.
fn is_provision(p: &str) -> bool {
    split_hook(p).is_some()
}

/// `foia:s17(3)` -> (foia, "17(3)").
pub(crate) fn split_hook(p: &str) -> Option<(Act, &str)> {
    let (act, rest) = p.split_once(':')?;
    let act = Act::from_name(act)?;
    let number = rest.strip_prefix(['s', 'r'])?;
    let digits = number.find('(').unwrap_or(number.len());
    let head = &number[..digits];
    let ok = head.starts_with(|c: char| c.is_ascii_digit())
        && head.chars().all(|c| c.is_ascii_alphanumeric())
        && number[digits..]
            .split_inclusive(')')
            .all(|part| part.starts_with('(') && part.ends_with(')') && part.len() > 2);
    ok.then_some((act, number))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENTRY: &str = r#"
[[advice]]
id = "ask_for_the_balance"
on = "check"
checks = ["public_interest_reasons"]
acts = ["foia"]
provision = "foia:s17(3)"
argument = "The letter does not say how the public interest was weighed for {grounds}."
[[advice.examples]]
text = "Withheld under section 43(2)."
fires = true
"#;

    #[test]
    fn an_entry_parses() {
        let e = &parse("advice/x.toml", ENTRY).unwrap()[0];
        assert_eq!(e.id, "ask_for_the_balance");
        assert_eq!(e.on, AdviceOn::Check);
        assert_eq!(e.result, CheckResult::Fail);
        assert_eq!(e.acts, vec![Act::Foia]);
        assert_eq!(e.examples.len(), 1);
    }

    #[test]
    fn bad_entries_are_errors_that_say_why() {
        for (from, to, why) in [
            ("foia:s17(3)", "section 17", "provision"),
            ("{grounds}", "{nonsense}", "placeholder"),
            ("does not say", "failed to say", "failed to"),
            ("public_interest_reasons", "no_such_check", "unknown check"),
            ("acts = [\"foia\"]", "acts = [\"xx\"]", "unknown regime"),
            ("on = \"check\"", "on = \"outcome\"", "checks is only"),
        ] {
            let err = parse("advice/x.toml", &ENTRY.replace(from, to)).unwrap_err();
            assert!(err.to_string().contains(why), "{from} -> {to}: {err}");
            assert!(err.to_string().contains("advice/x.toml"), "{err}");
        }
        assert!(parse("advice/x.toml", "[[advice]]\nid = 3").is_err());
    }

    #[test]
    fn hooks_split() {
        assert_eq!(split_hook("foia:s17(3)"), Some((Act::Foia, "17(3)")));
        assert_eq!(split_hook("eir:r12(5)(e)"), Some((Act::Eir, "12(5)(e)")));
        assert_eq!(split_hook("foia:s22A"), Some((Act::Foia, "22A")));
        assert_eq!(split_hook("foia:17"), None);
        assert_eq!(split_hook("foia:s17("), None);
    }
}
