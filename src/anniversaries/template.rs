//! Announcement templates: text with placeholders such as `{partner}` and `{ordinal}`, checked
//! when saved so that a mistake is caught by the moderator who made it, not at posting time.

use crate::anniversaries::dates::{occurrence, Anniversary};
use crate::core::data::{Directory, PartialDate, MAX_YEAR};
use crate::core::i18n::{default, Arg, DateValue, Lang, Precision};
use crate::core::phrases::{country, date_value, link_kind};
use crate::core::reply::sanitise;

/// The placeholders a template may use, with what they become.
pub const PLACEHOLDERS: &[(&str, &str)] = &[
    ("home", "the home city: Leeds"),
    ("partner", "the partner city: Dortmund"),
    ("country", "the partner's country: Germany"),
    ("years", "how many years: 60"),
    ("ordinal", "which anniversary: 60th"),
    ("since", "when the link was formalised: 2 June 1969"),
    ("date", "the anniversary's date: 2 June 2029 (or July 2029, or 2029)"),
    ("kind", "the kind of link: twinning"),
];

/// Discord's limit on a message's text.
pub const MAX_POST: usize = 2000;
/// The longest an announcement may be: Discord's limit less room for a role ping and a belated
/// note, which automatic posts add.
pub const MAX_ANNOUNCEMENT: usize = 1800;

/// The template used when none is configured.
pub const DEFAULT_TEMPLATE: &str =
    "🎉 Today we celebrate the {ordinal} anniversary of the {kind} between {home} and {partner} ({country}), which dates from {since}.";

/// What is wrong with a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateError {
    Unknown { name: String, at: usize },
    Unclosed { at: usize },
    Unopened { at: usize },
    Empty,
    TooLong { partner: String, len: usize },
}

impl TemplateError {
    /// What went wrong, in a language: "unknown placeholder {parnter} at character 20; …".
    pub fn describe(&self, l: Lang) -> String {
        let (open, close) = ("{", "}");
        match self {
            // The name as typed, cleaned and shortened as any echo of a member's words: a name of
            // thousands of characters would push the list of placeholders out of the reply.
            TemplateError::Unknown { name, at } => l.t(
                "template-unknown",
                &[
                    ("placeholder", format!("{{{}}}", sanitise(name)).into()),
                    ("at", at.to_string().into()),
                    ("placeholders", names(l).into()),
                ],
            ),
            TemplateError::Unclosed { at } => l.t(
                "template-unclosed",
                &[
                    ("open", open.into()),
                    ("at", at.to_string().into()),
                    ("example", "{partner}".into()),
                    ("double", "{{".into()),
                ],
            ),
            TemplateError::Unopened { at } => l.t(
                "template-unopened",
                &[
                    ("close", close.into()),
                    ("at", at.to_string().into()),
                    ("open", open.into()),
                    ("double", "}}".into()),
                ],
            ),
            TemplateError::Empty => l.t("template-empty", &[]),
            TemplateError::TooLong { partner, len } => l.t(
                "template-too-long",
                &[
                    ("partner", partner.as_str().into()),
                    ("length", (*len).into()),
                    ("max", MAX_ANNOUNCEMENT.into()),
                    ("limit", MAX_POST.into()),
                ],
            ),
        }
    }
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(default()))
    }
}

impl std::error::Error for TemplateError {}

/// "{home}, {partner}, … and {date}": every placeholder, for messages, listed as the language
/// lists.
pub fn names(l: Lang) -> String {
    l.and_list(&PLACEHOLDERS.iter().map(|(n, _)| format!("{{{n}}}")).collect::<Vec<_>>())
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Text(String),
    Field(&'static str),
}

/// A parsed, valid template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    source: String,
    pieces: Vec<Piece>,
    /// The built-in announcement of a language: its message is worded anew for each
    /// anniversary, as its dates' precision asks ("seit dem 2. Juni 1969", "seit 1960").
    builtin: Option<Lang>,
}

impl Template {
    /// Parses a template; `{{` and `}}` are literal braces.
    pub fn parse(source: &str) -> Result<Template, TemplateError> {
        if source.trim().is_empty() {
            return Err(TemplateError::Empty);
        }
        let mut pieces = Vec::new();
        let mut text = String::new();
        let chars: Vec<char> = source.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            match chars[i] {
                '{' if chars.get(i + 1) == Some(&'{') => {
                    text.push('{');
                    i += 2;
                }
                '}' if chars.get(i + 1) == Some(&'}') => {
                    text.push('}');
                    i += 2;
                }
                '{' => {
                    let close = chars[i + 1..].iter().position(|&c| c == '}' || c == '{');
                    let Some(len) = close.filter(|&l| chars[i + 1 + l] == '}') else {
                        return Err(TemplateError::Unclosed { at: i + 1 });
                    };
                    let name: String = chars[i + 1..i + 1 + len].iter().collect();
                    let Some(&(field, _)) = PLACEHOLDERS.iter().find(|(n, _)| *n == name.trim()) else {
                        return Err(TemplateError::Unknown { name, at: i + 1 });
                    };
                    if !text.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(&mut text)));
                    }
                    pieces.push(Piece::Field(field));
                    i += len + 2;
                }
                '}' => return Err(TemplateError::Unopened { at: i + 1 }),
                c => {
                    text.push(c);
                    i += 1;
                }
            }
        }
        if !text.is_empty() {
            pieces.push(Piece::Text(text));
        }
        Ok(Template { source: source.to_string(), pieces, builtin: None })
    }

    /// Parses a template and checks that the announcement of every partnership in `dir` fits a
    /// post: the one full check, wherever a template comes from.
    /// The built-in announcement in a language, as a template: its words are the language's own.
    /// Its source is the message with a placeholder for each value (its dates as if known to the
    /// day); each announcement is the message itself, worded for its dates' precision.
    pub fn builtin(l: Lang) -> Template {
        let args: Vec<(&str, Arg)> = PLACEHOLDERS
            .iter()
            .map(|(n, _)| {
                let placeholder = format!("{{{n}}}");
                let value = match *n {
                    "since" | "date" => Arg::Date(DateValue {
                        precision: Precision::Day,
                        genitive: placeholder.clone(),
                        text: placeholder,
                    }),
                    _ => placeholder.into(),
                };
                (*n, value)
            })
            .collect();
        let t = Template::parse(&l.t("post-default", &args)).expect("the built-in announcements are valid templates");
        Template { builtin: Some(l), ..t }
    }

    /// Parses a template and checks that every announcement it makes fits in a post, in every
    /// language the bot speaks (the posts' language may change after it is saved).
    pub fn check(source: &str, dir: &Directory) -> Result<Template, TemplateError> {
        let t = Template::parse(source)?;
        t.fits(dir)?;
        Ok(t)
    }

    fn fits(&self, dir: &Directory) -> Result<(), TemplateError> {
        for l in crate::core::i18n::all() {
            self.fits_in(dir, l)?;
        }
        Ok(())
    }

    fn fits_in(&self, dir: &Directory, l: Lang) -> Result<(), TemplateError> {
        let t = self;
        for (i, p) in dir.partners.iter().enumerate() {
            // The longest anniversary number the bot will meet (four digits), on the partner's own
            // day in the last year the data allows: no one date is the longest in every language
            // ("1 листопада" is longer than "30 вересня", "6. prosince" than "30. září").
            let when = PartialDate { year: MAX_YEAR, ..p.since };
            let when = match (when.month, when.day) {
                (Some(m), Some(d)) => occurrence(m, d, MAX_YEAR).map_or(when, PartialDate::from),
                _ => when,
            };
            let a = Anniversary { partner: i, number: 1000, when, milestone: true };
            let len = t.render(dir, &a, l).chars().count();
            if len > MAX_ANNOUNCEMENT {
                return Err(TemplateError::TooLong { partner: p.name.clone(), len });
            }
        }
        Ok(())
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    /// The announcement of an anniversary, its dates and words in a language (a built-in
    /// announcement's words in its own).
    pub fn render(&self, dir: &Directory, a: &Anniversary, l: Lang) -> String {
        if let Some(words) = self.builtin {
            let args: Vec<(&str, Arg)> = PLACEHOLDERS.iter().map(|(n, _)| (*n, self.value(dir, a, l, n))).collect();
            return words.t("post-default", &args);
        }
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text(t) => out.push_str(t),
                Piece::Field(f) => match self.value(dir, a, l, f) {
                    Arg::Str(s) => out.push_str(&s),
                    Arg::Date(d) => out.push_str(&d.text),
                    Arg::Num(n) => out.push_str(&n.to_string()),
                },
            }
        }
        out
    }

    /// A placeholder's value for an anniversary, in a language.
    fn value(&self, dir: &Directory, a: &Anniversary, l: Lang, placeholder: &str) -> Arg {
        let p = &dir.partners[a.partner];
        match placeholder {
            "home" => dir.home_of(p).name_in(l).into(),
            "partner" => p.name_in(l).into(),
            "country" => country(l, p).into(),
            "years" => a.number.to_string().into(),
            "ordinal" => l.ordinal(a.number).into(),
            "since" => date_value(l, &p.since).into(),
            "date" => date_value(l, &a.when).into(),
            "kind" => link_kind(l, p.kind).into(),
            _ => String::new().into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leeds() -> Directory {
        Directory::load(&[std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/leeds.toml")]).unwrap()
    }

    #[test]
    fn renders_every_placeholder() {
        let dir = leeds();
        let i = dir.partners.iter().position(|p| p.name == "Dortmund").unwrap();
        let a = crate::anniversaries::dates::in_year(i, &dir.partners[i].since, 2029).unwrap();
        let t = Template::parse("{home}|{partner}|{country}|{years}|{ordinal}|{since}|{date}|{kind}|{{x}}").unwrap();
        assert_eq!(
            t.render(&dir, &a, default()),
            "Leeds|Dortmund|Germany|60|60th|2 June 1969|2 June 2029|twinning|{x}"
        );
        let d = Template::builtin(default()).render(&dir, &a, default());
        assert_eq!(Template::builtin(default()).source(), DEFAULT_TEMPLATE);
        assert_eq!(d, "🎉 Today we celebrate the 60th anniversary of the twinning between Leeds and Dortmund (Germany), which dates from 2 June 1969.");
        let de = crate::core::i18n::lang("de").unwrap();
        let german = t.render(&dir, &a, de);
        assert_eq!(german, "Leeds|Dortmund|Deutschland|60|60.|2. Juni 1969|2. Juni 2029|Städtepartnerschaft|{x}");
        for l in crate::core::i18n::all() {
            let built_in = Template::builtin(l).render(&dir, &a, l);
            let (home, partner) = (dir.homes[0].name_in(l), dir.partners[i].name_in(l));
            assert!(built_in.contains(partner) && built_in.contains(home), "{}: {built_in}", l.code);
            assert!(
                built_in.contains(&crate::core::phrases::date(l, &dir.partners[i].since)),
                "{}: {built_in}",
                l.code
            );
        }
    }

    #[test]
    fn mistakes_are_named() {
        let e = Template::parse("Happy {ordinal} to {parnter}!").unwrap_err();
        assert_eq!(e, TemplateError::Unknown { name: "parnter".into(), at: 20 });
        assert!(e
            .to_string()
            .starts_with("unknown placeholder {parnter} at character 20; the placeholders are {home}, {partner}"));
        assert_eq!(Template::parse("{partner").unwrap_err(), TemplateError::Unclosed { at: 1 });
        assert_eq!(Template::parse("a } b").unwrap_err(), TemplateError::Unopened { at: 3 });
        assert_eq!(Template::parse("  ").unwrap_err(), TemplateError::Empty);
    }

    #[test]
    fn over_long_results_are_refused_when_saved() {
        let dir = leeds();
        let long = format!("{} {{partner}}", "x".repeat(1995));
        let e = Template::check(&long, &dir).unwrap_err();
        assert!(matches!(e, TemplateError::TooLong { len, .. } if len > MAX_ANNOUNCEMENT), "{e}");
        assert!(e.to_string().contains("over the 1800 an announcement may have"), "{e}");
        // The longest partner's name in any language.
        let longest = crate::core::i18n::all()
            .flat_map(|l| dir.partners.iter().map(move |p| p.name_in(l).chars().count()))
            .max()
            .unwrap();
        let just_fits = format!("{} {{partner}}", "x".repeat(MAX_ANNOUNCEMENT - 1 - longest));
        assert!(Template::check(&format!("x{just_fits}"), &dir).is_err(), "one more is too long");
        assert!(Template::check(&just_fits, &dir).is_ok());
        assert!(Template::check(DEFAULT_TEMPLATE, &dir).is_ok());
    }
}
