/**
 * The only sandbox code a lesson page loads up front: it waits until a sandbox scrolls into
 * view and then imports the sandbox bundle, so reading costs no sandbox JavaScript.
 */
const observer = new IntersectionObserver(
  (entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      observer.unobserve(entry.target);
      void import('./sandbox-element.ts').then((m) => m.mountSandbox(entry.target as HTMLElement));
    }
  },
  { rootMargin: '200px' },
);

for (const el of document.querySelectorAll<HTMLElement>('wh-sandbox')) observer.observe(el);
