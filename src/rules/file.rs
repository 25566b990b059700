//! Parsing and checking one rule file.

use serde::Deserialize;
use toml::Spanned;

use super::{expand_phrase, Cue, CuesFrom, Example, Rule, Subsection, Weight};
use crate::error::{Error, ErrorKind};
use crate::vocab::{
    Act, Basis, Duty, GroundOutcome, LegalTest, ProvisionRole, Qualification, Span,
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    id: Spanned<String>,
    act: Spanned<String>,
    provision: Spanned<String>,
    #[serde(default)]
    aliases: Vec<String>,
    title: String,
    role: ProvisionRole,
    kind: Option<Qualification>,
    test: Option<LegalTest>,
    ncnd: Option<String>,
    outcome: Option<GroundOutcome>,
    duty: Option<Duty>,
    summary: String,
    equivalents: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    subsections: Vec<SubsectionFile>,
    #[serde(default)]
    cues: Vec<CueFile>,
    #[serde(default)]
    cues_from: Vec<CuesFromFile>,
    #[serde(default)]
    examples: Vec<ExampleFile>,
    #[serde(default)]
    counter_examples: Vec<ExampleFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SubsectionFile {
    provision: String,
    title: String,
    kind: Option<Qualification>,
    test: Option<LegalTest>,
    role: Option<ProvisionRole>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CueFile {
    phrase: Spanned<String>,
    weight: Weight,
    provision: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CuesFromFile {
    rule: Spanned<String>,
    provision: Option<String>,
    as_provision: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExampleFile {
    text: Spanned<String>,
    basis: Option<Basis>,
    provision: Option<String>,
    #[allow(dead_code)]
    note: Option<String>,
}

/// The gap marker in a cue phrase: up to [`crate::rules::MAX_GAP_WORDS`] words of any kind.
const GAP: &str = "...";
/// Most parts a gapped phrase may have.
const MAX_PARTS: usize = 4;

const OPEN: char = '\u{ab}';
const CLOSE: char = '\u{bb}';

/// Removes `«` `»` marks, returning the plain text and the marked spans.
fn strip_marks(marked: &str) -> Result<(String, Vec<Span>), String> {
    let mut text = String::with_capacity(marked.len());
    let mut marks = Vec::new();
    let mut open: Option<usize> = None;
    for c in marked.chars() {
        match c {
            OPEN if open.is_some() => return Err("'«' inside a marked span".into()),
            OPEN => open = Some(text.len()),
            CLOSE => {
                let start = open.take().ok_or("'»' without '«'")?;
                if start == text.len() {
                    return Err("empty marked span".into());
                }
                marks.push(Span::new(start, text.len()));
            }
            c => text.push(c),
        }
    }
    if open.is_some() {
        return Err("'«' without '»'".into());
    }
    Ok((text, marks))
}

/// True when a provision string is in canonical form: `43`, `22A`, `40(2)`, `36(2)(b)(ii)`.
fn canonical_provision(p: &str) -> bool {
    let (number, path) = crate::vocab::split_provision(p);
    let number_ok = !number.is_empty()
        && number.len() <= 4
        && number.starts_with(|c: char| c.is_ascii_digit())
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase());
    number_ok
        && crate::vocab::canonical(&number, &path) == p
        && path
            .iter()
            .all(|c| !c.is_empty() && c.chars().all(|ch| ch.is_ascii_alphanumeric()))
}

/// Where a rule file's errors point: the file, its text and the rule's id.
struct Place<'a> {
    name: &'a str,
    src: &'a str,
    id: &'a str,
}

impl Place<'_> {
    /// A [`ErrorKind::RuleInvalid`] error at byte `at` of the file.
    fn invalid(&self, msg: String, at: usize) -> Error {
        Error::new(ErrorKind::RuleInvalid, msg)
            .in_file(self.name)
            .at_offset(self.src, at)
            .for_rule(self.id)
    }
}

/// Parses and checks one rule file; `name` is used in errors and, when it ends `.toml`, must be
/// the path the rule's id gives (`foia/s43.toml`).
pub(super) fn parse(name: &str, src: &str) -> Result<Rule, Error> {
    let file = read_toml(name, src)?;
    let place = Place {
        name,
        src,
        id: file.id.get_ref(),
    };
    let (act, provision) = check_identity(&place, &file)?;
    check_role(&place, &file)?;
    for a in &file.aliases {
        if !canonical_provision(a) {
            return Err(place.invalid(
                format!("alias {a:?} is not in canonical form"),
                file.provision.span().start,
            ));
        }
    }
    let id_offset = file.id.span().start;
    let subsections = file
        .subsections
        .into_iter()
        .map(|s| subsection(&place, s, id_offset))
        .collect::<Result<Vec<_>, Error>>()?;
    let cues = file
        .cues
        .into_iter()
        .map(|c| cue(&place, c))
        .collect::<Result<Vec<_>, Error>>()?;
    let cues_from = file
        .cues_from
        .into_iter()
        .map(|f| cues_from(&place, f, file.role))
        .collect::<Result<Vec<_>, Error>>()?;
    let lines = crate::vocab::LineIndex::new(src);
    let examples = examples_of(&place, &lines, file.examples, true)?;
    let counter_examples = examples_of(&place, &lines, file.counter_examples, false)?;

    Ok(Rule {
        id: file.id.into_inner(),
        act,
        provision,
        aliases: file.aliases,
        title: file.title,
        role: file.role,
        kind: file.kind,
        test: file.test,
        ncnd: file.ncnd,
        outcome: file.outcome,
        duty: file.duty,
        summary: file.summary,
        equivalents: Vec::new(),
        declared_equivalents: file
            .equivalents
            .as_ref()
            .map(|e| e.get_ref().clone())
            .unwrap_or_default(),
        equivalents_offset: file.equivalents.as_ref().map_or(0, |e| e.span().start),
        id_offset,
        subsections,
        cues,
        cues_from,
        examples,
        counter_examples,
        source: name.to_string(),
    })
}

/// The file read as TOML with strict serde; a syntax error names the rule too when the file is
/// valid TOML with an id.
fn read_toml(name: &str, src: &str) -> Result<RuleFile, Error> {
    toml::from_str(src).map_err(|e| {
        let mut err =
            Error::new(ErrorKind::RuleSyntax, e.message().trim().to_string()).in_file(name);
        if let Some(span) = e.span() {
            err = err.at_offset(src, span.start);
        }
        let id = toml::from_str::<toml::Table>(src)
            .ok()
            .and_then(|t| t.get("id").and_then(|v| v.as_str()).map(str::to_string));
        match id {
            Some(id) => err.for_rule(&id),
            None => err,
        }
    })
}

/// Checks that the act is known, the provision canonical, and the id and the file's path are
/// the ones they give; returns the act and the provision.
fn check_identity(place: &Place<'_>, file: &RuleFile) -> Result<(Act, String), Error> {
    let act = Act::from_name(file.act.get_ref())
        .filter(|a| matches!(a, Act::Foia | Act::Eir | Act::Foisa | Act::Eisr | Act::Named(_)))
        .ok_or_else(|| {
            place.invalid(
                format!(
                    "unknown act {:?} (expected foia, eir, foisa, eisr or a regime a regime file adds)",
                    file.act.get_ref()
                ),
                file.act.span().start,
            )
        })?;
    let provision = file.provision.get_ref().clone();
    if !canonical_provision(&provision) {
        return Err(place.invalid(
            format!("provision {provision:?} is not in canonical form (e.g. \"43\", \"12(5)(e)\")"),
            file.provision.span().start,
        ));
    }
    let letter = if matches!(act, Act::Eir | Act::Eisr) {
        'r'
    } else {
        's'
    };
    let expected_id = format!("{}:{letter}{provision}", act.as_str());
    // A regime a regime file adds may number by section or by regulation.
    let added_by_regulation = matches!(act, Act::Named(_))
        && file.id.get_ref() == &format!("{}:r{provision}", act.as_str());
    if file.id.get_ref() != &expected_id && !added_by_regulation {
        return Err(place.invalid(
            format!(
                "id {:?} should be {expected_id:?} for act {act} and provision {provision}",
                file.id.get_ref()
            ),
            file.id.span().start,
        ));
    }
    // The file's path must match its id: foia/s43.toml holds foia:s43.
    let name = place.name;
    let stem = name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(name)
        .trim_end_matches(".toml");
    let folder = name.rsplit(['/', '\\']).nth(1);
    let expected_stem = format!("{letter}{provision}");
    if name.ends_with(".toml")
        && (stem != expected_stem || folder.is_some_and(|f| f != act.as_str()))
    {
        return Err(place.invalid(
            format!(
                "a rule with id {expected_id} belongs in {}/{expected_stem}.toml",
                act.as_str()
            ),
            file.id.span().start,
        ));
    }
    Ok((act, provision))
}

/// Checks what the role asks: a ground has a kind and a test; a procedural rule produces no
/// findings, so it has no outcome and no cues.
fn check_role(place: &Place<'_>, file: &RuleFile) -> Result<(), Error> {
    if file.role == ProvisionRole::Ground && (file.kind.is_none() || file.test.is_none()) {
        return Err(place.invalid(
            "a ground needs both `kind` and `test`".into(),
            file.id.span().start,
        ));
    }
    if file.role == ProvisionRole::Procedural && file.outcome.is_some() {
        return Err(place.invalid(
            "a procedural rule produces no findings, so it has no `outcome`".into(),
            file.id.span().start,
        ));
    }
    if file.role == ProvisionRole::Procedural && !file.cues.is_empty() {
        return Err(place.invalid(
            "a procedural rule produces no findings, so it takes no cues".into(),
            file.cues[0].phrase.span().start,
        ));
    }
    Ok(())
}

/// One `[[subsections]]` entry, its provision checked (errors point at the id, `id_offset`).
fn subsection(place: &Place<'_>, s: SubsectionFile, id_offset: usize) -> Result<Subsection, Error> {
    if !canonical_provision(&s.provision) {
        return Err(place.invalid(
            format!(
                "subsection provision {:?} is not in canonical form",
                s.provision
            ),
            id_offset,
        ));
    }
    Ok(Subsection {
        provision: s.provision,
        title: s.title,
        kind: s.kind,
        test: s.test,
        role: s.role,
    })
}

/// One `[[cues]]` entry: its phrase split at the gaps and each part expanded, its provision
/// checked.
fn cue(place: &Place<'_>, c: CueFile) -> Result<Cue, Error> {
    let bad_phrase = |m: String| {
        place.invalid(
            format!("phrase {:?}: {m}", c.phrase.get_ref()),
            c.phrase.span().start,
        )
    };
    let raw_parts: Vec<&str> = c.phrase.get_ref().split(GAP).map(str::trim).collect();
    if raw_parts.len() > MAX_PARTS {
        return Err(bad_phrase(format!(
            "at most {} gaps (\"{GAP}\")",
            MAX_PARTS - 1
        )));
    }
    let mut parts = Vec::with_capacity(raw_parts.len());
    for part in raw_parts {
        if part.is_empty() {
            return Err(bad_phrase(format!(
                "a gap (\"{GAP}\") needs words on both sides"
            )));
        }
        parts.push(expand_phrase(part).map_err(bad_phrase)?);
    }
    if let Some(p) = &c.provision {
        if !canonical_provision(p) {
            return Err(place.invalid(
                format!("cue provision {p:?} is not in canonical form"),
                c.phrase.span().start,
            ));
        }
    }
    Ok(Cue {
        phrase: c.phrase.into_inner(),
        parts,
        weight: c.weight,
        provision: c.provision,
    })
}

/// One `[[cues_from]]` entry of a rule of role `role`: its provisions checked, and only a
/// ground may borrow cues.
fn cues_from(place: &Place<'_>, f: CuesFromFile, role: ProvisionRole) -> Result<CuesFrom, Error> {
    for p in f.provision.iter().chain(&f.as_provision) {
        if !canonical_provision(p) {
            return Err(place.invalid(
                format!("cues_from provision {p:?} is not in canonical form"),
                f.rule.span().start,
            ));
        }
    }
    if role == ProvisionRole::Procedural {
        return Err(place.invalid(
            "a procedural rule produces no findings, so it takes no cues".into(),
            f.rule.span().start,
        ));
    }
    Ok(CuesFrom {
        offset: f.rule.span().start,
        rule: f.rule.into_inner(),
        provision: f.provision,
        as_provision: f.as_provision,
    })
}

/// The `[[examples]]` (`need_marks`) or `[[counter_examples]]` of a file, their marks stripped.
fn examples_of(
    place: &Place<'_>,
    lines: &crate::vocab::LineIndex,
    list: Vec<ExampleFile>,
    need_marks: bool,
) -> Result<Vec<Example>, Error> {
    list.into_iter()
        .map(|e| {
            let at = e.text.span().start;
            let (text, marks) = strip_marks(e.text.get_ref()).map_err(|m| place.invalid(m, at))?;
            if need_marks && marks.is_empty() {
                return Err(place.invalid("an example needs a «marked» span".into(), at));
            }
            if !need_marks && !marks.is_empty() {
                return Err(place.invalid("a counter-example has no marked span".into(), at));
            }
            Ok(Example {
                text,
                marks,
                basis: e.basis,
                provision: e.provision,
                position: lines.position(place.src, at),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
id = "foia:s99"
act = "foia"
provision = "99"
title = "Test"
role = "ground"
kind = "qualified"
test = "class"
summary = "A test rule."

[[cues]]
phrase = "test phrase"
weight = "strong"

[[examples]]
text = "We rely on «section 99»."

[[counter_examples]]
text = "Nothing here."
"#;

    #[test]
    fn parses_a_minimal_rule() {
        let r = parse("foia/s99.toml", MINIMAL).unwrap();
        assert_eq!(r.id, "foia:s99");
        assert_eq!(r.examples[0].text, "We rely on section 99.");
        assert_eq!(r.examples[0].marks, vec![Span::new(11, 21)]);
    }

    #[test]
    fn unknown_key_names_line_and_column() {
        let src = MINIMAL.replace("summary =", "colour = \"red\"\nsummary =");
        let e = parse("foia/s99.toml", &src).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::RuleSyntax);
        assert_eq!(e.file(), Some("foia/s99.toml"));
        assert!(e.line().is_some() && e.column().is_some(), "{e}");
        assert!(e.to_string().contains("colour"), "{e}");
    }

    #[test]
    fn id_must_match_path_and_provision() {
        let e = parse("foia/s98.toml", MINIMAL).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::RuleInvalid);
        let e = parse(
            "foia/s99.toml",
            &MINIMAL.replace("id = \"foia:s99\"", "id = \"foia:s9\""),
        )
        .unwrap_err();
        assert_eq!(e.line(), Some(2), "{e}");
    }

    #[test]
    fn bad_phrase_is_located() {
        let e = parse(
            "foia/s99.toml",
            &MINIMAL.replace("test phrase", "test {phrase"),
        )
        .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::RuleInvalid);
        assert_eq!(e.rule(), Some("foia:s99"));
        assert_eq!(e.line(), Some(12), "{e}");
    }

    #[test]
    fn gaps_split_a_phrase_into_parts() {
        let r = parse(
            "foia/s99.toml",
            &MINIMAL.replace("test phrase", "{names|details} ... withheld"),
        )
        .unwrap();
        assert_eq!(
            r.cues[0].parts,
            vec![
                vec!["names".to_string(), "details".to_string()],
                vec!["withheld".to_string()]
            ]
        );
        assert!(parse(
            "foia/s99.toml",
            &MINIMAL.replace("test phrase", "... withheld")
        )
        .is_err());
    }

    #[test]
    fn outcome_and_duty_are_read_and_checked() {
        let r = parse(
            "foia/s99.toml",
            &MINIMAL.replace("summary =", "outcome = \"published\"\nsummary ="),
        )
        .unwrap();
        assert_eq!(r.outcome, Some(GroundOutcome::Published));
        assert_eq!(r.duty, None);
        let procedural = MINIMAL
            .replace("role = \"ground\"", "role = \"procedural\"")
            .replace(
                "[[cues]]\nphrase = \"test phrase\"\nweight = \"strong\"\n",
                "",
            );
        let r = parse(
            "foia/s99.toml",
            &procedural.replace("summary =", "duty = \"advice\"\nsummary ="),
        )
        .unwrap();
        assert_eq!(r.duty, Some(Duty::Advice));
        let e = parse(
            "foia/s99.toml",
            &procedural.replace("summary =", "outcome = \"not_held\"\nsummary ="),
        )
        .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::RuleInvalid, "{e}");
        let e = parse(
            "foia/s99.toml",
            &MINIMAL.replace("summary =", "outcome = \"granted\"\nsummary ="),
        )
        .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::RuleSyntax, "{e}");
    }

    #[test]
    fn marks_are_checked() {
        assert!(strip_marks("a «b").is_err());
        assert!(strip_marks("a »b").is_err());
        assert!(strip_marks("a «»b").is_err());
        assert_eq!(
            strip_marks("«£»x«y»").unwrap(),
            ("£xy".to_string(), vec![Span::new(0, 2), Span::new(3, 4)])
        );
    }
}
