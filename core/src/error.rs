//! [`ApiError`]: misuse of the API, one typed error with one table of stable codes shared by the
//! Rust, Python and JS faces (docs/api.md, "Errors"). Loading a document is not misuse: its errors
//! are [`LoadError`](crate::LoadError)s, with their own codes and places.

use serde_json::{Map, Value};

use crate::cadence::RuleError;
use crate::locale::UnknownLocale;
use crate::model::Date;
use crate::rollup::{ApplyError, BatchError, UnknownItem};
use crate::text::shorten;
use crate::words::UnknownWord;

/// A call the library cannot answer as asked: an id that is not there, an option with a value it
/// cannot have, a return the engine refuses, a word or locale it does not know.
///
/// Every error has a stable [`code`](ApiError::code) from one table, [`ApiError::CODES`]
/// (docs/api.md, "Errors"), and the [`name`](ApiError::name) it has in Python (an exception class)
/// and JS (the `name` of the `Error`); the message is the same in every face.
///
/// ```
/// use workplan::{ApiError, Plan, RollupEngine, RollupOptions, Updates};
/// let plan = Plan::from_yaml_str("workplan: 1\nid: p\ntitle: P\nperiod: {start: 2020-04-01, end: 2021-03-31}\nitems: [{id: a, title: A}]\n")?;
/// let engine = RollupEngine::new(&plan, &Updates::default(), &RollupOptions::default());
/// let error = ApiError::from(engine.explain("b").unwrap_err());
/// assert_eq!((error.code(), error.name()), ("unknown_item", "UnknownItemError"));
/// assert_eq!(error.to_string(), "no item `b` in the plan");
/// # Ok::<(), workplan::LoadError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ApiError {
    /// An item id the plan does not have (`explain`, and other lookups that cannot answer
    /// without the item). Code `unknown_item`.
    #[error("no item `{item}` in the plan")]
    UnknownItem {
        /// The id as given.
        item: String,
    },
    /// A plan id the workspace does not have (`coverage`, returns passed for a plan by id). Code
    /// `unknown_plan`.
    #[error("no plan `{plan}` in the workspace")]
    UnknownPlan {
        /// The id as given.
        plan: String,
    },
    /// A return the live engine refused ([`ApplyError`]); nothing was applied. Its code is the
    /// refusal's: `unknown_item`, `unknown_member`, `member_on_plain_item`,
    /// `member_outside_scope` or `member_missing`.
    #[error("{}{error}; nothing was applied", index.map(|i| format!("return {i} of the batch: ")).unwrap_or_default())]
    Refused {
        /// For a batch, the 0-based index of the first return refused.
        index: Option<usize>,
        /// Why it was refused.
        error: ApplyError,
    },
    /// An option or argument with a value it cannot have: which option, the value as given, and
    /// what it must be. Code `invalid_option`.
    #[error("invalid `{option}`: `{value}` is not {expected}")]
    InvalidOption {
        /// The option, as the documentation names it (`on_error`, `dates`, `level`).
        option: String,
        /// The value as given (text as it is, anything else as JSON).
        value: String,
        /// What it must be ("raise or collect", "a real date written YYYY-MM-DD").
        expected: String,
    },
    /// A meeting rule that cannot be read (`meetings`, docs/governance.md). Code `invalid_rule`.
    #[error("invalid meeting rule: {0}")]
    InvalidRule(#[from] RuleError),
    /// A word that is not one of its kind's words: a status, a return's status, a document format.
    /// Code `unknown_word`.
    #[error(transparent)]
    UnknownWord(#[from] UnknownWord),
    /// A locale tag papers cannot be written in. Code `unknown_locale`.
    #[error(transparent)]
    UnknownLocale(#[from] UnknownLocale),
    /// A value that cannot cross between the host language and the library: data that is not
    /// JSON data (a Python object, a JS function), or a result the host cannot hold. Code
    /// `conversion_error`.
    #[error("the data cannot be converted: {detail}")]
    Conversion {
        /// What went wrong, as the converter says.
        detail: String,
    },
    /// Strict validation found errors (Python `Plan.validate(strict=True)`, which attaches the
    /// findings). Code `validation_failed`.
    #[error("the plan has {errors} validation {}", if *errors == 1 { "error" } else { "errors" })]
    ValidationFailed {
        /// How many findings of severity error.
        errors: usize,
    },
    /// A bug in workplan: a panic caught at the boundary of a binding. Code `internal_error`.
    #[error("internal error in workplan (please report it): {detail}")]
    Internal {
        /// The panic's message.
        detail: String,
    },
}

/// One row of the table of API error codes: the code, the name of the error in Python and JS,
/// and what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ApiCode {
    /// The stable code, e.g. `unknown_item`.
    pub code: &'static str,
    /// The name of the error: the Python exception class, the JS `Error`'s `name`.
    pub name: &'static str,
    /// What it means, in a sentence.
    pub meaning: &'static str,
}

/// A row of [`ApiError::CODES`].
const fn row(code: &'static str, name: &'static str, meaning: &'static str) -> ApiCode {
    ApiCode { code, name, meaning }
}

impl ApiError {
    /// Every code an [`ApiError`] can have, in the order of docs/api.md. Codes are added, never
    /// renamed.
    pub const CODES: &'static [ApiCode] = &[
        row("unknown_item", "UnknownItemError", "An item id the plan does not have: `explain`, or a return the live engine is given for it."),
        row("unknown_plan", "UnknownPlanError", "A plan id the workspace does not have: `coverage`, or returns passed for a plan by id."),
        row("unknown_member", "UnknownMemberError", "A return from a member the plan does not have: the live engine refuses it."),
        row("member_on_plain_item", "RefusedReturnError", "A return names a member for an item not delivered by members: the live engine refuses it."),
        row("member_outside_scope", "RefusedReturnError", "A return from a member that is not one of the item's members: the live engine refuses it."),
        row("member_missing", "RefusedReturnError", "A return for an item delivered by members names no member (or is an adoption event without one): the live engine refuses it."),
        row("invalid_option", "InvalidOptionError", "An option or argument with a value it cannot have; the error names the option, the value and what it must be."),
        row("invalid_rule", "InvalidRuleError", "A meeting rule that cannot be read (a rule reads like `second tuesday except august`)."),
        row("unknown_word", "UnknownWordError", "A word that is not one of its kind's words: a status, a return's status, a document format."),
        row("unknown_locale", "UnknownLocaleError", "A locale papers cannot be written in (unknown, or not English in a build without locales)."),
        row("conversion_error", "ConversionError", "A value that cannot cross between the host language and the library (not JSON data)."),
        row("validation_failed", "ValidationError", "Strict validation found errors; the findings are attached."),
        row("internal_error", "WorkplanError", "A bug in workplan (a panic caught at the boundary): please report it."),
    ];

    /// The stable code (docs/api.md, "Errors").
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::UnknownItem { .. } => "unknown_item",
            ApiError::UnknownPlan { .. } => "unknown_plan",
            ApiError::Refused { error, .. } => error.code(),
            ApiError::InvalidOption { .. } => "invalid_option",
            ApiError::InvalidRule(_) => "invalid_rule",
            ApiError::UnknownWord(_) => "unknown_word",
            ApiError::UnknownLocale(_) => "unknown_locale",
            ApiError::Conversion { .. } => "conversion_error",
            ApiError::ValidationFailed { .. } => "validation_failed",
            ApiError::Internal { .. } => "internal_error",
        }
    }

    /// The name of the error in Python (its exception class) and JS (the `Error`'s `name`):
    /// `UnknownItemError`, as [`ApiError::CODES`] lists it (a test holds the two together; the
    /// table itself stays out of builds that do not read it, such as the wasm).
    pub fn name(&self) -> &'static str {
        match self.code() {
            "unknown_item" => "UnknownItemError",
            "unknown_plan" => "UnknownPlanError",
            "unknown_member" => "UnknownMemberError",
            "member_on_plain_item" | "member_outside_scope" | "member_missing" => "RefusedReturnError",
            "invalid_option" => "InvalidOptionError",
            "invalid_rule" => "InvalidRuleError",
            "unknown_word" => "UnknownWordError",
            "unknown_locale" => "UnknownLocaleError",
            "conversion_error" => "ConversionError",
            "validation_failed" => "ValidationError",
            _ => "WorkplanError",
        }
    }

    /// What the error is about, as named values, for the attributes of the Python exception and
    /// the properties of the JS `Error`: `item`, `plan`, `member`, `index`, `option`, `value`,
    /// `expected`, `word`, `tag`, `rule` (each only where the kind has it).
    pub fn fields(&self) -> Map<String, Value> {
        let mut fields = Map::new();
        let mut put = |key: &str, value: Value| {
            fields.insert(key.to_owned(), value);
        };
        match self {
            ApiError::UnknownItem { item } => put("item", item.as_str().into()),
            ApiError::UnknownPlan { plan } => put("plan", plan.as_str().into()),
            ApiError::Refused { index, error } => {
                put("item", error.item().into());
                if let Some(member) = error.member() {
                    put("member", member.into());
                }
                if let Some(index) = index {
                    put("index", (*index).into());
                }
            }
            ApiError::InvalidOption { option, value, expected } => {
                put("option", option.as_str().into());
                put("value", value.as_str().into());
                put("expected", expected.as_str().into());
            }
            ApiError::InvalidRule(error) => put("rule", error.rule().into()),
            ApiError::UnknownWord(error) => {
                put("word", error.word.as_str().into());
                put("expected", error.expected.into());
            }
            ApiError::UnknownLocale(error) => put("tag", error.tag.as_str().into()),
            ApiError::ValidationFailed { .. } | ApiError::Conversion { .. } | ApiError::Internal { .. } => {}
        }
        fields
    }

    /// An option or argument with a value it cannot have (a long value is shortened to its first
    /// 40 characters).
    ///
    /// ```
    /// let error = workplan::ApiError::invalid_option("on_error", "maybe", "raise or collect");
    /// assert_eq!(error.to_string(), "invalid `on_error`: `maybe` is not raise or collect");
    /// ```
    pub fn invalid_option(option: &str, value: &str, expected: &str) -> ApiError {
        ApiError::InvalidOption { option: option.to_owned(), value: shorten(value), expected: expected.to_owned() }
    }

    /// Reads the date `text` given as the option `option` (`dates`, `start`): an
    /// [`InvalidOption`](ApiError::InvalidOption) naming it when the text is not a real date written
    /// `YYYY-MM-DD`.
    ///
    /// ```
    /// use workplan::ApiError;
    /// assert_eq!(ApiError::date("dates", "2021-02-28").map(|d| d.to_string()), Ok("2021-02-28".to_owned()));
    /// let error = ApiError::date("dates", "2021-02-30").unwrap_err();
    /// assert_eq!(error.to_string(), "invalid `dates`: `2021-02-30` is not a real date written YYYY-MM-DD");
    /// ```
    pub fn date(option: &str, text: &str) -> Result<Date, ApiError> {
        text.parse().map_err(|_| ApiError::invalid_option(option, text, "a real date written YYYY-MM-DD"))
    }

    /// Data that cannot cross between the host language and the library.
    pub fn conversion(detail: impl std::fmt::Display) -> ApiError {
        ApiError::Conversion { detail: detail.to_string() }
    }
}

impl From<ApplyError> for ApiError {
    /// A refused return, alone.
    fn from(error: ApplyError) -> ApiError {
        ApiError::Refused { index: None, error }
    }
}

impl From<UnknownItem> for ApiError {
    /// An item the plan does not have.
    fn from(error: UnknownItem) -> ApiError {
        ApiError::UnknownItem { item: error.item }
    }
}

impl From<BatchError> for ApiError {
    /// A refused return of a batch, with its index.
    fn from(error: BatchError) -> ApiError {
        ApiError::Refused { index: Some(error.index), error: error.error }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One error of every kind, and the code it must have.
    fn one_of_each() -> Vec<(ApiError, &'static str)> {
        let refused = |error: ApplyError| ApiError::from(error);
        let item = || "a".to_owned();
        let member = || "m".to_owned();
        vec![
            (ApiError::UnknownItem { item: item() }, "unknown_item"),
            (ApiError::UnknownPlan { plan: "p".to_owned() }, "unknown_plan"),
            (refused(ApplyError::UnknownItem { item: item() }), "unknown_item"),
            (refused(ApplyError::UnknownMember { item: item(), member: member() }), "unknown_member"),
            (refused(ApplyError::MemberOnPlainItem { item: item(), member: member() }), "member_on_plain_item"),
            (refused(ApplyError::MemberOutsideScope { item: item(), member: member() }), "member_outside_scope"),
            (refused(ApplyError::MemberMissing { item: item() }), "member_missing"),
            (ApiError::invalid_option("on_error", "maybe", "raise or collect"), "invalid_option"),
            (ApiError::from("every day".parse::<crate::MeetingRule>().expect_err("not a rule")), "invalid_rule"),
            (ApiError::from("green".parse::<crate::Status>().expect_err("not a status")), "unknown_word"),
            (ApiError::from(crate::Locale::parse("12").expect_err("not a tag")), "unknown_locale"),
            (ApiError::conversion("a function is not data"), "conversion_error"),
            (ApiError::ValidationFailed { errors: 2 }, "validation_failed"),
            (ApiError::Internal { detail: "boom".to_owned() }, "internal_error"),
        ]
    }

    #[test]
    fn every_error_has_a_code_and_a_name_from_the_one_table() {
        let errors = one_of_each();
        for (error, code) in &errors {
            assert_eq!(error.code(), *code, "{error:?}");
            let row = ApiError::CODES.iter().find(|row| row.code == *code).expect("the code is in the table");
            assert_eq!(error.name(), row.name);
        }
        for row in ApiError::CODES {
            assert!(errors.iter().any(|(e, _)| e.code() == row.code), "no error has the code `{}`", row.code);
            assert!(row.name.ends_with("Error"), "{}", row.name);
        }
        let mut codes: Vec<&str> = ApiError::CODES.iter().map(|row| row.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), ApiError::CODES.len(), "each code once");
    }

    #[test]
    fn messages_and_fields_say_what_and_where() {
        let batch = BatchError { index: 1, error: ApplyError::UnknownMember { item: "a".into(), member: "z".into() } };
        let error = ApiError::from(batch);
        assert_eq!(
            error.to_string(),
            "return 1 of the batch: the return for `a` is from `z`, which is not a member of the plan; nothing was applied"
        );
        assert_eq!(Value::Object(error.fields()), serde_json::json!({"item": "a", "member": "z", "index": 1}));
        let alone = ApiError::from(ApplyError::MemberMissing { item: "a".into() });
        assert!(alone.to_string().starts_with("the return for `a` names no member"), "{alone}");
        assert_eq!(Value::Object(alone.fields()), serde_json::json!({"item": "a"}));
        let rule = ApiError::from("every tuesday".parse::<crate::MeetingRule>().expect_err("not a rule"));
        assert_eq!(
            (rule.to_string(), Value::Object(rule.fields())),
            (
                "invalid meeting rule: `every` is not first, second, third, fourth or last".to_owned(),
                serde_json::json!({"rule": "every tuesday"})
            )
        );
        let option = ApiError::date("dates", "31/12/2020").expect_err("not a date");
        assert_eq!(
            Value::Object(option.fields()),
            serde_json::json!({"option": "dates", "value": "31/12/2020", "expected": "a real date written YYYY-MM-DD"})
        );
        assert_eq!(ApiError::ValidationFailed { errors: 1 }.to_string(), "the plan has 1 validation error");
    }
}
