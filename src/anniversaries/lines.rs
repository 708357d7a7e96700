//! How an anniversary is named wherever it is shown: in `/anniversaries`, in the digest post, in
//! `/anniversary-settings`' next posts and in the dry run of the schedule. Two shapes, built from
//! the same phrases: a headline for members, and a brief form for planners' lists, a phrase of
//! its own in each language ("Amiens (69th anniversary)", "Amiens (69. výročí)").

use crate::anniversaries::dates::Anniversary;
use crate::core::data::Directory;
use crate::core::i18n::Lang;
use crate::core::reply::Text;
use crate::core::text::flag;

/// "Dortmund 🇩🇪 — 60th anniversary ★ milestone", the name emphasised when `strong`.
pub fn headline(l: Lang, dir: &Directory, a: &Anniversary, strong: bool) -> Text {
    let p = &dir.partners[a.partner];
    let name = p.name_in(l).to_string();
    let t = if strong { Text::new().strong(name) } else { Text::plain(name) };
    let flag = flag(&p.country_code);
    let rest = if flag.is_empty() { String::new() } else { format!(" {flag}") };
    let t = t.text(format!("{rest} — {}", l.t("anniversary-number", &[("ordinal", l.ordinal(a.number).into())])));
    if a.milestone {
        t.text(format!(" {}", l.t("anniversary-milestone", &[])))
    } else {
        t
    }
}

/// "Dortmund (60th anniversary, milestone)", "Amiens (69th anniversary)".
pub fn brief(l: Lang, dir: &Directory, a: &Anniversary) -> String {
    l.t(
        if a.milestone { "anniversary-brief-milestone" } else { "anniversary-brief" },
        &[("name", dir.partners[a.partner].name_in(l).into()), ("ordinal", l.ordinal(a.number).into())],
    )
}
