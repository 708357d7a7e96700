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
    Router::new().route("/calendar/{file}", get(calendar)).with_state(app)
}

/// How far ahead a calendar feed reaches.
const FEED_YEARS: u32 = 3;

/// `GET /calendar/<home>.ics`: a home city's anniversaries for the next three years as an
/// iCalendar feed that calendar apps subscribe to, in the anniversary posts' language or the one
/// asked for with `?locale=de`.
async fn calendar(State(app): State<Arc<App>>, Path(file): Path<String>, uri: Uri) -> Response {
    use crate::anniversaries::calendar::{feed_home, ics, slug};
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
    let asked = uri.query().into_iter().flat_map(|q| q.split('&')).find_map(|kv| kv.strip_prefix("locale="));
    let lang = match asked {
        None => defaults.lang(),
        Some(code) => match crate::core::i18n::lang(code) {
            Some(l) => l,
            None => {
                let known = crate::core::i18n::LOCALES.join(", ");
                return (StatusCode::BAD_REQUEST, format!("unknown locale; the languages are {known}\n"))
                    .into_response();
            }
        },
    };
    let now = Utc::now();
    let today = now.with_timezone(&defaults.timing.tz).date_naive();
    let to = today.checked_add_months(chrono::Months::new(12 * FEED_YEARS)).unwrap_or(today);
    let dir = catalog.scoped(&[home]);
    let Some(body) = ics(&dir, lang, today, to.pred_opt().unwrap_or(to), now) else {
        return (StatusCode::NOT_FOUND, "no anniversaries in the next three years\n").into_response();
    };
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "text/calendar; charset=utf-8"), (header::CACHE_CONTROL, "max-age=3600")],
        body,
    )
        .into_response()
}
