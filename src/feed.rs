//! The calendar feeds `twinbot serve` offers beside Discord's interactions:
//! `GET /calendar/<home>.ics`, each home city's anniversaries as an iCalendar feed that calendar
//! apps subscribe to. Not Discord's: the Discord transport does not know of it.
//!
//! Its layer, and what it may import: `tests/architecture.rs`.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{header, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use chrono::Utc;

use crate::app::App;

/// The feeds' routes.
pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/calendar/{file}", get(calendar))
        .route("/calendar/town/{file}", get(town_calendar))
        .with_state(app)
}

/// How far ahead a calendar feed reaches.
const FEED_YEARS: u32 = 3;

/// `GET /calendar/<home>.ics`: a home city's anniversaries for the next three years as an
/// iCalendar feed that calendar apps subscribe to, in the anniversary posts' language or the one
/// asked for with `?locale=de`.
async fn calendar(State(app): State<Arc<App>>, Path(file): Path<String>, uri: Uri) -> Response {
    use crate::anniversaries::calendar::{feed_home, slug};
    let catalog = app.directory();
    let feeds = || {
        let names: Vec<String> = catalog.homes.iter().map(|h| format!("/calendar/{}.ics", slug(&h.name))).collect();
        names.join(", ")
    };
    let Some(home) = file.strip_suffix(".ics").and_then(|name| feed_home(&catalog, name)) else {
        return (StatusCode::NOT_FOUND, format!("no such calendar; the calendars here are {}\n", feeds()))
            .into_response();
    };
    let defaults = app.defaults();
    let lang = match asked_lang(&uri, defaults.lang()) {
        Ok(l) => l,
        Err(r) => return *r,
    };
    feed(&catalog.scoped(&[home]), lang, defaults.timing.tz)
}

/// `GET /calendar/town/<token>.ics`: a server's own town's anniversaries, in its posts' language
/// (or `?locale=`). The token is the feed's only key: a server's id reads nothing, and a token
/// renewed by its moderators reads nothing any more.
async fn town_calendar(State(app): State<Arc<App>>, Path(file): Path<String>, uri: Uri) -> Response {
    let Some((catalog, settings)) = app.town_of_feed(file.strip_suffix(".ics").unwrap_or_default()).await else {
        return (StatusCode::NOT_FOUND, "no such calendar\n").into_response();
    };
    let lang = match asked_lang(&uri, settings.lang()) {
        Ok(l) => l,
        Err(r) => return *r,
    };
    feed(&catalog, lang, settings.timing.tz)
}

/// The language asked for with `?locale=`, else `default`; an unknown one is a 400 naming them.
fn asked_lang(uri: &Uri, default: crate::core::i18n::Lang) -> Result<crate::core::i18n::Lang, Box<Response>> {
    let asked = uri.query().into_iter().flat_map(|q| q.split('&')).find_map(|kv| kv.strip_prefix("locale="));
    match asked {
        None => Ok(default),
        Some(code) => crate::core::i18n::lang(code).ok_or_else(|| {
            let known = crate::core::i18n::LOCALES.join(", ");
            Box::new((StatusCode::BAD_REQUEST, format!("unknown locale; the languages are {known}\n")).into_response())
        }),
    }
}

/// A catalog's anniversaries for the next three years, as the feed's response.
fn feed(dir: &crate::core::data::Directory, lang: crate::core::i18n::Lang, tz: chrono_tz::Tz) -> Response {
    let now = Utc::now();
    let today = now.with_timezone(&tz).date_naive();
    let to = today.checked_add_months(chrono::Months::new(12 * FEED_YEARS)).unwrap_or(today);
    let Some(body) = crate::anniversaries::calendar::ics(dir, lang, today, to.pred_opt().unwrap_or(to), now) else {
        return (StatusCode::NOT_FOUND, "no anniversaries in the next three years\n").into_response();
    };
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "text/calendar; charset=utf-8"), (header::CACHE_CONTROL, "max-age=3600")],
        body,
    )
        .into_response()
}
