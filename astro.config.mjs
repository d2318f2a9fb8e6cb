// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { codeCells } from './src/markdown/code-cells.ts';

// Wheelhouse: a static course site. Lessons are MDX; the only client code on a
// lesson page is the tiny inline theme script and, later, the sandbox loader.
export default defineConfig({
  output: 'static',
  integrations: [mdx()],
  prefetch: false,
  markdown: {
    shikiConfig: {
      // Dual themes, emitted as CSS variables only (--shiki-light / --shiki-dark);
      // src/styles/code.css picks one with light-dark(), following the site theme.
      themes: { light: 'github-light-default', dark: 'github-dark-default' },
      defaultColor: false,
      // Frames every block with a toolbar: Copy everywhere, runnable notebook cells for
      // ```bash run blocks, Open in editor / Apply for YAML manifests (src/markdown/code-cells.ts).
      transformers: [codeCells()],
    },
  },
});
