//! Civil dates: a year, month and day of the Gregorian calendar, with day arithmetic and the
//! weekday. Written and read as ISO 8601 (`2025-04-14`); the date part of an RFC 3339 time
//! (`2025-04-14T09:30:00+01:00`) reads as its date, as written (no time zone is applied).

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A day of the Gregorian calendar, from year 1 to year 9999.
///
/// ```
/// use foi_refusal::Date;
/// let d = Date::parse("2025-04-14").unwrap();
/// assert_eq!(d.to_string(), "2025-04-14");
/// assert_eq!(d.add_days(20).unwrap().to_string(), "2025-05-04");
/// assert_eq!(Date::parse("2025-04-14T09:30:00+01:00"), Some(d));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Days since 1970-01-01 (negative before it).
    days: i32,
}

/// A day of the week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Weekday {
    /// Monday.
    Monday,
    /// Tuesday.
    Tuesday,
    /// Wednesday.
    Wednesday,
    /// Thursday.
    Thursday,
    /// Friday.
    Friday,
    /// Saturday.
    Saturday,
    /// Sunday.
    Sunday,
}

/// The English names of the months, January first.
pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Days from 1970-01-01 to year `y`, month `m`, day `d` (proleptic Gregorian; H. Hinnant's
/// `days_from_civil`).
fn days_from_civil(y: i32, m: u32, d: u32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400) as u32;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe as i32 - 719_468
}

/// The year, month and day of `days` since 1970-01-01 (`civil_from_days`).
fn civil_from_days(days: i32) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097) as u32;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe as i32 + era * 400 + i32::from(m <= 2);
    (y, m, d)
}

/// The number of days in month `m` of year `y`.
fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        _ => 28,
    }
}

/// The first and last day a [`Date`] may be (1 January of year 1, 31 December 9999).
const MIN_DAYS: i32 = -719_162;
const MAX_DAYS: i32 = 2_932_896;

impl Date {
    /// The date `year`-`month`-`day`, or `None` when there is no such day (or the year is
    /// outside 1 to 9999).
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=9999).contains(&year)
            || !(1..=12).contains(&month)
            || day == 0
            || day > days_in_month(year, month)
        {
            return None;
        }
        Some(Date {
            days: days_from_civil(year, month, day),
        })
    }

    /// Reads `YYYY-MM-DD`, or the date part of an RFC 3339 time (`YYYY-MM-DDT...` or
    /// `YYYY-MM-DD ...`), after any leading white space. `None` for anything else.
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim_start();
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        if b.len() > 10 && !matches!(b[10], b'T' | b't' | b' ') {
            return None;
        }
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let year = i32::try_from(digits(0..4)?).ok()?;
        Date::from_ymd(year, digits(5..7)?, digits(8..10)?)
    }

    /// The year.
    pub fn year(self) -> i32 {
        civil_from_days(self.days).0
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u32 {
        civil_from_days(self.days).1
    }

    /// The day of the month, 1 to 31.
    pub fn day(self) -> u32 {
        civil_from_days(self.days).2
    }

    /// The day of the week.
    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday.
        match (self.days + 3).rem_euclid(7) {
            0 => Weekday::Monday,
            1 => Weekday::Tuesday,
            2 => Weekday::Wednesday,
            3 => Weekday::Thursday,
            4 => Weekday::Friday,
            5 => Weekday::Saturday,
            _ => Weekday::Sunday,
        }
    }

    /// True on a Saturday or a Sunday.
    pub fn is_weekend(self) -> bool {
        matches!(self.weekday(), Weekday::Saturday | Weekday::Sunday)
    }

    /// The date `n` days later (earlier for a negative `n`), or `None` past year 9999 or before
    /// year 1.
    pub fn add_days(self, n: i32) -> Option<Date> {
        let days = self.days.checked_add(n)?;
        (MIN_DAYS..=MAX_DAYS)
            .contains(&days)
            .then_some(Date { days })
    }

    /// The next day, or `None` after 31 December 9999.
    pub fn next(self) -> Option<Date> {
        self.add_days(1)
    }

    /// Days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i32 {
        later.days - self.days
    }

    /// The date as people write it in a letter: "3 March 2025".
    pub fn long(self) -> String {
        let (y, m, d) = civil_from_days(self.days);
        format!("{d} {} {y}", MONTHS[(m - 1) as usize])
    }
}

/// ISO 8601: `2025-04-14`.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = civil_from_days(self.days);
        f.pad(&format!("{y:04}-{m:02}-{d:02}"))
    }
}

/// Serialised as its ISO 8601 string, `"2025-04-14"`.
impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Read from an ISO 8601 string (or the date part of an RFC 3339 time).
impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("not a date (YYYY-MM-DD): {s:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap_or_else(|| panic!("{s} parses"))
    }

    #[test]
    fn civil_days_round_trip() {
        // Every day from 1899 to 2101, and both ends of the range.
        let mut date = Date::from_ymd(1899, 1, 1).unwrap();
        let end = Date::from_ymd(2101, 12, 31).unwrap();
        let mut n = 0;
        while date <= end {
            let back = Date::from_ymd(date.year(), date.month(), date.day()).unwrap();
            assert_eq!(back, date);
            date = date.next().unwrap();
            n += 1;
        }
        assert_eq!(n, 203 * 365 + 49);
        assert_eq!(Date::from_ymd(1, 1, 1).unwrap().days, MIN_DAYS);
        assert_eq!(Date::from_ymd(9999, 12, 31).unwrap().days, MAX_DAYS);
        assert_eq!(Date::from_ymd(9999, 12, 31).unwrap().next(), None);
        assert_eq!(Date::from_ymd(1, 1, 1).unwrap().add_days(-1), None);
        assert_eq!(d("2025-01-01").add_days(i32::MAX), None);
    }

    #[test]
    fn days_and_weekdays() {
        assert_eq!(d("1970-01-01").days, 0);
        assert_eq!(d("2000-03-01").days_until(d("2000-02-28")), -2);
        assert_eq!(d("2024-02-28").add_days(1), Some(d("2024-02-29")));
        assert_eq!(d("2023-02-28").add_days(1), Some(d("2023-03-01")));
        assert_eq!(d("2025-12-31").next(), Some(d("2026-01-01")));
        assert_eq!(d("2025-04-14").weekday(), Weekday::Monday);
        assert_eq!(d("2024-12-25").weekday(), Weekday::Wednesday);
        assert_eq!(d("2000-01-01").weekday(), Weekday::Saturday);
        assert!(d("2025-04-13").is_weekend() && !d("2025-04-11").is_weekend());
        assert_eq!(d("2025-03-03").long(), "3 March 2025");
    }

    #[test]
    fn parsing_takes_iso_dates_and_the_date_of_rfc_3339_times() {
        assert_eq!(d("2024-02-29").to_string(), "2024-02-29");
        assert_eq!(d("0005-01-02").to_string(), "0005-01-02");
        assert_eq!(d(" 2024-01-25T12:40:48.328+00:00"), d("2024-01-25"));
        assert_eq!(d("2024-01-25 12:40"), d("2024-01-25"));
        for bad in [
            "",
            "2024",
            "2024-1-25",
            "2023-02-29",
            "2024-13-01",
            "2024-00-10",
            "2024-01-00",
            "0000-01-01",
            "+024-01-01",
            "2024-01-2x",
            "2024-01-25X",
            "25/01/2024",
            "２０２４-01-01",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn serde_writes_and_reads_iso() {
        let json = serde_json::to_string(&d("2025-04-14")).unwrap();
        assert_eq!(json, "\"2025-04-14\"");
        let back: Date = serde_json::from_str(&json).unwrap();
        assert_eq!(back, d("2025-04-14"));
        assert!(serde_json::from_str::<Date>("\"14/04/2025\"").is_err());
        assert_eq!(format!("{:>12}|", d("2025-04-14")), "  2025-04-14|");
    }
}
