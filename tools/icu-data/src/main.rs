//! Writes the ICU4X data twinbot needs, for its languages only, as Rust source in
//! `src/core/icu_data/` (ICU4X's "baked" format), from the CLDR JSON packages.
//!
//! The bot used ICU4X's compiled data, which covers every locale CLDR has; looking up seven
//! languages in it touched pages all over a few megabytes. This data holds the seven only.
//!
//! Which data: this tool builds the same formatters as `src/core/i18n.rs` (`Formats::new`), for
//! every language, against CLDR, and records each kind of data ("marker") they ask for; then it
//! exports those markers for the languages. Keep the two lists of formatters in step.
//!
//! Usage (see docs/translators.md, "Adding a language"):
//!
//! ```sh
//! npm install --prefix /tmp/cldr cldr-core@48.2.0 cldr-numbers-full@48.2.0 cldr-misc-full@48.2.0 \
//!     cldr-bcp47@48.2.0 cldr-localenames-full@48.2.0 cldr-dates-full@48.2.0
//! cargo run --release --manifest-path tools/icu-data/Cargo.toml -- /tmp/cldr/node_modules src/core/icu_data
//! ```

use std::path::PathBuf;
use std::sync::Mutex;

use icu_calendar::Gregorian;
use icu_datetime::fieldsets;
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_experimental::displaynames::multi::{LocaleDisplayNamesFormatter, RegionDisplayNames};
use icu_experimental::displaynames::DisplayNamesOptions;
use icu_experimental::relativetime::options::Numeric;
use icu_experimental::relativetime::{RelativeTimeFormatter, RelativeTimeFormatterOptions};
use icu_list::options::ListFormatterOptions;
use icu_list::ListFormatter;
use icu_locale_core::Locale;
use icu_provider::prelude::*;
use icu_provider_adapters::fallback::LocaleFallbackProvider;
use icu_provider_export::baked_exporter::{BakedExporter, Options};
use icu_provider_export::prelude::*;
use icu_provider_source::SourceDataProvider;

/// The bot's languages, as in `src/core/i18n.rs` (`LOCALES`).
const LOCALES: &[&str] = &["en-GB", "en-US", "de", "fr", "cs", "uk", "zh-CN"];

/// A provider that remembers which markers were asked for.
struct Recorder<'a> {
    /// The source, with ICU4X's locale fallback as at run time (en-GB's plural rules are en's).
    source: LocaleFallbackProvider<&'a SourceDataProvider>,
    seen: Mutex<Vec<DataMarkerInfo>>,
}

impl<M: DataMarker> DataProvider<M> for Recorder<'_>
where
    for<'b> LocaleFallbackProvider<&'b SourceDataProvider>: DataProvider<M>,
{
    fn load(&self, req: DataRequest) -> Result<DataResponse<M>, DataError> {
        let mut seen = self.seen.lock().unwrap();
        if !seen.contains(&M::INFO) {
            seen.push(M::INFO);
        }
        drop(seen);
        self.source.load(req)
    }
}

/// Builds every formatter `Formats::new` builds, for one language.
fn build_all(p: &Recorder, code: &str) -> Result<(), String> {
    let locale: Locale = code.parse().expect("a locale code");
    macro_rules! prefs {
        () => {
            (&locale).into()
        };
    }
    FixedCalendarDateTimeFormatter::<Gregorian, _>::try_new_unstable(p, prefs!(), fieldsets::YMD::long()).map_err(|e| format!("{e:?}"))?;
    FixedCalendarDateTimeFormatter::<Gregorian, _>::try_new_unstable(p, prefs!(), fieldsets::YMD::medium()).map_err(|e| format!("{e:?}"))?;
    FixedCalendarDateTimeFormatter::<Gregorian, _>::try_new_unstable(p, prefs!(), fieldsets::YM::long()).map_err(|e| format!("{e:?}"))?;
    FixedCalendarDateTimeFormatter::<Gregorian, _>::try_new_unstable(p, prefs!(), fieldsets::MD::long()).map_err(|e| format!("{e:?}"))?;
    FixedCalendarDateTimeFormatter::<Gregorian, _>::try_new_unstable(p, prefs!(), fieldsets::YM::medium()).map_err(|e| format!("{e:?}"))?;
    FixedCalendarDateTimeFormatter::<Gregorian, _>::try_new_unstable(p, prefs!(), fieldsets::Y::long()).map_err(|e| format!("{e:?}"))?;
    ListFormatter::try_new_and_unstable(p, prefs!(), ListFormatterOptions::default()).map_err(|e| format!("{e:?}"))?;
    ListFormatter::try_new_or_unstable(p, prefs!(), ListFormatterOptions::default()).map_err(|e| format!("{e:?}"))?;
    RegionDisplayNames::try_new_unstable(p, prefs!(), DisplayNamesOptions::default()).map_err(|e| format!("{e:?}"))?;
    LocaleDisplayNamesFormatter::try_new_unstable(p, prefs!(), DisplayNamesOptions::default()).map_err(|e| format!("{e:?}"))?;
    let mut options = RelativeTimeFormatterOptions::default();
    options.numeric = Some(Numeric::Auto);
    RelativeTimeFormatter::try_new_long_year_unstable(p, prefs!(), options).map_err(|e| format!("{e:?}"))?;
    Ok(())
}

fn main() {
    let mut args = std::env::args_os().skip(1);
    let (Some(cldr), Some(out)) = (args.next(), args.next()) else {
        eprintln!("usage: twinbot-icu-data CLDR_JSON_DIR OUT_DIR");
        std::process::exit(2);
    };
    let (cldr, out) = (PathBuf::from(cldr), PathBuf::from(out));
    let source = SourceDataProvider::new_custom().with_cldr(&cldr).unwrap_or_else(|e| {
        eprintln!("cannot read CLDR JSON in {}: {e}", cldr.display());
        std::process::exit(1);
    });
    let fallbacker = LocaleFallbacker::try_new_unstable(&source).expect("CLDR fallback data");
    let recorder =
        Recorder { source: LocaleFallbackProvider::new(&source, fallbacker.clone()), seen: Mutex::new(Vec::new()) };
    for code in LOCALES {
        if let Err(e) = build_all(&recorder, code) {
            eprintln!("{code}: {e}");
            std::process::exit(1);
        }
    }
    let mut markers = recorder.seen.into_inner().unwrap();
    // The markers ICU4X's own fallback (likely subtags, parents) needs at run time come from
    // icu_locale's compiled data, which the generated code uses.
    markers.sort_by_key(|m| m.id.name());
    for m in &markers {
        eprintln!("marker {}", m.id.name());
    }
    let families = LOCALES.iter().map(|code| {
        // Each language with its ancestors (en-GB: en-001, en), none of its descendants.
        format!("^{code}").parse::<DataLocaleFamily>().expect("a locale family")
    });
    let mut options = Options::default();
    options.overwrite = true;
    options.pretty = true;
    options.use_separate_crates = true;
    let exporter = BakedExporter::new(out.clone(), options).expect("an output directory");
    ExportDriver::new(families, DeduplicationStrategy::Maximal.into(), fallbacker)
        .with_markers(markers)
        .export(&source, exporter)
        .unwrap_or_else(|e| {
            eprintln!("export failed: {e}");
            std::process::exit(1);
        });
    eprintln!("wrote {}", out.display());
}
