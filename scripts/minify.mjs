// Makes the built front end smaller in place, after trunk, and puts each
// changed file's new hash in the integrity attribute index.html gives it.
// Measured by scripts/bench-size.sh.
//   node scripts/minify.mjs dist
//
// 1. The names between the wasm and its JS glue. wasm-bindgen names every
//    import by a hash ("__wbg_createElement_8c9931a732ee2fea"): some 280 of
//    them, written in both files, and hashes do not compress. binaryen's
//    wasm-opt gives them short names and prints the mapping; the glue is
//    rewritten by it. The same pass drops the producers and target-features
//    sections: what a linker reads, not a browser.
// 2. The JS glue and the stylesheet, by esbuild. (trunk would minify them only
//    together with index.html, whose meta tags the backend and csp-meta.mjs
//    read as written.)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';

const dir = process.argv[2];
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const page = join(dir, 'index.html');
let html = readFileSync(page, 'utf8');
const files = readdirSync(dir);

/** Writes `file`'s new content and follows it in index.html's integrity attributes. */
function rewrite(name, before, after) {
  // An integrity attribute this script cannot follow would block the file.
  const linked = html.split('<').filter((tag) => tag.includes(name) && tag.includes('integrity='));
  if (linked.some((tag) => !tag.includes(sri(before)))) {
    throw new Error(`index.html checks ${name} by a hash other than its sha384`);
  }
  writeFileSync(join(dir, name), after);
  html = html.replaceAll(sri(before), sri(after));
}

const wasmName = files.find((f) => f.endsWith('_bg.wasm'));
const glueName = wasmName.replace(/_bg\.wasm$/, '.js');
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// 1. Short names.
const wasmBefore = readFileSync(join(dir, wasmName));
const wasmOpt = join(import.meta.dirname, '..', 'node_modules', '.bin', 'wasm-opt');
const printed = execFileSync(wasmOpt, [
  join(dir, wasmName), '--minify-imports-and-exports-and-modules',
  '--strip-producers', '--strip-target-features', '-o', join(dir, `${wasmName}.new`),
], { encoding: 'utf8' });
const mapping = JSON.parse(printed.slice(printed.indexOf('{'), printed.lastIndexOf('}') + 1));
const glueBefore = readFileSync(join(dir, glueName), 'utf8');
let glue = glueBefore;
const modules = new Set(mapping.imports.map(([module]) => module));
if (modules.size !== 1) throw new Error(`the wasm imports from ${modules.size} modules, not one`);
const [module] = modules;
// The module's imports are one object keyed by name, handed to the wasm
// under the module's name; the glue reaches the exports as `wasm.name`.
const moduleKey = `${JSON.stringify(module)}:`;
if (!glue.includes(moduleKey)) throw new Error(`no ${moduleKey} in ${glueName}`);
// binaryen names the one module "a".
glue = glue.replace(moduleKey, '"a":');
for (const [, from, to] of mapping.imports) {
  const key = new RegExp(`(^|[\\s,{])${escape(from)}:`, 'm');
  if (!key.test(glue)) throw new Error(`import ${from} is not a key in ${glueName}`);
  glue = glue.replace(key, `$1${to}:`);
}
for (const [from, to] of mapping.exports) {
  glue = glue.replace(new RegExp(`\\bwasm\\.${escape(from)}(?![\\w$])`, 'g'), `wasm.${to}`);
}
const wasmAfter = readFileSync(join(dir, `${wasmName}.new`));
execFileSync('rm', [join(dir, `${wasmName}.new`)]);
rewrite(wasmName, wasmBefore, wasmAfter);

// 2. esbuild; the service worker too (build.sh has filled in its
// placeholders), as the classic script it is.
for (const name of files.filter((f) => /\.(js|css)$/.test(f))) {
  const before = name === glueName ? glueBefore : readFileSync(join(dir, name), 'utf8');
  const loader = name.endsWith('.css') ? 'css' : 'js';
  const { code } = transformSync(name === glueName ? glue : before, {
    loader,
    minify: true,
    format: loader === 'js' && name !== 'sw.js' ? 'esm' : undefined,
  });
  rewrite(name, before, code);
}
writeFileSync(page, html);
