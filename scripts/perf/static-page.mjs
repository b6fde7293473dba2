// Writes DIST/bai-tinh.html: the benchmark article as a plain HTML page with
// the SPA's stylesheet and no JS or wasm, the floor the SPA is compared with.
//   node scripts/perf/static-page.mjs BASE_URL DIST_DIR
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ARTICLE_SLUG, STATIC_PATH } from './lib.mjs';

const [base, dist] = process.argv.slice(2);
if (!base || !dist) {
  console.error('usage: node static-page.mjs BASE_URL DIST_DIR');
  process.exit(2);
}

const res = await fetch(`${base.replace(/\/$/, '')}/api/articles/${ARTICLE_SLUG}`);
if (!res.ok) throw new Error(`GET article: HTTP ${res.status}`);
const a = await res.json();

// The same hashed stylesheet the SPA links to.
const css = readdirSync(dist).find((f) => /^main-[0-9a-f]{16}\.css$/.test(f));
if (!css) throw new Error(`no main-<hash>.css in ${dist}`);

const esc = (s) =>
  String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// The date line as the SPA writes it (types/src/datetime.rs): Vietnam time, UTC+7.
const WEEKDAYS = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'];
const t = new Date((a.published_at + 7 * 3600) * 1000);
const p2 = (n) => String(n).padStart(2, '0');
const ymd = `${t.getUTCFullYear()}-${p2(t.getUTCMonth() + 1)}-${p2(t.getUTCDate())}`;
const hm = `${p2(t.getUTCHours())}:${p2(t.getUTCMinutes())}`;
const dateIso = `${ymd}T${hm}:00+07:00`;
const dateText = `${WEEKDAYS[t.getUTCDay()]} - ${p2(t.getUTCDate())}/${p2(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} ${hm}`;

const photo = a.image
  ? `<figure class="article-photo"><img src="${esc(a.image.src)}" alt="${esc(a.image.alt)}" ` +
    `width="${a.image.width}" height="${a.image.height}" fetchpriority="high">` +
    `<figcaption>${esc(a.image.alt)}</figcaption></figure>`
  : '';

// body_html goes in as it is: it is the seeded demo content of a fresh database,
// not visitor input (the SPA sanitizes it; a static site would at publish time).
const html = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(a.title)}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/${css}">
</head>
<body>
<div class="layout">
<main id="noi-dung" class="main">
<article class="article">
<h1 class="article-title">${esc(a.title)}</h1>
<div class="article-meta"><p class="article-date"><time datetime="${dateIso}">${dateText}</time></p></div>
<p class="article-lead">${esc(a.lead)}</p>
${photo}
<div class="article-body">${a.body_html}</div>
</article>
</main>
</div>
</body>
</html>
`;
const out = path.join(dist, STATIC_PATH.slice(1));
writeFileSync(out, html);
console.log(`static page: ${out} (${Buffer.byteLength(html)} B, stylesheet /${css})`);
