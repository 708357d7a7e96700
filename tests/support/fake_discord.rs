//! A fake Discord on 127.0.0.1 that speaks the real protocol, for driving the real bot binary:
//! REST under `/api/v10` and the gateway websocket (Hello, Identify, READY, heartbeats, Resume,
//! dispatches). It records every request and gateway frame in order so tests can assert on them,
//! and can be told to fail requests (429, 500) or drop the socket.
//!
//! Facts about serenity 0.12.5 this relies on: it calls `GET /api/v10/gateway` and connects to
//! the returned URL with `?v=10` appended; it accepts plain-text frames; it silently drops an
//! INTERACTION_CREATE that lacks fields Discord always sends, so every wait here has a deadline
//! and says what it was waiting for.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{mpsc, Notify};
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::Message;

pub const APP_ID: &str = "1310000000000000000";
pub const GUILD_ID: &str = "1300000000000000000";
pub const CHANNEL_ID: &str = "1300000000000000100";
pub const SESSION_ID: &str = "fake-session-1";

/// One REST request the fake received.
#[derive(Clone, Debug)]
pub struct Request {
    pub method: String,
    /// The path without `/api/v10`, with the query string.
    pub path: String,
    pub headers: Vec<(String, String)>,
    /// The JSON body (Null when there was none); of a multipart body, its `payload_json` part.
    pub body: Value,
    /// The files of a multipart body (`files[0]`, …), in order.
    pub files: Vec<FilePart>,
    pub at: Instant,
}

/// One file of a multipart/form-data request, as Discord receives attachments.
#[derive(Clone, Debug)]
pub struct FilePart {
    /// The form field: `files[0]`.
    pub field: String,
    pub filename: String,
    pub content_type: Option<String>,
    pub bytes: Vec<u8>,
}

/// Splits a multipart/form-data body (RFC 7578) into its `payload_json` and its files.
pub fn parse_multipart(content_type: &str, body: &[u8]) -> Option<(Value, Vec<FilePart>)> {
    let boundary = content_type.split(';').find_map(|p| p.trim().strip_prefix("boundary="))?.trim_matches('"');
    let delimiter = format!("--{boundary}");
    let find = |hay: &[u8], needle: &[u8], from: usize| {
        hay.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|i| i + from)
    };
    let mut payload = Value::Null;
    let mut files = Vec::new();
    let mut at = find(body, delimiter.as_bytes(), 0)? + delimiter.len();
    loop {
        if body.get(at..at + 2) == Some(b"--") {
            return Some((payload, files));
        }
        let start = at + 2; // past CRLF
        let next = find(body, format!("\r\n{delimiter}").as_bytes(), start)?;
        let part = &body[start..next];
        let split = find(part, b"\r\n\r\n", 0)?;
        let head = std::str::from_utf8(&part[..split]).ok()?;
        let content = &part[split + 4..];
        let mut name = None;
        let mut filename = None;
        let mut content_type = None;
        for line in head.split("\r\n") {
            let (key, value) = line.split_once(':')?;
            match key.trim().to_ascii_lowercase().as_str() {
                "content-disposition" => {
                    for p in value.split(';').map(str::trim) {
                        if let Some(v) = p.strip_prefix("name=") {
                            name = Some(v.trim_matches('"').to_string());
                        } else if let Some(v) = p.strip_prefix("filename=") {
                            filename = Some(v.trim_matches('"').to_string());
                        }
                    }
                }
                "content-type" => content_type = Some(value.trim().to_string()),
                _ => {}
            }
        }
        let name = name?;
        if name == "payload_json" {
            payload = serde_json::from_slice(content).ok()?;
        } else {
            files.push(FilePart {
                field: name,
                filename: filename.unwrap_or_default(),
                content_type,
                bytes: content.to_vec(),
            });
        }
        at = next + 2 + delimiter.len();
    }
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
    pub fn is(&self, method: &str, path_prefix: &str) -> bool {
        self.method == method && self.path.starts_with(path_prefix)
    }
}

/// One gateway frame the bot sent.
#[derive(Clone, Debug)]
pub struct Frame {
    pub connection: usize,
    pub payload: Value,
    pub at: Instant,
}

impl Frame {
    /// The opcode; -1 for a close frame (its code is in `payload["close"]`).
    pub fn op(&self) -> i64 {
        self.payload["op"].as_i64().unwrap_or(-1)
    }
}

struct Fault {
    method: String,
    path_prefix: String,
    status: u16,
    body: Value,
    headers: Vec<(String, String)>,
    times: usize,
}

enum Control {
    /// A frame, already serialised.
    Send(String),
    Close(u16),
}

#[derive(Default)]
struct State {
    requests: Vec<Request>,
    frames: Vec<Frame>,
    faults: Vec<Fault>,
    connections: usize,
    control: Option<mpsc::UnboundedSender<Control>>,
    subscribers: Vec<mpsc::UnboundedSender<Request>>,
    seq: u64,
    next_id: u64,
    /// Messages posted to channels, in order (Discord's copy).
    posted: Vec<Value>,
    /// Requests to take and never answer: (method, path prefix, times).
    hangs: Vec<(String, String, usize)>,
    /// Whether requests are kept for `requests()` (subscribers get them either way).
    forget: bool,
    /// Files served as Discord's attachment host serves them, by path.
    attachments: std::collections::HashMap<String, Served>,
    /// The servers' scheduled events, as Discord keeps them.
    events: Vec<Value>,
    /// The time the scheduled-event endpoints check starts against (None: the wall clock).
    clock: Option<Clock>,
    /// Servers where the bot lacks Create Events.
    no_create_events: Vec<String>,
    /// When each scheduled event was made, by the fake's clock.
    made_at: std::collections::HashMap<String, chrono::DateTime<chrono::Utc>>,
    /// Requests to apply and then drop the connection without answering: (method, path prefix,
    /// times).
    drops: Vec<(String, String, usize)>,
}

/// What the fake takes to be now.
pub type Clock = Arc<dyn Fn() -> chrono::DateTime<chrono::Utc> + Send + Sync>;

/// How many scheduled events Discord allows a server at once.
pub const MAX_GUILD_EVENTS: usize = 100;

/// A file as the attachment host serves it: the status, the headers, the body.
type Served = (u16, Vec<(String, String)>, Vec<u8>);

/// The fake. Dropping it stops nothing by itself: its tasks end with the test's runtime.
#[derive(Clone)]
pub struct FakeDiscord {
    pub rest: SocketAddr,
    pub gateway: SocketAddr,
    state: Arc<Mutex<State>>,
    changed: Arc<Notify>,
}

impl FakeDiscord {
    pub async fn start() -> FakeDiscord {
        let rest_listener = TcpListener::bind("127.0.0.1:0").await.expect("bind REST");
        let gw_listener = TcpListener::bind("127.0.0.1:0").await.expect("bind gateway");
        let fake = FakeDiscord {
            rest: rest_listener.local_addr().unwrap(),
            gateway: gw_listener.local_addr().unwrap(),
            state: Arc::new(Mutex::new(State { next_id: 1_400_000_000_000_000_000, ..State::default() })),
            changed: Arc::new(Notify::new()),
        };
        let f = fake.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = rest_listener.accept().await {
                tokio::spawn(f.clone().serve_http(stream));
            }
        });
        let f = fake.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = gw_listener.accept().await {
                tokio::spawn(f.clone().serve_gateway(stream));
            }
        });
        fake
    }

    /// Serves `body` at `/attachments/<name>` with this content type, as Discord's attachment host
    /// would; returns its URL (on the fake's own origin, which the bot's config lists as an
    /// attachment host).
    pub fn attach(&self, name: &str, content_type: &str, body: &[u8]) -> String {
        let path = format!("/attachments/{name}");
        let headers = vec![("content-type".to_string(), content_type.to_string())];
        self.state.lock().unwrap().attachments.insert(path.clone(), (200, headers, body.to_vec()));
        format!("{}{path}", self.api_base())
    }

    /// `/attachments/<name>` answers with a redirect to `location`; returns its URL.
    pub fn attach_redirect(&self, name: &str, location: &str) -> String {
        let path = format!("/attachments/{name}");
        let headers = vec![("location".to_string(), location.to_string())];
        self.state.lock().unwrap().attachments.insert(path.clone(), (302, headers, Vec::new()));
        format!("{}{path}", self.api_base())
    }

    /// How many times `/attachments/<name>` was fetched.
    pub fn fetched(&self, name: &str) -> usize {
        let path = format!("/attachments/{name}");
        self.state.lock().unwrap().requests.iter().filter(|r| r.method == "GET" && r.path == path).count()
    }

    /// Checks scheduled events' times against this clock instead of the wall clock.
    pub fn set_clock(&self, clock: Clock) {
        self.state.lock().unwrap().clock = Some(clock);
    }

    /// Takes (or gives back) the bot's Create Events permission in a server.
    pub fn deny_create_events(&self, guild: &str, denied: bool) {
        let mut s = self.state.lock().unwrap();
        s.no_create_events.retain(|g| g != guild);
        if denied {
            s.no_create_events.push(guild.to_string());
        }
    }

    /// A server's scheduled events as Discord lists them: those not yet ended, in the order made,
    /// with their status by the fake's clock (1 scheduled, 2 active).
    pub fn guild_events(&self, guild: &str) -> Vec<Value> {
        let now = self.now();
        self.all_guild_events(guild)
            .into_iter()
            .filter_map(|mut e| {
                let time = |k: &str| e[k].as_str().and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok());
                let (start, end) = (time("scheduled_start_time")?, time("scheduled_end_time"));
                if end.is_some_and(|end| end <= now) {
                    return None;
                }
                e["status"] = if start <= now { 2.into() } else { 1.into() };
                Some(e)
            })
            .collect()
    }

    /// Every scheduled event a server ever held and still holds (ended ones too).
    pub fn all_guild_events(&self, guild: &str) -> Vec<Value> {
        self.state.lock().unwrap().events.iter().filter(|e| e["guild_id"] == guild).cloned().collect()
    }

    /// When the fake made a scheduled event, by its clock.
    pub fn event_made_at(&self, id: &Value) -> Option<chrono::DateTime<chrono::Utc>> {
        self.state.lock().unwrap().made_at.get(id.as_str()?).copied()
    }

    /// Applies the next `times` requests matching `method` and `path_prefix`, then drops the
    /// connection without an answer: the request took effect, but the bot cannot know.
    pub fn drop_answers(&self, method: &str, path_prefix: &str, times: usize) {
        self.state.lock().unwrap().drops.push((method.into(), path_prefix.into(), times));
    }

    /// A moderator deletes a scheduled event in Discord's client.
    pub fn delete_event_as_moderator(&self, id: &str) {
        self.state.lock().unwrap().events.retain(|e| e["id"] != id);
        self.notify();
    }

    /// A moderator edits a scheduled event in Discord's client: these fields replaced.
    pub fn edit_event_as_moderator(&self, id: &str, fields: Value) {
        let mut s = self.state.lock().unwrap();
        if let Some(e) = s.events.iter_mut().find(|e| e["id"] == id) {
            for (k, v) in fields.as_object().cloned().unwrap_or_default() {
                e[k] = v;
            }
        }
    }

    /// Someone else (a member, another bot) makes a scheduled event in a server; returns its id.
    pub fn add_foreign_event(&self, guild: &str, name: &str, description: &str, start: &str) -> String {
        let id = self.next_id();
        let event = json!({
            "id": id, "guild_id": guild, "channel_id": null, "creator_id": "1200000000000000001",
            "name": name, "description": description, "scheduled_start_time": start,
            "scheduled_end_time": null, "privacy_level": 2, "status": 1, "entity_type": 3,
            "entity_id": null, "entity_metadata": {"location": "the town hall"}, "image": null
        });
        self.state.lock().unwrap().events.push(event);
        id
    }

    /// The value for `DISCORD_API_BASE`.
    pub fn api_base(&self) -> String {
        format!("http://{}", self.rest)
    }

    fn notify(&self) {
        self.changed.notify_waiters();
    }

    fn next_id(&self) -> String {
        let mut s = self.state.lock().unwrap();
        s.next_id += 1;
        s.next_id.to_string()
    }

    /// A stream of every REST request from now on, as it arrives (cheaper than polling
    /// [`FakeDiscord::requests`] when there are thousands).
    pub fn subscribe(&self) -> mpsc::UnboundedReceiver<Request> {
        let (tx, rx) = mpsc::unbounded_channel();
        self.state.lock().unwrap().subscribers.push(tx);
        rx
    }

    /// Every REST request so far, in order.
    pub fn requests(&self) -> Vec<Request> {
        self.state.lock().unwrap().requests.clone()
    }

    /// Every gateway frame the bot sent so far, in order.
    pub fn frames(&self) -> Vec<Frame> {
        self.state.lock().unwrap().frames.clone()
    }

    /// How many gateway connections the bot has opened.
    pub fn connections(&self) -> usize {
        self.state.lock().unwrap().connections
    }

    /// Answers the next `times` requests matching `method` and `path_prefix` with this status.
    pub fn fail(
        &self,
        method: &str,
        path_prefix: &str,
        status: u16,
        body: Value,
        headers: &[(&str, &str)],
        times: usize,
    ) {
        self.state.lock().unwrap().faults.push(Fault {
            method: method.into(),
            path_prefix: path_prefix.into(),
            status,
            body,
            headers: headers.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect(),
            times,
        });
    }

    /// Stops keeping requests (subscribers still get them): for long benchmark runs, where
    /// keeping every body would grow the harness by a hundred megabytes and its page faults
    /// would be timed as the bot's latency.
    pub fn forget_requests(&self) {
        self.state.lock().unwrap().forget = true;
    }

    /// Takes the next `times` requests matching `method` and `path_prefix` and never answers
    /// them, as a Discord that accepted a message but whose answer was lost.
    pub fn hang(&self, method: &str, path_prefix: &str, times: usize) {
        self.state.lock().unwrap().hangs.push((method.into(), path_prefix.into(), times));
    }

    /// The messages posted to channels, as Discord stored them (a resend with a known nonce and
    /// `enforce_nonce` is not stored twice).
    pub fn channel_messages(&self) -> Vec<Value> {
        self.state.lock().unwrap().posted.clone()
    }

    /// Waits until `f` returns Some, or panics after `deadline` saying what was awaited.
    pub async fn wait_for<T>(&self, what: &str, deadline: Duration, f: impl Fn(&FakeDiscord) -> Option<T>) -> T {
        let end = tokio::time::Instant::now() + deadline;
        loop {
            let notified = self.changed.notified();
            if let Some(v) = f(self) {
                return v;
            }
            if tokio::time::timeout_at(end, notified).await.is_err() {
                if let Some(v) = f(self) {
                    return v;
                }
                let reqs: Vec<String> = self.requests().iter().map(|r| format!("{} {}", r.method, r.path)).collect();
                let ops: Vec<i64> = self.frames().iter().map(Frame::op).collect();
                panic!(
                    "timed out after {deadline:?} waiting for {what}\n  REST requests so far: {reqs:?}\n  gateway ops from the bot: {ops:?}"
                );
            }
        }
    }

    /// Waits for the `n`-th (1-based) request matching method and path prefix.
    pub async fn wait_for_request(&self, method: &str, path_prefix: &str, n: usize, deadline: Duration) -> Request {
        self.wait_for(&format!("request #{n} {method} {path_prefix}"), deadline, |f| {
            f.requests().into_iter().filter(|r| r.is(method, path_prefix)).nth(n - 1)
        })
        .await
    }

    /// Waits for the `n`-th (1-based) gateway frame with this opcode.
    pub async fn wait_for_op(&self, op: i64, n: usize, deadline: Duration) -> Frame {
        self.wait_for(&format!("gateway op {op} #{n}"), deadline, |f| {
            f.frames().into_iter().filter(|fr| fr.op() == op).nth(n - 1)
        })
        .await
    }

    /// Sends a dispatch event on the current connection; returns when the frame, serialised,
    /// was handed to the socket's writer (the start of a dispatch → callback measurement).
    pub fn dispatch(&self, event: &str, data: Value) -> Instant {
        let mut s = self.state.lock().unwrap();
        s.seq += 1;
        let frame = json!({"op": 0, "t": event, "s": s.seq, "d": data}).to_string();
        let Some(tx) = &s.control else { panic!("no gateway connection to dispatch {event} on") };
        let at = Instant::now();
        let _ = tx.send(Control::Send(frame));
        at
    }

    /// Sends any frame on the current connection (op 9 Invalid Session, op 7 Reconnect, …).
    pub fn send_raw(&self, frame: Value) {
        if let Some(tx) = &self.state.lock().unwrap().control {
            let _ = tx.send(Control::Send(frame.to_string()));
        }
    }

    /// Closes the current gateway connection with this close code (4000: unknown error, which
    /// tells the client it may resume).
    pub fn drop_connection(&self, code: u16) {
        if let Some(tx) = self.state.lock().unwrap().control.take() {
            let _ = tx.send(Control::Close(code));
        }
    }

    async fn serve_gateway(self, stream: TcpStream) {
        let _ = stream.set_nodelay(true);
        let Ok(mut ws) = tokio_tungstenite::accept_async(stream).await else { return };
        let (tx, mut rx) = mpsc::unbounded_channel();
        let connection = {
            let mut s = self.state.lock().unwrap();
            s.connections += 1;
            s.control = Some(tx);
            s.connections
        };
        self.notify();
        let hello = json!({"op": 10, "d": {"heartbeat_interval": 41250}});
        if ws.send(Message::Text(hello.to_string())).await.is_err() {
            return;
        }
        loop {
            tokio::select! {
                msg = ws.next() => {
                    let Some(Ok(msg)) = msg else { break };
                    let text = match msg {
                        Message::Text(t) => t,
                        Message::Binary(b) => String::from_utf8_lossy(&b).into_owned(),
                        Message::Close(frame) => {
                            let code = frame.map(|f| u16::from(f.code));
                            self.state.lock().unwrap().frames.push(Frame { connection, payload: json!({"op": -1, "close": code}), at: Instant::now() });
                            self.notify();
                            break;
                        }
                        _ => continue,
                    };
                    let Ok(payload) = serde_json::from_str::<Value>(&text) else { continue };
                    let reply = self.gateway_reply(&payload);
                    self.state.lock().unwrap().frames.push(Frame { connection, payload, at: Instant::now() });
                    self.notify();
                    if let Some(r) = reply {
                        if ws.send(Message::Text(r.to_string())).await.is_err() {
                            break;
                        }
                    }
                }
                ctl = rx.recv() => match ctl {
                    Some(Control::Send(v)) => {
                        if ws.send(Message::Text(v)).await.is_err() {
                            break;
                        }
                    }
                    Some(Control::Close(code)) => {
                        let _ = ws.send(Message::Close(Some(CloseFrame { code: CloseCode::from(code), reason: "fake: closed on command".into() }))).await;
                        break;
                    }
                    None => break,
                },
            }
        }
    }

    fn gateway_reply(&self, payload: &Value) -> Option<Value> {
        match payload["op"].as_i64() {
            Some(1) => Some(json!({"op": 11})),
            Some(2) => {
                let mut s = self.state.lock().unwrap();
                s.seq += 1;
                Some(json!({
                    "op": 0, "t": "READY", "s": s.seq,
                    "d": {
                        "v": 10,
                        "user": bot_user(),
                        "guilds": [{"id": GUILD_ID, "unavailable": true}],
                        "session_id": SESSION_ID,
                        "resume_gateway_url": format!("ws://{}", self.gateway),
                        "shard": [0, 1],
                        "application": {"id": APP_ID, "flags": 0}
                    }
                }))
            }
            Some(6) => {
                let mut s = self.state.lock().unwrap();
                s.seq += 1;
                Some(json!({"op": 0, "t": "RESUMED", "s": s.seq, "d": {}}))
            }
            _ => None,
        }
    }

    async fn serve_http(self, stream: TcpStream) {
        let _ = stream.set_nodelay(true);
        let (read, mut write) = stream.into_split();
        let mut reader = BufReader::new(read);
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).await.unwrap_or(0) == 0 {
                return;
            }
            let mut parts = line.split_whitespace();
            let (Some(method), Some(target)) = (parts.next(), parts.next()) else { return };
            let (method, target) = (method.to_string(), target.to_string());
            let mut headers = Vec::new();
            loop {
                let mut h = String::new();
                if reader.read_line(&mut h).await.unwrap_or(0) == 0 {
                    return;
                }
                let h = h.trim_end();
                if h.is_empty() {
                    break;
                }
                if let Some((n, v)) = h.split_once(':') {
                    headers.push((n.trim().to_ascii_lowercase(), v.trim().to_string()));
                }
            }
            let len =
                headers.iter().find(|(n, _)| n == "content-length").and_then(|(_, v)| v.parse().ok()).unwrap_or(0);
            let mut body = vec![0u8; len];
            if reader.read_exact(&mut body).await.is_err() {
                return;
            }
            // Received in full: the moment the bot's answer has arrived.
            let at = Instant::now();
            let path = target.strip_prefix("/api/v10").unwrap_or(&target).to_string();
            let content_type = headers.iter().find(|(n, _)| n == "content-type").map(|(_, v)| v.clone());
            let (body, files) = match content_type {
                Some(ct) if ct.starts_with("multipart/form-data") => {
                    parse_multipart(&ct, &body).expect("a well-formed multipart/form-data body")
                }
                _ => (serde_json::from_slice(&body).unwrap_or(Value::Null), Vec::new()),
            };
            let request = Request { method: method.clone(), path: path.clone(), headers, body, files, at };
            let hang = {
                let mut s = self.state.lock().unwrap();
                let rule = s.hangs.iter_mut().find(|(m, p, n)| *n > 0 && request.is(m, p));
                rule.map(|r| r.2 -= 1).is_some()
            };
            let dropped = {
                let mut s = self.state.lock().unwrap();
                let rule = s.drops.iter_mut().find(|(m, p, n)| *n > 0 && request.is(m, p));
                rule.map(|r| r.2 -= 1).is_some()
            };
            if dropped {
                let _ = self.route(&request);
                self.state.lock().unwrap().requests.push(request.clone());
                self.notify();
                return;
            }
            if hang {
                // Discord applies the request (a message is stored) but the answer never comes.
                let _ = self.route(&request);
                self.state.lock().unwrap().requests.push(request.clone());
                self.notify();
                std::future::pending::<()>().await;
            }
            let file = self.state.lock().unwrap().attachments.get(&path).cloned();
            if let (Some((status, file_headers, bytes)), "GET") = (file, method.as_str()) {
                self.state.lock().unwrap().requests.push(request);
                self.notify();
                let mut head = format!("HTTP/1.1 {status} {}\r\ncontent-length: {}\r\n", reason(status), bytes.len());
                for (n, v) in file_headers {
                    head.push_str(&format!("{n}: {v}\r\n"));
                }
                head.push_str("\r\n");
                let mut out = head.into_bytes();
                out.extend_from_slice(&bytes);
                if write.write_all(&out).await.is_err() {
                    return;
                }
                continue;
            }
            let (status, resp_headers, resp) = self.route(&request);
            {
                let mut s = self.state.lock().unwrap();
                s.subscribers.retain(|tx| tx.send(request.clone()).is_ok());
                if !s.forget {
                    s.requests.push(request);
                }
            }
            self.notify();
            let body = if status == 204 { String::new() } else { resp.to_string() };
            let mut head = format!(
                "HTTP/1.1 {status} {}\r\ncontent-length: {}\r\ncontent-type: application/json\r\n",
                reason(status),
                body.len()
            );
            for (n, v) in resp_headers {
                head.push_str(&format!("{n}: {v}\r\n"));
            }
            head.push_str("\r\n");
            head.push_str(&body);
            // One write per response: a separate write for the body would meet Nagle's algorithm
            // and the client's delayed ACK, and add 40 ms.
            if write.write_all(head.as_bytes()).await.is_err() {
                return;
            }
        }
    }

    fn route(&self, r: &Request) -> (u16, Vec<(String, String)>, Value) {
        {
            let mut s = self.state.lock().unwrap();
            if let Some(f) = s.faults.iter_mut().find(|f| f.times > 0 && r.is(&f.method, &f.path_prefix)) {
                f.times -= 1;
                return (f.status, f.headers.clone(), f.body.clone());
            }
        }
        let ok = |v: Value| (200, Vec::new(), v);
        let segs: Vec<&str> = r.path.split('?').next().unwrap_or("").trim_matches('/').split('/').collect();
        match (r.method.as_str(), segs.as_slice()) {
            ("GET", ["gateway"]) => ok(json!({"url": format!("ws://{}", self.gateway)})),
            ("GET", ["gateway", "bot"]) => ok(json!({
                "url": format!("ws://{}", self.gateway), "shards": 1,
                "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
            })),
            ("GET", ["users", "@me"]) => ok(bot_user()),
            ("GET", ["oauth2", "applications", "@me"]) | ("GET", ["applications", "@me"]) => ok(json!({
                "id": APP_ID, "name": "twinbot", "icon": null, "description": "", "summary": "",
                "bot_public": true, "bot_require_code_grant": false, "verify_key": "0".repeat(64),
                "flags": 0, "owner": bot_user(), "team": null, "bot": bot_user()
            })),
            ("PUT", ["applications", _, "commands"]) => ok(self.echo_commands(&r.body, None)),
            ("PUT", ["applications", _, "guilds", g, "commands"]) => ok(self.echo_commands(&r.body, Some(g))),
            // With `?with_response=…` (discord.py 2.5+ asks for it) Discord answers 200 with the
            // interaction callback response; without, 204.
            ("POST", ["interactions", id, _, "callback"]) if r.path.contains("with_response") => ok(json!({
                "interaction": {
                    "id": id, "type": 2, "response_message_id": self.next_id(),
                    "response_message_loading": false, "response_message_ephemeral": false
                },
                "resource": {"type": 4, "message": self.message(CHANNEL_ID, &r.body["data"])}
            })),
            ("POST", ["interactions", _, _, "callback"]) => (204, Vec::new(), Value::Null),
            ("PATCH", ["webhooks", _, _, "messages", _]) | ("POST", ["webhooks", _, _]) => {
                ok(self.message(CHANNEL_ID, &r.body))
            }
            ("POST", ["channels", c, "messages"]) => ok(self.post_message(c, &r.body)),
            ("GET", ["channels", c, "messages"]) => {
                let s = self.state.lock().unwrap();
                let mut list: Vec<Value> = s.posted.iter().filter(|m| m["channel_id"] == *c).cloned().collect();
                list.reverse(); // newest first, as Discord lists them
                ok(Value::Array(list))
            }
            ("GET", ["guilds", g, "scheduled-events"]) => ok(Value::Array(self.guild_events(g))),
            ("POST", ["guilds", g, "scheduled-events"]) => self.create_event(g, &r.body),
            ("PATCH", ["guilds", g, "scheduled-events", id]) => self.edit_event(g, id, &r.body),
            ("DELETE", ["guilds", g, "scheduled-events", id]) => {
                let mut s = self.state.lock().unwrap();
                let before = s.events.len();
                s.events.retain(|e| !(e["guild_id"] == *g && e["id"] == *id));
                if s.events.len() == before {
                    unknown_event()
                } else {
                    (204, Vec::new(), Value::Null)
                }
            }
            _ => (404, Vec::new(), json!({"message": "404: Not Found", "code": 0})),
        }
    }

    fn now(&self) -> chrono::DateTime<chrono::Utc> {
        let clock = self.state.lock().unwrap().clock.clone();
        clock.map_or_else(chrono::Utc::now, |c| c())
    }

    /// `POST /guilds/{id}/scheduled-events`, checked as Discord checks it.
    fn create_event(&self, guild: &str, body: &Value) -> (u16, Vec<(String, String)>, Value) {
        if self.state.lock().unwrap().no_create_events.iter().any(|g| g == guild) {
            return (403, Vec::new(), json!({"message": "Missing Permissions", "code": 50013}));
        }
        if let Err(why) = check_event(body, true, self.now()) {
            return invalid_form(why);
        }
        let open = self.guild_events(guild).len();
        if open >= MAX_GUILD_EVENTS {
            return (
                400,
                Vec::new(),
                json!({"message": "Maximum number of guild events reached (100)", "code": 30038}),
            );
        }
        let id = self.next_id();
        let event = json!({
            "id": id, "guild_id": guild, "channel_id": null, "creator_id": APP_ID, "creator": bot_user(),
            "name": body["name"], "description": body.get("description").cloned().unwrap_or(Value::Null),
            "scheduled_start_time": body["scheduled_start_time"], "scheduled_end_time": body["scheduled_end_time"],
            "privacy_level": body["privacy_level"], "status": 1, "entity_type": body["entity_type"],
            "entity_id": null, "entity_metadata": body["entity_metadata"],
            "image": body.get("image").and_then(Value::as_str).map(image_hash),
            "user_count": 0
        });
        let now = self.now();
        let mut s = self.state.lock().unwrap();
        s.events.push(event.clone());
        s.made_at.insert(id, now);
        (200, Vec::new(), event)
    }

    /// `PATCH /guilds/{id}/scheduled-events/{event}`: only the bot's own may be edited.
    fn edit_event(&self, guild: &str, id: &str, body: &Value) -> (u16, Vec<(String, String)>, Value) {
        let now = self.now();
        let mut s = self.state.lock().unwrap();
        let denied = s.no_create_events.iter().any(|g| g == guild);
        let Some(e) = s.events.iter_mut().find(|e| e["guild_id"] == guild && e["id"] == id) else {
            return unknown_event();
        };
        // Create Events lets the bot edit its own events; others' need Manage Events.
        if e["creator_id"] != APP_ID || denied {
            return (403, Vec::new(), json!({"message": "Missing Permissions", "code": 50013}));
        }
        let mut merged = e.clone();
        for (k, v) in body.as_object().cloned().unwrap_or_default() {
            merged[k.as_str()] = if k == "image" { json!(v.as_str().map(image_hash)) } else { v };
        }
        if let Err(why) = check_event(&merged, body.get("scheduled_start_time").is_some(), now) {
            return invalid_form(why);
        }
        *e = merged.clone();
        (200, Vec::new(), merged)
    }

    fn echo_commands(&self, body: &Value, guild: Option<&str>) -> Value {
        let cmds = body.as_array().cloned().unwrap_or_default();
        Value::Array(
            cmds.into_iter()
                .map(|mut c| {
                    let obj = c.as_object_mut().expect("a command object");
                    obj.insert("id".into(), json!(self.next_id()));
                    obj.insert("application_id".into(), json!(APP_ID));
                    obj.insert("version".into(), json!(self.next_id()));
                    obj.entry("type").or_insert(json!(1));
                    obj.entry("default_member_permissions").or_insert(Value::Null);
                    if let Some(g) = guild {
                        obj.insert("guild_id".into(), json!(g));
                    }
                    c
                })
                .collect(),
        )
    }

    /// A message posted to a channel: with `enforce_nonce`, a nonce seen before returns the
    /// message it made instead of a new one.
    fn post_message(&self, channel: &str, body: &Value) -> Value {
        if body["enforce_nonce"] == true && !body["nonce"].is_null() {
            let s = self.state.lock().unwrap();
            if let Some(m) = s.posted.iter().find(|m| m["channel_id"] == channel && m["nonce"] == body["nonce"]) {
                return m.clone();
            }
        }
        let mut m = self.message(channel, body);
        m["timestamp"] = json!(chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, false));
        self.state.lock().unwrap().posted.push(m.clone());
        m
    }

    fn message(&self, channel: &str, body: &Value) -> Value {
        json!({
            "id": self.next_id(),
            "channel_id": channel,
            "author": bot_user(),
            "content": body.get("content").cloned().unwrap_or(json!("")),
            "timestamp": "2026-11-28T09:00:00.000000+00:00",
            "edited_timestamp": null,
            "tts": false,
            "mention_everyone": false,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "embeds": body.get("embeds").cloned().unwrap_or(json!([])),
            "pinned": false,
            "type": 0,
            "flags": body.get("flags").cloned().unwrap_or(json!(0)),
            "nonce": body.get("nonce").cloned().unwrap_or(Value::Null),
        })
    }
}

fn unknown_event() -> (u16, Vec<(String, String)>, Value) {
    (404, Vec::new(), json!({"message": "Unknown Guild Scheduled Event", "code": 10070}))
}

fn invalid_form(why: String) -> (u16, Vec<(String, String)>, Value) {
    (400, Vec::new(), json!({"message": "Invalid Form Body", "code": 50035, "errors": {"_errors": [{"message": why}]}}))
}

/// Discord's rules for a scheduled event: a name of 1–100 characters, a description of at
/// most 1,000, privacy GUILD_ONLY; an EXTERNAL event (type 3) has a location of 1–100 characters
/// and an end after its start; a start being set must be in the future.
fn check_event(e: &Value, start_set: bool, now: chrono::DateTime<chrono::Utc>) -> Result<(), String> {
    let chars = |v: &Value| v.as_str().map(|s| s.chars().count());
    if !matches!(chars(&e["name"]), Some(1..=100)) {
        return Err(format!("name must be 1-100 characters: {}", e["name"]));
    }
    if let Some(n) = chars(&e["description"]) {
        if n > 1000 {
            return Err(format!("description must be at most 1000 characters, not {n}"));
        }
    }
    if e["privacy_level"] != 2 {
        return Err("privacy_level must be GUILD_ONLY (2)".into());
    }
    let time = |v: &Value| v.as_str().and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok());
    let Some(start) = time(&e["scheduled_start_time"]) else { return Err("scheduled_start_time is required".into()) };
    if start_set && start <= now {
        return Err(format!("scheduled_start_time {start} must be in the future (now {now})"));
    }
    if e["entity_type"] == 3 {
        if !matches!(chars(&e["entity_metadata"]["location"]), Some(1..=100)) {
            return Err("an EXTERNAL event needs entity_metadata.location of 1-100 characters".into());
        }
        match time(&e["scheduled_end_time"]) {
            Some(end) if end > start => {}
            _ => return Err("an EXTERNAL event needs a scheduled_end_time after its start".into()),
        }
        if !e["channel_id"].is_null() {
            return Err("an EXTERNAL event has no channel_id".into());
        }
    }
    if let Some(image) = e.get("image").and_then(Value::as_str) {
        let hash = image.len() == 32 && image.bytes().all(|b| b.is_ascii_hexdigit());
        if !hash && !image.starts_with("data:image/") {
            return Err("image must be a data URI".into());
        }
    }
    Ok(())
}

/// The hash Discord names a stored image by (32 hex digits), for a data URI received.
fn image_hash(data_uri: &str) -> String {
    let sum = data_uri.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
    format!("{sum:016x}{:016x}", data_uri.len())
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        204 => "No Content",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        _ => "Status",
    }
}

/// The bot's own user, as Discord describes it.
pub fn bot_user() -> Value {
    json!({
        "id": APP_ID, "username": "twinbot", "discriminator": "0", "global_name": null,
        "avatar": null, "bot": true, "flags": 0, "public_flags": 0, "mfa_enabled": true, "verified": true
    })
}
