//! The locale of a committee paper (docs/governance.md#committee-papers): dates in words and
//! numbers with the decimal separator of a language and region. English (`en-GB`) by default; other
//! locales come from chrono's POSIX locale data with the `locales` feature (on in the CLI and the
//! Python wheel, off in the wasm, whose widget formats with the browser's `Intl`).

use crate::display::date_in_words;
use crate::model::Date;

/// A locale tag that cannot be used: unknown, or not English in a build without the `locales`
/// feature.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown locale `{tag}`: {why}")]
pub struct UnknownLocale {
    /// The tag as given.
    pub tag: String,
    /// What went wrong, with what to do.
    pub why: String,
}

/// How a paper writes dates and numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Locale {
    /// The BCP 47 tag (`fr-FR`), for `<html lang>`.
    tag: String,
    #[cfg(feature = "locales")]
    posix: Option<chrono::Locale>,
}

impl Default for Locale {
    /// British English: `31 December 2020`, `45.7%`.
    fn default() -> Self {
        Locale {
            tag: "en-GB".to_owned(),
            #[cfg(feature = "locales")]
            posix: None,
        }
    }
}

impl Locale {
    /// Reads a tag: BCP 47 (`fr-FR`, `cy`) or POSIX (`fr_FR`). A language alone takes its usual
    /// region (`fr` -> `fr_FR`, `cy` -> `cy_GB`, `en` -> `en_GB`).
    ///
    /// ```
    /// let locale = workplan::Locale::parse("en").unwrap();
    /// assert_eq!(locale.tag(), "en-GB");
    /// assert!(workplan::Locale::parse("xx-YY").is_err());
    /// ```
    pub fn parse(tag: &str) -> Result<Locale, UnknownLocale> {
        let trimmed = tag.trim();
        let mut parts = trimmed.split(['-', '_']);
        let language = parts.next().unwrap_or_default().to_ascii_lowercase();
        let region = parts.next().map(str::to_ascii_uppercase);
        let unknown = |why: &str| UnknownLocale { tag: tag.to_owned(), why: why.to_owned() };
        if language.is_empty() || !language.bytes().all(|b| b.is_ascii_lowercase()) {
            return Err(unknown("expected a language tag such as en-GB, fr-FR or cy"));
        }
        if language == "en" && matches!(region.as_deref(), None | Some("GB")) {
            return Ok(Locale::default());
        }
        Self::from_posix(trimmed, &language, region)
    }

    #[cfg(feature = "locales")]
    fn from_posix(tag: &str, language: &str, region: Option<String>) -> Result<Locale, UnknownLocale> {
        let regions = match region {
            Some(region) => vec![region],
            None => vec![
                language.to_ascii_uppercase(),
                match language {
                    "cy" | "gd" => "GB",
                    "ga" => "IE",
                    "en" => "GB",
                    "sv" => "SE",
                    "da" => "DK",
                    "el" => "GR",
                    "ja" => "JP",
                    "zh" => "CN",
                    "ur" => "PK",
                    "bn" => "BD",
                    "pa" => "IN",
                    "gu" => "IN",
                    "hi" => "IN",
                    _ => "",
                }
                .to_owned(),
            ],
        };
        for region in regions.iter().filter(|r| !r.is_empty()) {
            if let Ok(posix) = chrono::Locale::try_from(format!("{language}_{region}").as_str()) {
                return Ok(Locale { tag: format!("{language}-{region}"), posix: Some(posix) });
            }
        }
        Err(UnknownLocale { tag: tag.to_owned(), why: "no such language and region in the POSIX locales".to_owned() })
    }

    #[cfg(not(feature = "locales"))]
    fn from_posix(tag: &str, _language: &str, _region: Option<String>) -> Result<Locale, UnknownLocale> {
        Err(UnknownLocale {
            tag: tag.to_owned(),
            why: "this build writes papers in English only (en-GB); other locales need the `locales` feature"
                .to_owned(),
        })
    }

    /// The BCP 47 tag: `en-GB`, `fr-FR`.
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// A date in words: `31 December 2020`, `31 décembre 2020`, `31 Rhagfyr 2020`.
    pub fn date(&self, date: Date) -> String {
        #[cfg(feature = "locales")]
        if let Some(posix) = self.posix {
            return date.naive().format_localized("%-d %B %Y", posix).to_string();
        }
        date_in_words(date)
    }

    /// A fraction as a percentage with the locale's decimal separator: `45.7%`, `45,7%`.
    pub fn percent(&self, value: Option<f64>) -> String {
        let text = crate::display::percent(value);
        match self.decimal_point() {
            "." => text,
            point => text.replace('.', point),
        }
    }

    /// How much of a row's data is in, in words, with the share written for the locale
    /// ([`Row::coverage_words`](crate::rollup::Row::coverage_words)).
    pub fn coverage_words(&self, row: &crate::rollup::Row) -> String {
        #[cfg(feature = "locales")]
        if self.posix.is_some() {
            return row.coverage_words_with(|value| self.percent(value));
        }
        row.coverage_words()
    }

    fn decimal_point(&self) -> &'static str {
        #[cfg(feature = "locales")]
        if let Some(posix) = self.posix {
            return pure_rust_locales::locale_match!(posix => LC_NUMERIC::DECIMAL_POINT);
        }
        "."
    }
}

#[cfg(all(test, feature = "locales"))]
mod tests {
    use super::*;

    #[test]
    fn dates_and_percents_in_other_locales() {
        let date = Date::from_ymd(2020, 12, 31).unwrap_or_else(|| panic!("date"));
        let fr = Locale::parse("fr").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (fr.tag(), fr.date(date), fr.percent(Some(0.457))),
            ("fr-FR", "31 décembre 2020".to_owned(), "45,7%".to_owned())
        );
        let cy = Locale::parse("cy").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (cy.tag(), cy.date(date), cy.percent(Some(0.457))),
            ("cy-GB", "31 Rhagfyr 2020".to_owned(), "45.7%".to_owned())
        );
        assert_eq!(Locale::parse("de_AT").map(|l| l.tag().to_owned()), Ok("de-AT".to_owned()));
        assert_eq!(Locale::parse("en-gb"), Ok(Locale::default()));
        assert_eq!(Locale::default().date(date), "31 December 2020");
        let error = Locale::parse("xx-YY").expect_err("no such locale");
        assert_eq!(error.to_string(), "unknown locale `xx-YY`: no such language and region in the POSIX locales");
        assert!(Locale::parse("").is_err() && Locale::parse("12").is_err());
    }
}
