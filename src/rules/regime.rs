//! Regime files: one TOML file per regime under `data/regimes/` (`foia.toml`, `eir.toml`,
//! `foisa.toml`, `eisr.toml`), compiled into the library, with what that regime's law asks of a
//! refusal notice. `[checks]` names the provision that requires each notice check; `[notice]`
//! holds the notice rules that differ between regimes. See `docs/rule-format.md`.
//!
//! A rule folder of your own overrides a regime file the way it overrides a rule: a file under
//! a folder named `regimes` (`my-rules/regimes/foia.toml`) replaces the embedded file of its
//! regime.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::error::{Error, ErrorKind};
use crate::vocab::Act;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_regimes.rs"));
}

/// The notice checks whose provisions a regime file gives, in the order they are reported.
pub(crate) const NOTICE_CHECKS: [&str; 9] = [
    "exemption_specified",
    "reasons_given",
    "public_interest_reasons",
    "harm_likelihood",
    "cost_estimate",
    "advice_to_narrow",
    "review_procedure",
    "commissioner_rights",
    "ncnd_provision",
];

/// The embedded regime files as `(name, contents)`, each named `regimes/<file>` so that
/// [`is_regime_file`] tells them from rule files.
pub(crate) fn embedded_sources() -> impl Iterator<Item = (String, &'static str)> {
    embedded::EMBEDDED_REGIMES
        .iter()
        .map(|&(name, src)| (format!("regimes/{name}"), src))
}

/// True when the file `name` is a regime file: it lies in a folder named `regimes`.
pub(crate) fn is_regime_file(name: &str) -> bool {
    name.rsplit(['/', '\\']).nth(1) == Some("regimes")
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegimeFile {
    regime: Spanned<String>,
    checks: Spanned<BTreeMap<String, String>>,
    #[serde(default)]
    notice: NoticeFile,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct NoticeFile {
    ncnd_public_interest_waiver: Option<String>,
}

/// One regime's facts about refusal notices, from its regime file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RegimeRules {
    /// The regime.
    pub act: Act,
    /// Check id -> the provision that requires the check (every id of [`NOTICE_CHECKS`]).
    pub checks: BTreeMap<String, String>,
    /// Why a notice that neither confirms nor denies need not give public interest reasons,
    /// where the regime says so (FOISA s.18(2)).
    pub ncnd_public_interest_waiver: Option<String>,
    /// The file it came from.
    pub source: String,
}

impl RegimeRules {
    /// The provision that requires check `id` ("" for a check the file does not name).
    pub fn provision(&self, id: &str) -> &str {
        self.checks.get(id).map_or("", String::as_str)
    }
}

/// Parses one regime file: `name` is used in errors and must end `<regime>.toml` when it ends
/// `.toml`.
pub(crate) fn parse(name: &str, src: &str) -> Result<RegimeRules, Error> {
    let file: RegimeFile = toml::from_str(src).map_err(|e| {
        let err = Error::new(ErrorKind::RuleSyntax, e.message().trim().to_string()).in_file(name);
        match e.span() {
            Some(span) => err.at_offset(src, span.start),
            None => err,
        }
    })?;
    let invalid = |msg: String, at: usize| {
        Error::new(ErrorKind::RuleInvalid, msg)
            .in_file(name)
            .at_offset(src, at)
    };
    let regime = file.regime.get_ref();
    let act = Act::from_name(regime)
        .filter(|a| matches!(a, Act::Foia | Act::Eir | Act::Foisa | Act::Eisr))
        .ok_or_else(|| {
            invalid(
                format!("unknown regime {regime:?} (expected foia, eir, foisa or eisr)"),
                file.regime.span().start,
            )
        })?;
    let stem = name.rsplit(['/', '\\']).next().unwrap_or(name);
    if name.ends_with(".toml") && stem != format!("{regime}.toml") {
        return Err(invalid(
            format!("the regime file of {regime} is named {regime}.toml"),
            file.regime.span().start,
        ));
    }
    let at = file.checks.span().start;
    let checks = file.checks.into_inner();
    if let Some(unknown) = checks.keys().find(|k| !NOTICE_CHECKS.contains(&k.as_str())) {
        return Err(invalid(
            format!(
                "unknown check {unknown:?} in [checks] (expected one of {})",
                NOTICE_CHECKS.join(", ")
            ),
            at,
        ));
    }
    if let Some(missing) = NOTICE_CHECKS.iter().find(|&&c| !checks.contains_key(c)) {
        return Err(invalid(
            format!("[checks] names no provision for {missing}"),
            at,
        ));
    }
    Ok(RegimeRules {
        act,
        checks,
        ncnd_public_interest_waiver: file.notice.ncnd_public_interest_waiver,
        source: name.to_string(),
    })
}

/// Runs the checks of one embedded regime file (`name` under `data/regimes/`): it parses, and
/// every provision it names is one of its own regime's that a rule of the embedded set covers.
#[cfg(test)]
fn check_regime_file(name: &str) {
    let contents = embedded::EMBEDDED_REGIMES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, c)| *c)
        .expect("the file is embedded");
    let regime = parse(name, contents).expect("the regime file parses");
    let rules = super::RuleSet::embedded().expect("the embedded rules load");
    for id in NOTICE_CHECKS {
        let provision = regime.provision(id);
        // "foia:s17(5) (ICO guidance on s.12)": the provision is the part before the note.
        let cited = provision.split(' ').next().unwrap_or("");
        let (act, number) = cited.split_once(':').unwrap_or(("", ""));
        assert_eq!(act, regime.act.as_str(), "{name}: {id} = {provision:?}");
        let (number, path) = super::split_provision(&number[1..]);
        assert!(
            rules.lookup(regime.act, &number, &path).is_some(),
            "{name}: {id} = {provision:?} is not a provision of the embedded rules"
        );
    }
}

#[cfg(test)]
mod generated {
    use super::check_regime_file;
    include!(concat!(env!("OUT_DIR"), "/regime_tests.rs"));
}

#[cfg(test)]
mod tests {
    use super::*;

    const FOIA: &str = include_str!("../../data/regimes/foia.toml");

    #[test]
    fn a_regime_file_names_every_check_and_nothing_else() {
        let e = parse(
            "regimes/foia.toml",
            &FOIA.replace("reasons_given =", "reasons ="),
        )
        .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::RuleInvalid);
        assert!(e.to_string().contains("unknown check \"reasons\""), "{e}");
        let without: String = FOIA
            .lines()
            .filter(|l| !l.starts_with("harm_likelihood"))
            .map(|l| format!("{l}\n"))
            .collect();
        let e = parse("regimes/foia.toml", &without).unwrap_err();
        assert!(
            e.to_string().contains("no provision for harm_likelihood"),
            "{e}"
        );
        let e = parse(
            "regimes/foia.toml",
            &format!("{FOIA}\n[notice]\ncolour = 1\n"),
        )
        .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::RuleSyntax);
        let e = parse("regimes/eir.toml", FOIA).unwrap_err();
        assert!(e.to_string().contains("named foia.toml"), "{e}");
    }

    #[test]
    fn regime_files_are_told_from_rule_files_by_their_folder() {
        assert!(is_regime_file("regimes/foia.toml"));
        assert!(is_regime_file("/home/me/rules/regimes/eir.toml"));
        assert!(!is_regime_file("foia/s43.toml"));
        assert!(!is_regime_file("regimes.toml"));
    }
}
