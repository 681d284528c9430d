import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import type { Lang } from '../i18n/i18n';

/** The municipality's Markdown pages: content/<lang>/*.md beside package.json (CONTENT_DIR overrides). */
const CONTENT_DIR = process.env.CONTENT_DIR ?? join(process.cwd(), 'content');

export interface ContentPage {
  slug: string;
  title: string;
  /** Sanitised HTML: the editors' Markdown, with any HTML in it cut down to safe tags. */
  html: string;
}

/** How long parsed pages are reused: an editor's change shows within this, no file is read per visit. */
const REUSE_MS = 30_000;
const parsed = new Map<Lang, { at: number; pages: Promise<ContentPage[]> }>();

/** The pages of one language, in file-name order, parsed at most every half minute. */
export function contentPages(lang: Lang): Promise<ContentPage[]> {
  const now = Date.now();
  const held = parsed.get(lang);
  if (held && now - held.at < REUSE_MS) return held.pages;
  const pages = readPages(lang);
  parsed.set(lang, { at: now, pages });
  // A failure is not kept: the next visit tries again.
  pages.catch(() => parsed.delete(lang));
  return pages;
}

async function readPages(lang: Lang): Promise<ContentPage[]> {
  const dir = join(CONTENT_DIR, lang);
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.md')).sort();
  return Promise.all(
    names.map(async (name) => {
      const markdown = await readFile(join(dir, name), 'utf8');
      const title = /^#\s+(.+)$/m.exec(markdown)?.[1]?.trim() ?? name;
      const body = markdown.replace(/^#\s+.+$/m, '');
      // The page's own heading is h2 on the front page, so the editors' ## become h3 and so on.
      const html = sanitizeHtml(await marked.parse(body.replace(/^(#{1,4})\s/gm, '##$1 ')), {
        allowedTags: ['p', 'a', 'ul', 'ol', 'li', 'strong', 'em', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'br'],
        allowedAttributes: { a: ['href'] },
        allowedSchemes: ['https', 'http', 'mailto'],
      });
      return { slug: name.replace(/\.md$/, ''), title, html };
    }),
  );
}
