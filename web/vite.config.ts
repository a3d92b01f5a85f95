// The dashboard's build: static files in web/dist that `parley serve` hands out under '/'.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * A Content-Security-Policy in the built page, a second wall behind "case and article text is only
 * ever rendered as text": no inline or foreign script can run. Build only: the dev server's React
 * refresh needs an inline script.
 */
const contentSecurityPolicy: Plugin = {
  name: 'parley-csp',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: {
        'http-equiv': 'Content-Security-Policy',
        content:
          "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'",
      },
      injectTo: 'head-prepend',
    },
  ],
};

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), contentSecurityPolicy],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // Budget: < 300 KB of JavaScript gzipped (measured by bench/web.ts).
    chunkSizeWarningLimit: 700,
    reportCompressedSize: false,
  },
  server: {
    // The dashboard imports types (and a few pure helpers) from ../src.
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
    proxy: { '/api': `http://127.0.0.1:${process.env.PARLEY_PORT ?? 4242}` },
  },
});
