// Renders each markdown page of a report as GitHub does (GFM via marked, github-markdown-css, the
// 980 px column GitHub gives a README) into an HTML file that measures itself (report-width.sh).
const fs = require('fs');
const path = require('path');
const { marked } = require('marked');
const css = fs.readFileSync(require.resolve('github-markdown-css/github-markdown-light.css'), 'utf8');
const [dir, outDir] = process.argv.slice(2);
fs.mkdirSync(outDir, { recursive: true });
for (const f of fs.readdirSync(dir).filter(f => f.endsWith('.md'))) {
  const body = marked.parse(fs.readFileSync(path.join(dir, f), 'utf8'), { gfm: true });
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>${css}
  .markdown-body { box-sizing: border-box; width: 980px; padding: 45px; margin: 0 auto; }
  </style></head><body><article class="markdown-body">${body}</article>
  <script>
  const wide = [];
  for (const el of document.querySelectorAll('.markdown-body table, .markdown-body p, .markdown-body li, .markdown-body h2, .markdown-body h3')) {
    const plan = el.tagName === 'TABLE' && el.querySelector('th') && el.querySelector('th').textContent.trim() === 'QUERY PLAN';
    if (plan || el.closest('pre')) continue;
    if (el.scrollWidth > el.clientWidth + 1) wide.push(el.tagName + ' ' + el.scrollWidth + '>' + el.clientWidth + ': ' + el.textContent.slice(0, 80).replace(/\\s+/g, ' '));
  }
  const a = document.querySelector('.markdown-body');
  document.body.setAttribute('data-result', JSON.stringify({page: ${JSON.stringify(f)}, article: a.scrollWidth + '/' + a.clientWidth, wide}));
  </script></body></html>`;
  fs.writeFileSync(path.join(outDir, f + '.html'), html);
}
