//! The one name resolver behind every command and autocomplete.
//!
//! Names are folded ([`fold`]): other scripts are transliterated, accents dropped, case folded
//! and everything but letters and digits removed, so `BRÜNN`, `brunn` and ` brno. `-style input
//! meet the names in the data. The resolver tries exact names and aliases first, then country
//! names and the home city, then fuzzy similarity (strsim's Damerau–Levenshtein and
//! Jaro–Winkler), and returns ranked candidates with scores.

use crate::data::{Home, Partner};

/// A fuzzy match at or above this score is taken as the answer, if it also beats the runner-up
/// by [`MARGIN`]. Chosen from the table of realistic inputs in `tests/matcher.rs`: one typo in
/// a name of four or more letters (`lile`, `durbn`, `siegn`, `dortmnud`, `hangzou`, `lilly`)
/// scores 0.84 or more against Leeds' partners, while other real cities that look alike
/// (`durham`, `harbin`, `bonn`, `hanoi`, `paris`) score at most 0.74.
pub const CONFIDENT: f64 = 0.80;

/// How far the best candidate must lead the second (a different city) to be taken without asking.
/// Two partners equally close to what was typed (`d` → Dortmund, Durban) produce a question.
pub const MARGIN: f64 = 0.05;

/// Candidates scoring at least this are offered as "did you mean …" (`durham` → Durban, 0.74;
/// `bonn` → Brno, 0.68). Below it, suggestions are noise: `paris` → Kharkiv scores 0.58,
/// `berlin` → Brno 0.59, `siegburg` → Siegen 0.63 (same table).
pub const SUGGEST: f64 = 0.65;

/// Autocomplete lists candidates at or above this score (looser: the user is still typing).
pub const AUTOCOMPLETE_FLOOR: f64 = 0.45;

/// Folds a name for matching: transliterate to ASCII, lower-case, keep letters and digits only.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            }
        } else if let Some(t) = deunicode::deunicode_char(c) {
            out.extend(t.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_lowercase()));
        }
    }
    out
}

/// How a candidate matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum How {
    /// The canonical name, after folding.
    Name,
    /// One of the other names, after folding.
    Alias,
    /// What was typed is the start of a name.
    Prefix,
    /// Similar spelling.
    Fuzzy,
}

/// One ranked candidate partner.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Index into `Directory::partners`.
    pub partner: usize,
    pub score: f64,
    /// The name or alias that matched, as written in the data.
    pub via: String,
    pub how: How,
}

/// What a query resolved to.
#[derive(Debug, Clone, PartialEq)]
pub enum Resolution {
    /// Nothing left after folding (only spaces or punctuation).
    Empty,
    /// One partner, confidently.
    Partner(Candidate),
    /// A country: its partners, in directory order.
    Country { name: String, code: String, partners: Vec<usize> },
    /// The home city (or a part of it) was typed.
    Home { home: usize, via: String },
    /// Not confident: the best candidates (possibly none), best first.
    Unsure(Vec<Candidate>),
}

#[derive(Debug, Clone)]
enum Target {
    Partner(usize),
    Home(usize),
}

#[derive(Debug, Clone)]
struct Entry {
    key: String,
    display: String,
    target: Target,
    alias: bool,
}

#[derive(Debug, Clone)]
struct Country {
    key: String,
    name: String,
    code: String,
    partners: Vec<usize>,
}

/// The name index of a directory.
#[derive(Debug, Clone, Default)]
pub struct Matcher {
    entries: Vec<Entry>,
    countries: Vec<Country>,
    /// Per partner: population, as a tie-break prior.
    prior: Vec<u64>,
}

/// Similarity of two folded keys in 0..=1.
pub fn similarity(query: &str, key: &str) -> (f64, How) {
    if query == key {
        return (1.0, How::Name);
    }
    if !query.is_empty() && key.starts_with(query) {
        let q = query.chars().count() as f64;
        let k = key.chars().count() as f64;
        return (0.85 + 0.1 * q / k, How::Prefix);
    }
    let dl = strsim::normalized_damerau_levenshtein(query, key);
    let jw = strsim::jaro_winkler(query, key);
    (0.6 * dl + 0.4 * jw, How::Fuzzy)
}

/// An upper bound of [`similarity`] from the lengths alone: the edit distance is at least the
/// length difference, and Jaro–Winkler is at most 1.
fn upper_bound(query: &str, q_len: usize, key: &str) -> f64 {
    if key.starts_with(query) {
        return 1.0;
    }
    let k_len = key.len(); // keys are ASCII after folding
    let longest = q_len.max(k_len).max(1) as f64;
    0.6 * (1.0 - q_len.abs_diff(k_len) as f64 / longest) + 0.4
}

impl Matcher {
    pub fn build(homes: &[Home], partners: &[Partner]) -> Matcher {
        let mut entries = Vec::new();
        for (i, h) in homes.iter().enumerate() {
            for (n, name) in std::iter::once(&h.name).chain(&h.aliases).enumerate() {
                entries.push(Entry { key: fold(name), display: name.clone(), target: Target::Home(i), alias: n > 0 });
            }
        }
        let mut countries: Vec<Country> = Vec::new();
        for (i, p) in partners.iter().enumerate() {
            for (n, name) in std::iter::once(&p.name).chain(&p.aliases).enumerate() {
                entries.push(Entry {
                    key: fold(name),
                    display: name.clone(),
                    target: Target::Partner(i),
                    alias: n > 0,
                });
            }
            let key = fold(&p.country);
            match countries.iter_mut().find(|c| c.key == key) {
                Some(c) => c.partners.push(i),
                None => countries.push(Country {
                    key,
                    name: p.country.clone(),
                    code: p.country_code.clone(),
                    partners: vec![i],
                }),
            }
        }
        let prior = partners.iter().map(|p| p.population.unwrap_or(0)).collect();
        Matcher { entries, countries, prior }
    }

    /// All partner candidates scoring at least `floor`, best first, one per partner.
    pub fn rank(&self, query: &str, floor: f64) -> Vec<Candidate> {
        let q = fold(query);
        self.rank_folded(&q, floor)
    }

    fn rank_folded(&self, q: &str, floor: f64) -> Vec<Candidate> {
        let mut best: Vec<Option<Candidate>> = vec![None; self.prior.len()];
        let q_len = q.chars().count();
        for e in &self.entries {
            let Target::Partner(p) = e.target else { continue };
            if upper_bound(q, q_len, &e.key) < floor {
                continue;
            }
            let (score, mut how) = similarity(q, &e.key);
            if score < floor {
                continue;
            }
            if how == How::Name && e.alias {
                how = How::Alias;
            }
            let better = match &best[p] {
                Some(c) => score > c.score,
                None => true,
            };
            if better {
                best[p] = Some(Candidate { partner: p, score, via: e.display.clone(), how });
            }
        }
        let mut out: Vec<Candidate> = best.into_iter().flatten().collect();
        out.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| self.prior[b.partner].cmp(&self.prior[a.partner]))
                .then_with(|| a.partner.cmp(&b.partner))
        });
        out
    }

    /// Resolves what a person typed.
    pub fn resolve(&self, query: &str) -> Resolution {
        let q = fold(query);
        if q.is_empty() {
            return Resolution::Empty;
        }
        // Candidates below SUGGEST - MARGIN can neither be shown nor change a decision.
        let ranked = self.rank_folded(&q, SUGGEST - MARGIN);
        let exact: Vec<&Candidate> = ranked.iter().filter(|c| c.score >= 1.0).collect();
        match exact.as_slice() {
            [one] => return Resolution::Partner((*one).clone()),
            [_, _, ..] => return Resolution::Unsure(exact.into_iter().cloned().collect()),
            [] => {}
        }
        // Exact home names and countries come before fuzzy partners.
        if let Some(e) = self.entries.iter().find(|e| matches!(e.target, Target::Home(_)) && e.key == q) {
            if let Target::Home(h) = e.target {
                return Resolution::Home { home: h, via: e.display.clone() };
            }
        }
        let country = self
            .countries
            .iter()
            .map(|c| (similarity(&q, &c.key).0, c))
            .filter(|(s, _)| *s >= CONFIDENT)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        let best = ranked.first();
        if let Some((cs, c)) = country {
            if best.is_none_or(|b| cs > b.score) {
                return Resolution::Country {
                    name: c.name.clone(),
                    code: c.code.clone(),
                    partners: c.partners.clone(),
                };
            }
        }
        let home = self
            .entries
            .iter()
            .filter_map(|e| match e.target {
                Target::Home(h) => Some((similarity(&q, &e.key).0, h, e)),
                Target::Partner(_) => None,
            })
            .filter(|(s, _, _)| *s >= CONFIDENT)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((hs, h, e)) = home {
            if best.is_none_or(|b| hs > b.score + MARGIN) {
                return Resolution::Home { home: h, via: e.display.clone() };
            }
        }
        if let Some(b) = best {
            let runner_up = ranked.get(1).map_or(0.0, |c| c.score);
            if b.score >= CONFIDENT && b.score - runner_up >= MARGIN {
                return Resolution::Partner(b.clone());
            }
        }
        Resolution::Unsure(ranked.into_iter().filter(|c| c.score >= SUGGEST).take(5).collect())
    }

    /// Partners for autocomplete, best first, at most `limit`. A country name lists its partners
    /// first. An empty query returns nothing: the caller decides the default list.
    pub fn complete(&self, query: &str, limit: usize) -> Vec<usize> {
        let q = fold(query);
        if q.is_empty() || limit == 0 {
            return Vec::new();
        }
        let mut out: Vec<usize> = Vec::new();
        for c in &self.countries {
            if similarity(&q, &c.key).0 >= CONFIDENT {
                out.extend(&c.partners);
            }
        }
        for c in self.rank_folded(&q, AUTOCOMPLETE_FLOOR) {
            if !out.contains(&c.partner) {
                out.push(c.partner);
            }
        }
        out.truncate(limit);
        out
    }
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
    }

    #[test]
    fn exact_scores_one_and_prefix_beats_fuzzy() {
        assert_eq!(similarity("lille", "lille"), (1.0, How::Name));
        let (p, how) = similarity("dort", "dortmund");
        assert_eq!(how, How::Prefix);
        assert!(p >= CONFIDENT);
        let (f, how) = similarity("dortmnud", "dortmund");
        assert_eq!(how, How::Fuzzy);
        assert!((CONFIDENT..1.0).contains(&f), "{f}");
    }
}
