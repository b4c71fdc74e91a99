//! Repairs of characters a PDF's text extraction is known to misread, each recorded on the item
//! (docs/import.md, "Repairs"): a superscript ordinal lost (`30"` -> `30th`), a capital I read as
//! `l` at the start of a word (`lllegal` -> `Illegal`), `n` read as `h` in `-lessness`
//! (`homelesshess` -> `homelessness`), and a few common words run together (`atleast`).

/// Words the extraction runs together, and how they are written.
const RUN_TOGETHER: [(&str, &str); 4] =
    [("atleast", "at least"), ("alot", "a lot"), ("inorder", "in order"), ("aswell", "as well")];

fn ordinal(number: &str) -> &'static str {
    let value: u64 = number.parse().unwrap_or(0);
    match (value % 10, value % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// Repairs one word (without surrounding punctuation), or `None` when it needs none.
fn word(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    if let Some((_, written)) = RUN_TOGETHER.iter().find(|(run, _)| *run == lower) {
        return Some(if text.starts_with(char::is_uppercase) {
            let mut chars = written.chars();
            chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
        } else {
            written.to_string()
        });
    }
    if let Some(rest) = text.strip_prefix("lll") {
        return Some(format!("Ill{rest}"));
    }
    for wrong in ["lesshess", "lessnhess"] {
        if let Some(stem) = text.strip_suffix(wrong) {
            return Some(format!("{stem}lessness"));
        }
    }
    let digits = text.strip_suffix('"').filter(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()));
    digits.map(|d| format!("{d}{}", ordinal(d)))
}

/// The text with its misreadings repaired, and one note per repair.
pub fn repair(text: &str) -> (String, Vec<String>) {
    let mut notes = Vec::new();
    let words: Vec<&str> = text.split(' ').collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    for (index, raw) in words.iter().enumerate() {
        let start = raw.find(|c: char| c.is_alphanumeric()).unwrap_or(raw.len());
        let end = raw
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_alphanumeric() || *c == '"')
            .map(|(i, c)| i + c.len_utf8())
            .unwrap_or(start)
            .max(start);
        let core = &raw[start..end];
        // An ordinal's lost superscript leaves `30"` before a word in lower case.
        let ordinal_context =
            core.ends_with('"') && words.get(index + 1).is_some_and(|w| w.starts_with(char::is_lowercase));
        match word(core).filter(|_| !core.ends_with('"') || ordinal_context) {
            Some(fixed) => {
                notes.push(format!(
                    "the text reads \"{core}\"; written \"{fixed}\" (a known misreading of PDF text; sure: medium)"
                ));
                out.push(format!("{}{fixed}{}", &raw[..start], &raw[end..]));
            }
            None => out.push(raw.to_string()),
        }
    }
    (out.join(" "), notes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misreadings_are_repaired_and_noted() {
        assert_eq!(repair("atleast 600 officers").0, "at least 600 officers");
        assert_eq!(repair("an lllegal Tobacco").0, "an Illegal Tobacco");
        assert_eq!(repair("address homelesshess in London:").0, "address homelessness in London:");
        assert_eq!(repair("tackle homelessnhess and").0, "tackle homelessness and");
        assert_eq!(repair("at the 30\" percentile").0, "at the 30th percentile");
        assert_eq!(repair("the 2\" rank").0, "the 2nd rank");
        assert_eq!(repair("the 30\" percentile").1.len(), 1);
    }

    #[test]
    fn sound_text_is_left_alone() {
        for text in ["a 12\" Screen", "café “x” é\"", "llama wool", "homelessness and \"quoted\" words", "at least 600"]
        {
            assert_eq!(repair(text), (text.to_string(), Vec::new()));
        }
    }
}
