/**
 * The dashboard's static files (web/dist): correct content types, long caching for hashed assets,
 * index.html for every other path (the dashboard routes in the browser), and a strict
 * Content-Security-Policy so that nothing but the dashboard's own scripts can run.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Context } from 'hono';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/**
 * Scripts only from this origin, no inline script, no eval; styles allow inline because charting
 * (Observable Plot) writes style attributes; images may be data:/blob: URLs (chart PNG export).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** Headers every response carries (API included). */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

async function fileAt(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export function staticFiles(webRoot: string) {
  const root = resolve(webRoot);
  return async (c: Context): Promise<Response> => {
    let rel: string;
    try {
      rel = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      return c.text('bad path', 400);
    }
    const candidate = resolve(join(root, rel));
    // Never serve outside the web root (../ and encoded variants resolve away from it).
    const inside = candidate === root || candidate.startsWith(root + sep);
    let file = inside && !rel.includes('\0') && (await fileAt(candidate)) ? candidate : null;
    if (!file) {
      // An asset-looking path that does not exist is a 404, not the app shell.
      if (extname(rel) && extname(rel) !== '.html') return c.text('not found', 404);
      file = join(root, 'index.html');
      if (!(await fileAt(file))) {
        return c.text(`The dashboard is not built (no ${file}). Run "parley serve --build" or "npm start". The API is under /api.`, 404);
      }
    }
    const body = await readFile(file);
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const hashed = /[.-][A-Za-z0-9_-]{8,}\.(js|css|woff2?|svg|png)$/.test(file) && file.includes(`${sep}assets${sep}`);
    return c.body(body, 200, {
      'Content-Type': type,
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  };
}
