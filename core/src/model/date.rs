//! Calendar dates and entry timestamps, written as ISO 8601 text in every document.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, SecondsFormat, TimeZone, Utc};
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::text::shorten;

/// A calendar date, written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

/// Why a text is not a [`Date`] or a [`Timestamp`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct DateError(String);

impl Date {
    /// The date with this year, month and day, if it exists.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        NaiveDate::from_ymd_opt(year, month, day).filter(|_| year >= 1).map(Date)
    }

    /// The underlying `chrono` date.
    pub fn naive(self) -> NaiveDate {
        self.0
    }

    /// Whole days from `self` to `later` (negative if `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        (later.0 - self.0).num_days()
    }
}

impl From<NaiveDate> for Date {
    fn from(date: NaiveDate) -> Self {
        Date(date)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Not `format("%Y-%m-%d")`: chrono's format machinery would be linked into the wasm for it.
        write!(f, "{:04}-{:02}-{:02}", self.0.year(), self.0.month(), self.0.day())
    }
}

impl FromStr for Date {
    type Err = DateError;

    /// Reads exactly `YYYY-MM-DD`, a real day of a year from 0001 to 9999.
    fn from_str(text: &str) -> Result<Self, DateError> {
        let bytes = text.as_bytes();
        let shaped = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes.iter().enumerate().all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shaped {
            return Err(DateError(format!("expected a date in the form YYYY-MM-DD, found `{}`", shorten(text))));
        }
        let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().unwrap_or(0);
        let (year, month, day) = (number(0..4), number(5..7), number(8..10));
        i32::try_from(year)
            .ok()
            .and_then(|year| Date::from_ymd(year, month, day))
            .ok_or_else(|| DateError(format!("`{text}` is not a real date")))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DateVisitor;
        impl Visitor<'_> for DateVisitor {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date in the form YYYY-MM-DD")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Date, E> {
                text.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(DateVisitor)
    }
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "A calendar date, YYYY-MM-DD."
        })
    }
}

/// When a progress return was entered: an RFC 3339 date-time such as `2020-07-03T10:00:00Z`.
/// A date-time without an offset is taken as UTC; a bare date as midnight UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub DateTime<FixedOffset>);

impl Timestamp {
    /// Midnight UTC at the start of `date`.
    pub fn start_of(date: Date) -> Timestamp {
        let midnight = date.0.and_hms_opt(0, 0, 0).unwrap_or_default();
        Timestamp(Utc.from_utc_datetime(&midnight).fixed_offset())
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.to_rfc3339_opts(SecondsFormat::AutoSi, true))
    }
}

impl FromStr for Timestamp {
    type Err = DateError;

    /// Reads an RFC 3339 date-time, one without an offset (UTC), or a bare date (midnight UTC),
    /// written in a year from 0001 to 9999 as dates are.
    fn from_str(text: &str) -> Result<Self, DateError> {
        let in_range = |stamp: DateTime<FixedOffset>| {
            if (1..=9999).contains(&stamp.naive_local().year()) {
                Ok(Timestamp(stamp))
            } else {
                Err(DateError(format!("`{}` is not in a year from 0001 to 9999", shorten(text))))
            }
        };
        if let Ok(with_offset) = DateTime::parse_from_rfc3339(text) {
            return in_range(with_offset);
        }
        if let Some(naive) = naive_date_time(text) {
            return in_range(Utc.from_utc_datetime(&naive).fixed_offset());
        }
        if let Ok(date) = text.parse::<Date>() {
            return Ok(Timestamp::start_of(date));
        }
        Err(DateError(format!("expected a date-time such as 2020-07-03T10:00:00Z, found `{}`", shorten(text))))
    }
}

/// A date-time without an offset: `YYYY-MM-DDTHH:MM:SS[.fraction]`, the same with a space
/// instead of the `T`, or `YYYY-MM-DDTHH:MM`; hours, minutes and seconds of one or two digits
/// (what chrono's `parse_from_str` read with those three formats; a test holds the two equal).
/// Written out rather than with chrono's `parse_from_str`, whose format machinery adds about
/// 11 KB (gzipped) to the wasm.
fn naive_date_time(text: &str) -> Option<NaiveDateTime> {
    let date = text.get(..10)?.parse::<Date>().ok()?.0;
    let rest = text.get(10..)?;
    let (spaced, rest) = match rest.strip_prefix('T') {
        Some(rest) => (false, rest),
        // As in chrono, the space of the format matches any whitespace, or none.
        None => (true, rest.trim_start()),
    };
    /// One or two digits at the start of `text`, and what follows.
    fn two_digits(text: &str) -> Option<(u32, &str)> {
        let digits = text.bytes().take(2).take_while(u8::is_ascii_digit).count();
        let number = text.get(..digits)?.parse().ok()?;
        Some((number, &text[digits..]))
    }
    let (hour, rest) = two_digits(rest)?;
    let (minute, rest) = two_digits(rest.strip_prefix(':')?)?;
    let (second, nano, rest) = match rest.strip_prefix(':') {
        None if !spaced => (0, 0, rest),
        None => return None,
        Some(rest) => {
            let (second, rest) = two_digits(rest)?;
            match rest.strip_prefix('.') {
                None => (second, 0, rest),
                Some(fraction) => {
                    let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
                    if digits == 0 {
                        return None;
                    }
                    // Nanoseconds: the first nine digits, padded with zeros; further digits are
                    // read and dropped.
                    let nano = fraction
                        .bytes()
                        .take(9)
                        .take_while(u8::is_ascii_digit)
                        .chain(std::iter::repeat(b'0'))
                        .take(9)
                        .fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
                    (second, nano, &fraction[digits..])
                }
            }
        }
    };
    if !rest.is_empty() {
        return None;
    }
    // A leap second (`:60`) is second 59 plus one second of nanoseconds, as chrono keeps it.
    match second {
        60 => date.and_hms_nano_opt(hour, minute, 59, nano.checked_add(1_000_000_000)?),
        _ => date.and_hms_nano_opt(hour, minute, second, nano),
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TimestampVisitor;
        impl Visitor<'_> for TimestampVisitor {
            type Value = Timestamp;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date-time such as 2020-07-03T10:00:00Z")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Timestamp, E> {
                text.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(TimestampVisitor)
    }
}

impl JsonSchema for Timestamp {
    fn schema_name() -> Cow<'static, str> {
        "Timestamp".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "When a return was entered: RFC 3339 date-time (e.g. 2020-07-03T10:00:00Z); without an offset, UTC; a bare date is midnight UTC."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_strict_iso() {
        assert_eq!("2020-04-01".parse::<Date>().map(|d| d.to_string()), Ok("2020-04-01".to_owned()));
        assert!("2021-02-30".parse::<Date>().is_err());
        assert!("0000-01-01".parse::<Date>().is_err());
        assert!("2020-4-1".parse::<Date>().is_err());
        assert!("2020-04-01T00:00".parse::<Date>().is_err());
    }

    /// The hand-written reader gives what chrono's `parse_from_str` gave with the three
    /// formats it replaces.
    #[test]
    fn naive_date_times_read_as_chrono_read_them() {
        let chrono = |text: &str| {
            ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M"]
                .iter()
                .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
        };
        let mut cases = 0;
        for date in ["2020-07-03", "2020-02-29", "2021-02-29"] {
            for separator in ["T", " ", "  ", "t", "X", ""] {
                for time in [
                    "10:00:00",
                    "10:00",
                    "9:05",
                    "09:05:01",
                    "9:5:1",
                    "10:00:00.5",
                    "10:00:00.123456789",
                    "10:00:00.1234567891",
                    "23:59:59",
                    "24:00:00",
                    "10:60:00",
                    "10:00:61",
                    "10:00:00.",
                    "10",
                    "10:00:00 ",
                    "10:00:00Z",
                    "100:00:00",
                    "1:00:00.000",
                    "23:59:60",
                    "23:59:60.5",
                    "10:00:00.+1",
                ] {
                    let text = format!("{date}{separator}{time}");
                    assert_eq!(naive_date_time(&text), chrono(&text), "{text}");
                    cases += 1;
                }
            }
        }
        assert!(cases > 300);
    }

    #[test]
    fn timestamps_are_in_the_years_dates_allow() {
        assert!("0000-01-01T00:00:00Z".parse::<Timestamp>().is_err());
        assert!("0000-12-31T23:00:00".parse::<Timestamp>().is_err());
        assert!("0001-01-01T00:00:00+01:00".parse::<Timestamp>().is_ok());
        assert!("9999-12-31T23:59:59-05:00".parse::<Timestamp>().is_ok());
    }

    #[test]
    fn timestamps_accept_offsets_naive_times_and_dates() {
        let zulu: Timestamp = "2020-07-03T10:00:00Z".parse().expect("rfc3339");
        let paris: Timestamp = "2020-07-03T12:00:00+02:00".parse().expect("offset");
        assert_eq!(zulu, paris);
        let naive: Timestamp = "2020-07-03T10:00:00".parse().expect("naive");
        for (text, expected) in [
            ("2020-07-03 10:00:00", "2020-07-03T10:00:00Z"),
            ("2020-07-03T10:00", "2020-07-03T10:00:00Z"),
            ("2020-07-03T9:05:01.25", "2020-07-03T09:05:01.250Z"),
            ("2020-07-03T10:00:00.123456789123", "2020-07-03T10:00:00.123456789Z"),
        ] {
            assert_eq!(text.parse::<Timestamp>().map(|t| t.to_string()), Ok(expected.to_owned()), "{text}");
        }
        for bad in [
            "2020-07-03 10:00",
            "2020-07-03T24:00:00",
            "2020-07-03T10:60",
            "2020-07-03T10:00:00.",
            "2020-07-03T10:00:00 junk",
            "2020-07-03T10",
            "2020-07-03X10:00",
        ] {
            assert!(bad.parse::<Timestamp>().is_err(), "{bad}");
        }
        assert_eq!(naive, zulu);
        let date: Timestamp = "2020-07-03".parse().expect("date");
        assert_eq!(date.to_string(), "2020-07-03T00:00:00Z");
        assert!("yesterday".parse::<Timestamp>().is_err());
    }
}
