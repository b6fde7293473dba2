// Writes the page's Content-Security-Policy into a built index.html as a meta
// tag, for a static host that sends no header of ours: what a meta tag can
// carry of the backend's policy (server/src/security.rs), to the letter:
// scripts from this origin and the inline ones by their hashes, the wasm,
// no plugins, no <base>, Trusted Types. e2e (security.spec.ts) checks that
// each directive here reads the same in the backend's header.
//   node scripts/csp-meta.mjs dist/index.html
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.argv[2];
let html = readFileSync(file, 'utf8');
// As the backend finds them: each <script> without src, its text as written.
const hashes = html
  .split('<script')
  .slice(1)
  .flatMap((rest) => {
    const end = rest.indexOf('>');
    const close = rest.indexOf('</script>');
    if (end < 0 || close < 0 || rest.slice(0, end).includes('src=')) return [];
    const text = rest.slice(end + 1, close);
    return [`'sha256-${createHash('sha256').update(text).digest('base64')}'`];
  });
const policy = [
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types ntm-html default',
].join('; ');
const tag = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
html = html.replace(/\n?\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
if (!html.includes('<meta charset="utf-8">')) throw new Error(`${file}: no <meta charset="utf-8"> to put the policy after`);
html = html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n  ${tag}`);
writeFileSync(file, html);
