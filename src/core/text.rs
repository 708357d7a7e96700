//! Folding names for comparison: other scripts transliterated, accents and case dropped, and
//! everything but letters and digits removed, so that `BRÜNN`, `brunn` and ` brno. ` meet the
//! names in the data. The data loader (uniqueness of names) and the matcher both fold.

/// Folds a name for matching: transliterate to ASCII, lower-case, keep letters and digits only.
pub fn fold(s: &str) -> String {
    fold_with(s, false)
}

/// Like [`fold`], but keeps one space wherever the name had spaces or punctuation: `Ha-Nam`
/// and `Hanam` fold alike, yet only `ha nam` is the same form as `Ha Nam`.
pub fn fold_spaced(s: &str) -> String {
    fold_with(s, true)
}

fn fold_with(s: &str, spaces: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut push = |c: char| {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if spaces && !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    };
    for c in s.chars() {
        if c.is_ascii() {
            push(c);
        } else if let Some(t) = deunicode::deunicode_char(c) {
            t.chars().for_each(&mut push);
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The flag emoji for an ISO 3166-1 alpha-2 code (empty for anything else).
pub fn flag(code: &str) -> String {
    if code.len() != 2 || !code.chars().all(|c| c.is_ascii_alphabetic()) {
        return String::new();
    }
    code.to_ascii_uppercase().chars().filter_map(|c| char::from_u32(0x1F1E6 + (c as u32 - 'A' as u32))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_handles_case_accents_punctuation_and_scripts() {
        assert_eq!(fold("BRÜNN"), "brunn");
        assert_eq!(fold(" brno. "), "brno");
        assert_eq!(fold("Port-Natal"), "portnatal");
        assert_eq!(fold("Харків"), "kharkiv");
        assert_eq!(fold("杭州"), "hangzhou");
        assert_eq!(fold("Charków"), "charkow");
        assert_eq!(fold("?!  "), "");
        assert_eq!(fold_spaced(" Ha-Nam. "), "ha nam");
        assert_eq!(fold_spaced("Hsi-nan-chen"), "hsi nan chen");
        assert_eq!(fold_spaced("Харків"), "kharkiv");
    }

    #[test]
    fn flags_come_from_iso_codes() {
        assert_eq!(flag("DE"), "🇩🇪");
        assert_eq!(flag("za"), "🇿🇦");
        assert_eq!(flag("DEU"), "");
    }
}
