//! Numeric targets in an output's prose ("100 digital apprentices", "1,000 charging points for
//! electric vehicles during this year", "at least 600 officers") proposed as measures: unit,
//! baseline 0, target, and a due date where the sentence states one (docs/import.md, "Measures").

/// A measure proposed from a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposed {
    /// What is counted: the words after the number.
    pub unit: String,
    /// The number.
    pub target: f64,
    /// The sentence it came from.
    pub sentence: String,
    /// When the sentence says by when: `ThisYear` ("during this year", "this year") or a year
    /// ("by 2022").
    pub due: Option<Due>,
}

/// When a target is due, as the sentence says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// "during this year", "this year", "by the end of the year": the plan's period end.
    ThisYear,
    /// "by 2022", "by March 2022": the end of that year (or month).
    By {
        /// The year.
        year: i32,
        /// The month, when named.
        month: Option<u32>,
    },
}

/// Words that end a unit.
const STOP: [&str; 25] = [
    "in", "during", "by", "to", "across", "within", "at", "on", "with", "that", "which", "and", "or", "a", "an", "the",
    "is", "are", "will", "be", "per", "each", "from", "who", "towards",
];

/// Words before a number that make it a reference, not a count ("section 106 deals").
const REFERENCES: [&str; 11] =
    ["section", "article", "clause", "paragraph", "page", "chapter", "part", "schedule", "item", "s.", "no."];

/// Reads `1,000` or `600` at the start of `word` (the whole word, optionally followed by
/// punctuation is not allowed: `2,` is a list, not a count).
fn number(word: &str) -> Option<f64> {
    if word.is_empty() || !word.chars().all(|c| c.is_ascii_digit() || c == ',') || word.starts_with(',') {
        return None;
    }
    if word.contains(',') {
        // Thousands groups of three digits.
        let groups: Vec<&str> = word.split(',').collect();
        if groups[1..].iter().any(|g| g.len() != 3) || groups[0].len() > 3 {
            return None;
        }
    }
    word.replace(',', "").parse().ok()
}

fn is_year(word: &str) -> bool {
    word.len() == 4 && (word.starts_with("19") || word.starts_with("20")) && word.chars().all(|c| c.is_ascii_digit())
}

/// The sentences of a text (split after `.` followed by a space and a capital).
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes: Vec<(usize, char)> = text.char_indices().collect();
    for window in bytes.windows(3) {
        if window[0].1 == '.' && window[1].1 == ' ' && window[2].1.is_uppercase() {
            out.push(text[start..window[1].0].trim());
            start = window[2].0;
        }
    }
    out.push(text[start..].trim());
    out
}

fn due_in(sentence: &str) -> Option<Due> {
    let lower = sentence.to_lowercase();
    if lower.contains("this year") || lower.contains("end of the year") {
        return Some(Due::ThisYear);
    }
    let words: Vec<&str> = sentence.split_whitespace().collect();
    for (index, word) in words.iter().enumerate() {
        if *word != "by" {
            continue;
        }
        let next = words.get(index + 1).map(|w| w.trim_end_matches(['.', ',', ';'])).unwrap_or("");
        if is_year(next) {
            return Some(Due::By { year: next.parse().ok()?, month: None });
        }
        if let Some(month) = crate::display::MONTHS.iter().position(|m| *m == next) {
            let year = words.get(index + 2).map(|w| w.trim_end_matches(['.', ',', ';'])).unwrap_or("");
            if is_year(year) {
                return Some(Due::By { year: year.parse().ok()?, month: Some(month as u32 + 1) });
            }
        }
    }
    None
}

/// The first numeric target in `text`, if any: a count (not a year, a percentage, a range or a
/// name's number) followed by the words it counts.
pub fn propose(text: &str) -> Option<Proposed> {
    for sentence in sentences(text) {
        let words: Vec<&str> = sentence.split_whitespace().collect();
        for (index, word) in words.iter().enumerate() {
            let Some(target) = number(word) else { continue };
            if is_year(word) || target == 0.0 {
                continue;
            }
            if index > 0 && REFERENCES.contains(&words[index - 1].to_lowercase().as_str()) {
                continue;
            }
            // A number inside a name ("London Business 1000 Survey") is not a count.
            let before_capital = index > 0 && words[index - 1].chars().next().is_some_and(|c| c.is_uppercase());
            let after_capital =
                words.get(index + 1).is_some_and(|w| w.chars().next().is_some_and(|c| c.is_uppercase()));
            let after_month = words.get(index + 1).is_some_and(|w| crate::display::MONTHS.contains(w));
            if before_capital && after_capital && !after_month {
                continue;
            }
            let mut unit: Vec<&str> = Vec::new();
            for next in &words[index + 1..] {
                let bare = next.trim_end_matches(['.', ',', ';', ':']);
                if STOP.contains(&bare) || bare.is_empty() || bare.starts_with('(') {
                    break;
                }
                unit.push(bare);
                if bare.len() != next.len() {
                    break;
                }
            }
            while unit.last().is_some_and(|w| *w == "for" || *w == "of") {
                unit.pop();
            }
            if unit.is_empty() || unit[0] == "per" || unit[0] == "cent" || unit[0].starts_with('%') {
                continue;
            }
            return Some(Proposed {
                unit: unit.join(" "),
                target,
                sentence: sentence.to_string(),
                due: due_in(sentence),
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_proposed_with_their_unit_and_due_date() {
        let p = propose("Support boroughs to deliver 1,000 charging points for electric vehicles during this year.");
        let p = p.expect("a measure");
        assert_eq!(p.unit, "charging points for electric vehicles");
        assert_eq!(p.target, 1000.0);
        assert_eq!(p.due, Some(Due::ThisYear));
        let p = propose("100 digital apprentices in place across LOTI boroughs.").expect("a measure");
        assert_eq!((p.unit.as_str(), p.target, p.due), ("digital apprentices", 100.0, None));
        let p = propose("the 750,000 March 2020 expiring passes.").expect("a measure");
        assert_eq!((p.unit.as_str(), p.target), ("March 2020 expiring passes", 750000.0));
        let p = propose("Supporting 55,000 disadvantaged Londoners towards a job.").expect("a measure");
        assert_eq!(p.unit, "disadvantaged Londoners");
        let p = propose("Recruit 50 wardens by March 2022.").expect("a measure");
        assert_eq!(p.due, Some(Due::By { year: 2022, month: Some(3) }));
    }

    #[test]
    fn years_percentages_ranges_and_names_are_not_counts() {
        assert_eq!(propose("ahead of Spending Review 2020."), None);
        assert_eq!(propose("a commitment on 100 per cent renewable energy"), None);
        assert_eq!(propose("the 75% business rates retention scheme"), None);
        assert_eq!(propose("the 2017-2021 Grants Programme"), None);
        assert_eq!(propose("the London Business 1000 Survey"), None);
        assert_eq!(propose("Crossrail 2, High Speed 2, Euston"), None);
        assert_eq!(propose("apprentices funded through section 106 deals have access"), None);
    }
}
