import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  // Electron loads the build from file://, so every asset URL must be relative.
  base: './',
  plugins: [svelte()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // ECharts alone is ~600 kB minified; the app is offline, so one chunk is fine and the warning is noise.
    chunkSizeWarningLimit: 1500,
  },
  server: { host: '127.0.0.1' },
});
