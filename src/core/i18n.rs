//! The bot's languages: Project Fluent files, one per language in `locales/<locale>/twinbot.ftl`,
//! embedded in the binary, and CLDR's dates, lists, relative times and country names through
//! ICU4X, with CLDR data generated for these languages only (`icu_data`). English (en-GB) is the bot's own language, the default and the
//! reference: every other file carries every message of `locales/en-GB/twinbot.ftl`; en-US
//! carries only the words it spells otherwise and falls back to en-GB for the rest.
//!
//! Fluent wraps each inserted value in Unicode isolation marks (U+2068, U+2069) for
//! right-to-left text; they are turned off here, because Discord shows them as stray characters
//! in names and embeds, and none of these languages is written right to left.
//!
//! A message may take rich values (a user's words to escape, a name in bold, a channel): see
//! [`Lang::rich`].
//!
//! The grammar the code gives the translators, as Fluent functions: `PRECISION()` and
//! `GENITIVE()` of a date, in every language ([`DateValue`]: "seit dem 2. Juni 1969", "seit
//! 1960", "od června 2014"); `POSSESSIVE()` in English; `UK_ORDINAL()` in Ukrainian; `DE()` and
//! `A()` in French ("d’Amiens", "du Havre"). The punctuation the code joins its pieces with is
//! the language's too ([`Language::aside`], [`Language::comma`], [`Language::sentences`]), and
//! so are its lists (CLDR's, spaced around a Latin name in Chinese).

use std::borrow::Cow;
use std::sync::LazyLock;

use fixed_decimal::Decimal;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::types::FluentType;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use icu_calendar::Gregorian;
use icu_datetime::fieldsets;
use icu_datetime::input::Date;
use icu_datetime::pattern::{DateTimePattern, FixedCalendarDateTimeNames};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_experimental::displaynames::multi::{LocaleDisplayNamesFormatter, RegionDisplayNames};
use icu_experimental::displaynames::DisplayNamesOptions;
use icu_experimental::relativetime::options::Numeric;
use icu_experimental::relativetime::{RelativeTimeFormatter, RelativeTimeFormatterOptions};
use icu_list::options::ListFormatterOptions;
use icu_list::ListFormatter;
use icu_locale_core::Locale;
use unic_langid::LanguageIdentifier;

use crate::core::reply::{Span, Text};

/// The languages twinbot speaks, as Discord names them; the first is the default.
pub const LOCALES: &[&str] = &["en-GB", "en-US", "de", "fr", "cs", "uk", "zh-CN"];

/// The default language.
pub const DEFAULT: &str = "en-GB";

/// The reference file: every message the bot shows, in British English.
pub const ENGLISH: &str = include_str!("../../locales/en-GB/twinbot.ftl");

/// The translation files: (locale, Fluent source). The registry's own words are the English of
/// the commands; en-GB's file holds the replies, and en-US's only what it spells otherwise.
pub const FILES: &[(&str, &str)] = &[
    ("en-US", include_str!("../../locales/en-US/twinbot.ftl")),
    ("de", include_str!("../../locales/de/twinbot.ftl")),
    ("fr", include_str!("../../locales/fr/twinbot.ftl")),
    ("cs", include_str!("../../locales/cs/twinbot.ftl")),
    ("uk", include_str!("../../locales/uk/twinbot.ftl")),
    ("zh-CN", include_str!("../../locales/zh-CN/twinbot.ftl")),
];

type Bundle = FluentBundle<FluentResource>;

/// `POSSESSIVE($name)` for English: "Leeds'" or "York's".
fn possessive<'a>(args: &[FluentValue<'a>], _: &FluentArgs) -> FluentValue<'a> {
    match args.first() {
        Some(FluentValue::String(s)) if carried(s).ends_with('s') => FluentValue::String(Cow::Owned(format!("{s}'"))),
        Some(FluentValue::String(s)) => FluentValue::String(Cow::Owned(format!("{s}'s"))),
        _ => FluentValue::Error,
    }
}

/// The ending class of a Ukrainian ordinal in the feminine nominative ("річниця"), by the last
/// word of the number as it is said: 1-ша (перша), 2-га (друга), 3-тя (третя), 7-ма and 8-ма
/// (сьома, восьма), 40-ва (сорокова), 1000-на (тисячна), and -та for the rest (четверта, …,
/// одинадцята to дев'ятнадцята, десята, двадцята, сота). CLDR's Ukrainian ordinal rules have only
/// "few" and "other", so this is a rule of the bot's own.
pub fn ukrainian_ordinal_class(n: i64) -> &'static str {
    let n = n.unsigned_abs();
    if (11..=19).contains(&(n % 100)) {
        return "other";
    }
    match n % 10 {
        1 => "first",
        2 => "second",
        3 => "third",
        7 | 8 => "seventh",
        0 if n % 100 == 40 => "fortieth",
        0 if n.is_multiple_of(1000) && n > 0 => "thousandth",
        _ => "other",
    }
}

/// `UK_ORDINAL($n)` for Ukrainian: the ending class of the ordinal (see
/// [`ukrainian_ordinal_class`]), for the message to choose the ending by.
fn uk_ordinal<'a>(args: &[FluentValue<'a>], _: &FluentArgs) -> FluentValue<'a> {
    match args.first() {
        Some(FluentValue::Number(n)) => FluentValue::String(Cow::Borrowed(ukrainian_ordinal_class(n.value as i64))),
        _ => FluentValue::Error,
    }
}

/// How precisely a date is known: to the day, to the month or only to the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    Day,
    Month,
    Year,
}

impl Precision {
    /// The word `PRECISION()` gives a message to select on: "day", "month" or "year".
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }
}

/// A date as a message takes it (`$since`, `$date`): what `{ $since }` shows, CLDR's form on its
/// own ("2 June 1969", "červen 2014", "1960"); its precision, which `PRECISION($since)` gives
/// for a language to word each case itself ("seit dem 2. Juni 1969", "seit Juni 2014", "od roku
/// 1960"); and its form after a preposition, which `GENITIVE($since)` gives: CLDR's
/// format-context month, the genitive in Czech and Ukrainian ("od června 2014", "з червня
/// 2014 р."), the same as on its own elsewhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateValue {
    pub precision: Precision,
    pub text: String,
    pub genitive: String,
}

impl FluentType for DateValue {
    fn duplicate(&self) -> Box<dyn FluentType + Send> {
        Box::new(self.clone())
    }

    fn as_string(&self, _: &intl_memoizer::IntlLangMemoizer) -> Cow<'static, str> {
        Cow::Owned(self.text.clone())
    }

    fn as_string_threadsafe(&self, _: &intl_memoizer::concurrent::IntlLangMemoizer) -> Cow<'static, str> {
        Cow::Owned(self.text.clone())
    }
}

/// The date a function was given, if it was one.
fn date_arg<'b>(args: &'b [FluentValue<'_>]) -> Option<&'b DateValue> {
    match args.first() {
        Some(FluentValue::Custom(value)) => value.as_ref().as_any().downcast_ref::<DateValue>(),
        _ => None,
    }
}

/// `PRECISION($since)`, in every language: "day", "month" or "year", for a message to word each
/// case itself. Anything but a date has none (the message's default variant is taken).
fn precision<'a>(args: &[FluentValue<'a>], _: &FluentArgs) -> FluentValue<'a> {
    match date_arg(args) {
        Some(d) => FluentValue::String(Cow::Borrowed(d.precision.as_str())),
        None => FluentValue::Error,
    }
}

/// `GENITIVE($since)`, in every language: the date after a preposition, its month in CLDR's
/// format-context form ("června 2014" where `{ $since }` is "červen 2014"). Text that is not a
/// date is given back as it is.
fn genitive<'a>(args: &[FluentValue<'a>], _: &FluentArgs) -> FluentValue<'a> {
    match (date_arg(args), args.first()) {
        (Some(d), _) => FluentValue::String(Cow::Owned(d.genitive.clone())),
        (None, Some(FluentValue::String(s))) => FluentValue::String(s.clone()),
        _ => FluentValue::Error,
    }
}

/// The words a rich value carries in its marker (see [`Lang::rich`]), or a plain value's own.
fn carried(s: &str) -> &str {
    match (s.strip_prefix(OPEN).and_then(|r| r.strip_suffix(CLOSE)), s.find(SEP)) {
        (Some(_), Some(at)) => &s[at + SEP.len_utf8()..s.len() - CLOSE.len_utf8()],
        _ => s,
    }
}

/// A value with its first words dropped: a rich value's marker says so to [`splice`], which
/// drops them from its spans ("Le Havre" in bold becomes "Havre" in bold).
fn without_first(s: &str, dropped: usize) -> String {
    match s.find(SEP) {
        Some(at) if s.starts_with(OPEN) => {
            let words = carried(s);
            format!("{}{}{CLOSE}", &s[..at + SEP.len_utf8()], &words[dropped..])
        }
        _ => s[dropped..].to_string(),
    }
}

/// How French writes "de" (`de = true`) or "à" before a place's name: "d’Amiens" before a
/// vowel, or a y before a consonant ("d’Ypres"; "de Yokohama"); "du Havre", "au Havre",
/// "des Sables-d’Olonne" where the name begins with the article Le or Les, which contracts; "de
/// La Rochelle", "de Leeds" otherwise. A name beginning with h keeps "de" ("de Hambourg",
/// "de Hangzhou"): most h of place names are aspirated, and which are mute only a list would
/// know. A rich value keeps its spans.
pub fn french_preposition(name: &str, de: bool) -> String {
    let words = carried(name);
    for (article, contracted) in [("Le ", if de { "du" } else { "au" }), ("Les ", if de { "des" } else { "aux" })] {
        if words.starts_with(article) && words.len() > article.len() {
            return format!("{contracted} {}", without_first(name, article.len()));
        }
    }
    if !de {
        return format!("à {name}");
    }
    let mut letters = words.chars().map(|c| deunicode::deunicode_char(c).unwrap_or("").to_lowercase());
    let first = letters.next().unwrap_or_default();
    let second = letters.next().unwrap_or_default();
    let vowel = |s: &str| matches!(s.chars().next(), Some('a' | 'e' | 'i' | 'o' | 'u'));
    let elides = vowel(&first) || (first.starts_with('y') && !second.is_empty() && !vowel(&second));
    if elides {
        format!("d’{name}")
    } else {
        format!("de {name}")
    }
}

/// "de" or "à" before each place of a French list, as French repeats it: "de Leeds et de
/// Dortmund", "d’Amiens, de Lille et de Brno" (CLDR's French "and" list: ", " between the items,
/// " et " before the last). A single place, or rich text, is one place.
pub fn french_prepositions(names: &str, de: bool) -> String {
    let plain = !names.contains([OPEN, SEP, CLOSE]);
    match names.rsplit_once(" et ").filter(|_| plain) {
        Some((first, last)) => {
            let items: Vec<String> = first.split(", ").map(|n| french_preposition(n, de)).collect();
            format!("{} et {}", items.join(", "), french_preposition(last, de))
        }
        None => french_preposition(names, de),
    }
}

/// `DE($home)` for French: "de" before a place's name, or before each of a list's (see
/// [`french_preposition`]).
fn french_de<'a>(args: &[FluentValue<'a>], _: &FluentArgs) -> FluentValue<'a> {
    match args.first() {
        Some(FluentValue::String(s)) => FluentValue::String(Cow::Owned(french_prepositions(s, true))),
        _ => FluentValue::Error,
    }
}

/// `A($town)` for French: "à" before a place's name ("à Amiens", "au Havre").
fn french_a<'a>(args: &[FluentValue<'a>], _: &FluentArgs) -> FluentValue<'a> {
    match args.first() {
        Some(FluentValue::String(s)) => FluentValue::String(Cow::Owned(french_prepositions(s, false))),
        _ => FluentValue::Error,
    }
}

/// A Chinese (or Japanese) character, a word of its own: 和, 或.
fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3134F}')
}

/// A character of the Chinese script or its punctuation, which needs no space beside a Chinese
/// word: 杭, 、, （, ）.
fn is_cjk(c: char) -> bool {
    is_ideograph(c) || matches!(c, '\u{3000}'..='\u{303F}' | '\u{3040}'..='\u{30FF}' | '\u{FF00}'..='\u{FFEF}')
}

/// Why a translation file could not be read (a test keeps the shipped ones valid).
pub fn parse(locale: &str, source: &str) -> Result<Bundle, String> {
    let id: LanguageIdentifier = locale.parse().map_err(|e| format!("{locale}: not a locale: {e}"))?;
    let resource = FluentResource::try_new(source.to_string())
        .map_err(|(_, errors)| format!("{locale}: {} syntax error(s): {errors:?}", errors.len()))?;
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    bundle.set_use_isolating(false);
    // NUMBER(), for ordinal plural rules: "1st", "2nd", "3rd".
    bundle.add_builtins().map_err(|e| format!("{locale}: {e:?}"))?;
    if locale.starts_with("en") {
        bundle.add_function("POSSESSIVE", possessive).map_err(|e| format!("{locale}: {e:?}"))?;
    }
    if locale == "uk" {
        bundle.add_function("UK_ORDINAL", uk_ordinal).map_err(|e| format!("{locale}: {e:?}"))?;
    }
    if locale == "fr" {
        bundle.add_function("DE", french_de).map_err(|e| format!("{locale}: {e:?}"))?;
        bundle.add_function("A", french_a).map_err(|e| format!("{locale}: {e:?}"))?;
    }
    // A date's precision and its form after a preposition, for every language.
    bundle.add_function("PRECISION", precision).map_err(|e| format!("{locale}: {e:?}"))?;
    bundle.add_function("GENITIVE", genitive).map_err(|e| format!("{locale}: {e:?}"))?;
    bundle.add_resource(resource).map_err(|errors| format!("{locale}: {errors:?}"))?;
    Ok(bundle)
}

/// ICU4X's CLDR data for the bot's languages only, generated by `tools/icu-data` into
/// `src/core/icu_data/` (see its `main.rs`: it builds the formatters of [`Formats::new`] and keeps
/// the data they ask for). A language added to [`LOCALES`] needs its data generated anew; the
/// test `every_language_has_its_cldr_data` fails until it is.
mod icu_data {
    #![allow(clippy::all, unused_imports, unreachable_pub)]
    /// The provider of the generated data.
    extern crate alloc;
    pub struct Cldr;
    include!("icu_data/mod.rs");
    impl_data_provider!(Cldr);
}

/// The CLDR formatters of one language, built once.
struct Formats {
    day: FixedCalendarDateTimeFormatter<Gregorian, fieldsets::YMD>,
    short_day: FixedCalendarDateTimeFormatter<Gregorian, fieldsets::YMD>,
    month: FixedCalendarDateTimeFormatter<Gregorian, fieldsets::YM>,
    /// The names `day` writes its months with (their format-context form, the genitive in Czech
    /// and Ukrainian), and `month`'s pattern with its stand-alone month made that form ("LLLL y"
    /// becomes "MMMM y"): "června 2014" where `month` writes "červen 2014".
    month_genitive: (FixedCalendarDateTimeNames<Gregorian, fieldsets::YMD>, DateTimePattern),
    day_month: FixedCalendarDateTimeFormatter<Gregorian, fieldsets::MD>,
    short_month: FixedCalendarDateTimeFormatter<Gregorian, fieldsets::YM>,
    year: FixedCalendarDateTimeFormatter<Gregorian, fieldsets::Y>,
    and: ListFormatter,
    or: ListFormatter,
    regions: RegionDisplayNames,
    languages: LocaleDisplayNamesFormatter,
    /// "last year", "this year", "next year" (and "57 years ago"): for the years next to this one.
    years: RelativeTimeFormatter,
    /// "1 year ago", "57 years ago": for whole years, where "last year" would name another.
    years_numeric: RelativeTimeFormatter,
}

impl Formats {
    fn new(code: &str) -> Formats {
        let locale: Locale = code.parse().expect("a shipped locale code");
        macro_rules! prefs {
            () => {
                (&locale).into()
            };
        }
        let p = &icu_data::Cldr;
        let day = || {
            FixedCalendarDateTimeFormatter::try_new_unstable(p, prefs!(), fieldsets::YMD::long()).expect("CLDR dates")
        };
        let month =
            FixedCalendarDateTimeFormatter::try_new_unstable(p, prefs!(), fieldsets::YM::long()).expect("CLDR dates");
        let sample = Date::try_new_gregorian(2000, 1, 1).expect("a date");
        let month_genitive = (
            FixedCalendarDateTimeNames::from_formatter(prefs!(), day()),
            format_context(month.format(&sample).pattern()),
        );
        Formats {
            day: day(),
            short_day: FixedCalendarDateTimeFormatter::try_new_unstable(p, prefs!(), fieldsets::YMD::medium())
                .expect("CLDR dates"),
            month,
            month_genitive,
            day_month: FixedCalendarDateTimeFormatter::try_new_unstable(p, prefs!(), fieldsets::MD::long())
                .expect("CLDR dates"),
            short_month: FixedCalendarDateTimeFormatter::try_new_unstable(p, prefs!(), fieldsets::YM::medium())
                .expect("CLDR dates"),
            year: FixedCalendarDateTimeFormatter::try_new_unstable(p, prefs!(), fieldsets::Y::long())
                .expect("CLDR dates"),
            and: ListFormatter::try_new_and_unstable(p, prefs!(), ListFormatterOptions::default()).expect("CLDR lists"),
            or: ListFormatter::try_new_or_unstable(p, prefs!(), ListFormatterOptions::default()).expect("CLDR lists"),
            regions: RegionDisplayNames::try_new_unstable(p, prefs!(), DisplayNamesOptions::default())
                .expect("CLDR names"),
            languages: LocaleDisplayNamesFormatter::try_new_unstable(p, prefs!(), DisplayNamesOptions::default())
                .expect("CLDR names"),
            years: RelativeTimeFormatter::try_new_long_year_unstable(p, prefs!(), {
                let mut options = RelativeTimeFormatterOptions::default();
                options.numeric = Some(Numeric::Auto);
                options
            })
            .expect("CLDR relative times"),
            years_numeric: RelativeTimeFormatter::try_new_long_year_unstable(p, prefs!(), {
                let mut options = RelativeTimeFormatterOptions::default();
                options.numeric = Some(Numeric::Always);
                options
            })
            .expect("CLDR relative times"),
        }
    }
}

/// A CLDR date pattern with its stand-alone months (`L`) in their format-context form (`M`), the
/// form a month takes inside a phrase: "LLLL y 'р'." becomes "MMMM y 'р'.". Quoted text is kept.
fn format_context(pattern: DateTimePattern) -> DateTimePattern {
    let mut quoted = false;
    let changed: String = pattern
        .to_string()
        .chars()
        .map(|c| {
            if c == '\'' {
                quoted = !quoted;
            }
            if c == 'L' && !quoted {
                'M'
            } else {
                c
            }
        })
        .collect();
    changed.parse().unwrap_or(pattern)
}

/// One language the bot speaks: its messages and its CLDR formats. Two are equal when they are
/// the same language.
pub struct Language {
    /// Discord's code for it: "en-GB", "de", "zh-CN".
    pub code: &'static str,
    /// Its place in [`LOCALES`], for what is kept per language.
    pub index: usize,
    bundle: Bundle,
    formats: Formats,
}

impl std::fmt::Debug for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Language({})", self.code)
    }
}

impl PartialEq for Language {
    fn eq(&self, other: &Language) -> bool {
        self.code == other.code
    }
}

impl Eq for Language {}

/// A language, as commands and posts carry it.
pub type Lang = &'static Language;

static LANGUAGES: LazyLock<Vec<Language>> = LazyLock::new(|| {
    LOCALES
        .iter()
        .enumerate()
        .map(|(index, &code)| {
            let source = if code == DEFAULT { ENGLISH } else { FILES.iter().find(|(l, _)| *l == code).unwrap().1 };
            Language {
                code,
                index,
                bundle: parse(code, source).expect("the shipped translations are valid"),
                formats: Formats::new(code),
            }
        })
        .collect()
});

/// The language of a supported Discord locale code, as Discord spells it (spaces around it
/// ignored): the one way a locale becomes a language.
pub fn lang(code: &str) -> Option<Lang> {
    let code = code.trim();
    LANGUAGES.iter().find(|l| l.code == code)
}

/// The default language, en-GB.
pub fn default() -> Lang {
    &LANGUAGES[0]
}

/// The language to answer in: the member's, else the server's, else en-GB.
pub fn resolve(member: Option<&str>, server: Option<&str>) -> Lang {
    member.and_then(lang).or_else(|| server.and_then(lang)).unwrap_or_else(default)
}

/// Every language, the default first.
pub fn all() -> impl Iterator<Item = Lang> {
    LANGUAGES.iter()
}

/// A value for a message: a number (plurals and ordinals select on it), text, or a date (see
/// [`DateValue`]: `PRECISION()` and `GENITIVE()` take it).
#[derive(Debug, Clone)]
pub enum Arg {
    Num(i64),
    Str(String),
    Date(DateValue),
}

impl From<DateValue> for Arg {
    fn from(d: DateValue) -> Arg {
        Arg::Date(d)
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Arg {
        Arg::Num(n)
    }
}
impl From<i32> for Arg {
    fn from(n: i32) -> Arg {
        Arg::Num(n.into())
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Num(n as i64)
    }
}
impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Str(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Str(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Str(s.clone())
    }
}

fn fluent_args<'a>(args: &'a [(&str, Arg)]) -> FluentArgs<'a> {
    let mut fargs = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Num(n) => fargs.set(*name, *n),
            Arg::Str(s) => fargs.set(*name, s.as_str()),
            Arg::Date(d) => fargs.set(*name, FluentValue::Custom(Box::new(d.clone()))),
        }
    }
    fargs
}

/// A value for [`Lang::rich`]: a plain value, or rich text put in place whole.
#[derive(Debug, Clone)]
pub enum Part {
    Arg(Arg),
    Text(Text),
}

impl<T: Into<Arg>> From<T> for Part {
    fn from(v: T) -> Part {
        Part::Arg(v.into())
    }
}
impl From<Text> for Part {
    fn from(t: Text) -> Part {
        Part::Text(t)
    }
}

/// Marks where a rich value goes: private-use characters, which no translation contains. A
/// marker is `OPEN index CLOSE`, or `OPEN index SEP words CLOSE` where it carries the value's
/// words for a function to read (`DE()`, `POSSESSIVE()`).
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';
const SEP: char = '\u{E002}';

/// A Chinese message with no space between two Han characters: the messages put a space beside
/// each value, as Chinese does beside a Latin name ("Leeds 与 Dortmund"), and a name written in
/// Chinese takes none ("Leeds 与哈尔科夫", not "Leeds 与 哈尔科夫"). Rich values (between
/// [`OPEN`] and [`CLOSE`]) are read by their words.
fn tight_between_han(s: String) -> String {
    let before = |i: usize| s[..i].chars().rev().find(|&c| c != CLOSE);
    let after = |i: usize| {
        let mut rest = s[i + 1..].chars().peekable();
        while let Some(&c) = rest.peek() {
            if c == OPEN {
                // The marker's number, up to its separator.
                rest.by_ref().find(|&c| c == SEP);
            } else {
                return Some(c);
            }
        }
        None
    };
    // A slash command ends at a space, which stays: "/友好城市 加上城市名称", "开启：/周年设置 频道".
    let after_command = |i: usize| s[..i].rsplit(char::is_whitespace).next().is_some_and(|w| w.contains('/'));
    let tightened: Vec<usize> = s
        .match_indices(' ')
        .map(|(i, _)| i)
        .filter(|&i| before(i).is_some_and(is_cjk) && after(i).is_some_and(is_cjk) && !after_command(i))
        .collect();
    if tightened.is_empty() {
        return s;
    }
    s.char_indices().filter(|(i, _)| !tightened.contains(i)).map(|(_, c)| c).collect()
}

/// The words of rich text, as a function of a message reads them (a channel or a role has none).
fn words_of(t: &Text) -> String {
    t.0.iter()
        .map(|s| match s {
            Span::Text(x) | Span::Strong(x) | Span::User(x) | Span::Code(x) | Span::Markdown(x) | Span::Small(x) => {
                x.as_str()
            }
            Span::Link { label, .. } => label.as_str(),
            Span::Channel(_) | Span::Role(_) | Span::Member(_) => "",
        })
        .collect::<String>()
        .replace([OPEN, CLOSE, SEP], "")
}

/// Rich text without its first `n` bytes of words, when they are in its first span (a name
/// without its article); else unchanged.
fn drop_front(t: &Text, n: usize) -> Text {
    let mut spans = t.0.clone();
    let first = match spans.first_mut() {
        Some(Span::Text(x) | Span::Strong(x) | Span::User(x) | Span::Code(x) | Span::Small(x)) => x,
        _ => return t.clone(),
    };
    if n < first.len() && first.is_char_boundary(n) {
        first.replace_range(..n, "");
        Text(spans)
    } else {
        t.clone()
    }
}

/// Puts each rich value in place of its marker in a formatted message. A marker whose words a
/// function shortened (`DE()`'s "du Havre") puts its value in shortened the same way.
fn splice(s: &str, texts: &[Text]) -> Text {
    let mut out = Text::new();
    let mut rest = s;
    while let Some(start) = rest.find(OPEN) {
        let Some(len) = rest[start..].find(CLOSE) else { break };
        let end = start + len + CLOSE.len_utf8();
        let inside = &rest[start + OPEN.len_utf8()..start + len];
        let (index, words) = match inside.split_once(SEP) {
            Some((i, w)) => (i, Some(w)),
            None => (inside, None),
        };
        match index.parse::<usize>().ok().and_then(|i| texts.get(i)) {
            Some(t) => {
                if start > 0 {
                    out = out.text(&rest[..start]);
                }
                let whole = words_of(t);
                out = match words {
                    Some(w) if w != whole && whole.ends_with(w) => out.append(drop_front(t, whole.len() - w.len())),
                    _ => out.append(t.clone()),
                };
            }
            None => out = out.text(&rest[..end]),
        }
        rest = &rest[end..];
    }
    if !rest.is_empty() {
        out = out.text(rest);
    }
    out
}

impl Language {
    fn format(&self, bundle: &Bundle, id: &str, args: Option<&FluentArgs>) -> Option<String> {
        let pattern = bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        errors.is_empty().then(|| text.into_owned())
    }

    fn fluent(&self, id: &str, args: Option<&FluentArgs>) -> String {
        self.format(&self.bundle, id, args)
            .or_else(|| self.format(&default().bundle, id, args))
            .unwrap_or_else(|| id.to_string())
    }

    /// A message, with plain values: `lang.t("partners-title", &[("home", "Leeds".into())])`.
    /// A message missing here is taken from English (a test keeps every language complete).
    pub fn t(&self, id: &str, args: &[(&str, Arg)]) -> String {
        if args.is_empty() {
            return self.fluent(id, None);
        }
        let s = self.fluent(id, Some(&fluent_args(args)));
        if self.code == "zh-CN" {
            tight_between_han(s)
        } else {
            s
        }
    }

    /// A message of this language's own file, formatted without an error (a value missing, a
    /// function given what it does not take), or none: for tests, where [`Language::t`] would
    /// fall back to English.
    pub fn t_own(&self, id: &str, args: &[(&str, Arg)]) -> Option<String> {
        self.format(&self.bundle, id, Some(&fluent_args(args)))
    }

    /// A message as rich text: each [`Part::Text`] value is put in place whole, keeping its
    /// spans (a user's words stay a user's words, to be escaped; a name stays bold).
    pub fn rich(&self, id: &str, args: Vec<(&str, Part)>) -> Text {
        let mut plain = Vec::with_capacity(args.len());
        let mut texts = Vec::new();
        for (name, part) in args {
            match part {
                Part::Arg(a) => plain.push((name, a)),
                Part::Text(t) => {
                    // A code span keeps its backticks in the words, so that Chinese keeps the
                    // spaces beside it ("需要 `城市`").
                    let tick = |s: Option<&Span>| if matches!(s, Some(Span::Code(_))) { "`" } else { "" };
                    let (first, last) = (tick(t.0.first()), tick(t.0.last()));
                    let words = format!("{first}{}{last}", words_of(&t));
                    plain.push((name, Arg::Str(format!("{OPEN}{}{SEP}{words}{CLOSE}", texts.len()))));
                    texts.push(t);
                }
            }
        }
        splice(&self.t(id, &plain), &texts)
    }

    /// A remark in brackets after a text, as the language writes it: "1960 (with Dortmund)",
    /// "1960年（与 Dortmund 结好）" (the code never writes " (" itself).
    pub fn aside(&self, text: impl Into<Part>, aside: impl Into<Part>) -> Text {
        self.rich("punctuation-aside", vec![("text", text.into()), ("aside", aside.into())])
    }

    /// A text and what follows it after a comma, as the language writes it: "@Anna, 6 December
    /// 2026", "@Anna，2026年12月6日" (the code never writes ", " itself).
    pub fn comma(&self, text: impl Into<Part>, more: impl Into<Part>) -> Text {
        self.rich("punctuation-comma", vec![("text", text.into()), ("more", more.into())])
    }

    /// Two sentences one after the other, as the language writes them: with a space between
    /// them, or none after Chinese "。".
    pub fn sentences(&self, first: impl Into<Part>, second: impl Into<Part>) -> Text {
        self.rich("punctuation-sentences", vec![("first", first.into()), ("second", second.into())])
    }

    /// A full date in CLDR's long form: "2 June 1969", "2. Juni 1969", "1969年6月2日".
    pub fn day(&self, year: i32, month: u32, day: u32) -> String {
        match Date::try_new_gregorian(year, month as u8, day as u8) {
            Ok(d) => self.first_of_month(self.formats.day.format(&d).to_string(), day),
            Err(_) => format!("{year}-{month:02}-{day:02}"),
        }
    }

    /// French writes the first of a month as an ordinal: "1er janvier", "1er avril 1974" (CLDR's
    /// long dates give "1 janvier").
    fn first_of_month(&self, formatted: String, day: u32) -> String {
        // "1" then CLDR's own space: "1er" before it.
        match formatted.strip_prefix('1') {
            Some(rest) if day == 1 && self.code == "fr" && rest.starts_with(char::is_whitespace) => {
                format!("1er{rest}")
            }
            _ => formatted,
        }
    }

    /// A full date in CLDR's medium form, for timelines: "2 Jun 1969", "02.06.1969".
    pub fn short_day(&self, year: i32, month: u32, day: u32) -> String {
        match Date::try_new_gregorian(year, month as u8, day as u8) {
            Ok(d) => self.first_of_month(self.formats.short_day.format(&d).to_string(), day),
            Err(_) => format!("{year}-{month:02}-{day:02}"),
        }
    }

    /// A month of a year in CLDR's long form: "June 1969", "Juni 1969", "červen 1969".
    pub fn month(&self, year: i32, month: u32) -> String {
        match Date::try_new_gregorian(year, month as u8, 1) {
            Ok(d) => self.formats.month.format(&d).to_string(),
            Err(_) => format!("{year}-{month:02}"),
        }
    }

    /// A month of a year as it is written after a preposition: its month in CLDR's format-context
    /// form, the genitive in Czech and Ukrainian ("června 2014", "червня 2014 р."), the same
    /// as [`Language::month`] in the other languages ("June 2014", "Juni 2014", "2014年6月").
    pub fn month_genitive(&self, year: i32, month: u32) -> String {
        use writeable::TryWriteable;
        let (names, pattern) = &self.formats.month_genitive;
        match Date::try_new_gregorian(year, month as u8, 1) {
            Ok(d) => match names.with_pattern_unchecked(pattern).format(&d).try_write_to_string() {
                Ok(s) => s.into_owned(),
                Err(_) => self.month(year, month),
            },
            Err(_) => format!("{year}-{month:02}"),
        }
    }

    /// A month of a year in CLDR's medium form, for timelines: "Apr 1970", "Apr. 1970".
    pub fn short_month(&self, year: i32, month: u32) -> String {
        match Date::try_new_gregorian(year, month as u8, 1) {
            Ok(d) => self.formats.short_month.format(&d).to_string(),
            Err(_) => format!("{year}-{month:02}"),
        }
    }

    /// A day of the year without the year, in CLDR's long form: "1 January", "1. Januar".
    pub fn day_month(&self, month: u32, day: u32) -> String {
        match Date::try_new_gregorian(2000, month as u8, day as u8) {
            Ok(d) => self.first_of_month(self.formats.day_month.format(&d).to_string(), day),
            Err(_) => format!("{month:02}-{day:02}"),
        }
    }

    /// A year alone in CLDR's form: "1968", "1968年".
    pub fn year(&self, year: i32) -> String {
        match Date::try_new_gregorian(year, 1, 1) {
            Ok(d) => self.formats.year.format(&d).to_string(),
            Err(_) => year.to_string(),
        }
    }

    /// Items joined as CLDR's "and" list: "Leeds, York and Lille", "Leeds, York und Lille",
    /// "Leeds、York 和 Lille".
    pub fn and_list<S: AsRef<str>>(&self, items: &[S]) -> String {
        self.list(false, items)
    }

    /// Items joined as CLDR's "or" list: "Dortmund or Durban", "Dortmund oder Durban".
    pub fn or_list<S: AsRef<str>>(&self, items: &[S]) -> String {
        self.list(true, items)
    }

    fn list<S: AsRef<str>>(&self, or: bool, items: &[S]) -> String {
        let formatter = if or { &self.formats.or } else { &self.formats.and };
        if !self.spaces_words_of_other_scripts() {
            return formatter.format_to_string(items.iter().map(AsRef::as_ref));
        }
        let ends: Vec<(Option<char>, Option<char>)> =
            items.iter().map(|i| (i.as_ref().chars().next(), i.as_ref().chars().next_back())).collect();
        let between = self.between(or, &ends);
        let mut out = between[0].clone();
        for (item, after) in items.iter().zip(&between[1..]) {
            out.push_str(item.as_ref());
            out.push_str(after);
        }
        out
    }

    /// Rich texts joined as an "and" or "or" list, keeping their spans.
    pub fn join_texts(&self, items: Vec<Text>, or: bool) -> Text {
        let ends: Vec<(Option<char>, Option<char>)> = items
            .iter()
            .map(|t| {
                let w = words_of(t);
                (w.chars().next(), w.chars().next_back())
            })
            .collect();
        let between = self.between(or, &ends);
        let mut out = Text::new();
        for (i, after) in between.iter().enumerate() {
            if i > 0 {
                out = out.append(items[i - 1].clone());
            }
            if !after.is_empty() {
                out = out.text(after.as_str());
            }
        }
        out
    }

    /// Whether the language puts a space between its own script and a word of another, as
    /// Chinese does around a Latin name ("与 Leeds 结好"): its lists do the same around their
    /// words ("Leeds 和 Dortmund", CLDR's "Leeds和Dortmund"), not around their punctuation
    /// ("Leeds、York").
    fn spaces_words_of_other_scripts(&self) -> bool {
        self.code.starts_with("zh")
    }

    /// What CLDR's list puts before, between and after `ends.len()` items (each given by its
    /// first and last characters): a word between two items is spaced from an item of another
    /// script where the language does so.
    fn between(&self, or: bool, ends: &[(Option<char>, Option<char>)]) -> Vec<String> {
        let formatter = if or { &self.formats.or } else { &self.formats.and };
        let marks: Vec<String> = (0..ends.len()).map(|i| format!("{OPEN}{i}{CLOSE}")).collect();
        let joined = formatter.format_to_string(marks.iter().map(String::as_str));
        let mut between: Vec<String> = Vec::with_capacity(ends.len() + 1);
        let mut rest = joined.as_str();
        for mark in &marks {
            match rest.find(mark.as_str()) {
                Some(at) => {
                    between.push(rest[..at].to_string());
                    rest = &rest[at + mark.len()..];
                }
                None => between.push(String::new()),
            }
        }
        between.push(rest.to_string());
        if self.spaces_words_of_other_scripts() {
            for i in 1..ends.len() {
                let word = &mut between[i];
                if !word.chars().any(is_ideograph) {
                    continue;
                }
                if ends[i - 1].1.is_some_and(|c| !is_cjk(c)) && !word.starts_with(' ') {
                    word.insert(0, ' ');
                }
                if ends[i].0.is_some_and(|c| !is_cjk(c)) && !word.ends_with(' ') {
                    word.push(' ');
                }
            }
        }
        between
    }

    /// A country's name from its ISO code in this language ("DE": "Germany", "Deutschland",
    /// "Allemagne", "Německo", "Німеччина", "德国"), if CLDR has it.
    pub fn country(&self, code: &str) -> Option<&str> {
        let region = code.parse().ok()?;
        self.formats.regions.of(region)
    }

    /// A language's name in this language, from CLDR: "German", "Deutsch", "allemand". Discord's
    /// zh-CN is the Chinese written in simplified characters, and is named so: "Simplified
    /// Chinese", "简体中文" (CLDR's zh-Hans), not "Chinese (China)".
    pub fn language_name(&self, code: &str) -> String {
        let code = if code == "zh-CN" { "zh-Hans" } else { code };
        match code.parse::<Locale>() {
            Ok(locale) => self.formats.languages.of(&locale).into_owned(),
            Err(_) => code.to_string(),
        }
    }

    /// Its own name for itself: "British English", "Deutsch", "français", "简体中文".
    pub fn native_name(&self) -> String {
        self.language_name(self.code)
    }

    /// How long ago a date is, from the whole years since it (`whole`) and how many calendar years
    /// back it falls (`calendar`, today's year less its year), in CLDR's words: a date in this
    /// year, the last or the next is "this year", "last year", "next year" (CLDR's words, or
    /// the language's own in the message `year-relative`: Czech "loni", "letos"); any other "57 years ago",
    /// "vor 57 Jahren", "1 year ago", "in 3 years".
    pub fn years_ago(&self, whole: i32, calendar: i32) -> String {
        if (-1..=1).contains(&calendar) {
            let cldr = self.formats.years.format(Decimal::from(-calendar)).to_string();
            self.t("year-relative", &[("diff", calendar.into()), ("cldr", cldr.into())])
        } else {
            self.formats.years_numeric.format(Decimal::from(-whole)).to_string()
        }
    }

    /// An ordinal number as the language writes it before "anniversary": "60th", "60.", "60e",
    /// "60-та", "60" (Chinese: "60周年").
    pub fn ordinal(&self, n: i32) -> String {
        self.t("ordinal", &[("n", n.into())])
    }

    /// Whether a message has its own translation here (not English's, by fallback).
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }
}

/// A message without arguments in a language, if that language's own file has it.
pub fn message(locale: &str, id: &str) -> Option<String> {
    let l = lang(locale)?;
    l.has(id).then(|| l.fluent(id, None))
}

/// The languages with a translation file, in the order of [`FILES`].
pub fn translated() -> impl Iterator<Item = &'static str> {
    FILES.iter().map(|(l, _)| *l)
}

/// The source of a language's own file.
pub fn source(locale: &str) -> Option<&'static str> {
    if locale == DEFAULT {
        return Some(ENGLISH);
    }
    FILES.iter().find(|(l, _)| *l == locale).map(|(_, s)| *s)
}

/// Every message id a language's file defines.
pub fn ids(locale: &str) -> Vec<String> {
    let Some(source) = source(locale) else { return Vec::new() };
    source
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with(' ') && l.contains(" = "))
        .filter_map(|l| l.split(" = ").next())
        .map(|k| k.trim().to_string())
        .collect()
}

/// The variables a message of a language's file uses (`$home`, `$count`), sorted: a
/// translation must use the same ones as English.
pub fn variables(locale: &str, id: &str) -> Vec<String> {
    let Some(source) = source(locale) else { return Vec::new() };
    let mut lines = source.lines().skip_while(|l| l.split(" = ").next().map(str::trim) != Some(id));
    let mut body = String::new();
    if let Some(first) = lines.next() {
        body.push_str(first);
        // A message goes on over indented lines, and a line that closes its last placeable.
        for l in lines.take_while(|l| l.starts_with(' ') || l.starts_with('}') || l.is_empty()) {
            body.push('\n');
            body.push_str(l);
        }
    }
    let mut vars: Vec<String> = Vec::new();
    let mut rest = body.as_str();
    while let Some(i) = rest.find('$') {
        let name: String =
            rest[i + 1..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-').collect();
        if !name.is_empty() && !vars.contains(&name) {
            vars.push(name.clone());
        }
        rest = &rest[i + 1 + name.len()..];
    }
    vars.sort();
    vars
}

/// Whether a span list holds a rich marker that did not find its value (a test guard).
pub fn is_clean(t: &Text) -> bool {
    t.0.iter().all(|s| !matches!(s, Span::Text(x) if x.contains([OPEN, CLOSE, SEP])))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Ukrainian ordinal, in the feminine nominative "річниця" takes, as a reviewer fluent in
    /// Ukrainian wrote each: the ending follows the last word of the number as it is said.
    #[test]
    fn ukrainian_ordinals_take_the_ending_of_their_last_word() {
        let uk = lang("uk").unwrap();
        let table = [
            (1, "1-ша"),
            (2, "2-га"),
            (3, "3-тя"),
            (4, "4-та"),
            (5, "5-та"),
            (6, "6-та"),
            (7, "7-ма"),
            (8, "8-ма"),
            (9, "9-та"),
            (10, "10-та"),
            (11, "11-та"),
            (12, "12-та"),
            (13, "13-та"),
            (17, "17-та"),
            (18, "18-та"),
            (20, "20-та"),
            (21, "21-ша"),
            (22, "22-га"),
            (23, "23-тя"),
            (30, "30-та"),
            (40, "40-ва"),
            (41, "41-ша"),
            (47, "47-ма"),
            (48, "48-ма"),
            (50, "50-та"),
            (60, "60-та"),
            (62, "62-га"),
            (63, "63-тя"),
            (90, "90-та"),
            (100, "100-та"),
            (101, "101-ша"),
            (111, "111-та"),
            (112, "112-та"),
            (140, "140-ва"),
            (200, "200-та"),
            (1000, "1000-на"),
            (1001, "1001-ша"),
            (2000, "2000-на"),
        ];
        for (n, want) in table {
            assert_eq!(uk.ordinal(n), want, "{n}");
        }
        assert_eq!(lang("de").unwrap().ordinal(62), "62.", "other languages keep their own");
        assert_eq!(lang("en-GB").unwrap().ordinal(62), "62nd");
    }

    #[test]
    fn french_writes_the_first_of_a_month_as_1er() {
        let fr = lang("fr").unwrap();
        let plain = |s: String| s.replace(char::is_whitespace, " ");
        assert_eq!(plain(fr.day(1974, 4, 1)), "1er avril 1974");
        assert_eq!(plain(fr.day_month(1, 1)), "1er janvier");
        assert_eq!(plain(fr.day(1974, 4, 11)), "11 avril 1974", "only the first");
        assert_eq!(plain(fr.day(1974, 4, 21)), "21 avril 1974");
        assert_eq!(plain(lang("de").unwrap().day(1974, 4, 1)), "1. April 1974", "German keeps its own");
        assert_eq!(plain(lang("en-GB").unwrap().day(1974, 4, 1)), "1 April 1974");
        assert_eq!(plain(fr.short_day(1974, 4, 1)), "1er avr. 1974", "the timelines' dates too");
        assert_eq!(plain(fr.short_day(1974, 4, 11)), "11 avr. 1974");
    }

    /// Chinese puts no space between Han characters, where a message's space stands beside a
    /// value written in Chinese; beside a Latin name it stays, plain or rich.
    #[test]
    fn chinese_names_take_no_space_beside_han() {
        assert_eq!(tight_between_han("Leeds 与 哈尔科夫（乌克兰）".into()), "Leeds 与哈尔科夫（乌克兰）");
        assert_eq!(tight_between_han("距与 西安 结好34周年".into()), "距与西安结好34周年");
        assert_eq!(tight_between_han("Leeds 与 Dortmund 结好".into()), "Leeds 与 Dortmund 结好");
        let rich = format!("距与 {OPEN}0{SEP}西安{CLOSE} 结好");
        assert_eq!(tight_between_han(rich.clone()), format!("距与{OPEN}0{SEP}西安{CLOSE}结好"));
        // A command keeps the space that ends it, plain or rich.
        assert_eq!(tight_between_han("用 /友好城市 加上城市名称".into()), "用 /友好城市 加上城市名称");
        assert_eq!(tight_between_han("开启：/周年设置 频道".into()), "开启：/周年设置 频道");
        let command = format!("选择一个频道即可开启：{OPEN}1{SEP}/周年设置{CLOSE} 频道:#announcements");
        assert_eq!(tight_between_han(command.clone()), command);
        let needs = lang("zh-CN").unwrap().rich(
            "error-option-needed",
            vec![
                ("command", Text::new().code("/发布公告").into()),
                ("option", Text::new().code("城市").into()),
                ("what", "友好城市".into()),
            ],
        );
        assert!(words_of(&needs).starts_with("/发布公告 需要 城市"), "the code spans keep their spaces: {needs:?}");
        let latin = format!("距与 {OPEN}0{SEP}Xi'an{CLOSE} 结好");
        assert_eq!(tight_between_han(latin.clone()), latin);
        let zh = lang("zh-CN").unwrap();
        let args = |partner: &str| {
            vec![
                ("partner", Part::from(Text::new().strong(partner))),
                ("language", "德语".into()),
                ("name", Part::from(Text::new().strong("Sian"))),
            ]
        };
        assert_eq!(words_of(&zh.rich("town-name-saved", args("西安"))), "西安的德语名称已保存：Sian。");
        assert_eq!(words_of(&zh.rich("town-name-saved", args("Xi'an"))), "Xi'an 的德语名称已保存：Sian。");
    }

    /// A month after a preposition is in CLDR's format-context form: the genitive in Czech and
    /// Ukrainian ("od června 2014"), the same as on its own in the other languages.
    #[test]
    fn months_after_a_preposition_are_in_the_genitive() {
        let both = |code: &str| {
            let l = lang(code).unwrap();
            (l.month(2014, 6), l.month_genitive(2014, 6))
        };
        assert_eq!(both("cs"), ("červen 2014".to_string(), "června 2014".to_string()));
        assert_eq!(both("uk"), ("червень 2014\u{202f}р.".to_string(), "червня 2014\u{202f}р.".to_string()));
        for code in ["en-GB", "en-US", "de", "fr", "zh-CN"] {
            let (alone, after) = both(code);
            assert_eq!(alone, after, "{code}");
        }
        assert_eq!(lang("de").unwrap().month_genitive(2014, 6), "Juni 2014");
        assert_eq!(lang("zh-CN").unwrap().month_genitive(2014, 6), "2014年6月");
        let months: Vec<String> = (1..=12).map(|m| lang("cs").unwrap().month_genitive(1977, m)).collect();
        assert_eq!(months[6], "července 1977");
        assert_eq!(months[9], "října 1977");
        assert_eq!(lang("uk").unwrap().month_genitive(1977, 7), "липня 1977\u{202f}р.");
    }

    /// Simplified Chinese names itself 简体中文, and is named so in every language.
    #[test]
    fn simplified_chinese_is_named_as_such() {
        assert_eq!(lang("zh-CN").unwrap().native_name(), "简体中文");
        assert_eq!(default().language_name("zh-CN"), "Simplified Chinese");
        assert_eq!(lang("de").unwrap().native_name(), "Deutsch");
        assert_eq!(default().native_name(), "British English");
    }

    /// French "de" and "à" before a place's name: elided before a vowel, contracted with the
    /// article Le or Les, and kept before an h.
    #[test]
    fn french_elides_and_contracts_de_before_a_name() {
        let de = |name: &str| french_preposition(name, true);
        assert_eq!(de("Amiens"), "d’Amiens");
        assert_eq!(de("Le Havre"), "du Havre");
        assert_eq!(de("Les Sables-d’Olonne"), "des Sables-d’Olonne");
        assert_eq!(de("La Rochelle"), "de La Rochelle");
        assert_eq!(de("Leeds"), "de Leeds");
        assert_eq!(de("Lens"), "de Lens", "a name that only begins as an article does");
        assert_eq!(de("Évry"), "d’Évry");
        assert_eq!(de("Oujda"), "d’Oujda");
        assert_eq!(de("Ypres"), "d’Ypres");
        assert_eq!(de("Yokohama"), "de Yokohama");
        assert_eq!(de("Hangzhou"), "de Hangzhou");
        assert_eq!(de("Amiens et Leeds"), "d’Amiens et Leeds");
        assert_eq!(french_preposition("Le Havre", false), "au Havre");
        assert_eq!(french_preposition("Amiens", false), "à Amiens");
        let fr = lang("fr").unwrap();
        let title = |home: &str| fr.t("partners-title", &[("home", home.into()), ("count", 7.into())]);
        assert_eq!(title("Amiens"), "Villes partenaires d’Amiens (7)");
        assert_eq!(title("Le Havre"), "Villes partenaires du Havre (7)");
        assert_eq!(title("Leeds"), "Villes partenaires de Leeds (7)");
        // A list of homes takes the preposition before each.
        let homes = fr.and_list(&["Leeds", "Amiens", "Le Havre"]);
        assert_eq!(title(&homes), "Villes partenaires de Leeds, d’Amiens et du Havre (7)");
        assert_eq!(french_prepositions("Leeds et Dortmund", false), "à Leeds et à Dortmund");
        // A name in bold keeps its bold, without its article.
        let rich = |name: &str| fr.rich("town-history-title", vec![("town", Text::new().strong(name).into())]);
        assert_eq!(rich("Le Havre"), Text::new().text("Historique du ").strong("Havre"));
        assert_eq!(rich("Amiens"), Text::new().text("Historique d’").strong("Amiens"));
        assert!(is_clean(&rich("Le Havre")));
    }

    #[test]
    fn every_file_parses_and_reads_without_isolation_marks() {
        for (locale, source) in FILES {
            parse(locale, source).unwrap();
            assert!(LOCALES.contains(locale), "{locale}");
        }
        parse(DEFAULT, ENGLISH).unwrap();
        assert_eq!(message("de", "partner").as_deref(), Some("partnerstadt"));
        let fr = message("fr", "anniversary-settings-template-description").unwrap();
        assert!(fr.contains("{partner}") && !fr.contains('\u{2068}'), "{fr}");
        assert_eq!(message("de", "no-such-message"), None);
        assert_eq!(message("pt-BR", "partner"), None, "not a language twinbot speaks");
    }

    #[test]
    fn languages_resolve_member_then_server_then_english() {
        assert_eq!(resolve(Some("de"), Some("fr")).code, "de");
        assert_eq!(resolve(Some("pt-BR"), Some("fr")).code, "fr");
        assert_eq!(resolve(Some("pt-BR"), None).code, "en-GB");
        assert_eq!(resolve(None, Some("xx")).code, "en-GB");
        assert_eq!(resolve(Some("en-US"), None).code, "en-US");
    }

    #[test]
    fn every_language_has_its_cldr_data() {
        use icu_provider::prelude::*;
        for code in LOCALES {
            let locale: Locale = code.parse().unwrap();
            let locale = DataLocale::from(&locale);
            // Every language joins lists with its own word ("and", "und", "和"), unlike CLDR's root;
            // "W" is the wide list style.
            let wide = DataMarkerAttributes::from_str_or_panic("W");
            let request = DataRequest {
                id: DataIdentifierBorrowed::for_marker_attributes_and_locale(wide, &locale),
                ..Default::default()
            };
            let response: DataResponse<icu_list::provider::ListAndV1> =
                icu_data::Cldr.load(request).unwrap_or_else(|e| panic!("{code}: {e}"));
            let found = response.metadata.locale;
            assert!(
                found.as_ref().is_none_or(|l| !l.is_unknown()),
                "{code} has no CLDR data of its own: run tools/icu-data (found {found:?})"
            );
            // And every formatter builds.
            let _ = Formats::new(code);
        }
    }

    #[test]
    fn dates_come_from_cldr() {
        let day: Vec<String> = ["en-GB", "en-US", "de", "fr", "cs", "uk", "zh-CN"]
            .iter()
            .map(|l| lang(l).unwrap().day(1969, 6, 2))
            .collect();
        assert_eq!(
            day,
            [
                "2 June 1969",
                "June 2, 1969",
                "2. Juni 1969",
                "2 juin 1969",
                "2. června 1969",
                "2 червня 1969\u{202f}р.",
                "1969年6月2日"
            ]
        );
        assert_eq!(lang("de").unwrap().month(1966, 7), "Juli 1966");
        assert_eq!(lang("en-GB").unwrap().month(1966, 7), "July 1966");
        assert_eq!(lang("en-GB").unwrap().year(1968), "1968");
    }

    #[test]
    fn lists_countries_and_relative_years() {
        let de = lang("de").unwrap();
        assert_eq!(de.and_list(&["Leeds", "York", "Lille"]), "Leeds, York und Lille");
        assert_eq!(default().and_list(&["Leeds", "York", "Lille"]), "Leeds, York and Lille");
        assert_eq!(de.or_list(&["Dortmund", "Durban"]), "Dortmund oder Durban");
        let countries: Vec<&str> =
            ["de", "fr", "cs", "uk", "zh-CN"].iter().map(|l| lang(l).unwrap().country("DE").unwrap()).collect();
        assert_eq!(countries, ["Deutschland", "Allemagne", "Německo", "Німеччина", "德国"]);
        assert_eq!(de.years_ago(57, 57), "vor 57 Jahren");
        assert_eq!(de.years_ago(56, 57), "vor 56 Jahren", "whole years, not calendar years");
        // Calendar years next to this one are named; whole years would name the wrong one: a
        // date 3 months back, last December, is "last year"; one 15 months back is "1 year ago".
        assert_eq!(default().years_ago(0, 1), "last year");
        assert_eq!(default().years_ago(1, 2), "1 year ago");
        assert_eq!(default().years_ago(0, 0), "this year");
        assert_eq!(default().years_ago(0, -1), "next year");
        assert_eq!(default().years_ago(-1, -2), "in 1 year");
        let cs = lang("cs").unwrap();
        assert_eq!((cs.years_ago(0, 1), cs.years_ago(0, 0)), ("loni".to_string(), "letos".to_string()));
        assert_eq!(cs.years_ago(1, 2), "před 1 rokem");
    }

    #[test]
    fn rich_values_keep_their_spans() {
        let t = default().join_texts(vec![Text::new().strong("A"), Text::new().user("*b*")], true);
        assert_eq!(t, Text::new().strong("A").text(" or ").user("*b*"));
        assert!(is_clean(&t));
    }
}
