//! The project's one static-file server: HTTP/1.1 on 127.0.0.1 (std only), GET and HEAD,
//! a thread and one request per connection, [`CSP`] on every response, nothing read
//! outside the directory. `Access-Control-Allow-Origin: *` lets other origins embed the
//! explorer (its module script and wasm are fetched with CORS), as a production host
//! would be set up to. Like a static host's precompression (nginx's `gzip_static`), a file
//! with a sibling `NAME.br` or `NAME.gz` is sent in that coding when the request accepts
//! it and `--encodings` allows it: the browser benchmark writes those siblings
//! (benches/browser/serve.mjs). `cargo xtask serve`, the end-to-end tests and the
//! benchmarks all use this server.

use std::io::{BufRead, BufReader, ErrorKind, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::Path;
use std::time::Duration;

/// The Content-Security-Policy every response carries: the project's one policy (the
/// end-to-end tests get it from `cargo xtask test` as `E2E_CSP`).
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/// The most bytes of request line and headers read from one connection.
const MAX_HEAD: u64 = 16 * 1024;

/// The precompressed codings the server may send, in preference order, and the suffix of
/// the sibling file that holds each.
const CODINGS: &[(&str, &str)] = &[("br", ".br"), ("gzip", ".gz")];

/// `serve`'s options: `--port N` (default 8000; 0 asks the system for a free port),
/// `--dir DIR` (serve a built site as it is instead of building dist/), `--encodings
/// LIST` (the codings it may send, `br,gzip` by default; empty: none).
#[derive(Debug, PartialEq)]
pub struct Options {
    pub port: u16,
    pub dir: Option<std::path::PathBuf>,
    pub encodings: Vec<&'static str>,
}

/// Parses `serve`'s options (`--name value` or `--name=value`).
pub fn options(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        port: 8000,
        dir: None,
        encodings: CODINGS.iter().map(|(name, _)| *name).collect(),
    };
    let mut args = args.iter().skip(1).map(String::as_str);
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) => (name, Some(value)),
            None => (arg, None),
        };
        let mut value = || {
            inline
                .or_else(|| args.next())
                .ok_or(format!("{name} needs a value"))
        };
        match name {
            "--port" => {
                let value = value()?;
                options.port = value.parse().map_err(|_| {
                    format!("bad --port {value:?}: expected a number from 0 to 65535")
                })?;
            }
            "--dir" => options.dir = Some(crate::root().join(value()?)),
            "--encodings" => {
                let value = value()?;
                options.encodings = value
                    .split(',')
                    .filter(|c| !c.is_empty())
                    .map(|c| {
                        CODINGS
                            .iter()
                            .find(|(name, _)| *name == c)
                            .map(|(name, _)| *name)
                            .ok_or(format!("unknown coding {c:?} in --encodings: br, gzip"))
                    })
                    .collect::<Result<_, _>>()?;
            }
            other => return Err(format!("unknown serve option {other}")),
        }
    }
    Ok(options)
}

/// Serves `dir` on 127.0.0.1:`port` until the process is killed. Prints
/// "xtask: serving DIR on http://127.0.0.1:PORT/" on stderr once listening.
pub fn serve(dir: &Path, port: u16, encodings: Vec<&'static str>) -> Result<(), String> {
    let listener = TcpListener::bind(("127.0.0.1", port)).map_err(|e| match e.kind() {
        ErrorKind::AddrInUse => {
            format!("port {port} is already in use on 127.0.0.1; pick another with --port N")
        }
        _ => format!("cannot listen on 127.0.0.1:{port}: {e}"),
    })?;
    serve_on(listener, dir, encodings)
}

/// Serves `dir` on a free port of 127.0.0.1 from a background thread (for the tests);
/// returns the base URL, `http://127.0.0.1:PORT/`.
pub fn spawn(dir: &Path) -> Result<String, String> {
    let listener = TcpListener::bind(("127.0.0.1", 0)).map_err(|e| e.to_string())?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    let dir = dir.to_path_buf();
    std::thread::spawn(move || {
        if let Err(e) = serve_on(listener, &dir, Vec::new()) {
            eprintln!("xtask: {e}");
        }
    });
    Ok(format!("http://127.0.0.1:{port}/"))
}

/// [`serve`] on an already-bound listener (tests bind port 0).
fn serve_on(listener: TcpListener, dir: &Path, encodings: Vec<&'static str>) -> Result<(), String> {
    let root = dir
        .canonicalize()
        .map_err(|e| format!("cannot serve {}: {e}", dir.display()))?;
    if !root.is_dir() {
        return Err(format!("cannot serve {}: not a directory", dir.display()));
    }
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    let shown = dir.display();
    eprintln!("xtask: serving {shown} on http://127.0.0.1:{port}/");
    for stream in listener.incoming() {
        match stream {
            Ok(stream) => {
                let root = root.clone();
                let encodings = encodings.clone();
                std::thread::spawn(move || handle(&stream, &root, &encodings));
            }
            Err(e) => {
                eprintln!("xtask: accept failed: {e}");
                std::thread::sleep(Duration::from_millis(100));
            }
        }
    }
    Ok(())
}

struct Response {
    status: u16,
    reason: &'static str,
    content_type: &'static str,
    body: Vec<u8>,
    /// One more header: `Location` for redirects, `Allow` for 405.
    extra: Option<(&'static str, String)>,
    /// The body's `Content-Encoding`, when it is a precompressed sibling.
    encoding: Option<&'static str>,
}

/// What the server reads of a request.
struct Request {
    method: String,
    target: String,
    /// The `Accept-Encoding` header's value (empty when absent).
    accept_encoding: String,
}

/// A response whose body is its status line.
fn text(status: u16, reason: &'static str) -> Response {
    Response {
        status,
        reason,
        content_type: "text/plain; charset=utf-8",
        body: format!("{status} {reason}\n").into_bytes(),
        extra: None,
        encoding: None,
    }
}

/// Answers one request on `stream`, then closes it.
fn handle(stream: &TcpStream, root: &Path, encodings: &[&'static str]) {
    let timeout = Some(Duration::from_secs(10));
    let _ = stream.set_read_timeout(timeout);
    let _ = stream.set_write_timeout(timeout);
    let (method, target, response) = match read_head(stream) {
        Some(request) => {
            let response = respond(root, &request, encodings);
            (request.method, request.target, response)
        }
        None => (String::new(), String::new(), text(400, "Bad Request")),
    };
    let (status, target) = (response.status, target.escape_debug());
    match write_response(stream, &response, method == "HEAD") {
        // A connection closed without a request (a browser's speculative preconnect).
        Err(_) if method.is_empty() => {}
        Err(e) => eprintln!("xtask: {method} {target}: cannot reply: {e}"),
        Ok(()) if status >= 400 => eprintln!("xtask: {status} {method} {target}"),
        Ok(()) => {}
    }
    // Close gracefully: unread request bytes at close would make the kernel send a reset.
    let _ = stream.shutdown(Shutdown::Write);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(1)));
    let _ = std::io::copy(&mut stream.take(1 << 20), &mut std::io::sink());
}

/// The method and target of the request line and the `Accept-Encoding` header, after
/// reading every header line.
fn read_head(stream: &TcpStream) -> Option<Request> {
    let mut reader = BufReader::new(stream.take(MAX_HEAD));
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut words = line.split_whitespace();
    let (method, target, version) = (words.next()?, words.next()?, words.next()?);
    if words.next().is_some() || !version.starts_with("HTTP/1.") {
        return None;
    }
    let mut accept_encoding = String::new();
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).ok()? == 0 {
            return None; // end of input (or MAX_HEAD) before the blank line
        }
        if header.trim().is_empty() {
            return Some(Request {
                method: method.to_owned(),
                target: target.to_owned(),
                accept_encoding,
            });
        }
        if let Some((name, value)) = header.split_once(':') {
            if name.trim().eq_ignore_ascii_case("accept-encoding") {
                accept_encoding = value.trim().to_owned();
            }
        }
    }
}

/// Whether an `Accept-Encoding` value accepts `coding` (named, with no `q=0`).
fn accepts(accept_encoding: &str, coding: &str) -> bool {
    accept_encoding.split(',').any(|item| {
        let mut parts = item.split(';').map(str::trim);
        let name = parts.next().unwrap_or("");
        let refused = parts.any(|p| {
            p.strip_prefix("q=")
                .and_then(|q| q.parse::<f32>().ok())
                .is_some_and(|q| q <= 0.0)
        });
        name.eq_ignore_ascii_case(coding) && !refused
    })
}

fn respond(root: &Path, request: &Request, encodings: &[&'static str]) -> Response {
    let (method, target) = (request.method.as_str(), request.target.as_str());
    if method != "GET" && method != "HEAD" {
        let mut response = text(405, "Method Not Allowed");
        response.extra = Some(("Allow", "GET, HEAD".to_owned()));
        return response;
    }
    let path = match url_path(target) {
        Ok(path) => path,
        Err(400) => return text(400, "Bad Request"),
        Err(_) => return text(403, "Forbidden"),
    };
    let mut file = root.to_path_buf();
    file.extend(path.split('/').filter(|s| !s.is_empty() && *s != "."));
    if path.ends_with('/') {
        file.push("index.html");
    }
    let Ok(real) = file.canonicalize() else {
        return text(404, "Not Found");
    };
    if !real.starts_with(root) {
        return text(403, "Forbidden");
    }
    if real.is_dir() {
        let raw = target.split(['?', '#']).next().unwrap_or("/");
        let mut response = text(301, "Moved Permanently");
        response.extra = Some(("Location", format!("/{}/", raw.trim_matches('/'))));
        return response;
    }
    // A precompressed sibling, in the server's order of preference, if the request takes it.
    let sibling = encodings
        .iter()
        .filter(|coding| accepts(&request.accept_encoding, coding))
        .filter_map(|coding| {
            let (_, suffix) = CODINGS.iter().find(|(name, _)| name == coding)?;
            let mut name = real.file_name()?.to_os_string();
            name.push(suffix);
            let sibling = real.with_file_name(name).canonicalize().ok()?;
            sibling.starts_with(root).then_some((*coding, sibling))
        })
        .next();
    let (encoding, path) = match sibling {
        Some((coding, path)) => (Some(coding), path),
        None => (None, real),
    };
    match std::fs::read(&path) {
        Ok(body) => Response {
            status: 200,
            reason: "OK",
            content_type: content_type(&file),
            body,
            extra: None,
            encoding,
        },
        Err(e) if e.kind() == ErrorKind::PermissionDenied => text(403, "Forbidden"),
        Err(_) => text(404, "Not Found"),
    }
}

/// The decoded path of a request target, without query or fragment:
/// `Err(400)` when malformed, `Err(403)` for `..` segments, NUL or backslash.
fn url_path(target: &str) -> Result<String, u16> {
    let raw = target.split(['?', '#']).next().unwrap_or("");
    if !raw.starts_with('/') || !raw.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(400);
    }
    let path = percent_decode(raw).ok_or(400u16)?;
    if path.contains(['\0', '\\']) || path.split('/').any(|s| s == "..") {
        return Err(403);
    }
    Ok(path)
}

/// `%XX` escapes decoded to bytes, read as UTF-8; `None` when malformed.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text
                .get(i + 1..i + 3)
                .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The Content-Type for a file, by its extension.
fn content_type(path: &Path) -> &'static str {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    match ext.to_ascii_lowercase().as_str() {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "txt" => "text/plain; charset=utf-8",
        "webmanifest" => "application/manifest+json",
        "ico" => "image/x-icon",
        _ => "application/octet-stream",
    }
}

fn write_response(mut stream: &TcpStream, r: &Response, head_only: bool) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\n\
         Content-Security-Policy: {CSP}\r\nX-Content-Type-Options: nosniff\r\n\
         Cache-Control: no-cache\r\nAccess-Control-Allow-Origin: *\r\nVary: Accept-Encoding\r\n\
         Connection: close\r\n",
        r.status,
        r.reason,
        r.content_type,
        r.body.len()
    );
    if let Some((name, value)) = &r.extra {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if let Some(coding) = r.encoding {
        head.push_str(&format!("Content-Encoding: {coding}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(&r.body)?;
    }
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("/a%20b").as_deref(), Some("/a b"));
        assert_eq!(percent_decode("/caf%C3%a9+x").as_deref(), Some("/café+x"));
        for bad in ["/%", "/%2", "/%zz", "/%+1", "/%FF"] {
            assert_eq!(percent_decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn traversal_and_bad_paths_are_refused() {
        assert_eq!(url_path("/a/./b/?q=../x#..").as_deref(), Ok("/a/./b/"));
        assert_eq!(url_path("/a..b/c").as_deref(), Ok("/a..b/c"));
        let dots = ["/../x", "/a/..", "/%2e%2E/x", "/a/..%2f..%2fx"];
        for bad in dots.into_iter().chain(["/a%00", "/a%5c..%5cx"]) {
            assert_eq!(url_path(bad), Err(403), "{bad}");
        }
        for bad in ["x", "", "http://h/", "/%zz", "/a\u{1b}"] {
            assert_eq!(url_path(bad), Err(400), "{bad}");
        }
    }

    #[test]
    fn mime_types() {
        let of = |name: &str| content_type(Path::new(name));
        assert_eq!(of("index.html"), "text/html; charset=utf-8");
        assert_eq!(of("a/app.MJS"), "text/javascript; charset=utf-8");
        assert_eq!(of("core_bg.wasm"), "application/wasm");
        assert_eq!(of("site.webmanifest"), "application/manifest+json");
        assert_eq!(of("favicon.ico"), "image/x-icon");
        assert_eq!(of("README"), "application/octet-stream");
    }

    #[test]
    fn serve_options() {
        let parse = |line: &str| options(&line.split(' ').map(String::from).collect::<Vec<_>>());
        let port = |line: &str| parse(line).map(|o| o.port);
        assert_eq!(port("serve"), Ok(8000));
        assert_eq!(port("serve --port 9000"), Ok(9000));
        assert_eq!(port("serve --port=1234"), Ok(1234));
        for bad in ["--port", "--port x", "--port=70000", "--port=", "--port -1"] {
            assert!(parse(&format!("serve {bad}")).is_err(), "{bad}");
        }
        let all = parse("serve --dir site --encodings gzip").unwrap();
        assert_eq!(all.dir, Some(crate::root().join("site")));
        assert_eq!(all.encodings, ["gzip"]);
        assert_eq!(parse("serve").unwrap().encodings, ["br", "gzip"]);
        assert_eq!(parse("serve --encodings=").unwrap().encodings, [""; 0]);
        assert!(parse("serve --encodings zstd").is_err());
        assert!(parse("serve --verbose").is_err());
    }

    #[test]
    fn accept_encoding() {
        assert!(accepts("gzip, deflate, br, zstd", "br"));
        assert!(accepts("GZIP;q=0.5", "gzip"));
        assert!(!accepts("gzip;q=0, br", "gzip"));
        assert!(!accepts("", "gzip"));
        assert!(!accepts("x-gzip", "gzip"));
    }

    /// Sends `request` (`METHOD PATH`) and checks the status, [`CSP`] and the other
    /// `headers` (whole lines); returns the body.
    fn fetch(addr: std::net::SocketAddr, request: &str, status: u16, headers: &[&str]) -> Vec<u8> {
        let mut stream = TcpStream::connect(addr).unwrap();
        let (request, extra) = request.split_once(" | ").unwrap_or((request, ""));
        let extra = if extra.is_empty() {
            String::new()
        } else {
            format!("{extra}\r\n")
        };
        write!(
            stream,
            "{request} HTTP/1.1\r\nHost: localhost\r\n{extra}\r\n"
        )
        .unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        let end = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        let head = String::from_utf8(raw[..end].to_vec()).unwrap();
        let status_line = format!("HTTP/1.1 {status} ");
        assert!(head.starts_with(&status_line), "{request}:\n{head}");
        let csp = format!("Content-Security-Policy: {CSP}");
        let nosniff = "X-Content-Type-Options: nosniff";
        for want in [&*csp, nosniff, "Cache-Control: no-cache"]
            .iter()
            .chain(headers)
        {
            let found = head.lines().any(|line| line == *want);
            assert!(found, "{request}: no {want:?} in\n{head}");
        }
        raw[end + 4..].to_vec()
    }

    #[test]
    fn serves_files_over_http() {
        let base = std::env::temp_dir().join(format!("xtask-serve-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&base);
        let site = base.join("site");
        std::fs::create_dir_all(site.join("sub")).unwrap();
        let wasm = b"\0asm\x01\0\0\0";
        std::fs::write(site.join("index.html"), "<p>home</p>").unwrap();
        std::fs::write(site.join("sub/index.html"), "<p>sub</p>").unwrap();
        std::fs::write(site.join("core.wasm"), wasm).unwrap();
        std::fs::write(site.join("core.wasm.gz"), b"GZ").unwrap();
        std::fs::write(site.join("core.wasm.br"), b"BR").unwrap();
        std::fs::write(base.join("secret.txt"), "SECRET").unwrap();
        let mut evil = vec![
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/a/..%2f..%2fsecret.txt",
        ];
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(base.join("secret.txt"), site.join("leak.txt")).unwrap();
            evil.push("/leak.txt");
        }
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let dir = site.clone();
        std::thread::spawn(move || serve_on(listener, &dir, vec!["br", "gzip"]));

        let html = &["Content-Type: text/html; charset=utf-8"];
        let wasm_type = "Content-Type: application/wasm";
        assert_eq!(fetch(addr, "GET /?v=1#x", 200, html), b"<p>home</p>");
        assert_eq!(fetch(addr, "GET /core.wasm", 200, &[wasm_type]), wasm);
        let length = "Content-Length: 8";
        assert_eq!(
            fetch(addr, "HEAD /core.wasm", 200, &[wasm_type, length]),
            b""
        );
        // A precompressed sibling, as the request accepts and the server prefers.
        let (gz, br) = ("Content-Encoding: gzip", "Content-Encoding: br");
        let vary = "Vary: Accept-Encoding";
        let wants = |accept: &str| format!("GET /core.wasm | Accept-Encoding: {accept}");
        assert_eq!(
            fetch(addr, &wants("gzip, br"), 200, &[wasm_type, br, vary]),
            b"BR"
        );
        assert_eq!(fetch(addr, &wants("gzip"), 200, &[wasm_type, gz]), b"GZ");
        assert_eq!(fetch(addr, &wants("br;q=0"), 200, &[vary]), wasm);
        assert_eq!(
            fetch(addr, "GET /index.html | Accept-Encoding: br", 200, html),
            b"<p>home</p>"
        );
        fetch(addr, "GET /sub", 301, &["Location: /sub/"]);
        assert_eq!(fetch(addr, "GET /sub/", 200, html), b"<p>sub</p>");
        fetch(addr, "GET /missing.js", 404, &[]);
        fetch(addr, "POST /", 405, &["Allow: GET, HEAD"]);
        fetch(addr, "GET / SPDY/3", 400, &[]); // four words on the request line
        for path in evil {
            let body = fetch(addr, &format!("GET {path}"), 403, &[]);
            assert!(!String::from_utf8_lossy(&body).contains("SECRET"), "{path}");
        }
        let taken = serve(&site, addr.port(), Vec::new()).unwrap_err();
        assert!(
            taken.contains("in use") && taken.contains("--port"),
            "{taken}"
        );
        let _ = std::fs::remove_dir_all(&base);
    }
}
