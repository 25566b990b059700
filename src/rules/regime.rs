//! Regime files: one TOML file per regime under `data/regimes/` (`foia.toml`, `eir.toml`,
//! `foisa.toml`, `eisr.toml`), compiled into the library, with what that regime's law asks of a
//! refusal notice and how a letter shows it is written under it. `title` and `numbering` say
//! what the regime is; `[checks]` names the provision that requires each notice check;
//! `[notice]` holds the notice rules that differ between regimes; `[timing]` the time allowed for
//! a reply and for asking for a review, and the calendar the working days are counted on
//! (`data/calendar/`); `[[signals]]` are the wordings
//! that name the regime in a letter (with `group`, `shared` and `absorbs` for regimes that share
//! them), which the resolve stage counts to decide a letter's regime. See `docs/rule-format.md`.
//!
//! A rule folder of your own overrides a regime file the way it overrides a rule: a file under
//! a folder named `regimes` (`my-rules/regimes/foia.toml`) replaces the embedded file of its
//! regime.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::calendar::Holidays;
use crate::error::{Error, ErrorKind};
use crate::vocab::Act;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_regimes.rs"));
}

/// The notice checks whose provisions a regime file gives, in the order they are reported.
pub(crate) const NOTICE_CHECKS: [&str; 10] = [
    "exemption_specified",
    "reasons_given",
    "public_interest_reasons",
    "harm_likelihood",
    "cost_estimate",
    "advice_to_narrow",
    "review_procedure",
    "commissioner_rights",
    "ncnd_provision",
    "time_for_compliance",
];

/// The checks a regime file may leave out of `[checks]` (they were added after regime files of
/// users' own were possible): the check then cites no provision.
pub(crate) const OPTIONAL_CHECKS: [&str; 1] = ["time_for_compliance"];

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
    title: String,
    numbering: Numbering,
    group: Option<String>,
    absorbs: Option<Spanned<String>>,
    checks: Spanned<BTreeMap<String, String>>,
    #[serde(default)]
    notice: NoticeFile,
    timing: Option<Spanned<TimingFile>>,
    #[serde(default)]
    signals: Vec<Spanned<SignalFile>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TimingFile {
    calendar: String,
    reply_days: u32,
    extended_days: Option<u32>,
    review_days: Option<u32>,
    #[serde(default)]
    reply_holidays: Holidays,
    #[serde(default)]
    review_holidays: Holidays,
}

/// A regime's time limits (`[timing]` of its regime file), in working days.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct TimingRules {
    /// The calendar the working days are counted on (`data/calendar/<calendar>.toml`).
    pub calendar: String,
    /// Working days allowed for a reply, from the day after the request is received.
    pub reply_days: u32,
    /// The most working days allowed when the time is extended, where the law sets a number
    /// (EIR reg 7: 40); `None` where it sets none (FOIA s.10(3): a reasonable time).
    pub extended_days: Option<u32>,
    /// Working days after the reply the requester has to ask for a review.
    pub review_days: Option<u32>,
    /// Which holidays the reply's count leaves out.
    pub reply_holidays: Holidays,
    /// Which holidays the review's count leaves out.
    pub review_holidays: Holidays,
}

/// The most working days a `[timing]` limit may be.
const MAX_DAYS: u32 = 400;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SignalFile {
    anchors: Vec<String>,
    #[serde(default)]
    leading: bool,
    pattern: String,
    #[serde(default)]
    weak: bool,
    #[serde(default)]
    shared: bool,
    #[serde(default)]
    examples: Vec<String>,
}

/// How a regime numbers its provisions (`numbering` in a regime file).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Numbering {
    /// Sections of an Act ("section 40(2)").
    Section,
    /// Regulations of a statutory instrument ("regulation 12(5)(e)", "reg 13").
    Regulation,
}

/// A wording that names a regime in a letter (a `[[signals]]` entry of its regime file): a
/// regex every match of which holds one of its anchor words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Signal {
    /// Lower-case word starts, one of which every match holds.
    pub anchors: Vec<String>,
    /// True when every match starts with one of the anchors.
    pub leading: bool,
    /// The regex.
    pub pattern: String,
    /// Read only when no regime is named by a signal that is not weak.
    pub weak: bool,
    /// A sign of whichever regime of the file's group the letter names more.
    pub shared: bool,
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
    /// Check id -> the provision that requires the check (every id of [`NOTICE_CHECKS`] but
    /// those of [`OPTIONAL_CHECKS`] the file leaves out).
    pub checks: BTreeMap<String, String>,
    /// Why a notice that neither confirms nor denies need not give public interest reasons,
    /// where the regime says so (FOISA s.18(2)).
    pub ncnd_public_interest_waiver: Option<String>,
    /// Its time limits, when the file gives them.
    pub timing: Option<TimingRules>,
    /// The instrument's title ("Freedom of Information Act 2000").
    pub title: String,
    /// How its provisions are numbered.
    pub numbering: Numbering,
    /// The regimes that share signals (`shared`) name the same group ("scotland").
    pub group: Option<String>,
    /// A regime whose signals count for this one in a letter with any sign of this regime's
    /// group (Scottish letters call the EISRs "the EIRs").
    pub absorbs: Option<Act>,
    /// What names the regime in a letter.
    pub signals: Vec<Signal>,
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
    // A name that is not one of the embedded regimes' adds a regime.
    let act = Act::register(regime).ok_or_else(|| {
        invalid(
            format!(
                "{regime:?} cannot name a regime (a lower-case word of letters, digits and _, \
                 not dpa2018, ukgdpr or other)"
            ),
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
    if let Some(missing) = NOTICE_CHECKS
        .iter()
        .find(|&&c| !checks.contains_key(c) && !OPTIONAL_CHECKS.contains(&c))
    {
        return Err(invalid(
            format!("[checks] names no provision for {missing}"),
            at,
        ));
    }
    let absorbs = match &file.absorbs {
        None => None,
        Some(other) => Some(
            Act::from_name(other.get_ref())
                .filter(|&a| a.is_regime() && a != act)
                .ok_or_else(|| {
                    invalid(
                        format!("absorbs names no other regime: {:?}", other.get_ref()),
                        other.span().start,
                    )
                })?,
        ),
    };
    if absorbs.is_some() && file.group.is_none() {
        return Err(invalid(
            "absorbs needs a group: the signals absorbed count when the letter shows a sign of it"
                .to_string(),
            file.regime.span().start,
        ));
    }
    let timing = match file.timing {
        None => None,
        Some(t) => {
            let at = t.span().start;
            Some(timing(t.into_inner()).map_err(|msg| invalid(msg, at))?)
        }
    };
    let signals = file
        .signals
        .into_iter()
        .map(|s| {
            let at = s.span().start;
            signal(s.into_inner(), file.group.is_some()).map_err(|msg| invalid(msg, at))
        })
        .collect::<Result<Vec<Signal>, Error>>()?;
    Ok(RegimeRules {
        act,
        checks,
        ncnd_public_interest_waiver: file.notice.ncnd_public_interest_waiver,
        timing,
        title: file.title,
        numbering: file.numbering,
        group: file.group,
        absorbs,
        signals,
        source: name.to_string(),
    })
}

/// Checks `[timing]`: limits of at least one working day and at most [`MAX_DAYS`], an extended
/// limit longer than the ordinary one. Whether its calendar exists is checked when the rule set
/// is built.
fn timing(t: TimingFile) -> Result<TimingRules, String> {
    let limits = [
        ("reply_days", Some(t.reply_days)),
        ("extended_days", t.extended_days),
        ("review_days", t.review_days),
    ];
    for (key, days) in limits {
        if days.is_some_and(|d| d == 0 || d > MAX_DAYS) {
            return Err(format!(
                "[timing] {key} must be from 1 to {MAX_DAYS} working days"
            ));
        }
    }
    if t.extended_days.is_some_and(|d| d <= t.reply_days) {
        return Err("[timing] extended_days must be more than reply_days".to_string());
    }
    Ok(TimingRules {
        calendar: t.calendar,
        reply_days: t.reply_days,
        extended_days: t.extended_days,
        review_days: t.review_days,
        reply_holidays: t.reply_holidays,
        review_holidays: t.review_holidays,
    })
}

/// Checks one `[[signals]]` entry: anchors that are lower-case words, a regex that compiles,
/// examples it matches, each holding an anchor where the match does (or starting with one, for
/// a leading signal).
fn signal(s: SignalFile, grouped: bool) -> Result<Signal, String> {
    if s.anchors.is_empty() {
        return Err("a signal needs at least one anchor".to_string());
    }
    if let Some(a) = s.anchors.iter().find(|a| {
        a.is_empty()
            || a.chars()
                .any(|c| !(c.is_lowercase() || c.is_numeric() || c == '\''))
    }) {
        return Err(format!(
            "the anchor {a:?} is not a lower-case word (anchors are word starts: \"disclos\")"
        ));
    }
    if s.shared && !grouped {
        return Err("a shared signal needs the file's group".to_string());
    }
    let regex = regex::Regex::new(&s.pattern)
        .map_err(|e| format!("the signal's pattern does not compile: {e}"))?;
    for example in &s.examples {
        let Some(m) = regex.find(example) else {
            return Err(format!(
                "the signal's pattern does not match its example {example:?}"
            ));
        };
        let found = m.as_str().to_lowercase();
        let holds = if s.leading {
            s.anchors.iter().any(|a| found.starts_with(a.as_str()))
        } else {
            s.anchors.iter().any(|a| found.contains(a.as_str()))
        };
        if !holds {
            return Err(format!(
                "the signal's match {:?} in its example holds none of its anchors",
                m.as_str()
            ));
        }
    }
    Ok(Signal {
        anchors: s.anchors,
        leading: s.leading,
        pattern: s.pattern,
        weak: s.weak,
        shared: s.shared,
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
    // Parsing checks each signal's examples too.
    let regime = parse(name, contents).expect("the regime file parses");
    assert!(!regime.signals.is_empty(), "{name}: no signals");
    for s in &regime.signals {
        assert!(!s.pattern.is_empty(), "{name}: a signal without a pattern");
    }
    assert!(
        contents.matches("[[signals]]").count() == contents.matches("examples = [\"").count(),
        "{name}: every signal needs an example"
    );
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
    let timing = regime
        .timing
        .as_ref()
        .expect("an embedded regime gives [timing]");
    assert!(
        rules.calendar(&timing.calendar).is_some(),
        "{name}: no calendar {}",
        timing.calendar
    );
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
    fn timing_and_its_check_may_be_left_out() {
        // A file written before the time check: no time_for_compliance, no [timing].
        let mut in_timing = false;
        let older: String = FOIA
            .lines()
            .filter(|l| {
                in_timing = *l == "[timing]" || in_timing && !l.is_empty();
                !in_timing && !l.starts_with("time_for_compliance")
            })
            .map(|l| format!("{l}\n"))
            .collect();
        assert!(!older.contains("reply_days") && older.contains("[[signals]]"));
        let r = parse("regimes/foia.toml", &older).unwrap();
        assert!(r.timing.is_none());
        assert_eq!(r.provision("time_for_compliance"), "");
        let full = parse("regimes/foia.toml", FOIA).unwrap();
        let t = full.timing.clone().unwrap();
        assert_eq!((t.reply_days, t.review_days), (20, Some(40)));
        assert_eq!(full.provision("time_for_compliance"), "foia:s10(1)");
        for (from, to, why) in [
            ("reply_days = 20", "reply_days = 0", "from 1 to"),
            (
                "reply_days = 20",
                "reply_days = 20\nextended_days = 10",
                "more than reply_days",
            ),
            (
                "reply_days = 20",
                "reply_days = 20\nweeks = 4",
                "unknown field",
            ),
        ] {
            let e = parse("regimes/foia.toml", &FOIA.replace(from, to)).unwrap_err();
            assert!(e.to_string().contains(why), "{to}: {e}");
        }
    }

    #[test]
    fn signals_are_checked_where_they_stand() {
        let with = |signal: &str| format!("{FOIA}\n[[signals]]\n{signal}\n");
        let message = |src: &str| parse("regimes/foia.toml", src).unwrap_err().to_string();
        let m = message(&with(
            "anchors = [\"Freedom\"]\npattern = 'Freedom'\nexamples = [\"Freedom\"]",
        ));
        assert!(m.contains("not a lower-case word"), "{m}");
        let m = message(&with(
            "anchors = [\"freedom\"]\npattern = '(?i)freedom'\nexamples = [\"liberty\"]",
        ));
        assert!(m.contains("does not match its example \"liberty\""), "{m}");
        let m = message(&with(
            "anchors = [\"act\"]\npattern = '(?i)freedom'\nexamples = [\"freedom\"]",
        ));
        assert!(m.contains("holds none of its anchors"), "{m}");
        let m = message(&with("anchors = [\"free\"]\npattern = '(free'"));
        assert!(m.contains("does not compile"), "{m}");
        let m = message(&with(
            "anchors = [\"free\"]\npattern = 'free'\nshared = true",
        ));
        assert!(m.contains("needs the file's group"), "{m}");
        let m = message(&FOIA.replace(
            "numbering = \"section\"",
            "numbering = \"section\"\nabsorbs = \"eir\"",
        ));
        assert!(m.contains("absorbs needs a group"), "{m}");
        let m = message(&FOIA.replace(
            "numbering = \"section\"",
            "numbering = \"section\"\ngroup = \"uk\"\nabsorbs = \"foia\"",
        ));
        assert!(m.contains("absorbs names no other regime"), "{m}");
        let m = message(&FOIA.replace("numbering = \"section\"", "numbering = \"article\""));
        assert!(m.contains("unknown variant"), "{m}");
        let ok = parse(
            "regimes/foia.toml",
            &with("anchors = [\"free\"]\npattern = '(?i)free\\s+speech'\nweak = true\nexamples = [\"Free speech\"]"),
        )
        .unwrap();
        let last = ok.signals.last().unwrap();
        assert!(last.weak && !last.shared && !last.leading);
    }

    #[test]
    fn regime_files_are_told_from_rule_files_by_their_folder() {
        assert!(is_regime_file("regimes/foia.toml"));
        assert!(is_regime_file("/home/me/rules/regimes/eir.toml"));
        assert!(!is_regime_file("foia/s43.toml"));
        assert!(!is_regime_file("regimes.toml"));
    }
}
