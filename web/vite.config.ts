// The dashboard's build: static files in web/dist that `parley serve` hands out under '/'.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
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
