import { resolve } from 'path';
import { defineConfig } from 'vite';

// The API the dev server forwards to (`npm run dev:web` next to `npm start`).
const api = process.env.API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: __dirname,
  // No @vitejs/plugin-react: esbuild's automatic JSX runtime is all the build needs (no Fast Refresh).
  esbuild: { jsx: 'automatic' },
  // The one dependency-free module of the domain the console imports: the validation problem dictionary.
  resolve: {
    alias: { '@ledger/kernel/problem-messages': resolve(__dirname, '../../libs/kernel/src/problem-messages.ts') },
  },
  build: {
    // Next to the API's tsc output, so one `dist/` holds everything the server runs (and the Docker image copies).
    outDir: resolve(__dirname, '../../dist/web'),
    emptyOutDir: true,
    // ECharts alone is ~600 kB minified; one chunk per route would not make the first screen faster here.
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // react-router marks its modules "use client" (for React Server Components); meaningless in a browser bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/graphql': api, '/exports': api, '/health': api },
  },
});
