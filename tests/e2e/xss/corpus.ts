// The hostile corpus (payloads.txt, one payload a line) written as a seed
// folder for the backend's --seed option: every field the front end shows holds
// payloads, in articles, categories, documents, polls, the menu, the footer,
// songs and partner links.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const payloads: string[] = readFileSync(path.join(__dirname, 'payloads.txt'), 'utf8')
  .split('\n')
  .filter((l) => l.length > 0);

/** Payload `i`, wrapping around the corpus. */
const p = (i: number) => payloads[i % payloads.length];

export const categories = [0, 1, 2].map((i) => ({
  slug: `doc-hai-${i}`,
  name: p(i + 40),
  description: p(i + 50),
}));

/** One article per payload: its title is that payload, every other field
 *  holds other payloads, and the body holds several, with a captioned photo. */
export const articles = payloads.map((title, i) => ({
  slug: `bai-doc-hai-${i}`,
  title,
  category: categories[i % categories.length].slug,
  // One minute apart, so lists and newer/older links are stable.
  published: `2024-05-${String(1 + Math.floor(i / 60)).padStart(2, '0')} ${String(Math.floor((i % 60) / 10) + 8).padStart(2, '0')}:${String(i % 10).padStart(2, '0')}`,
  lead: p(i + 1),
  image: i % 4 === 0 ? { file: 'dam-sen.jpg', alt: p(i + 2) } : null,
  body_html:
    `<p>${p(i + 3)}</p>${p(i)}<figure><img src="/anh/dam-sen.jpg" alt="${p(i + 4)}">` +
    `<figcaption>${p(i + 5)}</figcaption></figure>${p(i + 6)}<p>Hết bài.</p>`,
  author: p(i + 7),
  source: p(i + 8),
  tags: [p(i + 9), p(i + 10)],
  views: i,
  rating_enabled: i % 2 === 0,
}));

/** An article whose body is the whole corpus, for the sanitizer. */
export const everything = {
  slug: 'toan-bo-ma-doc',
  title: 'Toàn bộ mã độc',
  category: categories[0].slug,
  published: '2024-06-30 12:00',
  lead: 'Mọi mẫu tấn công trong một bài.',
  image: null,
  body_html: payloads.join('\n'),
  author: 'Kiểm thử',
  source: 'Kiểm thử',
  tags: ['kiểm thử'],
  views: 0,
  rating_enabled: true,
};

export const documents = Array.from({ length: 12 }, (_, i) => ({
  number: `${i + 1}/QD-XSS`,
  type: p(i + 60),
  summary: p(i + 61),
  issuing_body: p(i + 62),
  signer: p(i + 63),
  areas: [p(i + 64), p(i + 65)],
  issued: `2024-0${1 + (i % 9)}-1${i % 10}`,
  effective: null,
  expires: null,
  body: [p(i + 66), p(i + 67)],
  attachments: [{ file: `qd-xss-${i}.pdf`, title: p(i + 68) }],
  related: i > 0 ? [`${i}/QD-XSS`] : [],
}));

export const polls = [0, 1, 2].map((i) => ({
  question: p(i + 80),
  max_choices: i === 1 ? 2 : 1,
  starts: `2024-0${i + 1}-01 07:00`,
  ends: null,
  active: i === 2,
  voters: 10,
  options: [0, 1, 2, 3].map((k) => [p(i * 4 + k + 90), k]),
}));

export const site = {
  name: p(100),
  office: p(101),
  editor_in_chief: p(102),
  deputy_editor: p(103),
  address: p(104),
  phone: p(105),
  email: p(106),
  menu: [
    { label: p(107), href: '/' },
    { label: p(108), href: 'javascript:alert(1)' },
    {
      label: p(109),
      href: `/chuyen-muc/${categories[0].slug}`,
      children: [
        { label: p(110), href: 'JaVaScRiPt:alert(1)' },
        { label: p(111), href: `/chuyen-muc/${categories[1].slug}` },
      ],
    },
    { label: p(112), href: 'data:text/html,<script>alert(1)</script>' },
    { label: 'Văn bản', href: '/van-ban' },
    { label: 'Thăm dò ý kiến', href: '/tham-do-y-kien' },
  ],
  songs: [
    { title: p(113), performer: p(114), src: 'javascript:alert(1)', media_type: 'audio/wav' },
    { title: p(115), performer: p(116), src: '/media/que-huong-doi-moi.wav', media_type: 'audio/wav' },
  ],
  partners: [
    { name: p(117), url: 'javascript:alert(1)',
      logo: { src: 'http://evil.test/logo.png', alt: p(118), width: 200, height: 64 } },
    { name: p(119), url: 'https://mae.gov.vn',
      logo: { src: '/doi-tac/bo-nong-nghiep.svg', alt: p(120), width: 200, height: 64 } },
  ],
  zalo_qr: { src: 'javascript:alert(1)', alt: p(121), width: 132, height: 132 },
};

/** Writes the seed folder into `dir`. */
export function writeSeed(dir: string) {
  mkdirSync(dir, { recursive: true });
  const write = (name: string, v: unknown) =>
    writeFileSync(path.join(dir, name), JSON.stringify(v, null, 1));
  write('categories.json', categories);
  write('articles.json', [...articles, everything]);
  write('documents.json', documents);
  write('polls.json', polls);
  write('site.json', site);
}
