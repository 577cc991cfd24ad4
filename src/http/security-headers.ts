import helmet from 'helmet';

/**
 * Strict CSP: nothing but our own styles, scripts and images, no inline code, no framing, and
 * forms post only to us. Pages make no third-party requests of any kind. No 'wasm-unsafe-eval'
 * here: only the check page's worker compiles WebAssembly, and it is served with its own policy.
 */
export const securityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      // The check page's worker (src/private-check-page), served with a policy of its own (page-assets.ts).
      workerSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'"],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
    },
  },
  referrerPolicy: { policy: 'no-referrer' },
});
