//! The world gazetteer: every city of 15,000 people or more, from GeoNames (CC BY 4.0), with the
//! names people type for it in every script, its population and coordinates, and the countries'
//! English names. It lets a group write its town's data file in minutes (`twinbot init`,
//! `twinbot add`), and it is the city-matching benchmark's directory. Names are resolved with the
//! same [`Matcher`](crate::core::matcher::Matcher) that serves `/partner`.
//!
//! The shipped copy is `data/gazetteer/` (rebuilt by `scripts/build_gazetteer.py`).

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::core::catalog::Catalog;
use crate::core::data::{Directory, Home, LinkKind, PartialDate, Partner, MIN_YEAR};
use crate::core::matcher::{CONFIDENT, MARGIN, SUGGEST};

/// The cities file in a gazetteer folder.
pub const CITIES: &str = "cities15000.tsv.gz";
/// The countries file in a gazetteer folder.
pub const COUNTRIES: &str = "countries.tsv";

/// A table of cities: a directory with every city as a partner of one home, "World", and each
/// city's GeoNames id and coordinates.
pub struct CityTable {
    pub dir: Directory,
    pub ids: Vec<u64>,
    /// (latitude, longitude), where the table gives them.
    pub coords: Vec<Option<(f64, f64)>>,
}

/// Reads a tab-separated table with the columns `id`, `name`, `country` (ISO code),
/// `population` and `aliases` (`|`-separated), and optionally `latitude` and `longitude`: the
/// gazetteer's cities, or the benchmark's.
pub fn city_table(path: &Path, text: &str) -> Result<CityTable, String> {
    let mut lines = text.lines().enumerate();
    let header: Vec<&str> = lines.next().map(|(_, l)| l.split('\t').collect()).unwrap_or_default();
    let col = |name: &str| header.iter().position(|h| *h == name);
    let need = |name: &str| col(name).ok_or_else(|| format!("{}: no `{name}` column", path.display()));
    let (id, name, country, population, aliases) =
        (need("id")?, need("name")?, need("country")?, need("population")?, need("aliases")?);
    let (lat, lon) = (col("latitude"), col("longitude"));
    let mut table = CityTable { dir: Directory::new(Vec::new(), Vec::new()), ids: Vec::new(), coords: Vec::new() };
    for (n, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let get = |i: usize| f.get(i).copied().unwrap_or("");
        let bad = |what: &str| format!("{}:{}: {what}", path.display(), n + 1);
        table.ids.push(get(id).parse::<u64>().map_err(|_| bad("the id is not a number"))?);
        let at = |c: Option<usize>| c.and_then(|c| get(c).parse::<f64>().ok());
        table.coords.push(at(lat).zip(at(lon)));
        let code = get(country).to_string();
        let mut city = Partner::dated(0, get(id), get(name), PartialDate::year(MIN_YEAR), false);
        city.country = code.clone();
        city.country_code = code;
        city.aliases = get(aliases).split('|').filter(|a| !a.is_empty()).map(str::to_string).collect();
        city.kind = LinkKind::Partnership;
        city.population = get(population).parse().ok();
        table.dir.partners.push(city);
    }
    table.dir.homes.push(Home { country: "World".into(), source: path.to_path_buf(), ..Home::named("world", "World") });
    Ok(table)
}

/// Why the gazetteer could not be read.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    #[error("cannot read the gazetteer {}: {source}\n  help: it ships in data/gazetteer/ of the twinbot repository; name another folder with --gazetteer", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the gazetteer is damaged: {0}\n  help: rebuild it with scripts/build_gazetteer.py")]
    Invalid(String),
}

/// The gazetteer, indexed.
pub struct Gazetteer {
    catalog: Catalog,
    ids: Vec<u64>,
    coords: Vec<Option<(f64, f64)>>,
    countries: HashMap<String, String>,
}

/// A city of the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub geonames_id: u64,
    pub name: String,
    pub country_code: String,
    /// The country's English name (the code, if the gazetteer does not know it).
    pub country: String,
    pub population: Option<u64>,
    pub coords: Option<(f64, f64)>,
    /// Every other name the gazetteer knows, names in Latin script first.
    pub aliases: Vec<String>,
}

/// What a name found in the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    /// The city meant: the most populous of those with that name (in that country, when one was
    /// given); `others` are the other cities with the name, most populous first.
    City { place: Place, others: Vec<Place> },
    /// No city: the closest names, if any are close.
    Nothing { close: Vec<Place> },
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Gazetteer({} cities)", self.ids.len())
    }
}

impl Gazetteer {
    /// Reads the gazetteer in `folder` (its cities and countries files).
    pub fn load(folder: &Path) -> Result<Gazetteer, GazetteerError> {
        let read = |name: &str| {
            let path = folder.join(name);
            std::fs::read(&path).map_err(|source| GazetteerError::Io { path, source })
        };
        let mut text = String::new();
        flate2::read::GzDecoder::new(&read(CITIES)?[..])
            .read_to_string(&mut text)
            .map_err(|e| GazetteerError::Invalid(format!("{CITIES}: {e}")))?;
        let table = city_table(&folder.join(CITIES), &text).map_err(GazetteerError::Invalid)?;
        let countries = String::from_utf8(read(COUNTRIES)?).map_err(|e| GazetteerError::Invalid(e.to_string()))?;
        let countries = countries
            .lines()
            .skip(1)
            .filter_map(|l| l.split_once('\t'))
            .map(|(iso, name)| (iso.to_string(), name.trim().to_string()))
            .collect();
        Ok(Gazetteer { catalog: Catalog::new(table.dir), ids: table.ids, coords: table.coords, countries })
    }

    /// How many cities it holds.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// A country's English name, from its ISO code.
    pub fn country_name(&self, code: &str) -> Option<&str> {
        self.countries.get(&code.to_ascii_uppercase()).map(String::as_str)
    }

    fn place(&self, i: usize) -> Place {
        let p = &self.catalog.partners[i];
        Place {
            geonames_id: self.ids[i],
            name: p.name.clone(),
            country_code: p.country_code.clone(),
            country: self.country_name(&p.country_code).unwrap_or(&p.country_code).to_string(),
            population: p.population,
            coords: self.coords[i],
            aliases: p.aliases.clone(),
        }
    }

    /// The cities whose names best complete what is being typed, most likely first.
    pub fn complete(&self, typed: &str, n: usize) -> Vec<Place> {
        self.catalog.matcher().complete(typed, n).into_iter().map(|i| self.place(i)).collect()
    }

    /// Finds the city a name means, in `country` (an ISO code) when given: its name or another
    /// of its names exactly (after folding case, accents and script), the most populous such city
    /// first; else the one clearly closest by spelling.
    pub fn find(&self, query: &str, country: Option<&str>) -> Found {
        let in_country =
            |i: &usize| country.is_none_or(|c| self.catalog.partners[*i].country_code.eq_ignore_ascii_case(c));
        let ranked: Vec<_> = self
            .catalog
            .matcher()
            // Within a country, look further down the list: the best matches may be elsewhere.
            .rank(query, SUGGEST - MARGIN, if country.is_some() { 5000 } else { 200 })
            .into_iter()
            .filter(|c| in_country(&c.partner))
            .collect();
        let population = |i: usize| self.catalog.partners[i].population.unwrap_or(0);
        let mut exact: Vec<usize> = ranked.iter().filter(|c| c.score >= 1.0).map(|c| c.partner).collect();
        if !exact.is_empty() {
            exact.sort_by_key(|&i| std::cmp::Reverse(population(i)));
            let others = exact[1..].iter().map(|&i| self.place(i)).collect();
            return Found::City { place: self.place(exact[0]), others };
        }
        match ranked.as_slice() {
            [best, rest @ ..]
                if best.score >= CONFIDENT && rest.first().is_none_or(|r| best.score - r.score >= MARGIN) =>
            {
                Found::City { place: self.place(best.partner), others: Vec::new() }
            }
            _ => Found::Nothing {
                close: ranked.iter().filter(|c| c.score >= SUGGEST).take(5).map(|c| self.place(c.partner)).collect(),
            },
        }
    }
}

/// The writing system a name is in, roughly, by its first letter; 0 is Latin. The order of the
/// others is the order in which they are chosen for a data file.
fn script(name: &str) -> u8 {
    let Some(c) = name.chars().find(|c| c.is_alphabetic()).map(u32::from) else { return 0 };
    match c {
        0..=0x24F | 0x1E00..=0x1EFF => 0,
        0x400..=0x52F => 1,                                   // Cyrillic
        0x4E00..=0x9FFF | 0x3400..=0x4DBF => 2,               // Han
        0x3040..=0x30FF => 3,                                 // Kana
        0xAC00..=0xD7AF | 0x1100..=0x11FF => 4,               // Hangul
        0x600..=0x6FF | 0x750..=0x77F | 0xFB50..=0xFEFF => 5, // Arabic
        0x590..=0x5FF => 6,                                   // Hebrew
        0x370..=0x3FF | 0x1F00..=0x1FFF => 7,                 // Greek
        0x900..=0x97F => 8,                                   // Devanagari
        0xE00..=0xE7F => 9,                                   // Thai
        0x530..=0x58F => 10,                                  // Armenian
        0x10A0..=0x10FF => 11,                                // Georgian
        _ => 12,
    }
}

/// Up to `n` other names of a place for a data file: one per folded form (typing any spelling of
/// it finds the city), none that folds to nothing or to the name itself or to one of `taken`.
/// Up to half are names in other scripts, one per script (Cyrillic, Chinese, Japanese, Korean,
/// Arabic, Hebrew, Greek, …); the rest Latin spellings, the simplest first.
pub fn aliases_for(place: &Place, n: usize, taken: &[String]) -> Vec<String> {
    let fold = crate::core::text::fold;
    let mut seen: Vec<String> = taken.iter().map(|t| fold(t)).collect();
    seen.push(fold(&place.name));
    let fresh: Vec<(String, &String)> =
        place.aliases.iter().map(|a| (fold(a), a)).filter(|(k, _)| !k.is_empty() && !seen.contains(k)).collect();
    // In each script, the spelling closest to the city's own name first ("Ростов на Дону" before
    // a neighbouring language's "Дон ӱмбалне Ростов").
    let own = fold(&place.name);
    let closeness = |k: &String| crate::core::matcher::similarity(&own, k).0;
    let mut other: Vec<&(String, &String)> = fresh.iter().filter(|(_, a)| script(a) != 0).collect();
    other.sort_by(|x, y| script(x.1).cmp(&script(y.1)).then(closeness(&y.0).total_cmp(&closeness(&x.0))));
    let mut latin: Vec<&(String, &String)> = fresh.iter().filter(|(_, a)| script(a) == 0).collect();
    latin.sort_by_key(|(_, a)| (a.split_whitespace().count(), a.chars().count()));
    let mut out: Vec<String> = Vec::new();
    let take = |key: &String, a: &String, seen: &mut Vec<String>, out: &mut Vec<String>| {
        if out.len() < n && !seen.contains(key) {
            seen.push(key.clone());
            out.push(a.clone());
        }
    };
    let mut scripts = Vec::new();
    for (key, a) in &other {
        if out.len() < n / 2 && !scripts.contains(&script(a)) {
            scripts.push(script(a));
            take(key, a, &mut seen, &mut out);
        }
    }
    for (key, a) in latin.iter().chain(other.iter()) {
        take(key, a, &mut seen, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped() -> Gazetteer {
        Gazetteer::load(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/gazetteer")).unwrap()
    }

    #[test]
    fn the_shipped_gazetteer_finds_cities_by_any_name() {
        let g = shipped();
        assert_eq!(g.len(), 34_006);
        let city = |q: &str, c: Option<&str>| match g.find(q, c) {
            Found::City { place, others } => (place, others),
            Found::Nothing { close } => panic!("{q}: nothing; close: {close:?}"),
        };
        let (leeds, _) = city("Лидс", None);
        assert_eq!(
            (leeds.name.as_str(), leeds.country.as_str(), leeds.geonames_id),
            ("Leeds", "United Kingdom", 2644688)
        );
        assert!(leeds.coords.is_some_and(|(lat, _)| (53.0..54.0).contains(&lat)));
        assert_eq!(city("Brünn", None).0.name, "Brno");
        assert_eq!(city("dortmnud", None).0.name, "Dortmund", "a typo");
        // Too close to call at world scale: the choices, closest first.
        match g.find("siegn", None) {
            Found::Nothing { close } => assert_eq!(close.first().map(|p| p.name.as_str()), Some("Siegen")),
            other => panic!("{other:?}"),
        }
        // Several cities share a name: the most populous, the others named; a country picks.
        let (durham, others) = city("Durham", None);
        assert_eq!(durham.country_code, "US");
        assert!(others.iter().any(|o| o.country_code == "GB"), "{others:?}");
        assert_eq!(city("Durham", Some("gb")).0.country_code, "GB");
        assert!(matches!(g.find("Xqzzvillez", None), Found::Nothing { .. }));
    }

    #[test]
    fn aliases_are_one_per_folded_form_and_capped() {
        let g = shipped();
        let Found::City { place, .. } = g.find("Leeds", Some("GB")) else { panic!() };
        let a = aliases_for(&place, 20, &[]);
        assert!(a.len() <= 20 && !a.is_empty());
        let folded: Vec<String> = a.iter().map(|x| crate::core::text::fold(x)).collect();
        let mut unique = folded.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), folded.len(), "{a:?}");
        assert!(folded.contains(&"lids".to_string()), "{a:?}");
        assert!(!a.iter().any(|x| x == "LBA"), "codes are left out");
        assert!(aliases_for(&place, 20, &["Lids".into()]).iter().all(|x| crate::core::text::fold(x) != "lids"));
    }
}
