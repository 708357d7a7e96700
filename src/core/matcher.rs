//! The one name resolver behind every command and autocomplete.
//!
//! Names are folded ([`fold`]): other scripts are transliterated, accents dropped, case folded
//! and everything but letters and digits removed, so `BRÜNN`, `brunn` and ` brno. `-style input
//! meet the names in the data. The resolver tries exact names and aliases first, then country
//! names and the home city, then fuzzy similarity (strsim's Damerau–Levenshtein and
//! Jaro–Winkler), and returns ranked candidates with scores.

use std::collections::HashMap;

use crate::core::data::{Home, Partner};
use crate::core::text::{fold, fold_spaced};

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
struct HomeEntry {
    key: String,
    display: String,
    home: usize,
}

#[derive(Debug, Clone)]
struct Country {
    key: String,
    /// A name in another language than the data's: matched only when most of it was typed.
    translated: bool,
    name: String,
    code: String,
    partners: Vec<usize>,
}

impl Country {
    /// Whether enough of the name was typed to mean it: a translated name ("deutschland",
    /// "de guo") is not offered for its first letter, as partners' names are.
    fn typed_enough(&self, q: &str) -> bool {
        !self.translated || q.chars().count() * 2 >= self.key.chars().count().max(4)
    }
}

/// One partner name or alias in the index.
#[derive(Debug, Clone)]
struct Key {
    /// Byte range of the folded key in [`Matcher::arena`].
    start: u32,
    len: u16,
    alias: bool,
    partner: u32,
    display: Box<str>,
}

/// How much a city's size counts when ranking names that are about as close as each other:
/// `PRIOR_WEIGHT × log10(population + 1) / 7` is added to the similarity for ordering (a city
/// of a million adds 0.017), never for the thresholds. Chosen on the city benchmark
/// (`examples/match_bench.rs`): it settles near-ties towards the city people more often mean.
pub const PRIOR_WEIGHT: f64 = 0.02;

/// Ordering bonus for a city's own name over one of its other names at equal similarity.
pub const NAME_BONUS: f64 = 0.004;

/// Ordering bonus for an exact match that also has the query's spacing and punctuation (`Ha-Nam`
/// is not `Hanam`). Larger than any difference the prior can make (0.022), so the name written
/// as typed comes first.
pub const SAME_FORM_BONUS: f64 = 0.025;

/// Up to this many names, the fuzzy search looks at every name, one edit further than
/// [`max_edits`] allows: more "did you mean" for a city's handful of partners, at no real cost.
pub const SMALL_DIRECTORY: usize = 4096;

/// Trigram codes: 6 bits per byte (0 is the padding at both ends of a key).
const GRAMS: usize = 1 << 18;

/// The name index of a directory: every partner name and alias, folded, sorted for exact and
/// prefix look-ups, with a trigram index that shortlists names within a few edits.
#[derive(Debug, Clone, Default)]
pub struct Matcher {
    arena: String,
    keys: Vec<Key>,
    /// Key ids sorted by folded key.
    sorted: Vec<u32>,
    /// Trigram postings in CSR form: key ids of trigram `g` are
    /// `postings[offsets[g]..offsets[g + 1]]`; empty in a small directory, which compares every name.
    offsets: Vec<u32>,
    postings: Vec<u32>,
    homes: Vec<HomeEntry>,
    countries: Vec<Country>,
    /// Per partner: the ordering prior (see [`PRIOR_WEIGHT`]).
    prior: Vec<f32>,
}

/// Similarity of two folded keys in 0..=1: the score the thresholds above are set against.
pub fn similarity(query: &str, key: &str) -> (f64, How) {
    let (score, how, _) = scored(query, key);
    (score, how)
}

/// Whether `key` could be at least `floor` similar to `query`, by a bound that costs far less
/// than the similarity itself: the edit distance is at least the bag distance (letters one has
/// that the other lacks; no edit, transposition included, changes it by more than one), and
/// Jaro–Winkler adds at most 0.4. False only where [`similarity`] is below `floor`, so a caller
/// may skip those names (the country names of every language, compared for each query).
fn within_reach(query: &str, key: &str, floor: f64) -> bool {
    if query == key || key.starts_with(query) || !query.is_ascii() || !key.is_ascii() {
        return true;
    }
    // The bag distance is at least the difference in length: most names are ruled out by it.
    let longest = query.len().max(key.len()) as f64;
    let need_dl = (floor - 0.4) / 0.6;
    let reach = (1.0 - need_dl) * longest + 1e-9;
    if query.len().abs_diff(key.len()) as f64 > reach {
        return false;
    }
    // Per letter, how many more the query has than the key (negative: fewer); then each letter
    // present is read once and cleared, so only the names' own letters are visited.
    let mut more = [0i32; 128];
    query.bytes().for_each(|c| more[usize::from(c)] += 1);
    key.bytes().for_each(|c| more[usize::from(c)] -= 1);
    let (mut only_a, mut only_b) = (0u32, 0u32);
    for c in query.bytes().chain(key.bytes()) {
        let n = std::mem::take(&mut more[usize::from(c)]);
        only_a += n.max(0).unsigned_abs();
        only_b += n.min(0).unsigned_abs();
    }
    f64::from(only_a.max(only_b)) <= reach
}

/// The similarity, how it matched, and the value candidates are ordered by. The order leans on
/// the edit distance alone: on the city benchmark, Jaro–Winkler's reward for a shared start
/// picked the wrong one of two equally close names (typo top-1 0.934 with it, 0.957 without),
/// and a name that merely starts with the query is ranked below one within an edit or two.
fn scored(query: &str, key: &str) -> (f64, How, f64) {
    if query == key {
        return (1.0, How::Name, 1.0);
    }
    if !query.is_empty() && key.starts_with(query) {
        let share = query.chars().count() as f64 / key.chars().count() as f64;
        return (0.85 + 0.1 * share, How::Prefix, 0.80 + 0.1 * share);
    }
    let dl = strsim::normalized_damerau_levenshtein(query, key);
    let jw = strsim::jaro_winkler(query, key);
    (0.6 * dl + 0.4 * jw, How::Fuzzy, dl)
}

/// How many edits the fuzzy search allows for a query of `len` letters: one for short names,
/// two from 6 letters (an 8-letter name with two letters dropped), three from 12. More would
/// shortlist most of a large directory.
fn max_edits(len: usize) -> usize {
    match len {
        0..=5 => 1,
        6..=11 => 2,
        _ => 3,
    }
}

fn gram_byte(b: u8) -> usize {
    match b {
        b'a'..=b'z' => (b - b'a' + 1) as usize,
        b'0'..=b'9' => (b - b'0' + 27) as usize,
        _ => 63,
    }
}

/// The distinct trigrams of a folded key padded with one mark at each end.
fn trigrams(key: &[u8], out: &mut Vec<u32>) {
    out.clear();
    let n = key.len();
    if n == 0 {
        return;
    }
    let at = |i: isize| if i < 0 || i as usize >= n { 0 } else { gram_byte(key[i as usize]) };
    for i in -1..(n as isize - 1) {
        out.push(((at(i) << 12) | (at(i + 1) << 6) | at(i + 2)) as u32);
    }
    out.sort_unstable();
    out.dedup();
}

/// Optimal-string-alignment distance (Damerau–Levenshtein with adjacent transpositions) of two
/// byte strings, if it is at most `k`. A fast filter for the shortlist; the ranking itself uses
/// strsim.
fn osa_within(a: &[u8], b: &[u8], k: usize, rows: &mut [Vec<usize>; 3]) -> Option<usize> {
    if a.len().abs_diff(b.len()) > k {
        return None;
    }
    let m = b.len();
    for r in rows.iter_mut() {
        r.clear();
        r.resize(m + 1, 0);
    }
    let [prev2, prev, cur] = rows;
    for (j, v) in prev.iter_mut().enumerate() {
        *v = j;
    }
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > k {
            return None;
        }
        std::mem::swap(prev2, prev);
        std::mem::swap(prev, cur);
    }
    Some(prev[m]).filter(|&d| d <= k)
}

/// Bit-parallel optimal-string-alignment distance against a fixed pattern of at most 64 bytes
/// (Hyyrö's extension of Myers' algorithm to transpositions): one pass over the text, a few
/// word operations per byte.
struct BitPattern {
    peq: [u64; 64],
    len: usize,
}

impl BitPattern {
    fn new(pattern: &[u8]) -> Option<BitPattern> {
        if pattern.is_empty() || pattern.len() > 64 {
            return None;
        }
        let mut peq = [0u64; 64];
        for (i, &c) in pattern.iter().enumerate() {
            peq[gram_byte(c)] |= 1 << i;
        }
        Some(BitPattern { peq, len: pattern.len() })
    }

    fn distance(&self, text: &[u8]) -> usize {
        let m = self.len;
        let last = 1u64 << (m - 1);
        let mut vp: u64 = if m == 64 { !0 } else { (1u64 << m) - 1 };
        let mut vn: u64 = 0;
        let (mut d0_prev, mut pm_prev) = (0u64, 0u64);
        let mut score = m;
        for &c in text {
            let pm = self.peq[gram_byte(c)];
            let tr = (((!d0_prev) & pm) << 1) & pm_prev;
            let d0 = (((pm & vp).wrapping_add(vp)) ^ vp) | pm | vn | tr;
            let hp = vn | !(d0 | vp);
            let hn = d0 & vp;
            if hp & last != 0 {
                score += 1;
            } else if hn & last != 0 {
                score -= 1;
            }
            let hp = (hp << 1) | 1;
            let hn = hn << 1;
            vp = hn | !(d0 | hp);
            vn = hp & d0;
            d0_prev = d0;
            pm_prev = pm;
        }
        score
    }
}

/// When a search also looks for similar spellings.
#[derive(Clone, Copy)]
enum Fuzzy {
    /// Unless a name matches exactly (resolving: an exact name wins outright).
    UnlessExact,
    /// Unless names starting with the query already fill the list (autocomplete).
    UnlessFull,
}

/// Scratch space for one search, reused by the thread.
struct Scratch {
    counts: Vec<u16>,
    touched: Vec<u32>,
    grams: Vec<u32>,
    rows: [Vec<usize>; 3],
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = const {
        std::cell::RefCell::new(Scratch { counts: Vec::new(), touched: Vec::new(), grams: Vec::new(), rows: [Vec::new(), Vec::new(), Vec::new()] })
    };
}

/// The best candidate per partner found so far in one search, with its order value.
struct Best<'a> {
    matcher: &'a Matcher,
    /// The query folded with its spacing kept, to prefer the name written as typed.
    spaced: String,
    floor: f64,
    by_partner: HashMap<usize, (f64, Candidate)>,
}

impl Best<'_> {
    /// Offers key `id`, scored: kept if it clears the floor and beats the partner's best so far.
    fn offer(&mut self, id: u32, (score, how, order): (f64, How, f64)) {
        if score < self.floor {
            return;
        }
        let m = self.matcher;
        let k = &m.keys[id as usize];
        let how = if how == How::Name && k.alias { How::Alias } else { how };
        let c = Candidate { partner: k.partner as usize, score, via: k.display.to_string(), how };
        let mut v = m.order_value(order, c.partner, k.alias);
        if score >= 1.0 && fold_spaced(&k.display) == self.spaced {
            v += SAME_FORM_BONUS;
        }
        match self.by_partner.get(&c.partner) {
            Some((old, _)) if *old >= v => {}
            _ => {
                self.by_partner.insert(c.partner, (v, c));
            }
        }
    }
}

impl Matcher {
    pub fn build(homes: &[Home], partners: &[Partner]) -> Matcher {
        let mut m = Matcher::default();
        for (i, h) in homes.iter().enumerate() {
            let names = h.names.iter().map(|(_, n)| n);
            for name in std::iter::once(&h.name).chain(&h.aliases).chain(names) {
                m.homes.push(HomeEntry { key: fold(name), display: name.clone(), home: i });
            }
        }
        let mut country_of: HashMap<String, usize> = HashMap::new();
        for (i, p) in partners.iter().enumerate() {
            let names = p.names.iter().map(|(_, n)| n);
            // A name in another language that is one of the city's aliases already (Дортмунд)
            // finds nothing more: it is compared once.
            let first = m.keys.len();
            for (n, name) in std::iter::once(&p.name).chain(&p.aliases).chain(names).enumerate() {
                let key = fold(name);
                if key.is_empty() || key.len() > u16::MAX as usize {
                    continue;
                }
                let same = |k: usize| m.key(k as u32) == key && m.keys[k].display.eq_ignore_ascii_case(name);
                if (first..m.keys.len()).any(same) {
                    continue;
                }
                m.keys.push(Key {
                    start: m.arena.len() as u32,
                    len: key.len() as u16,
                    alias: n > 0,
                    partner: i as u32,
                    display: name.as_str().into(),
                });
                m.arena.push_str(&key);
            }
            let key = fold(&p.country);
            let c = *country_of.entry(key.clone()).or_insert_with(|| {
                m.countries.push(Country {
                    key,
                    translated: false,
                    name: p.country.clone(),
                    code: p.country_code.clone(),
                    partners: Vec::new(),
                });
                m.countries.len() - 1
            });
            m.countries[c].partners.push(i);
        }
        // A country typed in any language the bot speaks: "Deutschland", "Allemagne", "德国".
        let written = m.countries.len();
        for c in 0..written {
            for l in crate::core::i18n::all() {
                let Some(local) = l.country(&m.countries[c].code) else { continue };
                let key = fold(local);
                if key.is_empty() || m.countries.iter().any(|x| x.key == key) {
                    continue;
                }
                let Country { name, code, partners, .. } = m.countries[c].clone();
                m.countries.push(Country { key, translated: true, name, code, partners });
            }
        }
        m.prior = partners.iter().map(|p| (p.population.unwrap_or(0) as f64 + 1.0).log10() as f32 / 7.0).collect();

        let mut sorted: Vec<u32> = (0..m.keys.len() as u32).collect();
        sorted.sort_unstable_by(|&a, &b| m.key(a).cmp(m.key(b)));
        m.sorted = sorted;

        // Trigram postings, counted then filled (CSR). A small directory compares every name,
        // so it keeps none (their offsets alone would take a megabyte).
        if m.keys.len() <= SMALL_DIRECTORY {
            return m;
        }
        let mut grams = Vec::new();
        let mut counts = vec![0u32; GRAMS + 1];
        for id in 0..m.keys.len() as u32 {
            trigrams(m.key(id).as_bytes(), &mut grams);
            for &g in &grams {
                counts[g as usize + 1] += 1;
            }
        }
        for g in 1..counts.len() {
            counts[g] += counts[g - 1];
        }
        let mut fill = counts.clone();
        let mut postings = vec![0u32; counts[GRAMS] as usize];
        for id in 0..m.keys.len() as u32 {
            trigrams(m.key(id).as_bytes(), &mut grams);
            for &g in &grams {
                postings[fill[g as usize] as usize] = id;
                fill[g as usize] += 1;
            }
        }
        m.offsets = counts;
        m.postings = postings;
        m
    }

    fn key(&self, id: u32) -> &str {
        let k = &self.keys[id as usize];
        &self.arena[k.start as usize..k.start as usize + k.len as usize]
    }

    /// Key ids whose folded key starts with `q`, as a range of `sorted`.
    fn prefix_range(&self, q: &str) -> std::ops::Range<usize> {
        let lo = self.sorted.partition_point(|&id| self.key(id) < q);
        let hi = lo + self.sorted[lo..].partition_point(|&id| self.key(id).starts_with(q));
        lo..hi
    }

    /// The order of candidates: closeness (see [`scored`]), then the prior, then own names over
    /// aliases.
    fn order_value(&self, order: f64, partner: usize, alias: bool) -> f64 {
        order + PRIOR_WEIGHT * f64::from(self.prior[partner]) + if alias { 0.0 } else { NAME_BONUS }
    }

    /// The best candidates scoring at least `floor`, best first, one per partner, at most
    /// `limit`.
    pub fn rank(&self, query: &str, floor: f64, limit: usize) -> Vec<Candidate> {
        self.rank_folded(query, &fold(query), floor, limit, Fuzzy::UnlessExact)
    }

    fn rank_folded(&self, raw: &str, q: &str, floor: f64, limit: usize, fuzzy: Fuzzy) -> Vec<Candidate> {
        if q.is_empty() || limit == 0 {
            return Vec::new();
        }
        let mut best = Best { matcher: self, spaced: fold_spaced(raw), floor, by_partner: HashMap::new() };
        let exact_found = self.offer_prefixed(&mut best, q, limit);
        let run_fuzzy = match fuzzy {
            // An exact name always ranks first: nothing fuzzy can come before it.
            Fuzzy::UnlessExact => !exact_found,
            Fuzzy::UnlessFull => best.by_partner.len() < limit,
        };
        if run_fuzzy && q.len() >= 2 && floor < 1.0 {
            self.offer_fuzzy(&mut best, q);
        }
        let mut out: Vec<(f64, Candidate)> = best.by_partner.into_values().collect();
        out.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.partner.cmp(&b.1.partner)));
        out.truncate(limit);
        out.into_iter().map(|(_, c)| c).collect()
    }

    /// Offers the exact and prefix matches: one range of the sorted keys. Long ranges (a letter
    /// or two typed into autocomplete) are cut to the most likely names by the prior. Returns
    /// whether a name matched exactly.
    fn offer_prefixed(&self, best: &mut Best, q: &str, limit: usize) -> bool {
        let range = self.prefix_range(q);
        let q_chars = q.len() as f64;
        let mut prefixed: Vec<(f64, u32)> = self.sorted[range]
            .iter()
            .map(|&id| {
                let k = &self.keys[id as usize];
                let share = q_chars / f64::from(k.len);
                (share + PRIOR_WEIGHT * f64::from(self.prior[k.partner as usize]), id)
            })
            .collect();
        let keep = limit.saturating_mul(4).max(64);
        if prefixed.len() > keep {
            prefixed.select_nth_unstable_by(keep, |a, b| b.0.total_cmp(&a.0));
            prefixed.truncate(keep);
        }
        for &(_, id) in &prefixed {
            best.offer(id, scored(q, self.key(id)));
        }
        prefixed.iter().any(|&(_, id)| self.keys[id as usize].len as usize == q.len())
    }

    /// Offers similar spellings: names shortlisted by shared trigrams (every name, in a small
    /// directory), filtered by edit distance, ranked with strsim.
    fn offer_fuzzy(&self, best: &mut Best, q: &str) {
        let small = self.keys.len() <= SMALL_DIRECTORY;
        let k_max = max_edits(q.len()) + usize::from(small);
        SCRATCH.with(|s| {
            let s = &mut *s.borrow_mut();
            let Scratch { counts, touched, grams, rows } = s;
            touched.clear();
            if small {
                touched.extend(0..self.keys.len() as u32);
            } else {
                self.shortlist(q, k_max, counts, touched, grams);
            }
            let pattern = BitPattern::new(q.as_bytes());
            for &id in touched.iter() {
                let k = &self.keys[id as usize];
                if (k.len as usize).abs_diff(q.len()) > k_max {
                    continue;
                }
                let key = self.key(id);
                if key.starts_with(q) {
                    continue; // offered as a prefix
                }
                let within = match &pattern {
                    Some(p) => p.distance(key.as_bytes()) <= k_max,
                    None => osa_within(q.as_bytes(), key.as_bytes(), k_max, rows).is_some(),
                };
                if within {
                    best.offer(id, scored(q, key));
                }
            }
        });
    }

    /// The keys that share enough of the query's trigrams to be within `k_max` edits of it.
    fn shortlist(&self, q: &str, k_max: usize, counts: &mut Vec<u16>, touched: &mut Vec<u32>, grams: &mut Vec<u32>) {
        if counts.len() < self.keys.len() {
            counts.resize(self.keys.len(), 0);
        }
        trigrams(q.as_bytes(), grams);
        for &g in grams.iter() {
            let (a, b) = (self.offsets[g as usize] as usize, self.offsets[g as usize + 1] as usize);
            for &id in &self.postings[a..b] {
                let c = &mut counts[id as usize];
                if *c == 0 {
                    touched.push(id);
                }
                *c = c.saturating_add(1);
            }
        }
        // Each edit changes at most four trigrams of the padded key (a transposition).
        let need = (grams.len() as isize - 4 * k_max as isize).max(1) as u16;
        touched.retain(|&id| std::mem::take(&mut counts[id as usize]) >= need);
    }

    /// Resolves what a person typed.
    pub fn resolve(&self, query: &str) -> Resolution {
        let q = fold(query);
        if q.is_empty() {
            return Resolution::Empty;
        }
        // Candidates below SUGGEST - MARGIN can neither be shown nor change a decision.
        let ranked = self.rank_folded(query, &q, SUGGEST - MARGIN, 16, Fuzzy::UnlessExact);
        let exact: Vec<&Candidate> = ranked.iter().filter(|c| c.score >= 1.0).collect();
        match exact.as_slice() {
            [one] => return Resolution::Partner((*one).clone()),
            [_, _, ..] => return Resolution::Unsure(exact.into_iter().cloned().collect()),
            [] => {}
        }
        // Exact home names and countries come before fuzzy partners.
        if let Some(e) = self.homes.iter().find(|e| e.key == q) {
            return Resolution::Home { home: e.home, via: e.display.clone() };
        }
        let country = self
            .countries
            .iter()
            .filter(|c| c.typed_enough(&q) && within_reach(&q, &c.key, CONFIDENT))
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
            .homes
            .iter()
            .filter(|e| within_reach(&q, &e.key, CONFIDENT))
            .map(|e| (similarity(&q, &e.key).0, e))
            .filter(|(s, _)| *s >= CONFIDENT)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((hs, e)) = home {
            if best.is_none_or(|b| hs > b.score + MARGIN) {
                return Resolution::Home { home: e.home, via: e.display.clone() };
            }
        }
        if let Some(b) = best {
            let runner_up = ranked.iter().skip(1).map(|c| c.score).fold(0.0, f64::max);
            if b.score >= CONFIDENT && b.score - runner_up >= MARGIN {
                return Resolution::Partner(b.clone());
            }
        }
        let mut unsure: Vec<Candidate> = ranked.into_iter().filter(|c| c.score >= SUGGEST).collect();
        unsure.truncate(5);
        Resolution::Unsure(unsure)
    }

    /// The home city a name means (its name or one of its aliases, folded; else the one clearly
    /// closest by spelling), or the homes it might mean, best first (possibly none).
    pub fn find_home(&self, query: &str) -> Result<usize, Vec<usize>> {
        let q = fold(query);
        if let Some(e) = self.homes.iter().find(|e| e.key == q && !q.is_empty()) {
            return Ok(e.home);
        }
        let mut scored: Vec<(f64, usize)> = Vec::new();
        for e in &self.homes {
            let s = similarity(&q, &e.key).0;
            match scored.iter_mut().find(|(_, h)| *h == e.home) {
                Some(best) if best.0 >= s => {}
                Some(best) => best.0 = s,
                None => scored.push((s, e.home)),
            }
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        match scored.as_slice() {
            [(best, h), rest @ ..] if *best >= CONFIDENT && rest.first().is_none_or(|r| best - r.0 >= MARGIN) => Ok(*h),
            _ => Err(scored.into_iter().filter(|(s, _)| *s >= SUGGEST).map(|(_, h)| h).collect()),
        }
    }

    /// Partners for autocomplete, best first, at most `limit`. A country name lists its partners
    /// before the names when it is closer to what was typed than every name (in half the list,
    /// if names matched too), after them otherwise. An empty query returns nothing: the caller
    /// decides the default list.
    pub fn complete(&self, query: &str, limit: usize) -> Vec<usize> {
        let q = fold(query);
        if q.is_empty() || limit == 0 {
            return Vec::new();
        }
        let names = self.rank_folded(query, &q, AUTOCOMPLETE_FLOOR, limit, Fuzzy::UnlessFull);
        // As in `resolve`, a country wins only over names less close than itself. Listed first
        // whenever it matched, a country of a world gazetteer filled the list with its first
        // cities in file order: "indo" (India) hid Indore, "mexico" hid Mexico City.
        let closest = names.iter().map(|c| c.score).fold(0.0, f64::max);
        let (before, after): (Vec<_>, Vec<_>) = self
            .countries
            .iter()
            .filter(|c| c.typed_enough(&q) && within_reach(&q, &c.key, CONFIDENT))
            .map(|c| (similarity(&q, &c.key).0, c))
            .filter(|(s, _)| *s >= CONFIDENT)
            .partition(|(s, _)| *s > closest);
        // A country that wins leaves half the list to the names when there are some: "norw"
        // (Norway) still offers Norwich.
        let room = if names.is_empty() { limit } else { limit.div_ceil(2) };
        let mut out: Vec<usize> = Vec::with_capacity(limit);
        let first = before.iter().flat_map(|(_, c)| &c.partners).take(room);
        let last = after.iter().flat_map(|(_, c)| &c.partners);
        for &p in first.chain(names.iter().map(|c| &c.partner)).chain(last) {
            if out.len() == limit {
                break;
            }
            if !out.contains(&p) {
                out.push(p);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_in_another_language_that_is_an_alias_already_is_one_key() {
        let since = crate::core::data::PartialDate::year(1969);
        let mut p = Partner::dated(0, "dortmund", "Dortmund", since, false);
        p.aliases = vec!["Дортмунд".into()];
        p.names = vec![("uk".into(), "Дортмунд".into()), ("de".into(), "Dortmund-Mitte".into())];
        let m = Matcher::build(&[], &[p]);
        let displays: Vec<&str> = m.keys.iter().map(|k| &*k.display).collect();
        assert_eq!(displays, ["Dortmund", "Дортмунд", "Dortmund-Mitte"]);
    }

    #[test]
    fn the_cheap_bound_never_rules_out_a_name_similar_enough() {
        let names = [
            "dortmund",
            "deutschland",
            "allemagne",
            "nemecko",
            "nimechchina",
            "deguo",
            "germany",
            "leeds",
            "lids",
            "brno",
            "brunn",
            "kharkiv",
            "kharkov",
            "charkiv",
            "ukraine",
            "ukrajina",
            "frankreich",
            "france",
            "francie",
            "lille",
            "rijsel",
            "siegen",
            "durban",
            "ethekwini",
            "hangzhou",
            "china",
            "chine",
            "cina",
            "kitaj",
            "south africa",
            "jihoafricka republika",
            "united kingdom",
            "royaume uni",
        ];
        let typed = [
            "dortmnud",
            "deutchland",
            "alemagne",
            "nemeko",
            "brun",
            "kharkof",
            "hangzou",
            "lile",
            "siegn",
            "chna",
            "frace",
            "ukrain",
            "leds",
            "d",
            "de",
            "",
            "germnay",
            "ethekwni",
            "sudafrika",
        ];
        let mut ruled_out = 0;
        for q in typed {
            for k in names {
                for floor in [CONFIDENT, SUGGEST, AUTOCOMPLETE_FLOOR] {
                    let reachable = within_reach(q, k, floor);
                    assert!(reachable || similarity(q, k).0 < floor, "{q} ~ {k} at {floor}");
                    ruled_out += usize::from(!reachable);
                }
            }
        }
        assert!(ruled_out > 500, "the bound rules out most pairs ({ruled_out})");
    }

    #[test]
    fn bit_parallel_distance_agrees_with_the_dynamic_programme() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let mut rows = [Vec::new(), Vec::new(), Vec::new()];
        for _ in 0..20_000 {
            let word = |next: &mut dyn FnMut(u64) -> u64| -> Vec<u8> {
                let len = 1 + next(12) as usize;
                (0..len).map(|_| b"abcde"[next(5) as usize]).collect()
            };
            let (a, b) = (word(&mut next), word(&mut next));
            let dp = osa_within(&a, &b, 64, &mut rows).unwrap();
            assert_eq!(BitPattern::new(&a).unwrap().distance(&b), dp, "{:?} {:?}", a, b);
            assert_eq!(dp, strsim::osa_distance(std::str::from_utf8(&a).unwrap(), std::str::from_utf8(&b).unwrap()));
        }
        let long = vec![b'a'; 64];
        assert_eq!(BitPattern::new(&long).unwrap().distance(&long[..60]), 4);
        assert!(BitPattern::new(&[b'a'; 65]).is_none());
    }

    /// Cities of several countries as the world gazetteer holds them: the country is an ISO code,
    /// so a country is matched by its name in the bot's languages. Each country lists other
    /// cities before the one the tests look for.
    fn world() -> (Vec<String>, Matcher) {
        use crate::core::data::{PartialDate, MIN_YEAR};
        let cities: [(&str, &str, u64, &[&str]); 14] = [
            ("Delhi", "IN", 11_034_555, &[]),
            ("Mumbai", "IN", 12_691_836, &["Bombay"]),
            ("Indore", "IN", 1_994_397, &["Indor"]),
            ("Panamá", "PA", 408_168, &["Panama", "Panama City"]),
            ("Colón", "PA", 76_643, &[]),
            ("Panalanoy", "PH", 189_090, &[]),
            ("Guadalajara", "MX", 1_385_629, &[]),
            ("Puebla", "MX", 1_692_181, &[]),
            ("Tijuana", "MX", 1_922_523, &[]),
            ("Mexico City", "MX", 12_294_193, &["Ciudad de México"]),
            ("Mexico", "PH", 43_694, &[]),
            ("Oslo", "NO", 580_000, &[]),
            ("Bergen", "NO", 213_585, &[]),
            ("Norwich", "GB", 143_135, &[]),
        ];
        let partners: Vec<Partner> = cities
            .iter()
            .enumerate()
            .map(|(i, (name, code, population, aliases))| {
                let mut p = Partner::dated(0, &i.to_string(), name, PartialDate::year(MIN_YEAR), false);
                (p.country, p.country_code) = (code.to_string(), code.to_string());
                p.population = Some(*population);
                p.aliases = aliases.iter().map(|a| a.to_string()).collect();
                p
            })
            .collect();
        (partners.iter().map(|p| p.name.clone()).collect(), Matcher::build(&[], &partners))
    }

    #[test]
    fn autocomplete_offers_a_city_closer_than_its_country_first() {
        let (names, m) = world();
        let complete = |q: &str| m.complete(q, 25).into_iter().map(|i| names[i].as_str()).collect::<Vec<_>>();
        // "indo" is nearly "India" and starts Indore; "panala" is nearly "Panama".
        assert_eq!(complete("indo").first(), Some(&"Indore"));
        assert_eq!(complete("panala").first(), Some(&"Panalanoy"));
        // The country still follows the names.
        assert!(complete("indo").contains(&"Delhi"));
    }

    #[test]
    fn autocomplete_ignores_a_trailing_space_and_offers_mexico_city() {
        let (names, m) = world();
        let complete = |q: &str, n| m.complete(q, n).into_iter().map(|i| names[i].as_str()).collect::<Vec<_>>();
        // The town named Mexico first, as typed, then Mexico City, before Mexico's other cities.
        assert_eq!(complete("mexico ", 3)[..2], ["Mexico", "Mexico City"]);
        assert_eq!(complete("mexico ", 25), complete("mexico", 25));
        assert!(complete("mexi", 3).contains(&"Mexico City"));
    }

    #[test]
    fn a_country_closer_than_every_name_leaves_half_the_list_to_the_names() {
        let (names, m) = world();
        let complete = |q: &str, n| m.complete(q, n).into_iter().map(|i| names[i].as_str()).collect::<Vec<_>>();
        // "norw" starts "Norway" more fully than "Norwich".
        assert_eq!(complete("norw", 2), ["Oslo", "Norwich"]);
        assert_eq!(complete("norway", 25)[..2], ["Oslo", "Bergen"]);
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
