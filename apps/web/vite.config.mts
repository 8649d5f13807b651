// Builds the web app into apps/web/dist (served by the gateway). JSX goes through Vite's own
// transform (oxc, automatic runtime), so no React plugin is needed.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    // One small bundle: three pages do not need code splitting.
    chunkSizeWarningLimit: 400,
  },
});
