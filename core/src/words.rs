//! The words of the format: every enum of the model, a rollup `Status` and a document `Format`
//! print and parse as documents write them (`on_track`, `yaml`, `cancelled`), so that callers need
//! not match on them or go through serde. This module holds what they share: the error for a word
//! that is not one of a type's words, and the macro that gives an enum its words from one list;
//! each enum's words are next to the enum.

/// A word that is not one of a type's words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{word}` is not {what}: expected one of {expected}")]
pub struct UnknownWord {
    /// The word as given.
    pub word: String,
    /// What was expected ("a status").
    pub what: &'static str,
    /// The words that are, joined.
    pub expected: &'static str,
}

/// `as_str`, `Display` and `FromStr` for an enum of the model, from one list of its words (the
/// words serde reads and writes: a test checks that they agree).
macro_rules! words {
    ($($kind:ident, $what:literal, [$($variant:ident => $word:literal),+ $(,)?];)+) => {$(
        impl $kind {
            /// The word as documents write it.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($kind::$variant => $word,)+
                }
            }

            /// Every value, in the order the format lists them.
            pub const ALL: &'static [$kind] = &[$($kind::$variant),+];
        }

        impl ::std::fmt::Display for $kind {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $kind {
            type Err = $crate::words::UnknownWord;

            fn from_str(word: &str) -> Result<$kind, $crate::words::UnknownWord> {
                $kind::ALL.iter().copied().find(|value| value.as_str() == word).ok_or_else(|| $crate::words::UnknownWord {
                    word: word.to_owned(),
                    what: $what,
                    expected: concat!($($word, ", "),+).trim_end_matches(", "),
                })
            }
        }
    )+};
}
pub(crate) use words;
