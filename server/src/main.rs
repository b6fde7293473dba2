use std::net::SocketAddr;
use std::path::PathBuf;

use clap::Parser;
use ntm_server::{app, Db, Limits, Options};

/// Reference backend of the Nông thôn mới portal: the JSON API on SQLite, and
/// the built front end.
#[derive(Parser, Debug)]
#[command(version)]
struct Args {
    #[command(subcommand)]
    command: Option<Task>,
    /// Address and port to listen on (port 0 picks a free one).
    #[arg(long, env = "NTM_LISTEN", default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// SQLite database file; created, migrated and filled with demo content on first start.
    #[arg(
        long,
        env = "NTM_DATABASE",
        default_value = "ntm.sqlite3",
        global = true
    )]
    database: PathBuf,
    /// Folder of content for a new database instead of the demo content: the JSON
    /// files of server/seed/ (categories, site, polls, documents, and articles).
    #[arg(long, env = "NTM_SEED")]
    seed: Option<PathBuf>,
    /// Folder of the built front end (trunk's output). Without it only /api is served.
    #[arg(long, env = "NTM_DIST")]
    dist: Option<PathBuf>,
    /// API base the served front end should call, written into its index.html
    /// (default: /api on the same origin).
    #[arg(long, env = "NTM_API_BASE")]
    api_base: Option<String>,
    /// Other origins photos, logos, songs and media in articles may load from
    /// (e.g. a CDN, https://cdn.example.vn), comma-separated or repeated: written
    /// into the served index.html and its Content-Security-Policy. The API
    /// base's own origin is always allowed.
    #[arg(
        long = "media-origin",
        env = "NTM_MEDIA_ORIGINS",
        value_delimiter = ','
    )]
    media_origins: Vec<String>,
    /// Origins of front ends served elsewhere (a static host) that may call
    /// this API with the reader's cookies (CORS), comma-separated or repeated.
    #[arg(
        long = "allow-origin",
        env = "NTM_ALLOW_ORIGINS",
        value_delimiter = ','
    )]
    allow_origins: Vec<String>,
    /// Cookies with SameSite=None; Secure, for a front end on another site
    /// (another domain, not just another host of the same domain); needs HTTPS.
    #[arg(long, env = "NTM_CROSS_SITE_COOKIES")]
    cross_site_cookies: bool,
    /// Ratings one IP address may give one article in 24 hours.
    #[arg(long, env = "NTM_RATINGS_PER_IP", default_value_t = Limits::default().ratings_per_ip_per_day)]
    ratings_per_ip: u32,
    /// Votes one IP address may cast in one poll in 24 hours.
    #[arg(long, env = "NTM_VOTES_PER_IP", default_value_t = Limits::default().votes_per_ip_per_day)]
    votes_per_ip: u32,
    /// New visitor ids (visits without a known cookie) one IP address may bring in an hour.
    #[arg(long, env = "NTM_NEW_VISITORS_PER_IP", default_value_t = Limits::default().new_visitors_per_ip_per_hour)]
    new_visitors_per_ip: u32,
    /// Take client addresses from X-Forwarded-For: only behind a reverse proxy that sets it.
    #[arg(long, env = "NTM_TRUST_FORWARDED_FOR")]
    trust_forwarded_for: bool,
    /// Seconds a member's session may sit unused before it ends (at least 61:
    /// the front end warns a minute before).
    #[arg(long, env = "NTM_SESSION_IDLE_SECONDS", default_value_t = Limits::default().session_idle_seconds,
          value_parser = clap::value_parser!(u32).range(61..))]
    session_idle_seconds: u32,
    /// Failed sign-ins one IP address may make in 15 minutes.
    #[arg(long, env = "NTM_FAILED_SIGN_INS_PER_IP", default_value_t = Limits::default().failed_sign_ins_per_ip)]
    failed_sign_ins_per_ip: u32,
    /// Failed sign-ins to one e-mail address in 15 minutes.
    #[arg(long, env = "NTM_FAILED_SIGN_INS_PER_EMAIL", default_value_t = Limits::default().failed_sign_ins_per_email)]
    failed_sign_ins_per_email: u32,
    /// Registrations one IP address may send in an hour.
    #[arg(long, env = "NTM_REGISTRATIONS_PER_IP", default_value_t = Limits::default().registrations_per_ip_per_hour)]
    registrations_per_ip: u32,
    /// Seconds a shared cache (a CDN or a proxy in front) may keep a public
    /// answer of the API; 0 makes it ask each time.
    #[arg(long, env = "NTM_SHARED_CACHE_SECONDS", default_value_t = Limits::default().shared_cache_seconds)]
    shared_cache_seconds: u32,
    /// The NukeViet mode: the contract is served from this NukeViet 4 site's
    /// MySQL/MariaDB database (mysql://user:password@host:3306/database, or
    /// mysql://user:password@localhost/database?socket=/path/mysqld.sock);
    /// --database keeps what NukeViet has no table for.
    #[arg(long, env = "NTM_NUKEVIET")]
    nukeviet: Option<String>,
    /// NukeViet's table prefix ($db_config['prefix'] in its config.php).
    #[arg(long, env = "NTM_NUKEVIET_PREFIX", default_value = "nv4")]
    nukeviet_prefix: String,
    /// The NukeViet language whose content is served.
    #[arg(long, env = "NTM_NUKEVIET_LANG", default_value = "vi")]
    nukeviet_lang: String,
    /// What NukeViet has no place for, as /api/site's JSON (office, editors,
    /// address, songs, partners, Zalo QR code); its empty fields come from
    /// the NukeViet site.
    #[arg(long, env = "NTM_NUKEVIET_OVERLAY")]
    nukeviet_overlay: Option<PathBuf>,
    /// The NukeViet site's folder: its uploads/ and assets/ (photos,
    /// thumbnails) are served at the same paths, documents' attachments
    /// from its uploads/.
    #[arg(long, env = "NTM_NUKEVIET_ROOT")]
    nukeviet_root: Option<PathBuf>,
}

/// What to do instead of serving.
#[derive(clap::Subcommand, Debug)]
enum Task {
    /// Copies the database (--database) to FILE, a new file, while a server
    /// may be serving from it: a consistent copy, checked. To restore: stop
    /// the server, put the copy in the database's place, remove the
    /// database's -wal and -shm files, start the server.
    Backup {
        /// Where to write the copy; must not exist.
        file: PathBuf,
    },
}

/// The origins of a list given on the command line, or the program stops
/// with one line saying which entry is not an origin.
fn origins_or_exit(what: &str, list: &[String]) -> Vec<String> {
    match ntm_server::origins::parse_list(&list.join(",")) {
        Ok(origins) => origins,
        Err(e) => {
            eprintln!("{what}: {e}");
            std::process::exit(2);
        }
    }
}

/// Logs on stderr, one line an event: levels from NTM_LOG (`info` by
/// default; e.g. `warn`, or `info,request=warn` to leave out the requests),
/// JSON lines when NTM_LOG_FORMAT=json (for a log collector).
fn logs() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("NTM_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let logs = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if std::env::var("NTM_LOG_FORMAT").is_ok_and(|f| f == "json") {
        logs.json().init();
    } else {
        logs.with_ansi(false).init();
    }
}

/// Ctrl-C, or SIGTERM (what a service manager or a container runtime sends):
/// the server stops taking connections, answers what it has begun and exits.
async fn stop_signal() {
    let mut terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        .expect("a SIGTERM handler can be installed");
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = terminate.recv() => {}
    }
}

#[tokio::main]
async fn main() {
    let args = Args::parse();
    logs();
    if let Some(Task::Backup { file }) = &args.command {
        match ntm_server::db::backup::to_file(&args.database, file) {
            Ok(pages) => {
                println!(
                    "{} copied to {} ({pages} pages, checked)",
                    args.database.display(),
                    file.display()
                );
                return;
            }
            Err(e) => {
                eprintln!("backup of {} failed: {e}", args.database.display());
                std::process::exit(1);
            }
        }
    }
    let origins = ntm_server::Origins {
        media: origins_or_exit("--media-origin", &args.media_origins),
        front_ends: origins_or_exit("--allow-origin", &args.allow_origins),
        cross_site_cookies: args.cross_site_cookies,
    };
    let content = match &args.seed {
        Some(dir) => match ntm_server::seed::Content::from_dir(dir) {
            Ok(c) => Some(c),
            Err(e) => {
                eprintln!("cannot read the seed folder: {e}");
                std::process::exit(1);
            }
        },
        None => None,
    };
    let db = Db::open(&args.database).and_then(|db| {
        ntm_server::seed::fill_if_empty(&db, || {
            content.unwrap_or_else(ntm_server::seed::Content::demo)
        })?;
        Ok(db)
    });
    let db = match db {
        Ok(db) => db,
        Err(e) => {
            eprintln!("cannot open database {}: {e}", args.database.display());
            std::process::exit(1);
        }
    };
    let listener = match tokio::net::TcpListener::bind(args.listen).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("cannot listen on {}: {e}", args.listen);
            std::process::exit(1);
        }
    };
    let addr = listener
        .local_addr()
        .expect("a bound socket has an address");
    let nukeviet = args.nukeviet.map(|url| {
        let settings = ntm_server::nukeviet::Settings {
            url,
            prefix: args.nukeviet_prefix,
            lang: args.nukeviet_lang,
            overlay: args.nukeviet_overlay,
            root: args.nukeviet_root.clone(),
        };
        ntm_server::nukeviet::Site::open(&settings).unwrap_or_else(|e| {
            eprintln!("{e}");
            std::process::exit(1);
        })
    });
    tokio::spawn(ntm_server::db::upkeep::on_schedule(
        db.clone(),
        ntm_server::system_clock(),
        args.session_idle_seconds,
    ));
    let router = app(
        db,
        Options {
            dist: args.dist,
            api_base: args.api_base,
            limits: Limits {
                ratings_per_ip_per_day: args.ratings_per_ip,
                votes_per_ip_per_day: args.votes_per_ip,
                trust_forwarded_for: args.trust_forwarded_for,
                session_idle_seconds: args.session_idle_seconds,
                failed_sign_ins_per_ip: args.failed_sign_ins_per_ip,
                failed_sign_ins_per_email: args.failed_sign_ins_per_email,
                registrations_per_ip_per_hour: args.registrations_per_ip,
                new_visitors_per_ip_per_hour: args.new_visitors_per_ip,
                shared_cache_seconds: args.shared_cache_seconds,
            },
            clock: None,
            origins,
            nukeviet,
            nukeviet_root: args.nukeviet_root,
        },
    );
    // Tests read this line to learn the port.
    println!("Listening on http://{addr}/");
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(stop_signal())
    .await
    .expect("server error");
}
