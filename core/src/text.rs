//! Small helpers for the words of messages and labels, shared by every layer: a value quoted
//! short, a word capitalised, the known name nearest to a typo, the slug nearest to a name.

/// A text cut to its first 40 characters (with `...`), for quoting a value in a message.
pub(crate) fn shorten(text: &str) -> String {
    const LIMIT: usize = 40;
    match text.char_indices().nth(LIMIT) {
        None => text.to_owned(),
        Some((end, _)) => format!("{}...", &text[..end]),
    }
}

/// Upper-cases the first letter.
pub(crate) fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The known name nearest to `word`, if it is close enough to be a likely typo (within a third of
/// its length in edits).
///
/// A candidate whose length differs from the word's by more than that is not compared at all, so
/// a very long word costs one pass over it, not an edit distance.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let length = word.chars().count();
    let limit = |other: usize| (length.max(other) / 3).max(1);
    let mut lowered: Option<String> = None;
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        let other = candidate.chars().count();
        if length.abs_diff(other) > limit(other) {
            continue;
        }
        let word = lowered.get_or_insert_with(|| word.to_lowercase());
        let distance = edit_distance(word, &candidate.to_lowercase());
        if distance <= limit(other) && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, candidate)| candidate.to_owned())
}

/// Levenshtein distance counted in characters.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// A Latin letter with an accent as the plain letter (`é` as `e`), for the hint.
fn unaccented(c: char) -> char {
    const LETTERS: [(&str, char); 15] = [
        ("àáâãäåāăą", 'a'),
        ("çćĉċč", 'c'),
        ("ďđ", 'd'),
        ("èéêëēĕėęě", 'e'),
        ("ĝğġģ", 'g'),
        ("ìíîïĩīĭįı", 'i'),
        ("ĺļľŀł", 'l'),
        ("ñńņňŉ", 'n'),
        ("òóôõöøōŏő", 'o'),
        ("ŕŗř", 'r'),
        ("śŝşš", 's'),
        ("ţťŧ", 't'),
        ("ùúûüũūŭůűų", 'u'),
        ("ýÿŷ", 'y'),
        ("źżž", 'z'),
    ];
    LETTERS.iter().find(|(accented, _)| accented.contains(c)).map_or(c, |(_, plain)| *plain)
}

/// The nearest slug to `id` (`Café Société` -> `cafe-societe`): for the hint of a bad id, and
/// the ids of an imported draft.
pub(crate) fn slugify(id: &str) -> String {
    let mut out = String::new();
    for c in id.trim().chars().flat_map(char::to_lowercase) {
        let c = unaccented(c);
        if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches(|c: char| !c.is_ascii_alphanumeric()).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_texts_are_cut_at_forty_characters() {
        assert_eq!(shorten("short"), "short");
        let long = "é".repeat(50);
        assert_eq!(shorten(&long), format!("{}...", "é".repeat(40)));
    }

    #[test]
    fn the_first_letter_is_upper_cased() {
        assert_eq!(capitalise("output"), "Output");
        assert_eq!(capitalise(""), "");
        assert_eq!(capitalise("ärea"), "Ärea");
    }
}
