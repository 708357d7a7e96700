//! Fetching the file a moderator attached to `/town import`: only from Discord's attachment hosts
//! (config.toml's `towns.attachment_hosts`), over HTTPS, at most [`MAX_DOCUMENT`] bytes (refused
//! on the size Discord declares before anything is fetched, and again while reading), within
//! [`FETCH_TIMEOUT`], never redirected to another host, and only text.

use std::sync::Arc;
use std::time::Duration;

use reqwest::Url;

use crate::commands::Attached;
use crate::state::files::ImportError;
use crate::state::town::MAX_DOCUMENT;

/// How long fetching a file may take, connecting included.
pub const FETCH_TIMEOUT: Duration = Duration::from_secs(10);

/// The content types an import may have (Discord's for `.toml` and `.csv` files, and what
/// spreadsheets and editors declare for them); a parameter such as `; charset=utf-8` is allowed.
const TEXT_TYPES: [&str; 9] = [
    "text/plain",
    "text/csv",
    "text/x-toml",
    "application/toml",
    "application/x-toml",
    "application/csv",
    "text/comma-separated-values",
    "application/vnd.ms-excel",
    "application/octet-stream",
];

/// Where attachments may be fetched from.
#[derive(Debug, Clone)]
struct Origins(Arc<Vec<Origin>>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Origin {
    scheme: String,
    host: String,
    port: Option<u16>,
}

impl Origins {
    fn new(hosts: &[String]) -> Origins {
        let list = hosts
            .iter()
            .filter_map(|h| {
                if h.contains("://") {
                    let u = Url::parse(h).ok()?;
                    Some(Origin { scheme: u.scheme().into(), host: u.host_str()?.to_ascii_lowercase(), port: u.port() })
                } else {
                    Some(Origin { scheme: "https".into(), host: h.trim().to_ascii_lowercase(), port: None })
                }
            })
            .collect();
        Origins(Arc::new(list))
    }

    /// Whether a URL is on one of the hosts, by the scheme and port it was listed with.
    fn allow(&self, u: &Url) -> bool {
        let host = u.host_str().unwrap_or_default().to_ascii_lowercase();
        self.0.iter().any(|o| o.scheme == u.scheme() && o.host == host && o.port == u.port())
    }
}

/// Fetches attachments.
pub struct Fetcher {
    client: reqwest::Client,
    origins: Origins,
}

impl Fetcher {
    pub fn new(hosts: &[String]) -> Fetcher {
        let origins = Origins::new(hosts);
        let allowed = origins.clone();
        // A redirect is followed only to the hosts themselves (Discord's CDN moves files between
        // its own hosts), at most twice; any other is not followed, and refused below.
        let policy = reqwest::redirect::Policy::custom(move |attempt| {
            if attempt.previous().len() < 2 && allowed.allow(attempt.url()) {
                attempt.follow()
            } else {
                attempt.stop()
            }
        });
        let client = reqwest::Client::builder()
            .redirect(policy)
            .timeout(FETCH_TIMEOUT)
            .connect_timeout(FETCH_TIMEOUT)
            .user_agent(concat!("twinbot/", env!("CARGO_PKG_VERSION")))
            .build()
            .expect("a client with rustls and no other settings builds");
        Fetcher { client, origins }
    }

    /// What may be refused before fetching: the declared size, the host, the declared type.
    pub fn precheck(&self, file: &Attached) -> Result<Url, ImportError> {
        if file.size > MAX_DOCUMENT as u64 {
            return Err(ImportError::TooBig { size: file.size, limit: MAX_DOCUMENT });
        }
        let url = Url::parse(&file.url).map_err(|_| ImportError::NotDiscord { host: String::new() })?;
        if !self.origins.allow(&url) {
            return Err(ImportError::NotDiscord { host: url.host_str().unwrap_or_default().to_string() });
        }
        if let Some(t) = &file.content_type {
            text_type(t)?;
        }
        Ok(url)
    }

    /// The file's text.
    pub async fn fetch(&self, file: &Attached) -> Result<String, ImportError> {
        let url = self.precheck(file)?;
        let failed = |e: reqwest::Error| {
            if e.is_timeout() {
                ImportError::Timeout { seconds: FETCH_TIMEOUT.as_secs() }
            } else {
                ImportError::Unreachable { why: plain(e) }
            }
        };
        let mut response = self.client.get(url).send().await.map_err(failed)?;
        let status = response.status();
        if status.is_redirection() {
            let to = response.headers().get(reqwest::header::LOCATION).and_then(|l| l.to_str().ok()).unwrap_or("");
            let host = response.url().join(to).ok().and_then(|u| u.host_str().map(str::to_string));
            return Err(ImportError::Redirected { to: host.unwrap_or_else(|| to.chars().take(80).collect()) });
        }
        if !status.is_success() {
            return Err(ImportError::Unreachable { why: format!("HTTP {status}") });
        }
        if let Some(t) = response.headers().get(reqwest::header::CONTENT_TYPE) {
            text_type(t.to_str().unwrap_or("?"))?;
        }
        let too_big = |size: u64| ImportError::TooBig { size, limit: MAX_DOCUMENT };
        if let Some(n) = response.content_length().filter(|&n| n > MAX_DOCUMENT as u64) {
            return Err(too_big(n));
        }
        let mut body: Vec<u8> = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(failed)? {
            body.extend_from_slice(&chunk);
            if body.len() > MAX_DOCUMENT {
                return Err(too_big(body.len() as u64));
            }
        }
        String::from_utf8(body).map_err(|_| ImportError::NotText)
    }
}

/// A content type an import may have.
fn text_type(t: &str) -> Result<(), ImportError> {
    let bare = t.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    if TEXT_TYPES.contains(&bare.as_str()) {
        Ok(())
    } else {
        Err(ImportError::ContentType { found: bare.chars().take(60).collect() })
    }
}

/// A fetch's error without its URL (which holds Discord's signature of the attachment).
fn plain(e: reqwest::Error) -> String {
    let e = e.without_url();
    let mut words = e.to_string();
    let mut source = std::error::Error::source(&e);
    while let Some(s) = source {
        words = format!("{words}: {s}");
        source = s.source();
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(url: &str, size: u64, content_type: Option<&str>) -> Attached {
        Attached {
            id: 1,
            filename: "town.csv".into(),
            size,
            url: url.into(),
            content_type: content_type.map(str::to_string),
        }
    }

    #[test]
    fn only_discords_hosts_over_https_and_small_text_files_are_fetched() {
        let f = Fetcher::new(&crate::config::ATTACHMENT_HOSTS.map(String::from));
        let ok = "https://cdn.discordapp.com/attachments/1/2/town.csv?ex=1&is=2&hm=3";
        assert!(f.precheck(&file(ok, 10, Some("text/csv; charset=utf-8"))).is_ok());
        assert!(f.precheck(&file("https://MEDIA.discordapp.net/x.toml", 10, None)).is_ok());
        for (url, host) in [
            ("http://cdn.discordapp.com/x.csv", "cdn.discordapp.com"),
            ("https://cdn.discordapp.com.evil.example/x.csv", "cdn.discordapp.com.evil.example"),
            ("https://cdn.discordapp.com:8443/x.csv", "cdn.discordapp.com"),
            ("https://evil.example/cdn.discordapp.com/x.csv", "evil.example"),
        ] {
            assert_eq!(f.precheck(&file(url, 10, None)), Err(ImportError::NotDiscord { host: host.into() }), "{url}");
        }
        assert_eq!(
            f.precheck(&file(ok, MAX_DOCUMENT as u64 + 1, None)),
            Err(ImportError::TooBig { size: MAX_DOCUMENT as u64 + 1, limit: MAX_DOCUMENT })
        );
        assert_eq!(
            f.precheck(&file(ok, 10, Some("image/png"))),
            Err(ImportError::ContentType { found: "image/png".into() })
        );
        let local = Fetcher::new(&["http://127.0.0.1:8080".to_string()]);
        assert!(local.precheck(&file("http://127.0.0.1:8080/x.csv", 10, None)).is_ok());
        assert!(local.precheck(&file("http://127.0.0.1:8081/x.csv", 10, None)).is_err());
    }
}
