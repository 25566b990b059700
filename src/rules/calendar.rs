//! Calendar files: one TOML file per calendar under `data/calendar/` (`uk.toml`), compiled into
//! the library, listing the bank holidays of each part of a country for the years it covers: the
//! regular ones by rule (a fixed day, moved off a weekend; a day from Easter; the first or last
//! Monday of a month), the ones moved or added for one year, and the published lists the rules
//! must reproduce (`[[expect]]`, run by `cargo test --lib calendar_file_<name>`). A regime file's
//! `[timing]` names the calendar its working days are counted on. See `docs/rule-format.md`.
//!
//! A rule folder of your own may hold a folder named `calendar`: a file there replaces the
//! embedded calendar of its name (to add a year, say) or adds a calendar.

use std::collections::BTreeSet;

use serde::Deserialize;

use crate::error::{Error, ErrorKind};
use crate::vocab::{Date, Weekday};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_calendars.rs"));
}

/// The embedded calendar files as `(name, contents)`, each named `calendar/<file>` so that
/// [`is_calendar_file`] tells them from rule files.
pub(crate) fn embedded_sources() -> impl Iterator<Item = (String, &'static str)> {
    embedded::EMBEDDED_CALENDARS
        .iter()
        .map(|&(name, src)| (format!("calendar/{name}"), src))
}

/// True when the file `name` is a calendar file: it lies in a folder named `calendar`.
pub(crate) fn is_calendar_file(name: &str) -> bool {
    name.rsplit(['/', '\\']).nth(1) == Some("calendar")
}

/// Which bank holidays are not working days: those of any part of the country the calendar
/// lists (FOIA s.10(6): "in any part of the United Kingdom"), or only those of every part.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Holidays {
    /// A holiday in any part is not a working day.
    #[default]
    Any,
    /// Only a holiday in every part is not a working day.
    Every,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CalendarFile {
    calendar: String,
    #[allow(dead_code)]
    description: String,
    parts: Vec<String>,
    first_year: i32,
    last_year: i32,
    #[serde(default)]
    holidays: Vec<HolidayFile>,
    #[serde(default)]
    moved: Vec<MovedFile>,
    #[serde(default)]
    one_off: Vec<OneOffFile>,
    #[serde(default)]
    #[cfg_attr(not(test), allow(dead_code))]
    expect: Vec<ExpectFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HolidayFile {
    name: String,
    #[serde(default)]
    parts: Vec<String>,
    on: Option<String>,
    #[serde(default)]
    substitute: bool,
    easter: Option<i32>,
    monday: Option<Which>,
    month: Option<u32>,
}

#[derive(Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Which {
    First,
    Last,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MovedFile {
    holiday: String,
    to: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OneOffFile {
    #[allow(dead_code)]
    name: String,
    date: String,
    #[serde(default)]
    parts: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(test), allow(dead_code))]
struct ExpectFile {
    part: String,
    year: i32,
    dates: Vec<String>,
}

/// How a regular holiday's day is found.
#[derive(Clone, Copy, Debug)]
enum Rule {
    /// A fixed month and day; `substitute`: moved off a weekend.
    On {
        month: u32,
        day: u32,
        substitute: bool,
    },
    /// Days from Easter Sunday.
    Easter(i32),
    /// The first (`true`) or last Monday of a month.
    Monday { first: bool, month: u32 },
}

/// The most years a calendar may cover (its days are listed in memory).
const MAX_YEARS: i32 = 200;

/// A calendar: the bank holidays of each part of a country for the years it covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Calendar {
    /// Its name (the file's stem: `uk`).
    pub name: String,
    /// The first year it covers.
    pub first_year: i32,
    /// The last year it covers.
    pub last_year: i32,
    /// The parts of the country, in file order.
    parts: Vec<String>,
    /// Each part's holidays, in date order.
    by_part: Vec<BTreeSet<Date>>,
    /// The holidays of any part.
    any: BTreeSet<Date>,
    /// The holidays of every part.
    every: BTreeSet<Date>,
    /// The file it came from.
    pub source: String,
}

impl Calendar {
    /// True when `date` lies in a year the calendar covers.
    pub fn covers(&self, date: Date) -> bool {
        (self.first_year..=self.last_year).contains(&date.year())
    }

    /// The years covered, for messages: "2012 to 2026".
    pub fn years(&self) -> String {
        format!("{} to {}", self.first_year, self.last_year)
    }

    /// Whether `date` is a working day: not a Saturday or Sunday, nor a holiday (of any part, or
    /// of every part, as `holidays` says). `None` outside the years covered.
    pub fn is_working_day(&self, date: Date, holidays: Holidays) -> Option<bool> {
        if !self.covers(date) {
            return None;
        }
        let set = match holidays {
            Holidays::Any => &self.any,
            Holidays::Every => &self.every,
        };
        Some(!date.is_weekend() && !set.contains(&date))
    }

    /// The `n`-th working day after `date` (`date` itself when `n` is 0), or `None` when it or a
    /// day before it lies outside the years covered.
    pub fn nth_working_day_after(&self, date: Date, n: u32, holidays: Holidays) -> Option<Date> {
        if !self.covers(date) {
            return None;
        }
        let mut day = date;
        let mut left = n;
        while left > 0 {
            day = day.next()?;
            if self.is_working_day(day, holidays)? {
                left -= 1;
            }
        }
        Some(day)
    }

    /// The working days from `from` to `to`: those after `from` up to `to`, where `to` counts as
    /// the first working day on or after it. `None` when `to` is before `from` or a day between
    /// lies outside the years covered.
    pub fn working_days_between(&self, from: Date, to: Date, holidays: Holidays) -> Option<u32> {
        if to < from || !self.covers(from) {
            return None;
        }
        let mut end = to;
        while !self.is_working_day(end, holidays)? {
            end = end.next()?;
        }
        let mut count = 0;
        let mut day = from;
        while day < end {
            day = day.next()?;
            if self.is_working_day(day, holidays)? {
                count += 1;
            }
        }
        Some(count)
    }

    /// The holidays of `part` in `year`, in date order (none for a part or year not covered).
    #[cfg(test)]
    pub fn holidays_of(&self, part: &str, year: i32) -> Vec<Date> {
        self.parts
            .iter()
            .position(|p| p == part)
            .map(|i| {
                self.by_part[i]
                    .iter()
                    .copied()
                    .filter(|d| d.year() == year)
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Easter Sunday of `year` in the Gregorian calendar (the anonymous algorithm of 1876, as given
/// by Meeus).
pub(crate) fn easter_sunday(year: i32) -> Option<Date> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::from_ymd(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The first or last Monday of `month` in `year`.
fn monday_of(year: i32, month: u32, first: bool) -> Option<Date> {
    if first {
        let mut d = Date::from_ymd(year, month, 1)?;
        while d.weekday() != Weekday::Monday {
            d = d.next()?;
        }
        Some(d)
    } else {
        let next_month = if month == 12 {
            Date::from_ymd(year + 1, 1, 1)?
        } else {
            Date::from_ymd(year, month + 1, 1)?
        };
        let mut d = next_month.add_days(-1)?;
        while d.weekday() != Weekday::Monday {
            d = d.add_days(-1)?;
        }
        Some(d)
    }
}

/// A regular holiday, parsed.
struct Regular {
    name: String,
    rule: Rule,
    /// Indexes into the calendar's parts.
    parts: Vec<usize>,
}

/// Parses one calendar file: `name` is used in errors and must end `<calendar>.toml` when it ends
/// `.toml`.
pub(crate) fn parse(name: &str, src: &str) -> Result<Calendar, Error> {
    let file: CalendarFile = toml::from_str(src).map_err(|e| {
        let err = Error::new(ErrorKind::RuleSyntax, e.message().trim().to_string()).in_file(name);
        match e.span() {
            Some(span) => err.at_offset(src, span.start),
            None => err,
        }
    })?;
    let invalid = |msg: String| Error::new(ErrorKind::RuleInvalid, msg).in_file(name);
    let stem = name.rsplit(['/', '\\']).next().unwrap_or(name);
    if file.calendar.is_empty()
        || !file
            .calendar
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    {
        return Err(invalid(format!(
            "calendar {:?} must be lower-case letters, digits and _",
            file.calendar
        )));
    }
    if name.ends_with(".toml") && stem != format!("{}.toml", file.calendar) {
        return Err(invalid(format!(
            "the calendar {0} is named {0}.toml",
            file.calendar
        )));
    }
    if file.parts.is_empty() {
        return Err(invalid("parts names no part of the country".into()));
    }
    if !(1..=9999).contains(&file.first_year)
        || file.last_year < file.first_year
        || file.last_year > 9998
        || file.last_year - file.first_year >= MAX_YEARS
    {
        return Err(invalid(format!(
            "first_year {} and last_year {} must be years in order, at most {MAX_YEARS} apart",
            file.first_year, file.last_year
        )));
    }
    let parts_of = |list: &[String]| -> Result<Vec<usize>, Error> {
        if list.is_empty() {
            return Ok((0..file.parts.len()).collect());
        }
        list.iter()
            .map(|p| {
                file.parts.iter().position(|q| q == p).ok_or_else(|| {
                    invalid(format!(
                        "{p:?} is not one of the parts ({})",
                        file.parts.join(", ")
                    ))
                })
            })
            .collect()
    };
    let mut regular: Vec<Regular> = Vec::new();
    for h in &file.holidays {
        let rule = holiday_rule(h).map_err(|m| invalid(format!("holiday {:?}: {m}", h.name)))?;
        if regular.iter().any(|r| r.name == h.name) {
            return Err(invalid(format!("holiday {:?} is given twice", h.name)));
        }
        regular.push(Regular {
            name: h.name.clone(),
            rule,
            parts: parts_of(&h.parts)?,
        });
    }
    let in_years = |d: Date| (file.first_year..=file.last_year).contains(&d.year());
    let date_in_years = |s: &str, what: &str| -> Result<Date, Error> {
        let d = Date::parse(s)
            .filter(|_| s.len() == 10)
            .ok_or_else(|| invalid(format!("{what}: {s:?} is not a date (YYYY-MM-DD)")))?;
        if !in_years(d) {
            return Err(invalid(format!(
                "{what}: {s} is outside first_year..last_year"
            )));
        }
        Ok(d)
    };
    // (holiday index, year) -> the day it is moved to.
    let mut moved: Vec<(usize, Date)> = Vec::new();
    for m in &file.moved {
        let i = regular
            .iter()
            .position(|r| r.name == m.holiday)
            .ok_or_else(|| invalid(format!("moved names no holiday: {:?}", m.holiday)))?;
        let to = date_in_years(&m.to, "moved")?;
        if moved.iter().any(|&(j, d)| j == i && d.year() == to.year()) {
            return Err(invalid(format!(
                "{:?} is moved twice in {}",
                m.holiday,
                to.year()
            )));
        }
        moved.push((i, to));
    }
    let mut one_off: Vec<(Date, Vec<usize>)> = Vec::new();
    for o in &file.one_off {
        one_off.push((date_in_years(&o.date, "one_off")?, parts_of(&o.parts)?));
    }
    let mut by_part: Vec<BTreeSet<Date>> = vec![BTreeSet::new(); file.parts.len()];
    for year in file.first_year..=file.last_year {
        for (part, set) in by_part.iter_mut().enumerate() {
            year_of_part(year, part, &regular, &moved, &one_off, set)
                .ok_or_else(|| invalid(format!("the holidays of {year} cannot be worked out")))?;
        }
    }
    let any: BTreeSet<Date> = by_part.iter().flatten().copied().collect();
    let every: BTreeSet<Date> = any
        .iter()
        .copied()
        .filter(|d| by_part.iter().all(|s| s.contains(d)))
        .collect();
    Ok(Calendar {
        name: file.calendar,
        first_year: file.first_year,
        last_year: file.last_year,
        parts: file.parts,
        by_part,
        any,
        every,
        source: name.to_string(),
    })
}

/// The rule of one `[[holidays]]` entry: exactly one of `on`, `easter` and `monday` with
/// `month`.
fn holiday_rule(h: &HolidayFile) -> Result<Rule, String> {
    let given = [h.on.is_some(), h.easter.is_some(), h.monday.is_some()];
    if given.iter().filter(|g| **g).count() != 1 {
        return Err("give exactly one of on, easter and monday".into());
    }
    if h.substitute && h.on.is_none() {
        return Err("substitute is only for a holiday on a fixed day".into());
    }
    if h.month.is_some() != h.monday.is_some() {
        return Err("month goes with monday, and monday needs it".into());
    }
    if let Some(on) = &h.on {
        let (m, d) = on
            .split_once('-')
            .filter(|(m, d)| m.len() == 2 && d.len() == 2)
            .and_then(|(m, d)| Some((m.parse::<u32>().ok()?, d.parse::<u32>().ok()?)))
            .filter(|&(m, d)| Date::from_ymd(2000, m, d).is_some() && !(m == 2 && d == 29))
            .ok_or_else(|| format!("on = {on:?} is not a month and day (\"12-25\")"))?;
        return Ok(Rule::On {
            month: m,
            day: d,
            substitute: h.substitute,
        });
    }
    if let Some(days) = h.easter {
        if !(-60..=60).contains(&days) {
            return Err(format!("easter = {days} is more than 60 days from Easter"));
        }
        return Ok(Rule::Easter(days));
    }
    let month = h.month.unwrap_or(0);
    if !(1..=12).contains(&month) {
        return Err(format!("month = {month} is not a month"));
    }
    Ok(Rule::Monday {
        first: matches!(h.monday, Some(Which::First)),
        month,
    })
}

/// Adds the holidays of `part` in `year` to `set`: the regular ones (or where they are moved),
/// the one-off ones, then each fixed day that falls at a weekend on the next weekday not already
/// a holiday, in date order. `None` when a day falls outside the dates a [`Date`] can hold.
fn year_of_part(
    year: i32,
    part: usize,
    regular: &[Regular],
    moved: &[(usize, Date)],
    one_off: &[(Date, Vec<usize>)],
    set: &mut BTreeSet<Date>,
) -> Option<()> {
    let mut weekend: Vec<Date> = Vec::new();
    for (i, r) in regular.iter().enumerate() {
        if !r.parts.contains(&part) {
            continue;
        }
        if let Some(&(_, to)) = moved.iter().find(|&&(j, d)| j == i && d.year() == year) {
            set.insert(to);
            continue;
        }
        match r.rule {
            Rule::On {
                month,
                day,
                substitute,
            } => {
                let d = Date::from_ymd(year, month, day)?;
                if d.is_weekend() && substitute {
                    weekend.push(d);
                } else {
                    set.insert(d);
                }
            }
            Rule::Easter(days) => {
                set.insert(easter_sunday(year)?.add_days(days)?);
            }
            Rule::Monday { first, month } => {
                set.insert(monday_of(year, month, first)?);
            }
        }
    }
    for (d, parts) in one_off {
        if d.year() == year && parts.contains(&part) {
            set.insert(*d);
        }
    }
    weekend.sort();
    for d in weekend {
        let mut sub = d.next()?;
        while sub.is_weekend() || set.contains(&sub) {
            sub = sub.next()?;
        }
        set.insert(sub);
    }
    Some(())
}

/// Runs the checks of one embedded calendar file (`name` under `data/calendar/`): it parses, and
/// for each `[[expect]]` entry its rules give exactly the holidays listed.
#[cfg(test)]
fn check_calendar_file(name: &str) {
    let contents = embedded::EMBEDDED_CALENDARS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, c)| *c)
        .expect("the file is embedded");
    let calendar = parse(name, contents).expect("the calendar file parses");
    let file: CalendarFile = toml::from_str(contents).expect("the file parses");
    assert!(!file.expect.is_empty(), "{name}: no [[expect]] lists");
    let mut failures = Vec::new();
    for e in &file.expect {
        let want: Vec<Date> = e
            .dates
            .iter()
            .map(|d| Date::parse(d).unwrap_or_else(|| panic!("{name}: {d:?} is not a date")))
            .collect();
        let got = calendar.holidays_of(&e.part, e.year);
        if got != want {
            let show = |v: &[Date]| v.iter().map(Date::to_string).collect::<Vec<_>>().join(", ");
            failures.push(format!(
                "{} {}: expected {}\n  got {}",
                e.part,
                e.year,
                show(&want),
                show(&got)
            ));
        }
    }
    assert!(failures.is_empty(), "{name}:\n{}", failures.join("\n"));
}

#[cfg(test)]
mod generated {
    use super::check_calendar_file;
    include!(concat!(env!("OUT_DIR"), "/calendar_tests.rs"));
}

#[cfg(test)]
mod tests {
    use super::*;

    const UK: &str = include_str!("../../data/calendar/uk.toml");

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn uk() -> Calendar {
        parse("calendar/uk.toml", UK).unwrap()
    }

    #[test]
    fn easter_falls_where_the_tables_put_it() {
        for (year, day) in [
            (1961, "1961-04-02"),
            (2000, "2000-04-23"),
            (2008, "2008-03-23"),
            (2011, "2011-04-24"),
            (2019, "2019-04-21"),
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2038, "2038-04-25"),
        ] {
            assert_eq!(easter_sunday(year), Some(d(day)), "{year}");
        }
    }

    #[test]
    fn working_days_skip_weekends_and_the_holidays_of_any_part() {
        let c = uk();
        let any = Holidays::Any;
        // Easter Monday is a holiday in England, Wales and Northern Ireland, not in Scotland.
        assert_eq!(c.is_working_day(d("2025-04-21"), any), Some(false));
        assert_eq!(
            c.is_working_day(d("2025-04-21"), Holidays::Every),
            Some(true)
        );
        // Good Friday and Christmas are holidays everywhere.
        assert_eq!(
            c.is_working_day(d("2025-04-18"), Holidays::Every),
            Some(false)
        );
        assert_eq!(c.is_working_day(d("2025-04-22"), any), Some(true));
        assert_eq!(c.is_working_day(d("2025-04-19"), any), Some(false));
        // A request received on Thursday 3 April 2025: day 1 is Friday 4 April; Good Friday,
        // Easter Monday and the early May bank holiday (5 May) are not counted, so the 20th
        // working day is Tuesday 6 May.
        assert_eq!(
            c.nth_working_day_after(d("2025-04-03"), 20, any),
            Some(d("2025-05-06"))
        );
        assert_eq!(
            c.nth_working_day_after(d("2025-04-03"), 0, any),
            Some(d("2025-04-03"))
        );
        assert_eq!(
            c.working_days_between(d("2025-04-03"), d("2025-05-06"), any),
            Some(20)
        );
        // A reply on a Saturday counts as sent on the Monday.
        assert_eq!(
            c.working_days_between(d("2025-04-03"), d("2025-05-10"), any),
            Some(24)
        );
        assert_eq!(
            c.working_days_between(d("2025-04-03"), d("2025-04-03"), any),
            Some(0)
        );
        assert_eq!(
            c.working_days_between(d("2025-04-03"), d("2025-04-02"), any),
            None
        );
    }

    #[test]
    fn outside_the_years_covered_nothing_is_counted() {
        let c = uk();
        assert_eq!(c.is_working_day(d("2027-01-04"), Holidays::Any), None);
        assert_eq!(c.is_working_day(d("2011-12-30"), Holidays::Any), None);
        // The 20th working day after 20 December 2026 is in 2027.
        assert_eq!(
            c.nth_working_day_after(d("2026-12-10"), 20, Holidays::Any),
            None
        );
        assert_eq!(
            c.working_days_between(d("2026-12-10"), d("2027-01-05"), Holidays::Any),
            None
        );
        assert_eq!(c.years(), "2012 to 2026");
    }

    #[test]
    fn bad_calendar_files_are_errors_that_say_why() {
        for (from, to, why) in [
            ("calendar = \"uk\"", "calendar = \"UK\"", "lower-case"),
            ("on = \"12-25\"", "on = \"25-12\"", "not a month and day"),
            (
                "easter = -2",
                "easter = -2\non = \"04-01\"",
                "exactly one of",
            ),
            (
                "holiday = \"Spring bank holiday\"\nto = \"2012-06-04\"",
                "holiday = \"Spring holiday\"\nto = \"2012-06-04\"",
                "moved names no holiday",
            ),
            ("date = \"2023-05-08\"", "date = \"2033-05-08\"", "outside"),
            (
                "parts = [\"scotland\"]",
                "parts = [\"wales\"]",
                "not one of the parts",
            ),
            ("last_year = 2026", "last_year = 2011", "in order"),
        ] {
            assert!(UK.contains(from), "{from}");
            let e = parse("calendar/uk.toml", &UK.replacen(from, to, 1)).unwrap_err();
            assert!(e.to_string().contains(why), "{from} -> {to}: {e}");
        }
        let e = parse("calendar/gb.toml", UK).unwrap_err();
        assert!(e.to_string().contains("named uk.toml"), "{e}");
        assert!(is_calendar_file("calendar/uk.toml"));
        assert!(is_calendar_file("/home/me/rules/calendar/uk.toml"));
        assert!(!is_calendar_file("regimes/foia.toml"));
    }
}
